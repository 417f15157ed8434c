"""Mistakes that can be undone, and nothing deleted: `void` (rounds, visits, points entries) and
`merge` / `unmerge`, through the CLI on both backends."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ALL_ITEMS, add, assert_refused, json_error, make_ready, ok, ok_json, row_counts, run
from yulin_cli import rules

DAY = "2026-10-19"


@pytest.fixture
def pinned(monkeypatch):
    """The wall clock's date, pinned: who may void depends on the day a record was typed in."""
    monkeypatch.setenv("YULIN_TODAY", DAY)
    return monkeypatch


def _points(name: str) -> int:
    total: int = ok_json("points", name)["total"]
    return total


def _person(report: dict[str, Any], name: str) -> dict[str, Any]:
    person: dict[str, Any] = next(p for p in report["people"] if p["name"] == name)
    return person


# --- who may void (a pure rule) --------------------------------------------------------------


@pytest.mark.once
@pytest.mark.parametrize(("kind", "by", "roles", "recorder", "recorded", "allowed"), [
    ("visit", "张伟", ["visitor"], "张伟", DAY, True),  # the recorder, the same day
    ("visit", "张伟", ["visitor"], "张伟", "2026-10-18", False),  # the next day: a manager's
    ("visit", "刘洋", ["visitor"], "张伟", DAY, False),  # someone else
    ("visit", "赵敏", ["manager"], "张伟", "2026-10-01", True),  # a manager, any day
    ("round", "李娜", ["prospector"], "李娜", DAY, True),
    ("round", "李娜", ["prospector"], "李娜", None, False),  # recorded before voiding existed
    ("points", "李娜", ["prospector"], None, DAY, False),  # points: managers only
    ("points", "赵敏", ["manager", "visitor"], None, None, True),
])
def test_who_may_void(kind, by, roles, recorder, recorded, allowed):
    refusal = rules.may_void(kind, by, roles, recorder, recorded, DAY)
    assert (refusal is None) == allowed
    if refusal is not None:
        assert refusal.rule in rules.CLAUSES and refusal.code.startswith("void.")


@pytest.mark.once
@given(kind=st.sampled_from(["round", "visit", "points"]), by=st.sampled_from(["a", "b"]),
       recorder=st.sampled_from(["a", "b", None]),
       recorded=st.sampled_from([DAY, "2026-10-18", None]),
       roles=st.lists(st.sampled_from(["prospector", "visitor", "manager"]), unique=True))
def test_a_manager_may_always_void_and_nobody_else_after_the_day(kind, by, recorder, recorded,
                                                                 roles):
    allowed = rules.may_void(kind, by, roles, recorder, recorded, DAY) is None
    if "manager" in roles:
        assert allowed
    elif kind == "points" or recorded != DAY or by != recorder:
        assert not allowed


# --- voiding a visit -------------------------------------------------------------------------


def test_voiding_a_substandard_visit_reverses_points_notices_quota_and_inspection(
        team, isolated, pinned):
    pid = add(found_on=DAY)
    add("苏州华研新材料有限公司", found_on=DAY)
    report = ok_json("daily-report", "--date", DAY)
    assert _person(report, "李娜")["quality_found"] == 2 and _person(report, "李娜")["quota_met"]
    visit = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "substandard", "--date", DAY)
    assert "inspect" in visit["flags"]
    report = ok_json("daily-report", "--date", DAY)
    li = _person(report, "李娜")
    assert (li["quality_found"], li["quota_met"], li["points_today"]) == (1, False, -5)
    assert [a["kind"] for a in report["attention"]].count("inspect") == 1
    assert [n["kind"] for n in report["notices"]] == ["criticism"]

    # Under inspection, only a manager voids it (RULES.md, third release), not its visitor.
    assert_refused(run("void", "visit", visit["visit_id"], "--by", "张伟", "--reason", "x"), 1)
    doc = ok_json("void", "visit", visit["visit_id"], "--by", "赵敏", "--reason", "wrong company")
    assert doc["inspection_closed"] is True and doc["notices"] == 1
    assert [(p["staff"], p["delta"]) for p in doc["points"]] == [("李娜", 5)]
    report = ok_json("daily-report", "--date", DAY)
    li = _person(report, "李娜")
    assert (li["quality_found"], li["quota_met"], li["points_today"], li["points_total"]) == (
        2, True, 0, 0)
    assert _person(report, "张伟")["visits"] == 0
    assert report["team"]["visits"] == 0 and report["team"]["quality_found"] == 2
    assert not {"inspect", "unready"} & {a["kind"] for a in report["attention"]}
    assert [(n["kind"], n["delta"]) for n in report["notices"]] == [("criticism", -5),
                                                                   ("voided", 5)]
    # Nothing was deleted: the ledger shows the entry, struck, and the one giving it back.
    ledger = ok_json("points", "李娜")
    assert [(e["delta"], e["rule"], e["voided"] is not None, e["reverses"])
            for e in ledger["entries"]] == [(-5, "substandard", True, None),
                                            (5, "void", False, ledger["entries"][0]["entry_id"])]
    assert ledger["total"] == 0
    shown = ok_json("show", pid)
    assert shown["visits"][0]["voided"]["reason"] == "wrong company"
    assert shown["visits"][0]["voided"]["by"] == "赵敏"
    assert shown["readiness"]["checks"][0]["ok"] is True  # no longer found substandard
    assert "voided" in ok("show", pid).stdout
    assert "voided" in ok("points", "李娜").stdout
    # An inspection of a voided visit has nothing to settle.
    assert_refused(run("inspect", visit["visit_id"], "--by", "赵敏", "--verdict", "upheld"), 1)


def test_voiding_twice_or_by_the_wrong_person_changes_nothing(team, isolated, pinned):
    pid = add(found_on=DAY)
    visit = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "met", "--date", DAY)
    before = row_counts(isolated)
    for by in ("刘洋", "李娜"):  # another visitor; a prospector
        assert_refused(run("void", "visit", visit["visit_id"], "--by", by, "--reason", "x"), 1)
    pinned.setenv("YULIN_TODAY", "2026-10-20")  # the recorder, a day later
    assert_refused(run("void", "visit", visit["visit_id"], "--by", "张伟", "--reason", "x"), 1)
    assert_refused(run("void", "visit", 999, "--by", "赵敏", "--reason", "x"), 2)
    assert_refused(run("void", "visit", visit["visit_id"], "--by", "赵敏", "--reason", " "), 2)
    assert row_counts(isolated) == before
    ok("void", "visit", visit["visit_id"], "--by", "赵敏", "--reason", "typed twice")
    after = row_counts(isolated)
    code, error = json_error("void", "visit", visit["visit_id"], "--by", "赵敏", "--reason", "again")
    assert (code, error["code"]) == (1, "void.already")
    assert row_counts(isolated) == after


def test_a_voided_sweep_gives_back_the_praise_and_the_plan_reopens(team, isolated, pinned):
    planned, swept = add(found_on="2026-10-15"), add("苏州天目电子有限公司", found_on="2026-10-15")
    make_ready(planned)
    ok("plan-visit", planned, "--visitor", "张伟", "--date", DAY)
    first = ok_json("log-visit", planned, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
                    "--landline", "--email", "--date", DAY)
    sweep = ok_json("log-visit", swept, "--by", "张伟", "--outcome", "met", "--kind", "sweep",
                    "--items", ALL_ITEMS, "--landline", "--email", "--date", DAY)
    assert sweep["points"] == [{"staff": "张伟", "delta": 3, "rule": "sweep", "clause": "Q12"}]
    assert _points("张伟") == 3
    ok("void", "visit", sweep["visit_id"], "--by", "张伟", "--reason", "wrong prospect")
    assert _points("张伟") == 0
    report = ok_json("daily-report", "--date", DAY)
    assert _person(report, "张伟")["effective_visits"] == 1
    # Voiding the planned visit puts its plan back on the day's agenda, not done.
    ok("void", "visit", first["visit_id"], "--by", "张伟", "--reason", "logged on the wrong id")
    agenda = ok_json("agenda", "--visitor", "张伟", "--date", DAY)
    assert [(v["prospect_id"], v["done"]) for v in agenda["visits"]] == [(planned, False)]
    assert "1-5" in agenda["visits"][0]["to_capture"]  # the voided visit captured nothing
    again = ok_json("log-visit", planned, "--by", "张伟", "--outcome", "met", "--date", DAY)
    assert ok_json("show", planned)["planned_visits"][0]["visit_id"] == again["visit_id"]


def test_voiding_a_round_undoes_readiness(team, pinned):
    pid = add()
    make_ready(pid)
    assert ok_json("check-visit", pid)["ready"] is True
    round_id = ok_json("verify", pid, "--by", "李娜", "--pretext", "invitation", "--result",
                       "confirmed")["round_id"]
    shown = ok_json("show", pid)
    first = shown["rounds"][0]["round_id"]
    ok("void", "round", round_id, "--by", "李娜", "--reason", "wrong prospect")
    assert ok_json("check-visit", pid)["ready"] is True  # two rounds still count
    # The first round was recorded by the test today too; a manager voids it either way.
    ok("void", "round", first, "--by", "赵敏", "--reason", "never called")
    result = run("check-visit", pid, "--json")
    check = result.json
    assert result.exit_code == 1 and check["ready"] is False
    assert next(c for c in check["checks"] if c["rule"] == "verification")["ok"] is False
    rounds = ok_json("show", pid)["rounds"]
    assert [r["voided"] is not None for r in rounds] == [True, False, True]
    assert_refused(run("plan-visit", pid, "--visitor", "张伟"), 1)
    # A new round gets the next number: voided ones keep theirs.
    assert ok_json("verify", pid, "--by", "李娜", "--pretext", "buyer", "--result",
                   "confirmed", "--address")["round"] == 5


def test_void_points_is_for_managers_and_gives_the_entry_back(team, isolated, pinned):
    doc = ok_json("adjust-points", "王强", "10", "--reason", "typo: meant 1", "--by", "赵敏")
    entry = doc["entries"][-1]["entry_id"]
    before = row_counts(isolated)
    assert_refused(run("void", "points", entry, "--by", "王强", "--reason", "mine"), 1)
    assert row_counts(isolated) == before
    voided = ok_json("void", "points", entry, "--by", "赵敏", "--reason", "typo")
    assert voided["points"] == [{"entry_id": entry + 1, "reverses": entry, "staff": "王强",
                                 "delta": -10}]
    assert _points("王强") == 0
    assert_refused(run("void", "points", entry + 1, "--by", "赵敏", "--reason", "x"), 1)
    assert_refused(run("void", "points", entry, "--by", "赵敏", "--reason", "x"), 1)


def test_a_substandard_penalty_voided_alone_is_not_given_back_twice(team, pinned):
    pid = add()
    visit = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "substandard",
                    "--items", ALL_ITEMS, "--landline", "--email", "--date", DAY)
    entry = ok_json("points", "李娜")["entries"][0]["entry_id"]
    ok("void", "points", entry, "--by", "赵敏", "--reason", "the visitor mixed them up")
    assert _points("李娜") == 0
    notices = ok_json("notices", "--from", DAY, "--to", DAY)
    assert [n["kind"] for n in notices] == ["criticism", "voided"]
    # Overturning the finding now gives nothing back: the penalty was already voided.
    assert ok_json("inspect", visit["visit_id"], "--by", "赵敏", "--verdict",
                   "overturned")["reversed"] == []
    ok("void", "visit", visit["visit_id"], "--by", "赵敏", "--reason", "wrong company")
    assert _points("李娜") == 0
    assert len(ok_json("notices", "--from", DAY, "--to", DAY)) == 2


# --- merge and unmerge ---------------------------------------------------------------------


def test_merge_asks_shows_evidence_and_a_no_changes_nothing(team, isolated):
    keep = add("苏州甲公司", "--landline", "0512-66661234")
    drop = ok_json("add-prospect", "--company", "甲科技", "--city", "苏州", "--sourced-by", "王强",
                   "--landline", "0512 6666 1234", "--force")["id"]
    stranger = add("苏州乙公司")
    before = row_counts(isolated)
    declined = run("merge", keep, drop, "--by", "赵敏", input="n\n")
    assert_refused(declined, 1)
    assert "苏州甲公司" in declined.stdout and "甲科技" in declined.stdout
    assert "same phone" in declined.stdout and "filed as a duplicate" in declined.stdout
    assert_refused(run("merge", keep, drop, "--by", "赵敏", input=""), 1)  # no answer: no
    assert_refused(run("merge", keep, drop, "--by", "赵敏", "--json"), 2)
    assert_refused(run("merge", keep, stranger, "--by", "赵敏", "--yes"), 1)  # no evidence
    assert row_counts(isolated) == before
    merged = run("merge", keep, drop, "--by", "赵敏", input="y\n")
    assert merged.exit_code == 0, merged.stderr
    assert ok_json("show", keep)["prospect"]["id"] == keep
    assert ok_json("show", drop)["prospect"]["merged_into"] == keep  # shown, marked merged
    forced = ok_json("merge", keep, stranger, "--by", "赵敏", "--yes", "--force")
    assert forced["evidence"] == []


def test_merge_evidence_from_dedupe_and_names(team):
    a = add("苏州金达利精工模具有限公司", "--district", "吴中区", "--contact-surname", "周")
    b = add("苏州金达丽精工模具有限公司", "--district", "吴中区", "--contact-surname", "周")
    doc = ok_json("merge", a, b, "--by", "赵敏", "--yes")
    assert doc["evidence"] == ["same-sound"]  # 利/丽: a same-sound slip (li)
    c = add("苏州丙公司")
    d = ok_json("add-prospect", "--company", "丙有限公司", "--city", "苏州", "--sourced-by", "王强",
                "--force")["id"]
    assert ok_json("merge", c, d, "--by", "赵敏", "--yes")["evidence"] == ["name",
                                                                         "filed-duplicate"]


def test_unmerge_restores_the_prospect_and_its_own_history(team, isolated, pinned):
    keep = add("苏州甲公司")
    drop = ok_json("add-prospect", "--company", "苏州甲公司", "--city", "苏州",
                   "--sourced-by", "王强", "--email", "it@jia.cn", "--force")["id"]
    ok("verify", keep, "--by", "李娜", "--pretext", "buyer", "--result", "confirmed")
    ok("verify", drop, "--by", "王强", "--pretext", "buyer", "--result", "confirmed")
    ok("verify", drop, "--by", "王强", "--pretext", "applicant", "--result", "confirmed")
    ok("log-visit", drop, "--by", "刘洋", "--outcome", "substandard", "--date", DAY)
    ok("redsea", drop, "--cold")
    third = ok_json("add-prospect", "--company", "甲公司", "--city", "苏州", "--sourced-by",
                    "王强", "--force")["id"]
    assert ok_json("show", third)["prospect"]["duplicate_of"] == keep
    before_keep, before_drop = ok_json("show", keep), ok_json("show", drop)
    counts = row_counts(isolated)
    assert_refused(run("unmerge", drop, "--by", "赵敏"), 1)  # not merged
    ok("merge", keep, drop, "--by", "赵敏", "--yes")
    assert [r["round"] for r in ok_json("show", keep)["rounds"]] == [2, 3, 4]
    # The finding still costs the one who vouched for the record it was made on.
    assert ok_json("points", "王强")["total"] == -5 and ok_json("points", "李娜")["total"] == 0
    assert_refused(run("unmerge", drop, "--by", "李娜"), 1)  # managers only
    doc = ok_json("unmerge", drop, "--by", "赵敏")
    assert doc["moved"]["verification_round"] == 2 and doc["moved"]["visit"] == 1
    assert doc["cleared"] == ["email"]
    after_keep, after_drop = ok_json("show", keep), ok_json("show", drop)
    for key in ("prospect", "rounds", "visits", "redsea", "rating"):
        assert after_keep[key] == before_keep[key], key
        assert after_drop[key] == before_drop[key], key
    assert ok_json("points", "王强")["total"] == -5
    assert {p["id"] for p in ok_json("list")} == {keep, drop, third}
    # Nothing deleted; the merge, the rows it moved and the facts it changed stay on record.
    after = row_counts(isolated)
    assert after["prospect_merge"] == counts["prospect_merge"] + 1
    assert after["prospect_change"] > counts["prospect_change"]
    kept = ("prospect_merge", "merge_moved", "prospect_change")
    assert {t: n for t, n in after.items() if t not in kept} == {
        t: n for t, n in counts.items() if t not in kept}
    assert_refused(run("unmerge", drop, "--by", "赵敏"), 1)  # twice


def test_the_round_id_void_takes_is_the_one_people_see(team, pinned):
    """A round's number counts a prospect's calls (the first found it); `void 复核` takes the
    round's id. Both `verify` and `show` print that id, and the void names the prospect."""
    first, second = add("苏州甲公司"), add("苏州乙公司")
    make_ready(first)  # two rounds: the second prospect's ids no longer match their numbers
    said = ok("--lang", "zh", "verify", second, "--by", "李娜", "--pretext", "采购",
              "--result", "确认").stdout
    doc = ok_json("verify", second, "--by", "李娜", "--pretext", "buyer", "--result",
                  "confirmed")
    earlier = ok_json("show", second)["rounds"][0]
    assert (earlier["round"], doc["round"]) == (2, 3)
    assert earlier["round_id"] != earlier["round"]
    assert f"客户 #{second} 第 2 轮复核已记录（复核 #{earlier['round_id']}）" in said
    shown = ok("show", second).stdout
    rows = [line.split() for line in shown.splitlines() if "李娜" in line and "buyer" in line]
    assert [row[:2] for row in rows] == [[str(earlier["round_id"]), "2"],
                                         [str(doc["round_id"]), "3"]]  # "#", then the number
    voided = ok("--lang", "zh", "void", "复核", doc["round_id"], "--by", "李娜", "--reason",
                "录错").stdout
    assert f"已作废客户 #{second} 的复核 #{doc['round_id']}" in voided


def test_merge_asks_in_chinese_and_takes_a_chinese_yes(team):
    keep = add("苏州甲公司", "--landline", "0512-66661234")
    drop = ok_json("add-prospect", "--company", "甲科技", "--city", "苏州", "--sourced-by", "王强",
                   "--landline", "0512 6666 1234", "--force")["id"]
    not_manager = run("--lang", "zh", "merge", keep, drop, "--by", "李娜", "--yes")
    assert_refused(not_manager, 1)
    assert "只有分管领导能合并或拆分客户" in not_manager.stderr
    declined = run("--lang", "zh", "merge", keep, drop, "--by", "赵敏", input="否\n")
    assert_refused(declined, 1)
    assert f"把 #{drop} 合并到 #{keep}？ [是/否]" in declined.stdout
    assert "y/N" not in declined.stdout
    merged = run("--lang", "zh", "merge", keep, drop, "--by", "赵敏", input="是\n")
    assert merged.exit_code == 0, merged.stderr
    assert ok_json("show", drop)["prospect"]["merged_into"] == keep  # shown, marked merged


def test_dedupe_says_how_to_merge_a_group(team):
    keep = add("苏州甲公司", "--landline", "0512-66661234")
    drop = ok_json("add-prospect", "--company", "甲科技", "--city", "苏州", "--sourced-by", "王强",
                   "--landline", "0512 6666 1234", "--force")["id"]
    assert f"yulin merge {keep} {drop} --by ..." in ok("dedupe").stdout
    assert f"yulin merge {keep} {drop} --by 分管领导" in ok("--lang", "zh", "dedupe").stdout


def test_ctrl_c_at_the_merge_question_interrupts(team, isolated):
    """Ctrl-C is not a no: the merge is interrupted (exit 130), nothing changes."""
    import os
    import signal
    import subprocess
    import sys

    keep = add("苏州甲公司", "--landline", "0512-66661234")
    drop = ok_json("add-prospect", "--company", "甲科技", "--city", "苏州", "--sourced-by", "王强",
                   "--landline", "0512 6666 1234", "--force")["id"]
    before = row_counts(isolated)
    proc = subprocess.Popen([sys.executable, "-m", "yulin_cli", "--db", isolated.target, "merge",
                             str(keep), str(drop), "--by", "赵敏"],
                            env={**os.environ, "YULIN_LANG": "en"}, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    shown = ""
    while not shown.endswith("[y/N]: "):  # the question is on screen: press Ctrl-C
        char = proc.stdout.read(1)
        assert char, proc.communicate()
        shown += char
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    assert "interrupted" in err
    assert row_counts(isolated) == before
