"""daily-report and demo through the CLI, checked against the sample team."""

from __future__ import annotations

from conftest import add, assert_refused, make_ready, ok, ok_json, row_counts, run

PERSON_KEYS = {"name", "center", "roles", "quality_found", "quota_met", "verifications",
               "visits", "effective_visits", "points_today", "points_total"}


def test_demo_loads_and_reports(isolated):
    doc = ok_json("demo")
    assert doc["loaded"] is True
    report = doc["daily_report"]
    assert report["date"] == "2026-10-15"
    assert report["quota"] == {"per_day": 2, "active": True}
    people = {p["name"]: p for p in report["people"]}
    assert all(p.keys() >= PERSON_KEYS for p in people.values())
    assert people["张伟"]["points_today"] == 3  # the effective sweep after the planned visits
    assert people["陈静"]["points_today"] == -5  # 东吴精工 found substandard
    assert people["李娜"]["quota_met"] is True
    assert people["张伟"]["quota_met"] is None  # visitors have no quota
    assert {n["kind"] for n in report["notices"]} == {"praise", "criticism"}
    kinds = [a["kind"] for a in report["attention"]]
    assert "inspect" in kinds and "unready" in kinds and "take-over" in kinds
    assert all({"rule", "prospect_id", "message"} <= a.keys() for a in report["attention"])
    assert doc["ranking"][0]["stars"] == 5
    # Q18: the impure 5-star prospect is never handed to a manager.
    impure = next(r for r in ok_json("rate", "--all") if r["company"] == "苏州长风航空部件有限公司")
    assert impure["prospect_id"] not in {a["prospect_id"] for a in report["attention"]}


def test_demo_twice_is_harmless_and_refuses_other_data(isolated):
    ok("demo")
    counts = row_counts(isolated)
    assert ok_json("demo")["loaded"] is False
    assert row_counts(isolated) == counts


def test_demo_refuses_a_database_in_use(team, isolated):
    before = row_counts(isolated)
    assert_refused(run("demo"), 1)
    assert row_counts(isolated) == before


def test_demo_human_output_fits_80_columns(isolated):
    from rich.cells import cell_len

    out = ok("demo").stdout
    assert "Daily report 2026-10-15" in out and "star ranking" in out
    from yulin_cli.db import shown_target

    # The line naming the database (its password masked) may be as long as the URL.
    tables = [line for line in out.splitlines() if shown_target(str(isolated)) not in line]
    assert max(cell_len(line) for line in tables) <= 80
    for lang in ("en", "zh"):
        report = ok("--lang", lang, "daily-report", "--date", "2026-10-15").stdout
        assert max(cell_len(line) for line in report.splitlines()) <= 80


def test_report_quality_count_agrees_with_the_rating_rule(isolated):
    """The report counts quality customers in SQL; `rate ID` decides each one with the Python
    rule. The two agree on every day of the sample team."""
    ok("demo")
    for day in ("2026-10-12", "2026-10-13", "2026-10-14", "2026-10-15", "2026-10-16"):
        report = ok_json("daily-report", "--date", day)
        counted = {p["name"]: p["quality_found"] for p in report["people"]}
        by_rule: dict[str, int] = dict.fromkeys(counted, 0)
        for row in ok_json("list", "--from", day, "--to", day):
            if ok_json("rate", row["id"])["stars"] > 0:
                by_rule[row["sourced_by"]] += 1
        assert counted == by_rule, day
        assert sum(counted.values()) > 0 or day == "2026-10-16", day


def test_quota_is_inactive_after_the_campaign(team):
    add(found_on="2026-11-03")
    report = ok_json("daily-report", "--date", "2026-11-03")
    assert report["quota"]["active"] is False
    assert {p["quota_met"] for p in report["people"]} == {None}


def test_report_counts_one_day_and_one_centre(team):
    first = add("苏州甲公司")
    add("苏州乙公司")
    add("苏州丙公司", "--employees", "10", "--pcs", "1")  # below the standard: not counted
    add("苏州丁公司", found_on="2026-10-14")
    make_ready(first)
    report = ok_json("daily-report", "--date", "2026-10-15", "--center", "苏州育林中心")
    li = next(p for p in report["people"] if p["name"] == "李娜")
    assert (li["quality_found"], li["quota_met"], li["verifications"]) == (2, True, 2)
    assert {p["center"] for p in report["people"]} == {"苏州育林中心"}
    human = ok("daily-report", "--date", "2026-10-15").stdout
    assert "2/2" in human and "▮▮" in human


def test_forced_duplicate_does_not_count_for_quota(team):
    add("苏州甲公司", "--landline", "0512-68881234")
    ok("add-prospect", "--company", "苏州乙公司", "--city", "苏州", "--sourced-by", "李娜",
       "--landline", "051268881234", "--found-on", "2026-10-15", "--employees", "200",
       "--pcs", "50", "--force")
    li = next(p for p in ok_json("daily-report", "--date", "2026-10-15")["people"]
              if p["name"] == "李娜")
    assert li["quality_found"] == 1


def test_chinese_report(isolated):
    ok("demo")
    out = ok("--lang", "zh", "daily-report", "--date", "2026-10-15").stdout
    assert "日报 2026-10-15" in out and "通报" in out and "需要分管领导关注" in out


def test_quality_customers_not_yet_visited_count_only_live_visits(team):
    """Q5's line under the ranking counts quality customers with no visit, or only voided ones."""
    add("苏州甲公司")
    voided, visited = add("苏州乙公司"), add("苏州丙公司")
    add("苏州丁公司", "--employees", "10", "--pcs", "2")  # not a quality customer
    for pid in (voided, visited):
        make_ready(pid)
        ok("log-visit", pid, "--by", "刘洋", "--outcome", "met", "--date", "2026-10-16")
    assert "1 quality customer(s) not yet visited" in ok("rate", "--all").stdout
    visit = ok_json("show", voided)["visits"][0]["visit_id"]
    ok("void", "visit", visit, "--by", "赵敏", "--reason", "录错")
    assert "2 quality customer(s) not yet visited" in ok("rate", "--all").stdout
    # A voided visit beside a live one: still visited.
    ok("log-visit", visited, "--by", "刘洋", "--outcome", "met", "--date", "2026-10-17")
    second = ok_json("show", visited)["visits"][-1]["visit_id"]
    ok("void", "visit", second, "--by", "赵敏", "--reason", "录错")
    assert "2 quality customer(s) not yet visited" in ok("rate", "--all").stdout
