"""Commands of ratings and reports: `rate`, `daily-report`, `manager` and `notices`."""

from typing import Annotated

import typer

from yulin_cli.errors import BadInput
from yulin_cli.runtime import (
    AllRowsOpt,
    CenterOpt,
    DateOpt,
    JsonOpt,
    LimitOpt,
    command,
    current,
    iso_date,
    respond,
    rows_to_show,
    sub_app,
)

app = sub_app("Ratings and reports.")


@command(app, "rate")
def rate(
    prospect_id: Annotated[int | None, typer.Argument(metavar="[ID]", help="Prospect id.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every prospect, best first.")] = False,
    limit: LimitOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Stars 1-5 with the reasons, what would lift them, and next actions (Q5, Q13)."""
    from yulin_cli.reports import service
    from yulin_cli.results import Result

    if (prospect_id is None) == (not all_):
        raise BadInput("bad.rate_args")
    with current().db().read() as tx:
        # `--all` names the ranking here, so a screen of it grows with --limit alone.
        result: Result = (service.rate(tx, current().policy(), prospect_id)
                          if prospect_id is not None else service.rate_all(
                              tx, current().policy(), rows_to_show(limit, False, json_output)))
        respond(result, json_output)  # inside the transaction: --json streams from it


@command(app, "daily-report")
def daily_report(
    date: DateOpt = None,
    center: CenterOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Each person's day against the quota, the notice board and what needs a manager."""
    from yulin_cli.reports import service

    day = iso_date(date)
    with current().db().read() as tx:
        result = service.daily_report(tx, current().policy(), day, center)
    respond(result, json_output)


@command(app, "manager")
def manager(center: CenterOpt = None, json_output: JsonOpt = False) -> None:
    """What managers do now: 5 and 4 stars at once, or else upgrade visits (Q13)."""
    from yulin_cli.reports import service

    with current().db().read() as tx:
        result = service.manager_view(tx, current().policy(), center)
    respond(result, json_output)


@command(app, "notices")
def notices(
    date_from: Annotated[str | None, typer.Option("--from", help="First day.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day (default today).")] = None,
    center: CenterOpt = None,
    limit: LimitOpt = None,
    every: AllRowsOpt = False,
    json_output: JsonOpt = False,
) -> None:
    """The notice board: praise and criticism, with the rule and prospect behind each."""
    from yulin_cli.reports import service

    day_to = iso_date(date_to, "--to")
    day_from = iso_date(date_from, "--from") if date_from else "0000-01-01"
    with current().db().read() as tx:
        result = service.notice_board(tx, day_from, day_to, center,
                                      rows_to_show(limit, every, json_output))
        respond(result, json_output)  # inside the transaction: --json streams from it
