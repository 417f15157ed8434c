"""A saved report as an HTML document (Jinja2, imported only here): ``lang``, a ``<title>``
naming the report, centre and date, a viewport, print styles for A4, tables that become
cards on a phone, and charts drawn as inline SVG with each label measured in terminal cells
(a CJK character is two). No script and nothing from the network: it opens offline."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from yulin_cli.documents import Chart, Doc, Items, Line, Section, Table
from yulin_cli.frozen import frozen
from yulin_cli.i18n import colon, current_lang, t
from yulin_cli.wrapping import cells

TEMPLATES = Path(__file__).parent / "templates"

# Chart text is set in a monospace font at FONT px: a Latin character takes at most 0.6 em
# and a CJK one 1 em, so a terminal cell of CELL px holds either without overlap.
FONT = 14
CELL = math.ceil(FONT * 0.62 * 10) / 10
ROW = 26
GAP = 12
BAR = 160  # the longest bar, px


@frozen
class ChartRow:
    label: str
    shown: str
    y: float
    bar_y: float
    width: float
    tone: str


@frozen
class Geometry:
    width: float
    height: float
    figure_end: float
    bar_x: float
    bar_height: float
    rows: tuple[ChartRow, ...]


def geometry(chart: Chart) -> Geometry:
    """Where each label, figure and bar of a chart go: labels from the left, figures aligned
    right after the widest label, bars from one place after the widest figure."""
    label_w = max((cells(b.label) for b in chart.bars), default=0) * CELL
    figure_w = max((cells(b.shown) for b in chart.bars), default=0) * CELL
    figure_end = round(label_w + GAP + figure_w, 1)
    bar_x = round(figure_end + GAP, 1)
    most = max((abs(b.value) for b in chart.bars), default=0)
    bar_height = 14
    rows = []
    for n, b in enumerate(chart.bars):
        size = 0.0 if most <= 0 or b.value == 0 else max(2.0, round(BAR * abs(b.value) / most, 1))
        middle = n * ROW + ROW / 2
        rows.append(ChartRow(b.label, b.shown, round(middle + FONT * 0.35, 1),
                             middle - bar_height / 2, size,
                             "bad" if b.value < 0 else chart.tone))
    return Geometry(round(bar_x + BAR, 1), len(rows) * ROW, figure_end, bar_x, bar_height,
                    tuple(rows))


def _kind(block: Any) -> str:
    if isinstance(block, Table):
        return "table"
    if isinstance(block, Chart):
        return "chart"
    if isinstance(block, Items):
        return "items"
    assert isinstance(block, Line)
    return "line"


def visible(section: Section) -> bool:
    """Whether a section shows anything (a table for the workbook alone does not)."""
    return any(not isinstance(b, Table) or b.shown for b in section.blocks)


def heading(text: str) -> str:
    """A heading as a document writes it: English ones begin with a capital."""
    return text[:1].upper() + text[1:] if current_lang() == "en" else text


def html_text(doc: Doc) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                             autoescape=True, trim_blocks=False, lstrip_blocks=False,
                             undefined=jinja2.StrictUndefined)
    template = env.get_template("report.html.j2")
    meta = [(t("saved.center"), doc.center), (t("saved.date"), doc.date)]
    return template.render(
        doc=doc, lang="zh-CN" if current_lang() == "zh" else "en", meta=meta, colon=colon(),
        footer=t("saved.footer"), geometry=geometry, kind=_kind, heading=heading,
        visible=visible)
