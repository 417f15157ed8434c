"""Commands for data in and out: `import`, `export`, `dedupe`, `merge`, `unmerge` and
`distinct`."""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from yulin_cli.choices import ExportFormat, ExportWhat, ImportKind
from yulin_cli.errors import BadInput, Interrupted
from yulin_cli.runtime import (
    AllRowsOpt,
    ByOpt,
    DateOpt,
    JsonOpt,
    LimitOpt,
    acting,
    answer,
    choice,
    command,
    confirmed,
    current,
    iso_date,
    respond,
    rows_to_show,
    sub_app,
    today,
    wall_clock,
)

app = sub_app("Data in and out.")


@command(app, "import")
def import_file(
    file: Annotated[Path, typer.Argument(help="A CSV (UTF-8 or GBK) or XLSX file.")],
    kind: Annotated[ImportKind, choice(ImportKind, "--kind", help="What the rows are.")] = (
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
    from yulin_cli.data import importing

    def run(tick: Callable[[int], None] = lambda n: None) -> importing.ImportResult:
        return importing.run_import(current(), file, kind.value, dry_run=dry_run,
                                    skip_invalid=skip_invalid, force=force, today=today(),
                                    tick=tick)

    try:
        if json_output or not sys.stdout.isatty():
            result = run()
        else:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            from yulin_cli.i18n import t

            with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed:,}"),
                          TimeElapsedColumn(), transient=True) as bar:
                task = bar.add_task(t("ui.importing"), total=None)
                result = run(lambda n: bar.advance(task, n))
    except importing.ImportRefused as refused:
        if not json_output:  # in --json mode the report rides in the error document
            respond(refused.result, json_output)
        raise
    except KeyboardInterrupt:
        # Ctrl-C: the import's one transaction was rolled back on the way out (unless it had
        # committed, when what is saved is saved).
        raise Interrupted("interrupted_saved" if current().saved()
                          else "import.interrupted") from None
    respond(result, json_output)


@command(app, "export")
def export(
    what: Annotated[ExportWhat, choice(ExportWhat, "--what", help="What to export.")],
    date: DateOpt = None,
    fmt: Annotated[ExportFormat | None, choice(
        ExportFormat, "--format", help="csv or xlsx (default: from the file's name, else csv).")
    ] = None,
    output: Annotated[str | None, typer.Option(
        "-o", "--output", help="File to write (CSV may go to stdout).")] = None,
    redact: Annotated[bool, typer.Option("--redact", help="Mask phones, email and QQ.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Export to CSV or XLSX with headers in the current language (--lang)."""
    from yulin_cli.data import exporting, spreadsheets
    from yulin_cli.i18n import current_lang

    day = iso_date(date)
    if fmt is None:  # a file named *.xlsx gets a workbook, not CSV under that name
        xlsx = bool(output) and Path(output or "").suffix.lower() == ".xlsx"
        fmt = ExportFormat.xlsx if xlsx else ExportFormat.csv
    if fmt is ExportFormat.xlsx and not output:
        raise BadInput("export.needs_file")
    if json_output and not output:
        raise BadInput("export.needs_file")
    if what is ExportWhat.all:
        # The whole team, every table of record with its ids: a workbook `import` reads back.
        if fmt is not ExportFormat.xlsx or redact:
            raise BadInput("export.all_needs_xlsx")
        with current().read() as tx:
            try:
                tables, count = exporting.write_team(tx, output or "")
            except (OSError, ValueError) as exc:
                raise BadInput("export.unwritable", path=output,
                               error=getattr(exc, "strerror", None) or str(exc)) from None
        respond(exporting.Exported(what.value, fmt.value, count, output), json_output)
        return
    lang = current_lang()
    headers = exporting.export_headers(what.value, lang)
    fields = exporting.EXPORTS[what.value]
    with current().read() as tx:
        rows = exporting.export_rows(tx, current().book(), what.value, day, redact,
                                     csv=fmt is ExportFormat.csv)
        try:
            if fmt is ExportFormat.xlsx:
                dates = frozenset(i for i, f in enumerate(fields) if f in ("date", "found_on"))
                count = spreadsheets.write_xlsx(Path(output or ""), headers, rows,
                                                 exporting.sheet_title(what.value), dates)
            else:
                with spreadsheets.text_stream(output) as stream:
                    count = spreadsheets.write_csv(stream, headers, rows)
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            raise BadInput("export.unwritable", path=output,
                           error=getattr(exc, "strerror", None) or str(exc)) from None
    if json_output or (output and output != "-"):
        respond(exporting.Exported(what.value, fmt.value, count, output), json_output)


@command(app, "dedupe")
def dedupe(
    loose: Annotated[bool, typer.Option(
        "--loose", help="Also names one typo apart with nothing else in common.")] = False,
    limit: LimitOpt = None,
    every: AllRowsOpt = False,
    json_output: JsonOpt = False,
) -> None:
    """Groups of likely duplicates: same credit code, phone or name, or names one typo apart
    (Q8); two different credit codes are never grouped."""
    from yulin_cli.data.duplicates import duplicate_groups

    answer(lambda tx: duplicate_groups(tx, loose, rows_to_show(limit, every, json_output)),
           json_output)


@command(app, "merge")
def merge(
    keep: Annotated[int, typer.Argument(metavar="KEEP", help="The prospect that stays.")],
    drop: Annotated[int, typer.Argument(metavar="DROP", help="The one merged into it.")],
    by: ByOpt = None,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask; needed with --json.")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Merge even with no evidence that they are one company, or with two "
                        "different credit codes.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Show KEEP and DROP side by side with what connects them, ask, then move DROP's rounds,
    visits, points and signals to KEEP; DROP is kept, marked merged (`unmerge` undoes it)."""
    from yulin_cli.data import duplicates
    from yulin_cli.errors import RuleRefusal
    from yulin_cli.i18n import t
    from yulin_cli.team.service import require_manager

    name = acting(by)
    if json_output and not yes:
        raise BadInput("merge.needs_yes")
    with current().read() as tx:
        require_manager(tx, name, "refuse.merge_managers")
        preview = duplicates.merge_preview(tx, keep, drop)
    duplicates.code_veto(preview.keep, preview.drop, force)  # two codes: two companies
    if not preview.evidence and not force:
        raise RuleRefusal("merge.no_evidence", keep=keep, drop=drop)
    if not json_output:
        respond(preview, json_output)
    if not yes:
        if not confirmed(t("merge.confirm", keep=keep, drop=drop)):
            raise RuleRefusal("merge.declined", keep=keep, drop=drop)
    with current().write() as tx:
        manager = require_manager(tx, name, "refuse.merge_managers")
        result = duplicates.merge(tx, current().book(), keep, drop, manager.id, wall_clock(),
                                  force=force)
    respond(result, json_output)


@command(app, "unmerge")
def unmerge(
    drop: Annotated[int, typer.Argument(metavar="ID", help="The merged prospect to restore.")],
    by: ByOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Undo a merge: the prospect is live again and its own rounds, visits, points, notices
    and signals move back to it."""
    from yulin_cli.data import duplicates
    from yulin_cli.team.service import require_manager

    name = acting(by)
    with current().write() as tx:
        manager = require_manager(tx, name, "refuse.merge_managers")
        result = duplicates.unmerge(tx, current().book(), drop, manager.id, wall_clock())
    respond(result, json_output)


@command(app, "distinct")
def distinct(
    first: Annotated[int, typer.Argument(metavar="A", help="One prospect.")],
    second: Annotated[int, typer.Argument(metavar="B", help="The other.")],
    by: ByOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Record that two look-alike prospects are different companies (managers only): they
    are no longer offered as likely duplicates (Q8)."""
    from yulin_cli.data import duplicates
    from yulin_cli.team.service import require_manager

    name = acting(by)
    if first == second:
        raise BadInput("distinct.same", id=first)
    with current().write() as tx:
        manager = require_manager(tx, name, "refuse.distinct_managers")
        result = duplicates.mark_distinct(tx, first, second, manager.id, today(), wall_clock())
    respond(result, json_output)
