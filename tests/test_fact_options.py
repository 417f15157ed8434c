"""add-prospect and update-prospect take the same fact options, declared once
(``prospects.commands.with_facts``)."""

from __future__ import annotations

from typing import Any

import pytest

from yulin_cli.app import build_app
from yulin_cli.prospects.commands import FACTS
from yulin_cli.typer_seams import click_command

pytestmark = pytest.mark.once  # the command line only


def _facts(name: str) -> list[tuple[Any, ...]]:
    command = click_command(build_app("en", name)).commands[name]
    return [(p.name, tuple(p.opts), tuple(p.secondary_opts), p.default, p.metavar,
             getattr(p, "help", None), type(p.type).__name__)
            for p in command.params if p.name in FACTS]


def test_both_commands_take_every_fact_option_alike_and_in_order():
    added, updated = _facts("add-prospect"), _facts("update-prospect")
    assert [f[0] for f in added] == list(FACTS)
    assert added == updated


def test_the_facts_come_before_the_commands_own_options():
    command = click_command(build_app("en", "update-prospect")).commands["update-prospect"]
    names = [p.name for p in command.params]
    assert names[:len(FACTS) + 1] == ["prospect_id", *FACTS]
    assert names[len(FACTS) + 1:] == ["force", "by", "date", "json_output"]
