"""Commands of ratings and reports: `rate`, `daily-report`, `attention`, `summary`, `manager`
and `notices`."""

from typing import Annotated

import typer

from yulin_cli.errors import BadInput
from yulin_cli.runtime import (
    AllRowsOpt,
    CenterOpt,
    DateOpt,
    JsonOpt,
    LimitOpt,
    SaveOpt,
    answer,
    command,
    current,
    iso_date,
    rows_to_show,
    save_path,
    sub_app,
)

app = sub_app("Ratings and reports.")


@command(app, "rate")
def rate(
    prospect_id: Annotated[int | None, typer.Argument(metavar="[ID]", help="Prospect id.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every prospect, best first.")] = False,
    limit: LimitOpt = None,
    save: SaveOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Stars 1-5 with the reasons, what would lift them, and next actions (Q5, Q13)."""
    from yulin_cli.reports import service

    if (prospect_id is None) == (not all_):
        raise BadInput("bad.rate_args")
    if save is not None and not all_:
        raise BadInput("save.rate_all")
    target = save_path(save)
    # `--all` names the ranking here, so a screen of it grows with --limit alone.
    answer(lambda tx: (service.rate(tx, current().policy(), prospect_id)
                       if prospect_id is not None else service.rate_all(
                           tx, current().policy(), rows_to_show(limit, False, json_output))),
           json_output, save=target, streamed=True)  # --json streams from the transaction


@command(app, "daily-report")
def daily_report(
    date: DateOpt = None,
    center: CenterOpt = None,
    limit: Annotated[int, typer.Option(
        "--limit", min=1, max=10**6, help="Attention items shown of each kind.")] = 5,
    save: SaveOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """The manager's evening: each person's day against the quota and what they found, the
    team's totals, the notice board, what needs attention and tomorrow's planned visits."""
    from yulin_cli.reports import service

    day = iso_date(date)
    target = save_path(save)
    answer(lambda tx: service.daily_report(tx, current().book(), day, center, per_kind=limit),
           json_output, save=target)


@command(app, "attention")
def attention(
    rule: Annotated[str | None, typer.Option(
        "--rule", help="One rule only: substandard, proof, readiness, refusal, duplicate, "
                       "managers.")
    ] = None,
    kind: Annotated[str | None, typer.Option(
        "--kind", help="One kind only: inspect, unready, refused, industry, likely-duplicate, "
                       "take-over.")] = None,
    skip: Annotated[int, typer.Option(
        "--skip", min=0, max=10**9, help="Leave out the first N items.")] = 0,
    center: CenterOpt = None,
    date: DateOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10**6, help="Rows shown.")] = 50,
    all_: Annotated[bool, typer.Option("--all", help="Show every row.")] = False,
    save: SaveOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Everything that needs someone's attention, with who acts and the command that settles
    it; --json holds every item."""
    from yulin_cli.i18n import listed, rule_name, t
    from yulin_cli.reports import service

    if rule is not None:
        # A rule by its id or by its name in the language in force (不达标, 走访条件, ...).
        known = {name: r for r in service.ATTENTION_RULES for name in (r, rule_name(r))}
        if rule.strip() not in known:
            raise BadInput("bad.attention_rule", rule=rule, rules=listed(sorted(known)))
        rule = known[rule.strip()]
    if kind is not None:
        # A kind by its id or by its word in the language in force (待检查, 接手, ...).
        kinds = {name: k for k in service.ATTENTION_KINDS
                 for name in (k, t(f"attention.word.{k}"))}
        if kind.strip() not in kinds:
            raise BadInput("bad.attention_kind", kind=kind, kinds=listed(list(dict.fromkeys(
                t(f"attention.word.{k}") for k in service.ATTENTION_KINDS))))
        kind = kinds[kind.strip()]
    day = iso_date(date)
    target = save_path(save)
    answer(lambda tx: service.attention_list(tx, current().policy(day), day, center, rule,
                                             None if all_ else limit,
                                             kind.strip() if kind else None, skip),
           json_output, save=target)


@command(app, "summary")
def summary(
    date_from: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")],
    date_to: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.")],
    center: CenterOpt = None,
    save: SaveOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """A period at a glance: the funnel of the prospects found in it (found, quality,
    verified, ready, visited, effective, 4-5 stars), each prospector's days against the quota,
    each visitor's effective visits, and points."""
    from yulin_cli.reports import service

    first, last = iso_date(date_from, "--from"), iso_date(date_to, "--to")
    target = save_path(save)
    answer(lambda tx: service.summary(tx, current().book(), first, last, center), json_output, save=target)


@command(app, "manager")
def manager(center: CenterOpt = None, limit: LimitOpt = None, every: AllRowsOpt = False,
            save: SaveOpt = None, json_output: JsonOpt = False) -> None:
    """What managers do now: 5 and 4 stars at once, or else upgrade visits (Q13)."""
    from yulin_cli.reports import service

    target = save_path(save)
    # A saved view is forwarded whole: a screen of it would point at options nobody can use.
    rows = None if target is not None else rows_to_show(limit, every, json_output)
    answer(lambda tx: service.manager_view(tx, current().policy(), center, rows),
           json_output, save=target)


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
    answer(lambda tx: service.notice_board(tx, day_from, day_to, center,
                                           rows_to_show(limit, every, json_output)),
           json_output, streamed=True)  # --json streams from the transaction
