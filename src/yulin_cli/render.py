"""The human view of every result: ``view`` dispatches on the result's type. Never queries.

A view returns a Rich renderable, plain text (printed as is, never wrapped), or a ``Screen``
with parts for stdout and warnings for stderr. ``show`` prints it; ``--json`` never comes here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import singledispatch
from typing import Any

import typer
from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from yulin_cli import rules
from yulin_cli.admin.service import BackedUp, DemoResult, Health, PolicyShown, PolicyWritten
from yulin_cli.data.duplicates import DuplicateGroups, Merged
from yulin_cli.data.exporting import Exported
from yulin_cli.data.importing import ImportResult
from yulin_cli.deals.service import DirectProjectResult, DirectProjects, PartnerDeals
from yulin_cli.guidance.service import Advice, Playbook
from yulin_cli.i18n import explain, t
from yulin_cli.prospects.service import ProspectAdded, ProspectList, ProspectPage, ProspectUpdated
from yulin_cli.reports.service import (
    DailyReport,
    ManagerView,
    NoticeBoard,
    Ranking,
    RatingResult,
)
from yulin_cli.results import Result
from yulin_cli.rules import phone_display
from yulin_cli.team.queries import Notice
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
from yulin_cli.visits.service import (
    ReadinessResult,
    RedseaResult,
    RoundRecorded,
    RoutePlan,
    VisitLogged,
    VisitPlanned,
)

OK, NO = "✓", "✗"


@dataclass(frozen=True, slots=True)
class Screen:
    """What a view prints: parts for stdout, and warnings for stderr."""

    out: tuple[RenderableType | str, ...] = ()
    err: tuple[str, ...] = ()


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def show(result: Result) -> None:
    """Prints the human view of ``result``."""
    shown = view(result)
    screen = shown if isinstance(shown, Screen) else Screen((shown,))
    for warning in screen.err:
        typer.echo(warning, err=True)
    out = console()
    for part in screen.out:
        if isinstance(part, str):
            typer.echo(part)
        else:
            out.print(part)


def show_checks(checks: Sequence[rules.Reason]) -> None:
    """The failing checks of a refused plan, before its one-line refusal."""
    console().print(checks_table(checks))


@singledispatch
def view(result: Result) -> RenderableType | str | Screen:
    raise NotImplementedError(f"no view for {type(result).__name__}")


# --- pieces -------------------------------------------------------------------------------------


def _table(*headers: str, title: str | None = None) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False,
                  expand=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def _lines(*lines: str) -> str:
    return "\n".join(lines)


def stars_text(stars: int) -> Text:
    return Text("★" * stars + "☆" * (5 - stars), style="yellow" if stars else "dim")


def quota_bar(found: int, per_day: int, width: int = 5) -> Text:
    """A small bar of quota progress: filled cells out of ``per_day`` (at most ``width``)."""
    cells = max(1, min(per_day, width))
    filled = cells if per_day == 0 else min(cells, round(cells * found / per_day))
    done = per_day == 0 or found >= per_day
    return Text("▮" * filled + "▯" * (cells - filled), style="green" if done else "red")


def checks_table(checks: Sequence[rules.Reason]) -> Table:
    table = _table("", t("ui.check"), t("ui.why"), t("ui.next"))
    table.columns[0].width = 1
    table.columns[1].no_wrap = True
    for check in checks:
        mark = Text(OK, style="green") if check.ok else Text(NO, style="bold red")
        table.add_row(mark, check.rule, explain(check), t(check.fix) if check.fix else "")
    return table


def _readiness(prospect_id: int, company: str, readiness: rules.Readiness) -> Group:
    head = Text(f"#{prospect_id} {company}: ", style="bold")
    head.append(t("ui.ready") if readiness.ready else t("ui.not_ready"),
                style="bold green" if readiness.ready else "bold red")
    return Group(head, checks_table(readiness.checks))


def _rating(prospect_id: int, company: str, rating: rules.Rating) -> Group:
    parts: list[RenderableType] = [Text.assemble((f"#{prospect_id} {company}  ", "bold"),
                                                 stars_text(rating.stars))]
    parts += [Text(f"  · {explain(r)}") for r in rating.reasons]
    if rating.lift:
        parts.append(Text(t("ui.lift"), style="bold"))
        parts += [Text(f"  ↑ {explain(r)}") for r in rating.lift]
    if rating.next_actions:
        parts.append(Text(t("ui.next_actions"), style="bold"))
        parts += [Text(f"  → {explain(r)}") for r in rating.next_actions]
    return Group(*parts)


def _ranking(rated: Iterable[tuple[Any, rules.Rating]], title: str | None = None) -> Table:
    table = _table(t("ui.id"), t("ui.company"), t("ui.stars"), t("ui.source"), t("ui.found_on"),
                   title=title)
    dropped = False
    for row, rating in rated:
        stars = stars_text(rating.stars)
        if not rating.worth_following:
            stars.append(f" {NO}", style="bold red")
            dropped = True
        table.add_row(str(row.id), row.company, stars, row.sourced_by, row.found_on)
    if dropped:
        table.caption = f"{NO} {t('act.drop_impure')} (Q18)"
        table.caption_justify = "left"
    return table


def _notices(rows: Iterable[Notice]) -> Table:
    table = _table(t("ui.date"), t("ui.name"), t("ui.kind"), t("ui.delta"), t("ui.rule"),
                   t("ui.prospect"), title=t("ui.notices"))
    for col in table.columns[:-1]:
        col.no_wrap = True
    table.columns[-1].overflow = "ellipsis"
    table.columns[-1].no_wrap = True
    table.columns[-1].max_width = 22
    for n in rows:
        style = "green" if n.kind == "praise" else "red"
        table.add_row(n.date, n.staff, Text(t(f"notice.{n.kind}"), style=style),
                      f"{n.delta:+d}", n.rule, f"#{n.prospect_id} {n.company or ''}")
    return table


def _advice(items: Iterable[rules.Reason]) -> Table:
    table = _table(t("ui.clause"), t("ui.rule"), t("ui.advice"))
    table.columns[0].no_wrap = True
    for item in items:
        table.add_row(item.clause, item.rule, explain(item))
    return table


def _warnings(warnings: Iterable[rules.Reason]) -> tuple[str, ...]:
    return tuple(f"{t('ui.warning')}: {explain(w)}" for w in warnings)


# --- the team -----------------------------------------------------------------------------------


@view.register
def _(result: CenterAdded) -> str:
    return t("ui.added_center", name=result.name, city=result.city)


@view.register
def _(result: CenterList) -> str:
    return _lines(*(f"{c.name}  {c.city}" for c in result.centers))


@view.register
def _(result: StaffAdded) -> str:
    return t("ui.added_staff", name=result.name)


@view.register
def _(result: StaffProfile) -> str:
    return t("ui.staff_updated", name=result.name)


@view.register
def _(result: StaffList) -> Table:
    table = _table(t("ui.name"), t("ui.center"), t("ui.roles"), t("ui.industries"))
    for p in result.staff:
        table.add_row(p.name, p.center, ", ".join(p.roles), ", ".join(p.industries))
    return table


@view.register
def _(result: Ledger) -> Table:
    table = _table(t("ui.date"), t("ui.delta"), t("ui.rule"), t("ui.prospect"), t("ui.reason"),
                   t("ui.balance"), title=f"{result.staff}: {result.total}")
    for e in result.entries:
        why = e.reason or ""
        if e.by:
            why = f"{why} ({e.by})"
        table.add_row(e.date, f"{e.delta:+d}", e.rule,
                      f"#{e.prospect_id}" if e.prospect_id else "", why, str(e.balance))
    return table


@view.register
def _(result: Adjusted) -> str:
    return t("ui.adjusted", staff=result.ledger.staff, delta=result.delta,
             total=result.ledger.total)


@view.register
def _(result: PointsTotals) -> Table:
    table = _table(t("ui.name"), t("ui.center"), t("ui.entries"), t("ui.points_total"),
                   title=t("ui.points_title"))
    for r in result.totals:
        table.add_row(r.staff, r.center, str(r.entries), str(r.total))
    return table


@view.register
def _(result: InspectionSettled) -> str:
    return _lines(t("ui.inspected", id=result.visit_id, verdict=t(f"verdict.{result.verdict}")),
                  *("  " + t("ui.reversed", delta=r.delta) for r in result.reversed))


@view.register
def _(result: IndustryList) -> Table:
    table = _table(t("ui.industries"), t("ui.prospects"), t("ui.owners"))
    for r in result.industries:
        table.add_row(r.industry, str(r.prospects), "、".join(r.owners) or "-")
    return table


# --- prospects ----------------------------------------------------------------------------------


@view.register
def _(result: ProspectAdded) -> Screen:
    line = (t("ui.added_duplicate", id=result.id, dup=result.duplicate_of) if result.duplicate_of
            else t("ui.added_prospect", id=result.id, company=result.company))
    return Screen((line,), _warnings(result.warnings))


@view.register
def _(result: ProspectUpdated) -> Screen:
    line = t("ui.updated_prospect", id=result.id) + ": " + ", ".join(result.changed)
    return Screen((line,), _warnings(result.warnings))


@view.register
def _(result: ProspectList) -> Table:
    table = _table(t("ui.id"), t("ui.company"), t("ui.city"), t("ui.source"), t("ui.found_on"),
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
             "need", "yulin_interest", "sourced_by", "duplicate_of", "partner")
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
        rounds = _table("#", t("ui.by"), t("ui.pretext"), t("ui.result"), t("ui.date"),
                        title=t("ui.rounds_title"))
        for r in result.rounds:
            rounds.add_row(str(r.round_no), r.by, r.pretext, r.result, r.day)
        parts.append(rounds)
    if result.visits:
        visits = _table("#", t("ui.date"), t("ui.by"), t("ui.kind"), t("ui.outcome"),
                        t("ui.effective"), t("ui.flags"), title=t("ui.visits_title"))
        for v in result.visits:
            visits.add_row(str(v.id), v.day, v.by, v.kind, v.outcome,
                           OK if v.effective else NO, ",".join(v.flags))
        parts.append(visits)
    parts.append(Text(t("ui.readiness"), style="bold"))
    parts.append(_readiness(p.id, p.company, result.readiness))
    parts.append(Text(t("ui.rating"), style="bold"))
    parts.append(_rating(p.id, p.company, result.rating))
    if result.advice:
        parts.append(_advice(result.advice))
    return Group(*parts)


# --- verification and visits --------------------------------------------------------------------


@view.register
def _(result: ReadinessResult) -> Group:
    return _readiness(result.prospect_id, result.company,
                      rules.Readiness(result.ready, result.checks))


@view.register
def _(result: RoundRecorded) -> str:
    lines = [t("ui.round_recorded", id=result.prospect_id, round=result.round)]
    if not result.counts:
        lines.append(t("ui.round_contradicted" if result.contradicted else "ui.round_not_counted",
                       by=result.by))
    if result.no_address:
        lines.append(t("ui.round_no_address", id=result.prospect_id))
    return _lines(*lines)


@view.register
def _(result: RedseaResult) -> str:
    return _lines(
        t("ui.redsea_verdict", id=result.prospect_id, verdict=t(f"redsea.{result.verdict}_word"))
        + " (Q18)",
        "  " + explain(result.assessment.check),
        "  → " + t(result.assessment.action_code))


@view.register
def _(result: VisitPlanned) -> str:
    return t("ui.planned", visitor=result.visitor, id=result.prospect_id, date=result.date)


@view.register
def _(result: VisitLogged) -> str:
    lines = [t("ui.visit_logged", id=result.visit_id) + "  " + explain(result.effective.reason)]
    for reason in (*result.consequences.reasons, *result.refusal):
        lines.append("  · " + explain(reason) + (f" → {t(reason.fix)}" if reason.fix else ""))
    if result.consequences.flags:
        lines.append(f"  {t('ui.flags')}: {', '.join(result.consequences.flags)}")
    return _lines(*lines)


@view.register
def _(result: RoutePlan) -> Screen:
    table = _table(t("ui.district"), t("ui.date"), t("ui.prospect"), title=t("ui.trips"))
    for trip in result.trips:
        for day in trip.days:
            table.add_row(trip.district, day.date, ", ".join(f"#{i}" for i in day.prospect_ids))
    parts: list[RenderableType | str] = [table]
    if result.not_ready:
        ids = ", ".join(f"#{i}" for i in result.not_ready)
        parts.append(Text(t("ui.not_ready_list", ids=ids), style="dim"))
    if result.planned_for is not None:
        parts.append(t("ui.planned_trips", visitor=result.planned_for,
                       count=result.planned_count))
    return Screen(tuple(parts))


# --- ratings and reports ------------------------------------------------------------------------


@view.register
def _(result: RatingResult) -> Group:
    return _rating(result.prospect_id, result.company, result.rating)


@view.register
def _(result: Ranking) -> Screen:
    parts: list[RenderableType | str] = [_ranking(result.rated, title=t("ui.ranking"))]
    if result.unvisited:
        parts.append(Text(t("ui.unvisited", count=result.unvisited)))
    return Screen(tuple(parts))


@view.register
def _(report: DailyReport) -> Group:
    quota = report.quota
    title = Text(t("ui.daily_report", date=report.date), style="bold")
    if report.center:
        title.append(f"  {report.center}")
    quota_line = Text(t("ui.quota_active", per_day=quota.per_day) if quota.active
                      else t("ui.quota_off"), style="dim")
    people = _table(t("ui.name"), t("ui.roles"), t("ui.quality"), t("ui.rounds"),
                    t("ui.visits"), t("ui.effective"), t("ui.points_today"),
                    t("ui.points_total"))
    for col in people.columns[3:]:
        col.justify = "right"
    for p in report.people:
        quality = Text(f"{p.quality_found} ")
        if p.quota_met is not None:
            quality = Text(f"{p.quality_found}/{quota.per_day} ")
            quality.append_text(quota_bar(p.quality_found, quota.per_day))
        roles = "".join(r[0].upper() for r in p.roles)  # P V M: keeps the table narrow
        people.add_row(p.name, roles, quality, str(p.verifications), str(p.visits),
                       str(p.effective_visits), f"{p.points_today:+d}", str(p.points_total))
    parts: list[RenderableType] = [title, quota_line, people]
    parts.append(_notices(report.notices) if report.notices
                 else Text(f"{t('ui.notices')}: {t('ui.none')}"))
    if report.attention:
        lines = [Text(f"• {explain(a.message)}") for a in report.attention]
        parts.append(Panel(Group(*lines), title=t("ui.attention"), title_align="left",
                           border_style="yellow", expand=False))
    else:
        parts.append(Text(f"{t('ui.attention')}: {t('ui.none')}"))
    return Group(*parts)


@view.register
def _(result: ManagerView) -> Group:
    parts: list[RenderableType] = []
    if result.take_now:
        table = _table(t("ui.id"), t("ui.company"), t("ui.stars"), t("ui.deal_value"),
                       title=t("ui.take_now"))
        actions: list[str] = []
        for p, rating in result.take_now:
            table.add_row(str(p.id), p.company, stars_text(rating.stars),
                          f"{p.deal_value or 0:,}")
            actions += [a for a in map(explain, rating.next_actions) if a not in actions]
        parts.append(table)
        parts.append(Text(t("ui.next_actions"), style="bold"))
        parts += [Text(f"  → {a}") for a in actions]
    elif result.upgrade_visits:
        parts.append(Text(t("ui.upgrade_visits"), style="bold"))
        tasks = [explain(task) for task in result.tasks]
        for u in result.upgrade_visits:
            parts.append(Text(f"#{u.prospect_id} {u.company} ({u.pcs} PCs)"))
            parts += [Text(f"  → {task}") for task in tasks]
    else:
        parts.append(Text(t("ui.nothing_for_managers")))
    return Group(*parts)


@view.register
def _(result: NoticeBoard) -> RenderableType:
    return _notices(result.notices) if result.notices else Text(
        f"{t('ui.notices')}: {t('ui.none')}")


# --- guidance -----------------------------------------------------------------------------------


@view.register
def _(result: Advice) -> Table:
    return _advice(result.advice)


@view.register
def _(result: Playbook) -> Group:
    return Group(*(Panel(Text(p.text + "\n→ " + p.command), title=f"{p.clause} {p.title}",
                         title_align="left") for p in result.topics))


# --- deals --------------------------------------------------------------------------------------


@view.register
def _(result: DirectProjectResult) -> str:
    p = result.project
    if result.settled:
        return t("ui.direct_settled", id=p.id, status=t(f"settlement.{p.status}"))
    return t("ui.direct_added", id=p.id, company=p.company)


@view.register
def _(result: DirectProjects) -> str:
    return _lines(*(f"#{p.id}  {p.company}  {p.city}  {p.contact}  {p.status}"
                    for p in result.projects))


@view.register
def _(result: PartnerDeals) -> Table:
    table = _table(t("ui.id"), t("ui.company"), t("ui.partner"), t("ui.share"), t("ui.rounds"),
                   t("ui.visits"), t("ui.flagged"))
    for r in result.deals:
        flag = Text("!", style="bold red") if r.flagged else Text("")
        table.add_row(str(r.prospect_id), r.company, r.partner, f"{r.vendor_share or 0:,}",
                      str(r.rounds), str(r.visits), flag)
    return table


# --- data in and out ----------------------------------------------------------------------------


@view.register
def _(result: ImportResult) -> Group:
    parts: list[RenderableType] = [Text(
        t("ui.imported", rows=result.rows, imported=result.imported)
        + (" " + t("ui.dry_run") if result.dry_run else ""))]
    if result.errors:
        table = _table(t("ui.row"), t("ui.column"), t("ui.error"))
        for e in result.errors[:100]:
            table.add_row(str(e["row"]), e["column"], e["error"])
        parts.append(table)
        if len(result.errors) > 100:
            parts.append(Text(f"… +{len(result.errors) - 100}"))
    if result.duplicates:
        dups = ", ".join(f"{d['row']}→#{d['duplicate_of']}" for d in result.duplicates[:30])
        parts.append(Text(f"{t('ui.duplicates')}: {dups}"))
    return Group(*parts)


@view.register
def _(result: Exported) -> Screen:
    return Screen(err=(t("ui.exported", count=result.rows, path=result.path),))


@view.register
def _(result: DuplicateGroups) -> RenderableType:
    if not result.groups:
        return Text(t("ui.no_duplicates"))
    table = _table(t("ui.id"), t("ui.company"), t("ui.reasons"), t("ui.confidence"))
    for g in result.groups:
        table.add_row("\n".join(f"#{i}" for i in g.ids), "\n".join(g.companies),
                      ", ".join(g.reasons), f"{g.confidence:.0%}")
    return table


@view.register
def _(result: Merged) -> str:
    return t("ui.merged", drop=result.drop, keep=result.keep)


# --- administration -----------------------------------------------------------------------------


@view.register
def _(result: PolicyShown) -> str:
    from yulin_cli.policy import policy_toml

    return policy_toml(result.policy)


@view.register
def _(result: PolicyWritten) -> str:
    return t("ui.policy_written", path=result.path)


@view.register
def _(result: BackedUp) -> str:
    return t("ui.backed_up", path=result.path, size=result.bytes)


@view.register
def _(result: Health) -> str:
    return _lines(*(f"{OK if c.ok else NO} {c.check}: {c.detail}" for c in result.checks))


@view.register
def _(result: DemoResult) -> Screen:
    ranked = [(p, r) for p, r in result.ranking.rated if r.stars > 0]
    parts: list[RenderableType | str] = [
        t("ui.demo_loaded" if result.loaded else "ui.demo_already", target=result.target),
        view(result.daily_report),  # type: ignore[list-item]
        _ranking(ranked, title=t("ui.ranking"))]
    if result.ranking.unvisited:
        parts.append(Text(t("ui.unvisited", count=result.ranking.unvisited)))
    return Screen(tuple(parts))
