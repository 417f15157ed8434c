"""Commands for data in and out: import, export, dedupe and merge."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from yulin_cli.cli import (
    DateOpt,
    JsonOpt,
    app,
    command,
    current,
    emit_json,
    iso_date,
    respond,
    today,
)
from yulin_cli.errors import BadInput
from yulin_cli.i18n import current_lang, t


class ImportKind(StrEnum):
    prospects = "prospects"
    rounds = "rounds"
    visits = "visits"


class ExportWhat(StrEnum):
    prospects = "prospects"
    visits = "visits"
    points = "points"
    notices = "notices"
    report = "report"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


@command(app, "import")
def import_file(
    file: Annotated[Path, typer.Argument(help="A CSV (UTF-8 or GBK) or XLSX file.")],
    kind: Annotated[ImportKind, typer.Option("--kind", help="What the rows are.")] = (
        ImportKind.prospects),
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check everything, write nothing.")] = (
        False),
    skip_invalid: Annotated[bool, typer.Option(
        "--skip-invalid", help="Write the valid rows and list the rest.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Store duplicates, marked as such.")] = (
        False),
    json_output: JsonOpt = False,
) -> None:
    """Import rows, all or nothing by default: every bad row listed by row, column, reason."""
    from yulin_cli import transfer

    db, policy = current().db(), current().policy()
    options = {"dry_run": dry_run, "skip_invalid": skip_invalid, "force": force,
               "today": today()}
    try:
        if json_output or not sys.stdout.isatty():
            report = transfer.run_import(db, policy, file, kind.value, **options)
        else:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed:,}"),
                          TimeElapsedColumn(), transient=True) as bar:
                task = bar.add_task(t("ui.importing"), total=None)
                report = transfer.run_import(db, policy, file, kind.value, **options,
                                             tick=lambda n: bar.advance(task, n))
    except transfer.ImportRefused as refused:
        if not json_output:  # in --json mode the report rides in the error document
            _show_report(refused.report, json_output)
        raise
    _show_report(report, json_output)


def _show_report(report: Any, json_output: bool) -> None:
    respond(report.as_json(), json_output, "import_view")


@command(app, "export")
def export(
    what: Annotated[ExportWhat, typer.Option("--what", help="What to export.")],
    date: DateOpt = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv or xlsx.")] = ExportFormat.csv,
    output: Annotated[str | None, typer.Option(
        "-o", "--output", help="File to write (CSV may go to stdout).")] = None,
    redact: Annotated[bool, typer.Option("--redact", help="Mask phones, email and QQ.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Export to CSV or XLSX with headers in the current language (--lang)."""
    from yulin_cli import tabular, transfer

    day = iso_date(date)
    if fmt is ExportFormat.xlsx and not output:
        raise BadInput("export.needs_file")
    if json_output and not output:
        raise BadInput("export.needs_file")
    lang = current_lang()
    headers = transfer.export_headers(what.value, lang)
    with current().db().read() as tx:
        rows = transfer.export_rows(tx, current().policy(), what.value, day, lang, redact)
        try:
            if fmt is ExportFormat.xlsx:
                count = tabular.write_xlsx(Path(output or ""), headers, rows)
            else:
                with tabular.text_stream(output) as stream:
                    count = tabular.write_csv(stream, headers, rows)
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            raise BadInput("export.unwritable", path=output,
                           error=getattr(exc, "strerror", None) or str(exc)) from None
    if json_output:
        emit_json({"what": what.value, "format": fmt.value, "rows": count, "path": output})
    elif output and output != "-":
        typer.echo(t("ui.exported", count=count, path=output), err=True)


@command(app, "dedupe")
def dedupe(
    loose: Annotated[bool, typer.Option(
        "--loose", help="Also names one typo apart with nothing else in common.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Groups of likely duplicates: same phone, same name, or names one typo apart (Q8)."""
    from yulin_cli.dedupe import duplicate_groups

    with current().db().read() as tx:
        groups = duplicate_groups(tx, loose)
    respond(groups, json_output, "dedupe_table")


@command(app, "merge")
def merge(
    keep: Annotated[int, typer.Argument(metavar="KEEP", help="The prospect that stays.")],
    drop: Annotated[int, typer.Argument(metavar="DROP", help="The one merged into it.")],
    by: Annotated[str, typer.Option("--by", help="The manager merging them.")],
    json_output: JsonOpt = False,
) -> None:
    """Move DROP's rounds, visits, points and signals to KEEP; DROP is kept, marked merged."""
    from yulin_cli import dedupe, team

    with current().db().write() as tx:
        team.require_manager(tx, by)
        doc = dedupe.merge(tx, keep, drop)
    if json_output:
        emit_json(doc)
    else:
        typer.echo(t("ui.merged", drop=drop, keep=keep))


@command(app, "backup")
def backup(
    dest: Annotated[Path, typer.Argument(help="Where to write the copy.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Copy a SQLite database safely while others use it (on PostgreSQL use pg_dump)."""
    from yulin_cli import db as dbmod

    try:
        exists = dest.exists()
    except (OSError, ValueError) as exc:
        raise BadInput("backup.failed", path=str(dest), error=str(exc)) from None
    if exists and not force:
        raise BadInput("file.exists", path=str(dest))
    size = dbmod.backup(current().db(), dest)
    if json_output:
        emit_json({"path": str(dest), "bytes": size})
    else:
        typer.echo(t("ui.backed_up", path=str(dest), size=size))


@command(app, "doctor")
def doctor(json_output: JsonOpt = False) -> None:
    """Check the database (integrity, schema version, file permissions) and the policy."""
    from yulin_cli import db as dbmod
    from yulin_cli.errors import YulinError
    from yulin_cli.policy import load_policy

    checks = list(dbmod.health(current().db()))
    try:
        load_policy(current().policy_path)
        checks.append(("policy", True, current().policy_path or "defaults"))
    except YulinError as err:
        from yulin_cli.cli import error_text

        checks.append(("policy", False, error_text(err)))
    doc = {"ok": all(ok for _, ok, _ in checks),
           "checks": [{"check": name, "ok": ok, "detail": detail}
                      for name, ok, detail in checks]}
    if json_output:
        emit_json(doc)
    else:
        for item in doc["checks"]:
            mark = "✓" if item["ok"] else "✗"
            typer.echo(f"{mark} {item['check']}: {item['detail']}")
    if not doc["ok"]:
        raise typer.Exit(1)
