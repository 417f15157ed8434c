"""Verification and visits: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from yulin_cli import rules
from yulin_cli.i18n import cited, colon, explain, flag_word, listed, rule_name, t, to_capture
from yulin_cli.render import (
    NO,
    OK,
    Prose,
    Screen,
    commands_block,
    empty,
    new_table,
    readiness_view,
    verdict_line,
    view,
)
from yulin_cli.visits.service import (
    Agenda,
    ReadinessResult,
    RedseaResult,
    RoundRecorded,
    RoutePlan,
    VisitLogged,
    VisitPlanned,
)

if TYPE_CHECKING:  # Rich loads when a view draws (see render.show)
    from rich.console import Group, RenderableType


@view.register(ReadinessResult)
def _(result: ReadinessResult) -> Group:
    return readiness_view(result.prospect_id, result.company,
                          rules.Readiness(result.ready, result.checks), result.fill)


@view.register(RoundRecorded)
def _(result: RoundRecorded) -> Screen:
    parts: list[RenderableType | str] = [
        t("ui.round_recorded", id=result.prospect_id, round=result.round,
          round_id=result.round_id)]
    if not result.counts:
        parts.append(Prose(t("ui.round_contradicted" if result.contradicted
                             else "ui.round_not_counted", by=result.by)))
    if result.no_address:
        parts += [Prose(t("ui.round_no_address", id=result.prospect_id)),
                  commands_block([t("fixcmd.address.fix_none", id=result.prospect_id)])]
    return Screen(tuple(parts))


@view.register(RedseaResult)
def _(result: RedseaResult) -> Screen:
    parts: list[RenderableType | str] = [
        cited(t("ui.redsea_verdict", id=result.prospect_id,
                verdict=t(f"redsea.{result.verdict}_word")), rules.CLAUSES["redsea"]),
        verdict_line(result.assessment.check),
        Prose("  → " + cited(t(result.assessment.action_code), rules.CLAUSES["redsea"]),
              indent=4)]
    if result.cleared:
        parts.append(Prose("  " + t("ui.signals_cleared", count=result.cleared), indent=4,
                           first_indent=0))
    if result.already:
        parts.append(Prose("  " + t("ui.signals_already", signals=listed(
            [t(f"signal.{s}") for s in result.already])), indent=4, first_indent=0))
    if result.signals:
        parts.append(Prose("  " + t("ui.signals_recorded"), indent=4, first_indent=0))
        for s in result.signals:
            seen = t("ui.signal_seen", date=s.date or "-", by=s.by or "-")
            parts.append(Prose(f"    · {t(f'signal.{s.signal}')}  {seen}", indent=6,
                               first_indent=0))
    return Screen(tuple(parts))


@view.register(VisitPlanned)
def _(result: VisitPlanned) -> str:
    return t("ui.planned", visitor=result.visitor, id=result.prospect_id, date=result.date)


@view.register(VisitLogged)
def _(result: VisitLogged) -> Screen:
    parts: list[RenderableType | str] = [t("ui.visit_logged", id=result.visit_id)]
    for reason in result.reasons:
        parts.append(verdict_line(reason))
        if reason.fix:
            parts.append(Prose("    → " + t(reason.fix, **reason.params), indent=6,
                               first_indent=0))
    if result.flags:
        flags = listed([cited(flag_word(f), rules.FLAG_RULES[f][1]) for f in result.flags])
        parts.append(Prose(t("ui.flags_line", flags=flags), indent=4))
    if result.hotline:
        parts.append(Prose(t("typed.hotline_note", number=rules.phone_display(result.hotline))))
    return Screen(tuple(parts))


@view.register(RoutePlan)
def _(result: RoutePlan) -> Screen:
    if not result.trips and not result.not_ready:
        skipped = (t("ics.nothing", path=result.ics_skipped),) if result.ics_skipped else ()
        return Screen((empty("empty.trips"), *skipped))
    companies = result.companies or {}

    def named(ids: tuple[int, ...]) -> Prose:
        return Prose("\n".join(f"#{i} {companies.get(i, '')}".rstrip() for i in ids))

    table = new_table(t("ui.district"), t("ui.date"), t("ui.prospect"),
                      title=cited(t("ui.trips"), rules.CLAUSES["territory"]))
    table.columns[1].no_wrap = True
    for trip in result.trips:
        for day in trip.days:
            table.add_row(trip.district, day.date, named(day.prospect_ids))
    parts: list[RenderableType | str] = [table]
    if result.not_ready:
        # Not ready by the visit rules (Q2): check-visit says what each one lacks.
        parts.append(Prose(t("ui.not_ready_list"), style="dim"))
        parts.append(named(result.not_ready))
    if result.planned_for is not None:
        parts.append(t("ui.planned_trips", visitor=result.planned_for,
                       count=result.planned_count))
    if result.ics:
        parts.append(t("ui.ics_written", path=result.ics, count=result.planned_count))
    if result.ics_skipped:
        parts.append(t("ics.nothing", path=result.ics_skipped))
    return Screen(tuple(parts))


@view.register(Agenda)
def _(result: Agenda) -> Screen:
    from rich.text import Text

    head = Text(t("ui.agenda", date=result.date, visitor=result.visitor,
                  count=len(result.visits)), style="bold")
    parts: list[RenderableType | str] = [head]
    # One opening for the day when every visit has the same; else each visit's own.
    openers = {cited(explain(v.opener), v.opener.clause) for v in result.visits}
    if len(result.visits) > 1 and len(openers) == 1:
        parts.append(Prose(f"{t('ui.opener')}{colon()}{openers.pop()}", style="dim", indent=2,
                           first_indent=0))
    for n, v in enumerate(result.visits):
        if n == 0 or v.district != result.visits[n - 1].district:
            parts.append(Text(v.district or t("ui.district_unknown"), style="bold cyan"))
        line = Text.assemble(f"  #{v.prospect_id} ", (v.company, ""), "  ")
        if v.done:
            line.append(t("ui.done"), style="dim")
        elif v.ready:
            line.append(f"{OK} {t('ui.ready')}", style="green")
        else:
            line.append(f"{NO} {t('ui.not_ready')}", style="bold red")
        parts.append(Prose(line.plain, indent=4, first_indent=0) if not v.done and not v.ready
                     else line)
        contact = " · ".join(x for x in (v.address, v.contact_surname,
                                         rules.phone_display(v.landline, v.landline_ext))
                           if x)
        if contact:
            parts.append(Prose(f"     {contact}", indent=5, first_indent=0))
        for reason in v.failing:
            text = f"     {NO} {cited(rule_name(reason.rule), reason.clause)}{colon()}"
            text += explain(reason) + (f" → {t(reason.fix, **reason.params)}" if reason.fix else "")
            parts.append(Prose(text, style="red", indent=7, first_indent=0))
        if v.to_capture:
            captured = to_capture(v.to_capture)
            parts.append(Prose(f"     {cited(t('ui.to_capture'), rules.CLAUSES['effective'])}"
                               f"{colon()}{captured}", indent=7, first_indent=0))
        if openers:  # not said once for the day
            parts.append(Prose(f"     {t('ui.opener')}{colon()}"
                               f"{cited(explain(v.opener), v.opener.clause)}", style="dim",
                               indent=7, first_indent=0))
    if not result.visits:
        parts.append(empty("ui.no_plans"))
    if result.ics:
        parts.append(t("ui.ics_written", path=result.ics, count=len(result.visits)))
    if result.ics_skipped:
        parts.append(t("ics.nothing", path=result.ics_skipped))
    return Screen(tuple(parts))
