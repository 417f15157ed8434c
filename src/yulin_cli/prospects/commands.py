"""Commands of prospects: `add-prospect`, `update-prospect`, `show` and `list`."""

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any

import typer

from yulin_cli.choices import Interest, Need, Ownership
from yulin_cli.runtime import (
    AllRowsOpt,
    ByOpt,
    IdArg,
    JsonOpt,
    LimitOpt,
    answer,
    choice,
    command,
    current,
    iso_date,
    rows_to_show,
    sub_app,
    today,
)

app = sub_app("Prospects: add, change, show and list them.")

# The facts of a prospect, declared once for add-prospect and update-prospect.
Company = Annotated[str | None, typer.Option("--company", help="Company name.")]
City = Annotated[str | None, typer.Option("--city", help="City; must be the centre's city.")]
SourcedBy = Annotated[str | None, typer.Option("--sourced-by", help="Who found it (its source).")]
District = Annotated[str | None, typer.Option("--district", help="District or county.")]
Suburban = Annotated[bool | None, typer.Option("--suburban/--not-suburban", " /--no-suburban",
                                                help="Suburban (远郊).")]
Address = Annotated[str | None, typer.Option("--address", help="Exact address.")]
Industry = Annotated[str | None, typer.Option("--industry", help="Industry.")]
OwnershipOpt = Annotated[Ownership | None, choice(
    Ownership, "--ownership", help="Ownership (default private).")]
# Counts as people type them (300, 300人, 三百, ３００): read by the input model.
Employees = Annotated[str | None, typer.Option("--employees", help="Number of employees.")]
Pcs = Annotated[str | None, typer.Option("--pcs", help="Number of PCs.")]
ContactSurname = Annotated[str | None, typer.Option(
    "--contact-surname", help="IT contact's surname.")]
Landline = Annotated[str | None, typer.Option("--landline", help="IT contact's landline.")]
Mobile = Annotated[str | None, typer.Option("--mobile", help="IT contact's mobile.")]
Email = Annotated[str | None, typer.Option("--email", help="IT contact's email.")]
QQ = Annotated[str | None, typer.Option("--qq", help="IT contact's QQ number.")]
FoundOn = Annotated[str | None, typer.Option("--found-on", help="Day it was found (default today).")]
DealValue = Annotated[str | None, typer.Option(
    "--deal-value", help="Estimated deal, yuan; 15万 or 15w.")]
NeedOpt = Annotated[Need | None, choice(Need, "--need", help="Need for the product.")]
YulinInterest = Annotated[Interest | None, choice(
    Interest, "--yulin-interest", help="Interest in the plan.")]
PlatformInterest = Annotated[bool | None, typer.Option(
    "--platform-interest/--no-platform-interest",
    help="Interested in the precise management platform.")]
HasOa = Annotated[bool | None, typer.Option("--has-oa/--no-oa", help="Already runs an OA system.")]
ErpNeed = Annotated[bool | None, typer.Option("--erp-need/--no-erp-need", help="Explicit ERP need.")]
InSelection = Annotated[bool | None, typer.Option(
    "--in-selection/--not-in-selection", help="Running a vendor selection (red sea).")]
ExistingCustomer = Annotated[bool | None, typer.Option(
    "--existing-customer/--not-existing-customer", help="An existing IOAS customer.")]
Partner = Annotated[str | None, typer.Option("--partner", help="Agent or partner on the project.")]
VendorShare = Annotated[str | None, typer.Option(
    "--vendor-share", help="Our share of a partner deal.")]
CreditCode = Annotated[str | None, typer.Option(
    "--credit-code", metavar="CODE",
    help="Unified social credit code (统一社会信用代码), 18 characters.")]
Location = Annotated[str | None, typer.Option(
    "--location", metavar="LAT,LNG", help="Where the company is, WGS-84 degrees (as phone GPS).")]

# The options above by parameter name, in the order both commands' help lists them.
FACT_OPTIONS: dict[str, Any] = {
    "company": Company, "city": City, "sourced_by": SourcedBy, "district": District,
    "suburban": Suburban, "address": Address, "industry": Industry, "ownership": OwnershipOpt,
    "employees": Employees, "pcs": Pcs, "contact_surname": ContactSurname,
    "landline": Landline, "mobile": Mobile, "email": Email, "qq": QQ, "found_on": FoundOn,
    "deal_value": DealValue, "need": NeedOpt, "yulin_interest": YulinInterest,
    "platform_interest": PlatformInterest, "has_oa": HasOa, "erp_need": ErpNeed,
    "in_selection": InSelection, "existing_customer": ExistingCustomer, "partner": Partner,
    "vendor_share": VendorShare, "credit_code": CreditCode, "location": Location,
}
FACTS = tuple(FACT_OPTIONS)


def with_facts(before: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Gives a command every fact option, declared once for add-prospect and update-prospect:
    the command takes ``facts`` (each option's value as typed, None when not given), and Typer
    sees the options themselves in its signature, just before the parameter ``before``."""

    def decorate(function: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(function)
        own = [p for p in signature.parameters.values() if p.name != "facts"]
        at = [p.name for p in own].index(before)
        options = [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                     default=None, annotation=kind)
                   for name, kind in FACT_OPTIONS.items()]
        parameters = [*own[:at], *options, *own[at:]]

        @functools.wraps(function)
        def with_options(**params: Any) -> None:
            facts = {name: params.pop(name) for name in FACT_OPTIONS}
            function(facts=facts, **params)

        # What Typer reads to build the command: the signature and the annotations.
        with_options.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=parameters)
        with_options.__annotations__ = {p.name: p.annotation for p in parameters}
        with_options.__annotations__["return"] = signature.return_annotation
        return with_options

    return decorate


def _given(facts: dict[str, Any]) -> dict[str, Any]:
    """The facts the user typed, choices as plain values."""
    return {k: getattr(v, "value", v) for k, v in facts.items() if v is not None}


@command(app, "add-prospect")
@with_facts(before="force")
def add_prospect(
    facts: dict[str, Any],
    force: Annotated[bool, typer.Option("--force", help="Store a duplicate anyway.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Add a prospect; refused when out of territory (Q6) or a duplicate (Q8): the same phone,
    name or credit code."""
    from yulin_cli.forms import prospect_facts
    from yulin_cli.prospects import service
    from yulin_cli.runtime import acting

    given = _given(facts)
    login = current().db().login
    if login is not None and login.staff is not None:
        # Team mode: a person adds what they found themselves; naming someone else as the
        # finder is a manager's act (RULES.md).
        given["sourced_by"] = acting(facts["sourced_by"], "--sourced-by")
    data = prospect_facts({"found_on": today(), **given})
    answer(lambda tx: service.add_prospect(tx, data, force=force), json_output, write=True)


@command(app, "update-prospect")
@with_facts(before="force")
def update_prospect(
    prospect_id: IdArg,
    facts: dict[str, Any],
    force: Annotated[bool, typer.Option("--force", help="Accept a duplicate anyway.")] = False,
    by: ByOpt = None,
    date: Annotated[str | None, typer.Option(
        "--date", help="The day the change took effect (default today).")] = None,
    json_output: JsonOpt = False,
) -> None:
    """Change the facts of a prospect; only the options given change, each recorded in its
    history (show --history)."""
    from yulin_cli.forms import prospect_patch
    from yulin_cli.prospects import service
    from yulin_cli.runtime import acting

    patch = prospect_patch(_given(facts))
    who = acting(by, optional=True)
    answer(lambda tx: service.update_prospect(tx, current().book(), prospect_id, patch,
                                              force=force, by=who, day=iso_date(date)),
           json_output, write=True)


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
    limit: LimitOpt = None,
    every: AllRowsOpt = False,
    json_output: JsonOpt = False,
) -> None:
    """List prospects with their stars; filters combine."""
    from yulin_cli.prospects import service
    from yulin_cli.prospects.queries import Filters

    filters = Filters(
        city=city, sourced_by=sourced_by, center=center,
        found_from=iso_date(found_from, "--from") if found_from is not None else None,
        found_to=iso_date(found_to, "--to") if found_to is not None else None,
        district=district, industry=industry, suburban=suburban, min_stars=min_stars)
    answer(lambda tx: service.list_prospects(tx, current().policy(), filters,
                                             rows_to_show(limit, every, json_output)),
           json_output, streamed=True)  # --json streams from the transaction
