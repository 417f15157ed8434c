"""Guidance: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from yulin_cli.guidance.service import Advice, Playbook
from yulin_cli.render import (
    Prose,
    advice_table,
    view,
)


@view.register
def _(result: Advice) -> Table:
    return advice_table(result.advice)


@view.register
def _(result: Playbook) -> Group:
    return Group(*(Panel(Group(Prose(p.text), Text("→ " + p.command)),
                         title=f"{p.clause} {p.title}", title_align="left")
                   for p in result.topics))
