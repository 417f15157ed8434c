"""One policy for the team, outcomes that always re-derive, and what-if (issue "One policy for
the team"), through the CLI on both backends: the three drifts the second release showed, the
policy kept in the database in versions, facts with history, and `policy simulate`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import ALL_ITEMS, add, assert_refused, make_ready, ok, ok_json, row_counts, run

DAY = "2026-10-19"  # a Monday


def _points(name: str) -> int:
    total: int = ok_json("points", name)["total"]
    return total


def _person(report: dict[str, Any], name: str) -> dict[str, Any]:
    person: dict[str, Any] = next(p for p in report["people"] if p["name"] == name)
    return person


def _policy(tmp_path: Path, text: str, name: str = "team.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _recompute_clean() -> None:
    doc = run("doctor", "--recompute", "--json")
    assert doc.exit_code == 0 and doc.json["differences"] == [], doc.stdout


# --- the three drifts ---------------------------------------------------------------------------


def test_a_penalty_voided_and_then_found_unproven_is_given_back_once(team, tmp_path):
    """Drift 1: a finder's -5, voided by a manager and then taken back again when the visit was
    found not to have happened, came back as +5. It is given back once."""
    ok("policy", "set", _policy(tmp_path, "[proof]\nsample_percent = 100\n"), "--from",
       "2026-01-01", "--by", "赵敏")
    pid = add()
    visit = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "substandard", "--items",
                    ALL_ITEMS, "--landline", "--email", "--date", DAY)
    assert "sampled" in visit["flags"] and _points("李娜") == -5
    entry = ok_json("points", "李娜")["entries"][0]["entry_id"]
    ok("void", "points", entry, "--by", "赵敏", "--reason", "charged the wrong person")
    assert _points("李娜") == 0
    settled = ok_json("inspect", visit["visit_id"], "--by", "赵敏", "--verdict", "unproven",
                      "--date", "2026-10-20")
    assert settled["reversed"] == []  # nothing of the -5 still stood
    assert _points("李娜") == 0 and _points("张伟") == -5  # the visitor's fine
    ledger = ok_json("points", "李娜")["entries"]
    assert [e["delta"] for e in ledger] == [-5, 5]
    _recompute_clean()


def test_a_visitor_cannot_undo_a_managers_verdict_by_voiding_the_visit(team, tmp_path,
                                                                       monkeypatch):
    """Drift 2: a visitor voiding his own visit after a manager found it unproven undid the
    verdict and the fine. A visit with an inspection, open or answered, is a manager's to void."""
    monkeypatch.setenv("YULIN_TODAY", DAY)
    ok("policy", "set", _policy(tmp_path, "[proof]\nsample_percent = 100\n"), "--from",
       "2026-01-01", "--by", "赵敏")
    pid = add()
    visit = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "substandard", "--items",
                    ALL_ITEMS, "--landline", "--email", "--date", DAY)
    ok("inspect", visit["visit_id"], "--by", "赵敏", "--verdict", "unproven")
    assert _points("张伟") == -5
    refused = run("void", "visit", visit["visit_id"], "--by", "张伟", "--reason", "oops", "--json")
    assert_refused(refused, 1)
    assert refused.json["error"]["code"] == "void.inspected_managers"
    assert _points("张伟") == -5 and _points("李娜") == 0
    # The manager may, and the void gives back what still stands: the fine.
    ok("void", "visit", visit["visit_id"], "--by", "赵敏", "--reason", "logged twice")
    assert _points("张伟") == 0 and _points("李娜") == 0
    _recompute_clean()


def test_the_daily_report_and_the_summary_agree_after_a_later_finding(team):
    """Drift 3: `daily-report --date D` and `summary --from D --to D` disagreed on whether D's
    quota was met after a later substandard finding. Both judge on what is known now."""
    first = add("苏州甲精密机械有限公司", found_on=DAY)
    add("苏州乙精密机械有限公司", found_on=DAY)

    def both() -> tuple[bool, bool]:
        report = _person(ok_json("daily-report", "--date", DAY), "李娜")["quota_met"]
        summary = ok_json("summary", "--from", DAY, "--to", DAY)
        days = next(p for p in summary["prospectors"] if p["name"] == "李娜")["days"]
        return report, days[0]["quota_met"]

    assert both() == (True, True)
    ok("log-visit", first, "--by", "张伟", "--outcome", "substandard", "--date", "2026-10-22")
    assert both() == (False, False)
    # The finding overturned: the day counts again, in both.
    visit = ok_json("show", first)["visits"][0]["id"]
    ok("inspect", visit, "--by", "赵敏", "--verdict", "overturned", "--date", "2026-10-23")
    assert both() == (True, True)


# --- the team's policy, in the database ---------------------------------------------------------


def test_a_write_under_another_policy_file_is_refused_and_a_read_is_a_what_if(team, isolated,
                                                                              tmp_path):
    pid = add(found_on=DAY)
    strict = _policy(tmp_path, "[standard]\nmin_employees = 500\n", "strict.toml")
    same = _policy(tmp_path, "[standard]\nmin_employees = 100\n", "same.toml")
    before = row_counts(isolated)
    refused = run("--policy", strict, "verify", pid, "--by", "李娜", "--pretext", "buyer",
                  "--result", "confirmed", "--json")
    assert_refused(refused, 2)
    assert refused.json["error"]["code"] == "policy.file_differs"
    assert "policy set" in refused.stderr
    assert row_counts(isolated) == before
    # A file that says what the team's policy says changes nothing: the write goes ahead.
    ok("--policy", same, "verify", pid, "--by", "李娜", "--pretext", "buyer", "--result",
       "confirmed")
    # A read computes under the file, and says so: first line, JSON key, or stderr for a list.
    shown = ok("--policy", strict, "rate", pid)
    assert shown.stdout.startswith("what-if: computed under the policy file")
    doc = ok_json("--policy", strict, "rate", pid)
    assert doc["stars"] == 0 and doc["policy"] == {"what_if": strict}
    listed = ok("--policy", strict, "list", "--json")
    assert listed.json[0]["stars"] == 0 and "what-if" in listed.stderr
    # What-if reads never write, and the team's policy is untouched.
    assert ok_json("rate", pid)["stars"] >= 1
    assert "policy" not in ok_json("rate", pid)


def test_policy_set_is_a_managers_versioned_and_retroactive_only_when_asked(team, tmp_path):
    sweep5 = _policy(tmp_path, "[points]\nsweep = 5\n")
    planned, swept = add("苏州甲精密机械有限公司"), add("苏州乙精密机械有限公司")
    make_ready(planned)
    ok("plan-visit", planned, "--visitor", "张伟", "--date", DAY)
    ok("log-visit", planned, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
       "--landline", "--email", "--date", DAY)
    ok("log-visit", swept, "--by", "张伟", "--outcome", "met", "--kind", "sweep", "--items",
       ALL_ITEMS, "--landline", "--email", "--date", DAY)
    assert _points("张伟") == 3
    assert_refused(run("policy", "set", sweep5, "--from", "2026-10-01", "--by", "李娜"), 1)
    refused = run("policy", "set", sweep5, "--from", "2026-10-01", "--by", "赵敏", "--json")
    assert_refused(refused, 1)
    assert refused.json["error"]["code"] == "policy.needs_retroactive"
    # From a day with nothing recorded on or after it: no re-judging needed.
    later = ok_json("policy", "set", sweep5, "--from", "2026-11-02", "--by", "赵敏")
    assert later["rejudged"] == [] and later["changes"] == [
        {"key": "points.sweep", "old": 3, "new": 5}]
    assert _points("张伟") == 3
    doc = ok_json("policy", "set", sweep5, "--from", "2026-10-01", "--by", "赵敏",
                  "--retroactive")
    assert doc["retroactive"] is True and doc["rejudged"]
    assert _points("张伟") == 5
    assert ok_json("policy", "show", "--at", "2026-09-30")["points"]["sweep"] == 3
    shown = ok_json("policy", "show", "--at", DAY)
    assert shown["points"]["sweep"] == 5 and shown["version"]["valid_from"] == "2026-10-01"
    assert shown["version"]["set_by"] == "赵敏"
    history = ok_json("policy", "history")
    assert [v["valid_from"] for v in history] == [None, "2026-10-01", "2026-11-02"]
    assert "policy set" in ok("--lang", "zh", "policy", "set", "--help").stdout
    _recompute_clean()


def test_each_record_is_judged_under_the_version_in_force_on_its_own_date(team, tmp_path):
    ok("policy", "set", _policy(tmp_path, "[points]\nsubstandard = -8\n"), "--from",
       "2026-10-20", "--by", "赵敏")
    a, b = add("苏州甲精密机械有限公司"), add("苏州乙精密机械有限公司")
    ok("log-visit", a, "--by", "张伟", "--outcome", "substandard", "--date", DAY)
    ok("log-visit", b, "--by", "张伟", "--outcome", "substandard", "--date", "2026-10-20")
    assert [e["delta"] for e in ok_json("points", "李娜")["entries"]] == [-5, -8]
    _recompute_clean()


def test_doctor_recompute_lists_what_was_changed_by_hand_and_only_reads(team, isolated):
    pid = add()
    ok("log-visit", pid, "--by", "张伟", "--outcome", "substandard", "--date", DAY)
    _recompute_clean()
    isolated.query("UPDATE points_entry SET delta = -500")
    isolated.query("UPDATE visit SET effective = :yes", yes=True)
    before = row_counts(isolated)
    doc = run("doctor", "--recompute", "--json")
    assert doc.exit_code == 1 and doc.json["ok"] is False
    found = {(d["record"], d["what"]) for d in doc.json["differences"]}
    assert ("entry visit:1:substandard", "entry") in found
    assert ("visit:1", "effective") in found
    assert row_counts(isolated) == before
    assert isolated.query("SELECT delta FROM points_entry") == [(-500,)]
    out = run("--lang", "zh", "doctor", "--recompute").stdout
    assert "走访 #1 的不达标积分" in out and "结果核对" in out


# --- facts with history --------------------------------------------------------------------------


def test_facts_carry_their_history_and_readiness_uses_the_values_of_its_day(team):
    pid = add(found_on="2026-10-12")
    make_ready(pid)  # address and contact from 2026-10-15
    ok("update-prospect", pid, "--employees", "80", "--by", "李娜", "--date", "2026-10-21")
    history = ok_json("show", pid, "--history")["history"]
    assert [(h["field"], h["old"], h["new"], h["date"]) for h in history] == [
        ("address", None, "工业园区星湖街 218 号", "2026-10-15"),
        ("contact_surname", None, "周", "2026-10-15"),
        ("employees", 150, 80, "2026-10-21")]
    assert history[-1]["by"] == "李娜"
    # As of the 20th it was a quality customer and ready; as of the 21st not.
    assert run("check-visit", pid, "--date", "2026-10-20").exit_code == 0
    assert run("check-visit", pid, "--date", "2026-10-21").exit_code == 1
    assert run("check-visit", pid, "--date", "2026-10-14").exit_code == 1  # no address yet
    out = ok("--lang", "zh", "show", pid, "--history").stdout
    assert "员工人数" in out and "资料改动记录" in out


def test_a_prospectors_quota_counts_from_the_day_they_began(team):
    ok("staff", "add", "新人", "--center", "苏州育林中心", "--role", "prospector",
       "--since", "2026-10-21")
    report = ok_json("daily-report", "--date", "2026-10-20")
    assert _person(report, "新人")["quota_met"] is None
    report = ok_json("daily-report", "--date", "2026-10-21")
    assert _person(report, "新人")["quota_met"] is False
    # Finding a prospect earlier shows they were at work by then.
    add("苏州新人精密机械有限公司", by="新人", found_on="2026-10-19")
    report = ok_json("daily-report", "--date", "2026-10-20")
    assert _person(report, "新人")["quota_met"] is False
    summary = ok_json("summary", "--from", "2026-10-16", "--to", "2026-10-21")
    days = next(p for p in summary["prospectors"] if p["name"] == "新人")["days"]
    # Friday before: not yet; the weekend: no quota; Monday on: counted.
    assert [d["quota_met"] for d in days] == [None, None, None, False, False, False]


# --- what-if: policy simulate --------------------------------------------------------------------


def test_simulate_answers_the_sweep_and_quota_question_on_the_sample_team(isolated, tmp_path):
    ok("demo", "--json")
    candidate = _policy(tmp_path, "[points]\nsweep = 5\n[quota]\nper_day = 3\n")
    before = row_counts(isolated)
    doc = ok_json("policy", "simulate", candidate, "--from", "2026-10-01", "--to", "2026-10-31")
    assert row_counts(isolated) == before  # only reads
    assert (doc["from"], doc["to"], doc["candidate"]) == ("2026-10-01", "2026-10-31", candidate)
    people = {p["name"]: p for p in doc["people"]}
    sweeper = next(p for p in people.values() if p["points"][0] != p["points"][1])
    assert sweeper["points"][1] - sweeper["points"][0] == 2 * sweeper["praise"][0]
    assert any(c["rule"] == "sweep" and c["clause"] == "Q12" for c in sweeper["changes"])
    finders = [p for p in people.values() if p["quota_days_met"][0] is not None]
    assert finders and all(p["quota_days_met"][1] <= p["quota_days_met"][0] for p in finders)
    assert any(c["rule"] == "quota" for p in finders for c in p["changes"])
    for lang, words in (("en", "what-if under"), ("zh", "假设按")):
        out = ok("--lang", lang, "policy", "simulate", candidate, "--from", "2026-10-01",
                 "--to", "2026-10-31").stdout
        assert words in out and max(len(line) for line in out.splitlines()) <= 80
    varied = ok_json("policy", "simulate", candidate, "--from", "2026-10-01", "--to",
                     "2026-10-31", "--vary", "points.sweep=3..6")
    assert [r["value"] for r in varied["rows"]] == [3, 4, 5, 6]
    assert_refused(run("policy", "simulate", candidate, "--vary", "points.sweep=9..3"), 2)
    assert_refused(run("policy", "simulate", candidate, "--vary", "nope"), 2)


def test_simulating_the_policy_in_force_reproduces_the_stored_outcomes(isolated, tmp_path):
    ok("demo", "--json")
    same = _policy(tmp_path, "[points]\nsweep = 3\n")
    doc = ok_json("policy", "simulate", same, "--from", "2026-10-01", "--to", "2026-10-31")
    summary = ok_json("summary", "--from", "2026-10-01", "--to", "2026-10-31")
    points = {p["name"]: p["delta"] for p in summary["points"]}
    effective = {v["name"]: v["effective_visits"] for v in summary["visitors"]}
    days = {p["name"]: sum(1 for d in p["days"] if d["quota_met"]) for p in summary["prospectors"]}
    notices = ok_json("notices", "--from", "2026-10-01", "--to", "2026-10-31")
    withdrawn = sum(1 for n in notices if n["kind"] == "voided")
    assert doc["prospects"] == []
    for person in doc["people"]:
        assert person["points"][0] == person["points"][1] == points[person["name"]]
        assert person["effective_visits"][0] == person["effective_visits"][1] == effective.get(
            person["name"], 0)
        if person["name"] in days:
            assert person["quota_days_met"] == [days[person["name"]]] * 2
        assert person["changes"] == []
    praise = sum(p["praise"][0] for p in doc["people"])
    criticism = sum(p["criticism"][0] for p in doc["people"])
    assert praise + criticism == sum(1 for n in notices if n["kind"] != "voided") - withdrawn
