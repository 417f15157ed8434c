"""The ``yulin`` command line: parse, call the workflow, render, exit. No SQL, no rule logic.

Start-up matters for a tool used dozens of times a day, so this module imports only Typer and
the standard library; each command imports what it needs (Pydantic, Rich, the database) inside.
"""

import datetime as dt
import functools
import inspect
import json
import os
import sys
from collections.abc import Callable
from enum import Enum, StrEnum
from typing import Annotated, Any

import typer

from yulin_cli import __version__
from yulin_cli.errors import BadInput, YulinError
from yulin_cli.i18n import reason_json, resolve_lang, set_lang, t

app = typer.Typer(
    help="Run a Yulin-centre prospecting team by its field manual. / 按育林中心手册管理开拓团队。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help and usage errors: Rich help costs a third of the start-up, and a usage error
    # then ends in one "Error: ..." line like every other bad input.
    rich_markup_mode=None,
)
center_app = typer.Typer(help="Service centres. / 服务中心。", no_args_is_help=True,
                        rich_markup_mode=None)
staff_app = typer.Typer(help="Staff and their roles. / 伙伴与角色。", no_args_is_help=True,
                       rich_markup_mode=None)
policy_app = typer.Typer(help="The policy in force. / 策略。", no_args_is_help=True,
                        rich_markup_mode=None)
app.add_typer(center_app, name="center")
app.add_typer(staff_app, name="staff")
app.add_typer(policy_app, name="policy")


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class Ownership(StrEnum):
    private = "private"
    soe = "soe"
    foreign = "foreign"
    joint = "joint"
    other = "other"


class Need(StrEnum):
    explicit = "explicit"
    latent = "latent"
    none = "none"


class Interest(StrEnum):
    high = "high"
    flat = "flat"
    none = "none"


class Role(StrEnum):
    prospector = "prospector"
    visitor = "visitor"
    manager = "manager"


class Pretext(StrEnum):
    buyer = "buyer"
    applicant = "applicant"
    invitation = "invitation"
    front_desk = "front-desk"
    other = "other"


class RoundResult(StrEnum):
    confirmed = "confirmed"
    contradicted = "contradicted"


class Outcome(StrEnum):
    met = "met"
    refused = "refused"
    substandard = "substandard"


class VisitKind(StrEnum):
    planned = "planned"
    sweep = "sweep"
    upgrade = "upgrade"


# --- global state -----------------------------------------------------------------------------


class State:
    """What the global options chose; the database opens on first use, once per run."""

    def __init__(self, db: str | None = None, policy: str | None = None) -> None:
        self.db_target = db
        self.policy_path = policy or os.environ.get("YULIN_POLICY") or None
        self._db: Any = None
        self._policy: Any = None

    def db(self) -> Any:
        if self._db is None:
            from yulin_cli.db import open_db

            self._db = open_db(self.db_target)
        return self._db

    def policy(self) -> Any:
        if self._policy is None:
            from yulin_cli.policy import load_policy

            self._policy = load_policy(self.policy_path)
        return self._policy

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


state = State()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option(
        "--db", envvar="YULIN_DB", help="SQLite file or SQLAlchemy URL.")] = None,
    policy: Annotated[str | None, typer.Option(
        "--policy", help="TOML file overriding policy defaults (or YULIN_POLICY).")] = None,
    lang: Annotated[Lang | None, typer.Option(
        "--lang", help="Language of human text (or YULIN_LANG).")] = None,
    version: Annotated[bool, typer.Option("--version", help="Show the version.")] = False,
) -> None:
    """Run a Yulin-centre prospecting team by its field manual."""
    global state
    if version:
        typer.echo(__version__)
        raise typer.Exit()
    set_lang(resolve_lang(lang.value if lang else None))
    state = State(db, policy)
    ctx.call_on_close(state.close)


# --- plumbing ---------------------------------------------------------------------------------

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]


def today() -> str:
    """Today's date; YULIN_TODAY pins it for scripts and tests."""
    return os.environ.get("YULIN_TODAY") or dt.date.today().isoformat()


def emit_json(doc: Any) -> None:
    typer.echo(json.dumps(doc, ensure_ascii=False, indent=2, default=str))


def show(*renderables: Any) -> None:
    from yulin_cli.render import console

    console().print(*renderables)


def current() -> State:
    """This run's state; the callback replaces it on every run, so read it through here."""
    return state


def respond(doc: Any, json_output: bool, view: str) -> None:
    """Prints ``doc`` as JSON, or as the Rich view ``render.<view>`` built from the same data."""
    if json_output:
        emit_json(doc)
        return
    from yulin_cli import render

    show(getattr(render, view)(doc))


def error_text(err: YulinError) -> str:
    from yulin_cli.i18n import expand

    params = expand(err.params)
    if err.key == "input.invalid":
        params["why"] = t(params["code"]) if params.get("code") else params.get("detail")
        key = "input.invalid_row" if params.get("row") is not None else err.key
        return t(key, **params)
    return t(err.key, **params)


def fail(err: YulinError, json_mode: bool) -> None:
    """One line on stderr (and one JSON document in --json mode), then the error's exit code."""
    message = error_text(err)
    if json_mode:
        readiness = err.params.get("readiness")
        doc: dict[str, Any] = {"error": {"code": err.key, "message": message,
                                         "exit_code": err.exit_code}}
        if readiness is not None:
            doc.update(ready=False, checks=[reason_json(c) for c in readiness.checks])
        for key in ("duplicate_of", "id", "field"):
            if key in err.params and isinstance(err.params[key], (int, str)):
                doc[key] = err.params[key]
        doc.update(getattr(err, "doc", {}))  # e.g. an import's full report
        emit_json(doc)
    prefix = f"{t('error')}: " if err.exit_code == 2 else ""
    typer.echo(prefix + message, err=True)
    raise typer.Exit(err.exit_code)


def command(target: typer.Typer, name: str | None = None, **settings: Any) -> Callable:
    """Registers a command whose YulinErrors become a one-line message and an exit code.

    ``settings`` go to Click's context (e.g. to accept negative numbers as arguments).
    """

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except YulinError as err:
                fail(err, bool(kwargs.get("json_output")))
            except Exception as exc:  # the database refused, not a bug of ours
                from yulin_cli.db import database_error

                err = database_error(exc, state.db_target)
                if err is None:
                    raise
                fail(err, bool(kwargs.get("json_output")))

        target.command(name, context_settings=settings or None)(run)
        return fn

    return decorate


def validated(model_name: str, data: dict) -> Any:
    from yulin_cli import inputs

    return inputs.validate(getattr(inputs, model_name), data)


def iso_date(value: str | None, option: str = "--date") -> str:
    """A validated ISO date from an option, today when it was not given."""
    if value is None:
        return today()
    from yulin_cli.inputs import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise BadInput("input.invalid", option=option, code=str(exc), value=value) from None


def text_option(value: str, option: str, limit: int) -> str:
    """Free text from an option: trimmed, not empty, no control characters, not too long."""
    from yulin_cli.inputs import clean_text

    try:
        text = clean_text(value, limit)
    except ValueError as exc:
        raise BadInput("input.invalid", option=option, code=str(exc), value=value) from None
    if not text:
        raise BadInput("input.invalid", option=option, code="bad.empty", value=value)
    return text


def enum_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [enum_value(v) for v in value]
    return value


# --- setup ------------------------------------------------------------------------------------


@command(center_app, "add")
def center_add(
    name: Annotated[str, typer.Argument(help="Centre name.")],
    city: Annotated[str, typer.Option("--city", help="The city it is responsible for.")],
    json_output: JsonOpt = False,
) -> None:
    """Add a service centre and the city it covers."""
    from yulin_cli import workflow

    data = validated("CenterIn", {"name": name, "city": city})
    with state.db().write() as tx:
        result = workflow.add_center(tx, data.name, data.city)
    if json_output:
        emit_json(result)
    else:
        typer.echo(t("ui.added_center", name=result["name"], city=result["city"]))


@command(center_app, "list")
def center_list(json_output: JsonOpt = False) -> None:
    """List the service centres."""
    from yulin_cli import store

    with state.db().read() as tx:
        rows = store.list_centers(tx)
    if json_output:
        emit_json(rows)
    else:
        for row in rows:
            typer.echo(f"{row['name']}  {row['city']}")


@command(staff_app, "add")
def staff_add(
    name: Annotated[str, typer.Argument(help="The person's name.")],
    center: Annotated[str, typer.Option("--center", help="Their centre.")],
    role: Annotated[list[Role], typer.Option("--role", help="A role; repeat for several.")],
    industry: Annotated[list[str] | None, typer.Option(
        "--industry", help="An industry they call; repeat for several.")] = None,
    json_output: JsonOpt = False,
) -> None:
    """Add a staff member with one or more roles."""
    from yulin_cli import workflow

    data = validated("StaffIn", {"name": name, "center": center, "roles": enum_value(role),
                                 "industries": industry or []})
    with state.db().write() as tx:
        result = workflow.add_staff(tx, data.name, data.center, data.roles, data.industries)
    if json_output:
        emit_json(result)
    else:
        typer.echo(t("ui.added_staff", name=result["name"]))


@command(staff_app, "list")
def staff_list(json_output: JsonOpt = False) -> None:
    """List the staff with their centre, roles and industries."""
    from yulin_cli import store

    with state.db().read() as tx:
        rows = store.list_staff(tx)
    respond([{k: r[k] for k in ("name", "center", "city", "roles", "industries")} for r in rows],
            json_output, "staff_table")


# --- prospects --------------------------------------------------------------------------------


def _opt(name: str, annotation: Any, *decls: str, help: str) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=None,
        annotation=Annotated[annotation, typer.Option(*decls, help=help)],
    )


# The facts of a prospect, shared by add-prospect and update-prospect.
PROSPECT_OPTIONS = [
    _opt("company", str | None, "--company", help="Company name."),
    _opt("city", str | None, "--city", help="City; must be the centre's city."),
    _opt("sourced_by", str | None, "--sourced-by", help="Who found it (its source)."),
    _opt("district", str | None, "--district", help="District or county."),
    _opt("suburban", bool | None, "--suburban/--not-suburban", help="Suburban (远郊)."),
    _opt("address", str | None, "--address", help="Exact address."),
    _opt("industry", str | None, "--industry", help="Industry."),
    _opt("ownership", Ownership | None, "--ownership", help="Ownership (default private)."),
    _opt("employees", int | None, "--employees", help="Number of employees."),
    _opt("pcs", int | None, "--pcs", help="Number of PCs."),
    _opt("contact_surname", str | None, "--contact-surname", help="IT contact's surname."),
    _opt("landline", str | None, "--landline", help="IT contact's landline."),
    _opt("mobile", str | None, "--mobile", help="IT contact's mobile."),
    _opt("email", str | None, "--email", help="IT contact's email."),
    _opt("qq", str | None, "--qq", help="IT contact's QQ number."),
    _opt("found_on", str | None, "--found-on", help="Day it was found (default today)."),
    _opt("deal_value", str | None, "--deal-value", help="Estimated deal, yuan; 15万 or 15w."),
    _opt("need", Need | None, "--need", help="Need for the product."),
    _opt("yulin_interest", Interest | None, "--yulin-interest", help="Interest in the plan."),
    _opt("platform_interest", bool | None, "--platform-interest/--no-platform-interest",
         help="Interested in the precise management platform."),
    _opt("has_oa", bool | None, "--has-oa/--no-oa", help="Already runs an OA system."),
    _opt("erp_need", bool | None, "--erp-need/--no-erp-need", help="Explicit ERP need."),
    _opt("in_selection", bool | None, "--in-selection/--not-in-selection",
         help="Running a vendor selection (red sea)."),
    _opt("existing_customer", bool | None, "--existing-customer/--not-existing-customer",
         help="An existing IOAS customer."),
    _opt("partner", str | None, "--partner", help="Agent or partner on the project."),
    _opt("vendor_share", str | None, "--vendor-share", help="Our share of a partner deal."),
]


def with_prospect_options(fn: Callable) -> Callable:
    """Appends PROSPECT_OPTIONS to ``fn``'s options; their values arrive in ``**facts``."""
    own = [p for p in inspect.signature(fn).parameters.values()
           if p.kind is not inspect.Parameter.VAR_KEYWORD]
    own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own]
    fn.__signature__ = inspect.Signature(own + PROSPECT_OPTIONS)  # type: ignore[attr-defined]
    fn.__annotations__ = {**fn.__annotations__,
                          **{p.name: p.annotation for p in PROSPECT_OPTIONS}}
    return fn


def _facts(facts: dict) -> dict:
    return {k: enum_value(v) for k, v in facts.items() if v is not None}


@command(app, "add-prospect")
@with_prospect_options
def add_prospect(
    force: Annotated[bool, typer.Option("--force", help="Store a duplicate anyway.")] = False,
    json_output: JsonOpt = False,
    **facts: Any,
) -> None:
    """Add a prospect; refused when out of territory (Q6) or a duplicate (Q8)."""
    from yulin_cli import workflow

    data = validated("ProspectIn", {"found_on": today(), **_facts(facts)})
    with state.db().write() as tx:
        result = workflow.add_prospect(tx, data, force=force)
    if json_output:
        emit_json({"id": result["id"], "duplicate_of": result["duplicate_of"],
                   "warnings": [reason_json(w) for w in result["warnings"]]})
        return
    from yulin_cli.i18n import explain

    for warning in result["warnings"]:
        typer.echo(f"{t('ui.warning')}: {explain(warning)}", err=True)
    if result["duplicate_of"]:
        typer.echo(t("ui.added_duplicate", id=result["id"], dup=result["duplicate_of"]))
    else:
        typer.echo(t("ui.added_prospect", id=result["id"], company=result["company"]))


@command(app, "update-prospect")
@with_prospect_options
def update_prospect(
    prospect_id: Annotated[int, typer.Argument(metavar="ID", help="Prospect id.")],
    force: Annotated[bool, typer.Option("--force", help="Accept a duplicate anyway.")] = False,
    json_output: JsonOpt = False,
    **facts: Any,
) -> None:
    """Change the facts of a prospect; only the options given change."""
    from yulin_cli import workflow

    patch = validated("ProspectFields", _facts(facts))
    with state.db().write() as tx:
        result = workflow.update_prospect(tx, prospect_id, patch, force=force)
    if json_output:
        emit_json(result)
    else:
        typer.echo(t("ui.updated_prospect", id=prospect_id) + ": " + ", ".join(result["changed"]))


IdArg = Annotated[int, typer.Argument(metavar="ID", help="Prospect id.")]


@command(app, "show")
def show_prospect(prospect_id: IdArg, json_output: JsonOpt = False) -> None:
    """Everything about one prospect: facts, rounds, visits, readiness and rating."""
    from yulin_cli import rules, store, workflow
    from yulin_cli.advice import advise
    from yulin_cli.i18n import explain

    policy = state.policy()
    with state.db().read() as tx:
        advice = advise(tx, policy, prospect_id)
        row, ready = workflow.readiness(tx, policy, prospect_id)
        rating = workflow.rating(row, policy)
        rounds = store.rounds(tx, prospect_id)
        visits = store.visits(tx, prospect_id)
        plans = store.planned_visits(tx, prospect_id)
        signals = store.redsea_signals(tx, prospect_id)
    redsea = rules.redsea_assessment(row["in_selection"], tuple(signals), policy)
    keep = ("id", "company", "city", "district", "suburban", "address", "industry", "ownership",
            "employees", "pcs", "contact_surname", "landline", "mobile", "email", "qq",
            "found_on", "deal_value", "need", "yulin_interest", "platform_interest", "has_oa",
            "erp_need", "in_selection", "existing_customer", "partner", "vendor_share",
            "sourced_by", "center", "duplicate_of", "merged_into")
    refused = [v for v in visits if v["outcome"] == "refused"]
    doc = {
        "prospect": {k: row[k] for k in keep},
        "rounds": [{"round": r["round_no"], "by": r["by"], "pretext": r["pretext"],
                    "result": r["result"], "address": bool(r["address_confirmed"]),
                    "scale": bool(r["scale_checked"]), "date": r["day"], "note": r["note"]}
                   for r in rounds],
        "planned_visits": [{"id": p["id"], "date": p["day"], "visitor": p["visitor"],
                            "visit_id": p["visit_id"]} for p in plans],
        "visits": [{"id": v["id"], "date": v["day"], "by": v["by"], "kind": v["kind"],
                    "outcome": v["outcome"], "effective": v["effective"],
                    "items": [i for i in v["items"].split(",") if i],
                    "flags": v["flags"], "note": v["note"]} for v in visits],
        "readiness": {"ready": ready.ready, "checks": [reason_json(c) for c in ready.checks]},
        "rating": {"stars": rating.stars, "reasons": [reason_json(r) for r in rating.reasons],
                   "lift": [reason_json(r) for r in rating.lift],
                   "next_actions": [reason_json(r) for r in rating.next_actions]},
        "redsea": {"verdict": redsea.verdict, "signals": list(redsea.signals)},
        "advice": [{"rule": a.rule, "clause": a.clause, "message": explain(a)} for a in advice],
        "refusal": [reason_json(r) for r in rules.refusal_causes(
            tuple(refused[-1]["failing_checks"].split(",")))] if refused else [],
    }
    if json_output:
        emit_json(doc)
    else:
        from yulin_cli.render import prospect_view

        show(prospect_view(doc, ready, rating))


@command(app, "list")
def list_prospects(
    city: Annotated[str | None, typer.Option("--city")] = None,
    sourced_by: Annotated[str | None, typer.Option("--sourced-by")] = None,
    center: Annotated[str | None, typer.Option("--center")] = None,
    found_from: Annotated[str | None, typer.Option("--from", help="Found on or after.")] = None,
    found_to: Annotated[str | None, typer.Option("--to", help="Found on or before.")] = None,
    district: Annotated[str | None, typer.Option("--district")] = None,
    industry: Annotated[str | None, typer.Option("--industry")] = None,
    suburban: Annotated[bool | None, typer.Option("--suburban/--not-suburban")] = None,
    min_stars: Annotated[int | None, typer.Option("--min-stars", min=0, max=5)] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1)] = None,
    json_output: JsonOpt = False,
) -> None:
    """List prospects with their stars; filters combine."""
    from yulin_cli import store, workflow

    for value, option in ((found_from, "--from"), (found_to, "--to")):
        if value is not None:
            iso_date(value, option)
    policy = state.policy()
    filters = {"city": city, "sourced_by": sourced_by, "center": center,
               "found_from": found_from, "found_to": found_to, "district": district,
               "industry": industry, "suburban": suburban}
    with state.db().read() as tx:
        rows = store.list_prospects(tx, policy, filters, None if min_stars else limit)
    for row in rows:
        row["stars"] = workflow.rate_listed(row, policy).stars
    if min_stars:
        rows = [r for r in rows if r["stars"] >= min_stars][:limit]
    keys = ("id", "company", "city", "district", "suburban", "sourced_by", "found_on", "stars",
            "duplicate_of", "visits")
    if json_output:
        emit_json([{k: r[k] for k in keys} for r in rows])
    else:
        from yulin_cli.render import prospects_table

        show(prospects_table(rows))


# --- workflow ---------------------------------------------------------------------------------

DateOpt = Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default today).")]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Free text.")]


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
    with state.db().write() as tx:
        out = workflow.verify(tx, data)
    if json_output:
        emit_json({"prospect_id": prospect_id, "round": out["round"], "counts": out["counts"]})
        return
    typer.echo(t("ui.round_recorded", id=prospect_id, round=out["round"]))
    if not out["counts"]:
        typer.echo(t("ui.round_not_source", by=out["by"]))


@command(app, "check-visit")
def check_visit(prospect_id: IdArg, json_output: JsonOpt = False) -> None:
    """May this prospect be visited? Exit 0 when ready, 1 when not (Q2)."""
    from yulin_cli import workflow

    with state.db().read() as tx:
        row, ready = workflow.readiness(tx, state.policy(), prospect_id)
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
        with state.db().write() as tx:
            out, _ready = workflow.plan_visit(tx, state.policy(), data)
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
    with state.db().write() as tx:
        logged = workflow.log_visit(tx, state.policy(), data)
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
    from yulin_cli.i18n import explain

    if (prospect_id is None) == (not all_):
        raise BadInput("bad.rate_args")
    policy = state.policy()

    def as_json(pid: int, rating: Any) -> dict:
        return {"prospect_id": pid, "stars": rating.stars,
                "reasons": [explain(r) for r in rating.reasons],
                "lift": [explain(r) for r in rating.lift],
                "next_actions": [explain(r) for r in rating.next_actions]}

    if prospect_id is not None:
        with state.db().read() as tx:
            row = workflow.live_prospect(tx, prospect_id)
        rating = workflow.rating(row, policy)
        if json_output:
            emit_json(as_json(prospect_id, rating))
        else:
            from yulin_cli.render import rating_view

            show(rating_view(row, rating))
        return
    with state.db().read() as tx:
        rated, unvisited = workflow.rate_all(tx, policy)
    if json_output:
        emit_json([{**as_json(row["id"], rating), "company": row["company"]}
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
    json_output: JsonOpt = False,
) -> None:
    """Judge a prospect in a vendor selection (Q18): pure, doubtful or impure."""
    from yulin_cli import workflow
    from yulin_cli.i18n import explain

    chosen = {"competitor-features": competitor_features, "stale-project": stale_project,
              "excluded-us": excluded_us, "cold": cold}
    signals = [name for name, on in chosen.items() if on]
    with state.db().write() as tx:
        out = workflow.record_redsea(tx, state.policy(), prospect_id, signals)
    action = explain(out["reason"])
    if out["reason"].fix:
        action += "; " + t(out["reason"].fix)
    if json_output:
        emit_json({"prospect_id": prospect_id, "verdict": out["verdict"],
                   "signals": out["signals"], "action": action})
    else:
        typer.echo(t("ui.redsea_recorded", id=prospect_id, verdict=out["verdict"]))
        typer.echo("  " + action)


# --- reports ----------------------------------------------------------------------------------


def daily_report_doc(tx: Any, day: str, center: str | None) -> dict:
    from yulin_cli import workflow

    report = workflow.daily_report(tx, state.policy(), day, center)
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
    with state.db().read() as tx:
        report = daily_report_doc(tx, day, center)
    respond(report, json_output, "daily_report_view")


# --- policy -----------------------------------------------------------------------------------


@command(policy_app, "show")
def policy_show(json_output: JsonOpt = False) -> None:
    """Print the policy in force (defaults merged with --policy / YULIN_POLICY)."""
    from yulin_cli.policy import policy_dict, policy_toml

    policy = state.policy()
    if json_output:
        emit_json(policy_dict(policy))
    else:
        typer.echo(policy_toml(policy))


@command(policy_app, "init")
def policy_init(
    path: Annotated[str, typer.Argument(help="Where to write it.")] = "yulin-policy.toml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Write a commented policy file holding every default."""
    from pathlib import Path

    from yulin_cli.policy import Policy, policy_toml

    target = Path(path)
    try:
        if target.exists() and not force:
            raise BadInput("file.exists", path=path)
        target.write_text(policy_toml(Policy()), encoding="utf-8")
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise BadInput("policy.unreadable", path=path,
                       error=getattr(exc, "strerror", None) or str(exc)) from None
    if json_output:
        emit_json({"path": str(target)})
    else:
        typer.echo(t("ui.policy_written", path=path))


# --- demo -------------------------------------------------------------------------------------


@command(app, "demo")
def demo(
    date: Annotated[str, typer.Option("--date", help="Sample day to report.")] = "2026-10-15",
    json_output: JsonOpt = False,
) -> None:
    """Load the bundled sample team and show a day's report and the star ranking."""
    from yulin_cli import sample, workflow

    day = iso_date(date)
    db = state.db()
    loaded = sample.load(db, state.policy(), progress=not json_output and sys.stdout.isatty())
    with db.read() as tx:
        report = daily_report_doc(tx, day, None)
        rated, unvisited = workflow.rate_all(tx, state.policy())
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


# The rest of the playbook, and data in and out, register their commands on ``app``.
from yulin_cli import cli_data, cli_playbook  # noqa: E402, F401


def main() -> None:
    app()
