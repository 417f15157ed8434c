"""The team's services: setting up centres and staff, the points ledger, adjustments and
inspections (Q1, Q8, Q15). Each returns a typed result."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.dating import check_recorded_day
from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.frozen import frozen
from yulin_cli.records import Center, StaffMember, join_list
from yulin_cli.results import Page, Result, human_only
from yulin_cli.team import queries
from yulin_cli.team.queries import LedgerEntry, PointsTotal

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import PolicyBook


# --- results ------------------------------------------------------------------------------------


@frozen
class CenterAdded(Result):
    id: int
    name: str
    city: str


@frozen
class CenterList(Result):
    centers: tuple[Center, ...]

    def to_json(self) -> Any:
        return [{"id": c.id, "name": c.name, "city": c.city} for c in self.centers]


@frozen
class StaffAdded(Result):
    id: int
    name: str
    center: str
    roles: tuple[str, ...]
    industries: tuple[str, ...]


@frozen
class StaffProfile(Result):
    """One person as `staff list` and `staff update` show them."""

    name: str
    center: str
    city: str
    roles: tuple[str, ...]
    industries: tuple[str, ...]

    @classmethod
    def of(cls, person: StaffMember) -> StaffProfile:
        return cls(person.name, person.center, person.city, person.roles, person.industries)


@frozen
class StaffList(Result):
    staff: tuple[StaffProfile, ...]

    def to_json(self) -> Any:
        return [p.to_json() for p in self.staff]


@frozen
class Ledger(Result):
    """One person's points, every entry with the running total after it (a human view: the
    latest, ``page`` saying of how many)."""

    staff: str
    total: int
    entries: tuple[LedgerEntry, ...]
    page: Page | None = human_only(None)


@frozen
class Adjusted(Result):
    """A manager's adjustment, and the ledger after it."""

    ledger: Ledger
    delta: int

    def to_json(self) -> Any:
        return self.ledger.to_json()


@frozen
class PointsTotals(Result):
    totals: tuple[PointsTotal, ...]
    page: Page | None = human_only(None)

    def to_json(self) -> Any:
        return [{"staff": p.staff, "center": p.center, "entries": p.entries, "total": p.total}
                for p in self.totals]


@frozen
class Reversal:
    staff_id: int
    delta: int


@frozen
class InspectionSettled(Result):
    """`inspect`: one question answered, and what changed with it (re-derived)."""

    visit_id: int
    prospect_id: int
    verdict: str
    question: str  # finding | proof
    reversed: tuple[Reversal, ...]  # what was given back
    proof: bool = False  # the question was whether the visit happened as recorded
    cleared: tuple[str, ...] = ()  # the flags a proven visit lost
    penalty: Reversal | None = None  # the visitor's, when the visit did not happen as logged
    still_open: tuple[str, ...] = ()  # the visit's other open question, if any
    visitor: str = human_only("")


@frozen
class Industry:
    industry: str
    prospects: int
    owners: tuple[str, ...]
    center: str = ""  # industries are shared out within a centre (Q8)


@frozen
class IndustryList(Result):
    industries: tuple[Industry, ...]

    def to_json(self) -> Any:
        return [{"industry": i.industry, "prospects": i.prospects, "owners": list(i.owners),
                 "center": i.center} for i in self.industries]


# --- services -----------------------------------------------------------------------------------


def add_center(tx: Tx, name: str, city: str) -> CenterAdded:
    center = queries.add_center(tx, name, city)
    return CenterAdded(center.id, center.name, center.city)


def add_staff(tx: Tx, name: str, center: str, roles: Sequence[str], industries: Sequence[str],
              since: str | None) -> StaffAdded:
    home = queries.center_by_name(tx, center)
    staff_id = queries.add_staff(tx, name, home.id, roles, industries, since)
    return StaffAdded(staff_id, name, center, tuple(roles), tuple(industries))


def list_staff(tx: Tx) -> StaffList:
    return StaffList(tuple(StaffProfile.of(p) for p in queries.list_staff(tx)))


def require_manager(tx: Tx, name: str, refusal: str = "refuse.not_manager") -> StaffMember:
    """Changing someone else's standing (or, with ``refusal`` saying so, the prospects'
    records) takes a manager; anyone else is refused (exit 1)."""
    person = queries.staff_by_name(tx, name)
    if not person.has_role("manager"):
        raise RuleRefusal(refusal, name=name)
    return person


def update_staff(tx: Tx, name: str, *, center: str | None, roles: list[str] | None,
                 industries: list[str] | None, since: str | None = None) -> StaffProfile:
    person = queries.staff_by_name(tx, name)
    changes: dict[str, Any] = {}
    if since is not None:
        changes["since"] = since
    if center is not None:
        changes["center_id"] = queries.center_by_name(tx, center).id
    if roles:
        changes["roles"] = join_list(roles)
    if industries is not None:
        changes["industries"] = join_list(industries)
    if not changes:
        raise BadInput("bad.nothing_to_update")
    queries.update_staff(tx, person.id, changes)
    return StaffProfile.of(queries.staff_by_name(tx, name))


def ledger(tx: Tx, staff: str, limit: int | None = None) -> Ledger:
    """One person's ledger: every entry, or the latest ``limit`` and how many there are."""
    person = queries.staff_by_name(tx, staff)
    entries = tuple(queries.ledger(tx, person.id, limit))
    page = None
    if limit is not None:
        page = Page(len(entries), len(entries) if len(entries) < limit
                    else queries.ledger_entries(tx, person.id))
    return Ledger(staff, entries[-1].balance if entries else 0, entries, page)


def points_totals(tx: Tx, center: str | None, limit: int | None = None) -> PointsTotals:
    """Everyone's points, most first: every person, or the first ``limit`` and how many."""
    if center is not None:
        queries.center_by_name(tx, center)
    totals = tuple(queries.points_totals(tx, center, limit))
    page = None
    if limit is not None:
        page = Page(len(totals), len(totals) if len(totals) < limit
                    else queries.count_staff(tx, center))
    return PointsTotals(totals, page)


def adjust_points(tx: Tx, staff: str, delta: int, reason: str, by: str, day: str) -> Adjusted:
    manager = require_manager(tx, by)
    person = queries.staff_by_name(tx, staff)
    check_recorded_day(day)
    if delta == 0:
        raise BadInput("bad.zero_delta")
    queries.add_points(tx, person.id, day, delta, "adjustment", None, None, reason, manager.id)
    return Adjusted(ledger(tx, staff), delta)


def inspect(tx: Tx, book: PolicyBook, visit_id: int, by: str, verdict: str,
            question: str | None, note: str | None, day: str) -> InspectionSettled:
    """Q15: a manager answers one open question about a visit: whether its substandard
    finding holds (upheld | overturned) or whether it happened as recorded (proven |
    unproven). The answer is a fact; what it gives back or costs is re-derived."""
    from yulin_cli.clock import wall_clock
    from yulin_cli.outcomes import service as outcomes

    manager = require_manager(tx, by)
    found = queries.visit_for_inspection(tx, visit_id)
    day_of_visit = str(tx.scalar("SELECT day FROM visit WHERE id = :id", id=visit_id))
    check_recorded_day(day, not_before=day_of_visit,
                             what=rules.Message("field.visit_day_of"))
    if found.voided:
        raise RuleRefusal("void.visit_voided", id=visit_id)
    asked = rules.question_of(verdict)
    open_now = [q for q, status in found.questions if status == "open"]
    settled = {q: status for q, status in found.questions if status != "open"}

    def wrong_word(questions: list[str]) -> BadInput:
        words = tuple(w for q in questions for w in rules.answers_for(q))
        return BadInput("inspect.wrong_word", id=visit_id, verdict=verdict,
                        words=tuple(rules.Message(f"verdict.{w}_word") for w in words),
                        question=rules.Message(f"question.{questions[0]}"
                                               if len(questions) == 1 else "question.both"))

    if question is not None and question != asked:
        raise wrong_word([question])
    if asked in settled:
        raise RuleRefusal("refuse.already_settled", id=visit_id,
                          status=rules.Message(f"verdict.{settled[asked]}"))
    if asked == rules.FINDING and settled.get(rules.PROOF) == "unproven":
        # A visit that did not happen as recorded found nothing to judge (RULES.md).
        raise RuleRefusal("refuse.already_settled", id=visit_id,
                          status=rules.Message("verdict.unproven"))
    if open_now and asked not in open_now:
        raise wrong_word(open_now)
    if not open_now:
        # Nothing flagged it: a manager may still check a finding, or whether it happened.
        if asked == rules.FINDING and (found.outcome != "substandard"
                                       or found.kind not in ("planned", "sweep")):
            raise RuleRefusal("refuse.not_substandard", id=visit_id)
        if asked == rules.PROOF and found.kind not in rules.SURVEY_KINDS:
            raise RuleRefusal("refuse.nothing_to_inspect", id=visit_id)
    wanted = asked
    before = {e.key: e for e in queries.visit_entries(tx, visit_id)}
    flags_before = found.flags
    queries.answer_question(tx, visit_id, wanted, verdict, manager.id, day, wall_clock(), note)
    outcomes.reconcile(tx, book, [visit_id])
    after = queries.visit_entries(tx, visit_id)
    new = [e for e in after if e.key not in before]
    given_back = tuple(Reversal(e.staff_id, e.delta) for e in new if e.rule == "inspection")
    fine = next((Reversal(e.staff_id, e.delta) for e in new if e.rule == "proof"), None)
    now = queries.visit_for_inspection(tx, visit_id)
    cleared = tuple(f for f in flags_before if f not in now.flags)
    visitor = str(tx.scalar("SELECT name FROM staff WHERE id = :id", id=found.staff_id))
    return InspectionSettled(visit_id, found.prospect_id, verdict, wanted, given_back,
                             wanted == rules.PROOF, cleared,
                             fine if verdict == "unproven" else None,
                             tuple(q for q in open_now if q != wanted and not (
                                 verdict == "unproven" and q == rules.FINDING)), visitor)


def industries(tx: Tx, center: str | None) -> IndustryList:
    """Q8: each centre's main industries by prospect count, and who calls each there (a
    prospector's industries are shared out within their own centre)."""
    centers = ([queries.center_by_name(tx, center)] if center else queries.list_centers(tx))
    rows: list[Industry] = []
    for one in centers:
        owners = queries.prospector_industries(tx, one.id)
        counted = queries.industry_counts(tx, one.name)
        seen = {industry for industry, _count in counted}
        unworked = sorted({i for names in owners.values() for i in names} - seen)
        rows += [Industry(name, count, tuple(rules.industry_owners(name, owners)), one.name)
                 for name, count in counted + [(i, 0) for i in unworked]]
    return IndustryList(tuple(rows))
