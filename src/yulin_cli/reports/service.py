"""Ratings and reports: stars (Q5), the ranking, the daily report (Q3, Q15, Q17), the manager's
view (Q13) and the notice board."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.prospects import queries as prospects
from yulin_cli.records import ListedProspect, Prospect
from yulin_cli.reports import queries
from yulin_cli.reports.queries import PersonCounts, UpgradeCandidate
from yulin_cli.results import Result, human_only, rating_json
from yulin_cli.team import queries as team
from yulin_cli.team.queries import Notice

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy


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


@dataclass(frozen=True, slots=True)
class RatingResult(Result):
    """`rate ID`: one prospect's stars, why, what would lift them, and what to do next."""

    prospect_id: int
    company: str
    rating: rules.Rating

    def to_json(self) -> Any:
        return rating_json(self.prospect_id, self.rating, company=self.company)


@dataclass(frozen=True, slots=True)
class Ranking(Result):
    """`rate --all`: every live prospect, best first; impure red sea last (Q18)."""

    rated: tuple[tuple[ListedProspect, rules.Rating], ...]
    unvisited: int = human_only(0)  # quality customers not yet visited (Q5)

    def to_json(self) -> Any:
        return [rating_json(p.id, r, company=p.company) for p, r in self.rated]


def rate(tx: Tx, policy: Policy, prospect_id: int) -> RatingResult:
    prospect = prospects.live_prospect(tx, prospect_id)
    return RatingResult(prospect_id, prospect.company, rating(prospect, policy))


def rate_all(tx: Tx, policy: Policy) -> Ranking:
    """Every live prospect with its stars, best first (ranked in SQL)."""
    listed = prospects.list_prospects(tx, policy, prospects.Filters(), ranked=True)
    return Ranking(tuple((p, rate_listed(p, policy)) for p in listed),
                   queries.unvisited_quality(tx, policy))


# --- the daily report (Q3, Q13, Q15, Q17) -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quota:
    per_day: int
    active: bool


@dataclass(frozen=True, slots=True)
class PersonDay(PersonCounts):
    """One person's day: the counts, and whether they met the quota (Q3)."""

    quota_met: bool | None = None


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """Something a manager should look at, with the rule it comes from."""

    rule: str
    kind: str
    prospect_id: int
    message: rules.Message
    visit_id: int | None = None
    stars: int | None = None
    flags: tuple[str, ...] = ()  # why a visit is to be checked (Q15)
    clause_: str | None = None  # one clause of a multi-clause rule

    @property
    def clause(self) -> str:
        return self.clause_ or rules.CLAUSES[self.rule]


@dataclass(frozen=True, slots=True)
class DailyReport(Result):
    date: str
    center: str | None
    quota: Quota
    people: tuple[PersonDay, ...]
    notices: tuple[Notice, ...]
    attention: tuple[AttentionItem, ...]

    def to_json(self) -> Any:
        from yulin_cli.i18n import explain
        from yulin_cli.results import fields_json

        doc = fields_json(self)
        doc["attention"] = [
            {"rule": a.rule, "clause": a.clause, "kind": a.kind, "prospect_id": a.prospect_id,
             "visit_id": a.visit_id, **({"stars": a.stars} if a.stars is not None else {}),
             **({"flags": list(a.flags)} if a.flags else {}),
             "message": explain(a.message)}
            for a in self.attention]
        return doc


def notices(tx: Tx, day_from: str, day_to: str, center: str | None) -> tuple[Notice, ...]:
    return tuple(team.notices(tx, day_from, day_to, center))


@dataclass(frozen=True, slots=True)
class NoticeBoard(Result):
    notices: tuple[Notice, ...]

    def to_json(self) -> Any:
        from yulin_cli.results import jsonable

        return [jsonable(n) for n in self.notices]


def daily_report(tx: Tx, policy: Policy, day: str, center: str | None) -> DailyReport:
    if center is not None:
        team.center_by_name(tx, center)
    active = rules.quota_active(dt.date.fromisoformat(day), policy)
    people = []
    for row in queries.report_people(tx, day, center, policy):
        met = rules.quota_met(row.quality_found, "prospector" in row.roles, active, policy)
        people.append(PersonDay(**asdict(row), quota_met=met))
    attention = _attention(tx, policy, day, center)
    return DailyReport(day, center, Quota(policy.quota.per_day, active), tuple(people),
                       notices(tx, day, day, center), tuple(attention))


def _attention(tx: Tx, policy: Policy, day: str, center: str | None) -> list[AttentionItem]:
    items: list[AttentionItem] = []
    inspections = queries.open_inspections(tx, day, center)
    flagged = queries.visit_flag_details(tx, [v.visit_id for v in inspections])
    for visit in inspections:
        items.append(_inspection_item(visit, flagged.get(visit.visit_id, [])))
    for visit in queries.flagged_visits(tx, day, center, "unready"):
        items.append(AttentionItem(
            "readiness", "unready", visit.prospect_id,
            rules.Message("attention.unready", {"visit_id": visit.visit_id}),
            visit_id=visit.visit_id))
    for visit in queries.refused_visits(tx, day, center):
        cause = rules.refusal_causes(visit.failing_checks)[0]
        items.append(AttentionItem(
            "refusal", "refused", visit.prospect_id,
            rules.Message("attention.refused", {"visit_id": visit.visit_id, "cause": cause}),
            visit_id=visit.visit_id))
    owners_by_center: dict[int, dict[str, list[str]]] = {}
    for found in queries.prospects_found_on(tx, day, center):
        if found.center_id not in owners_by_center:
            owners_by_center[found.center_id] = team.prospector_industries(tx, found.center_id)
        clash = rules.industry_check(found.industry, found.source,
                                     owners_by_center[found.center_id])
        if clash is not None:
            items.append(AttentionItem(
                "duplicate", "industry", found.id,
                rules.Message("attention.industry", {"prospect_id": found.id, **clash.params})))
    for cand in queries.top_star_candidates(tx, policy, center, new_on=day):
        items.append(AttentionItem("managers", "take-over", cand.id,
                                   rules.Message("attention.take_over",
                                              {"stars": cand.stars, "company": cand.company}),
                                   stars=cand.stars))
    return items


def _inspection_item(visit: queries.DayVisit, flags: list[tuple[str, str]]) -> AttentionItem:
    """An open inspection, saying why the visit was chosen: its photos or the sample (Q15), or
    a substandard finding without an effective visit."""
    proof = [(f, d) for f, d in flags if f in rules.INSPECTED_FLAGS]
    if not proof:
        return AttentionItem("substandard", "inspect", visit.prospect_id,
                             rules.Message("attention.inspect", {"visit_id": visit.visit_id}),
                             visit_id=visit.visit_id)
    shown = proof + [(f, d) for f, d in flags if f == "inspect"]
    why = tuple(rules.Message(f"attention.why_{f}", {"detail": d}) for f, d in shown)
    return AttentionItem("proof", "inspect", visit.prospect_id,
                         rules.Message("attention.proof", {"visit_id": visit.visit_id,
                                                           "why": why}),
                         visit_id=visit.visit_id, flags=tuple(f for f, _d in shown),
                         clause_="Q15")


# --- the manager's view (Q13) -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ManagerView(Result):
    take_now: tuple[tuple[ListedProspect, rules.Rating], ...]
    upgrade_visits: tuple[UpgradeCandidate, ...]
    tasks: tuple[rules.Reason, ...]

    def to_json(self) -> Any:
        from yulin_cli.i18n import explain

        tasks = [explain(r) for r in self.tasks]
        return {
            "take_now": [rating_json(p.id, r, company=p.company, deal_value=p.deal_value)
                         for p, r in self.take_now],
            "upgrade_visits": [{"prospect_id": u.prospect_id, "company": u.company,
                                "pcs": u.pcs, "tasks": tasks} for u in self.upgrade_visits],
        }


def manager_view(tx: Tx, policy: Policy, center: str | None) -> ManagerView:
    """5 and 4 stars to take now, best first; failing those, upgrade visits to old customers."""
    if center is not None:
        team.center_by_name(tx, center)
    take_now = tuple((p, rate_listed(p, policy))
                     for p in queries.top_star_candidates(tx, policy, center))
    upgrades = () if take_now else tuple(queries.upgrade_candidates(tx, policy, center))
    return ManagerView(take_now, upgrades, rules.upgrade_tasks())
