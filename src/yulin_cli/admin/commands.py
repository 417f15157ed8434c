"""Commands of administration: `backup`, `doctor`, `demo`, `upgrade` and `copy`."""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from yulin_cli.runtime import JsonOpt, command, current, iso_date, respond, sub_app

app = sub_app("Administration.")


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
def doctor(
    recompute: Annotated[bool, typer.Option(
        "--recompute", help="Derive every outcome again and list what differs.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Check the database (integrity, schema version, file permissions) and the policy; with
    --recompute, that every stored outcome (points, notices, effectiveness, flags, open
    questions) is what the rules derive again from the records.

    Only reads: an older schema is reported (exit 1), never upgraded."""
    from yulin_cli.admin import service
    from yulin_cli.db import chosen_target, sqlite_path
    from yulin_cli.errors import BadInput

    path = sqlite_path(chosen_target(current().db_target))
    if path is not None and not Path(os.path.expanduser(path)).exists():
        raise BadInput("db.missing", path=path)
    result = service.health(current().db(migrate=False), current().policy_path, quick=recompute)
    if recompute and not result.upgrade_needed:
        result = service.recompute(current(), result,
                                   progress=not json_output and sys.stdout.isatty())
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
    result = service.demo(current(), day, progress=not json_output and sys.stdout.isatty())
    respond(result, json_output)


@command(app, "upgrade")
def upgrade(json_output: JsonOpt = False) -> None:
    """Bring the database's schema up to this yulin (the schema's owner only)."""
    from yulin_cli.admin import service

    respond(service.upgrade(current().db(migrate=False)), json_output)


@command(app, "copy")
def copy(
    to: Annotated[str, typer.Option("--to", help="An empty database: URL or SQLite file.")],
    json_output: JsonOpt = False,
) -> None:
    """Copy every row of this database into an empty one (e.g. a laptop's file to a server)."""
    from yulin_cli.admin import copying

    progress = not json_output and sys.stdout.isatty()
    respond(copying.copy_database(current().db(), to, progress=progress), json_output)
