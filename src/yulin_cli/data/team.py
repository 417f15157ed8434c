"""The whole-team workbook read back (`import` of an `export --what all` file): every table of
record into an empty database, ids kept, in one transaction; then what the rules derive (points,
notices, flags, a visit's effectiveness, open inspections) is derived again, never read.

This is how a team moves between machines without a server. The database must hold no records
(a new one holds only its first policy version, which the workbook's versions replace). On a
server only its owner may do it: staff logins cannot write ids.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yulin_cli.data import queries
from yulin_cli.data.exporting import CONTACT_COLUMNS, TEAM_TABLES, team_columns
from yulin_cli.errors import BadInput
from yulin_cli.records import join_list

if TYPE_CHECKING:
    from yulin_cli.data.importing import ImportResult
    from yulin_cli.db import Tx
    from yulin_cli.runtime import State

BATCH = 1000


class _Rollback(Exception):
    pass


def _records_in(tx: Tx) -> tuple[str, int] | None:
    """The first table of record holding a row (a first policy version alone is no record)."""
    for table in TEAM_TABLES:
        count = queries.count_rows(tx, table)
        if count > (1 if table == "policy_version" else 0):
            return table, count
    for table in ("notice", "visit_flag", "team_login"):
        count = queries.count_rows(tx, table)
        if count:
            return table, count
    return None


def _converter(column: Any) -> Callable[[Any], Any]:
    from sqlalchemy import JSON, Boolean, Float, Integer

    kind = column.type
    empty: Any = "" if not column.nullable and not isinstance(kind, (Integer, Boolean)) else None

    def convert(value: Any) -> Any:
        if value is None or value == "":
            return False if isinstance(kind, Boolean) and not column.nullable else empty
        if isinstance(kind, Boolean):
            return value if isinstance(value, bool) else str(value).strip().lower() in (
                "1", "true", "yes", "是")
        if isinstance(kind, Integer):
            return int(value)
        if isinstance(kind, Float):
            return float(value)
        if isinstance(kind, JSON):
            return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if isinstance(value, dt.datetime):  # a date cell reads back as midnight
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    return convert


def _sheet_rows(sheet: Any, table: str) -> tuple[list[str], list[list[Any]]]:
    rows = sheet.iter_rows(values_only=True)
    try:
        headers = ["" if h is None else str(h) for h in next(rows)]
    except StopIteration:
        headers = []
    expected = team_columns(table)
    if headers[:len(expected)] != expected:
        missing = next((c for c in expected if c not in headers), headers[0] if headers else "")
        raise BadInput("import.team_sheet", sheet=table, row=1, error=missing)
    return headers, [list(r) for r in rows if r and any(v not in (None, "") for v in r)]


def import_team(state: State, path: Path, *, dry_run: bool,
                tick: Callable[[int], None] = lambda n: None) -> ImportResult:
    from openpyxl import load_workbook

    from yulin_cli.data.importing import ImportResult
    from yulin_cli.models import SQLModel
    from yulin_cli.outcomes.service import reconcile_all
    from yulin_cli.policy import load_book

    book = load_workbook(path, read_only=True, data_only=True)
    total = 0
    try:
        missing = [t for t in TEAM_TABLES if t not in book.sheetnames]
        if missing:
            raise BadInput("import.team_missing_sheet", sheet=missing[0])
        try:
            with state.write() as tx:
                found = _records_in(tx)
                if found is not None:
                    raise BadInput("import.team_not_empty", table=found[0], count=found[1])
                # The workbook's versions are the team's policy: the new database's goes.
                queries.forget_policy_versions(tx)
                for table in TEAM_TABLES:
                    headers, rows = _sheet_rows(book[table], table)
                    total += _insert(tx, SQLModel.metadata.tables[table], table, headers, rows)
                    tick(len(rows))
                if not state.db().is_sqlite:
                    for table in TEAM_TABLES:
                        queries.follow_ids(tx, table)
                # Points, notices, flags and effectiveness: derived again, under the
                # workbook's own policy versions.
                reconcile_all(tx, load_book(tx))
                from yulin_cli.prospects.likely import rebuild

                rebuild(tx)  # the likely duplicates too, from the prospects read back
                if dry_run:
                    raise _Rollback
        except _Rollback:
            pass
    finally:
        book.close()
    return ImportResult(total, 0 if dry_run else total, (), (), dry_run, (), total)


def _insert(tx: Tx, model: Any, table: str, headers: list[str], rows: list[list[Any]]) -> int:
    """One sheet's rows, ids kept. A column naming a row of its own table (a prospect's
    ``duplicate_of``, ``merged_into``) is set afterwards: it may name a later row."""
    columns = {c.name: c for c in model.columns}
    own = [c.name for c in model.columns
           if any(fk.column.table is model for fk in c.foreign_keys)]
    wanted = [h for h in headers if h in columns or table == "visit" and h in CONTACT_COLUMNS]
    convert = {h: _converter(columns[h]) for h in wanted if h in columns}
    names = [h for h in wanted if h in columns]
    if table == "visit":
        names += ["contacts", "effective", "failing_checks"]
    later: list[dict[str, Any]] = []
    batch: list[dict[str, Any]] = []
    index = {h: i for i, h in enumerate(headers)}
    for number, cells in enumerate(rows, start=2):
        cells = cells + [None] * (len(headers) - len(cells))
        try:
            values = {h: convert[h](cells[index[h]]) for h in names if h in convert}
        except (TypeError, ValueError) as exc:
            raise BadInput("import.team_sheet", sheet=table, row=number,
                           error=str(exc)[:120]) from None
        if table == "visit":
            values["contacts"] = join_list([c for c in CONTACT_COLUMNS
                                            if _yes(cells[index[c]] if c in index else None)])
            values["effective"], values["failing_checks"] = False, ""
        if any(values.get(c) is not None for c in own):
            later.append({"id": values["id"], **{c: values[c] for c in own}})
            values.update({c: None for c in own})
        batch.append(values)
        if len(batch) >= BATCH:
            tx.insert_many(table, names, batch)
            batch = []
    if batch:
        tx.insert_many(table, names, batch)
    for row in later:
        queries.set_columns(tx, table, row)
    return len(rows)


def _yes(value: Any) -> bool:
    return value is True or str(value or "").strip().lower() in ("1", "true", "yes", "是")
