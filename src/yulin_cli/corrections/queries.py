"""Queries of corrections: what a void reads, marks and adds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from yulin_cli.db import fits_id
from yulin_cli.errors import BadInput
from yulin_cli.records import Voiding

if TYPE_CHECKING:
    from yulin_cli.db import Tx

# What each kind of record is, in the database.
TABLES = {"round": "verification_round", "visit": "visit", "points": "points_entry"}
_NOT_FOUND = {"round": "not_found.round", "visit": "not_found.visit",
              "points": "not_found.points_entry"}


@dataclass(frozen=True, slots=True)
class VoidTarget:
    """A record someone asks to void, with what the permission rule reads."""

    kind: str
    id: int
    prospect_id: int | None
    day: str
    recorder: str | None  # who recorded a round or visit
    recorded_at: str | None  # wall clock; None for rows older than voiding
    voided: Voiding | None
    reverses: int | None = None  # a points entry that itself gives another back


@dataclass(frozen=True, slots=True)
class PointsRow:
    id: int
    staff_id: int
    staff: str
    day: str
    delta: int
    rule: str
    prospect_id: int | None
    visit_id: int | None


@dataclass(frozen=True, slots=True)
class NoticeRow:
    id: int
    staff_id: int
    day: str
    kind: str
    delta: int
    rule: str
    prospect_id: int | None
    visit_id: int | None


_VOIDING = (", t.voided_at, vb.name AS voided_by, t.void_reason"
            " FROM {table} t LEFT JOIN staff vb ON vb.id = t.voided_by_id")
_SELECT = {
    "round": "SELECT t.id, t.prospect_id, t.day, s.name AS recorder, t.recorded_at,"
             " NULL AS reverses_id" + _VOIDING.format(table="verification_round")
             + " JOIN staff s ON s.id = t.staff_id",
    "visit": "SELECT t.id, t.prospect_id, t.day, s.name AS recorder, t.recorded_at,"
             " NULL AS reverses_id" + _VOIDING.format(table="visit")
             + " JOIN staff s ON s.id = t.staff_id",
    # A points entry is void when it is marked so (`void points`) or given back by the void
    # of its visit: that only adds entries, so whoever voids a visit needs no right to change
    # the ledger.
    "points": "SELECT t.id, t.prospect_id, t.day, NULL AS recorder, NULL AS recorded_at,"
              " t.reverses_id, COALESCE(t.voided_at, gv.voided_at) AS voided_at,"
              " COALESCE(vb.name, gb.name) AS voided_by,"
              " COALESCE(t.void_reason, g.reason) AS void_reason FROM points_entry t"
              " LEFT JOIN staff vb ON vb.id = t.voided_by_id"
              " LEFT JOIN points_entry g ON g.reverses_id = t.id"
              " LEFT JOIN staff gb ON gb.id = g.by_id"
              " LEFT JOIN visit gv ON gv.id = t.visit_id AND g.id IS NOT NULL",
}


def target(tx: Tx, kind: str, record_id: int) -> VoidTarget:
    row = tx.one(_SELECT[kind] + " WHERE t.id = :id", id=record_id) if fits_id(record_id) else None
    if row is None:
        raise BadInput(_NOT_FOUND[kind], id=record_id)
    return VoidTarget(kind, row["id"], row["prospect_id"], row["day"], row["recorder"],
                      row["recorded_at"], Voiding.of_row(row), row["reverses_id"])


def mark_void(tx: Tx, kind: str, record_id: int, by_id: int, at: str, reason: str) -> None:
    tx.run(f"UPDATE {TABLES[kind]} SET voided_at = :at, voided_by_id = :by,"
           " void_reason = :reason WHERE id = :id", at=at, by=by_id, reason=reason, id=record_id)


_POINTS = ("SELECT e.id, e.staff_id, s.name AS staff, e.day, e.delta, e.rule, e.prospect_id,"
           " e.visit_id FROM points_entry e JOIN staff s ON s.id = e.staff_id")


def points_entry(tx: Tx, entry_id: int) -> PointsRow:
    row = tx.one(_POINTS + " WHERE e.id = :id", id=entry_id)
    assert row is not None
    return PointsRow(**row)


def live_points_of_visit(tx: Tx, visit_id: int) -> list[PointsRow]:
    """The entries a visit caused (or an inspection of it gave back) that still count."""
    return [PointsRow(**r) for r in tx.all(
        _POINTS + " WHERE e.visit_id = :v AND e.voided_at IS NULL AND e.reverses_id IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM points_entry g WHERE g.reverses_id = e.id)"
        " ORDER BY e.id", v=visit_id)]


def add_reversal(tx: Tx, entry: PointsRow, by_id: int, reason: str) -> int:
    """The entry that gives ``entry`` back, dated like it: the day it was about reads as if
    the mistake had never been made, and the ledger shows both."""
    return tx.insert("points_entry", {
        "staff_id": entry.staff_id, "day": entry.day, "delta": -entry.delta, "rule": "void",
        "prospect_id": entry.prospect_id, "visit_id": entry.visit_id, "reason": reason,
        "by_id": by_id, "reverses_id": entry.id})


def unreversed_notices(tx: Tx, visit_id: int, staff_id: int | None = None,
                       rule: str | None = None) -> list[NoticeRow]:
    """A visit's praise and criticism not yet given back (optionally one person's, one rule's)."""
    where = ""
    params: dict[str, object] = {"v": visit_id}
    if staff_id is not None:
        where += " AND n.staff_id = :s AND n.rule = :r"
        params.update(s=staff_id, r=rule)
    return [NoticeRow(**r) for r in tx.all(
        "SELECT n.id, n.staff_id, n.day, n.kind, n.delta, n.rule, n.prospect_id, n.visit_id"
        " FROM notice n WHERE n.visit_id = :v AND n.reverses_id IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM notice r WHERE r.reverses_id = n.id)"
        f"{where} ORDER BY n.id", **params)]


def add_voided_notice(tx: Tx, notice: NoticeRow) -> int:
    """A notice saying an earlier one no longer holds, with its points given back."""
    return tx.insert("notice", {
        "staff_id": notice.staff_id, "day": notice.day, "kind": "voided",
        "delta": -notice.delta, "rule": notice.rule, "prospect_id": notice.prospect_id,
        "visit_id": notice.visit_id, "reverses_id": notice.id})


def close_inspection(tx: Tx, visit_id: int, by_id: int, day: str, note: str) -> bool:
    """An open inspection of a voided visit is closed: there is nothing left to inspect."""
    return tx.run("UPDATE inspection SET status = 'voided', decided_by = :by, decided_on = :day,"
                  " note = :note WHERE visit_id = :v AND status = 'open'", by=by_id, day=day,
                  note=note, v=visit_id) > 0


def reopen_plans(tx: Tx, visit_id: int) -> int:
    """A plan the voided visit had closed is open again: the visit still has to be made."""
    return tx.run("UPDATE planned_visit SET visit_id = NULL WHERE visit_id = :v", v=visit_id)
