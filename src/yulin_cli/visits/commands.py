"""Commands of verification and visits: `verify`, `check-visit`, `plan-visit`, `log-visit`,
`redsea`, `route` and `agenda`."""

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from yulin_cli.choices import Followup, Outcome, Pretext, RoundResult, VisitKind
from yulin_cli.errors import BadInput
from yulin_cli.runtime import (
    ByOpt,
    CenterOpt,
    DateOpt,
    IdArg,
    JsonOpt,
    NoteOpt,
    SaveOpt,
    acting,
    answer,
    choice,
    command,
    current,
    iso_date,
    respond,
    save_path,
    sub_app,
    today,
)

if TYPE_CHECKING:
    from yulin_cli.visits.photos import PhotoFile

app = sub_app("Verification and visits.")

IcsOpt = Annotated[str | None, typer.Option(
    "--ics", metavar="FILE", help="Also write the visits as an iCalendar file.")]


@command(app, "verify")
def verify(
    prospect_id: IdArg,
    pretext: Annotated[Pretext, choice(Pretext, "--pretext", help="Role played on the call.")],
    result: Annotated[RoundResult, choice(RoundResult, "--result", help="Did the facts hold?")],
    by: ByOpt = None,
    address: Annotated[bool, typer.Option("--address", help="Confirmed the exact address.")] = False,
    scale: Annotated[bool, typer.Option("--scale", help="Checked scale via the address.")] = False,
    date: DateOpt = None,
    note: NoteOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Record one verification round (Q1); the source's own confirmed rounds count."""
    from yulin_cli.forms import round_form
    from yulin_cli.visits import service

    data = round_form({
        "prospect_id": prospect_id, "by": acting(by), "pretext": pretext.value, "result": result.value,
        "address": address, "scale": scale, "day": date or today(), "note": note,
    })
    answer(lambda tx: service.verify(tx, current().book(), data), json_output, write=True)


@command(app, "check-visit")
def check_visit(
    prospect_id: IdArg,
    date: Annotated[str | None, typer.Option(
        "--date", help="Judge as of this day (default today).")] = None,
    json_output: JsonOpt = False,
) -> None:
    """May this prospect be visited? Exit 0 when ready, 1 when not (Q2)."""
    from yulin_cli.visits import service

    as_of = iso_date(date)
    with current().read() as tx:
        result = service.check_visit(tx, current().book(), prospect_id, as_of)
    respond(result, json_output)
    if not result.ready:
        raise typer.Exit(1)


@command(app, "plan-visit")
def plan_visit(
    prospect_id: IdArg,
    visitor: Annotated[str | None, typer.Option(
        "--visitor", help="Who will visit (team mode: you, by default).")] = None,
    date: DateOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Schedule a visit; refused unless check-visit is ready as of that day."""
    from yulin_cli.forms import plan_form
    from yulin_cli.visits import service

    data = plan_form({"prospect_id": prospect_id, "visitor": acting(visitor, "--visitor"),
                      "day": date or today()})
    try:
        with current().write() as tx:
            result = service.plan_visit(tx, current().book(), data.prospect_id, data.visitor,
                                        data.day)
    except service.NotReady as refused:
        if not json_output:
            from yulin_cli.render import show_checks

            show_checks(refused.readiness.checks)
        raise
    respond(result, json_output)


@command(app, "log-visit")
def log_visit(
    prospect_id: IdArg,
    outcome: Annotated[Outcome | None, choice(Outcome, "--outcome", help="What happened.")] = None,
    by: ByOpt = None,
    kind: Annotated[VisitKind | None, choice(
        VisitKind, "--kind", help="Planned, sweep, upgrade or followup.")] = None,
    followup: Annotated[Followup | None, choice(
        Followup, "--followup", help="What the follow-up was (Q5).")] = None,
    found_employees: Annotated[str | None, typer.Option(
        "--found-employees", help="Employees found on site; saved on the prospect.")] = None,
    found_pcs: Annotated[str | None, typer.Option(
        "--found-pcs", help="PCs found on site; saved on the prospect.")] = None,
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
    photo: Annotated[list[Path] | None, typer.Option(
        "--photo", metavar="FILE", help="A photo taken at the visit (JPEG, PNG); repeat for "
        "several. The file stays put; its path, hash, size, date and GPS are recorded.")] = None,
    date: DateOpt = None,
    note: NoteOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Record a visit: effectiveness (Q7), points and notices (Q1, Q12), flags (Q2, Q15)."""
    from yulin_cli import rules
    from yulin_cli.forms import visit_form
    from yulin_cli.visits import service

    # A follow-up (Q5) is what --followup says it was; it is met unless said otherwise.
    kind = kind or (VisitKind.followup if followup is not None else VisitKind.planned)
    if outcome is None and kind == VisitKind.followup:
        outcome = Outcome.met
    problem = rules.followup_check(kind.value, followup.value if followup else None,
                                   outcome.value if outcome else None)
    if problem is not None:
        raise BadInput(problem.code)
    assert outcome is not None
    raw = {
        "prospect_id": prospect_id, "by": acting(by), "outcome": outcome.value, "kind": kind.value,
        "followup": followup.value if followup is not None else None,
        "found_employees": found_employees, "found_pcs": found_pcs,
        "items": items or "", "landline": landline, "email": email, "mobile": mobile,
        "qq": qq, "landline_number": landline_number, "email_address": email_address,
        "mobile_number": mobile_number, "qq_number": qq_number, "day": date or today(),
        "note": note,
    }
    data = visit_form({k: v for k, v in raw.items() if v is not None})
    photos: tuple[PhotoFile, ...] = ()
    if photo:
        from yulin_cli.visits.photos import read_photo

        photos = tuple(read_photo(p) for p in photo)  # read before anything is written
    answer(lambda tx: service.log_visit(tx, current().book(), data, photos), json_output, write=True)


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
        "--clear", help="Withdraw the standing signals (it stays in its selection).")] = False,
    by: ByOpt = None,
    date: DateOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Judge a prospect in a vendor selection (Q18): pure, doubtful or impure.

    Signal flags add to the standing signals, dated and attributed; --clear withdraws them;
    with neither, the recorded verdict is shown.
    """
    from yulin_cli.visits import service

    chosen = {"competitor-features": competitor_features, "stale-project": stale_project,
              "excluded-us": excluded_us, "cold": cold}
    signals = [name for name, on in chosen.items() if on]
    if clear and signals:
        raise BadInput("bad.clear_with_signals")
    writing = bool(signals or clear)
    day = iso_date(date)
    who = acting(by, optional=True) if writing else None
    answer(lambda tx: service.redsea(tx, current().book(), prospect_id, signals, clear=clear,
                                     day=day, by=who), json_output, write=writing)


@command(app, "route")
def route(
    center: CenterOpt = None,
    start: Annotated[str | None, typer.Option("--start", help="First day (default today).")] = None,
    visitor: Annotated[str | None, typer.Option("--visitor", help="Who travels.")] = None,
    plan: Annotated[bool, typer.Option("--plan", help="Schedule the trips as planned visits.")] = (
        False),
    ics: IcsOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Group ready suburban prospects by district into short trips (Q6); --plan books them."""
    from yulin_cli.visits import service

    day = iso_date(start, "--start", ahead=True)
    with current().write() if plan else current().read() as tx:
        result = service.route(tx, current().book(), center, day, visitor, plan)
        events = service.route_events(tx, result, visitor) if ics else []
    if ics:
        from yulin_cli.visits.calendar import write_ics

        if write_ics(ics, events, "yulin route"):
            result = replace(result, ics=ics)
        else:
            result = replace(result, ics_skipped=ics)
    respond(result, json_output)


@command(app, "agenda")
def agenda(
    visitor: Annotated[str | None, typer.Option("--visitor", help="Whose day.")] = None,
    date: DateOpt = None,
    ics: IcsOpt = None,
    save: SaveOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """A visitor's day: the planned visits by district, each with its address, contact,
    readiness as of that day, what to capture for an effective visit and how to open (Q2,
    Q7, Q16)."""
    from yulin_cli.visits import service

    if visitor is None:  # a login mapped to a staff member will stand in here (team mode)
        raise BadInput("agenda.needs_visitor")
    day = iso_date(date, ahead=True)
    target = save_path(save)
    with current().read() as tx:
        result = service.agenda(tx, current().book(), visitor, day)
        events = service.agenda_events(tx, result) if ics else []
    if ics:
        from yulin_cli.visits.calendar import write_ics

        if write_ics(ics, events, f"yulin {result.visitor} {day}"):
            result = replace(result, ics=ics)
        else:
            result = replace(result, ics_skipped=ics)
    respond(result, json_output, target)
