"""Commands of the team: `center`, `staff`, `points`, `adjust-points`, `inspect`, `industries`."""

from typing import Annotated

import typer

from yulin_cli.choices import InspectionVerdict, Question, Role
from yulin_cli.runtime import (
    AllRowsOpt,
    ByOpt,
    CenterOpt,
    DateOpt,
    JsonOpt,
    LimitOpt,
    acting,
    answer,
    choice,
    command,
    current,
    iso_date,
    rows_to_show,
    sub_app,
    text_option,
    validated,
)

SinceOpt = Annotated[str | None, typer.Option(
    "--since", help="The day they began as a prospector: the quota counts from it.")]

app = sub_app("The team: centres, staff, points and inspections.")
center_app = sub_app("Service centres. / 服务中心。")
staff_app = sub_app("Staff and their roles. / 伙伴与角色。")
app.add_typer(center_app, name="center")
app.add_typer(staff_app, name="staff")


# --- centres and staff --------------------------------------------------------------------------


@command(center_app, "add")
def center_add(
    name: Annotated[str, typer.Argument(help="Centre name.")],
    city: Annotated[str, typer.Option("--city", help="The city it is responsible for.")],
    json_output: JsonOpt = False,
) -> None:
    """Add a service centre and the city it covers."""
    from yulin_cli.inputs import CenterIn
    from yulin_cli.team import service

    data = validated(CenterIn, {"name": name, "city": city})
    answer(lambda tx: service.add_center(tx, data.name, data.city), json_output, write=True)


@command(center_app, "list")
def center_list(json_output: JsonOpt = False) -> None:
    """List the service centres."""
    from yulin_cli.team import queries
    from yulin_cli.team.service import CenterList

    answer(lambda tx: CenterList(tuple(queries.list_centers(tx))), json_output)


@command(staff_app, "add")
def staff_add(
    name: Annotated[str, typer.Argument(help="The person's name.")],
    center: Annotated[str, typer.Option("--center", help="Their centre.")],
    role: Annotated[list[Role], choice(Role, "--role", help="A role; repeat for several.")],
    industry: Annotated[list[str] | None, typer.Option(
        "--industry", help="An industry they call; repeat for several.")] = None,
    since: SinceOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Add a staff member with one or more roles."""
    from yulin_cli.inputs import StaffIn
    from yulin_cli.team import service

    data = validated(StaffIn, {"name": name, "center": center, "roles": [r.value for r in role],
                               "industries": industry or []})
    began = iso_date(since, "--since")
    answer(lambda tx: service.add_staff(tx, data.name, data.center, data.roles, data.industries,
                                        began), json_output, write=True)


@command(staff_app, "list")
def staff_list(json_output: JsonOpt = False) -> None:
    """List the staff with their centre, roles and industries."""
    from yulin_cli.team import service

    answer(lambda tx: service.list_staff(tx), json_output)


@command(staff_app, "update")
def staff_update(
    name: Annotated[str, typer.Argument(help="The person's name.")],
    center: Annotated[str | None, typer.Option("--center", help="Move to this centre.")] = None,
    role: Annotated[list[Role] | None, choice(
        Role, "--role", help="Replace the roles; repeat for several.")] = None,
    industry: Annotated[list[str] | None, typer.Option(
        "--industry", help="Replace the industries; repeat for several.")] = None,
    clear_industries: Annotated[bool, typer.Option(
        "--clear-industries", help="Remove every industry.")] = False,
    since: SinceOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Change a person's centre, roles or industries (Q8: who calls which industry)."""
    from yulin_cli.team import service

    industries = [] if clear_industries else industry
    if industries is not None:
        industries = list(dict.fromkeys(text_option(i, "--industry", 100) for i in industries))
    answer(lambda tx: service.update_staff(tx, name, center=center,
                                           roles=[r.value for r in role] if role else None,
                                           industries=industries,
                                           since=iso_date(since, "--since") if since else None),
           json_output, write=True)


# --- points and inspections (Q1, Q12, Q15) ------------------------------------------------------


@command(app, "points")
def points(
    staff: Annotated[str | None, typer.Argument(help="One person's ledger.")] = None,
    center: CenterOpt = None,
    limit: LimitOpt = None,
    every: AllRowsOpt = False,
    json_output: JsonOpt = False,
) -> None:
    """Everyone's total, or one person's ledger with the running total after each entry."""
    from yulin_cli.team import service

    rows = rows_to_show(limit, every, json_output)
    answer(lambda tx: (service.ledger(tx, staff, rows) if staff is not None
                       else service.points_totals(tx, center, rows)), json_output)


# "-5" is a number here, not an option.
@command(app, "adjust-points", ignore_unknown_options=True)
def adjust_points(
    staff: Annotated[str, typer.Argument(help="Whose points.")],
    delta: Annotated[int, typer.Argument(
        help="Points to add; negative to take away.", min=-10_000, max=10_000)],
    reason: Annotated[str, typer.Option("--reason", help="Why; kept in the ledger.")],
    by: ByOpt = None,
    date: DateOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """A manual adjustment by a manager (anyone else: exit 1). The ledger is only added to."""
    from yulin_cli.team import service

    why = text_option(reason, "--reason", 500)
    manager = acting(by)
    answer(lambda tx: service.adjust_points(tx, staff, delta, why, manager, iso_date(date)),
           json_output, write=True)


@command(app, "inspect")
def inspect_visit(
    visit_id: Annotated[int, typer.Argument(metavar="VISIT_ID", help="The visit to settle.")],
    verdict: Annotated[InspectionVerdict, choice(
        InspectionVerdict, "--verdict", help="The answer: upheld|overturned (a finding), "
        "proven|unproven (whether the visit happened).")],
    by: ByOpt = None,
    question: Annotated[Question | None, choice(
        Question, "--question", help="Which open question (when a visit has both).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="What the check found.")] = None,
    date: DateOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Answer a manager's question about a visit (Q15). Does its substandard finding hold:
    upheld, or overturned (the finder's points come back)? Did it happen as recorded: proven
    (the photo flags clear), or unproven (not effective, the visitor is fined, and what it
    earned or cost is given back)?"""
    from yulin_cli.team import service

    note = text_option(note, "--note", 2000) if note else None
    manager = acting(by)
    answer(lambda tx: service.inspect(tx, current().book(), visit_id, manager, verdict.value,
                                      question.value if question else None, note, iso_date(date)),
           json_output, write=True)


@command(app, "industries")
def industries(center: CenterOpt = None, json_output: JsonOpt = False) -> None:
    """The centre's main industries by prospect count, and who calls each (Q8)."""
    from yulin_cli.team import service

    answer(lambda tx: service.industries(tx, center), json_output)
