"""Prospect commands: add-prospect, update-prospect, show and list."""

import inspect
from collections.abc import Callable
from typing import Annotated, Any

import typer

from yulin_cli import choices
from yulin_cli.cli import (
    IdArg,
    JsonOpt,
    app,
    choice,
    command,
    current,
    emit_json,
    enum_value,
    iso_date,
    show,
    today,
    validated,
)
from yulin_cli.i18n import reason_json, t

Ownership = choice("Ownership", choices.OWNERSHIPS)
Need = choice("Need", choices.NEEDS)
Interest = choice("Interest", choices.INTERESTS)


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
    with current().db().write() as tx:
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
    with current().db().write() as tx:
        result = workflow.update_prospect(tx, prospect_id, patch, force=force)
    warnings = result.pop("warnings")
    if json_output:
        emit_json({**result, "warnings": [reason_json(w) for w in warnings]})
        return
    from yulin_cli.i18n import explain

    for warning in warnings:
        typer.echo(f"{t('ui.warning')}: {explain(warning)}", err=True)
    typer.echo(t("ui.updated_prospect", id=prospect_id) + ": " + ", ".join(result["changed"]))


@command(app, "show")
def show_prospect(prospect_id: IdArg, json_output: JsonOpt = False) -> None:
    """Everything about one prospect: facts, rounds, visits, readiness and rating."""
    from yulin_cli import rules, store, workflow
    from yulin_cli.advice import advice_for
    from yulin_cli.i18n import explain, rating_json

    policy = current().policy()
    with current().db().read() as tx:
        row = workflow.live_prospect(tx, prospect_id)
        facts = workflow.prospect_facts(tx, row)
        rounds = store.rounds(tx, prospect_id)
        visits = store.visits(tx, prospect_id)
        plans = store.planned_visits(tx, prospect_id)
    ready = rules.visit_readiness(facts, policy)
    rating = workflow.rating(row, policy)
    advice = advice_for(row, facts, visits, policy)
    redsea = rules.redsea_assessment(row["in_selection"], facts.redsea_signals, policy)
    keep = ("id", "company", "city", "district", "suburban", "address", "industry", "ownership",
            "employees", "pcs", "contact_surname", "landline", "mobile", "email", "qq",
            "found_on", "deal_value", "need", "yulin_interest", "platform_interest", "has_oa",
            "erp_need", "in_selection", "existing_customer", "partner", "vendor_share",
            "sourced_by", "center", "duplicate_of", "merged_into")
    refused = [v for v in visits if v["outcome"] == "refused"]
    doc = {
        "prospect": {k: row[k] for k in keep},
        "rounds": [{"round": r["round_no"], "round_id": r["id"], "by": r["by"],
                    "pretext": r["pretext"],
                    "result": r["result"], "address": bool(r["address_confirmed"]),
                    "scale": bool(r["scale_checked"]), "date": r["day"], "note": r["note"]}
                   for r in rounds],
        "planned_visits": [{"id": p["id"], "date": p["day"], "visitor": p["visitor"],
                            "visit_id": p["visit_id"]} for p in plans],
        "visits": [{"id": v["id"], "visit_id": v["id"], "date": v["day"], "by": v["by"],
                    "kind": v["kind"],
                    "outcome": v["outcome"], "effective": v["effective"],
                    "items": [i for i in v["items"].split(",") if i],
                    "flags": v["flags"], "note": v["note"]} for v in visits],
        "readiness": {"ready": ready.ready, "checks": [reason_json(c) for c in ready.checks]},
        "rating": rating_json(prospect_id, rating, company=row["company"]),
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
    limit: Annotated[int | None, typer.Option("--limit", min=1, max=10**9)] = None,
    json_output: JsonOpt = False,
) -> None:
    """List prospects with their stars; filters combine."""
    from yulin_cli import store

    for value, option in ((found_from, "--from"), (found_to, "--to")):
        if value is not None:
            iso_date(value, option)
    policy = current().policy()
    filters = {"city": city, "sourced_by": sourced_by, "center": center,
               "found_from": found_from, "found_to": found_to, "district": district,
               "industry": industry, "suburban": suburban, "min_stars": min_stars}
    with current().db().read() as tx:
        rows = store.list_prospects(tx, policy, filters, limit)
    keys = ("id", "company", "city", "district", "suburban", "sourced_by", "found_on", "stars",
            "duplicate_of", "visits")
    if json_output:
        emit_json([{k: r[k] for k in keys} for r in rows])
    else:
        from yulin_cli.render import prospects_table

        show(prospects_table(rows))
