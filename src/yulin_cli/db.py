"""Opening the database: SQLite files through the standard library, ``postgresql+psycopg://``
URLs through psycopg, anything else through SQLAlchemy.

Commands run plain SQL (``:name`` parameters) through ``Tx``, the same text on every backend.
SQLite and psycopg skip SQLAlchemy entirely, because importing it costs more than the whole
command otherwise takes; Alembic and the ORM are loaded only to create, upgrade or copy a schema.

On a server, only the owner of the schema migrates it (``yulin upgrade``); any other login on an
older schema is told to ask the administrator. No message ever shows a password: ``hide_secrets``
masks the URL's user part and its ``password=`` parameter in every error and document.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any

from yulin_cli.errors import BadInput, RuleRefusal, YulinError
from yulin_cli.frozen import frozen
from yulin_cli.tx import Row, Tx

# The newest migration this code knows, and every one before it (tests check both against
# migrations/versions). Checking it with one query keeps Alembic out of ordinary start-up.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009",
                   "0010", "0011", "0012", "0013", "0014", "0015", "0016")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
BUSY_TIMEOUT_MS = 30_000
WRITE_LOCK, MIGRATION_LOCK = 7337000, 7337001  # PostgreSQL advisory lock keys
CONNECT_TIMEOUT_S = 10  # an unreachable server is an error, not a hang
# What a PostgreSQL session waits at most: for a lock (a LOCK TABLE or advisory lock another
# session holds), for one statement, and with a transaction left open.
SESSION_TIMEOUTS = {"lock_timeout": "5s", "statement_timeout": "60s",
                    "idle_in_transaction_session_timeout": "60s"}


# Ids are 64-bit in both databases: a bigger number names nothing (and must not reach the
# driver, which would refuse it with an overflow).
_ID_RANGE = range(-(2**63), 2**63)


def fits_id(record_id: int) -> bool:
    return record_id in _ID_RANGE


def now_stamp() -> str:
    from yulin_cli.clock import utc_stamp

    return utc_stamp()


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


def tuples_for(tx: Tx, sql: str, values: Sequence[Any], **params: Any) -> list[tuple[Any, ...]]:
    """``rows_for`` as tuples in the order selected: for the bulk reads of big checks, where a
    dict a row costs as much as the query."""
    rows: list[tuple[Any, ...]] = []
    distinct = list(dict.fromkeys(values))
    for start in range(0, len(distinct), 500):
        chunk = distinct[start:start + 500]
        marks = ", ".join(f":v{i}" for i in range(len(chunk)))
        rows += tx.rows(sql.format(marks=marks), **params,
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


# PostgreSQL URLs, as SQLAlchemy writes them and as libpq and psql do: all mean psycopg.
_PG_SCHEMES = ("postgresql+psycopg://", "postgresql://", "postgres://")


def is_psycopg(target: str) -> bool:
    """A PostgreSQL URL yulin talks to through psycopg directly (no SQLAlchemy at start-up)."""
    return target.startswith(_PG_SCHEMES)


def alchemy_url(target: str) -> str:
    """``target`` as SQLAlchemy names it: a libpq ``postgresql://`` URL means psycopg."""
    if target.startswith(_PG_SCHEMES[1:]):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    return target


# --- secrets --------------------------------------------------------------------------------------

# A URL's user part up to its last "@" before the host: a raw "@" inside a password is a
# mistake libpq reads as the end of it, and must not leak the rest.
_URL_PASSWORD = re.compile(r"(\w[\w+.-]*://[^/\s:@]*:)[^/\s]*@")
_QUERY_PASSWORD = re.compile(
    r"((?:[?&]|\b)(?:ssl)?(?:password|passphrase|passfile)\s*=\s*)('[^']*'|[^&\s]*)",
    re.IGNORECASE)


def hide_secrets(text: str, *known: str | None) -> str:
    """``text`` with every password masked: a URL's user part (``user:***@``), a ``password=``
    parameter, and any of the ``known`` secrets wherever they appear."""
    for secret in sorted((s for s in known if s and len(s) >= 3), key=len, reverse=True):
        text = text.replace(secret, "***")
    text = _URL_PASSWORD.sub(r"\1***@", text)
    return _QUERY_PASSWORD.sub(r"\1***", text)


def secrets_of(target: str | None) -> tuple[str, ...]:
    """The passwords a database URL carries (user part and query string), and YULIN_PASSWORD."""
    found: list[str] = []
    if target and "://" in target:
        from urllib.parse import parse_qs, unquote, urlsplit

        try:
            parts = urlsplit(target)
            if parts.password:
                found += [parts.password, unquote(parts.password)]
            query = parse_qs(parts.query)
            for key in ("password", "sslpassword"):
                found += query.get(key, [])
            for passfile in query.get("passfile", []):
                found += _passfile_secrets(passfile)
        except ValueError:
            pass
    if os.environ.get("YULIN_PASSWORD"):
        found.append(os.environ["YULIN_PASSWORD"])
    return tuple(found) + notify_secrets()


# A group-chat robot's webhook is a secret like a password: whoever has it posts to the chat.
NOTIFY_SECRETS = ("YULIN_WECOM_WEBHOOK", "YULIN_DINGTALK_WEBHOOK", "YULIN_DINGTALK_SECRET")


def notify_secrets() -> tuple[str, ...]:
    """The notify webhooks and signing secret of the environment, and each webhook's token (its
    ``key=`` or ``access_token=``), masked wherever they would show."""
    found: list[str] = []
    for name in NOTIFY_SECRETS:
        value = os.environ.get(name, "").strip()
        if not value:
            continue
        found.append(value)
        if "://" in value:
            from urllib.parse import parse_qsl, urlsplit

            try:
                found += [v for _k, v in parse_qsl(urlsplit(value).query) if len(v) >= 6]
            except ValueError:
                pass
    return tuple(found)


def _passfile_secrets(path: str) -> list[str]:
    """The passwords of a libpq password file (host:port:db:user:password a line)."""
    try:
        lines = Path(os.path.expanduser(path)).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError, UnicodeDecodeError):
        return []
    return [line.rsplit(":", 1)[1] for line in lines
            if line.strip() and not line.startswith("#") and ":" in line]


def shown_target(target: str) -> str:
    """A database target as it may be shown: its passwords masked."""
    return hide_secrets(target, *secrets_of(target))


class _TxBase:
    def one(self, sql: str, **params: Any) -> Row | None:
        rows = self.all(sql, **params)  # type: ignore[attr-defined]
        return rows[0] if rows else None

    def scalar(self, sql: str, **params: Any) -> Any:
        row = self.one(sql, **params)
        return next(iter(row.values())) if row else None

    def insert_many(self, table: str, columns: Sequence[str], rows: list[Row]) -> None:
        """``rows`` (dicts by column) into ``table`` at once."""
        self.many(f"INSERT INTO {table} ({', '.join(columns)})"  # type: ignore[attr-defined]
                  f" VALUES ({', '.join(':' + c for c in columns)})", rows)

    def insert(self, table: str, values: Row) -> int:
        columns = ", ".join(values)
        marks = ", ".join(f":{c}" for c in values)
        row = self.one(f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id", **values)
        assert row is not None
        return int(row["id"])


class SqliteTx(_TxBase):
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def all(self, sql: str, **params: Any) -> list[Row]:
        cur = self.conn.execute(sql, params)
        if cur.description is None:
            return []
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def run(self, sql: str, **params: Any) -> int:
        return self.conn.execute(sql, params).rowcount

    def rows(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, params).fetchall()

    def many(self, sql: str, rows: list[Row]) -> None:
        self.conn.executemany(sql, rows)

    def insert_many(self, table: str, columns: Sequence[str], rows: list[Row]) -> None:
        # By position: sqlite3 binds a value by its place faster than by its name, which an
        # import of 100,000 wide rows feels.
        if not rows:
            return
        take = itemgetter(*columns)
        values = [take(r) for r in rows] if len(columns) > 1 else [(take(r),) for r in rows]
        self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)})"
                              f" VALUES ({', '.join('?' for _ in columns)})", values)

    def iter(self, sql: str, **params: Any) -> Iterator[Row]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(names, row, strict=True))

    def tuples(self, sql: str, **params: Any) -> Iterator[tuple[Any, ...]]:
        """Rows as tuples in the order selected: for lists of 100,000 rows, where a dict a row
        costs as much as the query."""
        # A loop, not ``yield from``: a reader that stops early (``| head``) closes this
        # generator after the connection, and ``yield from`` would close the cursor then.
        for row in self.conn.execute(sql, params):  # noqa: UP028 (see above)
            yield row


class AlchemyTx(_TxBase):
    def __init__(self, conn: Any) -> None:
        from sqlalchemy import text

        self.conn = conn
        self._text = text

    def all(self, sql: str, **params: Any) -> list[Row]:
        result = self.conn.execute(self._text(sql), params)
        if not result.returns_rows:
            return []
        return [dict(row._mapping) for row in result]

    def run(self, sql: str, **params: Any) -> int:
        count: int = self.conn.execute(self._text(sql), params).rowcount
        return count

    def rows(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.conn.execute(self._text(sql), params)]

    def many(self, sql: str, rows: list[Row]) -> None:
        if rows:
            self.conn.execute(self._text(sql), rows)

    def iter(self, sql: str, **params: Any) -> Iterator[Row]:
        # On the statement, not the connection: the option would outlive this query.
        result = self.conn.execute(self._text(sql).execution_options(yield_per=2000), params)
        for row in result.mappings():
            yield dict(row)

    def tuples(self, sql: str, **params: Any) -> Iterator[tuple[Any, ...]]:
        result = self.conn.execute(self._text(sql).execution_options(yield_per=2000), params)
        for row in result:
            yield tuple(row)


_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def _pyformat(sql: str) -> str:
    """``:name`` parameters as psycopg's ``%(name)s``, outside quoted literals; ``%`` doubled."""
    cached = _PYFORMAT.get(sql)
    if cached is None:
        parts = sql.split("'")
        for i, part in enumerate(parts):
            part = part.replace("%", "%%")
            parts[i] = part if i % 2 else _PARAM.sub(r"%(\1)s", part)
        cached = _PYFORMAT[sql] = "'".join(parts)
    return cached


_PYFORMAT: dict[str, str] = {}
_CURSORS = itertools.count()  # server-side cursors open at once need names of their own


class PsycopgTx(_TxBase):
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def all(self, sql: str, **params: Any) -> list[Row]:
        cur = self.conn.execute(_pyformat(sql), params)
        return cur.fetchall() if cur.description is not None else []

    def run(self, sql: str, **params: Any) -> int:
        return int(self.conn.execute(_pyformat(sql), params).rowcount)

    def rows(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        from psycopg.rows import tuple_row

        with self.conn.cursor(row_factory=tuple_row) as cur:
            cur.execute(_pyformat(sql), params)
            found: list[tuple[Any, ...]] = cur.fetchall()
            return found

    def many(self, sql: str, rows: list[Row]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(_pyformat(sql), rows)

    def iter(self, sql: str, **params: Any) -> Iterator[Row]:
        # A server-side cursor: a big table streams instead of loading at once.
        with self.conn.cursor(name=f"yulin_iter_{next(_CURSORS)}") as cur:
            cur.itersize = 2000
            cur.execute(_pyformat(sql), params)
            yield from cur

    def tuples(self, sql: str, **params: Any) -> Iterator[tuple[Any, ...]]:
        from psycopg.rows import tuple_row

        with self.conn.cursor(name=f"yulin_iter_{next(_CURSORS)}", row_factory=tuple_row) as cur:
            cur.itersize = 2000
            cur.execute(_pyformat(sql), params)
            yield from cur


def scram_verifier(tx: Tx, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``login``'s ``password``, made by libpq on this side of
    the wire (``team login``), so that no statement the server logs ever holds the password.
    Only a psycopg connection has libpq at hand: team mode runs on nothing else."""
    if not isinstance(tx, PsycopgTx):
        raise TypeError("a SCRAM verifier needs a psycopg (PostgreSQL) transaction")
    digest: bytes = tx.conn.pgconn.encrypt_password(password.encode(), login.encode(),
                                                    b"scram-sha-256")
    return digest.decode("ascii")

@frozen
class Login:
    """Who a server connection is: the login, and the staff member mapped to it (team mode)."""

    user: str
    staff: str | None = None
    roles: tuple[str, ...] = ()


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Ctrl-C waits until the block is done (a commit and its record), then arrives."""
    if not hasattr(signal, "pthread_sigmask"):  # not on Windows
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


class Db:
    """A database handle; ``read()`` and ``write()`` each give one transaction."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.path = sqlite_path(target)
        self._sqlite: sqlite3.Connection | None = None
        self._pg: Any = None
        self._engine: Any = None
        # Set by open(): the schema's revision, and on a server who is connected.
        self.version: str | None = None
        self.login: Login | None = None
        self.owner: str | None = None  # on a server: the login owning the schema
        self.may_migrate = True  # only the schema's owner migrates a server's schema
        self._migrate = True  # open(migrate=False): doctor reads an old schema as it is
        self.saved = False  # a write of this run has committed (Ctrl-C then says so)
        # The policy a new database starts with (the file in force, else the defaults), as
        # (policy as JSON data, the file's name): asked only when a schema is created.
        self.first_policy: Callable[[], tuple[dict[str, Any], str | None]] | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def exists(self) -> bool:
        """False for a SQLite file not created yet (a server database always exists)."""
        if self.path is None:
            return True
        try:
            return Path(os.path.expanduser(self.path)).exists()
        except (OSError, ValueError):  # a name too long, a NUL: no such file, and none to make
            return False

    @property
    def shown(self) -> str:
        """The target as messages show it (no password)."""
        return shown_target(self.target)

    def open(self, migrate: bool = True) -> Db:
        """Connects and brings the schema to this yulin's head; with ``migrate`` False (doctor)
        nothing is written and ``version`` tells how old the schema is. A missing SQLite file
        is created by the first write; a command that only reads finds no database (exit 2)
        and creates nothing, not even its folder."""
        self._migrate = migrate
        if self.exists:
            self._connect()
        return self

    def _connect(self) -> None:
        migrate = self._migrate
        if self.path is not None:
            self._sqlite = _connect_sqlite(self.path)
        elif is_psycopg(self.target):
            self._pg = _connect_psycopg(self.target)
        else:
            self._engine = _make_engine(alchemy_url(self.target))
        self._ensure_schema(migrate)
        if self._sqlite is not None and migrate:
            # Only now that the file is known to be ours: WAL rewrites the file header.
            self._sqlite.execute("PRAGMA journal_mode = WAL")
        self.saved = False  # the schema's own upkeep is not the command's change

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
        if self._pg is not None:
            self._pg.close()
        if self._engine is not None:
            self._engine.dispose()

    @property
    def needs_upgrade(self) -> bool:
        return self.version != SCHEMA_HEAD

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
    def scratch(self) -> Iterator[Tx]:
        """A transaction whose writes are always rolled back: a what-if computes in it."""
        with self._transaction(write=False, scratch=True) as tx:
            yield tx

    @contextmanager
    def _transaction(self, write: bool, scratch: bool = False) -> Iterator[Tx]:
        if self._sqlite is None and self._engine is None and self._pg is None:
            if not write:
                raise BadInput("db.missing", path=self.path)
            self._connect()
        if scratch:
            yield from self._scratch()
            return
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
            with _ctrl_c_held():  # what was saved is known exactly
                conn.execute("COMMIT")
                self.saved = True
        elif self._pg is not None:
            with self._pg.transaction():
                if write:
                    self._pg.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
                yield PsycopgTx(self._pg)
                if write:
                    pause_point("before-commit")
            self.saved = self.saved or write
        else:
            with self._engine.begin() as conn:
                if write and self._engine.dialect.name == "postgresql":
                    # Writers take turns, as on SQLite: round numbers and imported ids are
                    # read and then written, and two writers must not both read the same.
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
                yield AlchemyTx(conn)
                if write:
                    pause_point("before-commit")
            self.saved = self.saved or write
        if write:
            pause_point("after-commit")

    def _scratch(self) -> Iterator[Tx]:
        if self._sqlite is not None:
            self._sqlite.execute("BEGIN")
            try:
                yield SqliteTx(self._sqlite)
            finally:
                self._sqlite.execute("ROLLBACK")
        elif self._pg is not None:
            with self._pg.transaction(force_rollback=True):
                yield PsycopgTx(self._pg)
        else:
            with self._engine.connect() as conn:
                trans = conn.begin()
                try:
                    yield AlchemyTx(conn)
                finally:
                    trans.rollback()

    def _ensure_schema(self, migrate: bool) -> None:
        if self.is_sqlite:
            with self.read() as tx:
                self.version = _schema_version(tx, True)
        else:
            self._server_facts()
        if self.version == SCHEMA_HEAD:
            return
        if self.version is not None and self.version not in KNOWN_REVISIONS:
            raise BadInput("db.newer", version=self.version, head=SCHEMA_HEAD)
        if not migrate:
            return
        if not self.may_migrate:
            # Only the schema's owner migrates: a staff login is told whom to ask.
            raise BadInput("db.needs_upgrade", target=self.shown)
        if (self._sqlite is not None and self.version is None
                and create_sqlite_at_head(self._sqlite, self.first_policy)):
            self.version = SCHEMA_HEAD
            return
        upgrade(self.target, first_policy=self.first_policy)
        self.version = SCHEMA_HEAD
        if not self.is_sqlite:
            self._server_facts()

    def _server_facts(self) -> None:
        """Reads the schema's version and owner, who is connected and the staff member mapped to
        that login: one query when the schema is current."""
        fast = ("SELECT a.version_num, current_user AS login,"
                " pg_get_userbyid(c.relowner) AS owner, s.name AS staff, s.roles,"
                " to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS server_today,"
                " (SELECT value FROM meta WHERE key = 'pinned_today') AS pinned_today,"
                " EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'yulin_guard_points' AND"
                " pronamespace = current_schema()::regnamespace) AS team_mode"
                " FROM alembic_version a JOIN pg_class c ON c.oid = 'alembic_version'::regclass"
                " LEFT JOIN staff s ON s.login = current_user")
        try:
            if self._pg is not None:  # one statement, one round trip: no BEGIN and COMMIT
                row = self._pg.execute(fast).fetchone()
            else:
                with self.read() as tx:
                    row = tx.one(fast)
        except Exception as exc:  # no yulin schema yet, or an older one without logins
            if _sqlstate(exc) not in ("42P01", "42703"):
                raise
            row = None
        if row is not None and row["version_num"] == SCHEMA_HEAD:
            self.version, self.owner = row["version_num"], row["owner"]
            self.login = Login(row["login"], row["staff"], _split(row["roles"]))
            self.may_migrate = self.owner == self.login.user
            _use_server_date(row)
            return
        with self.read() as tx:
            self.version = _schema_version(tx, False)
            facts = tx.one(
                "SELECT current_user AS login, has_schema_privilege(current_schema(), 'CREATE')"
                " AS can_create, (SELECT pg_get_userbyid(relowner) FROM pg_class"
                " WHERE oid = to_regclass('alembic_version')) AS owner")
        assert facts is not None
        self.login, self.owner = Login(facts["login"]), facts["owner"]
        # An empty database is created by whoever may create tables in it.
        self.may_migrate = (bool(facts["can_create"]) if self.version is None
                            else self.owner == self.login.user)


def _use_server_date(row: dict[str, Any]) -> None:
    """In team mode (`team setup` ran), today is the server's date in China (RULES.md): a
    laptop's clock or YULIN_TODAY does not decide whose day it is, unless the administrator
    pinned a date for tests (meta ``pinned_today``, which the server's guard reads too)."""
    from yulin_cli import clock

    if not row.get("team_mode"):
        clock.use_server_date(None)  # one person's server: as on a laptop
        return
    clock.use_server_date(row.get("pinned_today") or row["server_today"])


def _sqlstate(exc: BaseException) -> str | None:
    """The server's error code, from psycopg's exception or the one SQLAlchemy wraps."""
    return getattr(exc, "sqlstate", None) or getattr(getattr(exc, "orig", None), "sqlstate", None)


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(part for part in (text or "").split(",") if part)


def pause_point(name: str) -> None:
    """A test hook: with ``YULIN_TEST_PAUSE=name`` the process announces that it reached this
    point (by creating ``YULIN_TEST_PAUSE_FILE``) and waits there to be killed, or to go on once
    the test removes the file; so crash tests act at exact points whatever the machine's load."""
    if os.environ.get("YULIN_TEST_PAUSE") != name:
        return
    import time

    announce = Path(os.environ["YULIN_TEST_PAUSE_FILE"])
    announce.write_text(name, encoding="utf-8")
    for _ in range(36_000):
        if not announce.exists():
            return
        time.sleep(0.1)


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
    version: str | None = tx.scalar("SELECT version_num FROM alembic_version")
    return version


# A bool is bound as the integer SQLite stores it as, either way; without an adapter of its
# own, sqlite3 looks for one the slow way on every flag of every row written.
sqlite3.register_adapter(bool, int)


def _connect_sqlite(path: str) -> sqlite3.Connection:
    file = Path(os.path.expanduser(path))
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


def _quiet_psycopg() -> None:
    """psycopg logs a warning when a pipeline breaks with the connection, before the exception
    saying the same reaches us: a lost connection must be one line, so the library keeps quiet."""
    import logging

    logger = logging.getLogger("psycopg")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _connect_psycopg(target: str) -> Any:
    """A psycopg connection for a ``postgresql+psycopg://`` URL (libpq reads the same URL)."""
    import psycopg
    from psycopg.rows import dict_row

    _quiet_psycopg()
    url = "postgresql://" + target.split("://", 1)[1]
    authority = url.split("://", 1)[1].split("/", 1)[0]
    if authority.count("@") > 1:
        # libpq would take what follows the first "@" for the host, and look it up.
        raise BadInput("db.raw_at", target=shown_target(target))
    options: dict[str, Any] = {"application_name": "yulin"}
    if "connect_timeout=" not in url:
        options["connect_timeout"] = CONNECT_TIMEOUT_S
    # The team's timeouts for this session too (``team setup`` sets them on each login): a lock
    # held elsewhere makes a command fail in seconds, never hang.
    options.setdefault("options", " ".join(f"-c {k}={v}" for k, v in SESSION_TIMEOUTS.items()))
    try:
        return psycopg.connect(url, autocommit=True, row_factory=dict_row, **options)
    except psycopg.ProgrammingError as exc:  # a URL libpq cannot parse
        detail = (str(exc).strip().splitlines() or [""])[0]
        raise BadInput("db.bad_url", target=shown_target(target),
                       error=hide_secrets(detail, *secrets_of(target))) from None


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

    _quiet_psycopg()
    try:
        engine = create_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise BadInput("db.bad_url", target=shown_target(str(url)),
                       error=hide_secrets(str(exc), *secrets_of(str(url)))) from None
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


def upgrade(target: str, revision: str = "head",
            first_policy: Callable[[], tuple[dict[str, Any], str | None]] | None = None) -> None:
    """Create or upgrade the schema in one transaction, holding off other writers meanwhile; on
    a server whose team roles exist, their grants and policies are renewed in the same one.
    ``first_policy`` gives the policy a schema made now starts with (else the defaults)."""
    from sqlalchemy.exc import SQLAlchemyError

    engine = migration_engine(target)
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                # Two first runs at once must not both create the tables.
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            sqlite = engine.dialect.name == "sqlite"
            before = _schema_version(AlchemyTx(conn), sqlite)
            migrate(conn, revision, first_policy)
            from yulin_cli.slices import call

            if revision == "head" and before not in (None, SCHEMA_HEAD):
                # What a migration cannot derive in SQL (prospects.likely.rebuild).
                call("migrated", AlchemyTx(conn))
            if engine.dialect.name == "postgresql" and revision == "head":
                # The team's grants, policies and guard again (server.setup.renew_if_set_up).
                call("upgraded", AlchemyTx(conn))
    except SQLAlchemyError as exc:
        raise BadInput("db.upgrade_failed", target=shown_target(target),
                       error=hide_secrets(str(exc).splitlines()[0], *secrets_of(target))) from None
    finally:
        engine.dispose()


HEAD_SCHEMA = "head_sqlite.sql"  # in yulin_cli.migrations; tools/make_head_schema.py writes it
_NEXT = "\n-- next\n"


def schema_statements(conn: sqlite3.Connection) -> list[str]:
    """A SQLite file's schema as the statements that make it: tables, then indexes, triggers
    and views (each needs its table), each kind by name."""
    order = {"table": 0, "index": 1, "trigger": 2, "view": 3}
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
                        " AND name NOT LIKE 'sqlite_%'").fetchall()
    return [sql for _t, _n, sql in sorted(rows, key=lambda r: (order.get(r[0], 9), r[1]))]


def head_schema_text(statements: list[str]) -> str:
    return f"-- schema {SCHEMA_HEAD}\n" + _NEXT.join(statements) + "\n"


def create_sqlite_at_head(conn: sqlite3.Connection,
                          first_policy: Callable[[], tuple[dict[str, Any], str | None]] | None
                          ) -> bool:
    """A brand-new SQLite file gets the schema the migrations end with, written in one
    transaction from the snapshot shipped beside them, with its first policy version: a
    first command in well under a second instead of replaying every migration (issue 21). A
    test keeps the snapshot equal to what the migrations make. False (nothing done) when the
    snapshot is not of this head or the file is no longer empty."""
    import json

    from yulin_cli.clock import utc_stamp

    text = (Path(__file__).parent / "migrations" / HEAD_SCHEMA).read_text("utf-8")
    header, _, body = text.partition("\n")
    if header != f"-- schema {SCHEMA_HEAD}":
        return False
    if first_policy is not None:
        policy, source = first_policy()
    else:
        from yulin_cli.policy import Policy, policy_dict

        policy, source = policy_dict(Policy()), None
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            conn.execute("ROLLBACK")  # made meanwhile by another first command
            return False
        for statement in body.rstrip("\n").split(_NEXT):
            conn.execute(statement)
        conn.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (SCHEMA_HEAD,))
        conn.execute("INSERT INTO policy_version (valid_from, body, set_at, source)"
                     " VALUES (NULL, ?, ?, ?)", (json.dumps(policy), utc_stamp(), source))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True


def migration_engine(target: str) -> Any:
    """A SQLAlchemy engine for migrating or copying ``target``."""
    from sqlalchemy.engine import URL

    path = sqlite_path(target)
    # URL.create, not a formatted string: a file may be called "?" or "a#b".
    url = (URL.create("sqlite", database=str(Path(os.path.expanduser(path))))
           if path is not None else alchemy_url(target))
    return _make_engine(url, for_migration=True)


def migrate(conn: Any, revision: str = "head",
            first_policy: Callable[[], tuple[dict[str, Any], str | None]] | None = None) -> None:
    """Runs the migrations on an open SQLAlchemy connection, inside its transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.attributes["connection"] = conn
    if first_policy is not None:
        config.attributes["first_policy"], config.attributes["first_policy_source"] = (
            first_policy())
    command.upgrade(config, revision)
    if conn.dialect.name == "sqlite":
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise BadInput("db.upgrade_failed", target="sqlite", error=str(broken[:3]))


# A server that went away mid-command: shutdown, a killed backend, a dropped socket.
_LOST = ("57P01", "57P02", "57P03", "08006", "08003", "08000")


def database_error(exc: Exception, target: str | None) -> YulinError | None:
    """What to tell the user when the database itself says no; None for anything else."""
    chosen = str(target or os.environ.get("YULIN_DB") or default_db_path())
    shown = shown_target(chosen)
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return RuleRefusal("db.busy", target=shown)
    module = type(exc).__module__
    if not module.startswith(("sqlalchemy", "psycopg")):
        return None
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines() or [type(original).__name__]
    detail = hide_secrets(lines[0][:200], *secrets_of(chosen))
    state = _sqlstate(exc)
    if state == "42501":
        return RuleRefusal("db.denied", target=shown, error=detail)
    if state == "55P03":  # lock_timeout: another session holds a lock this command needs
        return BadInput("db.locked", target=shown)
    if state in ("57014", "25P03"):  # statement or idle-transaction timeout
        return BadInput("db.timeout", target=shown)
    if state == "28P01" or "password authentication failed" in detail:
        return BadInput("db.bad_password", target=shown)
    kind = type(original).__name__
    if state in _LOST or "closed the connection" in detail or "connection is closed" in detail \
            or "connection is lost" in detail:
        return BadInput("db.lost", target=shown, error=detail)
    if kind in ("OperationalError", "InterfaceError"):
        return BadInput("db.unreachable", target=shown, error=detail)
    return None


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


def health(db: Db, quick: bool = False) -> list[Check]:
    """(check, ok, detail, catalogue code, params) for the database itself: integrity, schema,
    file permissions, and on a server who is connected. The detail is the language-free text
    of --json; the code says it in words. Reads only: an old schema is reported, never
    upgraded."""
    checks: list[Check] = []
    version = db.version
    with db.read() as tx:
        if db.is_sqlite:
            # Quick: every page and record is read, the indexes are not matched to their
            # tables (that is what takes time); a recompute reads every row anyway.
            result = tx.scalar("PRAGMA quick_check" if quick else "PRAGMA integrity_check")
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
    checks.append(("schema", version == SCHEMA_HEAD,
                   f"{version or 'none'} (this yulin: {SCHEMA_HEAD})",
                   "check.version", {"version": version or "-", "head": SCHEMA_HEAD}))
    if db.login is not None:
        # The login and the staff member it acts as ("-": mapped to nobody, the administrator).
        staff = db.login.staff or "-"
        checks.append(("login", True, f"{db.login.user} → {staff}", "check.login_as",
                       {"login": db.login.user, "staff": staff}))
    if db.path is not None:
        mode = f"{Path(os.path.expanduser(db.path)).stat().st_mode & 0o777:o}"  # as ls and chmod say it
        checks.append(("permissions", int(mode, 8) & 0o077 == 0, mode, "check.mode",
                       {"mode": mode}))
    return checks


def chosen_target(target: str | None) -> str:
    """The database in force: ``--db``/``YULIN_DB``, else ``yulin.db`` in the user data dir."""
    return target or os.environ.get("YULIN_DB") or str(default_db_path())


def open_db(target: str | None, migrate: bool = True,
            first_policy: Callable[[], tuple[dict[str, Any], str | None]] | None = None) -> Db:
    db = Db(chosen_target(target))
    db.first_policy = first_policy
    return db.open(migrate)
