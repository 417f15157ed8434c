"""Every test runs the real CLI against its own database, in English, 80 columns, no colour.

Each test runs once per backend: SQLite always, and PostgreSQL when ``YULIN_TEST_PG_URL``
names a server (an admin URL such as ``postgresql+psycopg://postgres@127.0.0.1:54329/postgres``;
`.ci/run` starts one). Each PostgreSQL test gets its own database, copied from a migrated
template. Tests marked ``once`` do not depend on the backend and run only with SQLite.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from yulin_cli.app import app_for
from yulin_cli.i18n import set_lang

PG_URL = os.environ.get("YULIN_TEST_PG_URL")

# CI replays the same examples every run, so a red build means a change, not luck; runs
# elsewhere keep exploring new inputs.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
BACKENDS = ["sqlite", "postgres"] if PG_URL else ["sqlite"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "once: backend-independent; run with SQLite only")
    config.addinivalue_line("markers", "slow: a stress test; `pytest -m 'not slow'` skips it")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        backend = callspec and callspec.params.get("isolated")
        (drop if backend == "postgres" and item.get_closest_marker("once") else keep).append(item)
    items[:] = keep
    config.hook.pytest_deselected(items=drop)


# --- the database under test ------------------------------------------------------------------


class PgServer:
    """Creates and drops throwaway databases on the configured server."""

    def __init__(self, admin_url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        self.url = make_url(admin_url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.template = f"yulin_tpl_{uuid.uuid4().hex[:8]}"
        self.execute(f'CREATE DATABASE "{self.template}"')
        from yulin_cli.db import upgrade

        upgrade(self.url_for(self.template))
        self._dispose_all()

    def url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def execute(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(sql)

    def create(self, empty: bool = False) -> str:
        name = f"yulin_t_{uuid.uuid4().hex[:12]}"
        template = "template0" if empty else self.template
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _dispose_all(self) -> None:
        self.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     f" WHERE datname = '{self.template}' AND pid <> pg_backend_pid()")

    def close(self) -> None:
        self.drop(self.template)
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | None]:
    if not PG_URL:
        yield None
        return
    server = PgServer(PG_URL)
    yield server
    server.close()


class TestDb:
    """The database a test's commands use (``YULIN_DB``), with ways to look inside it."""

    def __init__(self, target: str, tmp_path: Path, server: PgServer | None) -> None:
        self.target = target
        self.tmp_path = tmp_path
        self.server = server
        self.created: list[str] = []

    @property
    def is_sqlite(self) -> bool:
        return self.server is None

    @property
    def path(self) -> Path:
        return Path(self.target)

    def __str__(self) -> str:
        return self.target

    def query(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        return query(self.target, sql, **params)

    def counts(self) -> dict[str, int]:
        if self.is_sqlite:
            return row_counts(self.path)
        tables = [r[0] for r in self.query(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema()")]
        return {t: self.query(f'SELECT COUNT(*) FROM "{t}"')[0][0] for t in tables}

    def copy(self) -> TestDb:
        """A copy of this database as it is now, on the same backend: property tests give
        each example its own, so no example sees another's rows."""
        if self.is_sqlite:
            import shutil

            target = self.tmp_path / f"copy-{uuid.uuid4().hex[:8]}.db"
            shutil.copy(self.path, target)
            return TestDb(str(target), self.tmp_path, None)
        assert self.server is not None
        name = f"yulin_c_{uuid.uuid4().hex[:12]}"
        current = self.target.rsplit("/", 1)[1]
        self.server.execute(f'CREATE DATABASE "{name}" TEMPLATE "{current}"')
        self.created.append(name)
        return TestDb(self.server.url_for(name), self.tmp_path, self.server)

    def fresh(self) -> str:
        """Another, empty database on the same backend."""
        if self.is_sqlite:
            return str(self.tmp_path / f"fresh-{uuid.uuid4().hex[:8]}.db")
        assert self.server is not None
        name = self.server.create(empty=True)
        self.created.append(name)
        return self.server.url_for(name)


def query(target: str, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """Runs SQL on a test database, SQLite path or server URL."""
    if "://" not in target:
        lite = sqlite3.connect(target)
        try:
            with lite:  # commits; closing below checkpoints the WAL, as a finished user would
                return lite.execute(sql, params).fetchall()
        finally:
            lite.close()
    from sqlalchemy import create_engine, text

    engine = create_engine(target)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite database, made once: each test starts from a copy, as each PostgreSQL
    test starts from a copy of the server's template (migrating costs half a second)."""
    from yulin_cli.db import open_db

    path = tmp_path_factory.mktemp("template") / "yulin.db"
    db = open_db(str(path))
    with db.write():  # the first write creates the file
        pass
    db.close()
    return path


@pytest.fixture(autouse=True, params=BACKENDS)
def isolated(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             pg_server: PgServer | None, sqlite_template: Path) -> Iterator[TestDb]:
    if request.param == "postgres":
        assert pg_server is not None
        name = pg_server.create()
        db = TestDb(pg_server.url_for(name), tmp_path, pg_server)
        db.created.append(name)
    else:
        import shutil

        db = TestDb(str(tmp_path / "yulin.db"), tmp_path, None)
        shutil.copy(sqlite_template, db.path)  # mode 0600 comes along
    monkeypatch.setenv("YULIN_DB", db.target)
    monkeypatch.setenv("YULIN_LANG", "en")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("YULIN_POLICY", raising=False)
    monkeypatch.delenv("YULIN_TODAY", raising=False)
    monkeypatch.chdir(tmp_path)
    set_lang("en")  # the language is process-wide; a --lang zh run must not leak
    yield db
    for name in db.created:
        assert pg_server is not None
        pg_server.drop(name)


# --- running the CLI ----------------------------------------------------------------------------

# What a command line is made of: words, and ids and paths that ``run`` spells as words.
Arg: TypeAlias = str | int | Path


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def json(self) -> Any:
        return json.loads(self.stdout)


def run(*args: Arg, input: str | None = None) -> Result:
    """Runs ``yulin ARGS``; ``input`` is what the user types at a prompt."""
    argv = [str(a) for a in args]
    # As ``yulin`` itself does: the app is built for the run, in the language it will speak.
    result = CliRunner().invoke(app_for(argv), argv, prog_name="yulin", input=input)
    # A user's mistake never ends in a traceback; a bug should fail the test loudly.
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr, result.exception)


def ok(*args: Arg) -> Result:
    result = run(*args)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result


def ok_json(*args: Arg) -> Any:
    return ok(*args, "--json").json


def json_error(*args: Arg, input: str | None = None) -> tuple[int, dict[str, Any]]:
    """Runs ``yulin ARGS --json`` for a mistake or a refusal: (exit code, the JSON ``error``
    object, ``{"code", "message", "exit_code"}``). Tests compare the catalogue code, which no
    rewording or translation changes, rather than the words. Also checks what every failure
    promises: stdout is that one JSON document, stderr one reason, no traceback."""
    result = run(*args, "--json", input=input)
    assert result.exit_code != 0, (result.stdout, result.stderr)
    assert_refused(result, result.exit_code)
    doc = result.json
    assert isinstance(doc, dict) and "error" in doc, result.stdout
    error: dict[str, Any] = doc["error"]
    assert error["exit_code"] == result.exit_code, (error, result.exit_code)
    return result.exit_code, error


def row_counts(db: Any) -> dict[str, int]:
    """Rows per table: the evidence that a refused command wrote nothing."""
    if isinstance(db, TestDb):
        return db.counts()
    if not Path(db).exists():
        return {}
    tables = [r[0] for r in query(str(db), "SELECT name FROM sqlite_master WHERE type='table'"
                                  " AND name NOT LIKE 'sqlite_%'")]
    return {t: query(str(db), f'SELECT COUNT(*) FROM "{t}"')[0][0] for t in tables}


def assert_refused(result: Result, code: int) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, "a refusal explains itself on stderr"
    assert len(lines) == 1 or code == 2 and lines[-1].startswith("Error:"), result.stderr


@pytest.fixture
def team() -> dict[str, str]:
    """A centre in 苏州 with two prospectors, two visitors and a manager."""
    ok("center", "add", "苏州育林中心", "--city", "苏州")
    ok("center", "add", "南京育林中心", "--city", "南京")
    for name, roles in (("李娜", ["prospector"]), ("王强", ["prospector"]),
                        ("张伟", ["visitor"]), ("刘洋", ["visitor"]),
                        ("赵敏", ["manager", "visitor"])):
        args = ["staff", "add", name, "--center", "苏州育林中心"]
        for role in roles:
            args += ["--role", role]
        ok(*args)
    ok("staff", "add", "孙丽", "--center", "南京育林中心", "--role", "prospector")
    return {"center": "苏州育林中心", "city": "苏州"}


def add(company: str = "苏州恒瑞精密机械有限公司", *extra: str, by: str = "李娜",
        found_on: str = "2026-10-15") -> int:
    """Adds a prospect (quality scale by default) and returns its id."""
    args = ["add-prospect", "--company", company, "--city", "苏州", "--sourced-by", by,
            "--found-on", found_on]
    if "--employees" not in extra:
        args += ["--employees", "150", "--pcs", "40"]
    pid: int = ok_json(*args, *extra)["id"]
    return pid


def make_ready(pid: int, by: str = "李娜") -> None:
    """Everything check-visit asks for: two rounds, two pretexts, address and scale, contact."""
    ok("update-prospect", pid, "--address", "工业园区星湖街 218 号", "--contact-surname", "周",
       "--date", "2026-10-15")
    ok("verify", pid, "--by", by, "--pretext", "buyer", "--result", "confirmed", "--address",
       "--date", "2026-10-15")
    ok("verify", pid, "--by", by, "--pretext", "applicant", "--result", "confirmed", "--scale",
       "--date", "2026-10-15")


ALL_ITEMS = "1-5,2-2,2-3,2-4,2-5,2-8,2-9"
