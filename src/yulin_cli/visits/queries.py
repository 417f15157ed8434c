"""Queries of verification and visits: rounds, red-sea signals, planned and logged visits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from yulin_cli.db import center_filter
from yulin_cli.records import PlannedVisit, VerificationRound, Visit, join_list

if TYPE_CHECKING:
    from yulin_cli.db import Tx


# --- verification rounds and red sea (Q1, Q2, Q18) ----------------------------------------------


def rounds(tx: Tx, prospect_id: int) -> list[VerificationRound]:
    return [VerificationRound.from_row(r) for r in tx.all(
        "SELECT r.id, r.round_no, r.staff_id, s.name AS by, r.pretext, r.result,"
        " r.address_confirmed, r.scale_checked, r.day, r.note, r.address_seen,"
        " r.employees_seen, r.pcs_seen, r.recorded_by_login FROM verification_round r"
        " JOIN staff s ON s.id = r.staff_id WHERE r.prospect_id = :id ORDER BY r.round_no",
        id=prospect_id)]


def add_round(tx: Tx, values: dict[str, Any]) -> tuple[int, int]:
    """Stores the round with the facts it confirms, as recorded now; returns (round number,
    id). The finding call is round 1."""
    last = tx.scalar("SELECT MAX(round_no) FROM verification_round WHERE prospect_id = :id",
                     id=values["prospect_id"])
    number = int(last or 1) + 1
    seen = tx.one("SELECT address, employees, pcs FROM prospect WHERE id = :id",
                  id=values["prospect_id"]) or {}
    round_id = tx.insert("verification_round", {
        **values, "round_no": number, "address_seen": seen.get("address"),
        "employees_seen": seen.get("employees"), "pcs_seen": seen.get("pcs")})
    return number, round_id


def redsea_signals(tx: Tx, prospect_id: int) -> list[str]:
    rows = tx.all("SELECT signal FROM redsea_signal WHERE prospect_id = :id ORDER BY id",
                  id=prospect_id)
    return [r["signal"] for r in rows]


def replace_redsea_signals(tx: Tx, prospect_id: int, signals: list[str]) -> None:
    """The signals seen replace the earlier ones; the prospect is in a selection now."""
    tx.run("DELETE FROM redsea_signal WHERE prospect_id = :id", id=prospect_id)
    tx.many("INSERT INTO redsea_signal (prospect_id, signal) VALUES (:prospect_id, :signal)",
            [{"prospect_id": prospect_id, "signal": s} for s in signals])
    tx.run("UPDATE prospect SET in_selection = :yes WHERE id = :id", yes=True, id=prospect_id)


# --- planned and logged visits (Q2, Q7, Q12, Q15) -----------------------------------------------


def add_planned_visit(tx: Tx, prospect_id: int, visitor_id: int, day: str) -> int:
    return tx.insert("planned_visit", {"prospect_id": prospect_id, "visitor_id": visitor_id,
                                       "day": day, "visit_id": None})


_PLANS = (
    "SELECT pv.id, pv.prospect_id, pv.day, s.name AS visitor, pv.visit_id, p.district,"
    " pv.recorded_by_login"
    " FROM planned_visit pv JOIN staff s ON s.id = pv.visitor_id"
    " JOIN prospect p ON p.id = pv.prospect_id"
)


def day_plans(tx: Tx, visitor_id: int, day: str) -> list[PlannedVisit]:
    """A visitor's planned visits of one day, with each company's district (Q12)."""
    return [PlannedVisit.from_row(r) for r in tx.all(
        _PLANS + " WHERE pv.visitor_id = :v AND pv.day = :d ORDER BY pv.id", v=visitor_id,
        d=day)]


def planned_visits(tx: Tx, prospect_id: int) -> list[PlannedVisit]:
    return [PlannedVisit.from_row(r) for r in tx.all(
        _PLANS + " WHERE pv.prospect_id = :id ORDER BY pv.day, pv.id", id=prospect_id)]


def close_planned_visit(tx: Tx, prospect_id: int, visitor_id: int, day: str, visit_id: int) -> None:
    """Marks the earliest matching open plan as done by this visit."""
    plan = tx.scalar(
        "SELECT MIN(id) FROM planned_visit WHERE prospect_id = :p AND visitor_id = :v"
        " AND day = :d AND visit_id IS NULL", p=prospect_id, v=visitor_id, d=day)
    if plan is not None:
        tx.run("UPDATE planned_visit SET visit_id = :visit WHERE id = :id", visit=visit_id,
               id=plan)


def add_visit(tx: Tx, values: dict[str, Any], flags: tuple[str, ...]) -> int:
    visit_id = tx.insert("visit", {
        **values, "items": join_list(values["items"]), "contacts": join_list(values["contacts"]),
        "failing_checks": join_list(values["failing_checks"])})
    tx.many("INSERT INTO visit_flag (visit_id, flag) VALUES (:visit_id, :flag)",
            [{"visit_id": visit_id, "flag": f} for f in flags])
    return visit_id


def visits(tx: Tx, prospect_id: int) -> list[Visit]:
    rows = tx.all(
        "SELECT v.id, v.prospect_id, v.day, v.staff_id, s.name AS by, v.kind, v.outcome, v.items,"
        " v.contacts, v.effective, v.failing_checks, v.note, v.recorded_by_login FROM visit v"
        " JOIN staff s ON s.id = v.staff_id WHERE v.prospect_id = :id ORDER BY v.day, v.id",
        id=prospect_id)
    flags: dict[int, list[str]] = {}
    for f in tx.all("SELECT vf.visit_id, vf.flag FROM visit_flag vf"
                    " JOIN visit v ON v.id = vf.visit_id WHERE v.prospect_id = :id"
                    " ORDER BY vf.id", id=prospect_id):
        flags.setdefault(f["visit_id"], []).append(f["flag"])
    return [Visit.from_row(r, tuple(flags.get(r["id"], ()))) for r in rows]


def substandard_days(tx: Tx, prospect_id: int) -> list[str]:
    """Days of the visits that found the prospect below the standard, unless overturned."""
    rows = tx.all(
        "SELECT sv.day FROM visit sv WHERE sv.prospect_id = :id AND sv.outcome = 'substandard'"
        " AND NOT EXISTS (SELECT 1 FROM inspection si WHERE si.visit_id = sv.id"
        " AND si.status = 'overturned') ORDER BY sv.day", id=prospect_id)
    return [r["day"] for r in rows]


def suburban_unvisited(tx: Tx, center: str | None) -> list[tuple[int, str | None]]:
    """(id, district) of suburban prospects with no visit yet and no open plan (Q6)."""
    params: dict[str, Any] = {"yes": True}
    where = center_filter(center, params)
    return [(r["id"], r["district"]) for r in tx.all(
        "SELECT p.id, p.district FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id"
        " WHERE p.suburban = :yes AND p.merged_into IS NULL AND p.duplicate_of IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.prospect_id = p.id)"
        " AND NOT EXISTS (SELECT 1 FROM planned_visit pv WHERE pv.prospect_id = p.id"
        f" AND pv.visit_id IS NULL){where} ORDER BY p.id", **params)]
