"""Deals shared with others: the direct-sales branch's projects (Q11) and partner deals (Q10)."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.deals import queries
from yulin_cli.deals.queries import PartnerProject
from yulin_cli.errors import BadInput
from yulin_cli.frozen import frozen
from yulin_cli.records import DirectProject
from yulin_cli.results import Result

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy, PolicyBook


@frozen
class DirectProjectResult(Result):
    """One direct-sales project, as added or settled."""

    project: DirectProject
    settled: bool = False

    def to_json(self) -> Any:
        from yulin_cli.results import jsonable

        return jsonable(self.project)


@frozen
class DirectProjects(Result):
    projects: tuple[DirectProject, ...]

    def to_json(self) -> Any:
        from yulin_cli.results import jsonable

        return [jsonable(p) for p in self.projects]


@frozen
class PartnerDeal(PartnerProject):
    """A partner project, flagged when the effort outweighs our share (Q10)."""

    flagged: bool = False
    reason: rules.Reason | None = None


@frozen
class PartnerDeals(Result):
    deals: tuple[PartnerDeal, ...]

    def to_json(self) -> Any:
        from yulin_cli.results import jsonable

        return [jsonable(d) for d in self.deals]


def add_direct_project(tx: Tx, book: PolicyBook, company: str, city: str,
                       contact: str) -> DirectProjectResult:
    from yulin_cli.clock import today

    policy = book.at(today())
    city = rules.normalise_city(city)
    branches = [rules.normalise_city(c) for c in policy.territory.direct_sales_cities]
    if city not in branches:
        raise BadInput("bad.not_direct_city", city=city, cities="、".join(branches))
    project_id = queries.add_direct_project(tx, {
        "company": company, "name_key": rules.name_key(company, city), "city": city,
        "contact": contact})
    _rejudge(tx, book, rules.name_key(company, city), city)
    return DirectProjectResult(DirectProject(project_id, company, city, contact, "open"))


def _rejudge(tx: Tx, book: PolicyBook, name_key: str, city: str) -> None:
    """The prospects of the same company: their readiness has a direct-sales check (Q11)."""
    from yulin_cli.outcomes import service as outcomes

    outcomes.reconcile_prospects(tx, book, queries.prospects_named(tx, name_key, city))


def settle_direct_project(tx: Tx, book: PolicyBook, project_id: int, outcome: str,
                          by: str) -> DirectProjectResult:
    """Q11: only a manager settles a shared contact."""
    from yulin_cli.team.service import require_manager

    require_manager(tx, by, "refuse.settle_managers")
    project = queries.direct_project(tx, project_id)
    queries.settle_direct_project(tx, project_id, outcome)
    _rejudge(tx, book, rules.name_key(project.company, project.city), project.city)
    return DirectProjectResult(DirectProject(project.id, project.company, project.city,
                                             project.contact, outcome), settled=True)


def direct_projects(tx: Tx) -> DirectProjects:
    return DirectProjects(tuple(queries.direct_projects(tx)))


def partners(tx: Tx, policy: Policy, center: str | None) -> PartnerDeals:
    """Q10: each partner project's effort so far against the vendor's share."""
    out = []
    for p in queries.partner_projects(tx, center):
        verdict = rules.partner_effort(p.rounds, p.visits, p.vendor_share, policy)
        out.append(PartnerDeal(**asdict(p), flagged=not verdict.ok, reason=verdict))
    return PartnerDeals(tuple(out))
