"""Verification and visits: the facts readiness is judged on, rounds, plans, logged visits and
their consequences, red-sea verdicts and suburban routes (Q1, Q2, Q6, Q7, Q12, Q15, Q17, Q18)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.deals import queries as deals
from yulin_cli.errors import BadInput, NotReady, RuleRefusal
from yulin_cli.prospects import queries as prospects
from yulin_cli.records import Prospect, VisitPhoto
from yulin_cli.results import Result, human_only
from yulin_cli.team import queries as team
from yulin_cli.visits import queries
from yulin_cli.visits.calendar import CalendarEvent

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.inputs import RoundIn, VisitIn
    from yulin_cli.policy import Policy
    from yulin_cli.visits.photos import PhotoFile


# --- the facts a prospect is judged on ----------------------------------------------------------


def prospect_facts(tx: Tx, prospect: Prospect) -> rules.ProspectFacts:
    return facts_of(tx, [prospect])[prospect.id]


def facts_of(tx: Tx, prospects: Sequence[Prospect]) -> dict[int, rules.ProspectFacts]:
    """The facts readiness is judged on, for many prospects in a fixed number of queries.
    Voided rounds and visits are left out: they count nowhere."""
    ids = [p.id for p in prospects]
    rounds = queries.live_rounds_of(tx, ids)
    signals = queries.redsea_signals_of(tx, ids)
    substandard = queries.substandard_days_of(tx, ids)
    projects = deals.direct_projects_for(tx, [(p.name_key, p.city) for p in prospects])
    facts = {}
    for prospect in prospects:
        project = projects.get((prospect.name_key, prospect.city))
        facts[prospect.id] = rules.ProspectFacts(
            employees=prospect.employees, pcs=prospect.pcs, city=prospect.city,
            center_city=prospect.center_city, suburban=prospect.suburban,
            address=prospect.address, contact_surname=prospect.contact_surname,
            landline=prospect.landline, in_selection=prospect.in_selection,
            redsea_signals=tuple(signals[prospect.id]),
            rounds=tuple(
                rules.Round(by_source=r.staff_id == prospect.sourced_by_id, pretext=r.pretext,
                            result=r.result, address=r.address_confirmed,
                            scale=r.scale_checked, day=r.day, seq=r.id,
                            address_seen=r.address_seen, employees_seen=r.employees_seen,
                            pcs_seen=r.pcs_seen)
                for r in rounds[prospect.id]
            ),
            direct_sales=(project.contact, project.status) if project else None,
            substandard_days=tuple(substandard[prospect.id]),
        )
    return facts


def readiness(tx: Tx, policy: Policy, prospect_id: int,
              as_of: str | None = None) -> tuple[Prospect, rules.Readiness]:
    """Readiness now, or as of a day (Q2): what was recorded on or before it."""
    prospect = prospects.live_prospect(tx, prospect_id)
    return prospect, rules.visit_readiness(prospect_facts(tx, prospect), policy, as_of)


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReadinessResult(Result):
    """`check-visit`: may this prospect be visited (Q2)?"""

    prospect_id: int
    ready: bool
    checks: tuple[rules.Reason, ...]
    company: str = human_only("")
    fill: dict[str, Any] = human_only(None)  # names and ids the suggested commands need


@dataclass(frozen=True, slots=True)
class RoundRecorded(Result):
    prospect_id: int
    round: int
    round_id: int
    counts: bool  # towards the finder's two rounds (Q1)
    by: str = human_only("")
    contradicted: bool = human_only(False)
    no_address: bool = human_only(False)  # it could confirm no address: none recorded


@dataclass(frozen=True, slots=True)
class RedseaResult(Result):
    prospect_id: int
    verdict: str
    signals: tuple[str, ...]
    assessment: rules.RedseaVerdict = human_only()

    def to_json(self) -> Any:
        from yulin_cli.i18n import t

        return {"prospect_id": self.prospect_id, "verdict": self.verdict,
                "signals": list(self.signals), "action": t(self.assessment.action_code),
                "rule": "redsea", "clause": "Q18"}


@dataclass(frozen=True, slots=True)
class VisitPlanned(Result):
    planned_visit_id: int
    prospect_id: int
    visitor: str
    date: str


def photo_json(photo: PhotoFile | VisitPhoto) -> dict[str, Any]:
    """A visit's photo as JSON, in `log-visit` and in `show` alike."""
    return {"sha256": photo.sha256, "size": photo.size, "path": photo.path,
            "taken_at": photo.taken_at, "latitude": photo.latitude,
            "longitude": photo.longitude}


@dataclass(frozen=True, slots=True)
class VisitLogged(Result):
    visit_id: int
    prospect_id: int
    effective: rules.Effectiveness = human_only()
    consequences: rules.VisitConsequences = human_only()
    refusal: tuple[rules.Reason, ...] = human_only(())
    # Q15: what the photos prove, the sample, the photos and a location learnt from them.
    proof: tuple[rules.ProofVerdict, ...] = human_only(())
    photos: tuple[PhotoFile, ...] = human_only(())
    located: rules.Reason | None = human_only(None)

    def to_json(self) -> Any:
        from yulin_cli.i18n import reason_json

        return {
            "visit_id": self.visit_id,
            "prospect_id": self.prospect_id,
            "effective": self.effective.effective,
            "missing": list(self.effective.missing),
            "points": [{"staff": a.staff, "delta": a.delta, "rule": a.rule,
                        "clause": rules.entry_clause(a.rule)}
                       for a in self.consequences.awards],
            "flags": list(self.flags),
            "flag_details": [rules.flag_json(f) for f in self.flags],
            "photos": [photo_json(p) for p in self.photos],
            "reasons": [reason_json(r) for r in self.reasons],
        }

    @property
    def flags(self) -> tuple[str, ...]:
        return (*self.consequences.flags, *(f for v in self.proof for f in v.flag_names))

    @property
    def reasons(self) -> tuple[rules.Reason, ...]:
        located = (self.located,) if self.located is not None else ()
        return (self.effective.reason, *self.consequences.reasons,
                *(r for v in self.proof for r in v.reasons), *located, *self.refusal)


@dataclass(frozen=True, slots=True)
class TripDay:
    date: str
    prospect_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Trip:
    district: str
    days: tuple[TripDay, ...]


@dataclass(frozen=True, slots=True)
class RoutePlan(Result):
    trips: tuple[Trip, ...]
    not_ready: tuple[int, ...]
    planned_for: str | None = human_only(None)  # the visitor, when the trips were booked
    companies: dict[int, str] = human_only(None)  # id -> company
    ics: str | None = human_only(None)  # the calendar file written, if any

    @property
    def planned_count(self) -> int:
        return sum(len(d.prospect_ids) for trip in self.trips for d in trip.days)


@dataclass(frozen=True, slots=True)
class AgendaVisit:
    """One planned visit of a visitor's day, with what they need at the door."""

    prospect_id: int
    company: str
    district: str | None
    address: str | None
    contact_surname: str | None
    landline: str | None
    ready: bool
    to_capture: tuple[str, ...]  # Q7: what no earlier visit captured
    opener: rules.Reason  # Q16 (Q14)
    failing: tuple[rules.Reason, ...]  # why it is not ready, as of the day (Q2)
    done: bool  # already logged


@dataclass(frozen=True, slots=True)
class Agenda(Result):
    """`agenda`: a visitor's planned visits of one day, grouped by district."""

    date: str
    visitor: str
    visits: tuple[AgendaVisit, ...]
    visitor_id: int = human_only(0)
    ics: str | None = human_only(None)  # the calendar file written, if any

    def to_json(self) -> Any:
        from yulin_cli.i18n import explain, reason_json

        return {"date": self.date, "visitor": self.visitor, "visits": [
            {"prospect_id": v.prospect_id, "company": v.company, "district": v.district,
             "address": v.address, "contact_surname": v.contact_surname,
             "landline": v.landline, "ready": v.ready, "to_capture": list(v.to_capture),
             "opener": explain(v.opener), "done": v.done,
             "not_ready": [reason_json(r) for r in v.failing]} for v in self.visits]}


# --- services -----------------------------------------------------------------------------------


def agenda(tx: Tx, policy: Policy, visitor: str, day: str) -> Agenda:
    """The visitor's morning: the day's planned visits by district, each judged as of that
    day, in a fixed number of queries."""
    from yulin_cli.rules.advice import AdviceFacts, opener  # the big module: only here

    person = team.staff_by_name(tx, visitor)
    plans = queries.day_plans(tx, person.id, day)
    ids = [p.prospect_id for p in plans]
    found = prospects.prospects_of(tx, ids)
    facts = facts_of(tx, list(found.values()))
    captured = queries.captured_of(tx, ids, day)
    out = []
    # By district (unknown last), then in the order they were planned.
    for plan in sorted(plans, key=lambda p: (p.district is None, p.district or "", p.id)):
        prospect = found[plan.prospect_id]
        readiness = rules.visit_readiness(facts[prospect.id], policy, as_of=day)
        items, contacts = captured[prospect.id]
        out.append(AgendaVisit(
            prospect.id, prospect.company, prospect.district, prospect.address,
            prospect.contact_surname, prospect.landline, readiness.ready,
            rules.still_to_capture(items, contacts, policy),
            opener(AdviceFacts(ownership=prospect.ownership)),
            tuple(c for c in readiness.checks if not c.ok), plan.visit_id is not None))
    return Agenda(day, person.name, tuple(out), person.id)


def agenda_events(result: Agenda) -> list[CalendarEvent]:
    """The agenda as calendar events, in the language in force."""
    from yulin_cli.i18n import capture_word, colon, explain, listed, t

    events = []
    for v in result.visits:
        lines = [t("ics.contact", who=" / ".join(
            x for x in (v.contact_surname, rules.phone_display(v.landline)) if x) or "-")]
        lines.append(t("ui.ready") if v.ready else t("ui.not_ready") + colon() + "; ".join(
            explain(r) for r in v.failing))
        if v.to_capture:
            lines.append(t("ui.to_capture") + colon()
                         + listed([capture_word(i) for i in v.to_capture]))
        lines.append(t("ui.opener") + colon() + explain(v.opener))
        events.append(CalendarEvent(v.prospect_id, result.date, str(result.visitor_id),
                                    t("ics.summary", id=v.prospect_id, company=v.company),
                                    v.address or v.district or "", "\n".join(lines)))
    return events


def route_events(tx: Tx, plan: RoutePlan, visitor: str | None) -> list[CalendarEvent]:
    """The trips of a route as calendar events: booked for ``visitor``, or for anyone."""
    from yulin_cli.i18n import t

    key = str(team.staff_by_name(tx, visitor).id) if visitor else "any"
    ids = [pid for trip in plan.trips for day in trip.days for pid in day.prospect_ids]
    found = prospects.prospects_of(tx, ids)
    events = []
    for trip in plan.trips:
        for day in trip.days:
            for pid in day.prospect_ids:
                p = found[pid]
                who = " / ".join(x for x in (p.contact_surname, rules.phone_display(p.landline))
                                 if x) or "-"
                events.append(CalendarEvent(pid, day.date, key,
                                            t("ics.summary", id=pid, company=p.company),
                                            p.address or p.district or "",
                                            t("ics.contact", who=who)))
    return events




def check_visit(tx: Tx, policy: Policy, prospect_id: int, as_of: str | None = None
                ) -> ReadinessResult:
    prospect, ready = readiness(tx, policy, prospect_id, as_of)
    return ReadinessResult(prospect_id, ready.ready, ready.checks, prospect.company,
                           queries.fix_context(tx, prospect))


def verify(tx: Tx, data: RoundIn) -> RoundRecorded:
    """Q1: one verification round, by someone who may make it."""
    prospect = prospects.live_prospect(tx, data.prospect_id)
    by = team.staff_by_name(tx, data.by)
    refused = rules.may_verify(data.by, list(by.roles), prospect.sourced_by)
    if refused is not None:
        raise RuleRefusal(refused.code, **refused.params)
    number, round_id = queries.add_round(tx, {
        "prospect_id": data.prospect_id, "staff_id": by.id, "pretext": data.pretext,
        "result": data.result, "address_confirmed": data.address, "scale_checked": data.scale,
        "day": data.day, "note": data.note,
    })
    return RoundRecorded(
        data.prospect_id, number, round_id,
        counts=by.id == prospect.sourced_by_id and data.result == "confirmed", by=data.by,
        contradicted=data.result == "contradicted",
        no_address=data.address and not prospect.address)


def redsea(tx: Tx, policy: Policy, prospect_id: int, signals: list[str], *,
           clear: bool = False) -> RedseaResult:
    """Q18: with signals, they replace the recorded ones; with ``clear``, the signals go (the
    prospect stays in its selection); with neither, the recorded verdict is only read."""
    prospect = prospects.live_prospect(tx, prospect_id)
    if clear or signals:
        queries.replace_redsea_signals(tx, prospect_id, [] if clear else signals)
        in_selection = True
    else:
        signals = queries.redsea_signals(tx, prospect_id)
        in_selection = prospect.in_selection
    verdict = rules.redsea_assessment(in_selection, tuple(signals), policy)
    return RedseaResult(prospect_id, verdict.verdict, verdict.signals, verdict)


def plan_visit(tx: Tx, policy: Policy, prospect_id: int, visitor: str, day: str
               ) -> VisitPlanned:
    """Q2: a visit is planned only when the prospect is ready as of the planned day."""
    person = team.staff_by_name(tx, visitor)
    if not person.has_role("visitor"):
        raise BadInput("role.not_visitor", name=visitor)
    _prospect, ready = readiness(tx, policy, prospect_id, as_of=day)
    if not ready.ready:
        raise NotReady(prospect_id, ready, as_of=day if day < dt.date.today().isoformat()
                       else None)
    plan_id = queries.add_planned_visit(tx, prospect_id, person.id, day)
    return VisitPlanned(plan_id, prospect_id, visitor, day)


def log_visit(tx: Tx, policy: Policy, data: VisitIn,
              photos: tuple[PhotoFile, ...] = ()) -> VisitLogged:
    """Records what happened; never refused for readiness, but flagged (Q2, Q12, Q15, Q17)."""
    # Judged on what was recorded on or before the visit's own date (Q2).
    prospect, ready = readiness(tx, policy, data.prospect_id, as_of=data.day)
    by = team.staff_by_name(tx, data.by)
    refused = rules.may_log_visit(data.by, list(by.roles), by.center_id, prospect.center_id)
    if refused is not None:
        raise RuleRefusal(refused.code, **refused.params)
    # The same file given twice is one photo.
    photos = tuple({p.sha256: p for p in photos}.values())
    effect = rules.visit_effectiveness(data.outcome, data.items, data.contacts, policy,
                                       photographed=bool(photos))
    sweep = None
    if data.kind == "sweep":
        plans = queries.day_plans(tx, by.id, data.day)
        sweep = rules.SweepContext(
            planned=len(plans), unfinished=sum(1 for p in plans if p.visit_id is None),
            planned_districts=tuple(p.district for p in plans), district=prospect.district)
    result = rules.visit_consequences(
        outcome=data.outcome, kind=data.kind, effective=effect.effective, visitor=data.by,
        source=prospect.sourced_by, ready=ready.ready, policy=policy, sweep=sweep,
    )
    visit_id = queries.add_visit(tx, {
        "prospect_id": data.prospect_id, "staff_id": by.id, "day": data.day,
        "kind": data.kind, "outcome": data.outcome, "items": data.items,
        "contacts": data.contacts, "effective": effect.effective,
        "failing_checks": ready.failing, "note": data.note,
    }, result.flags)
    proof, located = _record_proof(tx, policy, data, prospect, visit_id, photos,
                                   effective=effect.effective,
                                   inspected="inspect" in result.flags)
    if data.kind == "planned":
        queries.close_planned_visit(tx, data.prospect_id, by.id, data.day, visit_id)
    ids = {data.by: by.id, prospect.sourced_by: prospect.sourced_by_id}
    for award in result.awards:
        staff_id = ids[award.staff]
        team.add_points(tx, staff_id, data.day, award.delta, award.rule, data.prospect_id,
                        visit_id)
        team.add_notice(tx, staff_id, data.day, award.kind, award.delta, award.rule,
                        data.prospect_id, visit_id)
    if "inspect" in result.flags or any(v.inspected for v in proof):
        team.open_inspection(tx, visit_id)
    from yulin_cli.inputs import LOCAL, with_area_code  # Pydantic: loaded by log-visit anyway

    try:
        landline, _added = with_area_code(data.landline_number, prospect.city)
    except ValueError as exc:
        raise BadInput("input.invalid", option="--landline-number", field="landline_number",
                       code=str(exc), value=str(data.landline_number).removeprefix(LOCAL)) from None
    contact_values = {
        "landline": landline, "email": data.email_address,
        "mobile": data.mobile_number, "qq": data.qq_number,
    }
    prospects.update_prospect(tx, data.prospect_id,
                              {k: v for k, v in contact_values.items() if v is not None})
    refusal = rules.refusal_causes(ready.failing) if data.outcome == "refused" else ()
    return VisitLogged(visit_id, data.prospect_id, effect, result, refusal, proof, photos,
                       located)


def _record_proof(tx: Tx, policy: Policy, data: VisitIn, prospect: Prospect, visit_id: int,
                  photos: tuple[PhotoFile, ...], *, effective: bool, inspected: bool
                  ) -> tuple[tuple[rules.ProofVerdict, ...], rules.Reason | None]:
    """Q15: stores the photos, judges them, draws the sample, and learns the company's
    location from the first effective visit whose photo carries GPS."""
    facts = tuple(p.facts() for p in photos)
    reused = queries.photo_uses(tx, [p.sha256 for p in photos])
    queries.add_photos(tx, visit_id, [
        {"sha256": p.sha256, "size": p.size, "path": p.path, "taken_at": p.taken_at,
         "latitude": p.latitude, "longitude": p.longitude} for p in photos])
    judged = rules.photo_proof(facts, day=data.day, location=prospect.location, reused=reused,
                               policy=policy)
    sample = rules.sample_check(visit_id=visit_id, outcome=data.outcome, kind=data.kind,
                                inspected=inspected or judged.doubted, policy=policy)
    queries.add_flags(tx, visit_id, judged.flags + sample.flags)
    where = rules.location_from_visit(effective=effective, proof=judged, photos=facts,
                                      recorded=prospect.location)
    located = None
    if where is not None:
        prospects.update_prospect(tx, prospect.id, {"latitude": where[0],
                                                    "longitude": where[1]})
        located = rules.Reason("proof", True, "proof.located",
                               {"location": f"{where[0]:.6f},{where[1]:.6f}"}, clause_="Q15")
    return (judged, sample), located


def route(tx: Tx, policy: Policy, center: str | None, start: str, visitor: str | None,
          plan: bool) -> RoutePlan:
    """Q6: ready suburban prospects grouped into trips; with ``plan`` they are scheduled. It
    reads what it judges in a fixed number of queries (``facts_of``), not one per prospect."""
    if center is not None:
        team.center_by_name(tx, center)
    if plan and visitor is None:
        raise BadInput("bad.plan_needs_visitor")
    candidates = queries.suburban_unvisited(tx, center)
    found = prospects.prospects_of(tx, [pid for pid, _district in candidates])
    facts = facts_of(tx, [found[pid] for pid, _district in candidates])
    ready: list[tuple[int, str]] = []
    not_ready: list[int] = []
    companies = {pid: found[pid].company for pid, _district in candidates}
    for prospect_id, district in candidates:
        if rules.visit_readiness(facts[prospect_id], policy).ready:
            ready.append((prospect_id, district or ""))
        else:
            not_ready.append(prospect_id)
    trips = rules.plan_trips(ready, dt.date.fromisoformat(start), policy)
    if plan:
        assert visitor is not None
        person = team.staff_by_name(tx, visitor)
        if not person.has_role("visitor"):
            raise BadInput("role.not_visitor", name=visitor)
        plans = []
        for trip in trips:
            for day, ids in trip.days:
                for pid in ids:
                    # Q2: as plan-visit does, judged as of the day it is planned for.
                    verdict = rules.visit_readiness(facts[pid], policy, day)
                    if not verdict.ready:
                        raise NotReady(pid, verdict, as_of=day
                                       if day < dt.date.today().isoformat() else None)
                    plans.append({"prospect_id": pid, "visitor_id": person.id, "day": day})
        queries.add_planned_visits(tx, plans)
    return RoutePlan(
        tuple(Trip(t.district, tuple(TripDay(d, tuple(ids)) for d, ids in t.days))
              for t in trips),
        tuple(not_ready), visitor if plan else None, companies)
