"""Commands for the rest of the playbook: notices, points, inspections, the manager view,
routes, direct sales, partners, industries, advice and the playbook itself.

Registered on the same app as ``cli.py``; the same plumbing applies (``--json``, exit codes,
one catalogue).
"""

from enum import StrEnum
from typing import Annotated, Any

import typer

from yulin_cli.cli import (
    DateOpt,
    IdArg,
    JsonOpt,
    Role,
    app,
    command,
    current,
    emit_json,
    enum_value,
    iso_date,
    respond,
    show,
    staff_app,
    text_option,
)
from yulin_cli.errors import BadInput
from yulin_cli.i18n import current_lang, explain, reason_json, t

direct_app = typer.Typer(help="Direct-sales branch projects (Q11). / 直销项目。",
                         no_args_is_help=True, rich_markup_mode=None)
app.add_typer(direct_app, name="direct-sales")
CenterOpt = Annotated[str | None, typer.Option("--center", help="One centre only.")]



class Verdict(StrEnum):
    upheld = "upheld"
    overturned = "overturned"


class Settlement(StrEnum):
    cooperate = "cooperate"
    we_withdraw = "we-withdraw"
    they_withdraw = "they-withdraw"


# --- staff ------------------------------------------------------------------------------------


@command(staff_app, "update")
def staff_update(
    name: Annotated[str, typer.Argument(help="The person's name.")],
    center: Annotated[str | None, typer.Option("--center", help="Move to this centre.")] = None,
    role: Annotated[list[Role] | None, typer.Option(
        "--role", help="Replace the roles; repeat for several.")] = None,
    industry: Annotated[list[str] | None, typer.Option(
        "--industry", help="Replace the industries; repeat for several.")] = None,
    clear_industries: Annotated[bool, typer.Option(
        "--clear-industries", help="Remove every industry.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Change a person's centre, roles or industries (Q8: who calls which industry)."""
    from yulin_cli import team

    industries = [] if clear_industries else industry
    if industries is not None:
        industries = list(dict.fromkeys(text_option(i, "--industry", 100) for i in industries))
    with current().db().write() as tx:
        row = team.update_staff(tx, name, center=center, roles=enum_value(role) or None,
                                industries=industries)
    if json_output:
        emit_json({k: row[k] for k in ("name", "center", "city", "roles", "industries")})
    else:
        typer.echo(t("ui.staff_updated", name=name))


# --- notices and points (Q1, Q12, Q15) --------------------------------------------------------


@command(app, "notices")
def notices(
    date_from: Annotated[str | None, typer.Option("--from", help="First day.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day (default today).")] = None,
    center: CenterOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """The notice board: praise and criticism, with the rule and prospect behind each."""
    from yulin_cli import store

    day_to = iso_date(date_to, "--to")
    day_from = iso_date(date_from, "--from") if date_from else "0000-01-01"
    with current().db().read() as tx:
        if center is not None:
            store.center_by_name(tx, center)
        rows = store.notices(tx, day_from, day_to, center)
    if json_output:
        emit_json(rows)
        return
    from yulin_cli.render import notices_table

    show(notices_table(rows) if rows else f"{t('ui.notices')}: {t('ui.none')}")


@command(app, "points")
def points(
    staff: Annotated[str | None, typer.Argument(help="One person's ledger.")] = None,
    center: CenterOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Everyone's total, or one person's ledger with the running total after each entry."""
    from yulin_cli import store, team

    with current().db().read() as tx:
        if staff is not None:
            doc: Any = team.ledger(tx, staff)
        else:
            if center is not None:
                store.center_by_name(tx, center)
            doc = [{**r, "total": int(r["total"]), "entries": int(r["entries"])}
                   for r in store.points_totals(tx, center)]
    if json_output:
        emit_json(doc)
        return
    from yulin_cli.render import ledger_table, totals_table

    show(ledger_table(doc) if staff is not None else totals_table(doc))


# "-5" is a number here, not an option.
@command(app, "adjust-points", ignore_unknown_options=True)
def adjust_points(
    staff: Annotated[str, typer.Argument(help="Whose points.")],
    delta: Annotated[int, typer.Argument(
        help="Points to add; negative to take away.", min=-10_000, max=10_000)],
    reason: Annotated[str, typer.Option("--reason", help="Why; kept in the ledger.")],
    by: Annotated[str, typer.Option("--by", help="The manager making it.")],
    date: DateOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """A manual adjustment by a manager (anyone else: exit 1). The ledger is only added to."""
    from yulin_cli import team

    why = text_option(reason, "--reason", 500)
    with current().db().write() as tx:
        doc = team.adjust_points(tx, staff, delta, why, by, iso_date(date))
    if json_output:
        emit_json(doc)
    else:
        typer.echo(t("ui.adjusted", staff=staff, delta=delta, total=doc["total"]))


@command(app, "inspect")
def inspect_visit(
    visit_id: Annotated[int, typer.Argument(metavar="VISIT_ID", help="The visit to settle.")],
    by: Annotated[str, typer.Option("--by", help="The manager who checked.")],
    verdict: Annotated[Verdict, typer.Option("--verdict", help="Did the finding hold?")],
    note: Annotated[str | None, typer.Option("--note", help="What the check found.")] = None,
    date: DateOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Settle a substandard finding (Q15); overturned gives the source's points back."""
    from yulin_cli import team

    note = text_option(note, "--note", 2000) if note else None
    with current().db().write() as tx:
        doc = team.inspect(tx, visit_id, by, verdict.value, note, iso_date(date))
    if json_output:
        emit_json(doc)
        return
    typer.echo(t("ui.inspected", id=visit_id, verdict=verdict.value))
    for item in doc["reversed"]:
        typer.echo("  " + t("ui.reversed", delta=item["delta"]))


# --- managers and routes (Q6, Q13) ------------------------------------------------------------


@command(app, "manager")
def manager(center: CenterOpt = None, json_output: JsonOpt = False) -> None:
    """What managers do now: 5 and 4 stars at once, or else upgrade visits (Q13)."""
    from yulin_cli import planning

    with current().db().read() as tx:
        view = planning.manager_view(tx, current().policy(), center)
    from yulin_cli.i18n import rating_json

    tasks = [explain(r) for r in view["tasks"]]
    doc = {
        "take_now": [rating_json(c["id"], r, company=c["company"], deal_value=c["deal_value"])
                     for c, r in view["take_now"]],
        "upgrade_visits": [{"prospect_id": u["id"], "company": u["company"], "pcs": u["pcs"],
                            "tasks": tasks} for u in view["upgrade_visits"]],
    }
    respond(doc, json_output, "manager_view")


@command(app, "route")
def route(
    center: CenterOpt = None,
    start: Annotated[str | None, typer.Option("--start", help="First day (default today).")] = None,
    visitor: Annotated[str | None, typer.Option("--visitor", help="Who travels.")] = None,
    plan: Annotated[bool, typer.Option("--plan", help="Schedule the trips as planned visits.")] = (
        False),
    json_output: JsonOpt = False,
) -> None:
    """Group ready suburban prospects by district into short trips (Q6); --plan books them."""
    from yulin_cli import planning
    from yulin_cli.inputs import PlanIn

    day = iso_date(start, "--start")
    db = current().db()
    with db.write() if plan else db.read() as tx:
        doc = planning.route(tx, current().policy(), center, day, visitor, plan, PlanIn)
    if json_output:
        emit_json(doc)
        return
    from yulin_cli.render import trips_view

    show(trips_view(doc))
    if plan:
        count = sum(len(d["prospect_ids"]) for trip in doc["trips"] for d in trip["days"])
        typer.echo(t("ui.planned_trips", visitor=visitor, count=count))


# --- direct sales and partners (Q10, Q11) -----------------------------------------------------


@command(direct_app, "add")
def direct_add(
    company: Annotated[str, typer.Option("--company", help="The company the branch pursues.")],
    city: Annotated[str, typer.Option("--city", help="A city with a direct-sales branch.")],
    contact: Annotated[str, typer.Option("--contact", help="The branch's contact person.")],
    json_output: JsonOpt = False,
) -> None:
    """Record a project of the direct-sales branch; matching prospects get a check."""
    from yulin_cli import deals

    company = text_option(company, "--company", 200)
    city = text_option(city, "--city", 100)
    contact = text_option(contact, "--contact", 100)
    with current().db().write() as tx:
        doc = deals.add_direct_project(tx, current().policy(), company, city, contact)
    if json_output:
        emit_json(doc)
    else:
        typer.echo(t("ui.direct_added", id=doc["id"], company=doc["company"]))


@command(direct_app, "settle")
def direct_settle(
    project_id: Annotated[int, typer.Argument(metavar="ID", help="Direct-sales project id.")],
    outcome: Annotated[Settlement, typer.Option("--outcome", help="How it was settled.")],
    json_output: JsonOpt = False,
) -> None:
    """Record how a shared contact was settled: cooperate, or one side withdraws."""
    from yulin_cli import deals

    with current().db().write() as tx:
        doc = deals.settle_direct_project(tx, project_id, outcome.value)
    if json_output:
        emit_json(doc)
    else:
        typer.echo(t("ui.direct_settled", id=project_id, status=outcome.value))


@command(direct_app, "list")
def direct_list(json_output: JsonOpt = False) -> None:
    """List the direct-sales projects."""
    from yulin_cli import store

    with current().db().read() as tx:
        rows = store.direct_projects(tx)
    if json_output:
        emit_json(rows)
    else:
        for r in rows:
            typer.echo(f"#{r['id']}  {r['company']}  {r['city']}  {r['contact']}  {r['status']}")


@command(app, "partners")
def partners(center: CenterOpt = None, json_output: JsonOpt = False) -> None:
    """Partner projects: effort so far against our share, flagging the costly ones (Q10)."""
    from yulin_cli import deals

    with current().db().read() as tx:
        rows = deals.partners(tx, current().policy(), center)
    for row in rows:
        row["reason"] = reason_json(row["reason"])
    respond(rows, json_output, "partners_table")


@command(app, "industries")
def industries(center: CenterOpt = None, json_output: JsonOpt = False) -> None:
    """The centre's main industries by prospect count, and who calls each (Q8)."""
    from yulin_cli import team

    with current().db().read() as tx:
        rows = team.industries(tx, center)
    respond(rows, json_output, "industries_table")


# --- advice and the playbook ------------------------------------------------------------------


@command(app, "advise")
def advise(prospect_id: IdArg, json_output: JsonOpt = False) -> None:
    """The guidance that applies to this prospect, each with its rule and clause."""
    from yulin_cli.advice import advise as gather

    with current().db().read() as tx:
        items = gather(tx, current().policy(), prospect_id)
    doc = {"prospect_id": prospect_id,
           "advice": [{"rule": a.rule, "clause": a.clause, "message": explain(a)}
                      for a in items]}
    respond(doc, json_output, "advice_view")


@command(app, "playbook")
def playbook(
    topic: Annotated[str | None, typer.Argument(help="A clause (q5) or rule id (stars).")] = None,
    search: Annotated[str | None, typer.Option("--search", help="Topics containing a word.")] = (
        None),
    json_output: JsonOpt = False,
) -> None:
    """Browse the playbook, Q1-Q18, in our own words (zh and en)."""
    from yulin_cli.playbook import find

    topics = find(topic, search)
    if topic and not topics:
        raise BadInput("bad.no_topic", topic=topic)
    index = 0 if current_lang() == "zh" else 1
    doc = [{"topic": tp.key, "clause": tp.clause, "rules": list(tp.rules),
            "title": tp.title[index], "text": tp.text[index], "command": tp.command}
           for tp in topics]
    respond(doc, json_output, "playbook_view")

