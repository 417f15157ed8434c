"""Each rule of RULES.md, table-driven at its boundaries, plus properties over its inputs."""

from __future__ import annotations

from typing import TypedDict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yulin_cli import rules
from yulin_cli.i18n import MESSAGES, explain
from yulin_cli.policy import Policy

pytestmark = pytest.mark.once  # pure rules: the backend does not matter

POLICY = Policy()
NEEDS = ["none", "latent", "explicit"]
INTERESTS = ["none", "flat", "high"]


def stars(value, need="explicit", interest="high", platform=False, quality=True) -> int:
    return rules.star_rating(quality=quality, deal_value=value, need=need,
                             yulin_interest=interest, platform_interest=platform,
                             policy=POLICY).stars


@pytest.mark.parametrize(("value", "need", "interest", "platform", "expected"), [
    (200_000, "explicit", "high", False, 5),
    (199_999, "explicit", "high", False, 4),
    (100_000, "explicit", "high", False, 4),
    (99_999, "explicit", "high", True, 2),
    (99_999, "explicit", "none", True, 2),
    (70_000, "explicit", "none", True, 2),
    (69_999, "explicit", "high", True, 1),
    (100_000, "latent", "flat", False, 3),
    (100_000, "latent", "none", False, 1),
    (100_000, "explicit", "flat", False, 3),
    (500_000, "latent", "high", False, 3),
    (500_000, "none", "high", True, 1),
    (100_000, "explicit", "none", True, 2),  # each condition is a minimum: 2 stars still hold
    (None, None, None, False, 1),
])
def test_star_levels(value, need, interest, platform, expected):
    assert stars(value, need, interest, platform) == expected


def test_not_quality_is_zero_stars_with_a_reason():
    rating = rules.star_rating(quality=False, deal_value=900_000, need="explicit",
                               yulin_interest="high", platform_interest=True, policy=POLICY)
    assert rating.stars == 0
    assert rating.reasons and rating.reasons[0].code == "stars.not_quality"


def test_lift_names_the_missing_condition():
    rating = rules.star_rating(quality=True, deal_value=150_000, need="explicit",
                               yulin_interest="high", platform_interest=False, policy=POLICY)
    assert rating.stars == 4
    assert [explain(r) for r in rating.lift] == [
        "a deal value of 200,000 or more would make it 5 stars"]
    assert {a.code for a in rating.next_actions} >= {"act.manager_now", "act.executives"}


def test_lift_names_every_missing_condition_on_one_line():
    rating = rules.star_rating(quality=True, deal_value=150_000, need="latent",
                               yulin_interest="flat", platform_interest=False, policy=POLICY)
    assert rating.stars == 3
    assert [explain(r) for r in rating.lift] == [
        "4 stars with all of: an explicit need, high interest in the Yulin plan"]
    # The need is latent: deepen it. Once explicit, it is interest that is missing.
    assert "act.deepen_need" in {a.code for a in rating.next_actions}
    explicit = rules.star_rating(quality=True, deal_value=150_000, need="explicit",
                                 yulin_interest="flat", platform_interest=False, policy=POLICY)
    assert explicit.stars == 3
    assert {a.code for a in explicit.next_actions} >= {"act.raise_interest"}
    assert "act.deepen_need" not in {a.code for a in explicit.next_actions}


_LIFTED = {"cond.need_explicit": ("need", "explicit"), "cond.need_latent": ("need", "latent"),
           "cond.interest_high": ("interest", "high"), "cond.interest_flat": ("interest", "flat"),
           "cond.platform": ("platform", True)}


@given(value=st.integers(0, 400_000), need=st.sampled_from(NEEDS),
       interest=st.sampled_from(INTERESTS), platform=st.booleans())
def test_doing_what_the_lift_says_reaches_the_stars_it_promises(value, need, interest, platform):
    rating = rules.star_rating(quality=True, deal_value=value, need=need,
                               yulin_interest=interest, platform_interest=platform,
                               policy=POLICY)
    if rating.stars == 5:
        assert rating.lift == ()
        return
    (lift,) = rating.lift
    facts = {"value": value, "need": need, "interest": interest, "platform": platform}
    for condition in lift.params["conditions"]:
        if condition.code == "cond.value":
            facts["value"] = max(facts["value"], condition.params["amount"])
        else:
            key, level = _LIFTED[condition.code]
            facts[key] = level
    assert stars(facts["value"], facts["need"], facts["interest"], facts["platform"]) >= (
        lift.params["stars"])


@given(
    value=st.integers(0, 1_000_000), more=st.integers(0, 1_000_000),
    need=st.sampled_from(NEEDS), need_up=st.integers(0, 2),
    interest=st.sampled_from(INTERESTS), interest_up=st.integers(0, 2),
    platform=st.booleans(), platform_up=st.booleans(),
)
def test_more_value_need_or_interest_never_lowers_stars(
    value, more, need, need_up, interest, interest_up, platform, platform_up
):
    better_need = NEEDS[min(2, NEEDS.index(need) + need_up)]
    better_interest = INTERESTS[min(2, INTERESTS.index(interest) + interest_up)]
    before = stars(value, need, interest, platform)
    after = stars(value + more, better_need, better_interest, platform or platform_up)
    assert after >= before


@given(value=st.one_of(st.none(), st.integers(0, 10**7)), need=st.sampled_from([*NEEDS, None]),
       interest=st.sampled_from([*INTERESTS, None]), platform=st.booleans(),
       quality=st.booleans())
def test_every_rating_has_reasons_in_both_languages(value, need, interest, platform, quality):
    rating = rules.star_rating(quality=quality, deal_value=value, need=need,
                               yulin_interest=interest, platform_interest=platform,
                               policy=POLICY)
    assert rating.reasons and rating.next_actions
    for reason in (*rating.reasons, *rating.lift, *rating.next_actions):
        assert reason.rule in rules.CLAUSES
        assert reason.code in MESSAGES


ADDRESS = "星湖街 1 号"
class Seen(TypedDict):
    """The facts a round saw, as ``rules.Round`` takes them."""

    address_seen: str
    employees_seen: int
    pcs_seen: int


SEEN: Seen = {"address_seen": ADDRESS, "employees_seen": 150, "pcs_seen": 40}
CONFIRMED_BUYER = rules.Round(True, "buyer", "confirmed", address=True, day="2026-10-14", seq=1,
                              **SEEN)
CONFIRMED_APPLICANT = rules.Round(True, "applicant", "confirmed", scale=True, day="2026-10-15",
                                  seq=2, **SEEN)


def later(round_, **changes):
    """The same round made after the two above."""
    return rules.Round(**{**round_.__dict__, "day": "2026-10-16", "seq": 3, **changes})


@pytest.mark.parametrize(("rounds", "ok", "code"), [
    ((), False, "verification.too_few_own"),
    ((CONFIRMED_BUYER,), False, "verification.too_few_own"),
    ((CONFIRMED_BUYER, rules.Round(True, "buyer", "confirmed")), False,
     "verification.same_pretext"),
    ((CONFIRMED_BUYER, CONFIRMED_APPLICANT), True, "verification.ok"),
    ((CONFIRMED_BUYER, rules.Round(False, "applicant", "confirmed")), False,
     "verification.too_few"),  # a round by someone else does not count
    ((CONFIRMED_BUYER, CONFIRMED_APPLICANT, later(CONFIRMED_BUYER, result="contradicted")),
     False, "verification.contradicted"),
    # A contradicted round by a colleague after the source's last confirmation blocks too...
    ((CONFIRMED_BUYER, CONFIRMED_APPLICANT,
      later(CONFIRMED_BUYER, by_source=False, result="contradicted")),
     False, "verification.contradicted"),
    # ...until the source confirms again.
    ((CONFIRMED_BUYER, later(CONFIRMED_BUYER, by_source=False, result="contradicted"),
      later(CONFIRMED_APPLICANT, seq=4)), True, "verification.ok"),
    # An earlier contradiction, settled by later confirmations, no longer counts.
    ((rules.Round(True, "buyer", "contradicted", day="2026-10-13", seq=0), CONFIRMED_BUYER,
      CONFIRMED_APPLICANT), True, "verification.ok"),
    # Only confirmed rounds count towards the two rounds and two pretexts.
    ((CONFIRMED_BUYER, later(CONFIRMED_APPLICANT, result="contradicted"),
      later(CONFIRMED_APPLICANT, seq=4)), True, "verification.ok"),
    ((CONFIRMED_BUYER, rules.Round(True, "applicant", "contradicted", day="2026-10-13", seq=0)),
     False, "verification.too_few_own"),
])
def test_verification(rounds, ok, code):
    verdict = rules.verification_check(rounds, POLICY)
    assert (verdict.ok, verdict.code) == (ok, code)
    assert verdict.clause == "Q1"


@pytest.mark.parametrize(("employees", "pcs", "ok"), [
    (100, 30, True), (99, 30, False), (100, 29, False), (None, 30, False), (5000, None, False),
])
def test_standard(employees, pcs, ok):
    assert rules.standard_check(employees, pcs, POLICY).ok is ok
    # A visit that found it substandard outweighs any recorded scale.
    found = rules.standard_check(employees, pcs, POLICY, found_substandard=True)
    assert (found.ok, found.code) == (False, "standard.found_substandard")


@pytest.mark.parametrize(("address", "scale", "rounds", "code"), [
    (None, (150, 40), (CONFIRMED_BUYER, CONFIRMED_APPLICANT), "address.none"),
    (ADDRESS, (150, 40), (CONFIRMED_APPLICANT,), "address.unverified"),
    (ADDRESS, (150, 40), (CONFIRMED_BUYER,), "address.no_scale"),
    (ADDRESS, (150, 40), (CONFIRMED_BUYER, CONFIRMED_APPLICANT), "address.ok"),
    (ADDRESS, (150, 40), (rules.Round(True, "buyer", "contradicted", True, True, **SEEN),),
     "address.unverified"),
    # A confirmation is of the values recorded then (Q2).
    ("星湖街 9 号", (150, 40), (CONFIRMED_BUYER, CONFIRMED_APPLICANT), "address.changed"),
    (ADDRESS, (150, 45), (CONFIRMED_BUYER, CONFIRMED_APPLICANT), "address.scale_changed"),
    (ADDRESS, (200, 40), (CONFIRMED_BUYER, CONFIRMED_APPLICANT), "address.scale_changed"),
    (ADDRESS, (200, 40), (CONFIRMED_BUYER, CONFIRMED_APPLICANT,
                          later(CONFIRMED_APPLICANT, employees_seen=200)), "address.ok"),
    # A colleague's round may confirm the address.
    (ADDRESS, (150, 40), (later(CONFIRMED_BUYER, by_source=False), CONFIRMED_APPLICANT),
     "address.ok"),
])
def test_address(address, scale, rounds, code):
    assert rules.address_check(address, rounds, *scale).code == code


@pytest.mark.parametrize(("surname", "landline", "ok"), [
    ("周", None, True), (None, "+8651268881234", True), (None, None, False), ("", "", False),
])
def test_contact(surname, landline, ok):
    assert rules.contact_check(surname, landline).ok is ok


@pytest.mark.parametrize(("city", "center", "suburban", "code"), [
    ("苏州", "苏州", False, "territory.ok"),
    ("苏州市", "苏州", False, "territory.ok"),
    ("苏州", "苏州", True, "territory.suburban"),
    ("上海", "苏州", False, "territory.outside"),
    ("苏州", None, False, "territory.no_center"),
])
def test_territory(city, center, suburban, code):
    assert rules.territory_check(city, center, suburban).code == code


@pytest.mark.parametrize(("in_selection", "signals", "verdict", "ok"), [
    (False, (), "none", True),
    (True, (), "pure", True),
    (True, ("cold",), "doubtful", True),
    (True, ("cold", "excluded-us"), "impure", False),
    (True, rules.REDSEA_SIGNALS, "impure", False),
])
def test_redsea(in_selection, signals, verdict, ok):
    result = rules.redsea_assessment(in_selection, signals, POLICY)
    assert (result.verdict, result.check.ok) == (verdict, ok)


def test_readiness_needs_every_check():
    facts = rules.ProspectFacts(
        employees=150, pcs=40, city="苏州", center_city="苏州", address=ADDRESS,
        contact_surname="周", rounds=(CONFIRMED_BUYER, CONFIRMED_APPLICANT))
    ready = rules.visit_readiness(facts, POLICY)
    assert ready.ready and [c.rule for c in ready.checks] == list(rules.READINESS_RULES)
    impure = rules.ProspectFacts(**{**facts.__dict__, "in_selection": True,
                                    "redsea_signals": ("cold", "stale-project")})
    assert rules.visit_readiness(impure, POLICY).failing == ("redsea",)
    # As of a day before the second round, the prospect was not yet verified twice (Q2).
    assert rules.visit_readiness(facts, POLICY, as_of="2026-10-14").failing == (
        "verification", "address")
    assert rules.visit_readiness(facts, POLICY, as_of="2026-10-15").ready


@pytest.mark.parametrize(("outcome", "items", "contacts", "effective", "missing"), [
    ("met", ("1-5", "2-2", "2-3", "2-4", "2-5", "2-8", "2-9"), ("landline", "email"), True, ()),
    ("met", ("1-5", "2-2", "2-3", "2-4", "2-5", "2-9"), ("landline", "email", "mobile", "qq"),
     False, ("2-8",)),
    ("met", ("1-5", "2-2", "2-3", "2-4", "2-5", "2-8", "2-9"), ("landline", "mobile", "qq"),
     False, ("email",)),
    ("refused", (), (), False, ("1-5", "2-2", "2-3", "2-4", "2-5", "2-8", "2-9", "landline",
                                "email")),
])
def test_effective_visit(outcome, items, contacts, effective, missing):
    result = rules.visit_effectiveness(outcome, items, contacts, POLICY)
    assert (result.effective, result.missing) == (effective, missing)


DAY_DONE = rules.SweepContext(planned=2, unfinished=0, planned_districts=("高新区", "相城区"),
                              district="高新区")


def consequences(**kw):
    base = dict(outcome="met", kind="planned", effective=True, visitor="张伟", source="李娜",
                ready=True, policy=POLICY, sweep=DAY_DONE)
    return rules.visit_consequences(**{**base, **kw})


@pytest.mark.parametrize("kind", ["planned", "sweep"])
def test_substandard_costs_the_source_and_flags_an_ineffective_visit(kind):
    effective = consequences(outcome="substandard", kind=kind)
    assert [(a.staff, a.delta, a.kind) for a in effective.awards] == [("李娜", -5, "criticism")]
    assert "inspect" not in effective.flags
    ineffective = consequences(outcome="substandard", effective=False, kind=kind)
    assert "inspect" in ineffective.flags


def test_upgrade_visits_never_cost_a_prospector():
    upgrade = consequences(outcome="substandard", effective=False, kind="upgrade")
    assert upgrade.awards == () and upgrade.flags == ()


def test_sweep_points_only_after_the_planned_visits_nearby():
    assert [(a.staff, a.delta) for a in consequences(kind="sweep").awards] == [("张伟", 3)]
    early = consequences(kind="sweep", sweep=rules.SweepContext(2, 1, ("高新区",), "高新区"))
    assert early.awards == () and early.flags == ("sweep-early",)
    assert consequences(kind="sweep", effective=False).awards == ()
    unplanned = consequences(kind="sweep", sweep=rules.SweepContext(0, 0, (), "高新区"))
    assert unplanned.awards == () and unplanned.flags == ("sweep-unplanned",)
    far = consequences(kind="sweep", sweep=rules.SweepContext(1, 0, ("相城区",), "工业园区"))
    assert far.awards == () and far.flags == ("sweep-far",)
    # An unknown district on either side counts as neighbouring.
    for context in (rules.SweepContext(1, 0, ("相城区",), None),
                    rules.SweepContext(2, 0, ("相城区", None), "工业园区")):
        assert consequences(kind="sweep", sweep=context).flags == ()


def test_unready_planned_visit_is_flagged():
    assert consequences(ready=False).flags == ("unready",)
    assert consequences(kind="upgrade", ready=False).flags == ()


@pytest.mark.parametrize(("found", "prospector", "active", "expected"), [
    (2, True, True, True), (1, True, True, False), (5, False, True, None), (0, True, False, None),
])
def test_quota(found, prospector, active, expected):
    assert rules.quota_met(found, prospector, active, POLICY) is expected


@pytest.mark.parametrize(("a", "b"), [
    ("苏州市金和软件有限公司", "金和软件（苏州）有限公司"),
    ("苏州金和软件有限公司", "金和软件股份有限公司"),
    ("苏州 金和软件 有限责任公司", "金和软件(苏州)有限公司"),
])
def test_name_key_matches_variants(a, b):
    assert rules.name_key(a, "苏州") == rules.name_key(b, "苏州")


def test_name_key_keeps_different_companies_apart():
    assert rules.name_key("苏州金和软件有限公司", "苏州") != rules.name_key(
        "苏州金河软件有限公司", "苏州")


@pytest.mark.parametrize(("a", "b"), [
    # The legal form goes only as a suffix, the city only as a prefix or in brackets (Q8).
    ("苏州有限元仿真科技有限公司", "元仿真科技有限公司"),
    ("金和公司软件有限公司", "金和软件有限公司"),
    ("金苏州软件有限公司", "金软件有限公司"),
])
def test_name_key_removes_nothing_from_inside_the_trade_name(a, b):
    assert rules.name_key(a, "苏州") != rules.name_key(b, "苏州")


def test_duplicate_tie_break_is_the_earliest_prospect():
    assert rules.earliest_duplicate([(7, "phone"), (3, "name")]) == (3, "name")
    assert rules.earliest_duplicate([(3, "name"), (3, "phone")]) == (3, "phone")
    assert rules.earliest_duplicate([]) is None


def test_refusal_causes_name_the_missing_contact():
    causes = rules.refusal_causes(("contact", "verification"))
    assert [c.code for c in causes] == ["refusal.contact", "refusal.verification"]
    assert rules.refusal_causes(()) [0].code == "refusal.unknown"


@pytest.mark.parametrize(("e164", "shown"), [
    ("+8651262581234", "0512-62581234"), ("+861062581234", "010-62581234"),
    ("+862588881234", "025-88881234"), ("+8613812345678", "138 1234 5678"), (None, ""),
])
def test_phone_display(e164, shown):
    assert rules.phone_display(e164) == shown


_DIGITS = st.text("0123456789", min_size=6, max_size=13)
_SHAPES = st.one_of(
    st.builds(lambda area, rest: f"0{area}{rest}", st.sampled_from(
        ["10", "20", "21", "25", "512", "755", "571", "731", "898", "311"]),
        st.text("0123456789", min_size=6, max_size=9)),
    st.builds(lambda head, rest: f"1{head}{rest}", st.text("0123456789", min_size=2,
                                                          max_size=2),
              st.text("0123456789", min_size=8, max_size=8)),
    _DIGITS,
)


@given(number=_SHAPES, sep=st.sampled_from(["", "-", " ", "(", ")"]), cut=st.integers(1, 5),
       prefix=st.sampled_from(["", "+86", "+86 ", "0086", "+86-0"]))
def test_fast_phone_parse_agrees_with_phonenumbers(number, sep, cut, prefix):
    import phonenumbers

    from yulin_cli.parsers import _parse_cn

    if prefix and number.startswith("0"):
        number = number[1:]  # +86 replaces the trunk 0
    text = prefix + number[:cut] + sep + number[cut:]
    try:
        slow = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        slow = None
    try:
        fast = _parse_cn(text)
    except phonenumbers.NumberParseException:
        fast = None
    if slow is None or fast is None:
        either = fast or slow
        assert either is None or phonenumbers.number_type(either) == 99
        return
    assert (fast.country_code, fast.national_number) == (slow.country_code,
                                                         slow.national_number)
    assert phonenumbers.number_type(fast) == phonenumbers.number_type(slow)
    if not fast.italian_leading_zero:  # inputs.py hands that case to the library
        assert phonenumbers.format_number(fast, phonenumbers.PhoneNumberFormat.E164) == (
            f"+{fast.country_code}{fast.national_number}")


# --- identity in team mode (Q15) ----------------------------------------------------------------


@pytest.mark.parametrize(("by", "staff", "roles", "name", "refused"), [
    ("李娜", None, (), "李娜", False),          # SQLite or the administrator: as typed
    (None, None, (), None, False),             # ... and required (the caller says so)
    (None, "李娜", ("prospector",), "李娜", False),  # a mapped login acts as its person
    ("李娜", "李娜", ("prospector",), "李娜", False),
    ("王强", "李娜", ("prospector",), None, True),   # someone else: refused
    ("赵敏", "李娜", ("prospector", "visitor"), None, True),
    ("张伟", "赵敏", ("manager", "visitor"), "张伟", False),  # unless a manager's login
    (None, "赵敏", ("manager",), "赵敏", False),
])
def test_acting_as(by, staff, roles, name, refused):
    verdict = rules.acting_as(by, staff, roles)
    assert verdict.name == name
    assert (verdict.refusal is not None) == refused
    if refused:
        refusal = verdict.refusal
        assert refusal is not None
        assert refusal.rule == "identity" and refusal.clause == "Q15"
        assert "{" not in explain(refusal)


@given(by=st.one_of(st.none(), st.sampled_from(["李娜", "王强", "赵敏"])),
       staff=st.one_of(st.none(), st.sampled_from(["李娜", "王强", "赵敏"])),
       roles=st.lists(st.sampled_from(["prospector", "visitor", "manager"]), unique=True))
def test_acting_as_never_lets_staff_act_as_another(by, staff, roles):
    verdict = rules.acting_as(by, staff, tuple(roles))
    # Exactly one of: a name, a refusal, or (no login, no --by) nothing to go on.
    assert (verdict.name is None) == (verdict.refusal is not None or (by is None and not staff))
    if staff is not None and "manager" not in roles:
        assert verdict.name in (staff, None)
    if verdict.name is not None and by is not None:
        assert verdict.name == by
