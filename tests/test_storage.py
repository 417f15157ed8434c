"""Storage on both backends: concurrent writers, first use, upgrades from the first release,
newer and foreign databases, backup and doctor."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from conftest import json_error, ok, ok_json, query, run
from yulin_cli import db as dbmod

FIXTURE = Path(__file__).parent / "fixtures" / "first-release.db"
SECOND = Path(__file__).parent / "fixtures" / "second-release.db"

WORKER = textwrap.dedent("""
    import sys
    from yulin_cli.app import build_app

    app = build_app("en")

    worker, count = int(sys.argv[1]), int(sys.argv[2])

    def call(*args):
        try:
            app(list(args), standalone_mode=False)
        except SystemExit as exc:
            if exc.code:
                raise

    # Each call opens its own connection: these are real concurrent writers.
    for i in range(count):
        name = f"苏州并发{worker:02d}号{i:03d}公司"
        call("add-prospect", "--company", name, "--city", "苏州", "--sourced-by", "李娜",
             "--found-on", "2026-10-15", "--employees", "150", "--pcs", "40")
    for pid in range(1, count + 1):
        call("verify", str(pid), "--by", "李娜", "--pretext", "buyer", "--result", "confirmed")
    for pid in range(1, count // 2 + 1):
        call("log-visit", str(pid), "--by", "张伟", "--outcome", "substandard",
             "--kind", "planned", "--date", "2026-10-16")
""")


@pytest.mark.once
def test_postgres_is_configured(pg_server):
    """With YULIN_TEST_PG_URL set, the server takes a yulin schema and passes `doctor`, which
    only reads: on the empty database it reports the upgrade needed and creates nothing."""
    if pg_server is None:
        pytest.skip("no PostgreSQL server: set YULIN_TEST_PG_URL to run every test on it "
                    "as well (.ci/run always does)")
    name = pg_server.create(empty=True)
    try:
        url = pg_server.url_for(name)
        result = run("--db", url, "doctor", "--json")
        assert result.exit_code == 1 and result.json["upgrade_needed"] is True
        assert query(url, "SELECT COUNT(*) FROM information_schema.tables"
                     " WHERE table_schema = 'public'") == [(0,)]
        assert ok_json("--db", url, "upgrade") == {"before": None, "after": dbmod.SCHEMA_HEAD,
                                                   "upgraded": True}
        doc = ok_json("--db", url, "doctor")
        assert doc["ok"] is True
        schema = next(c for c in doc["checks"] if c["check"] == "schema")
        assert schema["detail"].startswith(dbmod.SCHEMA_HEAD)
    finally:
        pg_server.drop(name)


@pytest.mark.slow
def test_concurrent_processes_lose_nothing(team, isolated, tmp_path):
    """8 processes x (20 prospects + 20 rounds + 10 visits) = 400 records at once."""
    workers, count = 8, 20
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, str(script), str(w), str(count)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for w in range(workers)]
    outputs = [p.communicate(timeout=600) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
    counts = isolated.counts()
    assert counts["prospect"] == workers * count
    assert counts["verification_round"] == workers * count
    assert counts["visit"] == workers * count // 2
    assert counts["points_entry"] == counts["notice"] == workers * count // 2
    [(total,)] = isolated.query("SELECT SUM(delta) FROM points_entry")
    rounds = isolated.query("SELECT prospect_id, COUNT(*), MAX(round_no) FROM verification_round"
                            " GROUP BY prospect_id")
    assert total == -5 * workers * count // 2
    # Rounds on one prospect from different processes still number 2, 3, 4, ...
    assert all(max_no == n + 1 for _pid, n, max_no in rounds)
    report = ok_json("daily-report", "--date", "2026-10-16")
    li = next(p for p in report["people"] if p["name"] == "李娜")
    assert li["points_total"] == total


@pytest.mark.slow
def test_first_use_by_many_processes_at_once(isolated):
    target = isolated.fresh()
    # Commands that write create the database; six of them race to be first.
    procs = [subprocess.Popen([sys.executable, "-m", "yulin_cli", "--db", target,
                               "center", "add", f"中心{n}", "--city", "苏州", "--json"],
                              stderr=subprocess.PIPE, text=True,
                              stdout=subprocess.DEVNULL) for n in range(6)]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert query(target, "SELECT version_num FROM alembic_version") == [(dbmod.SCHEMA_HEAD,)]


def _first_release_copy(isolated) -> str:
    """The committed first-release database, on the backend under test."""
    return _release_copy(isolated, FIXTURE, "0001")


def _release_copy(isolated, fixture: Path, revision: str) -> str:
    """A committed database of an earlier release, on the backend under test: the file
    itself, or its rows in a server database migrated to the same revision."""
    if isolated.is_sqlite:
        target = isolated.tmp_path / "old.db"
        shutil.copy(fixture, target)
        target.chmod(0o600)  # as yulin created it
        return str(target)
    target = isolated.fresh()
    dbmod.upgrade(target, revision)
    old = sqlite3.connect(fixture)
    tables = [r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                        " AND name NOT IN ('alembic_version', 'sqlite_sequence')")]
    from sqlalchemy import Boolean, MetaData, create_engine, text

    engine = create_engine(target)
    with engine.begin() as conn:
        meta = MetaData()
        meta.reflect(conn)
        # Rows as the file holds them, referring to rows copied later: checks wait until the end.
        conn.execute(text("SET session_replication_role = replica"))
        for table in tables:
            booleans = {c.name for c in meta.tables[table].columns
                        if isinstance(c.type, Boolean)}
            cur = old.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cur.description]
            rows = [{n: (bool(v) if n in booleans and v is not None else v)
                     for n, v in zip(names, row, strict=True)} for row in cur]
            if rows:
                cols = ", ".join(f'"{n}"' for n in names)
                conn.execute(text(f'INSERT INTO "{table}" ({cols}) VALUES '
                                  f'({", ".join(":" + n for n in names)})'), rows)
            if "id" in names:
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                                  f" (SELECT COALESCE(MAX(id), 1) FROM \"{table}\"))"))
        conn.execute(text("SET session_replication_role = DEFAULT"))
    engine.dispose()
    return str(target)


def _counts(target: str) -> dict[str, int]:
    if "://" not in target:
        tables = [r[0] for r in query(target, "SELECT name FROM sqlite_master WHERE type='table'"
                                      " AND name NOT LIKE 'sqlite_%'")]
    else:
        tables = [r[0] for r in query(target, "SELECT table_name FROM information_schema.tables"
                                      " WHERE table_schema = current_schema()")]
    return {t: query(target, f'SELECT COUNT(*) FROM "{t}"')[0][0] for t in tables}


def test_first_release_upgrades_keeping_every_row(isolated):
    target = _first_release_copy(isolated)
    assert query(target, "SELECT version_num FROM alembic_version") == [("0001",)]
    before = _counts(target)
    assert before["prospect"] == 40 and before["visit"] > 10
    rows = ok_json("--db", target, "list")
    assert len(rows) == 40 - 0 and rows[0]["company"] == "苏州恒瑞精密机械有限公司"
    after = _counts(target)
    assert {t: after[t] for t in before} == before
    # Tables added since start empty, except the findings that were awaiting inspection and
    # the visits' flags, each now a row of its own.
    old_flags = query(str(FIXTURE), "SELECT flags FROM visit")
    flags = sum(len([f for f in flags.split(",") if f]) for (flags,) in old_flags)
    inspect = sum("inspect" in flags.split(",") for (flags,) in old_flags)
    assert inspect > 0 and after.pop("inspection") == inspect
    assert flags > inspect and after.pop("visit_flag") == flags
    assert after.pop("policy_version") == 1  # the policy in force became the first version
    assert all(after[t] == 0 for t in after.keys() - before.keys())
    assert query(target, "SELECT version_num FROM alembic_version") == [(dbmod.SCHEMA_HEAD,)]
    report = ok_json("--db", target, "daily-report", "--date", "2026-10-15")
    people = {p["name"]: p for p in report["people"]}
    assert people["张伟"]["points_today"] == 3 and people["陈静"]["points_today"] == -5
    doctor = ok_json("--db", target, "doctor")
    assert doctor["ok"] is True
    # The upgrade rewrote no amount; what differs from the rules is one sweep the second
    # release's rule finds far from the day's visits (sweep-far), which the first did not know.
    doctor = run("--db", target, "doctor", "--recompute", "--json")
    assert doctor.exit_code == 1
    assert {d["record"].split()[-1].split(":")[1] for d in doctor.json["differences"]} == {"7"}
    # New features work on the upgraded data: an inspection settles an old finding.
    inspect = next(a for a in report["attention"] if a["kind"] == "inspect")
    ok("--db", target, "inspect", inspect["visit_id"], "--by", "赵敏", "--verdict", "upheld")


def test_the_second_release_upgrades_and_every_outcome_still_derives(isolated):
    """What the second release stored (an overturned finding, a voided adjustment, a visit
    found unproven with its fine, a voided sweep, a signal without a day) is, after the
    upgrade, exactly what the rules derive again: no amount was rewritten."""
    target = _release_copy(isolated, SECOND, "0010")
    before = query(target, "SELECT staff_id, day, delta FROM points_entry ORDER BY id")
    assert ok_json("--db", target, "upgrade")["upgraded"] is True
    assert query(target, "SELECT staff_id, day, delta FROM points_entry ORDER BY id") == before
    doctor = run("--db", target, "doctor", "--recompute", "--json")
    assert doctor.exit_code == 0 and doctor.json["differences"] == [], doctor.stdout
    # The proof inspection became the proof question, answered; the overturned finding kept.
    assert sorted(query(target, "SELECT question, status FROM inspection"
                        " WHERE status <> 'open'")) == [("finding", "overturned"),
                                                      ("proof", "unproven")]
    assert query(target, "SELECT COUNT(*) FROM policy_version") == [(1,)]
    # The undated signal counts from the day its prospect was found.
    assert query(target, "SELECT COUNT(*) FROM redsea_signal rs JOIN prospect p"
                 " ON p.id = rs.prospect_id WHERE rs.day = p.found_on") == query(
        target, "SELECT COUNT(*) FROM redsea_signal")


def test_a_newer_database_is_refused_untouched(isolated):
    ok("center", "add", "甲", "--city", "苏州")
    isolated.query("UPDATE alembic_version SET version_num = '9999'")
    before = isolated.counts()
    digest = hashlib.sha256(isolated.path.read_bytes()).hexdigest() if isolated.is_sqlite else ""
    code, error = json_error("staff", "list")
    assert (code, error["code"]) == (2, "db.newer")
    assert isolated.counts() == before
    assert isolated.query("SELECT version_num FROM alembic_version") == [("9999",)]
    if isolated.is_sqlite:
        assert hashlib.sha256(isolated.path.read_bytes()).hexdigest() == digest


def test_a_foreign_database_is_left_alone(isolated):
    target = isolated.fresh()
    query(target, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    digest = hashlib.sha256(Path(target).read_bytes()).hexdigest() if isolated.is_sqlite else ""
    code, error = json_error("--db", target, "staff", "list")
    assert (code, error["code"]) == (2, "db.foreign")
    if isolated.is_sqlite:
        assert hashlib.sha256(Path(target).read_bytes()).hexdigest() == digest
    else:
        tables = query(target, "SELECT table_name FROM information_schema.tables"
                       " WHERE table_schema = current_schema()")
        assert tables == [("invoices",)]


@pytest.mark.once
def test_not_a_database_at_all(tmp_path):
    target = tmp_path / "junk.db"
    target.write_bytes(b"this is not sqlite" * 100)
    result = run("--db", str(target), "staff", "list")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


@pytest.mark.once
def test_migrations_build_exactly_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from yulin_cli.models import SQLModel

    script = ScriptDirectory(str(Path(dbmod.__file__).parent / "migrations"))
    assert script.get_current_head() == dbmod.SCHEMA_HEAD
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == list(
        dbmod.KNOWN_REVISIONS)
    target = tmp_path / "schema.db"
    dbmod.upgrade(str(target))
    engine = create_engine(f"sqlite:///{target}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    engine.dispose()
    assert diff == []


@pytest.mark.once
@pytest.mark.parametrize("target", ["postgresql+nosuchdriver://x/y", "mysql://"])
def test_bad_database_url(target):
    result = run("--db", target, "staff", "list")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_backup_and_doctor(team, isolated, tmp_path):
    ok("add-prospect", "--company", "苏州甲公司", "--city", "苏州", "--sourced-by", "李娜")
    doctor = ok_json("doctor")
    assert doctor["ok"] is True
    assert {c["check"] for c in doctor["checks"]} >= {"integrity", "schema", "policy"}
    dest = tmp_path / "copy.db"
    if not isolated.is_sqlite:
        result = run("backup", str(dest))
        assert result.exit_code == 2 and "pg_dump" in result.stderr
        return
    assert ok_json("backup", str(dest))["bytes"] > 0
    assert dest.stat().st_mode & 0o777 == 0o600
    assert ok_json("--db", str(dest), "list")[0]["company"] == "苏州甲公司"
    assert run("backup", str(dest)).exit_code == 2  # never overwrites without --force
    isolated.path.chmod(0o644)
    result = run("doctor", "--json")
    assert result.exit_code == 1
    assert [c["ok"] for c in result.json["checks"] if c["check"] == "permissions"] == [False]
    (tmp_path / "bad.toml").write_text("[standard]\nmin_pcs = 'x'\n", encoding="utf-8")
    result = run("--policy", "bad.toml", "doctor", "--json")
    assert [c["ok"] for c in result.json["checks"] if c["check"] == "policy"] == [False]


@pytest.mark.once
def test_an_unreachable_server_is_one_line(monkeypatch):
    pytest.importorskip("psycopg", reason="the postgres extra is not installed")
    url = "postgresql+psycopg://someone:secret@127.0.0.1:1/none"
    code, error = json_error("--db", url, "staff", "list")
    assert (code, error["code"]) == (2, "db.unreachable")
    result = run("--db", url, "staff", "list")
    assert result.exit_code == 2 and "secret" not in result.stdout + result.stderr + str(error)
    assert len(result.stderr.strip().splitlines()) == 1


READS = [["daily-report"], ["list"], ["show", "1"], ["rate", "--all"], ["summary", "--from",
         "2026-10-01", "--to", "2026-10-31"], ["agenda", "--visitor", "张伟"], ["attention"],
         ["staff", "list"], ["points"], ["notices"], ["doctor"], ["check-visit", "1"],
         ["manager"], ["dedupe"], ["export", "--what", "prospects"], ["redsea", "1"]]


@pytest.mark.once
@pytest.mark.parametrize("args", READS, ids=lambda a: a[0])
def test_a_command_that_only_reads_creates_no_database(tmp_path, args):
    target = tmp_path / "not-yet" / "yulin.db"
    result = run("--db", str(target), *args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert f"no database at {target}" in result.stderr
    assert "yulin center add" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not target.parent.exists()


@pytest.mark.once
def test_a_command_that_writes_creates_the_database(tmp_path):
    target = tmp_path / "new" / "yulin.db"
    ok("--db", str(target), "center", "add", "苏州育林中心", "--city", "苏州")
    assert target.exists() and target.stat().st_mode & 0o777 == 0o600
    assert ok_json("--db", str(target), "staff", "list") == []
    other = tmp_path / "demo.db"
    assert ok_json("--db", str(other), "demo")["loaded"] is True
def test_doctor_only_reads_and_upgrade_upgrades(isolated):
    target = _first_release_copy(isolated)
    before = _counts(target)
    digest = hashlib.sha256(Path(target).read_bytes()).hexdigest() if isolated.is_sqlite else ""
    result = run("--db", target, "doctor", "--json")
    assert result.exit_code == 1 and result.json["upgrade_needed"] is True
    assert "upgrade needed" in run("--db", target, "doctor").stdout
    assert query(target, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert _counts(target) == before
    if isolated.is_sqlite:
        assert hashlib.sha256(Path(target).read_bytes()).hexdigest() == digest
    upgraded = ok_json("--db", target, "upgrade")
    assert upgraded == {"before": "0001", "after": dbmod.SCHEMA_HEAD, "upgraded": True}
    assert ok_json("--db", target, "doctor")["ok"] is True
    assert "already at" in ok("--db", target, "upgrade").stdout


@pytest.mark.once
def test_doctor_creates_no_database(tmp_path):
    target = tmp_path / "nothing-here.db"
    code, error = json_error("--db", str(target), "doctor")
    assert (code, error["code"]) == (2, "db.missing")
    assert not target.exists()


@pytest.mark.once
def test_team_mode_needs_a_server():
    for args in (("team", "setup"), ("team", "login", "lina", "--staff", "李娜")):
        code, error = json_error(*args)
        assert (code, error["code"]) == (2, "team.needs_postgres"), args


def test_by_names_the_person_without_a_login(team, isolated):
    ok("add-prospect", "--company", "苏州甲公司", "--city", "苏州", "--sourced-by", "李娜")
    before = isolated.counts()
    code, error = json_error("verify", "1", "--pretext", "buyer", "--result", "confirmed")
    # The option's name, the same in every language.
    assert (code, error["code"]) == (2, "input.missing") and "--by" in error["message"]
    assert isolated.counts() == before


def test_libpq_urls_work_too(isolated):
    if isolated.is_sqlite:
        pytest.skip("a server URL")
    url = isolated.target.replace("postgresql+psycopg://", "postgresql://")
    ok("--db", url, "center", "add", "甲", "--city", "苏州")
    assert ok_json("--db", url, "center", "list") == [{"id": 1, "name": "甲", "city": "苏州"}]


@pytest.mark.once
def test_a_new_database_is_created_at_head_equal_to_the_migrated_one(tmp_path):
    """A first command writes the shipped snapshot of the head schema in one go (issue 21);
    it must be exactly what replaying every migration makes, and the snapshot current."""
    import json
    import sqlite3
    from importlib import resources

    from yulin_cli import db

    migrated = tmp_path / "migrated.db"
    db.upgrade(str(migrated))
    old = sqlite3.connect(migrated)
    fresh = tmp_path / "fresh.db"
    result = run("--db", str(fresh), "center", "add", "苏州育林中心", "--city", "苏州")
    assert result.exit_code == 0, result.stderr
    new = sqlite3.connect(fresh)
    assert resources.files("yulin_cli.migrations").joinpath(db.HEAD_SCHEMA).read_text(
        "utf-8").startswith(f"-- schema {db.SCHEMA_HEAD}\n")
    assert _schema(new) == _schema(old), (
        "the head schema snapshot is stale: run python tools/make_head_schema.py")
    for conn in (old, new):
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (db.SCHEMA_HEAD,)]
    policies = [[(r[0], json.loads(r[1]), r[2]) for r in conn.execute(
        "SELECT valid_from, body, source FROM policy_version")] for conn in (old, new)]
    assert policies[0] == policies[1]
    assert new.execute("PRAGMA foreign_key_check").fetchall() == []
    assert run("--db", str(fresh), "doctor").exit_code == 0


def _schema(conn: sqlite3.Connection) -> dict[str, Any]:
    """A SQLite schema as facts, whatever order a migration's table rebuild wrote its clauses
    in: each table's columns, foreign keys and indexes, and the triggers' and views' text."""
    facts: dict[str, Any] = {}
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master"
                                        " WHERE name NOT LIKE 'sqlite_%'"):
        if kind == "table":
            indexes = sorted(
                # An index on an expression names no column: its text is kept below.
                (i[2], tuple(c[2] or "(expression)"
                             for c in conn.execute(f'PRAGMA index_info("{i[1]}")')),
                 i[1] if not i[1].startswith("sqlite_") else "")
                for i in conn.execute(f'PRAGMA index_list("{name}")'))
            facts[name] = (list(conn.execute(f'PRAGMA table_info("{name}")')),
                           sorted(tuple(f[2:]) for f in conn.execute(
                               f'PRAGMA foreign_key_list("{name}")')), indexes)
        elif kind in ("trigger", "view"):
            facts[name] = sql
        elif kind == "index" and sql:
            facts[name] = " ".join(sql.split())  # an expression's text, spaces aside
    return facts
