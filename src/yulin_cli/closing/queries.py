"""Queries of closing: deals' outcomes, the first effective visit of each prospect and the
history of what rated it, and the look-ups of `find`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from yulin_cli.db import now_stamp, rows_for
from yulin_cli.frozen import frozen

if TYPE_CHECKING:
    from yulin_cli.db import Tx

# The facts a rating reads (Q5), whose history says how a prospect was rated on a day.
RATING_FIELDS = ("deal_value", "need", "yulin_interest", "platform_interest")


@frozen
class DealOutcome:
    id: int
    prospect_id: int
    result: str  # won | lost
    value: int | None
    reason: str | None
    day: str
    by: str


_OUTCOME = ("SELECT o.id, o.prospect_id, o.result, o.value, o.reason, o.day, s.name AS by"
            " FROM deal_outcome o JOIN staff s ON s.id = o.by_id")


def add_outcome(tx: Tx, values: dict[str, Any]) -> int:
    return tx.insert("deal_outcome", {**values, "recorded_at": now_stamp()})


def live_outcome(tx: Tx, prospect_id: int) -> DealOutcome | None:
    """The prospect's outcome that stands (at most one: a second is refused)."""
    row = tx.one(_OUTCOME + " WHERE o.prospect_id = :p AND o.voided_at IS NULL", p=prospect_id)
    return DealOutcome(**row) if row is not None else None


def first_effective_visits(tx: Tx, date_from: str | None, date_to: str | None
                           ) -> dict[int, str]:
    """Prospect -> the day of its first live effective visit, for the live prospects whose
    first one lies in [from, to]."""
    having: list[str] = []
    params: dict[str, Any] = {"yes": True}
    if date_from:
        having.append("MIN(v.day) >= :date_from")
        params["date_from"] = date_from
    if date_to:
        having.append("MIN(v.day) <= :date_to")
        params["date_to"] = date_to
    return {r["prospect_id"]: r["first"] for r in tx.all(
        "SELECT v.prospect_id, MIN(v.day) AS first FROM visit v"
        " JOIN prospect p ON p.id = v.prospect_id"
        " WHERE v.effective = :yes AND v.voided_at IS NULL AND p.merged_into IS NULL"
        " GROUP BY v.prospect_id" + (" HAVING " + " AND ".join(having) if having else "")
        + " ORDER BY v.prospect_id", **params)}


def outcomes_of(tx: Tx, prospect_ids: list[int]) -> dict[int, str]:
    """Prospect -> won | lost, for those with an outcome that stands."""
    return {r["prospect_id"]: r["result"] for r in rows_for(
        tx, "SELECT prospect_id, result FROM deal_outcome WHERE prospect_id IN ({marks})"
        " AND voided_at IS NULL", prospect_ids)}


def rating_history(tx: Tx, prospect_ids: list[int]
                   ) -> dict[int, dict[str, list[tuple[str, object]]]]:
    """Prospect -> field -> (day, the value it replaced), oldest first, for the rating's facts."""
    found: dict[int, dict[str, list[tuple[str, object]]]] = {}
    marks = ", ".join(f"'{f}'" for f in RATING_FIELDS)
    for r in rows_for(tx, "SELECT prospect_id, field, old_value, day FROM prospect_change"
                      f" WHERE prospect_id IN ({{marks}}) AND field IN ({marks})"
                      " ORDER BY day, id", prospect_ids):
        old = json.loads(r["old_value"]) if r["old_value"] is not None else None
        found.setdefault(r["prospect_id"], {}).setdefault(r["field"], []).append(
            (r["day"], old))
    return found
