"""Ratings and reports: stars (Q5), the ranking, the daily report (Q3, Q15, Q17), the manager's
view (Q13) and the notice board."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.frozen import frozen
from yulin_cli.i18n import explain, t, t_in
from yulin_cli.prospects import queries as prospects
from yulin_cli.records import ListedProspect, Notice, Prospect
from yulin_cli.reports import queries
from yulin_cli.reports.queries import FoundToday, PersonCounts, UpgradeCandidate
from yulin_cli.results import JsonRows, Page, Result, human_only, rating_json
from yulin_cli.team import queries as team
from yulin_cli.visits.service import facts_of

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy, PolicyBook


# --- stars (Q5, Q18) ----------------------------------------------------------------------------


def _rating(p: Prospect | ListedProspect, quality: bool, policy: Policy) -> rules.Rating:
    return rules.star_rating(
        quality=quality, deal_value=p.deal_value, need=p.need, yulin_interest=p.yulin_interest,
        platform_interest=p.platform_interest, policy=policy,
        not_quality_code="stars.found_substandard" if p.found_substandard
        else "stars.not_quality",
        redsea=rules.redsea_verdict(p.in_selection, p.redsea_count, policy),
    )


def rating(prospect: Prospect, policy: Policy) -> rules.Rating:
    """The rating of one prospect, quality decided by the rule."""
    quality = rules.is_quality_customer(
        prospect.employees, prospect.pcs, rules.same_city(prospect.city, prospect.center_city),
        prospect.duplicate_of is not None, prospect.found_substandard, policy,
        merged=prospect.merged_into is not None,
    )
    return _rating(prospect, quality, policy)


def rate_listed(listed: ListedProspect, policy: Policy) -> rules.Rating:
    """The rating of a listed prospect, whose quality was decided by ``sql_rules.quality_sql``
    (kept equal to the rule by a property test)."""
    return _rating(listed, listed.quality, policy)


@frozen
class RatingResult(Result):
    """`rate ID`: one prospect's stars, why, what would lift them, and what to do next."""

    prospect_id: int
    company: str
    rating: rules.Rating

    def to_json(self) -> Any:
        return rating_json(self.prospect_id, self.rating, company=self.company)


@frozen
class Ranking(Result):
    """`rate --all`: every live prospect, best first; impure red sea last (Q18). A human view
    holds its first page (``page`` says of how many); ``--json`` streams every one."""

    rated: Iterable[tuple[ListedProspect, rules.Rating]]
    unvisited: int = human_only(0)  # quality customers not yet visited (Q5)
    page: Page | None = human_only(None)

    def to_json(self) -> Any:
        return JsonRows(_rating_rows(self.rated), encoded=True)


def _rating_rows(rated: Iterable[tuple[ListedProspect, rules.Rating]]) -> Iterator[str]:
    """Each rating object as JSON text. Prospects rated alike share one Rating
    (``rate_all``), so the text of its reasons and actions is made once."""
    import json
    from json.encoder import encode_basestring  # a quoted JSON string, non-ASCII kept

    made: dict[int, str] = {}
    for p, rating in rated:
        body = made.get(id(rating))
        if body is None:
            doc = rating_json(0, rating)
            del doc["prospect_id"]
            body = made[id(rating)] = json.dumps(doc, ensure_ascii=False)[1:]
        # Not json.dumps: with options it builds an encoder each call, 1 µs a row for nothing.
        company = encode_basestring(p.company)
        yield f'{{"prospect_id": {p.id}, "company": {company}, {body}'


def rate(tx: Tx, policy: Policy, prospect_id: int) -> RatingResult:
    from yulin_cli.visits.queries import followups

    prospect = prospects.live_prospect(tx, prospect_id)
    return RatingResult(prospect_id, prospect.company, rules.actions_done(
        rating(prospect, policy), followups(tx, prospect_id)))


def rate_all(tx: Tx, policy: Policy, limit: int | None = None) -> Ranking:
    """Live prospects with their stars, best first (ranked in SQL): the first ``limit`` with
    how many there are, or every one as it is read (``limit`` None)."""
    ratings: dict[tuple[Any, ...], rules.Rating] = {}

    def rated(listed: Iterable[ListedProspect]) -> Iterator[tuple[ListedProspect,
                                                                 rules.Rating]]:
        for p in listed:
            # A rating reads only these facts: prospects that share them share it.
            key = (p.quality, p.found_substandard, p.deal_value, p.need, p.yulin_interest,
                   p.platform_interest, p.in_selection, p.redsea_count)
            found = ratings.get(key)
            if found is None:
                found = ratings[key] = rate_listed(p, policy)
            yield p, found

    everyone = prospects.Filters()
    if limit is None:
        return Ranking(rated(prospects.iter_prospects(tx, policy, everyone, ranked=True,
                                                      whole=True, visits=False)))
    shown = tuple(rated(prospects.iter_prospects(tx, policy, everyone, limit, ranked=True,
                                                 visits=False)))
    total = (len(shown) if len(shown) < limit
             else prospects.count_prospects(tx, policy, everyone))
    return Ranking(shown, queries.unvisited_quality(tx, policy), Page(len(shown), total))


# --- the daily report (Q3, Q13, Q15, Q17) -------------------------------------------------------


@frozen
class Quota:
    per_day: int
    active: bool


@frozen
class PersonDay(PersonCounts):
    """One person's day: the counts, whether they met the quota (Q3), and what they found."""

    quota_met: bool | None = None
    found_today: tuple[FoundToday, ...] = ()


@frozen
class TeamDay:
    """The team's totals for the day; ``prospectors_meeting_quota`` is None outside the
    campaign (Q3)."""

    quality_found: int
    prospectors_meeting_quota: int | None
    prospectors: int
    visits: int
    effective_visits: int
    points_today: int


@frozen
class TomorrowVisit:
    """A planned visit of the next working day, and whether it is ready as of that day (Q2)."""

    date: str
    visitor: str
    prospect_id: int
    company: str
    ready: bool
    failing: tuple[str, ...]  # the readiness checks that fail, when it is not ready


@frozen
class AttentionItem:
    """Something a manager should look at, with the rule it comes from, who should act (None:
    any manager of the centre) and the command that settles it."""

    rule: str
    kind: str
    prospect_id: int
    message: rules.Message
    visit_id: int | None = None
    stars: int | None = None
    company: str = ""
    staff: str | None = None
    command: rules.Message | None = None  # the command that settles it (a catalogue template)
    date: str = ""  # the day it arose: the visit's, or the day the prospect was found
    flags: tuple[str, ...] = ()  # why a visit is to be checked (Q15)
    clause_: str | None = None  # one clause of a multi-clause rule
    earlier_id: int | None = None  # a likely duplicate: the earlier prospect (Q8)

    @property
    def clause(self) -> str:
        return self.clause_ or rules.CLAUSES[self.rule]

    def to_json(self) -> dict[str, Any]:
        # Key by key, in the contract's order: a busy evening converts thousands of items.
        doc = {"rule": self.rule, "clause": self.clause, "kind": self.kind,
               "prospect_id": self.prospect_id, "visit_id": self.visit_id}
        if self.stars is not None:
            doc["stars"] = self.stars
        if self.flags:
            doc["flags"] = list(self.flags)
        if self.earlier_id is not None:
            doc["earlier_id"] = self.earlier_id
        doc["message"] = explain(self.message)
        doc["staff"] = self.staff
        doc["company"] = self.company
        doc["command"] = self.command_in("en")
        doc["date"] = self.date
        return doc

    def command_in(self, lang: str | None = None) -> str:
        """The command, with placeholders in ``lang`` (JSON: always English)."""
        if self.command is None:
            return ""
        if lang is None:
            return t(self.command.code, **self.command.params)
        return t_in(lang, self.command.code, **self.command.params)


# Attention kinds in the order a report shows them, and the rule each comes from.
ATTENTION_KINDS = {"inspect": "substandard", "unready": "readiness", "refused": "refusal",
                   "industry": "duplicate", "likely-duplicate": "duplicate",
                   "take-over": "managers"}
# Every rule an attention item may carry (an inspection asks about a finding or a proof).
ATTENTION_RULES = ("substandard", "proof", "readiness", "refusal", "duplicate", "managers")


@frozen
class DailyReport(Result):
    date: str
    center: str | None
    quota: Quota
    people: tuple[PersonDay, ...]
    notices: tuple[Notice, ...]
    attention: tuple[AttentionItem, ...]
    team: TeamDay
    tomorrow: tuple[TomorrowVisit, ...]
    per_kind: int = human_only(5)  # attention items the human view shows of each kind

    def to_json(self) -> Any:
        from yulin_cli.results import jsonable

        # Field by field: the attention list may hold thousands of items, each converted once.
        return {f.name: [a.to_json() for a in self.attention] if f.name == "attention"
                else jsonable(getattr(self, f.name))
                for f in fields(self) if f.metadata.get("json", True)}


@frozen
class AttentionList(Result):
    """`attention`: every item of a day, or of one rule; JSON holds them all."""

    date: str
    rule: str | None
    center: str | None
    items: tuple[AttentionItem, ...]
    limit: int | None = human_only(50)  # rows the human view shows; None: all
    kind: str | None = human_only(None)
    skip: int = human_only(0)  # items of the list left out before these

    def to_json(self) -> Any:
        return [a.to_json() for a in self.items]


def notices(tx: Tx, day_from: str, day_to: str, center: str | None) -> tuple[Notice, ...]:
    return tuple(team.notices(tx, day_from, day_to, center))


@frozen
class NoticeBoard(Result):
    """`notices`: a human view holds the latest (``page`` says of how many); ``--json``
    streams every one, oldest first."""

    notices: Iterable[Notice]
    page: Page | None = human_only(None)

    def to_json(self) -> Any:
        from yulin_cli.results import jsonable

        return JsonRows(jsonable(n) for n in self.notices)


def notice_board(tx: Tx, day_from: str, day_to: str, center: str | None,
                 limit: int | None) -> NoticeBoard:
    """The latest ``limit`` notices with how many there are, or every one as it is read."""
    if center is not None:
        team.center_by_name(tx, center)
    if limit is None:
        return NoticeBoard(team.iter_notices(tx, day_from, day_to, center))
    shown = tuple(team.notices(tx, day_from, day_to, center, latest=limit))
    total = (len(shown) if len(shown) < limit
             else team.count_notices(tx, day_from, day_to, center))
    return NoticeBoard(shown, Page(len(shown), total))


def daily_report(tx: Tx, book: PolicyBook, day: str, center: str | None,
                 per_kind: int = 5) -> DailyReport:
    """The manager's evening: each person's day and finds, the team's totals, the notice
    board, what needs attention and tomorrow's planned visits, under the policy version in
    force that day. Counted in SQL, a fixed number of queries whatever the size of the team.
    A day's quota is judged on what is known now (RULES.md): a later finding changes it."""
    policy = book.at(day)
    if center is not None:
        team.center_by_name(tx, center)
    active = rules.quota_active(dt.date.fromisoformat(day), policy)
    found = queries.found_today(tx, day, center, policy)
    people = []
    for row, since in queries.report_people(tx, day, center, policy):
        met = rules.quota_met(row.quality_found, "prospector" in row.roles, active, policy,
                              since, day)
        people.append(PersonDay(**asdict(row), quota_met=met,
                                found_today=tuple(found.get(row.name, ()))))
    prospectors = [p for p in people if "prospector" in p.roles]
    totals = TeamDay(
        quality_found=sum(p.quality_found for p in people),
        prospectors_meeting_quota=sum(bool(p.quota_met) for p in prospectors) if active else None,
        prospectors=len(prospectors), visits=sum(p.visits for p in people),
        effective_visits=sum(p.effective_visits for p in people),
        points_today=sum(p.points_today for p in people))
    return DailyReport(day, center, Quota(policy.quota.per_day, active), tuple(people),
                       notices(tx, day, day, center), attention(tx, policy, day, center),
                       totals, tomorrow(tx, book, day, center), per_kind)


def found_heading(day: str) -> str:
    """The catalogue key of the heading of a day's finds: today's, or a past day's."""
    from yulin_cli.clock import today

    return "ui.found_today" if day == today() else "ui.found_that_day"


def tomorrow(tx: Tx, book: PolicyBook, day: str, center: str | None
             ) -> tuple[TomorrowVisit, ...]:
    """The planned visits of the next working day, each judged ready or not as of that day."""
    following = rules.next_working_day(dt.date.fromisoformat(day)).isoformat()
    plans = queries.plans_of_day(tx, following, center)
    found = prospects.prospects_of(tx, [p.prospect_id for p in plans])
    facts = facts_of(tx, list(found.values()))
    policy = book.at(following)
    out = []
    for plan in plans:
        readiness = rules.visit_readiness(facts[plan.prospect_id], policy, as_of=plan.date)
        out.append(TomorrowVisit(plan.date, plan.visitor, plan.prospect_id,
                                 found[plan.prospect_id].company, readiness.ready,
                                 readiness.failing))
    return tuple(out)


def attention_list(tx: Tx, policy: Policy, day: str, center: str | None, rule: str | None,
                   limit: int | None, kind: str | None = None, skip: int = 0) -> AttentionList:
    """The day's attention items of one rule and/or one kind, the first ``skip`` of them left
    out: the daily report's "N more" line names exactly the items it did not show."""
    if center is not None:
        team.center_by_name(tx, center)
    items = attention(tx, policy, day, center)
    if rule is not None:
        items = tuple(a for a in items if a.rule == rule)
    if kind is not None:
        items = tuple(a for a in items if a.kind == kind)
    return AttentionList(day, rule, center, items[skip:], limit, kind, skip)


def shell_word(text: str) -> str:
    """A name as a shell word: as is when it is one word (as Chinese names are)."""
    import re
    import shlex

    return text if re.fullmatch(r"[\w.@-]+", text) else shlex.quote(text)


def _refusal_command(visit: queries.DayVisit, cause: rules.Reason) -> rules.Message:
    """Q17: what the prospect's finder does about the likely cause of a refusal."""
    pid = visit.prospect_id
    if cause.code == "refusal.contact":
        return rules.Message("cmd.contact", {"id": pid})
    if cause.code in ("refusal.verification", "refusal.address", "refusal.standard"):
        return rules.Message("cmd.verify", {
            "id": pid, "finder": shell_word(visit.finder),
            "address": " --address" if cause.code == "refusal.address" else ""})
    return rules.Message("cmd.advise", {"id": pid})


def attention(tx: Tx, policy: Policy, day: str, center: str | None
              ) -> tuple[AttentionItem, ...]:
    """What needs someone's attention on ``day``, grouped by kind, oldest first in each."""
    items: list[AttentionItem] = []
    for visit, flags in queries.open_inspections(tx, day, center):
        items.append(_inspection_item(visit, flags))
    for visit in queries.flagged_visits(tx, day, center, "unready"):
        items.append(AttentionItem(
            "readiness", "unready", visit.prospect_id,
            rules.Message("attention.unready", {"visit_id": visit.visit_id}),
            visit_id=visit.visit_id, company=visit.company, staff=visit.visitor,
            date=visit.day, command=rules.Message(
                "cmd.check_visit", {"id": visit.prospect_id, "date": visit.day})))
    for visit in queries.refused_visits(tx, day, center):
        cause = rules.refusal_causes(visit.failing_checks)[0]
        items.append(AttentionItem(
            "refusal", "refused", visit.prospect_id,
            rules.Message("attention.refused", {"visit_id": visit.visit_id, "cause": cause}),
            visit_id=visit.visit_id, company=visit.company, staff=visit.finder, date=visit.day,
            command=_refusal_command(visit, cause)))
    owners_by_center: dict[int, dict[str, list[str]]] = {}
    for found in queries.prospects_found_on(tx, day, center):
        if found.center_id not in owners_by_center:
            owners_by_center[found.center_id] = team.prospector_industries(tx, found.center_id)
        clash = rules.industry_check(found.industry, found.source,
                                     owners_by_center[found.center_id])
        if clash is not None:
            # A manager settles who calls which industry.
            items.append(AttentionItem(
                "duplicate", "industry", found.id,
                rules.Message("attention.industry", {"prospect_id": found.id,
                                                     "finder": found.source, **clash.params}),
                company=found.company, staff=None, date=found.found_on,
                command=rules.Message("cmd.industry", {"finder": shell_word(found.source)})))
    from yulin_cli.prospects.likely import standing_pairs

    whys: dict[tuple[str, tuple[str, ...]], tuple[rules.Message, ...]] = {}
    for pair in standing_pairs(tx, day, center):
        # Two prospects that are likely one company, until a manager merges them or marks
        # them distinct (Q8). Why: the typo and the facts, a few kinds for thousands of pairs.
        kind = (pair.verdict.typo, pair.verdict.agreeing)
        why = whys.get(kind)
        if why is None:
            why = whys[kind] = (rules.Message(f"dup.{kind[0]}"),
                                *(rules.Message(f"likely.fact.{fact}") for fact in kind[1]))
        items.append(AttentionItem(
            "duplicate", "likely-duplicate", pair.drop, rules.Message("attention.likely", {
                "drop": pair.drop, "drop_company": pair.drop_company, "keep": pair.keep,
                "keep_company": pair.keep_company, "why": why,
                "distinct": rules.Message("cmd.distinct", {"first": pair.keep,
                                                           "second": pair.drop})}),
            company=pair.drop_company, staff=None, date=pair.found_on,
            command=rules.Message("cmd.merge", {"keep": pair.keep, "drop": pair.drop}),
            earlier_id=pair.keep))
    for cand in queries.top_star_candidates(tx, policy, center, new_on=day):
        items.append(AttentionItem("managers", "take-over", cand.id,
                                   rules.Message("attention.take_over",
                                                 {"id": cand.id, "stars": cand.stars,
                                                  "company": cand.company}),
                                   stars=cand.stars, company=cand.company, staff=None,
                                   date=cand.found_on,
                                   command=rules.Message("cmd.advise", {"id": cand.id})))
    order = list(ATTENTION_KINDS)
    # Stable: within a kind, oldest first, then as the query ranked them (best stars first).
    return tuple(sorted(items, key=lambda a: (order.index(a.kind), a.date)))


# --- the period summary (Q3, Q5, Q7) --------------------------------------------------------------

# A summary covers at most a year: longer is a mistyped date, not a period a team reviews.
MAX_PERIOD_DAYS = 366


@frozen
class QuotaDay:
    date: str
    quality_found: int
    quota_met: bool | None


@frozen
class ProspectorPeriod:
    name: str
    days: tuple[QuotaDay, ...]

    @property
    def quality_found(self) -> int:
        return sum(d.quality_found for d in self.days)

    @property
    def days_met(self) -> tuple[int, int]:
        """(days the quota was met, days it applied)."""
        judged = [d for d in self.days if d.quota_met is not None]
        return sum(1 for d in judged if d.quota_met), len(judged)


@frozen
class PointsPeriod:
    name: str
    delta: int


@frozen
class Summary(Result):
    """`summary`: the period's funnel, each prospector's days against the quota, each
    visitor's effective visits, and points."""

    date_from: str
    date_to: str
    center: str | None
    funnel: dict[str, int]
    prospectors: tuple[ProspectorPeriod, ...]
    visitors: tuple[queries.VisitorPeriod, ...]
    points: tuple[PointsPeriod, ...]

    def to_json(self) -> Any:
        from yulin_cli.results import jsonable

        return {"from": self.date_from, "to": self.date_to, "center": self.center,
                "funnel": dict(self.funnel),
                "prospectors": [{"name": p.name, "days": jsonable(p.days)}
                                for p in self.prospectors],
                "visitors": jsonable(self.visitors), "points": jsonable(self.points)}


def summary(tx: Tx, book: PolicyBook, date_from: str, date_to: str,
            center: str | None) -> Summary:
    """The prospects found in [from, to], each at its stage as of ``to``; quality and quota
    counted in SQL, readiness judged by the rules on facts read in a fixed number of
    queries. Each day's quota is judged under the version in force that day, on what is
    known now, as the daily report judges it."""
    policy = book.at(date_to)
    first, last = dt.date.fromisoformat(date_from), dt.date.fromisoformat(date_to)
    if first > last:
        from yulin_cli.errors import BadInput

        raise BadInput("summary.backwards", date_from=date_from, date_to=date_to)
    if (last - first).days >= MAX_PERIOD_DAYS:
        from yulin_cli.errors import BadInput

        raise BadInput("summary.too_long", days=MAX_PERIOD_DAYS)
    if center is not None:
        team.center_by_name(tx, center)
    stages = [0] * len(rules.FUNNEL)
    stages[0] = queries.found_in_period(tx, date_from, date_to, center)
    quality = prospects.prospects_of(tx, queries.quality_in_period(tx, policy, date_from,
                                                                   date_to, center))
    facts = facts_of(tx, list(quality.values()))
    visited = queries.visited_of(tx, list(quality), date_to)
    for pid, prospect in quality.items():
        judged = facts[pid].as_of(date_to)
        stage = rules.funnel_stage(
            quality=True, verified=rules.verification_check(judged.rounds, policy).ok,
            ready=rules.visit_readiness(judged, policy).ready, visited=visited[pid][0],
            effective=visited[pid][1],
            stars=rules.star_level(prospect.deal_value, prospect.need, prospect.yulin_interest,
                                   prospect.platform_interest, policy))
        for reached in range(1, stage + 1):
            stages[reached] += 1
    found: dict[tuple[str, str], int] = {}
    for start, end, version in book.segments(date_from, date_to):
        found.update(queries.quality_by_day(tx, version, start, end, center))
    days = [(first + dt.timedelta(days=n)) for n in range((last - first).days + 1)]
    first_found = queries.first_found(tx)
    prospectors = []
    for person in team.list_staff(tx):
        if "prospector" not in person.roles or center not in (None, person.center):
            continue
        since = rules.prospector_since(person.since, first_found.get(person.id))
        quota_days = []
        for day in days:
            text = day.isoformat()
            rule = book.at(text)
            count = found.get((person.name, text), 0)
            quota_days.append(QuotaDay(text, count, rules.quota_met(
                count, True, rules.quota_active(day, rule), rule, since, text)))
        prospectors.append(ProspectorPeriod(person.name, tuple(quota_days)))
    return Summary(date_from, date_to, center, dict(zip(rules.FUNNEL, stages, strict=True)),
                   tuple(prospectors),
                   tuple(queries.visitors_in_period(tx, date_from, date_to, center)),
                   tuple(PointsPeriod(name, delta) for name, delta
                         in queries.points_in_period(tx, date_from, date_to, center)))


def _inspection_item(visit: queries.DayVisit, flags: list[tuple[str, str]]) -> AttentionItem:
    """An open inspection, saying why the visit was chosen: its photos or the sample (Q15), or
    a substandard finding without an effective visit."""
    proof = [(f, d) for f, d in flags if f in rules.INSPECTED_FLAGS]
    shown = proof + [(f, d) for f, d in flags if f == "inspect"] if proof else []
    why = tuple(rules.Message(f"attention.why_{f}", {"detail": d}) for f, d in shown)
    # Any manager of the centre settles it, with the inspect command.
    return AttentionItem(
        "proof" if proof else "substandard", "inspect", visit.prospect_id,
        rules.Message("attention.proof", {"visit_id": visit.visit_id, "why": why}) if proof
        else rules.Message("attention.inspect", {"visit_id": visit.visit_id}),
        visit_id=visit.visit_id, company=visit.company, staff=None, date=visit.day,
        command=rules.Message("cmd.inspect", {"visit": visit.visit_id}),
        flags=tuple(f for f, _d in shown), clause_="Q15" if proof else None)


# --- the manager's view (Q13) -------------------------------------------------------------------


@frozen
class ManagerView(Result):
    take_now: tuple[tuple[ListedProspect, rules.Rating], ...]
    upgrade_visits: tuple[UpgradeCandidate, ...]
    tasks: tuple[rules.Reason, ...]
    center: str | None = human_only(None)  # the centre asked for (a saved view names it)
    limit: int | None = human_only(None)  # rows the human view shows; None: all

    def to_json(self) -> Any:
        tasks = [explain(r) for r in self.tasks]
        return {
            "take_now": [rating_json(p.id, r, company=p.company, deal_value=p.deal_value)
                         for p, r in self.take_now],
            "upgrade_visits": [{"prospect_id": u.prospect_id, "company": u.company,
                                "pcs": u.pcs, "tasks": tasks} for u in self.upgrade_visits],
        }


def manager_view(tx: Tx, policy: Policy, center: str | None,
                 limit: int | None = None) -> ManagerView:
    """5 and 4 stars to take now, best first; failing those, upgrade visits to old customers.
    The human view shows the first ``limit`` of either (None: all); JSON has them all."""
    if center is not None:
        team.center_by_name(tx, center)
    take_now = tuple((p, rate_listed(p, policy))
                     for p in queries.top_star_candidates(tx, policy, center))
    upgrades = () if take_now else tuple(queries.upgrade_candidates(tx, policy, center))
    return ManagerView(take_now, upgrades, rules.upgrade_tasks(), center, limit)
