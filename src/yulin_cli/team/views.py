"""The team: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.table import Table

from yulin_cli.i18n import t
from yulin_cli.render import (
    lines_of,
    new_table,
    view,
)
from yulin_cli.team.service import (
    Adjusted,
    CenterAdded,
    CenterList,
    IndustryList,
    InspectionSettled,
    Ledger,
    PointsTotals,
    StaffAdded,
    StaffList,
    StaffProfile,
)


@view.register
def _(result: CenterAdded) -> str:
    return t("ui.added_center", name=result.name, city=result.city)


@view.register
def _(result: CenterList) -> str:
    return lines_of(*(f"{c.name}  {c.city}" for c in result.centers))


@view.register
def _(result: StaffAdded) -> str:
    return t("ui.added_staff", name=result.name)


@view.register
def _(result: StaffProfile) -> str:
    return t("ui.staff_updated", name=result.name)


@view.register
def _(result: StaffList) -> Table:
    table = new_table(t("ui.name"), t("ui.center"), t("ui.roles"), t("ui.industries"))
    for p in result.staff:
        table.add_row(p.name, p.center, ", ".join(p.roles), ", ".join(p.industries))
    return table


@view.register
def _(result: Ledger) -> Table:
    logins = any(e.recorded_by_login for e in result.entries)
    table = new_table(t("ui.date"), t("ui.delta"), t("ui.rule"), t("ui.prospect"), t("ui.reason"),
                      *([t("ui.recorded_by")] if logins else []), t("ui.balance"),
                      title=f"{result.staff}: {result.total}")
    for e in result.entries:
        why = e.reason or ""
        if e.by:
            why = f"{why} ({e.by})"
        login = [e.recorded_by_login or ""] if logins else []
        table.add_row(e.date, f"{e.delta:+d}", e.rule,
                      f"#{e.prospect_id}" if e.prospect_id else "", why, *login, str(e.balance))
    return table


@view.register
def _(result: Adjusted) -> str:
    return t("ui.adjusted", staff=result.ledger.staff, delta=result.delta,
             total=result.ledger.total)


@view.register
def _(result: PointsTotals) -> Table:
    table = new_table(t("ui.name"), t("ui.center"), t("ui.entries"), t("ui.points_total"),
                   title=t("ui.points_title"))
    for r in result.totals:
        table.add_row(r.staff, r.center, str(r.entries), str(r.total))
    return table


@view.register
def _(result: InspectionSettled) -> str:
    return lines_of(t("ui.inspected", id=result.visit_id, verdict=t(f"verdict.{result.verdict}")),
                  *("  " + t("ui.reversed", delta=r.delta) for r in result.reversed))


@view.register
def _(result: IndustryList) -> Table:
    table = new_table(t("ui.industries"), t("ui.prospects"), t("ui.owners"))
    for r in result.industries:
        table.add_row(r.industry, str(r.prospects), "、".join(r.owners) or "-")
    return table
