"""After the first visit (issue 22): follow-ups, the scale found on site, deals' outcomes, and
how well the stars foretell them (`calibrate`)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import test_teammode
from conftest import ALL_ITEMS, add, assert_refused, make_ready, ok, ok_json, row_counts, run
from yulin_cli.rules import calibration
from yulin_cli.rules.calibration import Case

VISIT_DAY = "2026-10-16"
team_db = test_teammode.team_db  # README's team on a server (skipped without one)


def _visit(pid: int, *extra: str, by: str = "张伟", day: str = VISIT_DAY) -> dict[str, Any]:
    doc: dict[str, Any] = ok_json("log-visit", pid, "--by", by, "--outcome", "met", "--items",
                                  ALL_ITEMS, "--landline", "--email", "--date", day, *extra)
    return doc


# --- follow-ups ---------------------------------------------------------------------------------


def test_a_follow_up_is_never_judged_as_a_survey_visit(team):
    pid = add()
    doc = ok_json("log-visit", pid, "--by", "赵敏", "--kind", "followup", "--followup", "meal",
                  "--date", VISIT_DAY)
    assert (doc["effective"], doc["flags"], doc["points"]) == (False, [], [])
    assert doc["missing"] == []
    # Chinese words, and --followup alone meaning a follow-up.
    assert ok_json("log-visit", pid, "--by", "赵敏", "--followup", "演示",
                   "--date", VISIT_DAY)["effective"] is False
    kinds = ok_json("show", pid)["visits"]
    assert len(kinds) == 2
    report = ok_json("daily-report", "--date", VISIT_DAY)
    zhao = next(p for p in report["people"] if p["name"] == "赵敏")
    assert (zhao["visits"], zhao["effective_visits"]) == (0, 0)
    assert ok_json("attention", "--date", VISIT_DAY) == [] or all(
        a["prospect_id"] != pid for a in ok_json("attention", "--date", VISIT_DAY))


@pytest.mark.parametrize("args", [
    ("--kind", "followup"),  # what was it?
    ("--followup", "meal", "--kind", "planned"),
    ("--followup", "meal", "--outcome", "substandard"),
    ("--kind", "planned"),  # a survey visit still needs its outcome
    ("--followup", "karaoke"),
])
def test_a_follow_up_mistyped_is_bad_input_and_writes_nothing(team, isolated, args):
    pid = add()
    before = row_counts(isolated)
    assert_refused(run("log-visit", pid, "--by", "赵敏", "--date", VISIT_DAY, *args), 2)
    assert row_counts(isolated) == before


def test_the_scale_found_on_site_is_kept_with_history_and_undone_by_a_void(team, isolated):
    pid = add()
    before = row_counts(isolated)
    # Met, but below the standard: the outcome is wrong, not the finding.
    assert_refused(run("log-visit", pid, "--by", "张伟", "--outcome", "met",
                       "--found-employees", "60", "--date", VISIT_DAY), 2)
    assert row_counts(isolated) == before
    doc = _visit(pid, "--found-employees", "320", "--found-pcs", "90")
    shown = ok_json("show", pid, "--history")
    assert (shown["prospect"]["employees"], shown["prospect"]["pcs"]) == (320, 90)
    assert {(h["field"], h["visit_id"]) for h in shown["history"]} >= {
        ("employees", doc["visit_id"]), ("pcs", doc["visit_id"])}
    ok("void", "visit", doc["visit_id"], "--by", "赵敏", "--reason", "wrong company")
    shown = ok_json("show", pid)["prospect"]
    assert (shown["employees"], shown["pcs"]) == (150, 40)
    # A substandard finding may carry the scale that shows it.
    found = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "substandard",
                    "--found-employees", "60", "--date", VISIT_DAY)
    assert ok_json("show", pid)["prospect"]["employees"] == 60
    assert found["points"][0]["rule"] == "substandard"
    ok("doctor", "--recompute")


# --- outcomes -----------------------------------------------------------------------------------


def test_an_outcome_is_recorded_by_a_manager_or_the_finder_once(team, isolated):
    pid = add()
    before = row_counts(isolated)
    assert_refused(run("outcome", pid, "won", "--by", "王强"), 1)  # another prospector
    assert_refused(run("outcome", pid, "won", "--by", "李娜", "--date", "2099-01-01"), 2)
    assert_refused(run("outcome", pid, "won", "--by", "李娜", "--date", "2026-10-01"), 2)
    assert_refused(run("outcome", pid, "lost", "--by", "李娜", "--value", "10万"), 2)
    assert_refused(run("outcome", pid, "won", "--by", "李娜", "--value", "lots"), 2)
    assert_refused(run("outcome", 999, "won", "--by", "李娜"), 2)
    assert row_counts(isolated) == before
    doc = ok_json("outcome", pid, "成交", "--by", "李娜", "--value", "25万", "--reason", "签约",
                  "--date", "2026-10-20")
    assert doc == {"outcome_id": doc["outcome_id"], "prospect_id": pid, "result": "won",
                   "value": 250000, "reason": "签约", "date": "2026-10-20", "by": "李娜"}
    assert_refused(run("outcome", pid, "lost", "--by", "赵敏"), 1)  # one stands
    ok("void", "outcome", doc["outcome_id"], "--by", "赵敏", "--reason", "typed on the wrong one")
    assert ok_json("outcome", pid, "lost", "--by", "赵敏", "--reason", "price")["result"] == "lost"


def test_a_decided_deal_leaves_the_take_over_list(team):
    pid = add("苏州凯越光电科技有限公司", "--deal-value", "30万", "--need", "explicit",
              "--yulin-interest", "high")
    assert pid in [p["prospect_id"] for p in ok_json("manager")["take_now"]]
    ok("outcome", pid, "won", "--by", "赵敏", "--value", "30万")
    assert pid not in [p["prospect_id"] for p in ok_json("manager")["take_now"]]


# --- calibrate on the CLI -----------------------------------------------------------------------

# (stars wanted, won?) of the fixed fixture: deal value, need, interest for each level.
RATING = {5: ("25万", "explicit", "high"), 4: ("15万", "explicit", "high"),
          3: ("12万", "latent", "flat"), 2: ("8万", "explicit", "none"), 1: ("1万", "none", "none")}


def _decided_team(levels: list[tuple[int, bool | None]]) -> list[int]:
    ids = []
    for n, (stars, won) in enumerate(levels):
        value, need, interest = RATING[stars]
        extra = ["--deal-value", value, "--need", need, "--yulin-interest", interest]
        if stars == 2:
            extra.append("--platform-interest")
        pid = add(f"苏州测试{n:03d}号机械有限公司", *extra, "--landline", f"0512-6258{n:04d}")
        _visit(pid)
        if won is not None:
            ok("outcome", pid, "won" if won else "lost", "--by", "赵敏", "--date", "2026-10-20")
        ids.append(pid)
    return ids


def test_calibrate_gives_counts_only_below_the_data_gate(team):
    _decided_team([(5, True), (4, False), (2, None)])
    doc = ok_json("calibrate")
    assert set(doc) == {"from", "to", "decided", "won", "levels", "auc", "brier", "enough"}
    assert (doc["decided"], doc["won"], doc["enough"]) == (2, 1, False)
    assert doc["auc"] == {"value": None, "low": None, "high": None}
    by_stars = {lv["stars"]: lv for lv in doc["levels"]}
    assert by_stars[2] == {"stars": 2, "prospects": 1, "decided": 0, "won": 0, "rate": None,
                           "low": None, "high": None}
    assert "not enough data yet" in ok("calibrate").stdout
    assert "数据还不够" in ok("--lang", "zh", "calibrate").stdout


def test_calibrate_on_enough_deals_and_a_later_rating_change_leaves_it(team, tmp_path):
    plan: list[tuple[int, bool | None]] = []
    plan += [(5, True)] * 8 + [(5, False)] * 3 + [(4, True)] * 5 + [(4, False)] * 5
    plan += [(1, False)] * 9 + [(1, True)] * 2 + [(3, None)]
    ids = _decided_team(plan)
    doc = ok_json("calibrate")
    assert (doc["decided"], doc["won"], doc["enough"]) == (32, 15, True)
    cases = [Case(i, s, w) for i, (s, w) in enumerate(plan)]
    expected = calibration.calibrate(cases)
    assert doc["auc"]["value"] == pytest.approx(expected.auc.value, abs=1e-9)
    five = next(lv for lv in doc["levels"] if lv["stars"] == 5)
    assert (five["decided"], five["won"]) == (11, 8)
    assert five["rate"] == pytest.approx(8 / 11, abs=1e-9)
    four = next(lv for lv in doc["levels"] if lv["stars"] == 4)
    assert four["rate"] == pytest.approx(0.5, abs=1e-9)  # 10 decided: the floor, shown
    # Editing the rating after the outcome changes nothing: stars are as of the first visit.
    ok("update-prospect", ids[0], "--deal-value", "1万", "--need", "none")
    ok("update-prospect", ids[-2], "--deal-value", "50万", "--need", "explicit",
       "--yulin-interest", "high")
    assert ok_json("calibrate") == doc
    # The period filters on the first effective visit's day.
    assert ok_json("calibrate", "--from", "2026-10-17")["decided"] == 0
    grouped = ok_json("calibrate", "--by", "prospector")
    assert [g["group"] for g in grouped["groups"]] == ["李娜"]
    target = tmp_path / "stars.toml"
    ok("calibrate", "--propose", str(target))
    assert "[stars]" in target.read_text(encoding="utf-8")
    ok("policy", "simulate", str(target))
    out = ok("calibrate").stdout
    assert "AUC" in out and max(len(line) for line in out.splitlines()) <= 80


def test_calibrate_bad_input(team):
    assert_refused(run("calibrate", "--from", "2026-10-20", "--to", "2026-10-01"), 2)
    assert_refused(run("calibrate", "--by", "colour"), 2)


# --- the metrics, against independent references -------------------------------------------------

def _fixture(seed: int, n: int) -> list[Case]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        stars = rnd.choice([1, 1, 2, 3, 3, 4, 5])
        won = rnd.random() < 0.1 + 0.15 * stars
        out.append(Case(i, stars, won))
    return out


@pytest.mark.once
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_metrics_equal_scikit_learn_and_scipy(seed):
    from scipy.stats import binomtest
    from sklearn.metrics import brier_score_loss, roc_auc_score

    cases = _fixture(seed, 120)
    got = calibration.calibrate(cases)
    y = [int(bool(c.won)) for c in cases]
    s = [c.stars for c in cases]
    assert got.auc.value == pytest.approx(roc_auc_score(y, s), abs=1e-9)
    for lv in got.levels:
        if lv.rate is None:
            continue
        ci = binomtest(lv.won, lv.decided).proportion_ci(0.95, method="wilson")
        assert (lv.low, lv.high) == (pytest.approx(ci.low, abs=1e-9),
                                     pytest.approx(ci.high, abs=1e-9))
    rate = {k: sum(y[i] for i in range(len(s)) if s[i] == k) / s.count(k) for k in set(s)}
    assert got.brier == pytest.approx(brier_score_loss(y, [rate[k] for k in s]), abs=1e-9)
    base = sum(y) / len(y)
    assert got.base == pytest.approx(brier_score_loss(y, [base] * len(y)), abs=1e-9)


@pytest.mark.once
def test_the_bootstrap_is_the_percentile_interval_of_2000_seeded_resamples():
    import numpy as np
    from sklearn.metrics import roc_auc_score

    cases = _fixture(7, 60)
    y = np.array([int(bool(c.won)) for c in cases])
    s = np.array([c.stars for c in cases])
    rng = random.Random(0)
    values = []
    for _ in range(2000):
        idx = [rng.randrange(len(cases)) for _ in range(len(cases))]
        if len(set(y[idx])) == 2:
            values.append(roc_auc_score(y[idx], s[idx]))
    got = calibration.calibrate(cases)
    assert got.auc.low == pytest.approx(np.percentile(values, 2.5), abs=1e-9)
    assert got.auc.high == pytest.approx(np.percentile(values, 97.5), abs=1e-9)


@pytest.mark.once
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.sampled_from([True, False, None])),
                max_size=60))
def test_calibration_holds_for_any_outcomes(rows):
    cases = [Case(i, s, w) for i, (s, w) in enumerate(rows)]
    got = calibration.calibrate(cases, resamples=50)
    decided = [c for c in cases if c.won is not None]
    assert got.decided == len(decided) and got.undecided == len(cases) - len(decided)
    assert got.enough == (len(decided) >= 30)
    assert sum(lv.decided for lv in got.levels) == got.decided
    for lv in got.levels:
        assert (lv.rate is None) == (lv.decided < 10)
        if lv.rate is not None:
            assert lv.low is not None and lv.high is not None
            assert 0 <= lv.low <= lv.rate <= lv.high <= 1
    auc = got.auc.value
    if auc is not None:
        assert 0 <= auc <= 1
        # The AUC of the scores reversed is its complement.
        flipped = calibration.auc([-c.stars for c in decided], [bool(c.won) for c in decided])
        assert flipped is not None and auc + flipped == pytest.approx(1.0)


@pytest.mark.once
def test_inverted_levels_are_named_with_their_clause():
    cases = [Case(i, 5, i % 10 == 0) for i in range(30)]
    cases += [Case(100 + i, 2, i % 10 != 0) for i in range(30)]
    got = calibration.calibrate(cases)
    inverted = [r for r in got.reasons if r.code == "calibrate.inverted"]
    assert inverted and inverted[0].rule == "calibration" and inverted[0].clause == "Q5, Q13"


# --- team mode: the server takes what the CLI writes, and nothing else ---------------------------


@pytest.mark.once
def test_team_mode_outcomes_and_follow_ups(team_db):
    import test_team_attacks as attacks
    from test_teammode import _forbidden

    team = team_db
    pid = attacks._prospect(team, "lina", "苏州结果校验测试有限公司")
    insert = ("INSERT INTO deal_outcome (prospect_id, result, day, by_id, recorded_by_login)"
              " VALUES (%(p)s, 'won', yulin_today(), {by}, current_user)")
    _forbidden(team, "zhangwei", "outcome", str(pid), "won")
    attacks.refused(team, "zhangwei", insert.format(by="yulin_me()"), p=pid)
    attacks.refused(team, "lina", insert.format(
        by="(SELECT id FROM staff WHERE name = '赵敏')"), p=pid)
    doc = ok_json("--db", team.urls["lina"], "outcome", str(pid), "won", "--value", "20万")
    attacks.refused(team, "zhaomin", insert.format(by="yulin_me()"), p=pid)  # one stands
    ok("--db", team.urls["lina"], "void", "outcome", str(doc["outcome_id"]), "--reason", "oops")
    ok("--db", team.urls["zhaomin"], "outcome", str(pid), "lost", "--reason", "price")
    # A follow-up and the scale found on site, as the CLI writes them for a visitor.
    follow = ok_json("--db", team.urls["zhangwei"], "log-visit", str(pid), "--followup", "demo")
    attacks.refused(team, "zhangwei", "UPDATE visit SET effective = true WHERE id = %(v)s",
                    v=follow["visit_id"])
    found = ok_json("--db", team.urls["zhangwei"], "log-visit", str(pid), "--outcome", "met",
                    "--found-employees", "300", "--found-pcs", "80")
    ok("--db", team.urls["zhangwei"], "void", "visit", str(found["visit_id"]), "--reason", "x")
    assert ok_json("--db", team.urls["admin"], "show", str(pid))["prospect"]["employees"] == 150


def test_the_readme_loop_section_runs_as_written(isolated):
    import shlex

    from test_readme import _blocks, _section

    ran = 0
    for kind, lines in _blocks(_section("After the first visit")):
        for i, line in enumerate(lines):
            if kind == "sh" and line.strip():
                result = run(*shlex.split(line)[1:])
                assert result.exit_code == 0, (line, result.stdout, result.stderr)
                ran += 1
            elif kind == "text" and line.startswith("$ yulin "):
                result = run(*shlex.split(line[len("$ yulin "):]))
                assert lines[i + 1].strip() in result.stdout + result.stderr, (line, result)
                ran += 1
    assert ran == 16


def test_a_follow_up_marks_the_next_action_it_carried_out(team):
    """Q5: a meal and a demo recorded as follow-ups show as done in rate, advise and show, in
    JSON with the day; a voided follow-up undoes it."""
    pid = add("苏州恒瑞精密机械有限公司", "--deal-value", "25万", "--need", "explicit",
              "--yulin-interest", "high")
    make_ready(pid)
    ok("log-visit", pid, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS, "--landline",
       "--email", "--date", "2026-10-16")

    def done() -> dict[str, bool | None]:
        details = ok_json("rate", pid)["details"]
        return {d["message"]: d["done"] for d in details if d["kind"] == "next_action"}

    assert set(done().values()) == {None}
    meal = ok_json("log-visit", pid, "--followup", "meal", "--by", "赵敏",
                   "--date", "2026-10-17")["visit_id"]
    ok("log-visit", pid, "--followup", "demo", "--by", "赵敏", "--date", "2026-10-18")
    marks = done()
    assert marks["meet over a meal"] == "2026-10-17"
    assert [v for k, v in marks.items() if k.startswith("create occasions")] == ["2026-10-18"]
    assert marks["get introduced to the executives"] is None
    assert "（已做：2026-10-17）" in ok("--lang", "zh", "rate", pid).stdout
    assert "(done 2026-10-17)" in ok("advise", pid).stdout
    assert "(done 2026-10-17)" in ok("show", pid).stdout
    ok("void", "visit", meal, "--by", "赵敏", "--reason", "记错了")
    assert done()["meet over a meal"] is None
