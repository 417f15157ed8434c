"""Verification and visits: the facts readiness is judged on, rounds, plans, logged visits and
their consequences, red-sea verdicts and suburban routes (Q1, Q2, Q6, Q7, Q12, Q15, Q17, Q18)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from yulin_cli import clock, rules
from yulin_cli.dating import check_recorded_day
from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.frozen import frozen
from yulin_cli.outcomes import service as outcomes
from yulin_cli.outcomes.queries import facts_of, prospect_facts
from yulin_cli.prospects import queries as prospects
from yulin_cli.records import Prospect, photo_json
from yulin_cli.results import Result, human_only
from yulin_cli.team import queries as team
from yulin_cli.visits import queries
from yulin_cli.visits.calendar import CalendarEvent

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.forms import RoundForm, VisitForm
    from yulin_cli.policy import Policy, PolicyBook
    from yulin_cli.visits.photos import PhotoFile


# --- the facts a prospect is judged on ----------------------------------------------------------


def readiness(tx: Tx, policy: Policy, prospect_id: int,
              as_of: str | None = None) -> tuple[Prospect, rules.Readiness]:
    """Readiness now, or as of a day (Q2): what was recorded on or before it."""
    prospect = prospects.live_prospect(tx, prospect_id)
    return prospect, rules.visit_readiness(prospect_facts(tx, prospect), policy, as_of)


# --- results ------------------------------------------------------------------------------------


class NotReady(RuleRefusal):
    """A visit cannot be planned: the readiness checks say why (Q2), in words and, for
    ``--json``, as the checks check-visit gives."""

    def __init__(self, prospect_id: int, readiness: rules.Readiness, as_of: str | None = None
                 ) -> None:
        from yulin_cli.i18n import reason_json

        # Each failing rule by its name, in the reader's language; a day in the past is named,
        # since rounds recorded after it do not count for it.
        failing = tuple(rules.Message(f"rule.{rule}") for rule in readiness.failing)
        if as_of:
            super().__init__("refuse.not_ready_on", id=prospect_id, date=as_of, failing=failing)
        else:
            super().__init__("refuse.not_ready", id=prospect_id, failing=failing)
        self.readiness = readiness
        self.doc.update(ready=False, checks=[reason_json(c) for c in readiness.checks])


@frozen
class ReadinessResult(Result):
    """`check-visit`: may this prospect be visited (Q2)?"""

    prospect_id: int
    ready: bool
    checks: tuple[rules.Reason, ...]
    company: str = human_only("")
    fill: dict[str, Any] = human_only(None)  # names and ids the suggested commands need


@frozen
class RoundRecorded(Result):
    prospect_id: int
    round: int
    round_id: int
    counts: bool  # towards the finder's two rounds (Q1)
    by: str = human_only("")
    contradicted: bool = human_only(False)
    no_address: bool = human_only(False)  # it could confirm no address: none recorded


@frozen
class SignalSeen:
    """A standing red-sea signal: which, the day it was seen, and who saw it (Q18)."""

    signal: str
    date: str | None
    by: str | None


@frozen
class RedseaResult(Result):
    prospect_id: int
    verdict: str
    signals: tuple[SignalSeen, ...]
    assessment: rules.RedseaVerdict = human_only()
    added: tuple[str, ...] = human_only(())  # recorded by this command
    already: tuple[str, ...] = human_only(())  # given again while they stood
    cleared: int = human_only(0)  # withdrawn by this command

    def to_json(self) -> Any:
        from yulin_cli.i18n import t

        return {"prospect_id": self.prospect_id, "verdict": self.verdict,
                "signals": [{"signal": s.signal, "date": s.date, "by": s.by}
                            for s in self.signals],
                "action": t(self.assessment.action_code), "rule": "redsea", "clause": "Q18"}


@frozen
class VisitPlanned(Result):
    planned_visit_id: int
    prospect_id: int
    visitor: str
    date: str


@frozen
class VisitLogged(Result):
    """`log-visit`: what the visit came to, as the rules derive it (``outcomes``)."""

    visit_id: int
    prospect_id: int
    judgement: rules.Judgement = human_only()
    refusal: tuple[rules.Reason, ...] = human_only(())
    # Q15: the photos, and a location learnt from them.
    photos: tuple[PhotoFile, ...] = human_only(())
    located: rules.Reason | None = human_only(None)
    hotline: str | None = human_only(None)  # a 400/800 number saved as the landline

    def to_json(self) -> Any:
        from yulin_cli.i18n import reason_json

        return {
            "visit_id": self.visit_id,
            "prospect_id": self.prospect_id,
            "effective": self.judgement.effective,
            "missing": list(self.judgement.missing),
            "points": [{"staff": a.staff, "delta": a.delta, "rule": a.rule,
                        "clause": rules.entry_clause(a.rule)}
                       for a in self.awards],
            "flags": list(self.flags),
            "flag_details": [rules.flag_json(f) for f in self.flags],
            "photos": [photo_json(p) for p in self.photos],
            "reasons": [reason_json(r) for r in self.reasons],
        }

    @property
    def awards(self) -> tuple[rules.Award, ...]:
        made = self.judgement.rule_consequences
        return made.awards if made is not None else ()

    @property
    def flags(self) -> tuple[str, ...]:
        return self.judgement.flag_names

    @property
    def reasons(self) -> tuple[rules.Reason, ...]:
        located = (self.located,) if self.located is not None else ()
        return (*self.judgement.reasons, *located, *self.refusal)


@frozen
class TripDay:
    date: str
    prospect_ids: tuple[int, ...]


@frozen
class Trip:
    district: str
    days: tuple[TripDay, ...]


@frozen
class RoutePlan(Result):
    trips: tuple[Trip, ...]
    not_ready: tuple[int, ...]
    planned_for: str | None = human_only(None)  # the visitor, when the trips were booked
    companies: dict[int, str] = human_only(None)  # id -> company
    ics: str | None = human_only(None)  # the calendar file written, if any
    ics_skipped: str | None = human_only(None)  # the calendar not written: nothing in it

    @property
    def planned_count(self) -> int:
        return sum(len(d.prospect_ids) for trip in self.trips for d in trip.days)


@frozen
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
    landline_ext: str | None = None  # the landline's extension
    plan_id: int = human_only(0)  # the plan: names its calendar event


@frozen
class Agenda(Result):
    """`agenda`: a visitor's planned visits of one day, grouped by district."""

    date: str
    visitor: str
    visits: tuple[AgendaVisit, ...]
    visitor_id: int = human_only(0)
    ics: str | None = human_only(None)  # the calendar file written, if any
    ics_skipped: str | None = human_only(None)  # the calendar not written: nothing in it
    center: str | None = human_only(None)  # the visitor's centre (a saved agenda names it)

    def to_json(self) -> Any:
        from yulin_cli.i18n import explain, reason_json

        return {"date": self.date, "visitor": self.visitor, "visits": [
            {"prospect_id": v.prospect_id, "company": v.company, "district": v.district,
             "address": v.address, "contact_surname": v.contact_surname,
             "landline": v.landline, "landline_ext": v.landline_ext, "ready": v.ready,
             "to_capture": list(v.to_capture),
             "opener": explain(v.opener), "done": v.done,
             "not_ready": [reason_json(r) for r in v.failing]} for v in self.visits]}


# --- services -----------------------------------------------------------------------------------


def agenda(tx: Tx, book: PolicyBook, visitor: str, day: str) -> Agenda:
    """The visitor's morning: the day's planned visits by district, each judged as of that
    day, in a fixed number of queries."""
    from yulin_cli.rules.advice import AdviceFacts, opener  # the big module: only here

    policy = book.at(day)
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
            tuple(c for c in readiness.checks if not c.ok), plan.visit_id is not None,
            prospect.landline_ext, plan.id))
    return Agenda(day, person.name, tuple(out), person.id, center=person.center)


def agenda_events(tx: Tx, result: Agenda) -> list[CalendarEvent]:
    """The agenda as calendar events, in the language in force: each names its plan."""
    from yulin_cli.i18n import colon, explain, t, to_capture
    from yulin_cli.visits.calendar import plan_uid

    identity = queries.database_identity(tx)
    versions = queries.calendar_versions(tx, [v.prospect_id for v in result.visits])
    events = []
    for v in result.visits:
        lines = [t("ics.contact", who=" / ".join(
            x for x in (v.contact_surname, rules.phone_display(v.landline, v.landline_ext))
            if x) or "-")]
        lines.append(t("ui.ready") if v.ready else t("ui.not_ready") + colon() + "; ".join(
            explain(r) for r in v.failing))
        if v.to_capture:
            lines.append(t("ui.to_capture") + colon() + to_capture(v.to_capture))
        lines.append(t("ui.opener") + colon() + explain(v.opener))
        sequence, modified = versions.get(v.prospect_id, (0, None))
        events.append(CalendarEvent(v.prospect_id, result.date, plan_uid(v.plan_id, identity),
                                    t("ics.summary", id=v.prospect_id, company=v.company),
                                    v.address or v.district or "", "\n".join(lines),
                                    sequence, modified))
    return events


def route_events(tx: Tx, plan: RoutePlan, visitor: str | None) -> list[CalendarEvent]:
    """The trips of a route as calendar events: a trip booked (for ``visitor``, or anyone)
    is its plan's event, as `agenda` exports it; one not booked yet is its company's and day's.
    The options of the export never change a UID."""
    from yulin_cli.i18n import t
    from yulin_cli.visits.calendar import plan_uid, trip_uid

    person = team.staff_by_name(tx, visitor).id if visitor else None
    ids = [pid for trip in plan.trips for day in trip.days for pid in day.prospect_ids]
    found = prospects.prospects_of(tx, ids)
    identity = queries.database_identity(tx)
    booked = queries.plans_for(tx, [(pid, day.date) for trip in plan.trips for day in trip.days
                                    for pid in day.prospect_ids], person)
    versions = queries.calendar_versions(tx, ids)
    events = []
    for trip in plan.trips:
        for day in trip.days:
            for pid in day.prospect_ids:
                p = found[pid]
                who = " / ".join(x for x in (p.contact_surname,
                                             rules.phone_display(p.landline, p.landline_ext))
                                 if x) or "-"
                booking = booked.get((pid, day.date))
                uid = (plan_uid(booking, identity) if booking is not None
                       else trip_uid(pid, day.date, identity))
                sequence, modified = versions.get(pid, (0, None))
                events.append(CalendarEvent(pid, day.date, uid,
                                            t("ics.summary", id=pid, company=p.company),
                                            p.address or p.district or "",
                                            t("ics.contact", who=who), sequence, modified))
    return events




def check_visit(tx: Tx, book: PolicyBook, prospect_id: int, as_of: str) -> ReadinessResult:
    """Q2: readiness as of a day (today by default), under the version in force that day."""
    prospect, ready = readiness(tx, book.at(as_of), prospect_id, as_of)
    return ReadinessResult(prospect_id, ready.ready, ready.checks, prospect.company,
                           queries.fix_context(tx, prospect))


def verify(tx: Tx, book: PolicyBook, data: RoundForm) -> RoundRecorded:
    """Q1: one verification round, by someone who may make it."""
    prospect = prospects.live_prospect(tx, data.prospect_id)
    check_recorded_day(data.day, not_before=prospect.found_on,
                             what=rules.Message("field.found_on_of"))
    by = team.staff_by_name(tx, data.by)
    refused = rules.may_verify(data.by, list(by.roles), prospect.sourced_by)
    if refused is not None:
        raise RuleRefusal(refused.code, **refused.params)
    number, round_id = queries.add_round(tx, {
        "prospect_id": data.prospect_id, "staff_id": by.id, "pretext": data.pretext,
        "result": data.result, "address_confirmed": data.address, "scale_checked": data.scale,
        "day": data.day, "note": data.note,
    })
    outcomes.reconcile_prospects(tx, book, [data.prospect_id])
    return RoundRecorded(
        data.prospect_id, number, round_id,
        counts=by.id == prospect.sourced_by_id and data.result == "confirmed", by=data.by,
        contradicted=data.result == "contradicted",
        no_address=data.address and not prospect.address)


def redsea(tx: Tx, book: PolicyBook, prospect_id: int, signals: list[str], *,
           clear: bool = False, day: str, by: str | None = None) -> RedseaResult:
    """Q18: signals accumulate, each dated and attributed, and put the prospect in its
    selection; a signal that stands is not recorded again. ``clear`` withdraws every standing
    signal, dated (the prospect stays in its selection). With neither, only reads."""
    prospect = prospects.live_prospect(tx, prospect_id)
    if signals or clear:
        check_recorded_day(day, not_before=prospect.found_on,
                                 what=rules.Message("field.found_on_of"))
    added: list[str] = []
    already: list[str] = []
    cleared = 0
    if clear or signals:
        person_id = team.staff_by_name(tx, by).id if by is not None else None
        standing = set(queries.redsea_signals(tx, prospect_id))
        added = [s for s in signals if s not in standing]
        already = [s for s in signals if s in standing]
        queries.add_redsea_signals(tx, prospect_id, added, day, person_id)
        if clear:
            cleared = queries.clear_redsea_signals(tx, prospect_id, day, person_id)
        prospects.update_prospect(tx, prospect_id, {"in_selection": True}, day=day,
                                  by_id=person_id)
        outcomes.reconcile_prospects(tx, book, [prospect_id])
        prospect = prospects.live_prospect(tx, prospect_id)
    seen = tuple(SignalSeen(*s) for s in queries.standing_signals(tx, prospect_id))
    verdict = rules.redsea_assessment(prospect.in_selection, tuple(s.signal for s in seen),
                                      book.at(day))
    return RedseaResult(prospect_id, verdict.verdict, seen, verdict, tuple(added),
                        tuple(already), cleared)


def plan_visit(tx: Tx, book: PolicyBook, prospect_id: int, visitor: str, day: str
               ) -> VisitPlanned:
    """Q2: a visit is planned only when the prospect is ready as of the planned day."""
    person = team.staff_by_name(tx, visitor)
    if not person.has_role("visitor"):
        raise BadInput("role.not_visitor", name=visitor)
    _prospect, ready = readiness(tx, book.at(day), prospect_id, as_of=day)
    if not ready.ready:
        raise NotReady(prospect_id, ready, as_of=day if day < clock.today() else None)
    plan_id = queries.add_planned_visit(tx, prospect_id, person.id, day)
    outcomes.reconcile_people_days(tx, book, [(person.id, day)])
    return VisitPlanned(plan_id, prospect_id, visitor, day)


def log_visit(tx: Tx, book: PolicyBook, data: VisitForm,
              photos: tuple[PhotoFile, ...] = ()) -> VisitLogged:
    """Records what happened; never refused for readiness. What it comes to (effective or
    not, flags, points, notices, questions for a manager) is derived by the rules from what
    is recorded (``outcomes``), here and whenever a related fact changes (Q2, Q12, Q15, Q17)."""
    prospect = prospects.live_prospect(tx, data.prospect_id)
    check_recorded_day(data.day, not_before=prospect.found_on,
                             what=rules.Message("field.found_on_of"))
    by = team.staff_by_name(tx, data.by)
    refused = rules.may_log_visit(data.by, list(by.roles), by.center_id, prospect.center_id)
    if refused is not None:
        raise RuleRefusal(refused.code, **refused.params)
    refused = rules.upgrade_check(data.kind, prospect.existing_customer)
    if refused is not None:
        raise RuleRefusal(refused.code, **refused.params)
    from yulin_cli.parsers import LOCAL, with_area_code

    try:
        landline, _added = with_area_code(data.landline_number, prospect.city)
    except ValueError as exc:
        raise BadInput("input.invalid", option="--landline-number", field="landline_number",
                       code=str(exc), value=str(data.landline_number).removeprefix(LOCAL)) from None
    found = _found_scale(data, book.at(data.day))
    # The same file given twice is one photo.
    photos = tuple({p.sha256: p for p in photos}.values())
    visit_id = queries.add_visit(tx, {
        "prospect_id": data.prospect_id, "staff_id": by.id, "day": data.day,
        "kind": data.kind, "outcome": data.outcome, "items": data.items,
        "contacts": data.contacts, "effective": False, "failing_checks": (),
        "note": data.note, "followup": data.followup,
    }, ())
    queries.add_photos(tx, visit_id, [
        {"sha256": p.sha256, "size": p.size, "path": p.path, "taken_at": p.taken_at,
         "latitude": p.latitude, "longitude": p.longitude} for p in photos])
    if data.kind == "planned":
        queries.close_planned_visit(tx, data.prospect_id, by.id, data.day, visit_id)
    contact_values = {
        "landline": landline, "email": data.email_address,
        "mobile": data.mobile_number, "qq": data.qq_number,
    }
    # What the visitor found out on site: facts of the prospect from the visit's day on.
    learnt: dict[str, Any] = {
        k: v for k, v in contact_values.items() if v is not None}
    if landline is not None:
        learnt["landline_ext"] = data.landline_ext  # a new number without one clears it
    learnt.update(found)
    prospects.update_prospect(tx, data.prospect_id, learnt,
                              day=data.day, by_id=by.id, visit_id=visit_id)
    judged = outcomes.reconcile(tx, book, [visit_id])[visit_id]
    located = _learn_location(tx, book, prospect, visit_id, data.day, by.id, judged, photos)
    refusal = (rules.refusal_causes(judged.failing_checks) if data.outcome == "refused"
               else ())
    from yulin_cli.parsers import is_hotline

    return VisitLogged(visit_id, data.prospect_id, judged, refusal, photos, located,
                       landline if is_hotline(landline) else None)


def _found_scale(data: VisitForm, policy: Policy) -> dict[str, int]:
    """The scale found on site, a fact of the prospect from the visit's day on (voiding the
    visit gives the old one back). A visitor who met a company found below the standard
    (Q1, Q2) logged the wrong outcome: that is bad input, not a finding."""
    found = {k: v for k, v in (("employees", data.found_employees), ("pcs", data.found_pcs))
             if v is not None}
    below = (found.get("employees", policy.standard.min_employees)
             < policy.standard.min_employees
             or found.get("pcs", policy.standard.min_pcs) < policy.standard.min_pcs)
    if below and data.outcome == "met":
        raise BadInput("followup.found_below", employees=policy.standard.min_employees,
                       pcs=policy.standard.min_pcs)
    return found


def _learn_location(tx: Tx, book: PolicyBook, prospect: Prospect, visit_id: int, day: str,
                    by_id: int, judged: rules.Judgement, photos: tuple[PhotoFile, ...]
                    ) -> rules.Reason | None:
    """Q15: the first effective visit whose photo carries GPS, and that nothing doubts (the
    photo lies in the company's city), tells where the company is when no location is
    recorded."""
    from yulin_cli.places import area_of

    facts = tuple(p.facts() for p in photos)
    doubted = any(f in rules.DOUBT_FLAGS for f in judged.flag_names)
    where = rules.location_from_visit(
        effective=judged.effective, proof=rules.ProofVerdict(
            tuple((f, "") for f in judged.flag_names if f in rules.DOUBT_FLAGS) if doubted
            else (), ()),
        photos=facts, recorded=prospect.location, area=area_of(prospect.city, prospect.district))
    if where is None:
        return None
    prospects.update_prospect(tx, prospect.id, {"latitude": where[0], "longitude": where[1]},
                              day=day, by_id=by_id, visit_id=visit_id)
    outcomes.reconcile_prospects(tx, book, [prospect.id])
    return rules.Reason("proof", True, "proof.located",
                        {"location": f"{where[0]:.6f},{where[1]:.6f}"}, clause_="Q15")


def route(tx: Tx, book: PolicyBook, center: str | None, start: str, visitor: str | None,
          plan: bool) -> RoutePlan:
    """Q6: ready suburban prospects grouped into trips; with ``plan`` they are scheduled. It
    reads what it judges in a fixed number of queries (``facts_of``), not one per prospect."""
    if center is not None:
        team.center_by_name(tx, center)
    if plan and visitor is None:
        raise BadInput("bad.plan_needs_visitor")
    policy = book.at(start)
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
                    verdict = rules.visit_readiness(facts[pid], book.at(day), day)
                    if not verdict.ready:
                        raise NotReady(pid, verdict, as_of=day
                                       if day < clock.today() else None)
                    plans.append({"prospect_id": pid, "visitor_id": person.id, "day": day})
        queries.add_planned_visits(tx, plans)
        outcomes.reconcile_people_days(tx, book, {(person.id, str(p["day"])) for p in plans})
    return RoutePlan(
        tuple(Trip(t.district, tuple(TripDay(d, tuple(ids)) for d, ids in t.days))
              for t in trips),
        tuple(not_ready), visitor if plan else None, companies)
