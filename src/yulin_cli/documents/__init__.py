"""Saved reports (``--save FILE.html|.svg|.xlsx``): documents people forward, not pictures of
a terminal.

A report's result becomes a ``Doc`` (``builders``): its name, centre and date, and sections of
tables, charts, items and lines, every word already in the language in force. ``html`` writes
it through a Jinja2 template (real tables, inline CSS and SVG, no script, nothing from the
network); ``xlsx`` writes its tables as a workbook; ``svg`` writes the terminal view with each
character at its real width. Loaded only when a report is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yulin_cli.frozen import frozen

if TYPE_CHECKING:
    from yulin_cli.results import Result

# The blocks a section holds. Each block's words are final: templates only lay them out.


@frozen
class Cell:
    """A table cell: its text, a tone (good, bad, warn, muted), a number for a spreadsheet,
    and an optional small meter (0..1) drawn after the text."""

    text: str
    tone: str = ""
    value: int | float | None = None
    meter: float | None = None


@frozen
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: frozenset[int] = frozenset()  # columns aligned right
    caption: str = ""
    sheet: str = ""  # the workbook sheet's name (else the section's heading)
    shown: bool = True  # False: in the workbook only (the HTML shows the same as cards)


@frozen
class Bar:
    label: str
    value: int
    shown: str  # the figure as the report writes it (2/2, +3, 5 (7))


@frozen
class Chart:
    """A horizontal bar chart: a label, the figure and a bar per row."""

    bars: tuple[Bar, ...]
    tone: str = "info"
    value_header: str = ""  # the figure's column in the workbook


@frozen
class Item:
    """One thing to do: what, who acts (optional), the command that settles it (optional), and
    further lines (reasons, what to ask)."""

    text: str
    who: str = ""
    command: str = ""
    tone: str = ""
    lines: tuple[tuple[str, str], ...] = ()  # (tone, text)
    status: str = ""
    status_tone: str = ""


@frozen
class Items:
    items: tuple[Item, ...]
    heading: str = ""
    more: str = ""  # "… and N more: yulin ..."


@frozen
class Line:
    text: str
    tone: str = ""
    command: str = ""  # shown as code after the text


Block = Table | Chart | Items | Line


@frozen
class Section:
    heading: str
    blocks: tuple[Block, ...]


@frozen
class Doc:
    """A saved report: which (``kind``, a command name), its name, centre and date in words,
    and its sections."""

    kind: str
    name: str
    center: str
    date: str
    sections: tuple[Section, ...]
    lead: tuple[Line, ...] = ()  # lines under the title

    @property
    def title(self) -> str:
        return " · ".join((self.name, self.center, self.date))


def save(result: Result, path: str) -> None:
    """Writes ``result`` to ``path``: HTML, SVG or a workbook by the file's extension."""
    from yulin_cli.documents.builders import build
    from yulin_cli.slices import load, load_for

    if not load_for(type(result).__module__, "saved"):  # the builders of the result's slice
        load("saved")
    lower = path.lower()
    doc = build(result)
    if lower.endswith(".svg"):
        from yulin_cli.documents.svg import svg_text

        _write_text(path, svg_text(result, doc))
    elif lower.endswith(".xlsx"):
        from yulin_cli.documents.xlsx import write_xlsx

        try:
            write_xlsx(doc, path)
        except (OSError, ValueError) as exc:
            _unwritable(path, exc)
    else:
        from yulin_cli.documents.html import html_text

        _write_text(path, html_text(doc))


def _write_text(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        _unwritable(path, exc)


def _unwritable(path: str, exc: Exception) -> None:
    from yulin_cli.errors import BadInput

    raise BadInput("save.unwritable", path=path,
                   error=getattr(exc, "strerror", None) or str(exc)) from None
