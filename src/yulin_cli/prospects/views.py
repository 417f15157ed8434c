"""Prospects: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from yulin_cli.i18n import t
from yulin_cli.prospects.service import ProspectAdded, ProspectList, ProspectPage, ProspectUpdated
from yulin_cli.render import (
    NO,
    OK,
    Screen,
    advice_table,
    new_table,
    rating_view,
    readiness_view,
    stars_text,
    view,
    warnings_of,
    with_login,
)
from yulin_cli.rules import phone_display


@view.register
def _(result: ProspectAdded) -> Screen:
    line = (t("ui.added_duplicate", id=result.id, dup=result.duplicate_of) if result.duplicate_of
            else t("ui.added_prospect", id=result.id, company=result.company))
    return Screen((line,), warnings_of(result.warnings))


@view.register
def _(result: ProspectUpdated) -> Screen:
    line = t("ui.updated_prospect", id=result.id) + ": " + ", ".join(result.changed)
    return Screen((line,), warnings_of(result.warnings))


@view.register
def _(result: ProspectList) -> Table:
    table = new_table(t("ui.id"), t("ui.company"), t("ui.city"), t("ui.source"), t("ui.found_on"),
                   t("ui.stars"), t("ui.duplicate_of"))
    for p in result.prospects:
        table.add_row(str(p.id), p.company, p.city, p.sourced_by, p.found_on,
                      stars_text(p.stars), f"#{p.duplicate_of}" if p.duplicate_of else "")
    return table


@view.register
def _(result: ProspectPage) -> Group:
    p = result.prospect
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column(overflow="fold")
    shown = ("city", "district", "address", "industry", "ownership", "employees", "pcs",
             "contact_surname", "landline", "mobile", "email", "qq", "found_on", "deal_value",
             "need", "yulin_interest", "sourced_by", "duplicate_of", "partner",
             "recorded_by_login")
    for key in shown:
        value = getattr(p, key)
        if value not in (None, ""):
            facts.add_row(key, phone_display(value) if key in ("landline", "mobile")
                          else str(value))
    flags = [k for k in ("suburban", "platform_interest", "has_oa", "erp_need", "in_selection",
                         "existing_customer") if getattr(p, k)]
    if flags:
        facts.add_row("flags", ", ".join(flags))
    parts: list[RenderableType] = [Panel(facts, title=f"#{p.id} {p.company}", title_align="left",
                                         expand=False)]
    if result.rounds:
        rounds = new_table("#", t("ui.by"), t("ui.pretext"), t("ui.result"), t("ui.date"),
                        title=t("ui.rounds_title"))
        for r in result.rounds:
            rounds.add_row(str(r.round_no), with_login(r.by, r.recorded_by_login), r.pretext,
                           r.result, r.day)
        parts.append(rounds)
    if result.visits:
        visits = new_table("#", t("ui.date"), t("ui.by"), t("ui.kind"), t("ui.outcome"),
                        t("ui.effective"), t("ui.flags"), title=t("ui.visits_title"))
        for v in result.visits:
            visits.add_row(str(v.id), v.day, with_login(v.by, v.recorded_by_login), v.kind,
                           v.outcome, OK if v.effective else NO, ",".join(v.flags))
        parts.append(visits)
    parts.append(Text(t("ui.readiness"), style="bold"))
    parts.append(readiness_view(p.id, p.company, result.readiness))
    parts.append(Text(t("ui.rating"), style="bold"))
    parts.append(rating_view(p.id, p.company, result.rating))
    if result.advice:
        parts.append(advice_table(result.advice))
    return Group(*parts)
