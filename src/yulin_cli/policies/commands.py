"""Commands of the team's policy: `policy show|history|init|set|simulate`."""

from typing import Annotated

import typer

from yulin_cli.runtime import (
    ByOpt,
    CenterOpt,
    JsonOpt,
    acting,
    answer,
    command,
    current,
    iso_date,
    respond,
    sub_app,
    wall_clock,
)

app = sub_app("The team's policy.")
policy_app = sub_app("The team's policy: versions, changes and what-if. / 团队的规则参数。")
app.add_typer(policy_app, name="policy")


@command(policy_app, "show")
def policy_show(
    at: Annotated[str | None, typer.Option("--at", help="The day (default today).")] = None,
    json_output: JsonOpt = False,
) -> None:
    """Print the policy that judges a day: the team's version in force then (with --policy,
    that file over it, as a what-if)."""
    from yulin_cli.policies import service

    day = iso_date(at, "--at")
    answer(lambda tx: service.show(current().book(), day), json_output)


@command(policy_app, "history")
def policy_history(json_output: JsonOpt = False) -> None:
    """Every version of the team's policy: its first day, who set it and what it changed."""
    from yulin_cli.policies import service

    answer(lambda tx: service.history(current().book()), json_output, what_if=False)


@command(policy_app, "init")
def policy_init(
    path: Annotated[str, typer.Argument(help="Where to write it.")] = "yulin-policy.toml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Write a commented policy file holding every default."""
    from yulin_cli.policies import service

    respond(service.write_policy(path, force), json_output)


@command(policy_app, "set")
def policy_set(
    path: Annotated[str, typer.Argument(metavar="FILE", help="A TOML policy file.")],
    valid_from: Annotated[str, typer.Option("--from", help="Its first day.")],
    by: ByOpt = None,
    retroactive: Annotated[bool, typer.Option(
        "--retroactive", help="Judge again what was recorded since its first day.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Set a new version of the team's policy from a day on (managers only). The file
    overrides, key by key, the version in force that day. When records are already dated on
    or after it, --retroactive judges them again and says what changed."""
    from yulin_cli.policies import service

    day = iso_date(valid_from, "--from")
    manager = acting(by)
    answer(lambda tx: service.set_version(tx, current().book(), path, day, manager,
                                          retroactive=retroactive, now=wall_clock()),
           json_output, write=True, what_if=False)


@command(policy_app, "simulate")
def policy_simulate(
    path: Annotated[str, typer.Argument(metavar="FILE", help="A candidate TOML policy file.")],
    date_from: Annotated[str | None, typer.Option(
        "--from", help="First day (default the first of --to's month).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day (default today).")] = None,
    center: CenterOpt = None,
    vary: Annotated[str | None, typer.Option(
        "--vary", metavar="KEY=A..B[:STEP]",
        help="One row per value of one key, e.g. points.sweep=3..6.")] = None,
    json_output: JsonOpt = False,
) -> None:
    """Replay a period's records under a candidate policy: per person points, quota days,
    effective visits, praise and criticism under the policy in force and the candidate, and
    the stars that change. Only reads."""
    from yulin_cli.policies import simulate

    last = iso_date(date_to, "--to")
    first = iso_date(date_from, "--from") if date_from else last[:8] + "01"
    answer(lambda tx: simulate.simulate(tx, current().book().in_force(), path, first, last,
                                        center, vary), json_output, what_if=False)
