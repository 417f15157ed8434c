"""Deals: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from yulin_cli.deals.service import DirectProjectResult, DirectProjects, PartnerDeals
from yulin_cli.i18n import t
from yulin_cli.render import (
    lines_of,
    new_table,
    view,
)


@view.register
def _(result: DirectProjectResult) -> str:
    p = result.project
    if result.settled:
        return t("ui.direct_settled", id=p.id, status=t(f"settlement.{p.status}"))
    return t("ui.direct_added", id=p.id, company=p.company)


@view.register
def _(result: DirectProjects) -> str:
    return lines_of(*(f"#{p.id}  {p.company}  {p.city}  {p.contact}  {p.status}"
                    for p in result.projects))


@view.register
def _(result: PartnerDeals) -> Table:
    table = new_table(t("ui.id"), t("ui.company"), t("ui.partner"), t("ui.share"), t("ui.rounds"),
                   t("ui.visits"), t("ui.flagged"))
    for r in result.deals:
        flag = Text("!", style="bold red") if r.flagged else Text("")
        table.add_row(str(r.prospect_id), r.company, r.partner, f"{r.vendor_share or 0:,}",
                      str(r.rounds), str(r.visits), flag)
    return table
