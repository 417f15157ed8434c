"""May this prospect be visited? The preconditions of a visit (Q1, Q2, Q6, Q17, Q18), judged on
facts as they stood on a given day."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from yulin_cli.frozen import frozen
from yulin_cli.rules.deals import direct_sales_check
from yulin_cli.rules.duplicates import normalise_city
from yulin_cli.rules.reasons import Reason
from yulin_cli.rules.reasons import reason as _reason

if TYPE_CHECKING:
    from yulin_cli.policy import Policy

READINESS_RULES = ("standard", "verification", "address", "contact", "territory", "redsea")
REDSEA_SIGNALS = ("competitor-features", "stale-project", "excluded-us", "cold")


@frozen(slots=False)
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


@frozen(slots=False)
class FactChange:
    """A change of one of a prospect's facts: the value it replaced, and the day it took
    effect (``seq`` orders changes of one day)."""

    field: str
    old: object
    day: str
    seq: int = 0
    visit_id: int | None = None  # the visit that found it out, if one did


@frozen(slots=False)
class Signal:
    """A red-sea signal (Q18): the day it was seen, and the day it was withdrawn, if it was.
    A signal recorded before signals had days counts on every day."""

    signal: str
    day: str | None = None
    cleared_on: str | None = None

    def stands_on(self, day: str) -> bool:
        return (self.day is None or self.day <= day) and (
            self.cleared_on is None or self.cleared_on > day)


# The facts of ``ProspectFacts`` that carry a history (``FactChange.field`` names them).
HISTORY_FIELDS = ("employees", "pcs", "city", "suburban", "address", "contact_surname",
                  "landline", "in_selection", "district", "sourced_by_id", "existing_customer",
                  "location")


@frozen(slots=False)
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
    district: str | None = None
    sourced_by_id: int = 0  # its finder
    existing_customer: bool = False
    location: tuple[float, float] | None = None  # WGS-84 (Q15)
    # Every later change of the facts above, oldest first, and the dated red-sea signals.
    changes: tuple[FactChange, ...] = ()
    signals: tuple[Signal, ...] = ()
    # (day, visit id) of each finding of ``substandard_days``, when known.
    substandard_visits: tuple[tuple[str, int], ...] = ()
    # An inspection upheld a standing finding: it stays substandard whatever the others
    # become, so nothing is left to overturn (Q15). As of now, whatever day is asked.
    substandard_settled: bool = False

    def as_of(self, day: str | None, before_visit: int | None = None) -> ProspectFacts:
        """The facts as they stood at the end of ``day``: rounds, visits and signals count by
        their own dates, and each fact changed after ``day`` takes back the value it replaced
        (RULES.md: facts carry their history). With ``before_visit``, as a visit of that day
        found them: before its own finding and what it found out, and those of the visits
        recorded after it."""
        if day is None or day > self.latest:
            return self  # nothing is dated on or after it: as recorded
        values: dict[str, object] = {}
        for change in reversed(self.changes):
            if change.day > day or (before_visit is not None and change.day == day
                                    and change.visit_id is not None
                                    and change.visit_id >= before_visit):
                values[change.field] = change.old
        if self.signals:
            values["redsea_signals"] = tuple(s.signal for s in self.signals if s.stands_on(day))
        if before_visit is not None and self.substandard_visits:
            days = tuple(d for d, v in self.substandard_visits
                         if d < day or (d == day and v < before_visit))
        else:
            days = tuple(d for d in self.substandard_days if d <= day)
        return replace(self, rounds=tuple(r for r in self.rounds if r.day <= day),
                       substandard_days=days, **values)  # type: ignore[arg-type]

    @property
    def found_substandard(self) -> bool:
        return bool(self.substandard_days)

    @cached_property
    def latest(self) -> str:
        """The latest day anything of these facts is dated ("" when none is)."""
        days = [r.day for r in self.rounds]
        days += [c.day for c in self.changes]
        days += [d for s in self.signals for d in (s.day, s.cleared_on) if d]
        days += list(self.substandard_days)
        return max(days, default="")


# --- readiness (Q1, Q2, Q6, Q17, Q18) --------------------------------------------------------


def standard_check(employees: int | None, pcs: int | None, policy: Policy,
                   found_substandard: bool = False, settled: bool = False) -> Reason:
    """Q1, Q2: the scale against the standard. ``settled``: an inspection upheld a finding,
    so the advice is to drop it, not to have it overturned."""
    need_e, need_p = policy.standard.min_employees, policy.standard.min_pcs
    params = {"employees": employees, "pcs": pcs, "min_employees": need_e, "min_pcs": need_p}
    if found_substandard:
        # A visit saw the company below the standard: that outweighs what was recorded.
        if settled:
            return _reason("standard", False, "standard.found_substandard",
                           "standard.fix_found_upheld", **params)
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
        # Rounds by others are mentioned only when there are some (they never count).
        code = "verification.too_few" if params["others"] else "verification.too_few_own"
        return _reason("verification", False, code, "verification.fix", **params)
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


def phone_display(e164: str | None, ext: str | None = None) -> str:
    """+8651262581234 -> 0512-62581234, +8613812345678 -> 138 1234 5678 (China's plan), a
    hotline +864008208820 -> 400-820-8820; with an extension, 0510-85201292 转 8001."""
    if not e164 or not e164.startswith("+86"):
        shown = e164 or ""
    else:
        digits = e164[3:]
        if digits.startswith("1") and len(digits) == 11 and not digits.startswith("10"):
            shown = f"{digits[:3]} {digits[3:7]} {digits[7:]}"
        elif digits.startswith(("400", "800")) and len(digits) == 10:
            shown = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
        else:
            area = 2 if digits.startswith(("10", "2")) else 3
            shown = f"0{digits[:area]}-{digits[area:]}"
    return f"{shown} 转 {ext}" if shown and ext else shown


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


@frozen(slots=False)
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
    ``sql_rules.impure_sql`` restates the impure threshold in SQL."""
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


@frozen(slots=False)
class Readiness:
    ready: bool
    checks: tuple[Reason, ...]

    @property
    def failing(self) -> tuple[str, ...]:
        return tuple(c.rule for c in self.checks if not c.ok)


def visit_readiness(facts: ProspectFacts, policy: Policy, as_of: str | None = None,
                    before_visit: int | None = None) -> Readiness:
    """Q2: a visit may be planned only when every check passes, judged on what was recorded on
    or before ``as_of`` (a visit's own date) when given (``ProspectFacts.as_of``)."""
    facts = facts.as_of(as_of, before_visit)
    checks: tuple[Reason, ...] = (
        standard_check(facts.employees, facts.pcs, policy, facts.found_substandard,
                       facts.substandard_settled),
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
