"""`find` and `todo` (issue 22): check before calling, and each person's open work with its
commands, on both backends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import add, assert_refused, make_ready, ok, ok_json, row_counts, run
from yulin_cli.closing.finding import initials_match

CODE = "91320594731796312" + __import__("stdnum.cn.uscc", fromlist=["x"]).calc_check_digit(
    "91320594731796312")


@pytest.mark.parametrize("typed", ["0512-62581234", "(0512) 6258 1234", "+86 512 6258 1234",
                                   "051262581234", "62581234", "0512 62581234 转 8001"])
def test_find_by_a_phone_in_any_spelling(team, typed):
    pid = add("苏州恒瑞精密机械有限公司", "--landline", "0512-62581234")
    add("苏州嘉禾纺织科技有限公司", "--landline", "0512-63521188")
    doc = ok_json("find", typed)
    assert (doc["matched_by"], [m["id"] for m in doc["matches"]]) == ("phone", [pid])
    match = doc["matches"][0]
    assert match.keys() >= {"id", "company", "finder", "stars", "last_activity", "duplicate_of"}
    assert (match["finder"], match["stars"], match["last_activity"]) == ("李娜", 1, "2026-10-15")


def test_find_by_mobile_credit_code_name_and_initials(team):
    first = add("苏州恒瑞精密机械有限公司", "--mobile", "13912345678",
                "--credit-code", CODE)
    second = add("苏州嘉禾纺织科技有限公司")
    assert [m["id"] for m in ok_json("find", "139 1234 5678")["matches"]] == [first]
    assert [m["id"] for m in ok_json("find", CODE.lower())["matches"]] == [first]
    assert [m["id"] for m in ok_json("find", "嘉禾")["matches"]] == [second]
    doc = ok_json("find", "hrjm")  # 恒瑞精密
    assert (doc["matched_by"], [m["id"] for m in doc["matches"]]) == ("initials", [first])
    assert [m["id"] for m in ok_json("find", "JHFZ")["matches"]] == [second]  # 嘉禾纺织
    assert ok_json("find", "qq")["matches"] == []
    nothing = ok("find", "蓝海").stdout
    assert "clear to call" in nothing
    assert "可以打电话" in ok("--lang", "zh", "find", "蓝海").stdout


def test_find_bad_input_and_a_missing_database(team, isolated):
    assert_refused(run("find", ""), 2)
    assert_refused(run("find", "   "), 2)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="恒瑞精密机械长行重庆银河AB有限公司（）", min_size=1, max_size=12))
def test_initials_match_every_run_of_a_names_initials(name):
    from pypinyin import Style, pinyin

    letters = "".join((p[0][0] if p and p[0] and p[0][0].isascii() and p[0][0].isalpha()
                       else ch.lower() if ch.isascii() else " ")
                      for ch, p in ((ch, pinyin(ch, style=Style.FIRST_LETTER)) for ch in name))
    for start in range(len(letters)):
        for end in range(start + 2, len(letters) + 1):
            run_ = letters[start:end].lower()
            if " " in run_:
                continue
            assert initials_match([(1, name)], run_) == [1], (name, run_)


def test_todo_for_a_prospector_a_visitor_and_a_manager(team):
    waiting = add("苏州恒瑞精密机械有限公司")
    ready = add("苏州嘉禾纺织科技有限公司", "--deal-value", "30万", "--need", "explicit",
                "--yulin-interest", "high")
    make_ready(ready)
    ok("plan-visit", ready, "--visitor", "张伟", "--date", "2026-10-19")
    mine = ok_json("todo", "--by", "李娜", "--date", "2026-10-16")
    missing = [i for i in mine["items"] if i["prospect_id"] == waiting]
    assert {i["rule"] for i in missing} == {"verification", "address", "contact"}
    assert all(i["command"].startswith("yulin ") for i in missing)
    assert not [i for i in mine["items"] if i["prospect_id"] == ready]
    week = ok_json("todo", "--by", "张伟", "--date", "2026-10-16")["items"]
    assert [(i["section"], i["prospect_id"], i["date"]) for i in week] == [
        ("week", ready, "2026-10-19")]
    assert week[0]["command"].startswith(f"yulin log-visit {ready} --by 张伟 --outcome met")
    boss = ok_json("todo", "--by", "赵敏", "--date", "2026-10-16")["items"]
    assert ("take-over", ready) in [(i["section"], i["prospect_id"]) for i in boss]
    assert ("next-day", "yulin agenda --visitor 张伟 --date 2026-10-19") in [
        (i["section"], i["command"]) for i in boss]
    # A decided deal leaves the manager's list.
    ok("outcome", ready, "won", "--by", "赵敏")
    boss = ok_json("todo", "--by", "赵敏", "--date", "2026-10-16")["items"]
    assert ("take-over", ready) not in [(i["section"], i["prospect_id"]) for i in boss]
    out = ok("--lang", "zh", "todo", "--by", "李娜", "--date", "2026-10-16").stdout
    assert "李娜 的待办" in out and max(len(line) for line in out.splitlines()) <= 80


def test_todo_refuses_an_unknown_person_and_writes_nothing(team, isolated):
    before = row_counts(isolated)
    assert_refused(run("todo", "--by", "无名氏"), 2)
    assert row_counts(isolated) == before
