"""The rest of the playbook through the CLI: notices, points, inspections, managers, routes,
direct sales, partners, industries, advice and the playbook itself."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ALL_ITEMS, add, assert_refused, json_error, make_ready, ok, ok_json, row_counts, run
from yulin_cli import rules
from yulin_cli.policy import Policy


def substandard_visit(pid: int, effective: bool = False) -> int:
    extra = ["--items", ALL_ITEMS, "--landline", "--email"] if effective else []
    visit_id: int = ok_json("log-visit", pid, "--by", "刘洋", "--outcome", "substandard",
                            "--date", "2026-10-16", *extra)["visit_id"]
    return visit_id


# --- notices and points -------------------------------------------------------------------


def test_notices_by_range_and_centre(team):
    pid = add()
    substandard_visit(pid)
    rows = ok_json("notices", "--from", "2026-10-01", "--to", "2026-10-31")
    assert [(n["staff"], n["kind"], n["delta"], n["rule"], n["prospect_id"]) for n in rows] == [
        ("李娜", "criticism", -5, "substandard", pid)]
    assert ok_json("notices", "--from", "2026-10-17", "--to", "2026-10-31") == []
    assert ok_json("notices", "--to", "2026-10-31", "--center", "南京育林中心") == []
    assert "criticism" in ok("notices", "--to", "2026-10-31").stdout
    assert_refused(run("notices", "--center", "nowhere"), 2)


def test_adjust_points_by_a_manager_keeps_the_reason(team):
    doc = ok_json("adjust-points", "李娜", "-3", "--reason", "迟到", "--by", "赵敏",
                  "--date", "2026-10-16")
    assert doc["total"] == -3
    doc = ok_json("adjust-points", "李娜", "10", "--reason", "好客户", "--by", "赵敏",
                  "--date", "2026-10-17")
    assert [(e["delta"], e["reason"], e["by"], e["balance"]) for e in doc["entries"]] == [
        (-3, "迟到", "赵敏", -3), (10, "好客户", "赵敏", 7)]
    assert ok_json("points", "李娜")["total"] == 7
    totals = {r["staff"]: r["total"] for r in ok_json("points")}
    assert totals["李娜"] == 7 and totals["王强"] == 0


def test_adjust_points_by_anyone_else_is_refused(team, isolated):
    before = row_counts(isolated)
    code, error = json_error("adjust-points", "李娜", "5", "--reason", "x", "--by", "王强")
    assert (code, error["code"]) == (1, "refuse.not_manager")
    assert_refused(run("adjust-points", "李娜", "0", "--reason", "x", "--by", "赵敏"), 2)
    assert_refused(run("adjust-points", "李娜", "5", "--reason", " ", "--by", "赵敏"), 2)
    assert_refused(run("adjust-points", "无名", "5", "--reason", "x", "--by", "赵敏"), 2)
    assert row_counts(isolated) == before


# --- inspections (Q15) --------------------------------------------------------------------


def test_overturned_inspection_reverses_the_deduction(team):
    pid = add()
    make_ready(pid)
    visit = substandard_visit(pid)
    assert ok_json("rate", pid)["stars"] == 0
    # Found below the standard: not to be visited again, whatever the recorded scale says.
    check = run("check-visit", pid, "--json")
    assert check.exit_code == 1
    assert [c["ok"] for c in check.json["checks"] if c["rule"] == "standard"] == [False]
    report = ok_json("daily-report", "--date", "2026-10-17")
    assert [a["kind"] for a in report["attention"]] == ["inspect"]  # open until settled
    doc = ok_json("inspect", visit, "--by", "赵敏", "--verdict", "overturned",
                  "--note", "周经理确认有 150 人", "--date", "2026-10-17")
    assert doc["verdict"] == "overturned" and doc["reversed"][0]["delta"] == 5
    ledger = ok_json("points", "李娜")
    assert [(e["delta"], e["rule"]) for e in ledger["entries"]] == [
        (-5, "substandard"), (5, "inspection")]
    assert ledger["total"] == 0
    # The criticism is withdrawn on the board too, dated like it.
    board = ok_json("notices", "--to", "2026-10-31")
    assert [(n["kind"], n["delta"], n["rule"]) for n in board] == [
        ("criticism", -5, "substandard"), ("voided", 5, "substandard")]
    assert board[0]["date"] == board[1]["date"]
    assert "撤回" in run("--lang", "zh", "notices", "--to", "2026-10-31").stdout
    assert ok_json("rate", pid)["stars"] == 1  # a quality customer again
    assert run("check-visit", pid).exit_code == 0  # and may be visited again
    report = ok_json("daily-report", "--date", "2026-10-17")
    assert report["attention"] == []
    li = next(p for p in ok_json("daily-report", "--date", "2026-10-15")["people"]
              if p["name"] == "李娜")
    assert li["quality_found"] == 1
    assert_refused(run("inspect", visit, "--by", "赵敏", "--verdict", "upheld"), 1)


def test_upheld_inspection_changes_no_points(team):
    pid = add()
    visit = substandard_visit(pid)
    ok("inspect", visit, "--by", "赵敏", "--verdict", "upheld")
    assert ok_json("points", "李娜")["total"] == -5
    assert ok_json("rate", pid)["stars"] == 0


def test_inspection_refusals_change_nothing(team, isolated):
    pid = add()
    visit = substandard_visit(pid)
    met = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "met")["visit_id"]
    before = row_counts(isolated)
    assert_refused(run("inspect", visit, "--by", "李娜", "--verdict", "overturned"), 1)
    assert_refused(run("inspect", met, "--by", "赵敏", "--verdict", "upheld"), 1)
    assert_refused(run("inspect", 999, "--by", "赵敏", "--verdict", "upheld"), 2)
    assert_refused(run("inspect", visit, "--by", "赵敏", "--verdict", "maybe"), 2)
    assert row_counts(isolated) == before
    assert ok_json("points", "李娜")["total"] == -5


@given(delta=st.integers(-50, 50), causes=st.lists(st.sampled_from(
    ["void", "entry", "overturned", "unproven"]), max_size=4, unique=True))
def test_reversal_gives_back_exactly_what_stands_once(delta, causes):
    """However many things withdraw a consequence, it is given back once, exactly (RULES.md,
    third release: a reversal never gives back more than stands)."""
    visit = rules.LoggedVisit(
        1, 1, 2, "2026-10-19", "planned", "substandard", (), (),
        void=rules.Withdrawal("2026-10-20T09:00:00", "2026-10-19", "void")
        if "void" in causes else None,
        verdicts=tuple(rules.Verdict("finding" if c == "overturned" else "proof", c,
                                     "2026-10-21", f"2026-10-21T1{i}:00:00")
                       for i, c in enumerate(causes) if c in ("overturned", "unproven")))
    made = rules.Consequence("visit:1:substandard", 3, "2026-10-19", delta, "substandard",
                             "criticism", 1, 1)
    entry_void = (rules.Withdrawal("2026-10-22T09:00:00", "2026-10-19", "void", order=1)
                  if "entry" in causes else None)
    withdrawn = rules.withdrawals(visit, made, entry_void)
    entries, notices = rules.ledger_rows(made, withdrawn[0] if withdrawn else None)
    assert sum(e.delta for e in entries) == (0 if causes else delta)
    assert len([e for e in entries if e.reverses]) == (1 if causes and delta else 0)
    assert sum(n.delta for n in notices) == (0 if causes else delta)


# --- refusals (Q17) -----------------------------------------------------------------------


def test_refused_visit_names_the_likely_cause(team):
    pid = add()
    ok("log-visit", pid, "--by", "张伟", "--outcome", "refused", "--date", "2026-10-16")
    report = ok_json("daily-report", "--date", "2026-10-16")
    refused = [a for a in report["attention"] if a["kind"] == "refused"]
    assert refused and "contact" in refused[0]["message"]
    advice = ok_json("advise", pid)["advice"]
    assert any(a["clause"] == "Q17" and "contact" in a["message"] for a in advice)


# --- managers (Q13) -----------------------------------------------------------------------


def test_manager_takes_four_and_five_stars_first(team, tmp_path):
    add("苏州甲公司", "--deal-value", "12万", "--need", "explicit", "--yulin-interest", "high")
    add("苏州乙公司", "--deal-value", "30万", "--need", "explicit", "--yulin-interest", "high")
    add("苏州丙公司", "--deal-value", "8万", "--need", "explicit", "--platform-interest")
    add("苏州老客户公司", "--existing-customer", "--pcs", "300", "--employees", "500")
    doc = ok_json("manager")
    assert [(d["company"], d["stars"]) for d in doc["take_now"]] == [
        ("苏州乙公司", 5), ("苏州甲公司", 4)]
    assert doc["take_now"][0]["next_actions"]
    assert doc["upgrade_visits"] == []
    # A screen at a time, like every long list; JSON keeps them all.
    first = ok("manager", "--limit", "1").stdout
    assert "苏州乙公司" in first and "苏州甲公司" not in first
    assert "1 more not shown" in first and "next actions" in first
    every = ok("manager", "--all").stdout
    assert "苏州甲公司" in every and "more not shown" not in every
    assert len(ok_json("manager", "--limit", "1")["take_now"]) == 2
    # A saved view is forwarded whole.
    saved = tmp_path / "managers.svg"
    ok("manager", "--limit", "1", "--save", saved)
    assert "苏州甲公司" in saved.read_text(encoding="utf-8")


def test_without_top_stars_managers_visit_big_existing_customers(team):
    add("苏州老客户公司", "--existing-customer", "--pcs", "300", "--employees", "500")
    add("苏州小老客户公司", "--existing-customer", "--pcs", "99", "--employees", "500")
    add("苏州普通公司", "--pcs", "300", "--employees", "500")
    doc = ok_json("manager", "--center", "苏州育林中心")
    assert doc["take_now"] == []
    assert [u["company"] for u in doc["upgrade_visits"]] == ["苏州老客户公司"]
    assert len(doc["upgrade_visits"][0]["tasks"]) == 2
    assert "system administrator" in ok("manager").stdout
    add("苏州第二老客户公司", "--existing-customer", "--pcs", "200", "--employees", "500")
    first = ok("manager", "--limit", "1").stdout
    assert "苏州老客户公司" in first and "苏州第二老客户公司" not in first
    assert "1 more not shown" in first
    assert "苏州第二老客户公司" in ok("manager", "--all").stdout


# --- routes (Q6) --------------------------------------------------------------------------


@given(
    prospects=st.lists(st.tuples(st.integers(1, 10_000), st.sampled_from(
        ["吴江区", "常熟", "张家港", "昆山", "太仓", ""])), unique_by=lambda p: p[0],
        max_size=60),
    per_day=st.integers(1, 8), max_days=st.integers(1, 3),
    start=st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)),
)
def test_trips_respect_every_limit(prospects, per_day, max_days, start):
    policy = Policy.model_validate({"route": {"max_visits_per_day": per_day,
                                              "max_days": max_days}})
    trips = rules.plan_trips(prospects, start, policy)
    district_of = {pid: d or "-" for pid, d in prospects}
    seen = [pid for trip in trips for _day, ids in trip.days for pid in ids]
    assert sorted(seen) == sorted(district_of)  # every prospect once
    used_days = [day for trip in trips for day, _ in trip.days]
    assert len(used_days) == len(set(used_days))  # one trip a day
    for trip in trips:
        assert 1 <= len(trip.days) <= max_days
        dates = [dt.date.fromisoformat(day) for day, _ in trip.days]
        assert all(d >= start and d.weekday() < 5 for d in dates)
        assert all(b - a == dt.timedelta(days=1) for a, b in zip(dates, dates[1:], strict=False))
        for _day, ids in trip.days:
            assert 1 <= len(ids) <= per_day
            assert {district_of[i] for i in ids} == {trip.district}


def test_route_plans_ready_suburban_prospects(team):
    ready_ids = []
    for n in range(8):
        pid = add(f"苏州吴江{n}号公司", "--suburban", "--district", "吴江区")
        make_ready(pid)
        ready_ids.append(pid)
    unready = add("苏州常熟某公司", "--suburban", "--district", "常熟")
    add("苏州市区公司")  # not suburban
    doc = ok_json("route", "--start", "2026-10-16")  # a Friday
    assert doc["not_ready"] == [unready]
    [trip] = doc["trips"]
    assert trip["district"] == "吴江区"
    # Friday would split the trip over a weekend: it starts on Monday instead.
    assert [(d["date"], len(d["prospect_ids"])) for d in trip["days"]] == [
        ("2026-10-19", 6), ("2026-10-20", 2)]
    assert_refused(run("route", "--plan"), 2)  # --plan needs --visitor
    ok("route", "--start", "2026-10-16", "--visitor", "张伟", "--plan")
    plans = [p for pid in ready_ids for p in ok_json("show", pid)["planned_visits"]]
    assert len(plans) == 8 and {p["visitor"] for p in plans} == {"张伟"}
    assert ok_json("route", "--start", "2026-10-16")["trips"] == []  # planned: not again


# --- direct sales (Q11) -------------------------------------------------------------------


@pytest.fixture
def nanjing(team):
    ok("staff", "add", "钱多", "--center", "南京育林中心", "--role", "visitor")

    def prospect(contact: str | None) -> int:
        args = ["add-prospect", "--company", "南京远大科技有限公司", "--city", "南京",
                "--sourced-by", "孙丽", "--employees", "200", "--pcs", "60", "--force",
                "--address", "建邺区江东中路 1 号"]
        if contact:
            args += ["--contact-surname", contact]
        pid: int = ok_json(*args)["id"]
        make_ready_contactless(pid)
        return pid

    return prospect


def make_ready_contactless(pid: int) -> None:
    ok("update-prospect", pid, "--landline", "025-84561234")
    ok("verify", pid, "--by", "孙丽", "--pretext", "buyer", "--result", "confirmed", "--address")
    ok("verify", pid, "--by", "孙丽", "--pretext", "applicant", "--result", "confirmed",
       "--scale")


def direct_check(pid: int):
    result = run("check-visit", pid, "--json")
    found = [c for c in result.json["checks"] if c["rule"] == "direct-sales"]
    return result.exit_code, found[0] if found else None


def test_no_branch_project_means_no_check(nanjing):
    pid = nanjing("王")
    assert direct_check(pid) == (0, None)


def test_different_contact_may_both_follow(nanjing):
    pid = nanjing("王")
    ok("direct-sales", "add", "--company", "远大科技（南京）有限公司", "--city", "南京",
       "--contact", "周明")
    code, check = direct_check(pid)
    assert code == 0 and check["ok"] and "whoever closes wins" in check["message"]
    assert check["clause"] == "Q11"


def test_same_contact_fails_until_settled(nanjing):
    pid = nanjing("周")
    project = ok_json("direct-sales", "add", "--company", "南京远大科技有限公司",
                      "--city", "南京", "--contact", "周明")["id"]
    code, check = direct_check(pid)
    assert code == 1 and not check["ok"] and "cooperate" in check["fix"]
    # The command that settles it names the very project, so it runs as printed.
    assert f"yulin direct-sales settle {project} --outcome cooperate --by" in run(
        "check-visit", pid).stdout
    assert_refused(run("plan-visit", pid, "--visitor", "钱多"), 1)
    # Only a manager settles it (RULES.md, third release).
    assert_refused(run("direct-sales", "settle", project, "--outcome", "cooperate",
                       "--by", "钱多"), 1)
    ok("direct-sales", "settle", project, "--outcome", "cooperate", "--by", "赵敏")
    assert direct_check(pid)[0] == 0
    ok("direct-sales", "settle", project, "--outcome", "we-withdraw", "--by", "赵敏")
    assert direct_check(pid)[0] == 1
    ok("direct-sales", "settle", project, "--outcome", "they-withdraw", "--by", "赵敏")
    assert direct_check(pid)[0] == 0


def test_unknown_contact_cannot_rule_out_a_clash(nanjing):
    pid = nanjing(None)
    ok("direct-sales", "add", "--company", "南京远大科技有限公司", "--city", "南京",
       "--contact", "周明")
    assert direct_check(pid)[0] == 1


def test_direct_sales_refusals(team, isolated):
    before = row_counts(isolated)
    assert_refused(run("direct-sales", "add", "--company", "苏州甲", "--city", "苏州",
                       "--contact", "周"), 2)
    assert_refused(run("direct-sales", "settle", "5", "--outcome", "cooperate", "--by", "赵敏"),
                   2)
    assert_refused(run("direct-sales", "settle", "5", "--outcome", "maybe", "--by", "赵敏"), 2)
    assert row_counts(isolated) == before


# --- partners (Q10) -----------------------------------------------------------------------


def test_partner_effort_against_share(team):
    cheap = add("苏州甲公司", "--partner", "易联", "--vendor-share", "2万")
    rich = add("苏州乙公司", "--partner", "易联", "--vendor-share", "20万")
    for pid in (cheap, rich):
        for pretext in ("buyer", "applicant", "invitation", "other"):
            ok("verify", pid, "--by", "李娜", "--pretext", pretext, "--result", "confirmed")
    rows = {r["prospect_id"]: r for r in ok_json("partners")}
    assert rows[cheap]["flagged"] is True and rows[rich]["flagged"] is False
    assert rows[cheap]["rounds"] == 4 and rows[cheap]["reason"]["rule"] == "partner"
    advice = ok_json("advise", cheap)["advice"]
    assert [a["clause"] for a in advice if a["rule"] == "partner"] == ["Q10", "Q10"]


# --- industries (Q8) ----------------------------------------------------------------------


def test_industry_owner_warning_and_report(team):
    ok("staff", "update", "李娜", "--industry", "机械", "--industry", "电子")
    ok("staff", "update", "王强", "--industry", "物流")
    doc = ok_json("add-prospect", "--company", "苏州某机械公司", "--city", "苏州",
                  "--sourced-by", "王强", "--industry", "机械", "--found-on", "2026-10-15")
    assert doc["warnings"][0]["rule"] == "duplicate" and "李娜" in doc["warnings"][0]["message"]
    human = run("add-prospect", "--company", "苏州另一机械公司", "--city", "苏州",
                "--sourced-by", "王强", "--industry", "机械", "--found-on", "2026-10-15")
    assert human.exit_code == 0 and "李娜" in human.stderr
    assert ok_json("add-prospect", "--company", "苏州某物流公司", "--city", "苏州",
                   "--sourced-by", "王强", "--industry", "物流")["warnings"] == []
    report = ok_json("daily-report", "--date", "2026-10-15")
    assert [a["kind"] for a in report["attention"]].count("industry") == 2
    rows = {r["industry"]: r for r in ok_json("industries")}
    assert rows["机械"] == {"industry": "机械", "prospects": 2, "owners": ["李娜"],
                          "center": "苏州育林中心"}
    assert rows["电子"]["prospects"] == 0
    staff = {s["name"]: s for s in ok_json("staff", "list")}
    assert staff["李娜"]["industries"] == ["机械", "电子"]
    ok("staff", "update", "李娜", "--clear-industries")
    assert ok_json("staff", "list")[0]["industries"] == []
    assert_refused(run("staff", "update", "李娜"), 2)


# --- advice and playbook ------------------------------------------------------------------


def test_soe_with_erp_and_oa_gets_exactly_the_advice_that_applies(team):
    pid = add("苏州国有机械集团", "--ownership", "soe", "--erp-need", "--has-oa")
    doc = ok_json("advise", pid)
    assert doc["prospect_id"] == pid
    by_rule = {a["rule"] for a in doc["advice"]}
    assert {"erp", "soe"} <= by_rule
    assert not by_rule & {"refusal", "redsea", "direct-sales", "partner", "territory",
                          "managers"}
    clauses = {a["clause"] for a in doc["advice"]}
    assert {"Q9", "Q14", "Q16", "Q4", "Q5"} <= clauses
    assert all(a["message"] for a in doc["advice"])
    plain = ok_json("advise", add("苏州民营公司"))
    assert not {a["rule"] for a in plain["advice"]} & {"erp", "soe"}
    assert ok_json("show", pid)["advice"] == doc["advice"]


def test_red_sea_and_suburban_advice(team):
    pid = add("苏州远郊公司", "--suburban")
    ok("redsea", pid, "--cold")
    rules_seen = {(a["rule"], a["clause"]) for a in ok_json("advise", pid)["advice"]}
    assert {("redsea", "Q18"), ("territory", "Q6")} <= rules_seen


def test_playbook_covers_every_clause_in_both_languages():
    doc = ok_json("playbook")
    assert [d["clause"] for d in doc] == [f"Q{n}" for n in range(1, 19)]
    zh = ok_json("--lang", "zh", "playbook", "q5")
    assert len(zh) == 1 and "五星" in zh[0]["text"]
    assert [d["clause"] for d in ok_json("playbook", "redsea")] == ["Q18"]
    assert "Q11" in {d["clause"] for d in ok_json("playbook", "--search", "direct-sales")}
    assert "Q16" in ok("playbook", "--search", "recommendation").stdout
    assert_refused(run("playbook", "q99"), 2)


def test_playbook_never_quotes_the_manual():
    """No run of 8 Chinese characters of ours appears in the manual, but the names of the
    product, the plan and the questionnaire, which are names, not prose."""
    from pathlib import Path

    from yulin_cli.guidance.playbook import TOPICS
    from yulin_cli.i18n import MESSAGES

    manual = Path(__file__).parents[2] / "shared" / "manual" / "yulin-field-manual.zh.txt"
    if not manual.exists():
        pytest.skip("the manual is not beside the checkout")
    source = manual.read_text(encoding="utf-8")
    names = ("工业和信息化部中小企业信息化现状调研问卷", "精确管理平台", "育林计划")
    ours = [(topic.clause, topic.title[0] + "\n" + topic.text[0]) for topic in TOPICS]
    ours += [(key, zh) for key, (zh, _en) in MESSAGES.items()]
    quoted = []
    for where, text in ours:
        for name in names:
            text = text.replace(name, "\n")
        runs = {text[i:i + 8] for i in range(len(text) - 7)}
        prose = {r for r in runs if all("\u4e00" <= ch <= "\u9fff" for ch in r)}
        quoted += [(where, r) for r in prose if r in source]
    assert not quoted


@pytest.mark.parametrize(("topic", "en", "zh"), [
    ("q6", ["Foreign-owned companies in the city are visited"], ["外企", "照常走访"]),
    ("q10", ["Upgrade and service fees", "booked to the vendor", "local service centre"],
     ["升级费和服务费", "厂家名下", "本地服务中心"]),
    ("q16", ["will not take part", "Do not pitch first", "Leave the Yulin material"],
     ["不愿参加调研", "不要一上来就推项目", "资料留下"]),
])
def test_the_pieces_the_first_playbook_missed_in_both_languages(topic, en, zh):
    english = ok_json("playbook", topic)[0]["text"]
    chinese = ok_json("--lang", "zh", "playbook", topic)[0]["text"]
    assert all(piece in english for piece in en), english
    assert all(piece in chinese for piece in zh), chinese


def test_the_quota_topic_ends_when_the_policy_says(tmp_path):
    policy = tmp_path / "team.toml"
    policy.write_text("[quota]\ncampaign_end = 2027-03-31\n", encoding="utf-8")
    assert "2027-03-31" in ok_json("--policy", str(policy), "playbook", "q3")[0]["text"]
    assert "2027-03-31" in ok_json("--policy", str(policy), "--lang", "zh", "playbook",
                                   "q3")[0]["text"]


def test_advise_gives_the_visit_opening_pieces_in_both_languages(team):
    pid = add()
    english = [a["message"] for a in ok_json("advise", pid)["advice"] if a["clause"] == "Q16"]
    chinese = [a["message"] for a in ok_json("--lang", "zh", "advise", pid)["advice"]
               if a["clause"] == "Q16"]
    assert any("will not take part" in m for m in english)
    assert any("do not pitch first" in m for m in english)
    assert any("material behind" in m for m in english)
    assert len(chinese) == len(english) and all(not m.isascii() for m in chinese)
