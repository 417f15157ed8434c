"""The way people type (issue 18): dates without a year or named from today, counts with their
unit or in Chinese numerals, full-width digits, phones with extensions and 400/800 hotlines,
survey items in any separator, and a yes/no flag given a number. Each form is accepted
wherever its kind of value is taken, through the real CLI; bad input stays exit 2."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import add, assert_refused, make_ready, ok, ok_json, row_counts, run
from yulin_cli import inputs
from yulin_cli.values import parse_count, parse_date, pinned_today

TODAY = "2026-10-20"  # a Tuesday
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.fixture(autouse=True)
def pinned(monkeypatch):
    monkeypatch.setenv("YULIN_TODAY", TODAY)


def facts(pid: int) -> dict[str, Any]:
    prospect: dict[str, Any] = ok_json("show", pid)["prospect"]
    return prospect


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "stored"), [
    ("10/19", "2026-10-19"), ("10-19", "2026-10-19"), ("10月19日", "2026-10-19"),
    ("１０月１９日", "2026-10-19"), ("10月19号", "2026-10-19"), ("10/20", "2026-10-20"),
    ("12/25", "2025-12-25"),  # not after today: last year's
    ("今天", "2026-10-20"), ("昨天", "2026-10-19"), ("２０２６年１０月１日", "2026-10-01"),
])
def test_found_on_as_people_type_it(team, typed, stored):
    pid = add("苏州甲公司", found_on=typed)
    assert facts(pid)["found_on"] == stored


def test_rounds_visits_and_changes_take_yearless_and_named_days(team):
    pid = add("苏州甲公司", found_on="10/1")
    ok("verify", pid, "--by", "李娜", "--pretext", "buyer", "--result", "confirmed",
       "--date", "10/19")
    ok("log-visit", pid, "--by", "张伟", "--outcome", "met", "--kind", "sweep",
       "--date", "昨天")
    ok("update-prospect", pid, "--address", "星湖街 218 号", "--date", "10月18日")
    page = ok_json("show", pid, "--history")
    assert [r["date"] for r in page["rounds"]] == ["2026-10-19"]
    assert [v["date"] for v in page["visits"]] == ["2026-10-19"]
    assert {h["field"]: h["date"] for h in page["history"]}["address"] == "2026-10-18"
    assert ok_json("daily-report", "--date", "10/19")["date"] == "2026-10-19"


def test_a_plan_without_a_year_is_the_next_such_day(team):
    pid = add("苏州甲公司", found_on="2026-10-15")
    make_ready(pid)
    ok("plan-visit", pid, "--visitor", "张伟", "--date", "10/22")
    ok("plan-visit", pid, "--visitor", "刘洋", "--date", "明天")
    ok("plan-visit", pid, "--visitor", "赵敏", "--date", "10-19")  # past this year: next year
    plans = {p["visitor"]: p["date"] for p in ok_json("show", pid)["planned_visits"]}
    assert plans == {"张伟": "2026-10-22", "刘洋": "2026-10-21", "赵敏": "2027-10-19"}
    assert ok_json("agenda", "--visitor", "张伟", "--date", "10/22")["date"] == "2026-10-22"
    assert ok_json("agenda", "--visitor", "张伟", "--date", "今天")["date"] == TODAY


@pytest.mark.parametrize("typed", ["13/45", "2/30", "10月", "前年", "10//19"])
def test_a_bad_date_is_one_line_and_nothing_written(team, isolated, typed):
    before = row_counts(isolated)
    result = run("add-prospect", "--company", "苏州甲公司", "--city", "苏州", "--sourced-by", "李娜",
                 "--found-on", typed)
    assert_refused(result, 2)
    assert "--found-on" in result.stderr and "10/19" in result.stderr
    assert row_counts(isolated) == before


def test_tomorrow_is_still_to_come_for_what_happened(team, isolated):
    pid = add("苏州甲公司", found_on="10/1")
    before = row_counts(isolated)
    assert_refused(run("log-visit", pid, "--by", "张伟", "--outcome", "met", "--date", "明天"), 2)
    assert row_counts(isolated) == before


# --- counts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("employees", "pcs", "stored"), [
    ("300人", "400台", (300, 400)), ("三百", "四十", (300, 40)), ("３００", "４０", (300, 40)),
    ("约300人", "40台左右", (300, 40)), ("1,200人", "1.2千台", (1200, 1200)),
    ("一千二百人", "两百台", (1200, 200)), ("1.5万", "３００台", (15000, 300)),
])
def test_counts_as_people_type_them(team, employees, pcs, stored):
    pid = add("苏州甲公司", "--employees", employees, "--pcs", pcs)
    got = facts(pid)
    assert (got["employees"], got["pcs"]) == stored


def test_update_takes_typed_counts(team):
    pid = add("苏州甲公司")
    ok("update-prospect", pid, "--employees", "二百五十人", "--pcs", "８０台")
    got = facts(pid)
    assert (got["employees"], got["pcs"]) == (250, 80)


@pytest.mark.parametrize("typed", ["很多", "300多人", "1e3", "3.5人", "三点五"])
def test_a_bad_count_is_one_line_and_nothing_written(team, isolated, typed):
    before = row_counts(isolated)
    result = run("add-prospect", "--company", "苏州甲公司", "--city", "苏州", "--sourced-by", "李娜",
                 "--employees", typed)
    assert_refused(result, 2)
    assert "--employees" in result.stderr
    assert row_counts(isolated) == before


# --- phones -------------------------------------------------------------------------------------


def test_full_width_phones(team):
    pid = add("苏州甲公司", "--landline", "０５１２－６８８８１２３４", "--mobile", "１３８１２３４５６７８")
    got = facts(pid)
    assert (got["landline"], got["mobile"]) == ("+8651268881234", "+8613812345678")


@pytest.mark.parametrize("typed", [
    "0512-68881234转8001", "0512-68881234 转 8001", "0512-68881234-8001",
    "0512-68881234 ext 8001", "0512-68881234 ext. 8001", "0512-68881234分机8001",
    "0512-68881234 分机号 8001", "68881234转8001", "０５１２－６８８８１２３４转８００１",
])
def test_an_extension_is_kept_apart(team, typed):
    pid = add("苏州甲公司", "--landline", typed)
    got = facts(pid)
    assert (got["landline"], got["landline_ext"]) == ("+8651268881234", "8001")
    assert "0512-68881234 转 8001" in ok("show", pid).stdout


def test_the_number_with_an_extension_is_one_number_for_duplicates(team):
    first = add("苏州甲公司", "--landline", "0512-68881234转8001")
    result = run("add-prospect", "--company", "苏州乙公司", "--city", "苏州", "--sourced-by", "王强",
                 "--landline", "0512-68881234-8002", "--json")
    assert_refused(result, 1)
    assert result.json["duplicate_of"] == first


def test_a_new_landline_replaces_the_extension(team):
    pid = add("苏州甲公司", "--landline", "0512-68881234转8001")
    ok("update-prospect", pid, "--landline", "0512-68881235")
    got = facts(pid)
    assert (got["landline"], got["landline_ext"]) == ("+8651268881235", None)
    ok("update-prospect", pid, "--landline", "0512-68881235 ext 12")
    assert facts(pid)["landline_ext"] == "12"


def test_log_visit_saves_the_extension(team):
    pid = add("苏州甲公司")
    ok("log-visit", pid, "--by", "张伟", "--outcome", "met", "--kind", "sweep",
       "--landline-number", "0512-68881234 分机 8001")
    got = facts(pid)
    assert (got["landline"], got["landline_ext"]) == ("+8651268881234", "8001")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_hotline_is_a_landline_with_a_note(team, lang):
    result = ok("--lang", lang, "add-prospect", "--company", "苏州甲公司", "--city", "苏州",
                "--sourced-by", "李娜", "--landline", "400-820-8820")
    assert "400-820-8820" in result.stdout
    assert ("热线" if lang == "zh" else "hotline") in result.stdout
    pid = ok_json("list")[0]["id"]
    assert facts(pid)["landline"] == "+864008208820"
    assert "400-820-8820" in ok("show", pid).stdout
    doc = ok_json("update-prospect", pid, "--landline", "800 820 8820")
    assert doc["notes"] == [{"field": "landline", "kind": "hotline", "number": "+868008208820"}]


@pytest.mark.parametrize(("lang", "word"), [("en", "hotline"), ("zh", "热线")])
def test_a_hotline_is_never_a_mobile(team, isolated, lang, word):
    before = row_counts(isolated)
    result = run("--lang", lang, "add-prospect", "--company", "苏州甲公司", "--city", "苏州",
                 "--sourced-by", "李娜", "--mobile", "400-820-8820")
    assert_refused(result, 2)
    assert word in result.stderr and "--landline" in result.stderr
    pid = add("苏州乙公司")
    result = run("--lang", lang, "log-visit", pid, "--by", "张伟", "--outcome", "met",
                 "--mobile-number", "4008208820")
    assert_refused(result, 2)
    assert "--landline-number" in result.stderr
    assert ok_json("show", pid)["visits"] == []
    assert row_counts(isolated)["visit"] == before.get("visit", 0)


# --- survey items -------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["1-5、2-2、2-3", "1-5，2-2，2-3", "1-5 2-2 2-3", "1-5,2-2, 2-3",
                                   "１－５、２－２ ２－３"])
def test_items_in_any_separator(team, typed):
    pid = add("苏州甲公司")
    ok("log-visit", pid, "--by", "张伟", "--outcome", "met", "--kind", "sweep", "--items", typed)
    assert ok_json("show", pid)["visits"][0]["items"] == ["1-5", "2-2", "2-3"]


# --- a yes/no flag given a number -----------------------------------------------------------------


@pytest.mark.parametrize(("lang", "args"), [
    ("en", ["--landline", "0512-68881234"]), ("zh", ["--landline", "0512-68881234"]),
    ("en", ["--landline=0512-68881234"]), ("zh", ["--landline=0512-68881234"]),
])
def test_a_flag_given_a_number_names_the_option_that_takes_it(team, isolated, lang, args):
    pid = add("苏州甲公司")
    before = row_counts(isolated)
    result = run("--lang", lang, "log-visit", pid, "--by", "张伟", "--outcome", "met", *args)
    assert_refused(result, 2)
    assert "--landline-number 0512-68881234" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert row_counts(isolated) == before


def test_a_flag_given_an_address_names_its_option(team):
    pid = add("苏州甲公司")
    result = run("log-visit", pid, "--by", "张伟", "--outcome", "met", "--email", "it@x.cn",
                 "--json")
    assert_refused(result, 2)
    assert "--email-address" in result.json["error"]["message"]


def test_flags_alone_still_work(team):
    pid = add("苏州甲公司")
    ok("log-visit", pid, "--by", "张伟", "--outcome", "met", "--kind", "sweep", "--landline",
       "--email")


# --- spreadsheets -------------------------------------------------------------------------------


def test_import_rows_take_every_form(team, tmp_path):
    import csv

    path = tmp_path / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["公司名称", "城市", "开拓人", "员工人数", "电脑台数", "座机", "手机", "发现日期"])
        writer.writerow(["苏州甲公司", "苏州", "李娜", "三百人", "４０台", "0512-68881234转8001",
                         "１３８１２３４５６７８", "10月19日"])
        writer.writerow(["苏州乙公司", "苏州", "王强", "150", "40", "400-820-8820", "", "昨天"])
    assert ok_json("import", str(path))["imported"] == 2
    rows = {r["company"]: r for r in ok_json("list")}
    first = facts(rows["苏州甲公司"]["id"])
    assert (first["employees"], first["pcs"], first["landline"], first["landline_ext"],
            first["mobile"], first["found_on"]) == (
        300, 40, "+8651268881234", "8001", "+8613812345678", "2026-10-19")
    second = facts(rows["苏州乙公司"]["id"])
    assert (second["landline"], second["found_on"]) == ("+864008208820", "2026-10-19")


def test_import_visits_take_typed_dates_and_items(team, tmp_path):
    import csv

    pid = add("苏州甲公司", found_on="10/1")
    path = tmp_path / "v.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["客户编号", "走访人", "结果", "类型", "问卷题号", "日期"])
        writer.writerow([pid, "张伟", "met", "sweep", "1-5、2-2", "10/19"])
    assert ok_json("import", str(path), "--kind", "visits")["imported"] == 1
    visit = ok_json("show", pid)["visits"][0]
    assert (visit["date"], visit["items"]) == ("2026-10-19", ["1-5", "2-2"])


def test_an_extension_round_trips_through_export(team, tmp_path):
    add("苏州甲公司", "--landline", "0512-68881234转8001")
    out = tmp_path / "out.csv"
    ok("export", "--what", "prospects", "-o", str(out))
    assert "0512-68881234 转 8001" in out.read_text(encoding="utf-8-sig")


# --- properties ---------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(n=st.integers(0, 10_000_000), unit=st.sampled_from(["", "人", "台", "个"]))
def test_full_width_counts_read_as_ascii(n, unit):
    assert parse_count(str(n).translate(FULL_WIDTH) + unit) == parse_count(str(n)) == n


@settings(max_examples=200, deadline=None)
@given(day=st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
       shape=st.sampled_from(["{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}年{m}月{d}日"]))
def test_full_width_dates_read_as_ascii(day, shape):
    text = shape.format(y=day.year, m=day.month, d=day.day)
    assert parse_date(text.translate(FULL_WIDTH)) == parse_date(text) == day.isoformat()


@settings(max_examples=300, deadline=None)
@given(today=st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)),
       typed=st.dates(dt.date(2000, 1, 1), dt.date(2000, 12, 31)),
       shape=st.sampled_from(["{m}/{d}", "{m}-{d}", "{m}月{d}日", "{m:02d}/{d:02d}"]))
def test_a_yearless_date_is_never_after_today_for_the_past_nor_before_it_for_plans(
        today, typed, shape):
    text = shape.format(m=typed.month, d=typed.day)
    with pinned_today(today.isoformat()):
        past = dt.date.fromisoformat(parse_date(text))
        plan = dt.date.fromisoformat(parse_date(text, ahead=True))
    assert (past.month, past.day) == (plan.month, plan.day) == (typed.month, typed.day)
    assert past <= today <= plan
    # the nearest such day: within a year, or a leap day's eight
    reach = 366 * (8 if (typed.month, typed.day) == (2, 29) else 1)
    assert (today - past).days < reach and (plan - today).days < reach


@settings(max_examples=200, deadline=None)
@given(area=st.sampled_from(["0512", "010", "021", "0510"]),
       local=st.integers(20_000_000, 89_999_999), ext=st.none() | st.integers(1, 99999),
       marker=st.sampled_from(["转", " 转 ", "-", " ext ", "分机", " ext. "]))
def test_full_width_landlines_read_as_ascii(area, local, ext, marker):
    import phonenumbers
    from hypothesis import assume

    # A few blocks are no numbers at all in phonenumbers' plan (010-8000xxxx): not this test's.
    assume(phonenumbers.is_valid_number(phonenumbers.parse(f"{area}-{local}", "CN")))
    text = f"{area}-{local}" + (f"{marker}{ext}" if ext is not None else "")
    ascii_model = inputs.ProspectFields.model_validate({"landline": text})
    wide_model = inputs.ProspectFields.model_validate({"landline": text.translate(FULL_WIDTH)})
    assert (wide_model.landline, wide_model.landline_ext) == (
        ascii_model.landline, ascii_model.landline_ext)
    assert ascii_model.landline_ext == (None if ext is None else str(ext))
    assert ascii_model.landline == "+86" + area[1:] + str(local)


def test_the_readme_examples_run_as_written(team):
    """README's "Typing as people type / 随手输入": every command of its `sh` block succeeds and
    every `$ yulin ...` prints the line shown under it, in a fresh database."""
    import re
    import shlex
    from pathlib import Path

    text = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    start = text.index("### Typing as people type / 随手输入")
    section = text[start:text.index("\n## ", start)]
    ran = 0
    for kind, body in re.findall(r"```(\w+)\n(.*?)```", section, flags=re.S):
        lines = body.replace("\\\n", " ").splitlines()
        for i, line in enumerate(lines):
            if kind == "sh" and line.strip():
                args = shlex.split(line)
                assert args[0] == "yulin", line
                assert run(*args[1:]).exit_code == 0, line
                ran += 1
            elif kind == "text" and line.startswith("$ yulin "):
                result = run(*shlex.split(line[len("$ yulin "):]))
                assert lines[i + 1].strip() in result.stdout + result.stderr, (
                    line, result.stdout, result.stderr)
                ran += 1
    assert ran >= 5
    got = facts(1)
    assert (got["employees"], got["pcs"], got["landline_ext"], got["found_on"]) == (
        300, 400, "8001", "2026-10-19")
    assert ok_json("show", 1)["visits"][0]["items"] == ["1-5", "2-2", "2-3"]
