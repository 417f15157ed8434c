"""The team: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType

from yulin_cli import rules
from yulin_cli.choices import Role, word
from yulin_cli.i18n import cited, colon, current_lang, flag_word, listed, rule_name, t
from yulin_cli.render import (
    Prose,
    empty,
    lines_of,
    more_line,
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
def _(result: CenterList) -> RenderableType:
    if not result.centers:
        return empty("empty.centers")
    return lines_of(*(f"{c.name}  {c.city}" for c in result.centers))


@view.register
def _(result: StaffAdded) -> str:
    return t("ui.added_staff", name=result.name)


@view.register
def _(result: StaffProfile) -> str:
    return t("ui.staff_updated", name=result.name)


@view.register
def _(result: StaffList) -> RenderableType:
    if not result.staff:
        return empty("empty.staff")
    table = new_table(t("ui.name"), t("ui.center"), t("ui.roles"), t("ui.industries"))
    for p in result.staff:
        table.add_row(p.name, Prose(p.center), listed([word(Role(r)) for r in p.roles]),
                      Prose(listed(list(p.industries))))
    return table


@view.register
def _(result: Ledger) -> RenderableType:
    if not result.entries:
        return empty("empty.points", name=result.staff)
    # Team mode: the login whose command wrote each entry, when any is known.
    logins = any(e.recorded_by_login for e in result.entries)
    table = new_table(t("ui.id"), t("ui.date"), t("ui.delta"), t("ui.rule"), t("ui.prospect"),
                      t("ui.reason"), *([t("ui.recorded_by")] if logins else []),
                      t("ui.balance"), title=f"{result.staff}{colon()}{result.total}")
    table.columns[1].no_wrap = True
    table.columns[2].justify = table.columns[-1].justify = "right"  # amounts line up
    for e in result.entries:
        # Entries the rules wrote say so in the reader's language; people's reasons as typed.
        if e.rule in ("inspection", "proof") and (e.reason or "").endswith("unproven"):
            why = t("ui.ledger_unproven", visit=e.visit_id)
        elif e.rule == "inspection":
            why = t("ui.ledger_overturned", visit=e.visit_id)
        else:
            why = e.reason or (t("ui.ledger_visit", visit=e.visit_id) if e.visit_id else "")
        if e.by:
            why = f"{why}（{e.by}）" if current_lang() == "zh" else f"{why} ({e.by})"
        if e.reverses:
            why = f"↩ #{e.reverses} {why}"
        if e.voided:
            by = f"（{e.voided.by}）" if current_lang() == "zh" else f" ({e.voided.by})"
            why = f"{t('ui.voided_mark')} {e.voided.at[:10]}{by}{colon()}{e.voided.reason}"
        table.add_row(str(e.entry_id), e.date, f"{e.delta:+d}",
                      Prose(cited(rule_name(e.rule), e.clause)),
                      f"#{e.prospect_id}" if e.prospect_id else "", Prose(why),
                      *([e.recorded_by_login or ""] if logins else []), str(e.balance),
                      style="strike dim" if e.voided else None)
    return Group(table, *more_line(result.page, "ui.earlier"))


@view.register
def _(result: Adjusted) -> str:
    return t("ui.adjusted", staff=result.ledger.staff, delta=result.delta,
             total=result.ledger.total)


@view.register
def _(result: PointsTotals) -> RenderableType:
    if not result.totals:
        return empty("empty.totals")
    table = new_table(t("ui.name"), t("ui.center"), t("ui.entries"), t("ui.points_total"),
                   title=t("ui.points_title"))
    table.columns[2].justify = table.columns[3].justify = "right"
    for r in result.totals:
        table.add_row(r.staff, r.center, str(r.entries), str(r.total))
    return Group(table, *more_line(result.page))


@view.register
def _(result: InspectionSettled) -> str:
    lines = [cited(t("ui.inspected", id=result.visit_id, verdict=t(f"verdict.{result.verdict}")),
                   "Q15")]
    if result.proof and result.penalty is not None:
        lines.append("  " + t("ui.unproven", visitor=result.visitor, delta=result.penalty.delta))
    elif result.proof:
        lines.append("  " + t("ui.proven",
                              flags=listed([flag_word(f) for f in result.cleared]) or "-"))
    lines += ["  " + t("ui.reversed", delta=r.delta) for r in result.reversed]
    return lines_of(*lines)


@view.register
def _(result: IndustryList) -> RenderableType:
    if not result.industries:
        return empty("empty.industries")
    several = len({r.center for r in result.industries}) > 1
    headers = (t("ui.center"),) if several else ()
    table = new_table(*headers, t("ui.industries"), t("ui.prospects"), t("ui.owners"),
                      title=cited(t("ui.main_industries"), rules.CLAUSES["duplicate"]))
    for r in result.industries:
        cells = (Prose(r.center),) if several else ()
        table.add_row(*cells, r.industry, str(r.prospects), Prose(listed(list(r.owners)) or "-"))
    return table
