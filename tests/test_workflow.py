"""verify, check-visit, plan-visit, log-visit, rate and redsea through the CLI."""

from __future__ import annotations

from conftest import ALL_ITEMS, add, assert_refused, make_ready, ok, ok_json, row_counts, run


def checks(pid) -> dict[str, bool]:
    return {c["rule"]: c["ok"] for c in run("check-visit", pid, "--json").json["checks"]}


def test_verify_numbers_rounds_from_two(team):
    pid = add()
    first = ok_json("verify", pid, "--by", "李娜", "--pretext", "buyer", "--result", "confirmed")
    second = ok_json("verify", pid, "--by", "王强", "--pretext", "front-desk",
                     "--result", "confirmed")
    assert (first["prospect_id"], first["round"], second["round"]) == (pid, 2, 3)
    assert second["counts"] is False
    assert "does not count" in ok("verify", pid, "--by", "王强", "--pretext", "other",
                                  "--result", "confirmed").stdout


def test_check_visit_walks_from_not_ready_to_ready(team):
    pid = add()
    result = run("check-visit", pid, "--json")
    assert result.exit_code == 1
    doc = result.json
    assert doc["prospect_id"] == pid and doc["ready"] is False
    assert [c["rule"] for c in doc["checks"]] == ["standard", "verification", "address",
                                                  "contact", "territory", "redsea"]
    assert all({"rule", "clause", "ok", "message"} <= c.keys() for c in doc["checks"])
    assert checks(pid) == {"standard": True, "verification": False, "address": False,
                           "contact": False, "territory": True, "redsea": True}
    make_ready(pid)
    result = ok("check-visit", pid)
    assert "ready to visit" in result.stdout and "✓" in result.stdout


def test_check_visit_human_view_says_what_to_do(team):
    pid = add()
    result = run("check-visit", pid)
    assert result.exit_code == 1
    assert "✗" in result.stdout and "yulin verify" in result.stdout


def test_impure_red_sea_is_not_ready(team):
    pid = add()
    make_ready(pid)
    doc = ok_json("redsea", pid, "--cold", "--by", "李娜", "--date", "2026-10-16")
    assert (doc["verdict"], doc["signals"]) == (
        "doubtful", [{"signal": "cold", "date": "2026-10-16", "by": "李娜"}])
    assert checks(pid)["redsea"] is True
    # Signals accumulate (RULES.md, third release): a standing one is not recorded twice.
    doc = ok_json("redsea", pid, "--cold", "--excluded-us", "--date", "2026-10-17")
    assert doc["verdict"] == "impure" and "drop" in doc["action"]
    assert [s["signal"] for s in doc["signals"]] == ["cold", "excluded-us"]
    assert doc["signals"][0]["date"] == "2026-10-16"
    assert checks(pid)["redsea"] is False
    # With no signal flags the recorded verdict is only shown, never erased.
    assert ok_json("redsea", pid)["verdict"] == "impure"
    doc = ok_json("redsea", pid, "--clear")
    assert doc["verdict"] == "pure" and doc["signals"] == []  # still in its selection
    assert ok_json("redsea", pid, "--stale-project")["signals"][0]["signal"] == "stale-project"
    # As of the day before they were withdrawn, the signals still stood.
    result = run("check-visit", pid, "--date", "2026-10-17", "--json")
    assert {c["rule"]: c["ok"] for c in result.json["checks"]}["redsea"] is False


def test_plan_visit_refused_until_ready(team, isolated):
    pid = add()
    before = row_counts(isolated)
    result = run("plan-visit", pid, "--visitor", "张伟", "--date", "2026-10-16", "--json")
    assert_refused(result, 1)
    assert result.json["ready"] is False
    assert row_counts(isolated) == before
    make_ready(pid)
    doc = ok_json("plan-visit", pid, "--visitor", "张伟", "--date", "2026-10-16")
    assert doc["prospect_id"] == pid and doc["date"] == "2026-10-16"
    assert_refused(run("plan-visit", pid, "--visitor", "李娜"), 2)  # not a visitor


def test_effective_planned_visit(team):
    pid = add()
    make_ready(pid)
    ok("plan-visit", pid, "--visitor", "张伟", "--date", "2026-10-16")
    doc = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
                  "--landline", "--email", "--date", "2026-10-16")
    assert doc["effective"] is True and doc["missing"] == [] and doc["flags"] == []
    assert doc["points"] == []
    assert ok_json("show", pid)["planned_visits"][0]["visit_id"] == doc["visit_id"]


def test_missing_items_and_contacts_are_listed(team):
    pid = add()
    make_ready(pid)
    doc = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "met",
                  "--items", "1-5,2-2,2-3,2-4,2-5,2-9", "--landline", "--mobile", "--qq")
    assert doc["effective"] is False
    assert doc["missing"] == ["2-8", "email"]


def test_contact_values_given_at_the_visit_are_saved(team):
    pid = add()
    make_ready(pid)
    doc = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
                  "--landline-number", "0512-62581234", "--email-address", "it@hengrui.cn")
    assert doc["effective"] is True
    shown = ok_json("show", pid)["prospect"]
    assert (shown["landline"], shown["email"]) == ("+8651262581234", "it@hengrui.cn")


def test_substandard_visit_costs_the_source_and_asks_for_inspection(team):
    pid = add()
    make_ready(pid)
    doc = ok_json("log-visit", pid, "--by", "刘洋", "--outcome", "substandard",
                  "--date", "2026-10-16")
    assert doc["points"] == [{"staff": "李娜", "delta": -5, "rule": "substandard", "clause": "Q1"}]
    assert doc["flags"] == ["inspect"]
    report = ok_json("daily-report", "--date", "2026-10-16")
    assert report["notices"][0] | {"staff": "李娜", "kind": "criticism", "delta": -5} == \
        report["notices"][0]
    assert {a["kind"] for a in report["attention"]} == {"inspect"}
    li = next(p for p in report["people"] if p["name"] == "李娜")
    assert (li["points_today"], li["points_total"]) == (-5, -5)
    rating = ok_json("rate", pid)
    assert rating["stars"] == 0


def test_effective_substandard_visit_is_not_inspected(team):
    pid = add()
    make_ready(pid)
    doc = ok_json("log-visit", pid, "--by", "刘洋", "--outcome", "substandard",
                  "--items", ALL_ITEMS, "--landline", "--email")
    assert doc["flags"] == [] and doc["points"][0]["delta"] == -5


def test_sweep_earns_points_only_after_planned_visits(team):
    planned = add("苏州甲公司")
    make_ready(planned)
    ok("plan-visit", planned, "--visitor", "张伟", "--date", "2026-10-16")
    neighbour = add("苏州乙公司", by="张伟")
    early = ok_json("log-visit", neighbour, "--by", "张伟", "--outcome", "met", "--kind", "sweep",
                    "--items", ALL_ITEMS, "--landline", "--email", "--date", "2026-10-16")
    assert early["flags"] == ["sweep-early"] and early["points"] == []
    ok("log-visit", planned, "--by", "张伟", "--outcome", "met", "--date", "2026-10-16")
    other = add("苏州丙公司", by="张伟")
    late = ok_json("log-visit", other, "--by", "张伟", "--outcome", "met", "--kind", "sweep",
                   "--items", ALL_ITEMS, "--landline", "--email", "--date", "2026-10-16")
    assert late["points"] == [{"staff": "张伟", "delta": 3, "rule": "sweep", "clause": "Q12"}]
    notices = ok_json("daily-report", "--date", "2026-10-16")["notices"]
    assert [(n["staff"], n["kind"], n["rule"]) for n in notices] == [("张伟", "praise", "sweep")]


def test_unready_visit_is_logged_and_flagged(team):
    pid = add()
    doc = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "refused", "--date",
                  "2026-10-16")
    assert doc["flags"] == ["unready"]
    causes = [r["message"] for r in ok_json("show", pid)["refusal"]]
    assert any("contact" in c for c in causes)


def test_rate_json_and_human(team):
    pid = add("苏州甲公司", "--deal-value", "15万", "--need", "explicit",
              "--yulin-interest", "high")
    doc = ok_json("rate", pid)
    assert doc["prospect_id"] == pid and doc["stars"] == 4
    assert doc["reasons"] and doc["next_actions"]
    human = ok("rate", pid).stdout
    assert "★★★★☆" in human
    assert "200,000 or more would make it 5 stars" in human


def test_rate_all_best_first_and_focus_hint(team):
    add("苏州甲公司", "--deal-value", "8万", "--need", "explicit", "--platform-interest")
    add("苏州乙公司", "--deal-value", "30万", "--need", "explicit", "--yulin-interest", "high")
    add("苏州丙公司", "--employees", "10", "--pcs", "2")
    doc = ok_json("rate", "--all")
    assert [d["stars"] for d in doc] == [5, 2, 0]
    assert "visit them all" in ok("rate", "--all").stdout
    assert_refused(run("rate"), 2)
    assert_refused(run("rate", "1", "--all"), 2)


def test_json_keys_do_not_depend_on_language(team):
    pid = add()
    en = run("check-visit", pid, "--json").json
    zh = run("--lang", "zh", "check-visit", pid, "--json").json
    assert [c.keys() for c in en["checks"]] == [c.keys() for c in zh["checks"]]
    assert [c["rule"] for c in en["checks"]] == [c["rule"] for c in zh["checks"]]
    assert en["checks"][1]["message"] != zh["checks"][1]["message"]
    assert "复核" in zh["checks"][1]["message"]
