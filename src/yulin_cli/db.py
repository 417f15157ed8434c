"""Opening the database: SQLite files through the standard library, anything else through SQLAlchemy.

Commands run plain SQL (``:name`` parameters) through ``Tx``, the same text on both backends.
A SQLite file skips SQLAlchemy entirely, because importing it costs more than the whole
command otherwise takes; Alembic and the ORM are loaded only to create or upgrade a schema.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from yulin_cli.errors import BadInput, RuleRefusal, YulinError

# The newest migration this code knows, and every one before it (tests check both against
# migrations/versions). Checking it with one query keeps Alembic out of ordinary start-up.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0010")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
BUSY_TIMEOUT_MS = 30_000
WRITE_LOCK, MIGRATION_LOCK = 7337000, 7337001  # PostgreSQL advisory lock keys


# Ids are 64-bit in both databases: a bigger number names nothing (and must not reach the
# driver, which would refuse it with an overflow).
_ID_RANGE = range(-(2**63), 2**63)


def fits_id(record_id: int) -> bool:
    return record_id in _ID_RANGE


def now_stamp() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def center_filter(center: str | None, params: dict[str, Any], alias: str = "c") -> str:
    """`` AND c.name = :center`` when a report is for one centre (``params`` gains it)."""
    if center is None:
        return ""
    params["center"] = center
    return f" AND {alias}.name = :center"


def rows_for(tx: Tx, sql: str, values: Sequence[Any], **params: Any) -> list[Row]:
    """Rows of ``sql`` for a list of values, which ``{marks}`` in ``sql`` stands for (as in
    ``WHERE id IN ({marks})``): one query per 500 values, never one per value."""
    rows: list[Row] = []
    distinct = list(dict.fromkeys(values))
    for start in range(0, len(distinct), 500):
        chunk = distinct[start:start + 500]
        marks = ", ".join(f":v{i}" for i in range(len(chunk)))
        rows += tx.all(sql.format(marks=marks), **params,
                       **{f"v{i}": v for i, v in enumerate(chunk)})
    return rows


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("yulin", appauthor=False) / "yulin.db"


def sqlite_path(target: str) -> str | None:
    """The file behind ``target`` when it is SQLite, else None."""
    if "://" not in target:
        return target
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if target.startswith(prefix):
            return target[len(prefix):]
    return None


Row = dict[str, Any]


class Tx(Protocol):
    """One transaction. Parameters are ``:name``; rows come back as dicts, which each slice's
    queries turn into ``records``."""

    def all(self, sql: str, **params: Any) -> list[Row]: ...
    def one(self, sql: str, **params: Any) -> Row | None: ...
    def scalar(self, sql: str, **params: Any) -> Any: ...
    def run(self, sql: str, **params: Any) -> int: ...
    def many(self, sql: str, rows: list[Row]) -> None: ...
    def insert(self, table: str, values: Row) -> int: ...
    def iter(self, sql: str, **params: Any) -> Iterator[Row]: ...
    def tuples(self, sql: str, **params: Any) -> Iterator[tuple]: ...


class _TxBase:
    def one(self, sql: str, **params: Any) -> dict | None:
        rows = self.all(sql, **params)  # type: ignore[attr-defined]
        return rows[0] if rows else None

    def scalar(self, sql: str, **params: Any) -> Any:
        row = self.one(sql, **params)
        return next(iter(row.values())) if row else None

    def insert(self, table: str, values: dict) -> int:
        columns = ", ".join(values)
        marks = ", ".join(f":{c}" for c in values)
        row = self.one(f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id", **values)
        assert row is not None
        return int(row["id"])


class SqliteTx(_TxBase):
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def all(self, sql: str, **params: Any) -> list[dict]:
        cur = self.conn.execute(sql, params)
        if cur.description is None:
            return []
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def run(self, sql: str, **params: Any) -> int:
        return self.conn.execute(sql, params).rowcount

    def many(self, sql: str, rows: list[dict]) -> None:
        self.conn.executemany(sql, rows)

    def iter(self, sql: str, **params: Any) -> Iterator[dict]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(names, row, strict=True))

    def tuples(self, sql: str, **params: Any) -> Iterator[tuple]:
        """Rows as tuples in the order selected: for lists of 100,000 rows, where a dict a row
        costs as much as the query."""
        yield from self.conn.execute(sql, params)


class AlchemyTx(_TxBase):
    def __init__(self, conn: Any) -> None:
        from sqlalchemy import text

        self.conn = conn
        self._text = text

    def all(self, sql: str, **params: Any) -> list[dict]:
        result = self.conn.execute(self._text(sql), params)
        if not result.returns_rows:
            return []
        return [dict(row._mapping) for row in result]

    def run(self, sql: str, **params: Any) -> int:
        return self.conn.execute(self._text(sql), params).rowcount

    def many(self, sql: str, rows: list[dict]) -> None:
        if rows:
            self.conn.execute(self._text(sql), rows)

    def iter(self, sql: str, **params: Any) -> Iterator[dict]:
        # On the statement, not the connection: the option would outlive this query.
        result = self.conn.execute(self._text(sql).execution_options(yield_per=2000), params)
        for row in result.mappings():
            yield dict(row)

    def tuples(self, sql: str, **params: Any) -> Iterator[tuple]:
        result = self.conn.execute(self._text(sql).execution_options(yield_per=2000), params)
        for row in result:
            yield tuple(row)


class Db:
    """A database handle; ``read()`` and ``write()`` each give one transaction."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.path = sqlite_path(target)
        self._sqlite: sqlite3.Connection | None = None
        self._engine: Any = None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def exists(self) -> bool:
        """False for a SQLite file not created yet (a server database always exists)."""
        return self.path is None or Path(self.path).expanduser().exists()

    def open(self) -> Db:
        # A missing SQLite file is created by the first write; a command that only reads
        # finds no database (exit 2) and creates nothing, not even its folder.
        if self.exists:
            self._connect()
        return self

    def _connect(self) -> None:
        if self.path is not None:
            self._sqlite = _connect_sqlite(self.path)
        else:
            self._engine = _make_engine(self.target)
        self._ensure_schema()
        if self._sqlite is not None:
            # Only now that the file is known to be ours: WAL rewrites the file header.
            self._sqlite.execute("PRAGMA journal_mode = WAL")

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
        if self._engine is not None:
            self._engine.dispose()

    @contextmanager
    def read(self) -> Iterator[Tx]:
        with self._transaction(write=False) as tx:
            yield tx

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """All or nothing: an error or a kill inside leaves the database as it was."""
        with self._transaction(write=True) as tx:
            yield tx

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Tx]:
        if self._sqlite is None and self._engine is None:
            if not write:
                raise BadInput("db.missing", path=self.path)
            self._connect()
        if self._sqlite is not None:
            conn = self._sqlite
            # IMMEDIATE takes the write lock up front, so concurrent writers queue on the busy
            # timeout instead of failing when a read lock cannot be upgraded.
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield SqliteTx(conn)
                if write:
                    pause_point("before-commit")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        else:
            with self._engine.begin() as conn:
                if write and self._engine.dialect.name == "postgresql":
                    # Writers take turns, as on SQLite: round numbers and imported ids are
                    # read and then written, and two writers must not both read the same.
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
                yield AlchemyTx(conn)
                if write:
                    pause_point("before-commit")
        if write:
            pause_point("after-commit")

    def _ensure_schema(self) -> None:
        with self.read() as tx:
            version = _schema_version(tx, self.is_sqlite)
        if version == SCHEMA_HEAD:
            return
        if version is not None and version not in KNOWN_REVISIONS:
            raise BadInput("db.newer", version=version, head=SCHEMA_HEAD)
        upgrade(self.target)


def pause_point(name: str) -> None:
    """A test hook: with ``YULIN_TEST_PAUSE=name`` the process announces that it reached this
    point (by creating ``YULIN_TEST_PAUSE_FILE``) and waits there to be killed, so crash tests
    kill at exact points whatever the machine's load."""
    if os.environ.get("YULIN_TEST_PAUSE") != name:
        return
    import time

    Path(os.environ["YULIN_TEST_PAUSE_FILE"]).write_text(name, encoding="utf-8")
    time.sleep(3600)


def _schema_version(tx: Tx, is_sqlite: bool) -> str | None:
    if is_sqlite:
        tables = {r["name"] for r in tx.all("SELECT name FROM sqlite_master WHERE type='table'")}
    else:
        tables = {r["name"] for r in tx.all(
            "SELECT table_name AS name FROM information_schema.tables "
            "WHERE table_schema = current_schema()")}
    if "alembic_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise BadInput("db.foreign")
        return None
    return tx.scalar("SELECT version_num FROM alembic_version")


def _connect_sqlite(path: str) -> sqlite3.Connection:
    file = Path(path).expanduser()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        if not file.exists():
            # Owner-only from the first byte: the file holds contacts and people's points.
            os.close(os.open(file, os.O_CREAT | os.O_WRONLY, 0o600))
        conn = sqlite3.connect(file, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        _sqlite_pragmas(conn)
    except sqlite3.DatabaseError as exc:
        raise BadInput("db.unreadable", target=path, error=str(exc)) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise BadInput("db.unreadable", target=path,
                       error=getattr(exc, "strerror", None) or str(exc)) from None
    return conn


def _sqlite_pragmas(conn: Any, foreign_keys: bool = True, wal: bool = False) -> None:
    """Per-connection settings; WAL lets readers work while one process writes."""
    cur = conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if wal:
        cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    cur.close()


def _make_engine(url: Any, *, for_migration: bool = False) -> Any:
    """A SQLAlchemy engine; for SQLite the same pragmas, and writers that take the lock first."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        engine = create_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise BadInput("db.bad_url", target=url, error=str(exc)) from None
    if engine.dialect.name == "sqlite":
        # Recipe from SQLAlchemy's pysqlite notes: let us emit BEGIN ourselves.
        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None
            # Table rebuilds during a migration must not trip foreign keys half-way.
            _sqlite_pragmas(dbapi_conn, foreign_keys=not for_migration, wal=True)

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def upgrade(target: str, revision: str = "head") -> None:
    """Create or upgrade the schema in one transaction, holding off other writers meanwhile."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy.engine import URL
    from sqlalchemy.exc import SQLAlchemyError

    path = sqlite_path(target)
    # URL.create, not a formatted string: a file may be called "?" or "a#b".
    url = (URL.create("sqlite", database=str(Path(path).expanduser()))
           if path is not None else target)
    engine = _make_engine(url, for_migration=True)
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                # Two first runs at once must not both create the tables.
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            if engine.dialect.name == "sqlite":
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise BadInput("db.upgrade_failed", target=target, error=str(broken[:3]))
    except SQLAlchemyError as exc:
        raise BadInput("db.upgrade_failed", target=target, error=str(exc).splitlines()[0]) from None
    finally:
        engine.dispose()


def database_error(exc: Exception, target: str | None) -> YulinError | None:
    """What to tell the user when the database itself says no; None for anything else."""
    shown = str(target or os.environ.get("YULIN_DB") or default_db_path())
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return RuleRefusal("db.busy", target=shown)
    if not type(exc).__module__.startswith("sqlalchemy"):
        return None
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]
    if isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) == "42501":
        return RuleRefusal("db.denied", target=_hide_password(shown), error=detail)
    if isinstance(exc, (OperationalError, InterfaceError)):
        return BadInput("db.unreachable", target=_hide_password(shown), error=detail)
    return None


def _hide_password(target: str) -> str:
    if "://" not in target:
        return target
    from sqlalchemy.engine import make_url

    try:
        return make_url(target).render_as_string(hide_password=True)
    except Exception:
        return target.split("://")[0] + "://..."


def backup(db: Db, dest: Path) -> int:
    """A consistent copy of a SQLite database while others keep working; returns its size."""
    if not db.exists:
        raise BadInput("db.missing", path=db.path)
    if db._sqlite is None:
        raise BadInput("backup.not_sqlite")
    try:
        copy = sqlite3.connect(dest)
        with copy:
            db._sqlite.backup(copy)
        copy.close()
        os.chmod(dest, 0o600)
    except (sqlite3.Error, OSError, ValueError) as exc:
        raise BadInput("backup.failed", path=str(dest), error=str(exc)) from None
    return dest.stat().st_size


Check = tuple[str, bool, str, str, dict[str, Any]]


def health(db: Db) -> list[Check]:
    """(check, ok, detail, catalogue code, params) for the database itself: integrity, schema,
    file permissions. The detail is the language-free text of --json; the code says it in
    words."""
    checks: list[Check] = []
    with db.read() as tx:
        version = tx.scalar("SELECT version_num FROM alembic_version")
        if db.is_sqlite:
            result = tx.scalar("PRAGMA integrity_check")
            fks = tx.all("PRAGMA foreign_key_check")
            if fks:
                checks.append(("integrity", False, f"{len(fks)} broken references",
                               "check.broken_references", {"count": len(fks)}))
            else:
                checks.append(("integrity", result == "ok", str(result), "check.ok"
                               if result == "ok" else "", {}))
        else:
            tx.scalar("SELECT 1")
            checks.append(("integrity", True, "server reachable", "check.reachable", {}))
    checks.append(("schema", version == SCHEMA_HEAD, f"{version} (this yulin: {SCHEMA_HEAD})",
                   "check.version", {"version": version, "head": SCHEMA_HEAD}))
    if db.path is not None:
        mode = f"{Path(db.path).expanduser().stat().st_mode & 0o777:o}"  # as ls and chmod say it
        checks.append(("permissions", int(mode, 8) & 0o077 == 0, mode, "check.mode",
                       {"mode": mode}))
    return checks


def open_db(target: str | None) -> Db:
    """The database in force: ``--db``/``YULIN_DB``, else ``yulin.db`` in the user data dir."""
    chosen = target or os.environ.get("YULIN_DB") or str(default_db_path())
    return Db(chosen).open()
