"""Commands of administration: `policy show|init`, `backup`, `doctor` and `demo`."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from yulin_cli.runtime import JsonOpt, command, current, iso_date, respond, sub_app

app = sub_app("Administration.")
policy_app = sub_app("The policy in force. / 策略。")
app.add_typer(policy_app, name="policy")


@command(policy_app, "show")
def policy_show(json_output: JsonOpt = False) -> None:
    """Print the policy in force (defaults merged with --policy / YULIN_POLICY)."""
    from yulin_cli.admin.service import PolicyShown

    respond(PolicyShown(current().policy()), json_output)


@command(policy_app, "init")
def policy_init(
    path: Annotated[str, typer.Argument(help="Where to write it.")] = "yulin-policy.toml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Write a commented policy file holding every default."""
    from yulin_cli.admin import service

    respond(service.write_policy(path, force), json_output)


@command(app, "backup")
def backup(
    dest: Annotated[Path, typer.Argument(help="Where to write the copy.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Copy a SQLite database safely while others use it (on PostgreSQL use pg_dump)."""
    from yulin_cli.admin import service

    respond(service.backup(current().db(), dest, force), json_output)


@command(app, "doctor")
def doctor(json_output: JsonOpt = False) -> None:
    """Check the database (integrity, schema version, file permissions) and the policy."""
    from yulin_cli.admin import service

    result = service.health(current().db(), current().policy_path)
    respond(result, json_output)
    if not result.ok:
        raise typer.Exit(1)


@command(app, "demo")
def demo(
    date: Annotated[str, typer.Option("--date", help="Sample day to report.")] = "2026-10-15",
    json_output: JsonOpt = False,
) -> None:
    """Load the bundled sample team and show a day's report and the star ranking."""
    from yulin_cli.admin import service

    day = iso_date(date)
    result = service.demo(current().db(), current().policy(), day,
                          progress=not json_output and sys.stdout.isatty())
    respond(result, json_output)
