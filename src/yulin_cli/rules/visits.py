"""What a logged visit counts for: effectiveness (Q7), points, notices and flags (Q1, Q2, Q12,
Q15), and what an overturned finding gives back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from yulin_cli.frozen import frozen
from yulin_cli.rules.duplicates import district_key
from yulin_cli.rules.reasons import Reason
from yulin_cli.rules.reasons import reason as _reason

if TYPE_CHECKING:
    from yulin_cli.policy import Policy


@frozen(slots=False)
class Effectiveness:
    effective: bool
    missing: tuple[str, ...]
    reason: Reason


def visit_effectiveness(
    outcome: str, items: tuple[str, ...], contacts: tuple[str, ...], policy: Policy,
    *, photographed: bool = True,
) -> Effectiveness:
    """Q7: effective only with every required survey item and contact detail captured, and a
    photo when the policy requires one (Q15)."""
    need = policy.effective_visit
    missing = tuple(i for i in need.items if i not in items) + tuple(
        c for c in need.contacts if c not in contacts
    )
    if policy.proof.require_photo and not photographed:
        missing += ("photo",)
    if outcome == "refused":
        reason = _reason("effective", False, "effective.refused", "effective.fix_refused")
        return Effectiveness(False, missing, reason)
    if missing:
        reason = _reason("effective", False, "effective.missing", "effective.fix",
                         missing=missing)
        return Effectiveness(False, missing, reason)
    return Effectiveness(True, (), _reason("effective", True, "effective.ok"))


@frozen(slots=False)
class Award:
    """Points for one person, with the notice-board entry that goes with them."""

    staff: str
    delta: int
    rule: str
    kind: str  # praise | criticism
    staff_id: int = 0


@frozen(slots=False)
class VisitConsequences:
    awards: tuple[Award, ...]
    flags: tuple[str, ...]
    reasons: tuple[Reason, ...]


@frozen(slots=False)
class SweepContext:
    """What a sweep is judged by (Q12): the visitor's planned visits on the sweep's day."""

    planned: int = 0  # planned visits of the visitor that day
    unfinished: int = 0  # of those, not yet logged
    planned_districts: tuple[str | None, ...] = ()
    district: str | None = None  # the swept company's district

    @property
    def neighbouring(self) -> bool:
        """In the district of one of the day's planned visits; an unknown district counts;
        districts compare without their kind (吴江区 = 吴江)."""
        if not self.district:
            return True
        mine = district_key(self.district)
        return any(not d or district_key(d) == mine for d in self.planned_districts)


def followup_check(kind: str, followup: str | None, outcome: str | None) -> Reason | None:
    """Q5, Q13: a follow-up names its occasion (a demo, a meal, ...) and only a follow-up
    does; a survey visit says what happened; a follow-up never finds a company substandard
    (that is a survey's verdict, with its points)."""
    if (kind == "followup") != (followup is not None):
        return _reason("followup", False, "followup.needs_what" if followup is None
                       else "followup.only_followup")
    if outcome is None:
        return _reason("followup", False, "followup.outcome_needed")
    if kind == "followup" and outcome == "substandard":
        return _reason("followup", False, "followup.no_substandard")
    return None


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
    quality: bool = True,
    first_sweep: int | None = None,
    visitor_id: int = 0,
    source_id: int = 0,
) -> VisitConsequences:
    """Points, notices and flags a logged visit earns (Q1, Q2, Q12, Q15). A sweep earns its
    praise only when it finds a quality customer (``quality``), and only the day's first sweep
    of a company that earns it does (``first_sweep``: the earlier one that did)."""
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
        awards.append(Award(source, delta, "substandard", "criticism", source_id))
        reasons.append(Reason("substandard", False, "visit.substandard",
                              {"source": source, "delta": delta}, clause_="Q1"))
        if not effective:
            # Q15: a "below standard" report without the survey may hide a visit never made.
            flags.append("inspect")
            reasons.append(Reason("substandard", False, "visit.inspect", clause_="Q15"))
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
        elif not (effective and outcome == "met"):
            reasons.append(_reason("sweep", False, "visit.sweep_ineffective"))
        elif not quality:
            reasons.append(_reason("sweep", False, "visit.sweep_not_quality"))
        elif first_sweep is not None:
            reasons.append(_reason("sweep", False, "visit.sweep_not_first", visit_id=first_sweep))
        else:
            delta = policy.points.sweep
            awards.append(Award(visitor, delta, "sweep", "praise", visitor_id))
            reasons.append(_reason("sweep", True, "visit.sweep_praise", visitor=visitor,
                                   delta=delta))
    return VisitConsequences(tuple(awards), tuple(flags), tuple(reasons))


