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

from yulin_cli.render import Prose, terminal_width

WORDS = st.text(alphabet="苏州工业园区，。、（）：abc xyz-—→✓ \n", max_size=120)


def rich_printed(prose: Prose, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, highlight=False, soft_wrap=False,
            force_terminal=False).print(prose)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(WORDS, st.integers(8, 100), st.integers(0, 6), st.none() | st.integers(0, 6))
def test_words_print_as_rich_prints_them(text: str, width: int, indent: int,
                                          first: int | None) -> None:
    prose = Prose(text, indent=indent, first_indent=first)
    quick = "".join(line + "\n" for line in prose.lines(width))
    assert quick == rich_printed(prose, width)


def test_the_width_is_rich_s() -> None:
    for columns in ("37", "120", None):
        env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
        if columns is not None:
            env["COLUMNS"] = columns
        probe = ("from rich.console import Console; from yulin_cli.render import terminal_width;"
                 " print(Console().width, terminal_width())")
        # Standard streams not a terminal (as under CI): both fall back alike.
        done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                              text=True, stdin=subprocess.DEVNULL, check=True)
        rich_width, ours = done.stdout.split()
        assert rich_width == ours, (columns, done.stdout)
    assert terminal_width() > 0
