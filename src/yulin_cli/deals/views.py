"""Deals: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from yulin_cli.deals.service import DirectProjectResult, DirectProjects, PartnerDeals
from yulin_cli.i18n import cited, explain, t
from yulin_cli.render import (
    Prose,
    empty,
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
def _(result: DirectProjects) -> RenderableType:
    if not result.projects:
        return empty("empty.direct")
    table = new_table(t("ui.id"), t("ui.company"), t("ui.city"), t("ui.contact"), t("ui.status"))
    for p in result.projects:
        table.add_row(str(p.id), Prose(p.company), p.city, p.contact,
                      t(f"settlement.{p.status}"))
    return table


@view.register
def _(result: PartnerDeals) -> RenderableType:
    if not result.deals:
        return empty("empty.partners")
    table = new_table(t("ui.id"), t("ui.company"), t("ui.partner"), t("ui.share"), t("ui.rounds"),
                   t("ui.visits"), t("ui.flagged"))
    for r in result.deals:
        flag = Text("!", style="bold red") if r.flagged else Text("")
        table.add_row(str(r.prospect_id), Prose(r.company), Prose(r.partner),
                      f"{r.vendor_share or 0:,}",
                      str(r.rounds), str(r.visits), flag)
    # Each flag's finding, with its clause (Q10), under the table it marks.
    findings = [Prose(f"! #{r.prospect_id} {cited(explain(r.reason), r.reason.clause)}", indent=4)
                for r in result.deals if r.flagged and r.reason is not None]
    return Group(table, *findings) if findings else table
