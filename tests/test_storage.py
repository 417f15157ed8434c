"""Storage: concurrent writers, schema upgrades, foreign and newer databases."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ok, ok_json, row_counts, run
from yulin_cli import db as dbmod

WORKER = textwrap.dedent("""
    import sys
    from yulin_cli.cli import app

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


def test_concurrent_processes_lose_nothing(team, isolated, tmp_path):
    """8 processes x (20 prospects + 20 rounds + 10 visits) at once."""
    workers, count = 8, 20
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, str(script), str(w), str(count)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for w in range(workers)]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
    counts = row_counts(isolated)
    assert counts["prospect"] == workers * count
    assert counts["verification_round"] == workers * count
    assert counts["visit"] == workers * count // 2
    assert counts["points_entry"] == counts["notice"] == workers * count // 2
    with sqlite3.connect(isolated) as conn:
        total = conn.execute("SELECT SUM(delta) FROM points_entry").fetchone()[0]
        rounds = conn.execute("SELECT prospect_id, COUNT(*), MAX(round_no) FROM "
                              "verification_round GROUP BY prospect_id").fetchall()
    assert total == -5 * workers * count // 2
    # Rounds on one prospect from different processes still number 2, 3, 4, ...
    assert all(max_no == n + 1 for _pid, n, max_no in rounds)
    report = ok_json("daily-report", "--date", "2026-10-16")
    li = next(p for p in report["people"] if p["name"] == "李娜")
    assert li["points_total"] == total


def test_first_use_by_many_processes_at_once(tmp_path):
    target = tmp_path / "fresh.db"
    procs = [subprocess.Popen([sys.executable, "-m", "yulin_cli", "--db", str(target),
                               "staff", "list", "--json"], stderr=subprocess.PIPE, text=True,
                              stdout=subprocess.DEVNULL) for _ in range(6)]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (dbmod.SCHEMA_HEAD,)]


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upgrade_from_the_first_schema_keeps_every_row(tmp_path):
    target = tmp_path / "old.db"
    dbmod.upgrade(str(target), "0001")
    with sqlite3.connect(target) as conn:
        conn.executescript("""
            INSERT INTO center (id, name, city) VALUES (1, '苏州育林中心', '苏州');
            INSERT INTO staff (id, name, center_id, roles, industries)
                VALUES (1, '李娜', 1, 'prospector', ''), (2, '张伟', 1, 'visitor', '');
            INSERT INTO prospect (id, company, name_key, city, suburban, ownership, employees,
                pcs, found_on, platform_interest, has_oa, erp_need, in_selection,
                existing_customer, sourced_by_id, created_at, deal_value, need, yulin_interest)
                VALUES (1, '苏州甲公司', '甲', '苏州', 0, 'private', 150, 40, '2026-10-15',
                        0, 0, 0, 0, 0, 1, '2026-10-15T08:00:00', 250000, 'explicit', 'high');
            INSERT INTO visit (id, prospect_id, staff_id, day, kind, outcome, items, contacts,
                effective, flags, failing_checks) VALUES
                (1, 1, 2, '2026-10-16', 'planned', 'met', '', '', 0, '', '');
            INSERT INTO points_entry (staff_id, day, delta, rule, prospect_id, visit_id)
                VALUES (1, '2026-10-16', -5, 'substandard', 1, 1);
        """)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    before = row_counts(target)
    rows = ok_json("--db", str(target), "list")
    assert [(r["id"], r["company"], r["stars"]) for r in rows] == [(1, "苏州甲公司", 5)]
    after = row_counts(target)
    assert {t: after[t] for t in before} == before
    assert all(after[t] == 0 for t in after.keys() - before.keys())  # tables added since
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            dbmod.SCHEMA_HEAD,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    report = ok_json("--db", str(target), "daily-report", "--date", "2026-10-16")
    assert next(p for p in report["people"] if p["name"] == "李娜")["points_total"] == -5


def test_a_newer_database_is_refused_untouched(tmp_path):
    target = tmp_path / "new.db"
    ok("--db", str(target), "center", "add", "甲", "--city", "苏州")
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    digest = _file_hash(target)
    result = run("--db", str(target), "staff", "list")
    assert result.exit_code == 2 and "newer" in result.stderr
    assert _file_hash(target) == digest


def test_a_foreign_database_is_left_alone(tmp_path):
    target = tmp_path / "other.db"
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    digest = _file_hash(target)
    result = run("--db", str(target), "staff", "list")
    assert result.exit_code == 2 and "not a yulin database" in result.stderr
    assert _file_hash(target) == digest


def test_not_a_database_at_all(tmp_path):
    target = tmp_path / "junk.db"
    target.write_bytes(b"this is not sqlite" * 100)
    result = run("--db", str(target), "staff", "list")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


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


@pytest.mark.parametrize("target", ["postgresql+nosuchdriver://x/y", "mysql://"])
def test_bad_database_url(target):
    result = run("--db", target, "staff", "list")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
