"""docs/ is the project's own account of its rules and command line, generated from the code
(tools/make_docs.py): it must be current, so it never tells a maintainer something the code
no longer does."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]

pytestmark = pytest.mark.once


def test_docs_are_current():
    make = runpy.run_path(str(ROOT / "tools" / "make_docs.py"))
    stale = [path.name for path, text in make["documents"]().items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    assert not stale, f"stale: {stale}; run python tools/make_docs.py"


def test_every_rule_id_has_a_function_and_every_command_a_section():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    from yulin_cli.rules.reasons import CLAUSES

    for rule in CLAUSES:
        section = text.split(f"## `{rule}` ")[1].split("\n## ")[0]
        assert "- functions: `rules." in section, rule
    cli = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in ("add-prospect", "log-visit", "daily-report", "policy simulate"):
        assert f"## `yulin {command}`" in cli
