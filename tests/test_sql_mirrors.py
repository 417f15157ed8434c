"""The rules that reports run in SQL for speed give the same answer as their Python definitions.

``sql_rules.quality_sql`` (now and as of a day, voided visits finding nothing), ``stars_sql``,
``IMPURE_SQL`` with ``RANK_ORDER_SQL``, and ``upgrade_sql`` each restate a rule of ``rules``.
Hypothesis generates prospects at the edges of every threshold (and policies that move the
thresholds), stores them, and checks the SQL answer against the rule for every one. Each example
runs in a transaction that is rolled back, so examples never share rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from yulin_cli import rules, sql_rules
from yulin_cli.db import open_db
from yulin_cli.policy import Policy
from yulin_cli.prospects import queries as prospects


@dataclass(frozen=True)
class Case:
    employees: int | None
    pcs: int | None
    in_city: bool
    duplicate: bool
    merged: bool
    substandard: str  # none | found | overturned | voided | later (after AS_OF)
    deal_value: int | None
    need: str | None
    interest: str | None
    platform: bool
    existing: bool
    in_selection: bool
    signals: int


AROUND = [0, 29, 30, 31, 99, 100, 101, 150, 300]
AS_OF = "2026-10-16"  # the day quality is judged on for a period's summary
VALUES = [0, 69_999, 70_000, 99_999, 100_000, 199_999, 200_000, 1_000_000]

cases = st.builds(
    Case,
    employees=st.one_of(st.none(), st.sampled_from(AROUND), st.integers(0, 500)),
    pcs=st.one_of(st.none(), st.sampled_from(AROUND), st.integers(0, 500)),
    in_city=st.booleans(),
    duplicate=st.booleans(),
    merged=st.booleans(),
    substandard=st.sampled_from(["none", "found", "overturned", "voided", "later"]),
    deal_value=st.one_of(st.none(), st.sampled_from(VALUES), st.integers(0, 500_000)),
    need=st.sampled_from([None, "none", "latent", "explicit"]),
    interest=st.sampled_from([None, "none", "flat", "high"]),
    platform=st.booleans(),
    existing=st.booleans(),
    in_selection=st.booleans(),
    signals=st.integers(0, len(rules.REDSEA_SIGNALS)),
)


@st.composite
def policies(draw) -> Policy:
    two = draw(st.sampled_from([0, 70_000, 100_000]))
    four = draw(st.sampled_from([two, 100_000, 150_000]))
    four = max(two, four)
    five = max(four, draw(st.sampled_from([four, 200_000])))
    three = max(two, draw(st.sampled_from([two, 100_000, 200_000])))  # may pass four and five
    return Policy.model_validate({
        "standard": {"min_employees": draw(st.sampled_from([0, 100])),
                     "min_pcs": draw(st.sampled_from([0, 30]))},
        "stars": {"two_min": two, "three_min": three, "four_min": four, "five_min": five},
        "redsea": {"doubtful_at": 1, "impure_at": draw(st.sampled_from([1, 2, 3]))},
        "managers": {"upgrade_min_pcs": draw(st.sampled_from([0, 100]))},
    })


class _Undo(Exception):
    """Leaves the example's transaction without a trace."""


@pytest.fixture
def db(isolated):
    handle = open_db(isolated.target)
    yield handle
    handle.close()


def _store(tx, items: list[Case]) -> list[int]:
    center = tx.insert("center", {"name": "苏州育林中心", "city": "苏州"})
    staff = tx.insert("staff", {"name": "李娜", "center_id": center, "roles": "prospector",
                                "industries": ""})
    ids: list[int] = []
    for n, case in enumerate(items):
        pid = prospects.insert_prospect(tx, {
            "company": f"公司{n}", "name_key": f"公司{n}", "city": "苏州" if case.in_city else "上海",
            "employees": case.employees, "pcs": case.pcs, "found_on": "2026-10-15",
            "deal_value": case.deal_value, "need": case.need, "yulin_interest": case.interest,
            "platform_interest": case.platform, "existing_customer": case.existing,
            "in_selection": case.in_selection, "sourced_by_id": staff,
            "duplicate_of": ids[0] if case.duplicate and ids else None,
        })
        ids.append(pid)
        for signal in rules.REDSEA_SIGNALS[:case.signals]:
            tx.insert("redsea_signal", {"prospect_id": pid, "signal": signal})
        if case.substandard != "none":
            visit = tx.insert("visit", {"prospect_id": pid, "staff_id": staff,
                                        "day": "2026-10-20" if case.substandard == "later"
                                        else AS_OF, "kind": "planned",
                                        "outcome": "substandard", "effective": False,
                                        "items": "", "contacts": "",
                                        "failing_checks": "",
                                        "voided_at": "2026-10-16T09:00:00"
                                        if case.substandard == "voided" else None})
            if case.substandard == "overturned":
                tx.insert("inspection", {"visit_id": visit, "status": "overturned",
                                          "question": "finding", "flags": ""})
    for pid, case in zip(ids, items, strict=True):
        if case.merged and pid != ids[0]:
            tx.run("UPDATE prospect SET merged_into = :k WHERE id = :id", k=ids[0], id=pid)
    return ids


def _python(case: Case, duplicate: bool, merged: bool, policy: Policy) -> dict[str, Any]:
    """What the rules say about one stored prospect. A voided visit finds nothing; as of
    AS_OF, a finding after it does not count yet (``ProspectFacts.as_of``)."""
    in_city = rules.same_city("苏州" if case.in_city else "上海", "苏州")
    days = {"found": (AS_OF,), "later": ("2026-10-20",)}.get(case.substandard, ())
    facts = rules.ProspectFacts(substandard_days=days)
    quality = rules.is_quality_customer(
        case.employees, case.pcs, in_city, duplicate, facts.found_substandard, policy,
        merged=merged)
    quality_as_of = rules.is_quality_customer(
        case.employees, case.pcs, in_city, duplicate, facts.as_of(AS_OF).found_substandard,
        policy, merged=merged)
    rating = rules.star_rating(
        quality=quality, deal_value=case.deal_value, need=case.need,
        yulin_interest=case.interest, platform_interest=case.platform, policy=policy,
        redsea=rules.redsea_verdict(case.in_selection, case.signals, policy))
    return {"quality": quality, "quality_as_of": quality_as_of, "stars": rating.stars,
            "impure": not rating.worth_following,
            "upgrade": rules.is_upgrade_candidate(case.existing, case.pcs, case.in_city, merged,
                                                  policy),
            "rating": rating}


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(cases, min_size=1, max_size=12), policy=policies())
def test_sql_restatements_agree_with_the_rules(db, items, policy):
    # The fixture's database is only ever changed inside a rolled-back transaction, so a
    # function-scoped fixture is safe to share between examples.
    try:
        with db.write() as tx:
            ids = _store(tx, items)
            params = {**sql_rules.rank_params(policy), **sql_rules.upgrade_params(policy),
                      "as_of": AS_OF}
            rows = tx.all(
                "SELECT p.id, p.duplicate_of, p.merged_into,"
                f" CASE WHEN {sql_rules.quality_sql()} THEN 1 ELSE 0 END AS quality,"
                f" CASE WHEN {sql_rules.quality_sql(as_of=True)} THEN 1 ELSE 0 END"
                " AS quality_as_of,"
                f" {sql_rules.stars_sql()} AS stars,"
                f" CASE WHEN {sql_rules.IMPURE_SQL} THEN 1 ELSE 0 END AS impure,"
                f" CASE WHEN {sql_rules.upgrade_sql()} THEN 1 ELSE 0 END AS upgrade"
                " FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
                " JOIN center c ON c.id = s.center_id ORDER BY p.id", **params)
            ranked = [r.id for r in prospects.list_prospects(tx, policy, prospects.Filters(),
                                                             ranked=True)]
            # A whole list gathers the facts once and joins them; a page asks them of its
            # rows: both say what the rules say.
            listed = {r.id: r for r in prospects.list_prospects(tx, policy, prospects.Filters(),
                                                                whole=True)}
            page = prospects.list_prospects(tx, policy, prospects.Filters(), 3, ranked=True)
            paged = {r.id: r for r in prospects.list_prospects(tx, policy, prospects.Filters(),
                                                               len(ids))}
            # A page of the ranking looks first among the most valuable prospects only.
            probed = [prospects.ranked_ids(tx, policy, prospects.Filters(), size, probes)
                      for size in (1, 3) for probes in ((1,), (1, 2), ())]
            # A filter on stars (the daily report's take-overs) tests a deal-value floor first.
            by_stars = {least: {r.id for r in prospects.list_prospects(
                tx, policy, prospects.Filters(min_stars=least))} for least in range(1, 6)}
            raise _Undo((ids, rows, ranked, listed, [r.id for r in page], paged, probed,
                         by_stars))
    except _Undo as undo:
        ids, rows, ranked, listed, page, paged, probed, by_stars = undo.args[0]
    assert page == ranked[:3]
    assert probed == [ranked[:1]] * 3 + [ranked[:3]] * 3
    expected = {}
    for pid, case, row in zip(ids, items, rows, strict=True):
        want = _python(case, row["duplicate_of"] is not None, row["merged_into"] is not None,
                       policy)
        got = {k: bool(row[k]) if k != "stars" else int(row[k])
               for k in ("quality", "quality_as_of", "stars", "impure", "upgrade")}
        assert got == {k: want[k] for k in got}, (case, policy)
        if row["merged_into"] is None:
            expected[pid] = rules.rank_key(want["rating"], case.deal_value, pid)
            for shape in (listed, paged):
                got = {"quality": shape[pid].quality, "stars": shape[pid].stars,
                       "impure": shape[pid].impure}
                assert got == {k: want[k] for k in got}, (case, policy)
    assert ranked == sorted(expected, key=expected.__getitem__)
    stars = {pid: _python(case, row["duplicate_of"] is not None, False, policy)["stars"]
             for pid, case, row in zip(ids, items, rows, strict=True)
             if row["merged_into"] is None}
    assert by_stars == {least: {pid for pid, n in stars.items() if n >= least}
                        for least in range(1, 6)}, policy


@given(policy=policies(), value=st.one_of(st.sampled_from(VALUES), st.integers(0, 500_000)),
       need=st.sampled_from([None, "none", "latent", "explicit"]),
       interest=st.sampled_from([None, "none", "flat", "high"]), platform=st.booleans())
# Three stars may need more than four: a 4-star prospect is then among the 3-or-more.
@example(policy=Policy.model_validate({"stars": {"two_min": 0, "three_min": 200_000,
                                                 "four_min": 100_000, "five_min": 200_000}}),
         value=150_000, need="explicit", interest="high", platform=False)
def test_no_prospect_worth_less_than_the_stars_floor_has_those_stars(policy, value, need,
                                                                    interest, platform):
    """``stars_floor`` only ever skips prospects the rating would rank lower."""
    rating = rules.star_rating(quality=True, deal_value=value, need=need, yulin_interest=interest,
                               platform_interest=platform, policy=policy,
                               redsea=rules.redsea_verdict(False, 0, policy))
    for least in range(1, rating.stars + 1):
        assert value >= sql_rules.stars_floor(policy, least), (least, rating.stars)
