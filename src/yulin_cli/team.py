"""People's standing: the points ledger, manual adjustments, inspections, industries (Q1, Q8, Q15)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from yulin_cli import rules, store
from yulin_cli.errors import BadInput, RuleRefusal

if TYPE_CHECKING:
    from yulin_cli.db import Tx


def require_manager(tx: Tx, name: str) -> dict:
    """Changing someone else's standing takes a manager; anyone else is refused (exit 1)."""
    person = store.staff_by_name(tx, name)
    if "manager" not in person["roles"]:
        raise RuleRefusal("refuse.not_manager", name=name)
    return person


def update_staff(tx: Tx, name: str, *, center: str | None, roles: list[str] | None,
                 industries: list[str] | None) -> dict:
    person = store.staff_by_name(tx, name)
    changes: dict[str, Any] = {}
    if center is not None:
        changes["center_id"] = store.center_by_name(tx, center)["id"]
    if roles:
        changes["roles"] = ",".join(roles)
    if industries is not None:
        changes["industries"] = ",".join(industries)
    if not changes:
        raise BadInput("bad.nothing_to_update")
    store.update_staff(tx, person["id"], changes)
    return store.staff_by_name(tx, name)


def adjust_points(tx: Tx, staff: str, delta: int, reason: str, by: str, day: str) -> dict:
    manager = require_manager(tx, by)
    person = store.staff_by_name(tx, staff)
    if delta == 0:
        raise BadInput("bad.zero_delta")
    store.add_points(tx, person["id"], day, delta, "adjustment", None, None, reason,
                     manager["id"])
    return ledger(tx, staff)


def ledger(tx: Tx, staff: str) -> dict:
    person = store.staff_by_name(tx, staff)
    entries = store.ledger(tx, person["id"])
    for entry in entries:
        entry["balance"] = int(entry["balance"])
    return {"staff": staff, "total": entries[-1]["balance"] if entries else 0,
            "entries": entries}


def inspect(tx: Tx, visit_id: int, by: str, verdict: str, note: str | None, day: str) -> dict:
    """Q15: a manager settles a substandard finding; overturned gives the points back."""
    manager = require_manager(tx, by)
    found = store.visit(tx, visit_id)
    if found["outcome"] != "substandard":
        raise RuleRefusal("refuse.not_substandard", id=visit_id)
    if found["inspection"] in ("upheld", "overturned"):
        raise RuleRefusal("refuse.already_settled", id=visit_id, status=found["inspection"])
    store.settle_inspection(tx, visit_id, verdict, manager["id"], day, note)
    reversed_points = []
    if verdict == "overturned":
        by_staff: dict[int, list[int]] = {}
        for entry in store.visit_deductions(tx, visit_id):
            by_staff.setdefault(entry["staff_id"], []).append(entry["delta"])
        for staff_id, deltas in by_staff.items():
            delta = rules.inspection_reversal(deltas)
            if delta:
                store.add_points(tx, staff_id, day, delta, "inspection", found["prospect_id"],
                                 visit_id, f"visit #{visit_id} overturned", manager["id"])
                reversed_points.append({"staff_id": staff_id, "delta": delta})
    return {"visit_id": visit_id, "prospect_id": found["prospect_id"], "verdict": verdict,
            "reversed": reversed_points}



def industries(tx: Tx, center: str | None) -> list[dict]:
    """Q8: the centre's main industries by prospect count, and who calls each."""
    center_ids = ([store.center_by_name(tx, center)["id"]] if center
                  else [c["id"] for c in store.list_centers(tx)])
    owners: dict[str, list[str]] = {}
    for center_id in center_ids:
        owners.update(store.prospector_industries(tx, center_id))
    counted = store.industry_counts(tx, center)
    listed = {row["industry"] for row in counted}
    unworked = sorted({i for names in owners.values() for i in names} - listed)
    rows = counted + [{"industry": i, "prospects": 0} for i in unworked]
    return [{"industry": r["industry"], "prospects": int(r["prospects"]),
             "owners": rules.industry_owners(r["industry"], owners)} for r in rows]
