"""The day's workflow: verify, check-visit, plan-visit, log-visit, rate, redsea,
daily-report and the demo."""

import sys
from typing import Annotated, Any

import typer

from yulin_cli import choices
from yulin_cli.cli import (
    DateOpt,
    IdArg,
    JsonOpt,
    NoteOpt,
    app,
    choice,
    command,
    current,
    emit_json,
    iso_date,
    respond,
    show,
    today,
    validated,
)
from yulin_cli.errors import BadInput, YulinError
from yulin_cli.i18n import reason_json, t

Pretext = choice("Pretext", choices.PRETEXTS)
RoundResult = choice("RoundResult", choices.ROUND_RESULTS)
Outcome = choice("Outcome", choices.OUTCOMES)
VisitKind = choice("VisitKind", choices.VISIT_KINDS)


# --- workflow ---------------------------------------------------------------------------------


@command(app, "verify")
def verify(
    prospect_id: IdArg,
    by: Annotated[str, typer.Option("--by", help="Who made the call.")],
    pretext: Annotated[Pretext, typer.Option("--pretext", help="Role played on the call.")],
    result: Annotated[RoundResult, typer.Option("--result", help="Did the facts hold?")],
    address: Annotated[bool, typer.Option("--address", help="Confirmed the exact address.")] = False,
    scale: Annotated[bool, typer.Option("--scale", help="Checked scale via the address.")] = False,
    date: DateOpt = None,
    note: NoteOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Record one verification round (Q1); the source's own rounds count."""
    from yulin_cli import workflow

    data = validated("RoundIn", {
        "prospect_id": prospect_id, "by": by, "pretext": pretext.value, "result": result.value,
        "address": address, "scale": scale, "day": date or today(), "note": note,
    })
    with current().db().write() as tx:
        out = workflow.verify(tx, data)
    if json_output:
        emit_json({"prospect_id": prospect_id, "round": out["round"],
                   "round_id": out["round_id"], "counts": out["counts"]})
        return
    typer.echo(t("ui.round_recorded", id=prospect_id, round=out["round"]))
    if not out["counts"]:
        typer.echo(t("ui.round_not_counted" if result.value == "confirmed" else
                     "ui.round_contradicted", by=out["by"]))
    if out["no_address"]:
        typer.echo(t("ui.round_no_address", id=prospect_id))


@command(app, "check-visit")
def check_visit(prospect_id: IdArg, json_output: JsonOpt = False) -> None:
    """May this prospect be visited? Exit 0 when ready, 1 when not (Q2)."""
    from yulin_cli import workflow

    with current().db().read() as tx:
        row, ready = workflow.readiness(tx, current().policy(), prospect_id)
    if json_output:
        emit_json({"prospect_id": prospect_id, "ready": ready.ready,
                   "checks": [reason_json(c) for c in ready.checks]})
    else:
        from yulin_cli.render import readiness_view

        show(readiness_view(row, ready))
    if not ready.ready:
        raise typer.Exit(1)


@command(app, "plan-visit")
def plan_visit(
    prospect_id: IdArg,
    visitor: Annotated[str, typer.Option("--visitor", help="Who will visit.")],
    date: DateOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Schedule a visit; refused unless check-visit is ready."""
    from yulin_cli import workflow

    data = validated("PlanIn", {"prospect_id": prospect_id, "visitor": visitor,
                                "day": date or today()})
    try:
        with current().db().write() as tx:
            out, _ready = workflow.plan_visit(tx, current().policy(), data)
    except YulinError as err:
        if "readiness" in err.params and not json_output:
            from yulin_cli.render import checks_table

            show(checks_table(err.params["readiness"].checks))
        raise
    if json_output:
        emit_json(out)
    else:
        typer.echo(t("ui.planned", visitor=visitor, id=prospect_id, date=out["date"]))


@command(app, "log-visit")
def log_visit(
    prospect_id: IdArg,
    by: Annotated[str, typer.Option("--by", help="Who went.")],
    outcome: Annotated[Outcome, typer.Option("--outcome", help="What happened.")],
    kind: Annotated[VisitKind, typer.Option("--kind", help="Planned, sweep or upgrade.")] = (
        VisitKind.planned),
    items: Annotated[str | None, typer.Option(
        "--items", help="Survey items captured, e.g. 1-5,2-2,2-3.")] = None,
    landline: Annotated[bool, typer.Option("--landline", help="Got the landline.")] = False,
    email: Annotated[bool, typer.Option("--email", help="Got the email.")] = False,
    mobile: Annotated[bool, typer.Option("--mobile", help="Got the mobile.")] = False,
    qq: Annotated[bool, typer.Option("--qq", help="Got the QQ number.")] = False,
    landline_number: Annotated[str | None, typer.Option(
        "--landline-number", help="The landline itself; saved on the prospect.")] = None,
    email_address: Annotated[str | None, typer.Option(
        "--email-address", help="The email itself; saved on the prospect.")] = None,
    mobile_number: Annotated[str | None, typer.Option(
        "--mobile-number", help="The mobile itself; saved on the prospect.")] = None,
    qq_number: Annotated[str | None, typer.Option(
        "--qq-number", help="The QQ number itself; saved on the prospect.")] = None,
    date: DateOpt = None,
    note: NoteOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Record a visit: effectiveness (Q7), points and notices (Q1, Q12), flags (Q2, Q15)."""
    from yulin_cli import workflow
    from yulin_cli.i18n import explain

    raw = {
        "prospect_id": prospect_id, "by": by, "outcome": outcome.value, "kind": kind.value,
        "items": items or "", "landline": landline, "email": email, "mobile": mobile,
        "qq": qq, "landline_number": landline_number, "email_address": email_address,
        "mobile_number": mobile_number, "qq_number": qq_number, "day": date or today(),
        "note": note,
    }
    data = validated("VisitIn", {k: v for k, v in raw.items() if v is not None})
    with current().db().write() as tx:
        logged = workflow.log_visit(tx, current().policy(), data)
    doc = logged.as_json()
    if json_output:
        doc["reasons"] = [reason_json(r) for r in (logged.effective.reason,
                                                   *logged.consequences.reasons,
                                                   *logged.refusal)]
        emit_json(doc)
        return
    typer.echo(t("ui.visit_logged", id=logged.visit_id) + "  " + explain(logged.effective.reason))
    for reason in (*logged.consequences.reasons, *logged.refusal):
        typer.echo("  · " + explain(reason) + (f" → {t(reason.fix)}" if reason.fix else ""))
    if doc["flags"]:
        typer.echo(f"  {t('ui.flags')}: {', '.join(doc['flags'])}")


@command(app, "rate")
def rate(
    prospect_id: Annotated[int | None, typer.Argument(metavar="[ID]", help="Prospect id.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every prospect, best first.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Stars 1-5 with the reasons, what would lift them, and next actions (Q5, Q13)."""
    from yulin_cli import workflow

    if (prospect_id is None) == (not all_):
        raise BadInput("bad.rate_args")
    policy = current().policy()

    from yulin_cli.i18n import rating_json

    if prospect_id is not None:
        with current().db().read() as tx:
            row = workflow.live_prospect(tx, prospect_id)
        rating = workflow.rating(row, policy)
        if json_output:
            emit_json(rating_json(prospect_id, rating, company=row["company"]))
        else:
            from yulin_cli.render import rating_view

            show(rating_view(row, rating))
        return
    with current().db().read() as tx:
        rated, unvisited = workflow.rate_all(tx, policy)
    if json_output:
        emit_json([rating_json(row["id"], rating, company=row["company"])
                   for row, rating in rated])
        return
    from yulin_cli.render import ranking_table

    show(ranking_table(rated, title=t("ui.ranking")))
    if unvisited:
        show(t("ui.unvisited", count=unvisited))


@command(app, "redsea")
def redsea(
    prospect_id: IdArg,
    competitor_features: Annotated[bool, typer.Option(
        "--competitor-features", help="They keep asking if we match a competitor.")] = False,
    stale_project: Annotated[bool, typer.Option(
        "--stale-project", help="Started long ago and never called us.")] = False,
    excluded_us: Annotated[bool, typer.Option(
        "--excluded-us", help="They know us but left us out.")] = False,
    cold: Annotated[bool, typer.Option("--cold", help="No answer, no meeting, no meal.")] = False,
    clear: Annotated[bool, typer.Option(
        "--clear", help="Remove the recorded signals (it stays in its selection).")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Judge a prospect in a vendor selection (Q18): pure, doubtful or impure.

    With signal flags, they replace the recorded ones; with none, the recorded verdict is shown.
    """
    from yulin_cli import workflow
    from yulin_cli.i18n import explain

    chosen = {"competitor-features": competitor_features, "stale-project": stale_project,
              "excluded-us": excluded_us, "cold": cold}
    signals = [name for name, on in chosen.items() if on]
    if clear and signals:
        raise BadInput("bad.clear_with_signals")
    db = current().db()
    with db.write() if (signals or clear) else db.read() as tx:
        out = workflow.record_redsea(tx, current().policy(), prospect_id, signals, clear=clear)
    assessment = out["assessment"]
    action = t(assessment.action_code)
    if json_output:
        emit_json({"prospect_id": prospect_id, "verdict": out["verdict"],
                   "signals": out["signals"], "action": action,
                   "rule": "redsea", "clause": "Q18"})
    else:
        typer.echo(t("ui.redsea_verdict", id=prospect_id,
                     verdict=t(f"redsea.{out['verdict']}_word")) + " (Q18)")
        typer.echo("  " + explain(assessment.check))
        typer.echo("  → " + action)


# --- reports ----------------------------------------------------------------------------------


def daily_report_doc(tx: Any, day: str, center: str | None) -> dict:
    from yulin_cli import workflow

    report = workflow.daily_report(tx, current().policy(), day, center)
    from yulin_cli.i18n import expand

    for item in report["attention"]:
        item["message"] = t(item.pop("code"), **expand(item.pop("params")))
    return report


@command(app, "daily-report")
def daily_report(
    date: DateOpt = None,
    center: Annotated[str | None, typer.Option("--center", help="One centre only.")] = None,
    json_output: JsonOpt = False,
) -> None:
    """Each person's day against the quota, the notice board and what needs a manager."""
    day = iso_date(date)
    with current().db().read() as tx:
        report = daily_report_doc(tx, day, center)
    respond(report, json_output, "daily_report_view")


# --- demo -------------------------------------------------------------------------------------


@command(app, "demo")
def demo(
    date: Annotated[str, typer.Option("--date", help="Sample day to report.")] = "2026-10-15",
    json_output: JsonOpt = False,
) -> None:
    """Load the bundled sample team and show a day's report and the star ranking."""
    from yulin_cli import sample, workflow

    day = iso_date(date)
    db = current().db()
    loaded = sample.load(db, current().policy(), progress=not json_output and sys.stdout.isatty())
    with db.read() as tx:
        report = daily_report_doc(tx, day, None)
        rated, unvisited = workflow.rate_all(tx, current().policy())
    ranking = [{"prospect_id": row["id"], "company": row["company"], "stars": rating.stars}
               for row, rating in rated if rating.stars > 0]
    if json_output:
        emit_json({"loaded": loaded, "daily_report": report, "ranking": ranking,
                   "unvisited_quality": unvisited})
        return
    from yulin_cli.render import daily_report_view, ranking_table

    typer.echo(t("ui.demo_loaded" if loaded else "ui.demo_already", target=db.target))
    show(daily_report_view(report))
    show(ranking_table([(r, s) for r, s in rated if s.stars > 0], title=t("ui.ranking")))
    if unvisited:
        show(t("ui.unvisited", count=unvisited))
