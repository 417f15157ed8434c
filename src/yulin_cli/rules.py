"""The field manual as pure functions: facts + policy -> verdicts with their reasons.

Nothing here touches the database, the clock, the terminal or the language: every reason is a
catalogue code with parameters (see ``i18n.py``), tagged with its rule id and manual clause, so the
same verdict renders as a Rich view or as JSON in Chinese or English.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yulin_cli.policy import Policy

# Rule id -> the manual's clauses it comes from (RULES.md).
CLAUSES: dict[str, str] = {
    "standard": "Q1, Q2",
    "verification": "Q1",
    "address": "Q2",
    "contact": "Q2, Q17",
    "territory": "Q6",
    "redsea": "Q18",
    "readiness": "Q2",
    "effective": "Q7, Q15",
    "substandard": "Q1, Q15",
    "quota": "Q3",
    "stars": "Q5",
    "next-actions": "Q5, Q13",
    "sweep": "Q12",
    "duplicate": "Q8",
    "refusal": "Q17",
    "erp": "Q9",
    "partner": "Q10",
    "direct-sales": "Q11",
    "managers": "Q13",
    "soe": "Q14",
    "pretext": "Q16, Q4",
}

READINESS_RULES = ("standard", "verification", "address", "contact", "territory", "redsea")
NEED_LEVELS = {"none": 0, "latent": 1, "explicit": 2}
INTEREST_LEVELS = {"none": 0, "flat": 1, "high": 2}
REDSEA_SIGNALS = ("competitor-features", "stale-project", "excluded-us", "cold")


@dataclass(frozen=True)
class Reason:
    """One finding: which rule, which clause, whether it passed, and why (a catalogue code)."""

    rule: str
    ok: bool
    code: str
    params: dict = field(default_factory=dict)
    fix: str | None = None
    clause_: str | None = None  # when one item comes from one clause of a multi-clause rule

    @property
    def clause(self) -> str:
        return self.clause_ or CLAUSES[self.rule]


@dataclass(frozen=True)
class Text:
    """A catalogue code with parameters, used where one message holds another."""

    code: str
    params: dict = field(default_factory=dict)


def _reason(rule: str, ok: bool, code: str, fix: str | None = None, **params: object) -> Reason:
    return Reason(rule=rule, ok=ok, code=code, params=params, fix=fix)


# --- facts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Round:
    """One verification round as the rules see it.

    ``address_seen``, ``employees_seen`` and ``pcs_seen`` are the facts as recorded when the
    round was made: a round confirms those values, not whatever is recorded later (Q2).
    ``day`` and ``seq`` (the round's id) order rounds: later means a larger (day, seq).
    """

    by_source: bool
    pretext: str
    result: str  # confirmed | contradicted
    address: bool = False
    scale: bool = False
    day: str = ""
    seq: int = 0
    address_seen: str | None = None
    employees_seen: int | None = None
    pcs_seen: int | None = None

    @property
    def order(self) -> tuple[str, int]:
        return (self.day, self.seq)


@dataclass(frozen=True)
class ProspectFacts:
    employees: int | None = None
    pcs: int | None = None
    city: str = ""
    center_city: str | None = None
    suburban: bool = False
    address: str | None = None
    contact_surname: str | None = None
    landline: str | None = None
    in_selection: bool = False
    redsea_signals: tuple[str, ...] = ()
    rounds: tuple[Round, ...] = ()
    # (contact, status) of a direct-sales branch project on the same company (Q11)
    direct_sales: tuple[str, str] | None = None
    # Days of the visits that found it below the standard, unless an inspection overturned
    # the finding (Q1, Q15). They count from their own date on.
    substandard_days: tuple[str, ...] = ()

    def as_of(self, day: str | None) -> ProspectFacts:
        """The facts as they stood at the end of ``day``: rounds and visits count by their own
        dates; the prospect's own facts and red-sea signals carry no history and stay as
        recorded (RULES.md, visit readiness)."""
        if day is None:
            return self
        return replace(self, rounds=tuple(r for r in self.rounds if r.day <= day),
                       substandard_days=tuple(d for d in self.substandard_days if d <= day))

    @property
    def found_substandard(self) -> bool:
        return bool(self.substandard_days)


# --- readiness (Q1, Q2, Q6, Q17, Q18) --------------------------------------------------------


def standard_check(employees: int | None, pcs: int | None, policy: Policy,
                   found_substandard: bool = False) -> Reason:
    need_e, need_p = policy.standard.min_employees, policy.standard.min_pcs
    params = {"employees": employees, "pcs": pcs, "min_employees": need_e, "min_pcs": need_p}
    if found_substandard:
        # A visit saw the company below the standard: that outweighs what was recorded.
        return _reason("standard", False, "standard.found_substandard",
                       "standard.fix_found_substandard", **params)
    if employees is None or pcs is None:
        return _reason("standard", False, "standard.unknown", "standard.fix", **params)
    if employees >= need_e and pcs >= need_p:
        return _reason("standard", True, "standard.ok", **params)
    return _reason("standard", False, "standard.below", "standard.fix_below", **params)


def verification_check(rounds: tuple[Round, ...], policy: Policy) -> Reason:
    """Q1: only the source's *confirmed* rounds count, under enough different pretexts; a
    contradicted round by anyone, later than the source's last confirmed one, blocks."""
    own = [r for r in rounds if r.by_source and r.result == "confirmed"]
    need_rounds = policy.verification.min_rounds
    need_pretexts = policy.verification.min_pretexts
    pretexts = sorted({r.pretext for r in own})
    last_own = max((r.order for r in own), default=None)
    contradicted = [r for r in rounds if r.result == "contradicted"
                    and (last_own is None or r.order > last_own)]
    params = {
        "rounds": len(own),
        "min_rounds": need_rounds,
        "pretexts": len(pretexts),
        "min_pretexts": need_pretexts,
        "others": sum(1 for r in rounds if not r.by_source),
    }
    if contradicted:
        return _reason("verification", False, "verification.contradicted",
                       "verification.fix_contra", **params)
    if len(own) < need_rounds:
        return _reason("verification", False, "verification.too_few", "verification.fix", **params)
    if len(pretexts) < need_pretexts:
        return _reason("verification", False, "verification.same_pretext",
                       "verification.fix_pretext", **params)
    return _reason("verification", True, "verification.ok", **params)


def address_check(address: str | None, rounds: tuple[Round, ...], employees: int | None = None,
                  pcs: int | None = None) -> Reason:
    """Q2: a confirmed round vouched for *this* address, and one checked *this* scale through
    it. Changing the address undoes both; changing employees or PCs undoes the scale."""
    if not address:
        return _reason("address", False, "address.none", "address.fix_none")
    confirmed = [r for r in rounds if r.result == "confirmed" and r.address_seen == address]
    if not any(r.address for r in confirmed):
        changed = any(r.address and r.result == "confirmed" for r in rounds)
        return _reason("address", False, "address.changed" if changed else "address.unverified",
                       "address.fix")
    scaled = [r for r in confirmed if r.scale]
    if not any(r.employees_seen == employees and r.pcs_seen == pcs for r in scaled):
        return _reason("address", False, "address.scale_changed" if scaled else "address.no_scale",
                       "address.fix_scale")
    return _reason("address", True, "address.ok", address=address)


def phone_display(e164: str | None) -> str:
    """+8651262581234 -> 0512-62581234, +8613812345678 -> 138 1234 5678 (China's plan)."""
    if not e164 or not e164.startswith("+86"):
        return e164 or ""
    digits = e164[3:]
    if digits.startswith("1") and len(digits) == 11 and not digits.startswith("10"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    area = 2 if digits.startswith(("10", "2")) else 3
    return f"0{digits[:area]}-{digits[area:]}"


def contact_check(surname: str | None, landline: str | None) -> Reason:
    if surname or landline:
        who = " / ".join(x for x in (surname, phone_display(landline)) if x)
        return _reason("contact", True, "contact.ok", who=who)
    return _reason("contact", False, "contact.none", "contact.fix")


def same_city(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and normalise_city(a) == normalise_city(b)


def territory_check(city: str, center_city: str | None, suburban: bool) -> Reason:
    if center_city is None:
        return _reason("territory", False, "territory.no_center", "territory.fix_center", city=city)
    if not same_city(city, center_city):
        return _reason("territory", False, "territory.outside", "territory.fix",
                       city=city, center_city=center_city)
    if suburban:
        return _reason("territory", True, "territory.suburban", city=city)
    return _reason("territory", True, "territory.ok", city=city)


@dataclass(frozen=True)
class RedseaVerdict:
    verdict: str  # none | pure | doubtful | impure
    signals: tuple[str, ...]
    check: Reason  # the readiness check it gives (Q2, Q18)

    @property
    def action_code(self) -> str:
        """What to do about it: follow, test further, or drop."""
        return f"redsea.action_{self.verdict}"


def redsea_verdict(in_selection: bool, signal_count: int, policy: Policy) -> str:
    """Q18: none (not in a selection), pure, doubtful or impure, by the number of signals.
    ``store.IMPURE_SQL`` restates the impure threshold in SQL."""
    if not in_selection and not signal_count:
        return "none"
    if signal_count >= policy.redsea.impure_at:
        return "impure"
    if signal_count >= policy.redsea.doubtful_at:
        return "doubtful"
    return "pure"


def redsea_assessment(in_selection: bool, signals: tuple[str, ...], policy: Policy) -> RedseaVerdict:
    """Q18: count the signals that a competitor owns the selection."""
    found = tuple(s for s in REDSEA_SIGNALS if s in signals)
    verdict = redsea_verdict(in_selection, len(found), policy)
    n = len(found)
    if verdict == "none":
        return RedseaVerdict("none", found, _reason("redsea", True, "redsea.not_in_selection"))
    if verdict == "impure":
        return RedseaVerdict(
            "impure", found,
            _reason("redsea", False, "redsea.impure", "redsea.fix_impure", count=n),
        )
    if verdict == "doubtful":
        return RedseaVerdict("doubtful", found, _reason("redsea", True, "redsea.doubtful", count=n))
    return RedseaVerdict("pure", found, _reason("redsea", True, "redsea.pure"))


@dataclass(frozen=True)
class Readiness:
    ready: bool
    checks: tuple[Reason, ...]

    @property
    def failing(self) -> tuple[str, ...]:
        return tuple(c.rule for c in self.checks if not c.ok)


def visit_readiness(facts: ProspectFacts, policy: Policy, as_of: str | None = None) -> Readiness:
    """Q2: a visit may be planned only when every check passes, judged on what was recorded on
    or before ``as_of`` (a visit's own date) when given."""
    facts = facts.as_of(as_of)
    checks = (
        standard_check(facts.employees, facts.pcs, policy, facts.found_substandard),
        verification_check(facts.rounds, policy),
        address_check(facts.address, facts.rounds, facts.employees, facts.pcs),
        contact_check(facts.contact_surname, facts.landline),
        territory_check(facts.city, facts.center_city, facts.suburban),
        redsea_assessment(facts.in_selection, facts.redsea_signals, policy).check,
    )
    if facts.direct_sales is not None:
        checks += (direct_sales_check(*facts.direct_sales, facts.contact_surname),)
    return Readiness(all(c.ok for c in checks), checks)


def refusal_causes(failing: tuple[str, ...] | list[str]) -> tuple[Reason, ...]:
    """Q17: the likely reason a visit was refused at the door, from the checks failing then."""
    causes = [
        _reason("refusal", False, f"refusal.{rule}", f"refusal.fix_{rule}")
        for rule in ("contact", "verification", "address", "standard")
        if rule in failing
    ]
    return tuple(causes) or (_reason("refusal", False, "refusal.unknown", "refusal.fix_unknown"),)


# --- who may record what (RULES.md, "Ambiguities we settled") ---------------------------------


def may_verify(by: str, roles: list[str], source: str) -> Reason | None:
    """Q1: a round is made by the prospect's finder (whatever their roles), a prospector or a
    manager; None when allowed, else the refusal."""
    if by == source or {"prospector", "manager"} & set(roles):
        return None
    return _reason("verification", False, "refuse.not_verifier", name=by)


def may_log_visit(by: str, roles: list[str], by_center: int, prospect_center: int) -> Reason | None:
    """Q7, Q15: a visit is logged by a visitor or a manager of the prospect's own centre."""
    if not {"visitor", "manager"} & set(roles):
        return _reason("effective", False, "refuse.not_visitor", name=by)
    if by_center != prospect_center:
        return _reason("effective", False, "refuse.other_center", name=by)
    return None


# --- visits (Q7, Q12, Q15) -----------------------------------------------------------------


@dataclass(frozen=True)
class Effectiveness:
    effective: bool
    missing: tuple[str, ...]
    reason: Reason


def visit_effectiveness(
    outcome: str, items: tuple[str, ...], contacts: tuple[str, ...], policy: Policy
) -> Effectiveness:
    """Q7: effective only with every required survey item and contact detail captured."""
    need = policy.effective_visit
    missing = tuple(i for i in need.items if i not in items) + tuple(
        c for c in need.contacts if c not in contacts
    )
    if outcome == "refused":
        reason = _reason("effective", False, "effective.refused", "effective.fix_refused")
        return Effectiveness(False, missing, reason)
    if missing:
        reason = _reason("effective", False, "effective.missing", "effective.fix",
                         missing=", ".join(missing))
        return Effectiveness(False, missing, reason)
    return Effectiveness(True, (), _reason("effective", True, "effective.ok"))


@dataclass(frozen=True)
class Award:
    """Points for one person, with the notice-board entry that goes with them."""

    staff: str
    delta: int
    rule: str
    kind: str  # praise | criticism


@dataclass(frozen=True)
class VisitConsequences:
    awards: tuple[Award, ...]
    flags: tuple[str, ...]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class SweepContext:
    """What a sweep is judged by (Q12): the visitor's planned visits on the sweep's day."""

    planned: int = 0  # planned visits of the visitor that day
    unfinished: int = 0  # of those, not yet logged
    planned_districts: tuple[str | None, ...] = ()
    district: str | None = None  # the swept company's district

    @property
    def neighbouring(self) -> bool:
        """In the district of one of the day's planned visits; an unknown district counts."""
        if not self.district:
            return True
        return any(not d or d == self.district for d in self.planned_districts)


def visit_consequences(
    *,
    outcome: str,
    kind: str,
    effective: bool,
    visitor: str,
    source: str,
    ready: bool,
    policy: Policy,
    sweep: SweepContext | None = None,
) -> VisitConsequences:
    """Points, notices and flags a logged visit earns (Q1, Q2, Q12, Q15)."""
    awards: list[Award] = []
    flags: list[str] = []
    reasons: list[Reason] = []
    if kind == "planned" and not ready:
        flags.append("unready")
        reasons.append(_reason("readiness", False, "visit.unready"))
    if outcome == "substandard" and kind != "upgrade":
        # Q1: whoever vouched for the company answers for it, whatever brought the visitor
        # there; an upgrade visit to an existing customer was never vouched for.
        delta = policy.points.substandard
        awards.append(Award(source, delta, "substandard", "criticism"))
        reasons.append(_reason("substandard", False, "visit.substandard", source=source,
                               delta=delta))
        if not effective:
            # Q15: a "below standard" report without the survey may hide a visit never made.
            flags.append("inspect")
            reasons.append(_reason("substandard", False, "visit.inspect"))
    if kind == "sweep":
        context = sweep or SweepContext()
        if context.planned == 0:
            # A sweep on a day with nothing planned was arranged on purpose (Q12).
            flags.append("sweep-unplanned")
            reasons.append(_reason("sweep", False, "visit.sweep_unplanned"))
        elif context.unfinished > 0:
            flags.append("sweep-early")
            reasons.append(_reason("sweep", False, "visit.sweep_early", count=context.unfinished))
        elif not context.neighbouring:
            flags.append("sweep-far")
            reasons.append(_reason("sweep", False, "visit.sweep_far", district=context.district))
        elif effective and outcome == "met":
            delta = policy.points.sweep
            awards.append(Award(visitor, delta, "sweep", "praise"))
            reasons.append(_reason("sweep", True, "visit.sweep_praise", visitor=visitor,
                                   delta=delta))
        else:
            reasons.append(_reason("sweep", False, "visit.sweep_ineffective"))
    return VisitConsequences(tuple(awards), tuple(flags), tuple(reasons))


# --- quota (Q3) ----------------------------------------------------------------------------


def is_quality_customer(
    employees: int | None,
    pcs: int | None,
    in_territory: bool,
    duplicate: bool,
    found_substandard: bool,
    policy: Policy,
    merged: bool = False,
) -> bool:
    """Q1, Q3: counts as a quality customer (and towards the quota on the day it was found).

    The definition; ``store.quality_sql`` restates it in SQL for reports, and a property test
    keeps the two equal.
    """
    return (
        standard_check(employees, pcs, policy).ok
        and in_territory
        and not duplicate
        and not merged
        and not found_substandard
    )


def quota_active(day: dt.date, policy: Policy) -> bool:
    """Q3: the quota applies on the campaign's first and last day and every day between."""
    return policy.quota.campaign_start <= day <= policy.quota.campaign_end


def quota_met(quality_found: int, is_prospector: bool, active: bool, policy: Policy) -> bool | None:
    """Q3: None when the quota does not apply (outside the campaign, or not a prospector)."""
    if not active or not is_prospector:
        return None
    return quality_found >= policy.quota.per_day


# --- stars (Q5, Q13, Q18) ---------------------------------------------------------------------


@dataclass(frozen=True)
class Rating:
    stars: int
    reasons: tuple[Reason, ...]
    lift: tuple[Reason, ...]
    next_actions: tuple[Reason, ...]
    redsea: str = "none"  # the red-sea verdict the actions were chosen with

    @property
    def worth_following(self) -> bool:
        """False for an impure red-sea prospect: it ranks after every other (Q18)."""
        return self.redsea != "impure"


def _level_conditions(
    level: int, value: int, need: int, interest: int, platform: bool, policy: Policy
) -> list[tuple[bool, str, dict]]:
    """Each condition of a star level: (holds, code, params). Every condition is a minimum,
    so more value, need or interest never lowers the rating (the 2-star band is a floor)."""
    s = policy.stars
    explicit, latent = NEED_LEVELS["explicit"], NEED_LEVELS["latent"]
    high, flat = INTEREST_LEVELS["high"], INTEREST_LEVELS["flat"]
    if level == 5:
        return [(value >= s.five_min, "cond.value", {"amount": s.five_min}),
                (need >= explicit, "cond.need_explicit", {}),
                (interest >= high, "cond.interest_high", {})]
    if level == 4:
        return [(value >= s.four_min, "cond.value", {"amount": s.four_min}),
                (need >= explicit, "cond.need_explicit", {}),
                (interest >= high, "cond.interest_high", {})]
    if level == 3:
        return [(value >= s.three_min, "cond.value", {"amount": s.three_min}),
                (need >= latent, "cond.need_latent", {}),
                (interest >= flat, "cond.interest_flat", {})]
    if level == 2:
        return [(value >= s.two_min, "cond.value", {"amount": s.two_min}),
                (need >= explicit, "cond.need_explicit", {}),
                (platform, "cond.platform", {})]
    return []


def star_level(deal_value: int | None, need: str | None, yulin_interest: str | None,
               platform_interest: bool, policy: Policy) -> int:
    """Q5: the stars (1-5) of a quality customer: the highest level whose every condition
    holds; unknown inputs count as none. ``store.stars_sql`` restates it in SQL."""
    value = deal_value or 0
    need_l = NEED_LEVELS.get(need or "none", 0)
    interest_l = INTEREST_LEVELS.get(yulin_interest or "none", 0)
    for level in (5, 4, 3, 2):
        if all(ok for ok, _, _ in _level_conditions(level, value, need_l, interest_l,
                                                    platform_interest, policy)):
            return level
    return 1


_NEXT_ACTIONS = {
    5: ("act.brief_middle", "act.meal", "act.executives", "act.occasions", "act.manager_now"),
    4: ("act.brief_middle", "act.meal", "act.executives", "act.occasions", "act.manager_now"),
    3: ("act.deepen_need", "act.occasions", "act.focus_later"),
    2: ("act.platform_pitch", "act.focus_later"),
    1: ("act.keep_warm", "act.focus_later"),
    0: ("act.not_quality",),
}


def next_actions(stars: int, redsea: str = "none") -> tuple[Reason, ...]:
    """Q5, Q13: what to do next for a rating; Q18: an impure red-sea prospect is dropped,
    whatever its stars, so dropping it is its only action."""
    if redsea == "impure":
        return (Reason("next-actions", False, "act.drop_impure", clause_="Q18"),)
    clause = "Q5, Q13" if stars >= 4 else "Q5"
    return tuple(Reason("next-actions", True, code, clause_=clause)
                 for code in _NEXT_ACTIONS[stars])


def star_rating(
    *,
    quality: bool,
    deal_value: int | None,
    need: str | None,
    yulin_interest: str | None,
    platform_interest: bool,
    policy: Policy,
    not_quality_code: str = "stars.not_quality",
    redsea: str = "none",
) -> Rating:
    """Q5: stars with their reasons, what would lift them, and the next actions (which see the
    red-sea verdict, Q18)."""
    value = deal_value or 0
    need_l = NEED_LEVELS.get(need or "none", 0)
    interest_l = INTEREST_LEVELS.get(yulin_interest or "none", 0)
    facts = {"value": value, "need": need or "none", "interest": yulin_interest or "none",
             "platform": platform_interest}
    if not quality:
        reasons = (_reason("stars", False, not_quality_code, **facts),)
        return Rating(0, reasons, (), next_actions(0, redsea), redsea)
    stars = star_level(deal_value, need, yulin_interest, platform_interest, policy)
    reasons = [_reason("stars", True, f"stars.level{stars}", **facts)]
    reasons += [
        _reason("stars", True, code, **params)
        for ok, code, params in _level_conditions(stars, value, need_l, interest_l,
                                                  platform_interest, policy)
        if ok
    ]
    lift: tuple[Reason, ...] = ()
    if stars < 5 and redsea != "impure":
        lift = tuple(
            _reason("stars", False, "stars.lift", stars=stars + 1, condition=Text(code, params))
            for ok, code, params in _level_conditions(stars + 1, value, need_l, interest_l,
                                                      platform_interest, policy)
            if not ok
        )
    return Rating(stars, tuple(reasons), lift, next_actions(stars, redsea), redsea)


def rank_key(rating: Rating, deal_value: int | None, prospect_id: int) -> tuple:
    """Best first: every prospect worth following before the impure ones (Q18), then by stars,
    then by deal value (Q5). ``store.RANK_ORDER_SQL`` restates it in SQL."""
    return (not rating.worth_following, -rating.stars, -(deal_value or 0), prospect_id)


def is_upgrade_candidate(existing_customer: bool, pcs: int | None, in_territory: bool,
                         merged: bool, policy: Policy) -> bool:
    """Q13: an existing IOAS customer in the centre's city with enough PCs to visit for an
    upgrade. ``store.upgrade_sql`` restates it in SQL."""
    return (existing_customer and pcs is not None and pcs >= policy.managers.upgrade_min_pcs
            and in_territory and not merged)


# --- duplicates (Q8) -----------------------------------------------------------------------

# Legal forms, removed only as a suffix (longest first): never characters inside the trade
# name, so 苏州有限元仿真科技有限公司 keeps its 有限元.
_LEGAL_FORMS = sorted(
    ["有限责任公司", "股份有限公司", "有限公司", "集团公司", "总公司", "分公司", "公司", "集团",
     "股份"],
    key=len, reverse=True,
)
_LATIN_FORM = re.compile(
    r"[\s,.]*\b(?:co\.?,?\s*ltd|ltd|limited|inc|corp|corporation|company|group)\.?\s*$")
_BRACKETED = re.compile(r"[（(\[【]([^）)\]】]*)[）)\]】]")
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


@functools.lru_cache(maxsize=1024)
def normalise_city(city: str) -> str:
    """苏州市 and 苏州 are one city."""
    text = unicodedata.normalize("NFKC", city).strip()
    return text[:-1] if len(text) > 1 and text.endswith("市") else text


def name_key(company: str, city: str) -> str:
    """Q8: the company name without the city (as a prefix or in brackets), the legal form (as
    a suffix), punctuation and case. Nothing is removed from inside the trade name."""
    text = unicodedata.normalize("NFKC", company).lower().strip()
    base = normalise_city(city).lower() if city else ""
    if base:
        # （苏州） or (苏州市) anywhere: the city in brackets says where, not who.
        text = _BRACKETED.sub(
            lambda m: "" if normalise_city(m.group(1).strip() or "-").lower() == base
            else m.group(0), text)
    while True:
        trimmed = _LATIN_FORM.sub("", text).rstrip()
        for form in _LEGAL_FORMS:
            if trimmed.endswith(form) and len(trimmed) > len(form):
                trimmed = trimmed[: -len(form)]
                break
        if trimmed == text:
            break
        text = trimmed
    text = _NOISE.sub("", text)
    if base:
        for prefix in (base + "市", base):
            if text.startswith(prefix) and len(text) > len(prefix):
                text = text[len(prefix):]
                break
    # A name made only of city and legal form keeps its full text, so it still matches itself.
    return text or _NOISE.sub("", unicodedata.normalize("NFKC", company).lower())


def earliest_duplicate(matches: Iterable[tuple[int, str]]) -> tuple[int, str] | None:
    """Q8: of the prospects a new one matches, (id, why), it duplicates the earliest (lowest
    id); a phone match is named before a name match on the same prospect."""
    ranked = sorted(matches, key=lambda m: (m[0], m[1] != "phone"))
    return ranked[0] if ranked else None


# --- direct sales (Q11) --------------------------------------------------------------------


def same_person(a: str | None, b: str | None) -> bool:
    """Names match when equal, or when one is the surname the other starts with."""
    if not a or not b:
        return False
    a, b = a.strip(), b.strip()
    return a == b or (len(a) <= 2 and b.startswith(a)) or (len(b) <= 2 and a.startswith(b))


def direct_sales_check(project_contact: str, status: str, our_contact: str | None) -> Reason:
    """Q11: a different contact may be followed by both; the same one must be settled."""
    if status == "we-withdraw":
        return _reason("direct-sales", False, "direct.we_withdrew", "direct.fix_withdrawn")
    if status in ("cooperate", "they-withdraw"):
        return _reason("direct-sales", True, f"direct.{status.replace('-', '_')}")
    if not our_contact:
        return _reason("direct-sales", False, "direct.unknown_contact", "direct.fix_unknown",
                       contact=project_contact)
    if same_person(project_contact, our_contact):
        return _reason("direct-sales", False, "direct.same_contact", "direct.fix_same",
                       contact=project_contact)
    return _reason("direct-sales", True, "direct.other_contact", contact=project_contact)


# --- partners (Q10) ------------------------------------------------------------------------


def partner_effort(rounds: int, visits: int, vendor_share: int | None, policy: Policy) -> Reason:
    """Q10: weigh the effort spent against what the vendor earns from a partner deal."""
    effort = rounds + visits
    params = {"effort": effort, "share": vendor_share or 0}
    small = vendor_share is None or vendor_share < policy.partner.small_share
    if effort >= policy.partner.min_effort and small:
        return _reason("partner", False, "partner.costly", "partner.fix", **params)
    return _reason("partner", True, "partner.ok", **params)


# --- industries (Q8) -----------------------------------------------------------------------


def industry_owners(industry: str | None, owners: dict[str, list[str]]) -> list[str]:
    """Who calls ``industry``, from each prospector's industries."""
    if not industry:
        return []
    return sorted(name for name, industries in owners.items() if industry in industries)


def industry_check(industry: str | None, source: str, owners: dict[str, list[str]]) -> Reason | None:
    """Q8: a prospect in an industry another prospector owns risks a duplicate call."""
    owned_by = industry_owners(industry, owners)
    if not owned_by or source in owned_by:
        return None
    return _reason("duplicate", False, "industry.other_owner", "industry.fix",
                   industry=industry, owners="、".join(owned_by))


# --- routes (Q6) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Trip:
    district: str
    days: tuple[tuple[str, tuple[int, ...]], ...]  # (ISO date, prospect ids)


def _next_working_day(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def plan_trips(prospects: list[tuple[int, str]], start: dt.date, policy: Policy) -> list[Trip]:
    """Q6: suburban visits grouped by district into trips of at most ``route.max_days``
    consecutive working days (never across a weekend), ``route.max_visits_per_day`` a day.

    ``prospects`` are (id, district); the biggest district goes first.
    """
    per_day, max_days = policy.route.max_visits_per_day, policy.route.max_days
    by_district: dict[str, list[int]] = {}
    for pid, district in sorted(prospects):
        by_district.setdefault(district or "-", []).append(pid)
    order = sorted(by_district, key=lambda d: (-len(by_district[d]), d))
    trips: list[Trip] = []
    day = _next_working_day(start)
    for district in order:
        ids = by_district[district]
        chunks = [tuple(ids[i:i + per_day]) for i in range(0, len(ids), per_day)]
        for first in range(0, len(chunks), max_days):
            trip_chunks = chunks[first:first + max_days]
            # A trip's days are consecutive working days: start on Monday rather than split.
            if day.weekday() + len(trip_chunks) > 5:
                day = _next_working_day(day + dt.timedelta(days=7 - day.weekday()))
            days = []
            for chunk in trip_chunks:
                days.append((day.isoformat(), chunk))
                day = _next_working_day(day + dt.timedelta(days=1))
            trips.append(Trip(district, tuple(days)))
    return trips


# --- inspections (Q15) ---------------------------------------------------------------------


def inspection_reversal(deductions: list[int]) -> int:
    """Q15: an overturned finding gives back exactly what the finding took."""
    return -sum(d for d in deductions if d < 0)


# --- managers (Q13) ------------------------------------------------------------------------


def upgrade_tasks() -> tuple[Reason, ...]:
    """Q13: the two visits an existing customer gets when no 4-5 star prospect is waiting."""
    return (_reason("managers", True, "managers.meet_executive"),
            _reason("managers", True, "managers.meet_sysadmin"))


# --- advice (Q4, Q9-Q18) --------------------------------------------------------------------


@dataclass(frozen=True)
class AdviceFacts:
    ownership: str = "private"
    erp_need: bool = False
    has_oa: bool = False
    suburban: bool = False
    existing_customer: bool = False
    partner: str | None = None
    redsea: str = "none"  # none | pure | doubtful | impure
    refused_failing: tuple[str, ...] | None = None  # failing checks at the last refusal
    direct_sales: Reason | None = None
    partner_effort: Reason | None = None
    rating: Rating | None = None


def _advice(rule: str, clause: str, code: str, **params: object) -> Reason:
    return Reason(rule=rule, ok=True, code=code, params=params, clause_=clause)


def advice(facts: AdviceFacts) -> tuple[Reason, ...]:
    """The guidance that applies to one prospect, each item with its rule and clause."""
    items = [
        _advice("pretext", "Q16", "advice.survey_opener"),
        _advice("pretext", "Q16", "advice.yulin_in_one_sentence"),
        _advice("pretext", "Q4", "advice.price"),
    ]
    if facts.erp_need and facts.has_oa:
        items.append(_advice("erp", "Q9", "advice.erp_with_oa"))
    if facts.ownership == "soe":
        items.append(_advice("soe", "Q14", "advice.soe"))
    if facts.suburban:
        items.append(_advice("territory", "Q6", "advice.suburban"))
    if facts.refused_failing is not None:
        items += [_advice("refusal", "Q17", c.code) for c in refusal_causes(facts.refused_failing)]
    if facts.redsea != "none":
        items.append(_advice("redsea", "Q18", f"advice.redsea_{facts.redsea}"))
    if facts.direct_sales is not None:
        items.append(Reason("direct-sales", facts.direct_sales.ok, facts.direct_sales.code,
                            facts.direct_sales.params, facts.direct_sales.fix, "Q11"))
    if facts.partner:
        items.append(_advice("partner", "Q10", "advice.partner", partner=facts.partner))
        if facts.partner_effort is not None and not facts.partner_effort.ok:
            effort = facts.partner_effort
            items.append(Reason("partner", False, effort.code, effort.params, effort.fix, "Q10"))
    if facts.existing_customer:
        items.append(_advice("managers", "Q13", "advice.existing_customer"))
    if facts.rating is not None:
        items += list(facts.rating.next_actions)
    return tuple(items)
