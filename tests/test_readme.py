"""README's walk-through ("One day's work") runs as written, in order, in a fresh database: every
command of a `sh` block succeeds, and every `$ yulin ...` of a `text` block prints the first line
shown under it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from conftest import run

README = Path(__file__).parents[1] / "README.md"


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def _blocks(section: str) -> list[tuple[str, list[str]]]:
    """(kind, lines) of each fenced block, continuation lines joined."""
    blocks = []
    for kind, body in re.findall(r"```(\w+)\n(.*?)```", section, flags=re.S):
        blocks.append((kind, body.replace("\\\n", " ").splitlines()))
    return blocks


def test_the_walkthrough_runs_as_written():
    ran = 0
    for kind, lines in _blocks(_section("One day's work")):
        if kind == "sh":
            for line in lines:
                args = shlex.split(line, comments=True)
                if not args:
                    continue
                assert args[0] == "yulin", line
                result = run(*args[1:])
                assert result.exit_code == 0, (line, result.stdout, result.stderr)
                ran += 1
        elif kind == "text":
            for i, line in enumerate(lines):
                if line.startswith("$ yulin "):
                    result = run(*shlex.split(line[len("$ yulin "):]))
                    shown = lines[i + 1].strip()
                    assert shown in result.stdout + result.stderr, (line, result.stdout,
                                                                    result.stderr)
                    ran += 1
    assert ran >= 30
