"""The eleven ways staff logins got around team mode in the second release (issue "Team mode
that holds against a staff login with psql"), each tried again the way the attacker did it:
plain SQL typed in psql as that staff login, or the CLI. Each must be refused now, with
nothing written, while the honest path next to it still works.

Like ``test_teammode.py`` these need a server that checks passwords (``.ci/run`` starts one).
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

import test_teammode
from conftest import assert_refused, json_error, ok, ok_json, run
from test_teammode import PEOPLE, Team, _forbidden, _url

team_db = test_teammode.team_db  # the team database of README's setup, one for this module

pytestmark = pytest.mark.once
psycopg = pytest.importorskip("psycopg")
REFUSED = psycopg.errors.InsufficientPrivilege
README = Path(__file__).parents[1] / "README.md"


def _connect(team: Team, person: str):
    return psycopg.connect(team.urls[person].replace("postgresql+psycopg://", "postgresql://"))


def attempt(team: Team, person: str, *statements: str, **params: Any) -> list[tuple[Any, ...]]:
    """Statements typed in psql as a person's login, in one transaction that is rolled back
    (nothing is kept even when the server lets it through); the last statement's rows."""
    with _connect(team, person) as conn:
        try:
            rows: list[tuple[Any, ...]] = []
            for statement in statements:
                cursor = conn.execute(statement, params or None)
                rows = cursor.fetchall() if cursor.description else []
            return rows
        finally:
            conn.rollback()


def refused(team: Team, person: str, *statements: str, **params) -> None:
    with pytest.raises(REFUSED):
        attempt(team, person, *statements, **params)


def staff_id(team: Team, name: str) -> int:
    found: int = attempt(team, "admin", "SELECT id FROM staff WHERE name = %(n)s", n=name)[0][0]
    return found


def _prospect(team: Team, person: str, company: str, **extra: str) -> int:
    args = [f"--{k.replace('_', '-')}" if i % 2 == 0 else v
            for k, v in extra.items() for i in (0, 1)]
    pid: int = ok_json("--db", team.urls[person], "add-prospect", "--company", company, "--city",
                       "苏州", "--employees", "150", "--pcs", "40", *args)["id"]
    return pid


A_VISIT = ("INSERT INTO visit (prospect_id, staff_id, day, kind, outcome, items, contacts,"
           " effective, failing_checks, recorded_by_login) VALUES (%(p)s, yulin_me(),"
           " yulin_today(), %(kind)s, %(outcome)s, '', '', false, '', current_user)")
AN_ENTRY = ("INSERT INTO points_entry (staff_id, day, delta, rule, prospect_id, visit_id,"
            " derived_key, recorded_by_login) SELECT %(to)s, yulin_today(), {amount}, %(rule)s::text,"
            " %(p)s, currval('visit_id_seq'), 'visit' || chr(58) || currval('visit_id_seq')"
            " || chr(58) || %(rule)s::text, current_user")


# --- 1. points of any amount ----------------------------------------------------------------


def test_1_a_sweep_rewarded_with_any_amount_is_refused(team_db):
    pid = _prospect(team_db, "lina", "苏州扫街奖励测试有限公司")
    me = staff_id(team_db, "张伟")
    refused(team_db, "zhangwei", A_VISIT, AN_ENTRY.format(amount=1000), p=pid, kind="sweep",
            outcome="met", to=me, rule="sweep")
    # Not even the policy's own amount: this sweep had no plan before it and no survey.
    refused(team_db, "zhangwei", A_VISIT,
            AN_ENTRY.format(amount="(yulin_policy(yulin_today()) -> 'points' ->> 'sweep')::int"),
            p=pid, kind="sweep", outcome="met", to=me, rule="sweep")


def test_1_a_colleague_charged_any_amount_is_refused(team_db):
    lina, wangqiang = staff_id(team_db, "李娜"), staff_id(team_db, "王强")
    pid = _prospect(team_db, "lina", "苏州罚分测试有限公司")
    # The finder of 王强's prospect moved to 李娜 by hand, or by a made-up history: refused.
    theirs = attempt(team_db, "admin", "SELECT id FROM prospect WHERE sourced_by_id = %(w)s"
                     " ORDER BY id LIMIT 1", w=wangqiang)[0][0]
    refused(team_db, "zhangwei", "UPDATE prospect SET sourced_by_id = %(l)s WHERE id = %(p)s",
            l=lina, p=theirs)
    refused(team_db, "zhangwei", "INSERT INTO prospect_change (prospect_id, field, old_value,"
            " new_value, day, at, recorded_by_login) VALUES (%(p)s, 'sourced_by_id', %(l)s,"
            " %(w)s, '2099-01-01', '2099-01-01T00:00:00', current_user)",
            p=theirs, l=str(lina), w=str(wangqiang))
    assert_refused(team_db.as_("zhangwei", "update-prospect", str(theirs), "--sourced-by",
                               "李娜"), 1)
    # A substandard visit charged -1000 to its finder: refused; the policy's amount is what the
    # rules give, and is let through (rolled back here all the same).
    refused(team_db, "zhangwei", A_VISIT, AN_ENTRY.format(amount=-1000), p=pid, kind="planned",
            outcome="substandard", to=lina, rule="substandard")
    exact = "(yulin_policy(yulin_today()) -> 'points' ->> 'substandard')::int"
    attempt(team_db, "zhangwei", A_VISIT, AN_ENTRY.format(amount=exact), p=pid, kind="planned",
            outcome="substandard", to=lina, rule="substandard")
    # Charged to someone else than its finder, even with the right amount: refused.
    refused(team_db, "zhangwei", A_VISIT, AN_ENTRY.format(amount=exact), p=pid, kind="planned",
            outcome="substandard", to=wangqiang, rule="substandard")
    assert ok_json("--db", team_db.urls["zhaomin"], "points", "李娜")["total"] == ok_json(
        "--db", team_db.urls["admin"], "points", "李娜")["total"]


# --- 2 and 3. logins that are not a person's ---------------------------------------------------


def test_2_a_group_role_never_becomes_a_login(team_db, monkeypatch):
    monkeypatch.setenv("YULIN_PASSWORD", "long-enough-pw-1")
    for group in ("yulin_managers", "yulin_staff"):
        code, error = json_error("--db", team_db.urls["admin"], "team", "login", group,
                                 "--staff", "陈静")
        assert (code, error["code"]) == (1, "login.group")
    assert attempt(team_db, "admin", "SELECT bool_or(rolcanlogin) FROM pg_roles WHERE rolname"
                   " IN ('yulin_managers', 'yulin_staff')") == [(False,)]
    again = run("--db", team_db.urls["admin"], "team", "setup")
    assert again.exit_code == 0 and "Traceback" not in again.stderr


def test_3_another_teams_login_is_not_taken_over(team_db, monkeypatch):
    other = f"wangli_{uuid.uuid4().hex[:8]}"
    team_db.server.execute(f"CREATE ROLE {other} LOGIN PASSWORD 'their-own-pw'")
    try:
        monkeypatch.setenv("YULIN_PASSWORD", "taken-over-pw-1")
        code, error = json_error("--db", team_db.urls["admin"], "team", "login", other,
                                 "--staff", "刘洋")
        assert (code, error["code"]) == (1, "login.foreign")
        # Its password is what its own team gave it.
        url = _url(team_db.server, other, "their-own-pw", "postgres")
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
            assert conn.execute("SELECT current_user").fetchone() == (other,)
        logins = ok_json("--db", team_db.urls["admin"], "team", "logins")
        assert other not in {row["login"] for row in logins}
        assert {row["staff"] for row in logins} >= set(PEOPLE.values())
    finally:
        team_db.server.execute(f"DROP ROLE IF EXISTS {other}")


# --- 4. rewriting others' prospects -------------------------------------------------------------


def test_4_a_staff_login_changes_only_what_it_may_and_says_who(team_db):
    wangqiang = staff_id(team_db, "王强")
    theirs = attempt(team_db, "admin", "SELECT id FROM prospect WHERE sourced_by_id = %(w)s"
                     " ORDER BY id", w=wangqiang)
    ids = [r[0] for r in theirs]
    for statement in ("UPDATE prospect SET employees = 5 WHERE sourced_by_id = %(w)s",
                      "UPDATE prospect SET address = '别处' WHERE sourced_by_id = %(w)s",
                      "UPDATE prospect SET duplicate_of = %(first)s WHERE id = %(last)s",
                      "UPDATE prospect SET merged_into = %(first)s WHERE id = %(last)s"):
        refused(team_db, "lina", statement, w=wangqiang, first=ids[0], last=ids[-1])
    _forbidden(team_db, "lina", "update-prospect", str(ids[0]), "--sourced-by", "李娜")
    _forbidden(team_db, "lina", "update-prospect", str(ids[0]), "--address", "别处")
    # Her own prospect: changed, and its history names the day, the person and the login.
    own = _prospect(team_db, "lina", "苏州改动记录测试有限公司")
    ok("--db", team_db.urls["lina"], "update-prospect", str(own), "--employees", "300")
    history = ok_json("--db", team_db.urls["zhaomin"], "show", str(own), "--history")["history"]
    assert [(h["field"], h["old"], h["new"], h["by"], h["recorded_by_login"])
            for h in history] == [("employees", 150, 300, "李娜", team_db.logins["lina"])]
    shown = run("--db", team_db.urls["zhaomin"], "--lang", "en", "show", str(own), "--history")
    assert team_db.logins["lina"] in shown.stdout
    # The history alone, written by hand, must start from what the prospect holds.
    refused(team_db, "lina", "INSERT INTO prospect_change (prospect_id, field, old_value,"
            " new_value, day, at, by_id, recorded_by_login) VALUES (%(p)s, 'employees', '9',"
            " '300', '2026-10-01', '2026-10-01T00:00:00', yulin_me(), current_user)", p=own)


# --- 5. a demoted manager -----------------------------------------------------------------------


def test_5_a_demoted_manager_loses_his_rights_at_once(team_db):
    admin = team_db.urls["admin"]
    ok("--db", admin, "staff", "update", "赵敏", "--role", "visitor")
    try:
        _forbidden(team_db, "zhaomin", "adjust-points", "李娜", "5", "--reason", "still a boss?")
        refused(team_db, "zhaomin", "UPDATE staff SET roles = 'manager,visitor'"
                " WHERE login = current_user")
        refused(team_db, "zhaomin", "INSERT INTO points_entry (staff_id, day, delta, rule,"
                " by_id, reason, recorded_by_login) VALUES (yulin_me(), yulin_today(), 5,"
                " 'adjustment', yulin_me(), 'x', current_user)")
    finally:
        ok("--db", admin, "staff", "update", "赵敏", "--role", "manager", "--role", "visitor")
    # Restored by the administrator, the rights come back with the row, no `team setup` needed.
    attempt(team_db, "zhaomin", "UPDATE staff SET industries = industries WHERE name = '赵敏'")


# --- 6. forged inspections and voids ------------------------------------------------------------


def test_6_a_visitor_cannot_close_void_or_unvoid_by_hand(team_db):
    zhaomin = staff_id(team_db, "赵敏")
    pid = _prospect(team_db, "lina", "苏州伪造作废测试有限公司")
    inspected = ok_json("--db", team_db.urls["zhangwei"], "log-visit", str(pid), "--outcome",
                        "substandard")["visit_id"]
    refused(team_db, "zhangwei", "UPDATE inspection SET status = 'voided' WHERE visit_id = %(v)s",
            v=inspected)
    refused(team_db, "zhangwei", "DELETE FROM inspection WHERE visit_id = %(v)s", v=inspected)
    refused(team_db, "zhangwei", "UPDATE visit SET voided_at = '2026-12-01T09:00:00',"
            " voided_by_id = %(m)s, void_reason = '经理作废' WHERE id = %(v)s", m=zhaomin,
            v=inspected)
    # A manager's void stands: its visitor cannot undo it, nor rename who voided it.
    other = _prospect(team_db, "lina", "苏州撤销作废测试有限公司")
    visit = ok_json("--db", team_db.urls["zhangwei"], "log-visit", str(other), "--outcome",
                    "met")["visit_id"]
    ok("--db", team_db.urls["zhaomin"], "void", "visit", str(visit), "--reason", "重复录入")
    for statement in ("UPDATE visit SET voided_at = NULL, voided_by_id = NULL,"
                      " void_reason = NULL WHERE id = %(v)s",
                      "UPDATE visit SET voided_by_id = yulin_me() WHERE id = %(v)s"):
        refused(team_db, "zhangwei", statement, v=visit)
    page = ok_json("--db", team_db.urls["lina"], "show", str(other))
    assert page["visits"][0]["voided"] is not None


# --- 7. a void the server skipped ---------------------------------------------------------------


def test_7_copied_rows_belong_to_the_owner_and_a_void_is_written_or_refused(team_db):
    copied = attempt(team_db, "admin", "SELECT v.id, v.recorded_by_login FROM visit v JOIN"
                     " planned_visit p ON p.visit_id = v.id WHERE v.staff_id = %(z)s"
                     " AND v.voided_at IS NULL ORDER BY v.id LIMIT 1",
                     z=staff_id(team_db, "张伟"))
    visit, login = copied[0]
    assert login == team_db.admin  # copy attributes its rows to the copying owner
    # Its visitor may not void a row he did not record today: refused, plan untouched.
    _forbidden(team_db, "zhangwei", "void", "visit", str(visit), "--reason", "不是今天录的")
    assert attempt(team_db, "admin", "SELECT COUNT(*) FROM planned_visit WHERE visit_id ="
                   " %(v)s", v=visit) == [(1,)]
    # A manager may: the row really is voided, and the plan reopens with it.
    ok("--db", team_db.urls["zhaomin"], "void", "visit", str(visit), "--reason", "核对后作废")
    assert attempt(team_db, "admin", "SELECT voided_by_id IS NOT NULL FROM visit WHERE id ="
                   " %(v)s", v=visit) == [(True,)]
    assert attempt(team_db, "admin", "SELECT COUNT(*) FROM planned_visit WHERE visit_id ="
                   " %(v)s", v=visit) == [(0,)]


# --- 8. sequences and locks ---------------------------------------------------------------------


def test_8_sequences_move_only_forward_and_a_held_lock_fails_fast(team_db):
    refused(team_db, "lina", "SELECT setval('prospect_id_seq', 1)")
    refused(team_db, "lina", "LOCK TABLE redsea_signal")
    refused(team_db, "lina", "LOCK TABLE prospect IN EXCLUSIVE MODE")
    # The team's timeouts are on every login, whichever client connects.
    assert attempt(team_db, "lina", "SELECT current_setting('lock_timeout'),"
                   " current_setting('statement_timeout'),"
                   " current_setting('idle_in_transaction_session_timeout')") == [
        ("5s", "1min", "1min")]
    pid = _prospect(team_db, "lina", "苏州锁表测试有限公司")
    # A lock another session holds (an advisory lock, a table lock): the command fails within
    # the lock timeout with one line and exit 2, never hangs.
    holders = [("SELECT pg_advisory_lock(7337000)", ("redsea", str(pid), "--cold")),
               ("LOCK TABLE points_entry", ("points", "李娜")),
               ("LOCK TABLE redsea_signal", ("check-visit", str(pid)))]
    for statement, command in holders:
        with _connect(team_db, "admin" if "LOCK" in statement else "lina") as holder:
            holder.execute(statement)
            started = time.monotonic()
            proc = subprocess.run([sys.executable, "-m", "yulin_cli", "--db",
                                   team_db.urls["zhangwei"], "--lang", "en", *command, "--json"],
                                  capture_output=True, text=True, timeout=300)
            waited = time.monotonic() - started
            holder.rollback()
        assert proc.returncode == 2, (command, proc.stdout, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
        assert json.loads(proc.stdout)["error"]["code"] == "db.locked", proc.stdout
        assert waited < 300  # bounded by the server's lock timeout, not by this test


# --- 9. what the CLI refuses, by hand -----------------------------------------------------------


def test_9_the_server_refuses_what_the_cli_refuses(team_db):
    admin = team_db.urls["admin"]
    ok("--db", admin, "center", "add", "杭州育林中心", "--city", "杭州")
    ok("--db", admin, "staff", "add", "周杰", "--center", "杭州育林中心", "--role", "prospector")
    far = ok_json("--db", admin, "add-prospect", "--company", "杭州别家中心有限公司", "--city",
                  "杭州", "--sourced-by", "周杰", "--employees", "150", "--pcs", "40")["id"]
    _forbidden(team_db, "zhangwei", "log-visit", str(far), "--outcome", "met")
    refused(team_db, "zhangwei", A_VISIT, p=far, kind="planned", outcome="met")
    # Verification rounds are a prospector's (or the finder's), not a visitor's.
    near = _prospect(team_db, "lina", "苏州核实测试有限公司")
    _forbidden(team_db, "zhangwei", "verify", str(near), "--pretext", "buyer", "--result",
               "confirmed")
    refused(team_db, "zhangwei", "INSERT INTO verification_round (prospect_id, staff_id,"
            " round_no, pretext, result, address_confirmed, scale_checked, day,"
            " recorded_by_login) VALUES (%(p)s, yulin_me(), 9, 'buyer', 'confirmed', true, true,"
            " yulin_today(), current_user)", p=near)
    # Red-sea signals are withdrawn, never deleted.
    ok("--db", team_db.urls["lina"], "redsea", str(near), "--cold")
    refused(team_db, "lina", "DELETE FROM redsea_signal WHERE prospect_id = %(p)s", p=near)
    refused(team_db, "lina", "UPDATE redsea_signal SET cleared_on = yulin_today(),"
            " cleared_by_id = (SELECT id FROM staff WHERE name = '赵敏')"
            " WHERE prospect_id = %(p)s", p=near)
    # Settling a direct-sales project is a manager's act.
    project = ok_json("--db", team_db.urls["lina"], "direct-sales", "add", "--company",
                      "南京直销结算测试有限公司", "--city", "南京", "--contact", "周明")["id"]
    _forbidden(team_db, "lina", "direct-sales", "settle", str(project), "--outcome", "cooperate")
    refused(team_db, "lina", "UPDATE direct_sales_project SET status = 'cooperate'"
            " WHERE id = %(d)s", d=project)
    # Anyone's plan reopened by hand: refused (a plan reopens when its visit is voided).
    refused(team_db, "zhangwei", "UPDATE planned_visit SET visit_id = NULL"
            " WHERE visit_id IS NOT NULL")


# --- 10. secrets --------------------------------------------------------------------------------


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_10_no_secret_in_any_form_a_url_carries_it(json_flag, tmp_path):
    passfile = tmp_path / "pgpass"
    passfile.write_text("127.0.0.1:1:*:someone:pa55-in-a-file\n", encoding="utf-8")
    passfile.chmod(0o600)
    for url, secret in (
            ("postgresql+psycopg://someone@127.0.0.1:1/none?sslpassword=ssl-k3y-pa55"
             "&sslmode=disable", "ssl-k3y-pa55"),
            ("postgresql+psycopg://someone:pa@ss-w0rd@127.0.0.1:1/none", "ss-w0rd"),
            ("postgresql+psycopg://someone:pa@ss-w0rd@127.0.0.1:1/none", "pa@ss"),
            (f"postgresql+psycopg://someone@127.0.0.1:1/none?passfile={passfile}",
             "pa55-in-a-file")):
        result = run("--db", url, "--lang", "en", "staff", "list", *json_flag)
        assert result.exit_code == 2, (url, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert secret not in result.stdout + result.stderr, (url, result.stdout, result.stderr)
    raw = run("--db", "postgresql+psycopg://someone:pa@ss-w0rd@127.0.0.1:1/none", "--lang", "en",
              "staff", "list")
    assert "@" in raw.stderr and "%40" in raw.stderr  # says how to write it


def test_10_readme_never_puts_a_password_on_a_command_line():
    text = README.read_text(encoding="utf-8")
    for line in text.splitlines():
        assert not ("YULIN_PASSWORD=" in line and "yulin " in line), line
        assert "PGPASSWORD=" not in line, line


# --- 11. import workers -------------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table in /proc")
def test_11_a_killed_import_leaves_no_worker(team_db, tmp_path):
    from yulin_cli.data.importing import PARALLEL_FROM

    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["company", "city", "sourced_by", "employees", "pcs", "address"])
        i = 0
        while handle.tell() < PARALLEL_FROM + 100_000:
            writer.writerow([f"苏州杀进程测试{i:06d}号公司", "苏州", "李娜", 150, 40,
                             "苏州工业园区星湖街 328 号创意产业园 " + "某" * 20])
            i += 1
    marker = tmp_path / "paused"
    env = {**os.environ, "YULIN_LANG": "en", "YULIN_TEST_PAUSE": "import-batch",
           "YULIN_TEST_PAUSE_FILE": str(marker)}
    proc = subprocess.Popen([sys.executable, "-m", "yulin_cli", "--db", team_db.urls["lina"],
                             "import", str(path), "--force"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600
        while not marker.exists():
            assert proc.poll() is None, "the import ended before its pause point"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        workers = _children(proc.pid)
        assert workers, "the import validates a big file in worker processes"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 120
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]
    assert attempt(team_db, "admin", "SELECT COUNT(*) FROM prospect WHERE company LIKE"
                   " '苏州杀进程测试%%'") == [(0,)]


# --- doctor watches what the refusals rely on ---------------------------------------------------


def test_doctor_names_what_drifted_from_team_setup(team_db):
    admin = team_db.urls["admin"]
    assert {c["check"]: c["ok"] for c in ok_json("--db", admin, "doctor")["checks"]}["team"]
    drifts = [("ALTER TABLE visit DISABLE ROW LEVEL SECURITY", "rls:visit"),
              (f"GRANT UPDATE ON points_entry TO {team_db.logins['lina']}",
               f"grant:points_entry:{team_db.logins['lina']}:UPDATE"),
              ("GRANT UPDATE ON prospect_id_seq TO yulin_staff",
               "grant:prospect_id_seq:yulin_staff:UPDATE"),
              ("ALTER ROLE yulin_managers LOGIN", "login:yulin_managers"),
              (f"ALTER ROLE {team_db.logins['lina']} IN DATABASE \"{team_db.database}\""
               " RESET lock_timeout", f"timeouts:{team_db.logins['lina']}"),
              ("ALTER TABLE points_entry DISABLE TRIGGER yulin_guard", "trigger:points_entry")]
    for statement, named in drifts:
        with psycopg.connect(admin.replace("postgresql+psycopg://", "postgresql://"),
                             autocommit=True) as conn:
            if "ROLE yulin_managers" in statement:
                team_db.server.execute(statement)
            else:
                conn.execute(statement)
        result = run("--db", team_db.urls["zhaomin"], "doctor", "--json")
        assert result.exit_code == 1, (statement, result.stdout)
        team = {c["check"]: c for c in result.json["checks"]}["team"]
        assert team["ok"] is False and named in team["detail"], (named, team)
        words = run("--db", team_db.urls["zhaomin"], "--lang", "en", "doctor")
        assert "team setup" in words.stdout
        ok("--db", admin, "team", "setup")  # puts it back
    assert ok("--db", admin, "doctor").exit_code == 0


def test_readme_psql_session_is_what_the_server_says(team_db):
    """The refusals README shows in its psql session are the server's own words."""
    section = README.read_text(encoding="utf-8").split("## Team setup", 1)[1].split("\n## ")[0]
    lines = section.splitlines()
    shown = [(line.split("=> ", 1)[1], lines[i + 1].split("ERROR:", 1)[1].strip())
             for i, line in enumerate(lines) if line.startswith("yulin=> ")]
    assert len(shown) >= 4
    for statement, message in shown:
        with pytest.raises(psycopg.Error) as raised:
            attempt(team_db, "lina", statement)
        assert str(raised.value).splitlines()[0] == message, statement


def test_in_team_mode_the_server_says_what_day_it_is(team_db, monkeypatch):
    """A laptop's YULIN_TODAY (or clock) does not decide whose day it is on the team's server;
    a date the administrator pins for tests does, for the client and the guard alike."""
    server_today = attempt(team_db, "admin", "SELECT to_char(now() AT TIME ZONE"
                           " 'Asia/Shanghai', 'YYYY-MM-DD')")[0][0]
    monkeypatch.setenv("YULIN_TODAY", "2026-10-20")
    pid = _prospect(team_db, "lina", "苏州服务器日期测试有限公司")
    found = ok_json("--db", team_db.urls["lina"], "show", str(pid))["prospect"]["found_on"]
    assert found == server_today
    with psycopg.connect(team_db.urls["admin"].replace("postgresql+psycopg://", "postgresql://"),
                         autocommit=True) as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('pinned_today', '2026-10-21')")
        try:
            pid = _prospect(team_db, "lina", "苏州钉住日期测试有限公司")
            found = ok_json("--db", team_db.urls["lina"], "show", str(pid))["prospect"]
            assert found["found_on"] == "2026-10-21"
            assert attempt(team_db, "lina", "SELECT yulin_today()") == [("2026-10-21",)]
        finally:
            conn.execute("DELETE FROM meta WHERE key = 'pinned_today'")


def test_the_servers_district_key_is_the_rules_one(team_db):
    """The guard compares a sweep's district with the day's plans as ``rules.district_key``
    does (吴江区 = 吴江): the SQL restatement agrees with it on the table's every name and on
    made-up ones."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from yulin_cli import places, rules

    names = sorted({p.name for ps in places._by_key().values() for p in ps})
    rows = attempt(team_db, "admin", "SELECT d, yulin_district_key(d) FROM unnest(%(n)s::text[]) d",
                   n=names)
    assert len(rows) == len(names) and all(key == rules.district_key(d) for d, key in rows)

    @settings(max_examples=60, deadline=None)
    @given(st.text(alphabet="吴江区市县旗自治林特新 a", max_size=8))
    def agree(text):
        [(key,)] = attempt(team_db, "admin", "SELECT yulin_district_key(%(d)s)", d=text)
        assert key == rules.district_key(text)

    agree()


# --- 12. the likely duplicates kept for the evening ------------------------------------------------


def test_12_a_likely_pair_typed_in_psql_is_what_doctor_names(team_db):
    """Every writing command keeps likely pairs, so a staff login may insert and delete them;
    it may not change one, and a pair typed in by hand is listed by `doctor --recompute`."""
    a = _prospect(team_db, "lina", "苏州恒瑞精密仪表有限公司", contact_surname="周")
    b = _prospect(team_db, "lina", "苏州恒锐精密仪表有限公司", contact_surname="周")
    kept = attempt(team_db, "lina", "SELECT first_id, second_id, typo, facts FROM likely_pair"
                   " WHERE second_id = %(b)s", b=b)
    assert kept == [(a, b, "same-sound", "surname-scale")]
    refused(team_db, "lina", "UPDATE likely_pair SET typo = 'similar-name'")
    c = _prospect(team_db, "lina", "苏州天目仪表电子有限公司")
    false = {"a": a, "c": c}
    with _connect(team_db, "lina") as conn:  # committed: what a login can do by hand
        conn.execute("INSERT INTO likely_pair (first_id, second_id, typo, facts)"
                     " VALUES (%(a)s, %(c)s, 'similar-name', 'phone')", false)
    try:
        doc = run("--db", team_db.urls["admin"], "doctor", "--recompute", "--json")
        assert doc.exit_code == 1
        assert {"record": f"likely {a}-{c}", "what": "likely_pair",
                "stored": "similar-name:phone", "derived": None} in doc.json["differences"]
    finally:
        with _connect(team_db, "lina") as conn:
            conn.execute("DELETE FROM likely_pair WHERE first_id = %(a)s AND second_id = %(c)s",
                         false)
