"""A saved report as SVG: the terminal view, recorded by Rich, with every character placed at
its own cell. Rich writes each run of text with ``textLength`` as if every character took one
cell, so Chinese, two cells a character, is squeezed into half its room and overprinted; here
each run gets one x position per character, counted in cells (``wrapping.cells``), and no
``textLength``. The fonts are local (no web font), so the file opens offline."""

from __future__ import annotations

import html
import io
import re

from yulin_cli.documents import Doc
from yulin_cli.results import Result
from yulin_cli.wrapping import char_cells

# Rich's geometry: 20 px characters, a cell 0.61 of that.
CHAR_HEIGHT = 20
CHAR_WIDTH = CHAR_HEIGHT * 0.61
SAVE_WIDTH = 80  # the terminal views are designed for 80 columns

_TEXT = re.compile(r'<text class="([^"]+)" x="([\d.]+)" y="([\d.]+)" textLength="[\d.]+" '
                   r'clip-path="([^"]+)">(.*?)</text>', re.S)
_FONT_FACE = re.compile(r"@font-face \{.*?\}\s*", re.S)
FONTS = ('"Fira Code", "DejaVu Sans Mono", "Noto Sans Mono CJK SC", "Sarasa Mono SC", '
         '"Microsoft YaHei Mono", monospace')


def placed(text: str, x: float) -> list[float]:
    """The x of each character of a run starting at ``x``: each after the cells of those
    before it."""
    out = []
    for ch in text:
        out.append(round(x, 2))
        x += char_cells(ch) * CHAR_WIDTH
    return out


def _fix(match: re.Match[str]) -> str:
    css, x, y, clip, body = match.groups()
    text = html.unescape(body)
    xs = " ".join(format(v, "g") for v in placed(text, float(x)))
    return f'<text class="{css}" x="{xs}" y="{y}" clip-path="{clip}">{body}</text>'


def fix_svg(svg: str) -> str:
    """Rich's SVG with each character at its own cell and local fonts only."""
    svg = _FONT_FACE.sub("", svg)
    # Full-width variants would widen characters that take one cell.
    svg = svg.replace("font-family: Fira Code, monospace;", f"font-family: {FONTS};")
    svg = svg.replace("font-variant-east-asian: full-width;", "")
    return _TEXT.sub(_fix, svg)


def svg_text(result: Result, doc: Doc) -> str:
    from rich.console import Console
    from rich.text import Text

    from yulin_cli.render import Screen, load_views, view

    load_views()
    shown = view(result)
    screen = shown if isinstance(shown, Screen) else Screen((shown,))
    record = Console(record=True, width=SAVE_WIDTH, file=io.StringIO(), highlight=False,
                     soft_wrap=False, force_terminal=True, color_system="truecolor",
                     no_color=False)
    for part in screen.out:
        record.print(Text(part) if isinstance(part, str) else part)
    return fix_svg(record.export_svg(title=doc.title if doc.kind != "view" else "yulin",
                                     font_aspect_ratio=0.61))
