"""What a logged visit comes to, derived from the recorded facts each time (RULES.md, "Rulings for
the third release"): whether it was effective, its flags, the questions a manager must answer
about it, and the points and notices it earns or costs, with what gives them back.

Nothing here is stored state: the same facts, voids, verdicts and policy versions always give
the same outcome, so what the database keeps can be checked against it (``doctor
--recompute``) and replayed under another policy (``policy simulate``).

A consequence (a finding's penalty, a sweep's reward, an unproven visit's fine) is one points
entry and one notice. The first of the things that withdraw it (its visit voided, the entry
voided, the finding overturned, the visit found unproven) gives it back once; whatever comes
after gives back nothing more, since nothing more stands.
"""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING

from yulin_cli.frozen import frozen
from yulin_cli.rules.proof import INSPECTED_FLAGS, PROOF_FLAGS, Photo, photo_proof, sample_check
from yulin_cli.rules.reasons import Reason
from yulin_cli.rules.visits import (
    SweepContext,
    VisitConsequences,
    visit_consequences,
    visit_effectiveness,
)

if TYPE_CHECKING:
    from yulin_cli.policy import Policy
    from yulin_cli.rules.readiness import Readiness

# A survey visit's kinds; a follow-up is never judged as one.
SURVEY_KINDS = ("planned", "sweep", "upgrade")
FINDING, PROOF = "finding", "proof"
# The words that answer each question, and what each question's answer is called.
ANSWERS = {FINDING: ("upheld", "overturned"), PROOF: ("proven", "unproven")}


@frozen(slots=False)
class Withdrawal:
    """Something that takes a consequence back: when it happened (``at``, the wall clock, orders
    two of them), the day its give-back is dated, the rule it names, who did it and why."""

    at: str
    day: str
    rule: str  # void | inspection
    by_id: int | None = None
    reason: str | None = None
    order: int = 0  # between two at the same second: a void before a verdict


@frozen(slots=False)
class Verdict:
    """A manager's answer to one question about a visit."""

    question: str  # finding | proof
    status: str  # upheld | overturned | proven | unproven
    day: str
    at: str
    by_id: int | None = None


@frozen(slots=False)
class LoggedVisit:
    """A visit as recorded, and what it is judged against (gathered by ``outcomes``)."""

    id: int
    prospect_id: int
    staff_id: int
    day: str
    kind: str
    outcome: str
    items: tuple[str, ...]
    contacts: tuple[str, ...]
    photos: tuple[Photo, ...] = ()
    void: Withdrawal | None = None
    verdicts: tuple[Verdict, ...] = ()
    # The prospect as of the visit's day (Q2): its finder, readiness, standard, location.
    finder_id: int = 0
    readiness: Readiness | None = None
    quality: bool = True  # it met the standard that day (a sweep's praise needs it)
    existing_customer: bool = False
    location: tuple[float, float] | None = None
    area: tuple[float, float] | None = None  # the seat of its city or county town
    sweep: SweepContext | None = None
    reused: dict[str, int] = field(default_factory=dict)  # photo hash -> an earlier visit
    names: dict[int, str] = field(default_factory=dict)  # staff id -> name, for reasons

    def verdict(self, question: str) -> Verdict | None:
        return next((v for v in self.verdicts if v.question == question), None)

    @property
    def unproven(self) -> bool:
        found = self.verdict(PROOF)
        return found is not None and found.status == "unproven"


@frozen(slots=False)
class Consequence:
    """A points entry and its notice: what one rule gives or takes for one visit."""

    key: str  # visit:V:RULE
    staff_id: int
    day: str
    delta: int
    rule: str  # substandard | sweep | proof
    kind: str  # praise | criticism
    prospect_id: int
    visit_id: int
    reason: str | None = None  # kept with the entry (an unproven visit's fine: why)
    by_id: int | None = None  # the manager behind it, when one decided it


@frozen(slots=False)
class Judgement:
    """What a visit comes to."""

    visit_id: int
    effective: bool
    missing: tuple[str, ...]
    failing_checks: tuple[str, ...]
    flags: tuple[tuple[str, str], ...]  # (flag, detail), in the order raised
    questions: tuple[str, ...]  # open questions for a manager
    consequences: tuple[Consequence, ...]
    reasons: tuple[Reason, ...]
    effectiveness: Reason | None = None
    rule_consequences: VisitConsequences | None = None  # the awards, for the visit's screen
    earns: bool = False  # a sweep that would earn its praise (before the first-of-day rule)

    @property
    def flag_names(self) -> tuple[str, ...]:
        return tuple(f for f, _d in self.flags)


def judge_visit(visit: LoggedVisit, policy: Policy, *, first_sweep: int | None = None,
                unproven_fine: int | None = None) -> Judgement:
    """A visit's outcome under ``policy`` (the version in force on its day). ``first_sweep``
    names the day's earlier sweep of the same company that already earned its praise;
    ``unproven_fine`` is the fine of the version in force on an unproven verdict's day."""
    ready = visit.readiness
    followup = visit.kind not in SURVEY_KINDS
    if followup:  # no survey: never effective, no readiness check, flag or points
        return Judgement(visit.id, False, (), (), (), (), (), ())
    effect = visit_effectiveness(visit.outcome, visit.items, visit.contacts, policy,
                                 photographed=bool(visit.photos))
    rule_effective = effect.effective
    source = visit.names.get(visit.finder_id, str(visit.finder_id))
    visitor = visit.names.get(visit.staff_id, str(visit.staff_id))
    outcome = visit_consequences(
        outcome=visit.outcome, kind=visit.kind, effective=rule_effective, visitor=visitor,
        source=source, ready=ready.ready if ready else True, policy=policy, sweep=visit.sweep,
        quality=visit.quality, first_sweep=first_sweep, visitor_id=visit.staff_id,
        source_id=visit.finder_id)
    flags: list[tuple[str, str]] = [(f, "") for f in outcome.flags]
    judged = photo_proof(visit.photos, day=visit.day, location=visit.location,
                         reused=visit.reused, policy=policy, area=visit.area,
                         visit_id=visit.id)
    sample = sample_check(visit_id=visit.id, outcome=visit.outcome, kind=visit.kind,
                          inspected="inspect" in outcome.flags or judged.doubted, policy=policy)
    flags += [*judged.flags, *sample.flags]
    asked_proof = any(f in INSPECTED_FLAGS for f, _d in flags)
    asked_finding = "inspect" in outcome.flags
    proof = visit.verdict(PROOF) if visit.verdicts else None
    unproven = proof is not None and proof.status == "unproven"
    if proof is not None and proof.status == "proven":
        # The visit happened as recorded: what doubted it is cleared.
        flags = [(f, d) for f, d in flags if f not in PROOF_FLAGS]
    questions: list[str] = []
    if visit.void is None:
        if asked_finding and visit.verdict(FINDING) is None and not unproven:
            questions.append(FINDING)
        if asked_proof and proof is None:
            questions.append(PROOF)
    consequences = [Consequence(f"visit:{visit.id}:{a.rule}", a.staff_id, visit.day, a.delta,
                                a.rule, a.kind, visit.prospect_id, visit.id)
                    for a in outcome.awards]
    if unproven:
        assert proof is not None
        fine = policy.points.unproven_visit if unproven_fine is None else unproven_fine
        consequences.append(Consequence(
            f"visit:{visit.id}:proof", visit.staff_id, proof.day, fine, "proof",
            "criticism" if fine <= 0 else "praise", visit.prospect_id, visit.id,
            f"visit #{visit.id} unproven", proof.by_id))
    effective = rule_effective and not unproven
    reasons = (effect.reason, *outcome.reasons, *judged.reasons, *sample.reasons)
    return Judgement(visit.id, effective, effect.missing, ready.failing if ready else (),
                     tuple(flags), tuple(questions), tuple(consequences), reasons,
                     effect.reason, outcome, earns=any(a.rule == "sweep" for a in outcome.awards))


def unproven_policy_day(visit: LoggedVisit) -> str | None:
    """The day whose policy sets an unproven visit's fine: the verdict's (RULES.md)."""
    proof = visit.verdict(PROOF)
    return proof.day if proof is not None and proof.status == "unproven" else None


def withdrawals(visit: LoggedVisit, consequence: Consequence,
                entry_void: Withdrawal | None) -> list[Withdrawal]:
    """Everything that takes ``consequence`` back, earliest first."""
    found = []
    if visit.void is not None:
        found.append(visit.void)
    if entry_void is not None:
        found.append(entry_void)
    for verdict in visit.verdicts:
        gives_back = (verdict.status == "overturned" and consequence.rule == "substandard"
                      or verdict.status == "unproven" and consequence.rule in (
                          "substandard", "sweep"))
        if gives_back:
            found.append(Withdrawal(verdict.at, verdict.day, "inspection", verdict.by_id,
                                    f"visit #{visit.id} {verdict.status}", order=2))
    return sorted(found, key=lambda w: (w.at, w.order))


@frozen(slots=False)
class EntryRow:
    """A points entry as the rules derive it; ``reverses`` is the key of the entry it gives
    back."""

    key: str
    staff_id: int
    day: str
    delta: int
    rule: str
    prospect_id: int | None
    visit_id: int | None
    reason: str | None = None
    by_id: int | None = None
    reverses: str | None = None


@frozen(slots=False)
class NoticeRow:
    key: str
    staff_id: int
    day: str
    kind: str  # praise | criticism | voided
    delta: int
    rule: str
    prospect_id: int | None
    visit_id: int | None
    reverses: str | None = None


def ledger_rows(consequence: Consequence, withdrawn: Withdrawal | None
                ) -> tuple[list[EntryRow], list[NoticeRow]]:
    """The entry and notice of a consequence, and, when something withdrew it, the entry and
    notice that give it back: once, whatever withdrew it after."""
    c = consequence
    entries = [EntryRow(c.key, c.staff_id, c.day, c.delta, c.rule, c.prospect_id, c.visit_id,
                        c.reason, c.by_id)] if c.delta else []
    notices = [NoticeRow(c.key, c.staff_id, c.day, c.kind, c.delta, c.rule, c.prospect_id,
                         c.visit_id)]
    if withdrawn is not None:
        back = f"{c.key}:back"
        if c.delta:
            # A void gives back on the day of the entry (that day reads as if it never stood);
            # an inspection's verdict on its own day.
            entries.append(EntryRow(back, c.staff_id,
                                    c.day if withdrawn.rule == "void" else withdrawn.day,
                                    -c.delta, withdrawn.rule, c.prospect_id, c.visit_id,
                                    withdrawn.reason, withdrawn.by_id, c.key))
        notices.append(NoticeRow(back, c.staff_id, c.day, "voided", -c.delta, c.rule,
                                 c.prospect_id, c.visit_id, c.key))
    return entries, notices


def adjustment_reversal(entry_id: int, staff_id: int, day: str, delta: int,
                        prospect_id: int | None, void: Withdrawal) -> EntryRow:
    """A voided adjustment of a manager's, given back on its own day."""
    return EntryRow(f"entry:{entry_id}:back", staff_id, day, -delta, "void", prospect_id, None,
                    void.reason, void.by_id, f"entry:{entry_id}")


def answers_for(question: str) -> tuple[str, ...]:
    return ANSWERS[question]


def question_of(verdict: str) -> str:
    """The question a verdict word answers."""
    return FINDING if verdict in ANSWERS[FINDING] else PROOF
