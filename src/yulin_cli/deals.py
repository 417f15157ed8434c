"""Deals shared with others: the direct-sales branch (Q11) and partners (Q10)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from yulin_cli import rules, store
from yulin_cli.errors import BadInput

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy

SETTLEMENTS = ("cooperate", "we-withdraw", "they-withdraw")


def add_direct_project(tx: Tx, policy: Policy, company: str, city: str, contact: str) -> dict:
    city = rules.normalise_city(city)
    branches = [rules.normalise_city(c) for c in policy.territory.direct_sales_cities]
    if city not in branches:
        raise BadInput("bad.not_direct_city", city=city, cities="、".join(branches))
    project_id = store.add_direct_project(tx, {
        "company": company, "name_key": rules.name_key(company, city), "city": city,
        "contact": contact})
    return {"id": project_id, "company": company, "city": city, "contact": contact,
            "status": "open"}


def settle_direct_project(tx: Tx, project_id: int, outcome: str) -> dict:
    project = store.direct_project(tx, project_id)
    store.settle_direct_project(tx, project_id, outcome)
    return {**project, "status": outcome}


def partners(tx: Tx, policy: Policy, center: str | None) -> list[dict]:
    """Q10: each partner project's effort so far against the vendor's share."""
    out = []
    for row in store.partner_projects(tx, center):
        verdict = rules.partner_effort(int(row["rounds"]), int(row["visits"]),
                                       row["vendor_share"], policy)
        out.append({"prospect_id": row["id"], "company": row["company"],
                    "partner": row["partner"], "vendor_share": row["vendor_share"],
                    "rounds": int(row["rounds"]), "visits": int(row["visits"]),
                    "flagged": not verdict.ok, "reason": verdict})
    return out
