"""Queries of corrections: what a void reads, marks and adds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from yulin_cli.db import fits_id
from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.frozen import frozen
from yulin_cli.records import Voiding

if TYPE_CHECKING:
    from yulin_cli.db import Tx

# What each kind of record is, in the database.
TABLES = {"round": "verification_round", "visit": "visit", "points": "points_entry",
          "outcome": "deal_outcome"}
_NOT_FOUND = {"round": "not_found.round", "visit": "not_found.visit",
              "points": "not_found.points_entry", "outcome": "not_found.outcome"}


@frozen
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
    visit_id: int | None = None  # a points entry's visit
    inspected: bool = False  # a visit with a question for a manager, open or answered


@frozen
class PointsRow:
    id: int
    staff_id: int
    staff: str
    day: str
    delta: int
    rule: str
    prospect_id: int | None
    visit_id: int | None


@frozen
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
             " NULL AS reverses_id, NULL AS visit_id, 0 AS inspected"
             + _VOIDING.format(table="verification_round")
             + " JOIN staff s ON s.id = t.staff_id",
    "visit": "SELECT t.id, t.prospect_id, t.day, s.name AS recorder, t.recorded_at,"
             " NULL AS reverses_id, t.id AS visit_id, (SELECT COUNT(*) FROM inspection i"
             " WHERE i.visit_id = t.id) AS inspected" + _VOIDING.format(table="visit")
             + " JOIN staff s ON s.id = t.staff_id",
    "outcome": "SELECT t.id, t.prospect_id, t.day, s.name AS recorder, t.recorded_at,"
               " NULL AS reverses_id, NULL AS visit_id, 0 AS inspected"
               + _VOIDING.format(table="deal_outcome") + " JOIN staff s ON s.id = t.by_id",
    # A points entry is void when it is marked so (`void points`) or given back by the void
    # of its visit: that only adds entries, so whoever voids a visit needs no right to change
    # the ledger.
    "points": "SELECT t.id, t.prospect_id, t.day, NULL AS recorder, NULL AS recorded_at,"
              " t.reverses_id, t.visit_id, 0 AS inspected,"
              " COALESCE(t.voided_at, gv.voided_at) AS voided_at,"
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
                      row["recorded_at"], Voiding.of_row(row), row["reverses_id"],
                      row["visit_id"], bool(row["inspected"]))


def mark_void(tx: Tx, kind: str, record_id: int, by_id: int, at: str, reason: str) -> None:
    """Marks the record voided; a server that lets this login change nothing is refused, never
    reported as done."""
    if tx.run(f"UPDATE {TABLES[kind]} SET voided_at = :at, voided_by_id = :by,"
              " void_reason = :reason WHERE id = :id", at=at, by=by_id, reason=reason,
              id=record_id) != 1:
        raise RuleRefusal("void.not_written", id=record_id)


@frozen
class GivingBack:
    """What gives back entries of a visit (or one entry): the entries, and the count of
    notices withdrawn."""

    entries: tuple[BackEntry, ...]
    notices: int


@frozen
class BackEntry:
    id: int
    reverses: int
    staff: str
    delta: int


def giving_back(tx: Tx, visit_id: int | None, entry_id: int | None) -> GivingBack:
    """The entries that give back entries of ``visit_id`` (or ``entry_id``), and the notices
    withdrawn for the visit."""
    where, params = ("e.visit_id = :v", {"v": visit_id}) if visit_id is not None else (
        "e.reverses_id = :e", {"e": entry_id})
    entries = tuple(BackEntry(r["id"], r["reverses_id"], r["staff"], int(r["delta"]))
                    for r in tx.all(
        "SELECT e.id, e.reverses_id, s.name AS staff, e.delta FROM points_entry e"
        f" JOIN staff s ON s.id = e.staff_id WHERE {where} AND e.reverses_id IS NOT NULL"
        " ORDER BY e.id", **params))
    notices = int(tx.scalar("SELECT COUNT(*) FROM notice WHERE visit_id = :v AND kind = 'voided'",
                            v=visit_id) or 0) if visit_id is not None else 0
    return GivingBack(entries, notices)


def open_questions(tx: Tx, visit_id: int) -> int:
    """How many questions about the visit were still open (its void closes them)."""
    return int(tx.scalar("SELECT COUNT(*) FROM inspection WHERE visit_id = :v"
                         " AND status = 'open'", v=visit_id) or 0)


def reopen_plans(tx: Tx, visit_id: int) -> int:
    """A plan the voided visit had closed is open again: the visit still has to be made."""
    return tx.run("UPDATE planned_visit SET visit_id = NULL WHERE visit_id = :v", v=visit_id)


def scale_found_by(tx: Tx, visit_id: int) -> list[tuple[int, str, str | None, str | None]]:
    """(prospect, field, old, new) of the scale a visit found on site (JSON texts)."""
    return [(r["prospect_id"], r["field"], r["old_value"], r["new_value"]) for r in tx.all(
        "SELECT prospect_id, field, old_value, new_value FROM prospect_change"
        " WHERE visit_id = :v AND field IN ('employees', 'pcs') ORDER BY id", v=visit_id)]
