"""Verdicts you can trust everywhere: the rulings of RULES.md at their edges, and every command
saying the same thing about the same prospect. Each test here failed on the first release."""

from __future__ import annotations

import csv

import pytest

from conftest import ALL_ITEMS, add, assert_refused, json_error, make_ready, ok, ok_json, row_counts, run

ADDRESS = "工业园区星湖街 218 号"


def checks(pid, *extra) -> dict[str, bool]:
    return {c["rule"]: c["ok"] for c in run("check-visit", pid, "--json", *extra).json["checks"]}


def verify(pid, by="李娜", pretext="buyer", result="confirmed", *flags, date="2026-10-15"):
    return ok_json("verify", pid, "--by", by, "--pretext", pretext, "--result", result,
                   "--date", date, *flags)


def write_csv(path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# --- 1. address and scale confirmation is bound to the values confirmed (Q2) ----------------


@pytest.mark.parametrize(("option", "value", "undone"), [
    ("--address", "工业园区星湖街 9 号", {"address"}),
    ("--employees", "300", {"address"}),
    ("--pcs", "90", {"address"}),
])
def test_changing_a_confirmed_fact_undoes_its_confirmation(team, option, value, undone):
    pid = add()
    make_ready(pid)
    assert all(checks(pid).values())
    ok("update-prospect", pid, option, value)
    assert {rule for rule, passed in checks(pid).items() if not passed} == undone
    assert_refused(run("plan-visit", pid, "--visitor", "张伟"), 1)
    # A new round confirming the new values makes it ready again.
    verify(pid, "李娜", "invitation", "confirmed", "--address", "--scale", date="2026-10-16")
    assert all(checks(pid).values())


def test_address_change_names_what_changed(team):
    pid = add()
    make_ready(pid)
    ok("update-prospect", pid, "--address", "工业园区星湖街 9 号")
    check = next(c for c in run("check-visit", pid, "--json").json["checks"]
                 if c["rule"] == "address")
    assert "changed" in check["message"]


def test_a_round_before_the_address_was_recorded_confirms_nothing(team):
    pid = add()
    out = ok("verify", pid, "--by", "李娜", "--pretext", "buyer", "--result", "confirmed",
             "--address", "--scale")
    assert "no address recorded" in out.stdout
    ok("update-prospect", pid, "--address", ADDRESS, "--contact-surname", "周")
    verify(pid, "李娜", "applicant")
    assert checks(pid)["address"] is False


# --- 2. only the finder's confirmed rounds count; a later contradiction blocks (Q1) ---------


def test_contradicted_rounds_do_not_count_towards_two(team):
    pid = add()
    ok("update-prospect", pid, "--address", ADDRESS, "--contact-surname", "周")
    verify(pid, "李娜", "buyer", "confirmed", "--address", "--scale")
    out = verify(pid, "李娜", "applicant", "contradicted")
    assert out["counts"] is False
    assert checks(pid)["verification"] is False


def test_a_colleagues_contradiction_after_the_finders_rounds_blocks(team):
    pid = add()
    make_ready(pid)
    verify(pid, "王强", "front-desk", "contradicted", date="2026-10-16")
    assert checks(pid)["verification"] is False
    assert_refused(run("plan-visit", pid, "--visitor", "张伟", "--date", "2026-10-17"), 1)
    verify(pid, "李娜", "invitation", "confirmed", date="2026-10-17")
    assert checks(pid)["verification"] is True


def test_an_earlier_contradiction_does_not_block(team):
    pid = add(found_on="2026-10-10")
    verify(pid, "王强", "front-desk", "contradicted", date="2026-10-14")
    make_ready(pid)  # the finder's rounds are dated 2026-10-15
    assert checks(pid)["verification"] is True


# --- 3. readiness is judged as of the visit's date (Q2) -------------------------------------


def test_a_visit_dated_before_the_rounds_is_unready(team):
    pid = add(found_on="2026-10-01")
    make_ready(pid)  # rounds dated 2026-10-15
    early = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
                    "--landline", "--email", "--date", "2026-10-14")
    assert early["flags"] == ["unready"]
    on_time = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
                      "--landline", "--email", "--date", "2026-10-15")
    assert on_time["flags"] == []
    # unready is for planned visits only (an upgrade visit is an existing customer's).
    ok("update-prospect", pid, "--existing-customer", "--date", "2026-10-01")
    upgrade = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "met", "--kind", "upgrade",
                      "--date", "2026-10-01")
    assert "unready" not in upgrade["flags"]


def test_an_earlier_substandard_visit_counts_from_its_own_date(team):
    pid = add()
    make_ready(pid)
    ok("log-visit", pid, "--by", "刘洋", "--outcome", "substandard", "--date", "2026-10-20")
    before = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
                     "--landline", "--email", "--date", "2026-10-16")
    assert before["flags"] == []
    after = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "met", "--date", "2026-10-21")
    assert after["flags"] == ["unready"]


# --- 4. a substandard finding costs the source on planned and sweep visits (Q1, Q15) --------


def test_a_sweep_that_finds_it_substandard_costs_the_source(team):
    planned = add("苏州甲公司")
    make_ready(planned)
    ok("plan-visit", planned, "--visitor", "张伟", "--date", "2026-10-16")
    ok("log-visit", planned, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
       "--landline", "--email", "--date", "2026-10-16")
    swept = add("苏州乙公司")
    doc = ok_json("log-visit", swept, "--by", "张伟", "--outcome", "substandard",
                  "--kind", "sweep", "--date", "2026-10-16")
    assert doc["points"] == [{"staff": "李娜", "delta": -5, "rule": "substandard",
                             "clause": "Q1"}]
    assert "inspect" in doc["flags"]
    assert ok_json("points", "李娜")["total"] == -5
    notices = ok_json("notices", "--to", "2026-10-31")
    assert [(n["staff"], n["kind"], n["prospect_id"]) for n in notices] == [
        ("李娜", "criticism", swept)]


def test_an_upgrade_visit_never_costs_a_prospector(team):
    pid = add("苏州甲公司", "--existing-customer")
    doc = ok_json("log-visit", pid, "--by", "赵敏", "--outcome", "substandard",
                  "--kind", "upgrade", "--date", "2026-10-16")
    assert doc["points"] == [] and "inspect" not in doc["flags"]
    assert ok_json("points", "李娜")["total"] == 0


# --- 5. sweeps: only after the day's planned visits, and only nearby (Q12) ------------------


def _planned_day(district="工业园区"):
    pid = add("苏州甲公司", "--district", district)
    make_ready(pid)
    ok("plan-visit", pid, "--visitor", "张伟", "--date", "2026-10-16")
    ok("log-visit", pid, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
       "--landline", "--email", "--date", "2026-10-16")
    return pid


def _sweep(company, district, date="2026-10-16"):
    pid = add(company, "--district", district) if district else add(company)
    return ok_json("log-visit", pid, "--by", "张伟", "--outcome", "met", "--kind", "sweep",
                   "--items", ALL_ITEMS, "--landline", "--email", "--date", date)


def test_a_sweep_on_a_day_with_no_planned_visit_earns_nothing(team):
    doc = _sweep("苏州乙公司", "工业园区")
    assert doc["flags"] == ["sweep-unplanned"] and doc["points"] == []
    assert ok_json("points", "张伟")["total"] == 0


def test_a_sweep_far_from_the_days_visits_earns_nothing(team):
    _planned_day("工业园区")
    far = _sweep("苏州乙公司", "相城区")
    assert far["flags"] == ["sweep-far"] and far["points"] == []
    near = _sweep("苏州丙公司", "工业园区")
    assert near["flags"] == [] and near["points"] == [
        {"staff": "张伟", "delta": 3, "rule": "sweep", "clause": "Q12"}]
    unknown = _sweep("苏州丁公司", None)  # an unknown district counts as neighbouring
    assert unknown["flags"] == [] and unknown["points"][0]["delta"] == 3


# --- 6. the quota is a window with a first and a last day (Q3) ------------------------------


# The last day of the window is a Saturday in 2026: working days only count (RULES.md, third
# release), so the window's last day that counts is Friday 30 October.
@pytest.mark.parametrize(("day", "active"), [
    ("2025-11-14", False), ("2025-12-31", False), ("2026-01-01", True), ("2026-10-30", True),
    ("2026-10-31", False), ("2026-11-02", False),
])
def test_quota_window(team, day, active):
    add(found_on=day)
    report = ok_json("daily-report", "--date", day)
    assert report["quota"]["active"] is active
    li = next(p for p in report["people"] if p["name"] == "李娜")
    assert li["quota_met"] is (False if active else None)


def test_quota_window_is_policy(team, tmp_path):
    policy = tmp_path / "team.toml"
    policy.write_text("[quota]\ncampaign_start = 2025-11-01\ncampaign_end = 2025-11-30\n",
                      encoding="utf-8")
    report = ok_json("--policy", str(policy), "daily-report", "--date", "2025-11-14")
    assert report["quota"]["active"] is True
    assert report["policy"] == {"what_if": str(policy)}  # a read under a file says so
    shown = ok_json("--policy", str(policy), "policy", "show")["quota"]
    assert (shown["campaign_start"], shown["campaign_end"]) == ("2025-11-01", "2025-11-30")
    policy.write_text("[quota]\ncampaign_start = 2026-12-01\n", encoding="utf-8")
    code, error = json_error("--policy", str(policy), "daily-report")
    assert (code, error["code"]) == (2, "policy.bad_key") and "quota" in error["message"]


# --- 7. duplicate names: legal form only as a suffix, city only as a prefix or in brackets --


def test_a_trade_name_containing_a_legal_form_word_is_another_company(team):
    first = add("苏州有限元仿真科技有限公司")
    other = ok_json("add-prospect", "--company", "元仿真科技有限公司", "--city", "苏州",
                    "--sourced-by", "李娜")
    assert other["duplicate_of"] is None and other["id"] != first
    refused = run("add-prospect", "--company", "有限元仿真科技（苏州）有限公司", "--city", "苏州",
                  "--sourced-by", "李娜", "--json")
    assert_refused(refused, 1)
    assert refused.json["duplicate_of"] == first


# --- 8. the 2-star band is a floor: a richer prospect never rates lower ---------------------


def test_more_deal_value_never_lowers_the_stars(team):
    pid = add("苏州甲公司", "--deal-value", "8万", "--need", "explicit", "--platform-interest")
    assert ok_json("rate", pid)["stars"] == 2
    ok("update-prospect", pid, "--deal-value", "12万")
    assert ok_json("rate", pid)["stars"] == 2


# --- one admission step for every way in (Q6, Q8) -------------------------------------------


def test_duplicate_tie_break_is_the_earliest_prospect_everywhere(team, tmp_path):
    first = add("苏州恒瑞精密机械有限公司")
    add("苏州甲公司", "--landline", "0512-68881234")
    result = run("add-prospect", "--company", "恒瑞精密机械（苏州）有限公司", "--city", "苏州",
                 "--sourced-by", "李娜", "--landline", "0512-68881234", "--json")
    assert_refused(result, 1)
    assert result.json["duplicate_of"] == first
    path = write_csv(tmp_path / "in.csv", ["company", "city", "sourced_by", "landline"],
                     [["恒瑞精密机械（苏州）有限公司", "苏州", "李娜", "0512-68881234"]])
    doc = run("import", str(path), "--json").json
    assert doc["duplicates"] == [{"row": 2, "duplicate_of": first}]


def test_import_warns_about_another_prospectors_industry(team, tmp_path):
    ok("staff", "update", "王强", "--industry", "机械")
    warned = ok_json("add-prospect", "--company", "苏州甲公司", "--city", "苏州",
                     "--sourced-by", "李娜", "--industry", "机械")["warnings"]
    path = write_csv(tmp_path / "in.csv", ["company", "city", "sourced_by", "industry"],
                     [["苏州乙公司", "苏州", "李娜", "机械"], ["苏州丙公司", "苏州", "王强", "机械"]])
    doc = ok_json("import", str(path))
    assert [(w["row"], w["rule"], w["clause"]) for w in doc["warnings"]] == [
        (2, "duplicate", "Q8")]
    assert doc["warnings"][0]["message"] == warned[0]["message"]


def test_import_refuses_out_of_territory_as_add_prospect_does(team, tmp_path):
    refused = run("add-prospect", "--company", "上海甲公司", "--city", "上海市",
                  "--sourced-by", "李娜")
    assert_refused(refused, 1)
    path = write_csv(tmp_path / "in.csv", ["company", "city", "sourced_by"],
                     [["上海甲公司", "上海市", "李娜"]])
    doc = run("import", str(path), "--json").json
    assert doc["errors"][0]["error"] in refused.stderr


# --- next actions see the red-sea verdict; one rating object everywhere (Q5, Q13, Q18) -------


RATING_KEYS = {"prospect_id", "stars", "reasons", "next_actions", "details"}


def _impure_five_star():
    pid = add("苏州甲公司", "--deal-value", "50万", "--need", "explicit",
              "--yulin-interest", "high")
    ok("redsea", pid, "--cold", "--excluded-us")
    return pid


def test_an_impure_prospect_only_gets_dropped_everywhere(team):
    impure = _impure_five_star()
    modest = add("苏州乙公司")  # 1 star, still worth following
    rating = ok_json("rate", impure)
    assert rating["stars"] == 5
    assert len(rating["next_actions"]) == 1 and "drop" in rating["next_actions"][0]
    ranked = ok_json("rate", "--all")
    assert [r["prospect_id"] for r in ranked] == [modest, impure]
    assert ranked[1]["next_actions"] == rating["next_actions"]
    assert ok_json("show", impure)["rating"]["next_actions"] == rating["next_actions"]
    advice = [a for a in ok_json("advise", impure)["advice"] if a["rule"] == "next-actions"]
    assert [a["message"] for a in advice] == rating["next_actions"]
    assert impure not in {t["prospect_id"] for t in ok_json("manager")["take_now"]}
    assert "drop" in ok("rate", impure).stdout


def test_the_same_rating_object_in_every_command(team):
    pid = add("苏州甲公司", "--deal-value", "50万", "--need", "explicit",
              "--yulin-interest", "high")
    rate = ok_json("rate", pid)
    ranked = ok_json("rate", "--all")[0]
    shown = ok_json("show", pid)["rating"]
    managed = ok_json("manager")["take_now"][0]
    for doc in (rate, ranked, shown, managed):
        assert doc.keys() >= RATING_KEYS
        assert all(isinstance(r, str) for r in doc["reasons"] + doc["next_actions"])
        assert all(d.keys() >= {"rule", "clause", "message"} for d in doc["details"])
        common = {k: doc[k] for k in RATING_KEYS}
        assert common == {k: rate[k] for k in RATING_KEYS}


# --- who may record what -------------------------------------------------------------------


def test_only_the_finder_a_prospector_or_a_manager_verifies(team, isolated):
    pid = add()
    before = row_counts(isolated)
    assert_refused(run("verify", pid, "--by", "张伟", "--pretext", "buyer", "--result",
                       "confirmed"), 1)
    assert row_counts(isolated) == before
    verify(pid, "赵敏", "buyer")  # a manager
    verify(pid, "王强", "buyer")  # another prospector
    swept = add("苏州乙公司", by="张伟")  # a visitor who found it on a sweep verifies it
    verify(swept, "张伟", "buyer")


def test_only_a_visitor_or_manager_of_the_centre_logs_a_visit(team, isolated):
    pid = add()
    ok("staff", "add", "周军", "--center", "南京育林中心", "--role", "visitor")
    before = row_counts(isolated)
    for by in ("李娜", "周军"):  # a prospector; a visitor of another centre
        assert_refused(run("log-visit", pid, "--by", by, "--outcome", "met"), 1)
    assert row_counts(isolated) == before
    ok("log-visit", pid, "--by", "赵敏", "--outcome", "met", "--kind", "sweep")


# --- bad input that still got through -------------------------------------------------------

HUGE = "99999999999999999999999"


@pytest.mark.parametrize(("args", "code", "names"), [
    (["check-visit", HUGE], "not_found.prospect", ""),
    (["show", HUGE], "not_found.prospect", ""),
    (["rate", HUGE], "not_found.prospect", ""),
    (["advise", HUGE], "not_found.prospect", ""),
    (["redsea", HUGE, "--cold"], "not_found.prospect", ""),
    (["update-prospect", HUGE, "--pcs", "40"], "not_found.prospect", ""),
    (["verify", HUGE, "--by", "李娜", "--pretext", "buyer", "--result", "confirmed"],
     "not_found.prospect", ""),
    (["log-visit", HUGE, "--by", "张伟", "--outcome", "met"], "not_found.prospect", ""),
    (["plan-visit", HUGE, "--visitor", "张伟"], "not_found.prospect", ""),
    (["inspect", HUGE, "--by", "赵敏", "--verdict", "upheld"], "not_found.visit", ""),
    (["direct-sales", "settle", HUGE, "--outcome", "cooperate", "--by", "赵敏"],
     "not_found.direct_sales", ""),
    (["merge", "1", HUGE, "--by", "赵敏", "--yes"], "not_found.prospect", ""),
    (["list", "--limit", HUGE], "usage", "--limit"),
    (["adjust-points", "李娜", HUGE, "--reason", "x", "--by", "赵敏"], "usage", "DELTA"),
])
def test_an_id_too_large_for_the_database_is_bad_input(team, isolated, args, code, names):
    add()
    before = row_counts(isolated)
    exit_code, error = json_error(*args)
    assert (exit_code, error["code"]) == (2, code), error
    assert names in error["message"]  # a usage mistake names the parameter
    assert row_counts(isolated) == before


def test_a_missing_option_reads_like_click(team):
    result = run("add-prospect", "--company", "苏州甲公司", "--sourced-by", "李娜")
    assert_refused(result, 2)
    assert "Missing option '--city'" in result.stderr
    assert "{" not in result.stderr


def test_an_empty_company_names_the_option_and_why(team):
    result = run("add-prospect", "--company", "", "--city", "苏州", "--sourced-by", "李娜")
    assert_refused(result, 2)
    assert "--company" in result.stderr and "cannot be empty" in result.stderr


def test_redsea_without_flags_only_shows_and_clear_clears(team, isolated):
    pid = add()
    ok("redsea", pid, "--cold", "--excluded-us")
    before = row_counts(isolated)
    shown = ok_json("redsea", pid)
    assert shown["verdict"] == "impure"
    assert [s["signal"] for s in shown["signals"]] == ["excluded-us", "cold"]
    assert "drop" in shown["action"] and "drop it; drop it" not in shown["action"]
    assert row_counts(isolated) == before
    assert_refused(run("redsea", pid, "--clear", "--cold"), 2)
    assert row_counts(isolated) == before
    cleared = ok_json("redsea", pid, "--clear")
    assert (cleared["verdict"], cleared["signals"]) == ("pure", [])
    assert ok_json("show", pid)["prospect"]["in_selection"] is True


@pytest.mark.once
def test_version_alone_prints_the_version():
    from yulin_cli import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == __version__


def test_a_change_that_undoes_readiness_says_so(team):
    """Changing the address of a prospect ready to visit says it no longer is, and why."""
    pid = add()
    make_ready(pid)
    quiet = ok_json("update-prospect", pid, "--district", "工业园区")
    assert quiet["readiness_lost"] == []
    doc = ok_json("update-prospect", pid, "--address", "工业园区新地址 100 号")
    assert [r["rule"] for r in doc["readiness_lost"]] == ["address"]
    again = ok("--lang", "zh", "update-prospect", pid, "--address", "工业园区新地址 102 号")
    assert "不能走访了" not in again.stdout  # it was not ready before this change either
    fresh = add("苏州乙公司")
    make_ready(fresh)
    said = ok("--lang", "zh", "update-prospect", fresh, "--employees", "300").stdout
    assert f"客户 #{fresh} 不能走访了" in said and "（Q2）" in said
