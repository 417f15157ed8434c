"""Verification and visits: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from yulin_cli import rules
from yulin_cli.i18n import explain, t
from yulin_cli.render import (
    Screen,
    lines_of,
    new_table,
    readiness_view,
    view,
)
from yulin_cli.visits.service import (
    ReadinessResult,
    RedseaResult,
    RoundRecorded,
    RoutePlan,
    VisitLogged,
    VisitPlanned,
)


@view.register
def _(result: ReadinessResult) -> Group:
    return readiness_view(result.prospect_id, result.company,
                      rules.Readiness(result.ready, result.checks))


@view.register
def _(result: RoundRecorded) -> str:
    lines = [t("ui.round_recorded", id=result.prospect_id, round=result.round)]
    if not result.counts:
        lines.append(t("ui.round_contradicted" if result.contradicted else "ui.round_not_counted",
                       by=result.by))
    if result.no_address:
        lines.append(t("ui.round_no_address", id=result.prospect_id))
    return lines_of(*lines)


@view.register
def _(result: RedseaResult) -> str:
    return lines_of(
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
    for reason in result.reasons[1:]:
        lines.append("  · " + explain(reason) + (f" → {t(reason.fix)}" if reason.fix else ""))
    if result.flags:
        lines.append(f"  {t('ui.flags')}: {', '.join(result.flags)}")
    return lines_of(*lines)


@view.register
def _(result: RoutePlan) -> Screen:
    table = new_table(t("ui.district"), t("ui.date"), t("ui.prospect"), title=t("ui.trips"))
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
