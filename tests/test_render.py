"""A view of words only is printed without Rich (``render.show``: Rich takes 25 ms to load, a
writing command's one-line answer needs none of it). That quick path must print exactly what
Rich prints, at every width: held here on random text (``tests/test_startup_loads.py`` checks
that the writing commands take it)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from yulin_cli.render import Prose, words_only
from yulin_cli.wrapping import cells

WORDS = st.text(alphabet="苏州工业园区，。、（）：abc xyz-—→✓ \n\t\r\x07", max_size=120)
COMMANDS = st.sampled_from(["", " yulin merge 8826 97075 --by 张伟", " `yulin distinct 3 7`"])


def rich_printed(prose: Prose, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, highlight=False, soft_wrap=False,
            force_terminal=False).print(prose)
    return out.getvalue()


@settings(max_examples=400, deadline=None)
@given(WORDS, COMMANDS, st.integers(1, 100), st.integers(0, 12), st.none() | st.integers(0, 12))
def test_words_print_as_rich_prints_them(text: str, command: str, width: int, indent: int,
                                          first: int | None) -> None:
    """Whenever the quick path takes a view, it prints what Rich prints; it leaves Rich the
    rest (control characters, lines wider than the screen)."""
    prose = Prose(text + command, indent=indent, first_indent=first)
    lines = words_only(["a line as it is", prose], width)
    if lines is not None:
        assert lines[0] == "a line as it is"
        assert "".join(line + "\n" for line in lines[1:]) == rich_printed(prose, width)
    if not any(c in text for c in "\t\r\x07") and width >= 20 and indent < 8:
        assert lines is not None or any(cells(x) > width for x in prose.lines(width))


def test_drawings_and_styles_are_rich_s() -> None:
    assert words_only([Prose("x", style="dim")], 80) is None
    assert words_only([Text("x")], 80) is None
    assert words_only(["x", Prose("y")], 80) == ["x", "y"]


def test_the_width_is_rich_s() -> None:
    probe = ("from rich.console import Console; from yulin_cli.render import terminal_width;"
             " print(Console().width, terminal_width())")
    for extra in ({"COLUMNS": "37"}, {"COLUMNS": "120", "LINES": "40"}, {}, {"TERM": "dumb"},
                  {"FORCE_COLOR": "1"}, {"COLUMNS": "0"}):
        env = {k: v for k, v in os.environ.items()
               if k not in ("COLUMNS", "LINES", "TERM", "FORCE_COLOR")}
        # Standard streams not a terminal (as under CI): both fall back alike.
        done = subprocess.run([sys.executable, "-c", probe], env={**env, **extra},
                              capture_output=True, text=True, stdin=subprocess.DEVNULL,
                              check=True)
        rich_width, ours = done.stdout.split()
        # Ours is Rich's, or None where Rich decides by more than the width: Rich prints.
        assert ours in (rich_width, "None"), (extra, done.stdout)
        assert (ours == "None") == ("TERM" in extra or "FORCE_COLOR" in extra
                                    or extra.get("COLUMNS") == "0"), (extra, done.stdout)
