"""What managers and visitors do next: the manager view (Q13) and suburban routes (Q6)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from yulin_cli import rules, store, workflow
from yulin_cli.errors import BadInput

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.inputs import PlanIn
    from yulin_cli.policy import Policy


def manager_view(tx: Tx, policy: Policy, center: str | None) -> dict:
    """5 and 4 stars to take now, best first; failing those, upgrade visits to old customers."""
    if center is not None:
        store.center_by_name(tx, center)
    take_now = [(row, workflow.rate_listed(row, policy))
                for row in store.top_star_candidates(tx, policy, center)]
    upgrades = [] if take_now else store.upgrade_candidates(tx, policy, center)
    return {"take_now": take_now, "upgrade_visits": upgrades, "tasks": rules.upgrade_tasks()}


def route(tx: Tx, policy: Policy, center: str | None, start: str, visitor: str | None,
          plan: bool, make_plan: type[PlanIn]) -> dict:
    """Q6: ready suburban prospects grouped into trips; with ``plan`` they are scheduled."""
    if center is not None:
        store.center_by_name(tx, center)
    if plan and visitor is None:
        raise BadInput("bad.plan_needs_visitor")
    ready, not_ready = [], []
    for row in store.suburban_unvisited(tx, center):
        _prospect, readiness = workflow.readiness(tx, policy, row["id"])
        (ready if readiness.ready else not_ready).append(row)
    trips = rules.plan_trips([(r["id"], r["district"] or "") for r in ready],
                             dt.date.fromisoformat(start), policy)
    if plan:
        for trip in trips:
            for day, ids in trip.days:
                for pid in ids:
                    workflow.plan_visit(tx, policy, make_plan(
                        prospect_id=pid, visitor=visitor, day=day))
    return {"trips": [{"district": t.district,
                       "days": [{"date": d, "prospect_ids": list(ids)} for d, ids in t.days]}
                      for t in trips],
            "not_ready": [r["id"] for r in not_ready]}
