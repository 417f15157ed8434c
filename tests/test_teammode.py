"""Team mode on PostgreSQL, as README's "Team setup" runs it: an administrator login creates the
database's schema by copying a laptop's SQLite file onto the server, runs `team setup`, gives
people logins; then each login works, and the server itself refuses what a role may not do,
through the CLI and as plain SQL typed by hand.

The tests that create logins need a server that checks passwords (scram-sha-256 over TCP, as
`.ci/run` starts one) and a password in ``YULIN_TEST_PG_URL``; elsewhere they are skipped,
saying so. Every role they create has a unique name and is dropped at the end.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import assert_refused, json_error, ok, ok_json, query, row_counts, run
from yulin_cli import db as dbmod

pytestmark = pytest.mark.once  # each test makes its own databases on the server it needs
README = Path(__file__).parents[1] / "README.md"


def _pg_or_skip(pg_server):
    if pg_server is None:
        pytest.skip("no PostgreSQL server: set YULIN_TEST_PG_URL (.ci/run does)")
    return pg_server


def _passwords_or_skip(pg_server):
    server = _pg_or_skip(pg_server)
    if not server.url.password:
        pytest.skip("logins need a server that checks passwords: give YULIN_TEST_PG_URL a "
                    "password on a scram-sha-256 cluster (.ci/run does)")
    return server


def _url(server, user: str, password: str, database: str) -> str:
    url: str = server.url.set(username=user, password=password, database=database).render_as_string(
        hide_password=False)
    return url


@dataclass
class Team:
    """A team database on the server: the administrator's URL and one URL per person's login."""

    server: object
    database: str
    admin: str
    urls: dict[str, str] = field(default_factory=dict)
    logins: dict[str, str] = field(default_factory=dict)

    def as_(self, person: str, *args: str):
        return run("--db", self.urls[person], "--lang", "en", *args)

    def counts(self) -> dict[str, int]:
        return row_counts_url(self.urls["admin"])

    def sql(self, person: str, statement: str, **params):
        """Plain SQL as a person's login, as typed in psql (rolled back: nothing is kept)."""
        import psycopg

        url = self.urls[person].replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(url) as conn:
            try:
                conn.execute(statement, params)
            finally:
                conn.rollback()


def row_counts_url(url: str) -> dict[str, int]:
    tables = [r[0] for r in query(url, "SELECT table_name FROM information_schema.tables"
                                  " WHERE table_schema = current_schema()")]
    return {t: query(url, f'SELECT COUNT(*) FROM "{t}"')[0][0] for t in tables}


PEOPLE = {"lina": "李娜", "zhangwei": "张伟", "zhaomin": "赵敏"}  # prospector, visitor, manager


@pytest.fixture(scope="module")
def team_db(pg_server, tmp_path_factory) -> Iterator[Team]:
    """README's sequence: the administrator (CREATEROLE, owner of an empty database) copies the
    sample team from a laptop's SQLite file, runs `team setup`, and gives three people logins."""
    server = _passwords_or_skip(pg_server)
    tag = uuid.uuid4().hex[:8]
    admin, database = f"yadmin_{tag}", f"yulin_team_{tag}"
    server.execute(f"CREATE ROLE {admin} LOGIN CREATEROLE PASSWORD 'admin-{tag}'")
    server.execute(f'CREATE DATABASE "{database}" OWNER {admin} TEMPLATE template0')
    team = Team(server, database, admin)
    team.urls["admin"] = _url(server, admin, f"admin-{tag}", database)
    laptop = tmp_path_factory.mktemp("laptop") / "yulin.db"
    try:
        ok("--db", str(laptop), "demo", "--json")
        ok("--db", str(laptop), "copy", "--to", team.urls["admin"], "--json")
        ok("--db", team.urls["admin"], "team", "setup", "--json")
        for person, name in PEOPLE.items():
            login = f"{person}_{tag}"
            os.environ["YULIN_PASSWORD"] = f"pw-{person}-{tag}"
            try:
                ok("--db", team.urls["admin"], "team", "login", login, "--staff", name, "--json")
            finally:
                del os.environ["YULIN_PASSWORD"]
            team.logins[person] = login
            team.urls[person] = _url(server, login, f"pw-{person}-{tag}", database)
        yield team
    finally:
        server.drop(database)
        for login in [*team.logins.values(), admin]:
            server.execute(f"DROP ROLE IF EXISTS {login}")


def _forbidden(team: Team, person: str, *args: str) -> None:
    before = team.counts()
    result = team.as_(person, *args)
    assert_refused(result, 1)
    assert team.counts() == before


# --- who a login acts as ------------------------------------------------------------------------


def test_a_staff_login_acts_as_its_person(team_db):
    pid = ok_json("--db", team_db.urls["lina"], "add-prospect", "--company", "苏州登录测试有限公司",
                  "--city", "苏州", "--employees", "150", "--pcs", "40",
                  "--found-on", "2026-10-01")["id"]
    ok("--db", team_db.urls["lina"], "verify", str(pid), "--pretext", "buyer",
       "--result", "confirmed")
    page = ok_json("--db", team_db.urls["lina"], "show", str(pid))
    assert page["prospect"]["sourced_by"] == "李娜"
    assert page["prospect"]["recorded_by_login"] == team_db.logins["lina"]
    assert [(r["by"], r["recorded_by_login"]) for r in page["rounds"]] == [
        ("李娜", team_db.logins["lina"])]
    # Naming herself is the same; naming anyone else is refused, and nothing is written.
    ok("--db", team_db.urls["lina"], "verify", str(pid), "--by", "李娜", "--pretext",
       "applicant", "--result", "confirmed")
    _forbidden(team_db, "lina", "verify", str(pid), "--by", "王强", "--pretext", "buyer",
               "--result", "confirmed")
    code, error = json_error("--db", team_db.urls["lina"], "adjust-points", "李娜", "5", "--reason",
                             "x", "--by", "赵敏")
    assert (code, error["code"]) == (1, "refuse.not_you")


def test_the_administrator_must_name_the_person(team_db):
    code, error = json_error("--db", team_db.urls["admin"], "verify", "1", "--pretext", "buyer",
                             "--result", "confirmed")
    assert (code, error["code"]) == (2, "input.missing") and "--by" in error["message"]


# --- the server enforces the roles --------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("adjust-points", "李娜", "100", "--reason", "I deserve it"),
    ("inspect", "3", "--verdict", "overturned"),
    ("staff", "update", "李娜", "--role", "prospector", "--role", "manager"),
    ("staff", "add", "假经理", "--center", "苏州育林中心", "--role", "manager"),
    ("center", "add", "假中心", "--city", "苏州"),
    ("merge", "1", "2", "--force", "--yes"),
])
def test_a_staff_login_is_refused_through_the_cli(team_db, args):
    _forbidden(team_db, "lina", *args)


FORBIDDEN_SQL = [
    "INSERT INTO points_entry (staff_id, day, delta, rule) VALUES (1, '2026-10-20', 100,"
    " 'adjustment')",
    "UPDATE points_entry SET delta = 100",
    "DELETE FROM points_entry",
    "UPDATE inspection SET visit_id = 1",
    "INSERT INTO inspection (visit_id, status) VALUES (1, 'overturned')",
    "UPDATE staff SET roles = 'prospector,manager'",
    "UPDATE staff SET login = current_user WHERE name = '赵敏'",
    "INSERT INTO staff (name, center_id, roles, industries) VALUES ('假经理', 1, 'manager', '')",
    "INSERT INTO center (name, city) VALUES ('假中心', '苏州')",
    "UPDATE prospect SET merged_into = 1 WHERE id = 2",
    "UPDATE visit SET prospect_id = 1",
    "UPDATE verification_round SET result = 'confirmed'",
    "DELETE FROM visit",
    "UPDATE alembic_version SET version_num = '0001'",
    "INSERT INTO meta (key, value) VALUES ('x', 'y')",
    "DELETE FROM meta",
    "UPDATE prospect SET recorded_by_login = 'someone'",
    # A row claiming another login, or another person's visit, or a reward no visit earned.
    "INSERT INTO center (name, city, recorded_by_login) VALUES ('假', '苏州', 'other')",
    "INSERT INTO visit (prospect_id, staff_id, day, kind, outcome, items, contacts, effective,"
    " failing_checks) VALUES (1, (SELECT id FROM staff WHERE name = '张伟'), '2026-10-20',"
    " 'sweep', 'met', '', '', true, '')",
    "INSERT INTO points_entry (staff_id, day, delta, rule, prospect_id, visit_id) SELECT"
    " v.staff_id, v.day, 100, 'sweep', v.prospect_id, v.id FROM visit v ORDER BY v.id LIMIT 1",
    "INSERT INTO notice (staff_id, day, kind, delta, rule, prospect_id, visit_id) SELECT"
    " v.staff_id, v.day, 'praise', 3, 'sweep', v.prospect_id, v.id FROM visit v LIMIT 1",
]


@pytest.mark.parametrize("statement", FORBIDDEN_SQL)
def test_a_staff_login_is_refused_by_the_server(team_db, statement):
    import psycopg

    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team_db.sql("lina", statement)


def test_the_rules_still_write_their_entries_for_a_staff_login(team_db):
    """A visitor's substandard visit costs the finder points, and an effective sweep after the
    day's planned visits earns the visitor points: written by the visitor's login, which the
    server allows only because they are the rule's entries for that login's own visit."""
    pid = ok_json("--db", team_db.urls["lina"], "add-prospect", "--company", "苏州达标测试有限公司",
                  "--city", "苏州", "--employees", "150", "--pcs", "40", "--district", "吴中区",
                  "--found-on", "2026-10-01")["id"]
    logged = ok_json("--db", team_db.urls["zhangwei"], "log-visit", str(pid), "--outcome",
                     "substandard", "--kind", "sweep", "--date", "2026-10-21")
    assert logged["points"] == [{"staff": "李娜", "delta": -5, "rule": "substandard",
                                 "clause": "Q1"}]
    ledger = ok_json("--db", team_db.urls["zhangwei"], "points", "李娜")
    assert ledger["entries"][-1]["recorded_by_login"] == team_db.logins["zhangwei"]
    board = ok_json("--db", team_db.urls["zhangwei"], "notices", "--from", "2026-10-21",
                    "--to", "2026-10-21")
    assert [(n["staff"], n["recorded_by_login"]) for n in board] == [
        ("李娜", team_db.logins["zhangwei"])]
    # The same entry again, by hand, is one too many; so is any other amount's sign.
    import psycopg

    for delta in (-5, 5):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            team_db.sql("zhangwei", "INSERT INTO points_entry (staff_id, day, delta, rule,"
                        " prospect_id, visit_id) VALUES ((SELECT sourced_by_id FROM prospect"
                        " WHERE id = %(p)s), '2026-10-21', %(d)s, 'substandard', %(p)s,"
                        " %(v)s)", p=pid, v=logged["visit_id"], d=delta)
    # The finding was flagged for inspection (not effective): a staff login may only open it,
    # the manager's login settles it and gives the points back.
    assert "inspect" in logged["flags"]
    _forbidden(team_db, "zhangwei", "inspect", str(logged["visit_id"]), "--verdict", "overturned")
    settled = ok_json("--db", team_db.urls["zhaomin"], "inspect", str(logged["visit_id"]),
                      "--verdict", "overturned")
    assert [r["delta"] for r in settled["reversed"]] == [5]


def test_a_manager_login_may(team_db):
    before = ok_json("--db", team_db.urls["zhaomin"], "points", "王强")["total"]
    ok("--db", team_db.urls["zhaomin"], "adjust-points", "王强", "2", "--reason", "good week")
    ledger = ok_json("--db", team_db.urls["zhaomin"], "points", "王强")
    assert ledger["total"] == before + 2
    assert ledger["entries"][-1]["by"] == "赵敏"
    assert ledger["entries"][-1]["recorded_by_login"] == team_db.logins["zhaomin"]
    ok("--db", team_db.urls["zhaomin"], "staff", "update", "陈静", "--industry", "纺织")
    ok("--db", team_db.urls["zhaomin"], "center", "add", "无锡育林中心", "--city", "无锡")
    a = ok_json("--db", team_db.urls["zhaomin"], "add-prospect", "--company", "苏州合并甲有限公司",
                "--city", "苏州", "--sourced-by", "王强")["id"]
    b = ok_json("--db", team_db.urls["zhaomin"], "add-prospect", "--company", "苏州合并乙有限公司",
                "--city", "苏州", "--sourced-by", "王强")["id"]
    ok("--db", team_db.urls["zhaomin"], "merge", str(a), str(b), "--force", "--yes")
    # A manager may log a visit for a visitor (acting as someone else).
    ok("--db", team_db.urls["zhaomin"], "log-visit", str(a), "--by", "张伟", "--outcome", "met")
    # And write an adjustment by hand: the server allows it (rolled back here).
    team_db.sql("zhaomin", "INSERT INTO points_entry (staff_id, day, delta, rule, by_id) VALUES"
                " (1, '2026-10-20', 1, 'adjustment', 6)")


# --- upgrades are the administrator's -----------------------------------------------------------


def test_only_the_owner_upgrades_and_doctor_only_reads(pg_server):
    server = _passwords_or_skip(pg_server)
    tag = uuid.uuid4().hex[:8]
    admin, clerk, database = f"yadmin_{tag}", f"clerk_{tag}", f"yulin_old_{tag}"
    server.execute(f"CREATE ROLE {admin} LOGIN PASSWORD 'admin-{tag}'")
    server.execute(f"CREATE ROLE {clerk} LOGIN PASSWORD 'clerk-{tag}'")
    server.execute(f'CREATE DATABASE "{database}" OWNER {admin} TEMPLATE template0')
    admin_url = _url(server, admin, f"admin-{tag}", database)
    clerk_url = _url(server, clerk, f"clerk-{tag}", database)
    try:
        dbmod.upgrade(admin_url, "0006")
        query(admin_url, f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {clerk}")
        before = row_counts_url(admin_url)
        result = run("--db", clerk_url, "staff", "list")
        assert_refused(result, 2)
        assert ("the database needs an upgrade: ask the administrator to run "
                "`yulin --db URL upgrade`") in result.stderr
        assert_refused(run("--db", clerk_url, "upgrade"), 2)
        doctor = run("--db", admin_url, "doctor", "--json")
        assert doctor.exit_code == 1 and doctor.json["upgrade_needed"] is True
        assert query(admin_url, "SELECT version_num FROM alembic_version") == [("0006",)]
        assert row_counts_url(admin_url) == before
        assert ok_json("--db", admin_url, "upgrade")["after"] == dbmod.SCHEMA_HEAD
        assert ok_json("--db", admin_url, "doctor")["ok"] is True
        assert ok_json("--db", admin_url, "upgrade")["upgraded"] is False
    finally:
        server.drop(database)
        server.execute(f"DROP ROLE IF EXISTS {clerk}")
        server.execute(f"DROP ROLE IF EXISTS {admin}")


def test_readme_team_setup_is_this_sequence():
    section = README.read_text(encoding="utf-8").split("## Team setup", 1)[1].split("\n## ")[0]
    for step in ("CREATE ROLE yulin_admin LOGIN CREATEROLE", "OWNER yulin_admin",
                 'copy --to "$ADMIN_DB"', '"$ADMIN_DB" team setup', "YULIN_PASSWORD",
                 '"$ADMIN_DB" team login', '"$ADMIN_DB" upgrade', '"$ADMIN_DB" doctor',
                 *FORBIDDEN_SQL[:1], "UPDATE staff SET roles", "UPDATE alembic_version"):
        assert step in section, step


# --- copy ---------------------------------------------------------------------------------------


def _compare(source: str, target: str) -> None:
    src = row_counts(source) if "://" not in source else row_counts_url(source)
    dst = row_counts(target) if "://" not in target else row_counts_url(target)
    assert src == dst and src["prospect"] >= 30
    for sql in ("SELECT id, company, sourced_by_id, duplicate_of, merged_into FROM prospect"
                " ORDER BY id", "SELECT id, staff_id, delta, rule FROM points_entry ORDER BY id",
                "SELECT id, visit_id, flag FROM visit_flag ORDER BY id",
                "SELECT name, roles FROM staff ORDER BY id"):
        assert query(source, sql) == query(target, sql)


@pytest.fixture(params=["sqlite", "postgres"])
def empty_target(request, pg_server, tmp_path) -> Iterator[str]:
    """An empty database to copy into: a new SQLite file, or a new database on the server."""
    if request.param == "sqlite":
        yield str(tmp_path / "target.db")
        return
    server = _pg_or_skip(pg_server)
    name = server.create(empty=True)
    try:
        yield server.url_for(name)
    finally:
        server.drop(name)


def test_copy_round_trip_keeps_every_row(empty_target, tmp_path):
    laptop = tmp_path / "laptop.db"
    ok("--db", str(laptop), "demo", "--json")
    ok("--db", str(laptop), "merge", "1", "2", "--by", "赵敏", "--force", "--yes")  # a row
    # naming a later one
    target = empty_target
    copied = ok_json("--db", str(laptop), "copy", "--to", target)
    assert {c["table"]: c["rows"] for c in copied["tables"]} == {
        t: n for t, n in row_counts(laptop).items() if t != "alembic_version"}
    _compare(str(laptop), target)
    # Ids go on after the copied ones, and the copy works as a database of its own.
    pid = ok_json("--db", target, "add-prospect", "--company", "苏州复制后新增有限公司",
                  "--city", "苏州", "--sourced-by", "李娜")["id"]
    assert pid == query(str(laptop), "SELECT MAX(id) FROM prospect")[0][0] + 1
    back = tmp_path / "back.db"
    ok("--db", target, "copy", "--to", str(back))
    assert back.stat().st_mode & 0o777 == 0o600
    assert row_counts(back)["prospect"] == row_counts(laptop)["prospect"] + 1
    # A database that is not empty is refused, untouched.
    before = row_counts(back)
    code, error = json_error("--db", str(laptop), "copy", "--to", str(back))
    assert (code, error["code"]) == (1, "copy.not_empty") and row_counts(back) == before


def test_a_copy_that_would_differ_is_rolled_back(empty_target, tmp_path, monkeypatch):
    from yulin_cli.admin import copying

    laptop = tmp_path / "laptop.db"
    ok("--db", str(laptop), "demo", "--json")
    real = copying._copy_table

    def lossy(source, conn, table, advance):
        if table.name == "notice":
            return  # a table that loses its rows on the way
        real(source, conn, table, advance)

    monkeypatch.setattr(copying, "_copy_table", lossy)
    target = empty_target
    code, error = json_error("--db", str(laptop), "copy", "--to", target)
    assert (code, error["code"]) == (1, "copy.count_differs") and "notice" in error["message"]  # the table
    if "://" not in target:
        assert not Path(target).exists()
    else:
        assert row_counts_url(target) == {}


# --- no secret in any message -------------------------------------------------------------------

SECRET, SECRET2 = "s3cr3t-Pa55", "qu3ry-Pa55"


def _no_secret(result, *secrets: str) -> None:
    assert "Traceback" not in result.stderr
    for text in (result.stdout, result.stderr):
        for secret in secrets:
            assert secret not in text, text


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_secrets_never_shown_when_the_server_is_unreachable(json_flag):
    pytest.importorskip("psycopg")
    for url in (f"postgresql+psycopg://someone:{SECRET}@127.0.0.1:1/none?password={SECRET2}",
                f"postgresql+psycopg://someone@127.0.0.1:1/none?password={SECRET2}&sslmode=disable"):
        result = run("--db", url, "staff", "list", *json_flag)
        assert result.exit_code == 2
        _no_secret(result, SECRET, SECRET2)
        if json_flag:
            assert result.json["error"]["code"] == "db.unreachable"
    for url in (f"postgresql+nosuchdriver://u:{SECRET}@h/d",
                f"postgresql+psycopg://u:{SECRET}@h/d?password={SECRET2}&nosuchoption=1"):
        result = run("--db", url, "staff", "list", *json_flag)
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
        if json_flag:
            assert result.json["error"]["code"] == "db.bad_url"
        _no_secret(result, SECRET, SECRET2)


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_secrets_never_shown_by_the_server_paths(pg_server, json_flag, tmp_path):
    server = _passwords_or_skip(pg_server)
    name = server.create(empty=True)
    try:
        # Authentication failure: a wrong password, in the user part and in the query string.
        wrong = _url(server, server.url.username, SECRET, name)
        for url in (wrong, wrong.replace(f":{SECRET}@", "@") + f"?password={SECRET2}"):
            result = run("--db", url, "staff", "list", *json_flag)
            assert result.exit_code == 2
            if json_flag:
                assert result.json["error"]["code"] == "db.bad_password"
            _no_secret(result, SECRET, SECRET2)
        good = server.url_for(name)
        password = server.url.password
        # Doctor on a database needing an upgrade, and the upgrade itself failing.
        result = run("--db", good, "doctor", *json_flag)
        assert result.exit_code == 1
        _no_secret(result, password)
        dbmod.upgrade(good, "0006")
        query(good, "ALTER TABLE center ADD COLUMN recorded_by_login VARCHAR(63)")
        result = run("--db", good, "upgrade", *json_flag)
        assert result.exit_code == 2
        if json_flag:
            assert result.json["error"]["code"] == "db.upgrade_failed"
        _no_secret(result, password)
        # The same through ?password= in the query string.
        query_url = good.replace(f":{password}@", "@") + f"?password={password}"
        result = run("--db", query_url, "staff", "list", *json_flag)
        assert result.exit_code == 2
        _no_secret(result, password)
    finally:
        server.drop(name)


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_secrets_never_shown_when_the_server_refuses(team_db, json_flag):
    password = team_db.urls["lina"].split(":")[2].split("@")[0]
    result = team_db.as_("lina", "center", "add", "假中心", "--city", "苏州", *json_flag)
    assert result.exit_code == 1
    if json_flag:
        assert result.json["error"]["code"] == "db.denied"
    _no_secret(result, password)


# --- a lost connection --------------------------------------------------------------------------


def test_a_lost_connection_is_one_line(pg_server, tmp_path):
    """The server ends the import's connection half-way: one line, no library warning."""
    server = _pg_or_skip(pg_server)
    target = server.url_for(server.create())
    try:
        ok("--db", target, "center", "add", "苏州育林中心", "--city", "苏州")
        ok("--db", target, "staff", "add", "李娜", "--center", "苏州育林中心", "--role",
           "prospector")
        path = tmp_path / "big.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["company", "city", "sourced_by", "employees", "pcs"])
            for i in range(4000):
                writer.writerow([f"苏州断线测试{i:05d}号公司", "苏州", "李娜", 150, 40])
        marker = tmp_path / "paused"
        env = {**os.environ, "YULIN_DB": target, "YULIN_LANG": "en",
               "YULIN_TEST_PAUSE": "import-batch", "YULIN_TEST_PAUSE_FILE": str(marker)}
        proc = subprocess.Popen([sys.executable, "-m", "yulin_cli", "import", str(path)],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        while not marker.exists():
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.02)
        database = target.rsplit("/", 1)[1]
        server.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                       f" WHERE datname = '{database}' AND application_name = 'yulin'")
        marker.unlink()
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 2, (out, err)
        assert err.strip().splitlines() == [err.strip()], err
        assert "lost the connection" in err and "Warning" not in err
        assert query(target, "SELECT COUNT(*) FROM prospect") == [(0,)]
    finally:
        server.drop(target.rsplit("/", 1)[1])


def test_team_login_checks_what_it_is_given(team_db, monkeypatch):
    admin = team_db.urls["admin"]
    monkeypatch.setenv("YULIN_PASSWORD", "short")
    assert_refused(run("--db", admin, "team", "login", "newbie", "--staff", "刘洋"), 2)
    monkeypatch.setenv("YULIN_PASSWORD", "long-enough-1")
    for bad in ("Lina", "1lina", "li-na", "x" * 64, "lina; DROP TABLE staff"):
        assert_refused(run("--db", admin, "team", "login", bad, "--staff", "刘洋"), 2)
    assert_refused(run("--db", admin, "team", "login", "newbie", "--staff", "没这人"), 2)
    code, error = json_error("--db", admin, "team", "login", team_db.logins["lina"], "--staff", "刘洋")
    assert (code, error["code"]) == (1, "login.taken") and "李娜" in error["message"]  # whose it is
    assert_refused(run("--db", admin, "team", "login", team_db.admin, "--staff", "刘洋"), 1)
    # Staff may not give logins at all (no CREATEROLE): the server refuses.
    assert_refused(run("--db", team_db.urls["lina"], "team", "login", "newbie", "--staff",
                       "刘洋"), 1)


def test_a_new_login_retires_the_old_one(team_db, monkeypatch):
    import psycopg

    tag = team_db.admin.split("_")[1]
    fresh = f"zhangwei2_{tag}"
    team_db.logins["zhangwei2"] = fresh  # dropped with the others at the end, whatever happens
    monkeypatch.setenv("YULIN_PASSWORD", f"pw-new-{tag}")
    mapped = ok_json("--db", team_db.urls["admin"], "team", "login", fresh, "--staff", "张伟")
    assert mapped == {"login": fresh, "staff": "张伟", "group": "yulin_staff", "created": True}
    team_db.urls["zhangwei2"] = _url(team_db.server, fresh, f"pw-new-{tag}", team_db.database)
    doctor = ok_json("--db", team_db.urls["zhangwei2"], "doctor")
    assert {c["check"]: c["detail"] for c in doctor["checks"]}["login"] == f"{fresh} → 张伟"
    with pytest.raises(psycopg.OperationalError):
        team_db.sql("zhangwei", "SELECT 1")  # the old login may no longer connect
    # From here on 张伟 works under the new login (the old one is still dropped at the end).
    team_db.logins["zhangwei_old"] = team_db.logins["zhangwei"]
    team_db.logins["zhangwei"] = fresh
    team_db.urls["zhangwei"] = team_db.urls["zhangwei2"]


def test_a_staff_day_works_under_its_logins(team_db, tmp_path):
    """The everyday workflow as the staff's own logins: import, verify, update, red sea, plan,
    log, direct sales; every row carries the login that wrote it."""
    lina, zhangwei = team_db.urls["lina"], team_db.urls["zhangwei"]
    sheet = tmp_path / "found.csv"
    sheet.write_text("公司名称,城市,开拓人,员工人数,电脑台数,区县,发现日期\n"
                     "苏州导入一号有限公司,苏州,李娜,300,90,吴中区,2026-10-15\n"
                     "苏州导入二号有限公司,苏州,李娜,120,35,吴中区,2026-10-15\n",
                     encoding="utf-8")
    assert ok_json("--db", lina, "import", str(sheet))["imported"] == 2
    pid = max(r["id"] for r in ok_json("--db", lina, "list"))
    rounds = tmp_path / "rounds.csv"
    rounds.write_text(f"客户编号,身份,结果,确认地址,核实规模,日期\n"
                      f"{pid},buyer,confirmed,是,否,2026-10-16\n"
                      f"{pid},applicant,confirmed,否,是,2026-10-16\n", encoding="utf-8")
    ok("--db", lina, "update-prospect", str(pid), "--address", "吴中大道 1 号",
       "--contact-surname", "周", "--date", "2026-10-16")
    imported = run("--db", lina, "import", str(rounds), "--kind", "rounds", "--json")
    assert imported.exit_code == 0, imported.stdout
    assert imported.json["imported"] == 2
    others = tmp_path / "others.csv"
    others.write_text(f"客户编号,复核人,身份,结果,日期\n{pid},王强,buyer,confirmed,2026-10-16\n",
                      encoding="utf-8")
    result = run("--db", lina, "import", str(others), "--kind", "rounds", "--json")
    assert result.exit_code != 0 and "only a manager's login" in result.stdout
    ok("--db", lina, "redsea", str(pid), "--cold")
    ok("--db", lina, "redsea", str(pid), "--clear")
    ok("--db", zhangwei, "plan-visit", str(pid), "--visitor", "张伟", "--date", "2026-10-19")
    ok("--db", zhangwei, "log-visit", str(pid), "--outcome", "met", "--items",
       "1-5,2-2,2-3,2-4,2-5,2-8,2-9", "--landline-number", "0512-66001234", "--email-address",
       "it@daoru.cn", "--landline", "--email", "--date", "2026-10-19")
    page = ok_json("--db", lina, "show", str(pid))
    assert page["planned_visits"][-1]["visit_id"] == page["visits"][-1]["id"]
    assert page["visits"][-1]["recorded_by_login"] == team_db.logins["zhangwei"]
    assert {r["recorded_by_login"] for r in page["rounds"]} == {team_db.logins["lina"]}
    project = ok_json("--db", lina, "direct-sales", "add", "--company", "南京测试科技有限公司",
                      "--city", "南京", "--contact", "周明")
    assert project["id"] > 0


def test_team_login_asks_for_the_password(team_db):
    """Without YULIN_PASSWORD the password is typed twice at a prompt, never echoed."""
    import psycopg
    from typer.testing import CliRunner

    from yulin_cli.app import app_for

    login = f"liuyang_{team_db.admin.split('_')[1]}"
    team_db.logins["liuyang"] = login  # dropped with the others
    argv = ["--db", team_db.urls["admin"], "--lang", "en", "team", "login", login,
            "--staff", "刘洋"]
    result = CliRunner().invoke(app_for(argv), argv, input="typed-pass-1\ntyped-pass-1\n")
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert "typed-pass-1" not in result.stdout + result.stderr
    url = _url(team_db.server, login, "typed-pass-1", team_db.database)
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        assert conn.execute("SELECT current_user").fetchone() == (login,)
    mismatch = CliRunner().invoke(app_for(argv), argv, input="typed-pass-1\nother-pass\n\n\n")
    assert mismatch.exit_code != 0


def test_team_setup_runs_again_unchanged(team_db):
    first = ok_json("--db", team_db.urls["admin"], "team", "setup")
    again = ok_json("--db", team_db.urls["admin"], "team", "setup")
    assert first == again and again["roles_created"] == []
    assert {m["login"] for m in again["logins"]} >= {team_db.logins["lina"],
                                                     team_db.logins["zhaomin"]}
    groups = {m["login"]: m["group"] for m in again["logins"]}
    assert groups[team_db.logins["zhaomin"]] == "yulin_managers"
    assert groups[team_db.logins["lina"]] == "yulin_staff"
    # Only the administrator may run it.
    assert_refused(team_db.as_("zhaomin", "team", "setup"), 1)


def test_a_staff_login_voids_its_own_visit_and_nothing_else(team_db):
    """A visit under inspection is voided by a manager only, even its own visitor is refused;
    the void gives back its entries and notices exactly and closes its open question, and a
    staff login can never settle it, nor give an entry back twice by hand."""
    import psycopg

    pid = ok_json("--db", team_db.urls["lina"], "add-prospect", "--company", "苏州作废测试有限公司",
                  "--city", "苏州", "--employees", "150", "--pcs", "40",
                  "--found-on", "2026-10-01")["id"]
    logged = ok_json("--db", team_db.urls["zhangwei"], "log-visit", str(pid), "--outcome",
                     "substandard")
    visit = str(logged["visit_id"])
    # An open inspection of one's own visit: still only a manager settles it.
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team_db.sql("zhangwei", "UPDATE inspection SET status = 'overturned' WHERE visit_id ="
                    " %(v)s", v=logged["visit_id"])
    # Someone else may not void it (the CLI says so; the server changes nothing either), nor,
    # now that it is under inspection, its own visitor: only a manager (RULES.md).
    _forbidden(team_db, "lina", "void", "visit", visit, "--reason", "不是我的")
    _forbidden(team_db, "zhangwei", "void", "visit", visit, "--reason", "记错了客户")
    voided = ok_json("--db", team_db.urls["zhaomin"], "void", "visit", visit, "--reason",
                     "记错了客户")
    assert [g["delta"] for g in voided["points"]] == [5] and voided["notices"] == 1
    assert voided["inspection_closed"] is True
    assert ok_json("--db", team_db.urls["zhaomin"], "points", "李娜")["total"] == 0
    # By hand, a second give-back of the same entry is one too many.
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        team_db.sql("zhangwei", "INSERT INTO points_entry (staff_id, day, delta, rule,"
                    " prospect_id, visit_id, by_id, reverses_id) SELECT staff_id, day, -delta,"
                    " 'void', prospect_id, visit_id, (SELECT id FROM staff WHERE name = '张伟'),"
                    " id FROM points_entry WHERE visit_id = %(v)s AND rule = 'substandard'",
                    v=logged["visit_id"])


def test_a_staff_login_logs_visits_with_photos_and_their_flags(team_db, tmp_path):
    """Photos are recorded under the visitor's login; a reused photo opens an inspection of a
    visit that was not substandard, which the server allows for one's own visit."""
    from test_proof import jpeg

    door = jpeg(tmp_path / "door.jpg")
    first, second = (ok_json("--db", team_db.urls["lina"], "add-prospect", "--company", name,
                             "--city", "苏州", "--employees", "150", "--pcs", "40",
                             "--found-on", "2026-10-01")["id"]
                     for name in ("苏州照片甲有限公司", "苏州照片乙有限公司"))
    ok("--db", team_db.urls["zhangwei"], "log-visit", str(first), "--outcome", "met",
       "--photo", door, "--date", "2026-10-19")
    again = ok_json("--db", team_db.urls["zhangwei"], "log-visit", str(second), "--outcome",
                    "met", "--photo", door, "--date", "2026-10-19")
    assert "photo-reused" in again["flags"]
    shown = ok_json("--db", team_db.urls["zhaomin"], "show", str(second))
    assert shown["visits"][0]["recorded_by_login"] == team_db.logins["zhangwei"]
