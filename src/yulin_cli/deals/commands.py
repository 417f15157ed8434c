"""Commands of deals: `direct-sales add|settle|list` and `partners`."""

from typing import Annotated

import typer

from yulin_cli.choices import Settlement
from yulin_cli.runtime import (
    ByOpt,
    CenterOpt,
    JsonOpt,
    acting,
    answer,
    choice,
    command,
    current,
    sub_app,
    text_option,
)

app = sub_app("Deals shared with others: direct sales and partners.")
direct_app = sub_app("Direct-sales branch projects (Q11). / 直销项目。")
app.add_typer(direct_app, name="direct-sales")


@command(direct_app, "add")
def direct_add(
    company: Annotated[str, typer.Option("--company", help="The company the branch pursues.")],
    city: Annotated[str, typer.Option("--city", help="A city with a direct-sales branch.")],
    contact: Annotated[str, typer.Option("--contact", help="The branch's contact person.")],
    json_output: JsonOpt = False,
) -> None:
    """Record a project of the direct-sales branch; matching prospects get a check."""
    from yulin_cli.deals import service

    company = text_option(company, "--company", 200)
    city = text_option(city, "--city", 100)
    contact = text_option(contact, "--contact", 100)
    answer(lambda tx: service.add_direct_project(tx, current().book(), company, city, contact),
           json_output, write=True)


@command(direct_app, "settle")
def direct_settle(
    project_id: Annotated[int, typer.Argument(metavar="ID", help="Direct-sales project id.")],
    outcome: Annotated[Settlement, choice(Settlement, "--outcome", help="How it was settled.")],
    by: ByOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Record how a shared contact was settled: cooperate, or one side withdraws (managers)."""
    from yulin_cli.deals import service

    manager = acting(by)
    answer(lambda tx: service.settle_direct_project(tx, current().book(), project_id,
                                                    outcome.value, manager),
           json_output, write=True)


@command(direct_app, "list")
def direct_list(json_output: JsonOpt = False) -> None:
    """List the direct-sales projects."""
    from yulin_cli.deals import service

    answer(lambda tx: service.direct_projects(tx), json_output)


@command(app, "partners")
def partners(center: CenterOpt = None, json_output: JsonOpt = False) -> None:
    """Partner projects: effort so far against our share, flagging the costly ones (Q10)."""
    from yulin_cli.deals import service

    answer(lambda tx: service.partners(tx, current().policy(), center), json_output)
