"""`notify`: a report sent to the team's 企业微信 or 钉钉 group chat."""

import datetime as dt
from typing import Annotated

import typer

from yulin_cli.choices import NotifyReport, NotifyTarget
from yulin_cli.runtime import (
    CenterOpt,
    DateOpt,
    JsonOpt,
    choice,
    choice_argument,
    command,
    current,
    iso_date,
    respond,
    sub_app,
)

app = sub_app("Reports sent to the team's group chat.")


@command(app, "notify")
def notify(
    report: Annotated[NotifyReport, choice_argument(
        NotifyReport, "REPORT", help="daily-report, attention or summary.")],
    to: Annotated[NotifyTarget, choice(NotifyTarget, "--to", help="wecom or dingtalk.")],
    date: DateOpt = None,
    date_from: Annotated[str | None, typer.Option(
        "--from", help="A summary's first day (default six days before --date).")] = None,
    center: CenterOpt = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Show the messages, send nothing, keep nothing.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Send a report to the team's group chat (企业微信 or 钉钉 robot); messages not sent stay
    in the outbox and go out on the next run."""
    from yulin_cli.errors import BadInput
    from yulin_cli.notify import service

    day = iso_date(date)
    first = (iso_date(date_from, "--from") if date_from else
             (dt.date.fromisoformat(day) - dt.timedelta(days=6)).isoformat())
    if date_from and report is not NotifyReport.summary:
        raise BadInput("notify.from_only_summary")
    # The robot first: a missing webhook is bad input before anything is read or kept.
    hook = None if dry_run else service.webhook(to.value)
    with current().read() as tx:
        if center is not None:
            from yulin_cli.team import queries as team

            team.center_by_name(tx, center)
        doc = service.report_doc(tx, current().book(), report.value, day, first, center)
    payloads = service.bodies(report.value, doc, to.value, day, first, center)
    if hook is None:
        result = service.dry_run(to.value, report.value, day, payloads)
    else:
        result = service.notify(current(), hook, report.value, day, payloads)
    respond(result, json_output)
    if result.unsent:  # kept in the outbox: a cron job's run says it failed
        raise typer.Exit(1)
