"""Every kind of bad input: exit 2, a clear reason, nothing written, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import add, assert_refused, json_error, row_counts, run

BASE = ["add-prospect", "--company", "苏州甲公司", "--city", "苏州", "--sourced-by", "李娜"]


@pytest.mark.parametrize(("extra", "needle"), [
    (["--landline", "13812345678"], "--landline"),
    (["--landline", "0512-6888123"], "--landline"),
    (["--mobile", "0512-68881234"], "--mobile"),
    (["--email", "not-an-email"], "--email"),
    (["--qq", "12"], "--qq"),
    (["--qq", "abcdefg"], "--qq"),
    (["--deal-value", "lots"], "--deal-value"),
    (["--deal-value", "-5"], "--deal-value"),
    (["--deal-value", "1.5"], "--deal-value"),
    (["--found-on", "2026-13-01"], "--found-on"),
    (["--found-on", "15/10/2026"], "--found-on"),
    (["--employees", "-1"], "--employees"),
    (["--pcs", "many"], "--pcs"),
    (["--ownership", "state"], "--ownership"),
    (["--need", "huge"], "--need"),
    (["--sourced-by", "无此人"], "无此人"),
    (["--company", "  "], "--company"),
    (["--company", "甲\x00乙"], "--company"),
    (["--address", "x" * 300], "--address"),
])
def test_add_prospect_bad_input(team, isolated, extra, needle):
    before = row_counts(isolated)
    result = run(*BASE, *extra)
    assert_refused(result, 2)
    assert needle in result.stderr
    assert row_counts(isolated) == before


@pytest.mark.parametrize("args", [
    ["verify", "1", "--by", "李娜", "--pretext", "bribe", "--result", "confirmed"],
    ["verify", "1", "--by", "李娜", "--pretext", "buyer", "--result", "maybe"],
    ["verify", "1", "--by", "nobody", "--pretext", "buyer", "--result", "confirmed"],
    ["verify", "1", "--by", "李娜", "--pretext", "buyer", "--result", "confirmed",
     "--date", "yesterday"],
    ["log-visit", "1", "--by", "张伟", "--outcome", "great"],
    ["log-visit", "1", "--by", "张伟", "--outcome", "met", "--items", "q1,q2"],
    ["log-visit", "1", "--by", "张伟", "--outcome", "met", "--kind", "cold-call"],
    ["log-visit", "1", "--by", "张伟", "--outcome", "met", "--email-address", "x@"],
    ["log-visit", "77", "--by", "张伟", "--outcome", "met"],
    ["plan-visit", "1", "--visitor", "nobody"],
    ["daily-report", "--date", "2026-02-30"],
    ["daily-report", "--center", "火星中心"],
    ["staff", "add", "新人", "--center", "无此中心", "--role", "visitor"],
    ["staff", "add", "新人", "--center", "苏州育林中心", "--role", "boss"],
    ["staff", "add", "李娜", "--center", "苏州育林中心", "--role", "visitor"],
    ["center", "add", "苏州育林中心", "--city", "苏州"],
    ["list", "--from", "soon"],
    ["check-visit", "abc"],
    ["redsea", "88", "--cold"],
])
def test_workflow_bad_input(team, isolated, args):
    add()
    before = row_counts(isolated)
    assert_refused(run(*args), 2)
    assert row_counts(isolated) == before


def test_bad_input_with_json_still_prints_one_document(team):
    result = run(*BASE, "--qq", "1", "--json")
    assert result.exit_code == 2
    assert result.json["error"]["code"] == "input.invalid"
    assert result.json["field"] == "qq"


def test_error_follows_the_language(team):
    result = run("--lang", "zh", *BASE, "--qq", "1")
    assert_refused(result, 2)
    assert "QQ 号须为 5-11 位数字" in result.stderr


HOSTILE = st.one_of(
    st.text(min_size=1, max_size=50),
    st.sampled_from(["'; DROP TABLE prospect; --", "$(rm -rf /)", "`reboot`", "\u202e甲乙",
                     "😀🏭", "\x00", "\x1b[31mred", "a" * 5000, "%s%s%n", "{name}", "\r\n"]),
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None,
          # The fixtures only prepare the team; every example runs on its own copy of it.
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE, option=st.sampled_from(["--company", "--address", "--district",
                                             "--industry", "--contact-surname", "--partner",
                                             "--landline", "--email", "--qq", "--deal-value"]))
def test_hostile_text_is_stored_or_refused_never_crashes(team, isolated, monkeypatch, text,
                                                          option):
    db = isolated.copy()
    with monkeypatch.context() as env:
        env.setenv("YULIN_DB", db.target)
        result = run(*BASE, option, text, "--force")
    assert result.exit_code in (0, 2), (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    after = row_counts(db)
    if result.exit_code == 2:
        assert after == row_counts(isolated)
    else:
        assert after["prospect"] == row_counts(isolated).get("prospect", 0) + 1


@pytest.mark.parametrize("args", [["show", "abc"], ["list", "--limit", "0"],
                                  ["verify", "1", "--by", "李娜", "--pretext", "bad",
                                   "--result", "confirmed"]])
def test_a_value_mistake_with_json_is_one_json_document(team, args):
    """Click reads the values after taking the arguments apart: --json must still be heard."""
    result = run(*args, "--json")
    assert_refused(result, 2)
    assert result.json["error"]["exit_code"] == 2


@pytest.mark.parametrize("args", [["list", "--sourced-by", "无人"], ["list", "--center", "无"]])
def test_list_by_an_unknown_name_is_bad_input(team, args):
    assert_refused(run(*args), 2)


def test_a_home_of_no_such_user_is_a_plain_path_not_a_traceback(isolated):
    """`~0` names no user's home: like a shell, it stays a file name (found by the fuzz)."""
    code, error = json_error("--db", "~0", "center", "list")
    assert (code, error["code"]) == (2, "db.missing") and "~0" in error["message"]  # the path, as typed
