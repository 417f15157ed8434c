"""`yulin copy --to URL`: every row of the database in force into an empty database, for a team
that moves its laptop's SQLite file onto a server (or back).

The target's schema is created by the same migrations and filled in one transaction, with every
id kept; sequences move past the copied ids; and the counts of every table are compared before
the commit, so a copy either matches row for row or leaves nothing behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.frozen import frozen
from yulin_cli.results import Result

if TYPE_CHECKING:
    from yulin_cli.db import Db

BATCH = 2000


@frozen
class TableCount:
    table: str
    rows: int


@frozen
class Copied(Result):
    target: str
    rows: int
    tables: tuple[TableCount, ...]


def _same(db: Db, to: str) -> bool:
    from yulin_cli.db import sqlite_path

    mine, theirs = db.path, sqlite_path(to)
    if mine is not None and theirs is not None:
        return Path(os.path.expanduser(mine)).resolve() == Path(os.path.expanduser(theirs)).resolve()
    return db.target == to


def copy_database(db: Db, to: str, *, progress: bool) -> Copied:
    """Copies every table of ``db`` into the empty database ``to``; refused (exit 1) when it is
    not empty or when any table's count differs after the copy (then nothing is kept)."""
    from sqlalchemy.exc import SQLAlchemyError

    from yulin_cli.db import database_error, migration_engine, shown_target, sqlite_path

    if _same(db, to):
        raise BadInput("copy.same")
    shown = shown_target(to)
    created = _new_file(sqlite_path(to))
    engine = migration_engine(to)
    try:
        with engine.begin() as conn:
            counts = _copy(db, conn, shown, progress)
    except BaseException as exc:
        engine.dispose()
        if created is not None:
            created.unlink(missing_ok=True)  # a refused copy leaves no file behind
        found = database_error(exc, to) if isinstance(exc, SQLAlchemyError) else None
        if found is None:
            raise
        raise found from None
    engine.dispose()
    return Copied(shown, sum(c.rows for c in counts), tuple(counts))


def _new_file(path: str | None) -> Path | None:
    """A new SQLite file for the copy, owner-only like every yulin database; None when the
    target is a server or the file already exists (then it must be empty)."""
    if path is None:
        return None
    file = Path(os.path.expanduser(path))
    try:
        if file.exists():
            return None
        file.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except (OSError, ValueError) as exc:
        raise BadInput("db.unreadable", target=path,
                       error=getattr(exc, "strerror", None) or str(exc)) from None
    return file


def _copy(db: Db, conn: Any, shown: str, progress: bool) -> list[TableCount]:
    from sqlalchemy import inspect

    from yulin_cli.db import AlchemyTx, migrate
    from yulin_cli.models import SQLModel

    existing = [t for t in inspect(conn).get_table_names() if not t.startswith("sqlite_")]
    if existing:
        raise RuleRefusal("copy.not_empty", target=shown, tables=len(existing))
    migrate(conn)
    # The source's policy versions are the team's: the one a new schema starts with goes.
    conn.exec_driver_sql("DELETE FROM policy_version")
    tables = SQLModel.metadata.sorted_tables
    with db.read() as source:  # one snapshot of the source for the whole copy
        counts = {t.name: int(source.scalar(f"SELECT COUNT(*) FROM {t.name}")) for t in tables}
        with _progress(progress, sum(counts.values())) as advance:
            for table in tables:
                _copy_table(source, conn, table, advance)
    postgres = conn.dialect.name == "postgresql"
    target = AlchemyTx(conn)
    if postgres:
        # Rows of a laptop's file were written by no login: on the server they are the
        # copying administrator's, so that voids and row-level security judge them honestly.
        owner = target.scalar("SELECT current_user")
        for table in tables:
            if "recorded_by_login" in table.columns:
                target.run(f"UPDATE {table.name} SET recorded_by_login = :owner"
                           " WHERE recorded_by_login IS NULL", owner=owner)
        for table in tables:
            if "id" in table.columns and table.columns["id"].autoincrement is not False:
                target.run(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                           f" COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}")
        from yulin_cli.server.setup import renew_if_set_up

        renew_if_set_up(target)
    copied = []
    for table in tables:
        rows = int(target.scalar(f"SELECT COUNT(*) FROM {table.name}"))
        if rows != counts[table.name]:
            # Raised inside the transaction: the target is rolled back to empty.
            raise RuleRefusal("copy.count_differs", table=table.name,
                              source=counts[table.name], copied=rows)
        copied.append(TableCount(table.name, rows))
    return copied


def _copy_table(source: Any, conn: Any, table: Any, advance: Callable[[int], None]) -> None:
    """One table in batches, ids kept. A column naming a row of its own table (a prospect's
    ``duplicate_of``, ``merged_into``) is filled in afterwards: it may name a later row."""
    import json

    from sqlalchemy import JSON, Boolean, bindparam

    names = [c.name for c in table.columns]
    # JSON kept as text (SQLite) is parsed, so the target stores the document, not a string.
    documents = {c.name for c in table.columns if isinstance(c.type, JSON)}
    own = [c.name for c in table.columns if any(fk.column.table is table
                                                for fk in c.foreign_keys)]
    flags = {c.name for c in table.columns if isinstance(c.type, Boolean)}
    order = "id" if "id" in names else names[0]
    later: list[dict[str, Any]] = []
    batch: list[dict[str, Any]] = []
    for row in source.iter(f"SELECT {', '.join(names)} FROM {table.name} ORDER BY {order}"):
        values = {k: (bool(v) if k in flags and v is not None else
                      json.loads(v) if k in documents and isinstance(v, str) else v)
                  for k, v in row.items()}
        if own and any(values[c] is not None for c in own):
            later.append({"key_id": values["id"], **{f"set_{c}": values[c] for c in own}})
            values.update({c: None for c in own})
        batch.append(values)
        if len(batch) >= BATCH:
            conn.execute(table.insert(), batch)
            advance(len(batch))
            batch = []
    if batch:
        conn.execute(table.insert(), batch)
        advance(len(batch))
    if later:
        update = table.update().where(table.c.id == bindparam("key_id")).values(
            {c: bindparam(f"set_{c}") for c in own})
        conn.execute(update, later)


class _progress:
    """A Rich progress bar over the rows copied (nothing when not on a terminal)."""

    def __init__(self, shown: bool, total: int) -> None:
        self.shown, self.total = shown, total
        self.bar: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if not self.shown:
            return lambda n: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from yulin_cli.i18n import t

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            transient=True)
        self.bar.__enter__()
        task = self.bar.add_task(t("ui.copying"), total=self.total)
        return lambda n: self.bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
