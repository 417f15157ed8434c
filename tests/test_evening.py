"""The manager's evening through the CLI: the daily report's new keys, the attention list
grouped and in full, the period summary and views saved as HTML or SVG."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ALL_ITEMS, add, assert_refused, make_ready, ok, ok_json, run
from test_data import write_csv
from yulin_cli import rules

DAY = "2026-10-16"  # a Friday: tomorrow's visits are Monday's


def _person(report: dict[str, Any], name: str) -> dict[str, Any]:
    person: dict[str, Any] = next(p for p in report["people"] if p["name"] == name)
    return person


# --- the daily report ------------------------------------------------------------------------


def test_the_report_says_what_each_found_the_team_totals_and_tomorrow(team, monkeypatch):
    good = add(found_on=DAY)
    add("苏州天目电子有限公司", "--employees", "40", found_on=DAY)  # below the standard
    add("苏州华研新材料有限公司", by="王强", found_on=DAY)
    ready, unready = add("苏州远洋船舶配件有限公司"), add("苏州长风航空部件有限公司")
    make_ready(ready)
    make_ready(unready)
    ok("plan-visit", ready, "--visitor", "张伟", "--date", "2026-10-19")
    ok("plan-visit", unready, "--visitor", "刘洋", "--date", "2026-10-19")
    # After planning, a colleague's contradicted round makes one not ready for Monday.
    ok("verify", unready, "--by", "王强", "--pretext", "front-desk", "--result", "contradicted",
       "--date", "2026-10-17")
    ok("log-visit", ready, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
       "--landline", "--email", "--date", DAY)
    report = ok_json("daily-report", "--date", DAY)
    li = _person(report, "李娜")
    assert [(f["company"], f["quality"]) for f in li["found_today"]] == [
        ("苏州恒瑞精密机械有限公司", True), ("苏州天目电子有限公司", False)]
    assert li["found_today"][0]["prospect_id"] == good
    assert li["quality_found"] == 1 and li["quota_met"] is False
    assert _person(report, "王强")["found_today"][0]["quality"] is True
    # 孙丽 of the 南京 centre is a prospector too.
    assert report["team"] == {"quality_found": 2, "prospectors_meeting_quota": 0,
                              "prospectors": 3, "visits": 1, "effective_visits": 1,
                              "points_today": 0}
    assert ok_json("daily-report", "--date", DAY, "--center", "苏州育林中心")["team"][
        "prospectors"] == 2
    assert [(v["date"], v["visitor"], v["prospect_id"], v["ready"])
            for v in report["tomorrow"]] == [("2026-10-19", "刘洋", unready, False),
                                             ("2026-10-19", "张伟", ready, True)]
    assert report["tomorrow"][0]["company"] == "苏州长风航空部件有限公司"
    human = ok("daily-report", "--date", DAY).stdout
    # A past day's report says "that day"; the report of today says "today".
    found = "quality customers found that day"
    assert found in human and "李娜: #1 苏州恒瑞精密机械有限公司" in human
    assert "苏州天目电子有限公司" not in human.split(found)[1].split("notice")[0]
    assert "1 not ready" in human and "✗ verification" in human
    monkeypatch.setenv("YULIN_TODAY", DAY)
    assert "quality customers found today" in ok("daily-report").stdout
    assert "今天找到的优质客户" in ok("--lang", "zh", "daily-report").stdout


def test_people_with_nothing_that_day_share_one_line_on_the_screen_but_not_in_json(team,
                                                                                  tmp_path):
    """A manager or visitor whose every figure is 0 that day is named on one line instead of
    a row of zeros; a prospector keeps the row (an empty day is news for the quota), and JSON
    and the HTML and spreadsheet saves keep everyone."""
    add(found_on=DAY)
    pid = add("苏州远洋船舶配件有限公司")
    make_ready(pid)
    ok("log-visit", pid, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
       "--landline", "--email", "--date", DAY)
    human = ok("--lang", "zh", "daily-report", "--date", DAY, "--center", "苏州育林中心").stdout
    rows = [line.split()[0] for line in human.splitlines() if line.startswith(" ") and line.strip()]
    assert "张伟" in rows and "王强" in rows and "李娜" in rows  # active, or prospectors
    assert "刘洋" not in rows and "赵敏" not in rows
    assert "另有 2 人（非开拓人）2026-10-16 各项均为 0，未列入上表：刘洋、赵敏" in human
    english = ok("daily-report", "--date", DAY, "--center", "苏州育林中心").stdout
    assert ("2 more people, not prospectors, with every figure 0 on 2026-10-16, left out of the"
            " table: 刘洋, 赵敏") in " ".join(english.split())
    names = [p["name"] for p in ok_json("daily-report", "--date", DAY, "--center",
                                        "苏州育林中心")["people"]]
    assert {"刘洋", "赵敏"} <= set(names)
    ok("daily-report", "--date", DAY, "--save", str(tmp_path / "evening.html"))
    page = (tmp_path / "evening.html").read_text(encoding="utf-8")
    assert "刘洋" in page and "赵敏" in page and "\u2060" not in page


def test_outside_the_campaign_no_one_is_counted_against_the_quota(team):
    add(found_on="2026-11-03")
    report = ok_json("daily-report", "--date", "2026-11-03")
    assert report["team"]["prospectors_meeting_quota"] is None
    assert report["team"]["quality_found"] == 1


@pytest.mark.once
@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_the_next_working_day_is_the_first_weekday_after(day):
    following = rules.next_working_day(day)
    assert following.weekday() < 5
    assert 1 <= (following - day).days <= 3
    assert all((day + dt.timedelta(days=n)).weekday() >= 5
               for n in range(1, (following - day).days))


def _many_top_stars(tmp_path, count: int) -> None:
    """``count`` 5-star prospects found on DAY, through one import."""
    header = ["company", "city", "sourced_by", "employees", "pcs", "deal_value", "need",
              "yulin_interest", "found_on"]
    rows = [[f"苏州星级{n:03d}号科技有限公司", "苏州", "李娜", "300", "90", "30万", "explicit",
             "high", DAY] for n in range(count)]
    ok("import", str(write_csv(tmp_path / "stars.csv", header, rows)))


def test_a_large_attention_list_is_grouped_in_the_report_and_whole_in_json(team, tmp_path):
    _many_top_stars(tmp_path, 60)
    pid = add("苏州天目电子有限公司", found_on="2026-10-15")
    visit = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "substandard", "--date", DAY)
    report = ok_json("daily-report", "--date", DAY)
    kinds = [a["kind"] for a in report["attention"]]
    assert kinds.count("take-over") == 60 and kinds.count("inspect") == 1
    inspect = next(a for a in report["attention"] if a["kind"] == "inspect")
    assert inspect["staff"] is None and inspect["company"] == "苏州天目电子有限公司"
    assert inspect["command"] == f"yulin inspect {visit['visit_id']} --by ... --verdict upheld|overturned"
    unready = next(a for a in report["attention"] if a["kind"] == "unready")
    assert unready["staff"] == "张伟" and unready["command"] == f"yulin check-visit {pid} --date {DAY}"
    take = [a for a in report["attention"] if a["kind"] == "take-over"]
    assert all(a["staff"] is None and a["command"] == f"yulin advise {a['prospect_id']}"
               for a in take)
    assert all({"rule", "prospect_id", "message", "staff", "company", "command"} <= a.keys()
               for a in report["attention"])
    human = ok("daily-report", "--date", DAY).stdout
    assert human.count("yulin advise") == 5
    # The command lists exactly the 55 left out (tests/test_attention_more.py).
    assert (f"… and 55 more: yulin attention --kind take-over --date {DAY} --skip 5 --all"
            in " ".join(human.replace("│", " ").split()))
    assert ok("daily-report", "--date", DAY, "--limit", "2").stdout.count("yulin advise") == 2
    # `attention` lists them all, one rule at a time, a screen at a time.
    everything = ok_json("attention", "--date", DAY)
    assert everything == report["attention"]
    managers = ok_json("attention", "--rule", "managers", "--date", DAY)
    assert len(managers) == 60 and {a["rule"] for a in managers} == {"managers"}
    shown = ok("attention", "--rule", "managers", "--date", DAY).stdout
    assert shown.count("yulin advise") == 50 and "… and 10 more" in shown
    assert "take over (Q13): 60" in shown
    assert ok("attention", "--rule", "managers", "--date", DAY, "--all").stdout.count(
        "yulin advise") == 60
    assert ok("attention", "--rule", "managers", "--date", DAY, "--limit", "3").stdout.count(
        "yulin advise") == 3
    # A screen that ends before some kinds names them, with their counts and their lists.
    first = ok("attention", "--date", DAY, "--limit", "1").stdout
    rest = first.split("Kinds after this screen:")[1]
    assert "take over (Q13): 60" in rest and "yulin advise" not in first.split("Kinds")[0]
    assert f"→ yulin attention --kind take-over --date {DAY}" in rest
    assert "inspect" not in rest  # the kind the screen shows
    assert "Kinds after" not in ok("attention", "--date", DAY, "--all").stdout
    assert_refused(run("attention", "--rule", "nonsense"), 2)
    # A kind by its word in Chinese too; a wrong one names the words that work.
    taken = ok_json("--lang", "zh", "attention", "--kind", "接手", "--date", DAY)
    assert taken == ok_json("--lang", "zh", "attention", "--kind", "take-over", "--date", DAY)
    assert len(taken) == 60
    wrong = run("--lang", "zh", "attention", "--kind", "接收")
    assert_refused(wrong, 2)
    assert "待检查、未就绪、被拒、行业、可能重复、接手" in wrong.stderr


def test_attention_names_who_acts_on_a_refusal(team):
    pid = add()
    ok("log-visit", pid, "--by", "张伟", "--outcome", "refused", "--date", DAY)
    [item] = [a for a in ok_json("attention", "--date", DAY) if a["kind"] == "refused"]
    assert item["staff"] == "李娜"  # the finder learns the contact
    assert item["command"] == f"yulin update-prospect {pid} --contact-surname ... --landline ..."


# --- the period summary ----------------------------------------------------------------------


def test_summary_funnel_days_visitors_and_points(team):
    a = add(found_on="2026-10-14")  # quality, verified, ready, visited effectively, 5 stars
    ok("update-prospect", a, "--deal-value", "25万", "--need", "explicit", "--yulin-interest",
       "high")
    make_ready(a)
    ok("log-visit", a, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS, "--landline",
       "--email", "--date", "2026-10-16")
    b = add("苏州天目电子有限公司", found_on="2026-10-14")  # quality, verified, ready only
    make_ready(b)
    c = add("苏州华研新材料有限公司", found_on="2026-10-15")  # quality only
    add("苏州小作坊有限公司", "--employees", "10", found_on="2026-10-15")  # found only
    d = add("苏州东吴精工模具有限公司", by="王强", found_on="2026-10-15")
    ok("log-visit", d, "--by", "刘洋", "--outcome", "substandard", "--date", "2026-10-20")
    add("苏州后来公司", found_on="2026-10-21")  # outside the period
    doc = ok_json("summary", "--from", "2026-10-14", "--to", "2026-10-16")
    assert doc["from"] == "2026-10-14" and doc["to"] == "2026-10-16"
    # d was found substandard only after --to: as of the 16th it was a quality customer.
    assert doc["funnel"] == {"found": 5, "quality": 4, "verified": 2, "ready": 2, "visited": 1,
                             "effective": 1, "top_stars": 1}
    li = next(p for p in doc["prospectors"] if p["name"] == "李娜")
    assert li["days"] == [
        {"date": "2026-10-14", "quality_found": 2, "quota_met": True},
        {"date": "2026-10-15", "quality_found": 1, "quota_met": False},
        {"date": "2026-10-16", "quality_found": 0, "quota_met": False}]
    visitors = {v["name"]: v for v in doc["visitors"]}
    assert visitors["张伟"] == {"name": "张伟", "visits": 1, "effective_visits": 1}
    assert "刘洋" in visitors and visitors["刘洋"]["visits"] == 0
    assert {p["name"]: p["delta"] for p in doc["points"]}["王强"] == 0
    later = ok_json("summary", "--from", "2026-10-14", "--to", "2026-10-20")
    assert later["funnel"]["quality"] == 3
    assert {p["name"]: p["delta"] for p in later["points"]}["王强"] == -5
    assert c in [f["prospect_id"] for f in _person(
        ok_json("daily-report", "--date", "2026-10-15"), "李娜")["found_today"]]
    human = ok("summary", "--from", "2026-10-14", "--to", "2026-10-16").stdout
    assert "verified twice" in human and "█" in human and "met on 1 of 3 days" in human
    # Points: those whose points moved, then how many did not (JSON lists everyone).
    unmoved = sum(1 for p in later["points"] if p["delta"] == 0)
    assert 0 < unmoved < len(later["points"])
    points = ok("summary", "--from", "2026-10-14", "--to", "2026-10-20").stdout.split(
        "points in the period")[1]
    assert "王强" in points
    assert "+0" not in points and f"{unmoved} more people with no change" in points


def test_summary_lines_up_the_figures_whatever_the_days_met(team):
    """One prospector met the quota on nine days of nine (18 found), another on one (2), a
    third started late (0 of 1) and a fourth after the period (no quota day): the quality
    figures still stand in one column (the days are a column of their own, or blank)."""
    days = ["2026-10-01", "2026-10-02", *(f"2026-10-{d:02d}" for d in (5, 6, 7, 8, 9, 12, 13,
                                                                      14))]
    for n, day in enumerate(days):
        add(f"苏州甲{n}号公司", found_on=day)
        add(f"苏州乙{n}号公司", found_on=day)
    add("苏州丙公司", by="王强", found_on="2026-10-01")
    add("苏州丁公司", by="王强", found_on="2026-10-01")
    ok("staff", "add", "周杰", "--center", "苏州育林中心", "--role", "prospector", "--since",
       "2026-10-13")
    ok("staff", "add", "吴敏", "--center", "苏州育林中心", "--role", "prospector", "--since",
       "2026-10-14")
    add("苏州戊公司", by="吴敏", found_on="2026-10-14")
    for lang in ("en", "zh"):
        out = ok("--lang", lang, "summary", "--from", "2026-10-01", "--to", "2026-10-13",
                 "--center", "苏州育林中心").stdout
        ends = {m.group(1): m.end(2) - m.start(0) for m in re.finditer(
            r"^ (李娜|王强|周杰|吴敏)\s+(\d+) ", out, re.MULTILINE)}
        assert set(ends) == {"李娜", "王强", "周杰", "吴敏"} and len(set(ends.values())) == 1, out
        assert "9/9" in out or "9 of 9" in out
        late = next(line for line in out.splitlines() if line.startswith(" 吴敏"))
        assert "达标" not in late and "met" not in late  # no quota day in the period


def test_summary_refuses_a_backwards_or_endless_period(team):
    for args in (("--from", "2026-10-16", "--to", "2026-10-14"),
                 ("--from", "2020-01-01", "--to", "2026-10-14"),
                 ("--from", "2026-10-40", "--to", "2026-10-14")):
        assert_refused(run("summary", *args), 2)
    assert_refused(run("summary", "--from", "2026-10-01", "--to", "2026-10-31", "--center",
                       "没有这个中心"), 2)


def test_summary_fits_80_columns_in_both_languages(team):
    from rich.cells import cell_len

    add(found_on="2026-10-14")
    for lang in ("en", "zh"):
        out = ok("--lang", lang, "summary", "--from", "2026-10-01", "--to", "2026-10-31").stdout
        assert max(cell_len(line) for line in out.splitlines()) <= 80


# --- saved views -------------------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            assert not (name in ("src", "href") and value and "://" in value), value

    def handle_data(self, data):
        self.chunks.append(data)


def _svg_text(path) -> str:
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    # Rich writes each run of text as its own <text>; spaces are non-breaking.
    text = "".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))
    return text.replace("\xa0", " ")


@pytest.mark.parametrize(("args", "needle"), [
    (("daily-report", "--date", DAY), "苏州恒瑞精密机械有限公司"),
    (("summary", "--from", "2026-10-01", "--to", "2026-10-31"), "李娜"),
    (("rate", "--all"), "苏州恒瑞精密机械有限公司"),
    (("manager",), "苏州恒瑞精密机械有限公司")], ids=["daily-report", "summary", "rate", "manager"])
def test_save_writes_the_same_view_as_html_and_svg(team, tmp_path, args, needle):
    pid = add(found_on=DAY)
    ok("update-prospect", pid, "--deal-value", "25万", "--need", "explicit", "--yulin-interest",
       "high")
    shown = ok(*args).stdout
    html_file, svg_file = tmp_path / "view.html", tmp_path / "view.svg"
    saved = ok(*args, "--save", str(html_file))
    assert saved.stdout == shown and str(html_file) in saved.stderr
    parser = _Text()
    parser.feed(html_file.read_text(encoding="utf-8"))
    text = "".join(parser.chunks)
    # A document, not a picture of the terminal (tests/test_saved_reports.py checks it whole).
    assert {"html", "title"} <= parser.tags and "pre" not in parser.tags
    assert needle in text
    ok(*args, "--save", str(svg_file))
    svg = svg_file.read_text(encoding="utf-8")
    assert "https://" not in svg.split("<!--")[0] + svg.split("-->")[-1]
    assert needle in _svg_text(svg_file)
    # JSON still goes to stdout, alone; the file is the human view.
    assert ok(*args, "--save", str(html_file), "--json").json is not None


def test_save_refuses_other_files_before_any_work(team, tmp_path):
    for name in ("report.pdf", "report"):
        assert_refused(run("daily-report", "--save", str(tmp_path / name)), 2)
    assert_refused(run("daily-report", "--save", str(tmp_path / "no" / "such" / "r.html")), 2)
    assert_refused(run("rate", "1", "--save", str(tmp_path / "r.html")), 2)
    assert not list(tmp_path.glob("*.html"))
