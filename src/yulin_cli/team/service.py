"""The team's services: setting up centres and staff, the points ledger, adjustments and
inspections (Q1, Q8, Q15). Each returns a typed result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.records import Center, StaffMember, join_list
from yulin_cli.results import Page, Result, human_only
from yulin_cli.team import queries
from yulin_cli.team.queries import LedgerEntry, PointsTotal

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CenterAdded(Result):
    id: int
    name: str
    city: str


@dataclass(frozen=True, slots=True)
class CenterList(Result):
    centers: tuple[Center, ...]

    def to_json(self) -> Any:
        return [{"id": c.id, "name": c.name, "city": c.city} for c in self.centers]


@dataclass(frozen=True, slots=True)
class StaffAdded(Result):
    id: int
    name: str
    center: str
    roles: tuple[str, ...]
    industries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class StaffList(Result):
    staff: tuple[StaffProfile, ...]

    def to_json(self) -> Any:
        return [p.to_json() for p in self.staff]


@dataclass(frozen=True, slots=True)
class Ledger(Result):
    """One person's points, every entry with the running total after it (a human view: the
    latest, ``page`` saying of how many)."""

    staff: str
    total: int
    entries: tuple[LedgerEntry, ...]
    page: Page | None = human_only(None)


@dataclass(frozen=True, slots=True)
class Adjusted(Result):
    """A manager's adjustment, and the ledger after it."""

    ledger: Ledger
    delta: int

    def to_json(self) -> Any:
        return self.ledger.to_json()


@dataclass(frozen=True, slots=True)
class PointsTotals(Result):
    totals: tuple[PointsTotal, ...]
    page: Page | None = human_only(None)

    def to_json(self) -> Any:
        return [{"staff": p.staff, "center": p.center, "entries": p.entries, "total": p.total}
                for p in self.totals]


@dataclass(frozen=True, slots=True)
class Reversal:
    staff_id: int
    delta: int


@dataclass(frozen=True, slots=True)
class InspectionSettled(Result):
    visit_id: int
    prospect_id: int
    verdict: str
    reversed: tuple[Reversal, ...]
    # Q15: a proof inspection (photo flags or the sample) asks whether the visit happened.
    proof: bool = False
    cleared: tuple[str, ...] = ()  # the flags an overturned proof inspection removed
    penalty: Reversal | None = None  # the visitor's, when the visit did not happen as logged
    visitor: str = human_only("")


@dataclass(frozen=True, slots=True)
class Industry:
    industry: str
    prospects: int
    owners: tuple[str, ...]
    center: str = ""  # industries are shared out within a centre (Q8)


@dataclass(frozen=True, slots=True)
class IndustryList(Result):
    industries: tuple[Industry, ...]

    def to_json(self) -> Any:
        return [{"industry": i.industry, "prospects": i.prospects, "owners": list(i.owners),
                 "center": i.center} for i in self.industries]


# --- services -----------------------------------------------------------------------------------


def add_center(tx: Tx, name: str, city: str) -> CenterAdded:
    center = queries.add_center(tx, name, city)
    return CenterAdded(center.id, center.name, center.city)


def add_staff(tx: Tx, name: str, center: str, roles: Sequence[str], industries: Sequence[str]
              ) -> StaffAdded:
    home = queries.center_by_name(tx, center)
    staff_id = queries.add_staff(tx, name, home.id, roles, industries)
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
                 industries: list[str] | None) -> StaffProfile:
    person = queries.staff_by_name(tx, name)
    changes: dict[str, Any] = {}
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
    if delta == 0:
        raise BadInput("bad.zero_delta")
    queries.add_points(tx, person.id, day, delta, "adjustment", None, None, reason, manager.id)
    return Adjusted(ledger(tx, staff), delta)


def inspect(tx: Tx, visit_id: int, by: str, verdict: str, note: str | None,
            day: str, policy: Policy) -> InspectionSettled:
    """Q15: a manager settles a substandard finding; overturned gives the points back. A visit
    flagged by its photos or drawn in the sample is a proof inspection instead (``_settle_proof``)."""
    manager = require_manager(tx, by)
    found = queries.visit_for_inspection(tx, visit_id)
    if found.voided:
        raise RuleRefusal("void.visit_voided", id=visit_id)
    proof = tuple(f for f in found.flags if f in rules.PROOF_FLAGS)
    doubted = any(f in rules.INSPECTED_FLAGS for f in proof)
    if found.inspection not in (None, "open"):
        raise RuleRefusal("refuse.already_settled", id=visit_id,
                          status=rules.Message(f"verdict.{found.inspection}"))
    if found.outcome != "substandard" and not doubted:
        raise RuleRefusal("refuse.not_substandard", id=visit_id)
    if doubted:
        return _settle_proof(tx, found, manager.id, verdict, note, day, proof, policy)
    queries.settle_inspection(tx, visit_id, verdict, manager.id, day, note)
    reversed_points = []
    if verdict == "overturned":
        by_staff: dict[int, list[int]] = {}
        for staff_id, deduction in queries.visit_deductions(tx, visit_id):
            by_staff.setdefault(staff_id, []).append(deduction)
        for staff_id, deltas in by_staff.items():
            delta = rules.inspection_reversal(deltas)
            if delta:
                queries.add_points(tx, staff_id, day, delta, "inspection", found.prospect_id,
                                   visit_id, f"visit #{visit_id} overturned", manager.id)
                reversed_points.append(Reversal(staff_id, delta))
        # The criticism on the notice board is withdrawn too, as a void withdraws it.
        _withdraw_notices(tx, visit_id, rule="substandard")
    return InspectionSettled(visit_id, found.prospect_id, verdict, tuple(reversed_points))


def _settle_proof(tx: Tx, found: queries.InspectedVisit, manager_id: int, verdict: str,
                  note: str | None, day: str, proof: tuple[str, ...],
                  policy: Policy) -> InspectionSettled:
    """Q15: upheld, the visit did not happen as logged: it stops counting as effective, every
    point it earned or cost anyone is given back (a finding from a visit never made is void),
    and the visitor gets ``points.unproven_visit`` with a criticism. Overturned: it happened;
    its proof flags (and the ordinary ``inspect``) are cleared, the visit stands as logged."""
    proven = verdict == "overturned"
    # Stored apart from the findings' upheld/overturned: a proven visit's finding stands.
    queries.settle_inspection(tx, found.id, "proven" if proven else "unproven", manager_id, day,
                              note)
    cleared = tuple(f for f in found.flags if f in (*proof, "inspect")) if proven else ()
    queries.settle_proof(tx, found.id, proven=proven, flags=cleared if proven else proof)
    if proven:
        return InspectionSettled(found.id, found.prospect_id, verdict, (), True, cleared)
    reversed_points = []
    _withdraw_notices(tx, found.id)  # a visit never made earns no praise and costs no one
    for staff_id, delta in rules.unproven_reversal(queries.visit_points(tx, found.id)).items():
        queries.add_points(tx, staff_id, day, delta, "inspection", found.prospect_id, found.id,
                           f"visit #{found.id} unproven", manager_id)
        reversed_points.append(Reversal(staff_id, delta))
    penalty = policy.points.unproven_visit
    if penalty:
        queries.add_points(tx, found.staff_id, day, penalty, "proof", found.prospect_id,
                           found.id, f"visit #{found.id} unproven", manager_id)
        queries.add_notice(tx, found.staff_id, day, "criticism" if penalty < 0 else "praise",
                           penalty, "proof", found.prospect_id, found.id)
    visitor = tx.scalar("SELECT name FROM staff WHERE id = :id", id=found.staff_id)
    return InspectionSettled(found.id, found.prospect_id, verdict, tuple(reversed_points), True,
                             (), Reversal(found.staff_id, penalty), str(visitor))


def _withdraw_notices(tx: Tx, visit_id: int, rule: str | None = None) -> None:
    """The visit's praise and criticism (of one rule, if given) withdrawn by ``voided``
    notices dated like them, so the board of that day reads as if they never stood."""
    from yulin_cli.corrections import queries as corrections

    for notice in corrections.unreversed_notices(tx, visit_id):
        if rule is None or notice.rule == rule:
            corrections.add_voided_notice(tx, notice)


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
