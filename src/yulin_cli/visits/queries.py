"""Queries of verification and visits: rounds, red-sea signals, planned and logged visits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from yulin_cli.clock import wall_clock
from yulin_cli.db import center_filter, rows_for
from yulin_cli.records import (
    PlannedVisit,
    Prospect,
    VerificationRound,
    Visit,
    VisitPhoto,
    join_list,
    split_list,
)

if TYPE_CHECKING:
    from yulin_cli.db import Tx


# --- verification rounds and red sea (Q1, Q2, Q18) ----------------------------------------------


_ROUNDS = (
    "SELECT r.id, r.prospect_id, r.round_no, r.staff_id, s.name AS by, r.pretext, r.result,"
    " r.address_confirmed, r.scale_checked, r.day, r.note, r.address_seen,"
    " r.employees_seen, r.pcs_seen, r.voided_at, vb.name AS voided_by, r.void_reason,"
    " r.recorded_by_login FROM verification_round r JOIN staff s ON s.id = r.staff_id"
    " LEFT JOIN staff vb ON vb.id = r.voided_by_id"
)


def rounds(tx: Tx, prospect_id: int) -> list[VerificationRound]:
    """Every round of a prospect, voided ones too (``show`` lists them struck through)."""
    return [VerificationRound.from_row(r) for r in tx.all(
        _ROUNDS + " WHERE r.prospect_id = :id ORDER BY r.round_no", id=prospect_id)]


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
        "employees_seen": seen.get("employees"), "pcs_seen": seen.get("pcs"),
        "recorded_at": wall_clock()})
    return number, round_id


def redsea_signals(tx: Tx, prospect_id: int) -> list[str]:
    """The signals standing on a prospect now (not withdrawn)."""
    return [s for s, _d, _b in standing_signals(tx, prospect_id)]


def standing_signals(tx: Tx, prospect_id: int) -> list[tuple[str, str | None, str | None]]:
    """(signal, day seen, who saw it) of each standing signal, in the order recorded."""
    return [(r["signal"], r["day"], r["by"]) for r in tx.all(
        "SELECT rs.signal, rs.day, s.name AS by FROM redsea_signal rs"
        " LEFT JOIN staff s ON s.id = rs.by_id WHERE rs.prospect_id = :id"
        " AND rs.cleared_on IS NULL ORDER BY rs.id", id=prospect_id)]


def add_redsea_signals(tx: Tx, prospect_id: int, signals: list[str], day: str,
                       by_id: int | None) -> None:
    tx.many("INSERT INTO redsea_signal (prospect_id, signal, day, by_id, recorded_at)"
            " VALUES (:prospect_id, :signal, :day, :by_id, :at)",
            [{"prospect_id": prospect_id, "signal": s, "day": day, "by_id": by_id,
              "at": wall_clock()} for s in signals])


def clear_redsea_signals(tx: Tx, prospect_id: int, day: str, by_id: int | None) -> int:
    """Withdraws every standing signal, dated: they stay on record."""
    return tx.run("UPDATE redsea_signal SET cleared_on = :day, cleared_by_id = :by"
                  " WHERE prospect_id = :id AND cleared_on IS NULL", day=day, by=by_id,
                  id=prospect_id)


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
        "failing_checks": join_list(values["failing_checks"]), "recorded_at": wall_clock()})
    tx.many("INSERT INTO visit_flag (visit_id, flag) VALUES (:visit_id, :flag)",
            [{"visit_id": visit_id, "flag": f} for f in flags])
    return visit_id


def visits(tx: Tx, prospect_id: int) -> list[Visit]:
    """Every visit of a prospect, voided ones too (see ``Visit.voided``)."""
    rows = tx.all(
        "SELECT v.id, v.prospect_id, v.day, v.staff_id, s.name AS by, v.kind, v.outcome, v.items,"
        " v.contacts, v.effective, v.failing_checks, v.note, v.voided_at, vb.name AS voided_by,"
        " v.void_reason, v.recorded_by_login FROM visit v JOIN staff s ON s.id = v.staff_id"
        " LEFT JOIN staff vb ON vb.id = v.voided_by_id WHERE v.prospect_id = :id"
        " ORDER BY v.day, v.id",
        id=prospect_id)
    flags: dict[int, list[str]] = {}
    for f in tx.all("SELECT vf.visit_id, vf.flag FROM visit_flag vf"
                    " JOIN visit v ON v.id = vf.visit_id WHERE v.prospect_id = :id"
                    " ORDER BY vf.id", id=prospect_id):
        flags.setdefault(f["visit_id"], []).append(f["flag"])
    photos = visit_photos(tx, prospect_id)
    return [Visit.from_row(r, tuple(flags.get(r["id"], ())), photos.get(r["id"], ()))
            for r in rows]


def captured_of(tx: Tx, prospect_ids: list[int], day: str
                ) -> dict[int, tuple[set[str], set[str]]]:
    """(survey items, contact details) the visits of each prospect up to ``day`` captured."""
    found: dict[int, tuple[set[str], set[str]]] = {pid: (set(), set()) for pid in prospect_ids}
    for row in rows_for(tx, "SELECT prospect_id, items, contacts FROM visit"
                        " WHERE prospect_id IN ({marks}) AND day <= :day"
                        " AND voided_at IS NULL", prospect_ids, day=day):
        items, contacts = found[row["prospect_id"]]
        items.update(split_list(row["items"]))
        contacts.update(split_list(row["contacts"]))
    return found


def fix_context(tx: Tx, prospect: Prospect) -> dict[str, Any]:
    """The names and numbers a suggested command needs, so that it runs as printed: the
    finder, a manager of the centre, the visit that found the prospect substandard (not yet
    settled), and the direct-sales project on the same company."""
    context: dict[str, Any] = {"finder": prospect.sourced_by}
    managers = [r["name"] for r in tx.all(
        "SELECT name, roles FROM staff WHERE center_id = :c ORDER BY id", c=prospect.center_id)
        if "manager" in split_list(r["roles"])]
    if managers:
        context["manager"] = managers[0]
    from yulin_cli.outcomes.queries import unsettled_finding

    visit = unsettled_finding(tx, prospect.id)
    if visit is not None:
        context["visit"] = visit
    project = tx.one("SELECT id FROM direct_sales_project WHERE name_key = :k AND city = :c"
                     " ORDER BY id DESC LIMIT 1", k=prospect.name_key, c=prospect.city)
    if project:
        context["project"] = project["id"]
    return context


def suburban_unvisited(tx: Tx, center: str | None) -> list[tuple[int, str | None]]:
    """(id, district) of suburban prospects with no visit yet and no open plan (Q6)."""
    params: dict[str, Any] = {"yes": True}
    where = center_filter(center, params)
    return [(r["id"], r["district"]) for r in tx.all(
        "SELECT p.id, p.district FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id"
        " WHERE p.suburban = :yes AND p.merged_into IS NULL AND p.duplicate_of IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.prospect_id = p.id"
        " AND v.voided_at IS NULL)"
        " AND NOT EXISTS (SELECT 1 FROM planned_visit pv WHERE pv.prospect_id = p.id"
        f" AND pv.visit_id IS NULL){where} ORDER BY p.id", **params)]


# --- proof: photos and their flags (Q15) --------------------------------------------------------


def photo_uses(tx: Tx, hashes: list[str]) -> dict[str, int]:
    """Each of ``hashes`` already recorded, with the earliest visit that used it (a voided
    visit's photos count for nothing: the visit is as if never logged)."""
    if not hashes:
        return {}
    marks = ", ".join(f":h{i}" for i in range(len(hashes)))
    return {r["sha256"]: int(r["visit_id"]) for r in tx.all(
        "SELECT ph.sha256, MIN(ph.visit_id) AS visit_id FROM visit_photo ph"
        " JOIN visit v ON v.id = ph.visit_id"
        f" WHERE ph.sha256 IN ({marks}) AND v.voided_at IS NULL"
        " GROUP BY ph.sha256", **{f"h{i}": h for i, h in enumerate(hashes)})}


def add_photos(tx: Tx, visit_id: int, photos: list[dict[str, Any]]) -> None:
    tx.many("INSERT INTO visit_photo (visit_id, sha256, size, path, taken_at, latitude,"
            " longitude) VALUES (:visit_id, :sha256, :size, :path, :taken_at, :latitude,"
            " :longitude)", [{**p, "visit_id": visit_id} for p in photos])


def add_flags(tx: Tx, visit_id: int, flags: tuple[tuple[str, str], ...]) -> None:
    """Flags with what raised each (the other visit, the photo's date, the distance)."""
    tx.many("INSERT INTO visit_flag (visit_id, flag, detail) VALUES (:visit_id, :flag, :detail)",
            [{"visit_id": visit_id, "flag": f, "detail": d or None} for f, d in flags])


def visit_photos(tx: Tx, prospect_id: int) -> dict[int, tuple[VisitPhoto, ...]]:
    """The photos of a prospect's visits, by visit."""
    found: dict[int, list[VisitPhoto]] = {}
    for r in tx.all("SELECT ph.visit_id, ph.sha256, ph.size, ph.path, ph.taken_at, ph.latitude,"
                    " ph.longitude FROM visit_photo ph JOIN visit v ON v.id = ph.visit_id"
                    " WHERE v.prospect_id = :id ORDER BY ph.id", id=prospect_id):
        found.setdefault(r["visit_id"], []).append(VisitPhoto.from_row(r))
    return {k: tuple(v) for k, v in found.items()}


def add_planned_visits(tx: Tx, plans: list[dict[str, Any]]) -> None:
    """Several planned visits at once: (prospect_id, visitor_id, day) each."""
    tx.many("INSERT INTO planned_visit (prospect_id, visitor_id, day, visit_id)"
            " VALUES (:prospect_id, :visitor_id, :day, NULL)", plans)


# --- calendars ------------------------------------------------------------------------------


def database_identity(tx: Tx) -> str:
    """A short name of this database that its copies keep: from when its first policy version
    was made (``copy`` and the whole-team workbook carry it over)."""
    import hashlib

    first = tx.scalar("SELECT set_at FROM policy_version ORDER BY id LIMIT 1") or ""
    return hashlib.sha256(f"yulin:{first}".encode()).hexdigest()[:12]


def plans_for(tx: Tx, pairs: list[tuple[int, str]], visitor_id: int | None
              ) -> dict[tuple[int, str], int]:
    """The plan booked for each (prospect, day) — the visitor's when given, else the first."""
    if not pairs:
        return {}
    found: dict[tuple[int, str], int] = {}
    for row in rows_for(tx, "SELECT id, prospect_id, day, visitor_id FROM planned_visit"
                            " WHERE prospect_id IN ({marks}) ORDER BY id",
                        sorted({p for p, _d in pairs})):
        key = (row["prospect_id"], row["day"])
        if visitor_id is not None and row["visitor_id"] != visitor_id:
            continue
        found.setdefault(key, row["id"])
    return found


def _moment(text: str | None) -> Any:
    """A stored stamp as an aware datetime: UTC stamps carry their offset; wall-clock ones
    (``YYYY-MM-DDTHH:MM:SS``) are China's time."""
    import datetime as dt

    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def calendar_versions(tx: Tx, prospect_ids: list[int]) -> dict[int, tuple[int, Any]]:
    """For each prospect, (how many records were made about it, when the latest was): a
    calendar event's SEQUENCE and LAST-MODIFIED. Every count only grows."""
    out: dict[int, tuple[int, Any]] = {}
    if not prospect_ids:
        return out
    parts = (
        "SELECT id AS pid, created_at AS at, 0 AS n FROM prospect WHERE id IN ({marks})",
        "SELECT prospect_id, at, 1 FROM prospect_change WHERE prospect_id IN ({marks})",
        "SELECT prospect_id, recorded_at, 1 FROM verification_round"
        " WHERE prospect_id IN ({marks})",
        "SELECT prospect_id, voided_at, 1 FROM verification_round"
        " WHERE voided_at IS NOT NULL AND prospect_id IN ({marks})",
        "SELECT prospect_id, recorded_at, 1 FROM visit WHERE prospect_id IN ({marks})",
        "SELECT prospect_id, voided_at, 1 FROM visit"
        " WHERE voided_at IS NOT NULL AND prospect_id IN ({marks})",
        "SELECT prospect_id, recorded_at, 1 FROM redsea_signal WHERE prospect_id IN ({marks})",
        "SELECT prospect_id, cleared_on, 1 FROM redsea_signal"
        " WHERE cleared_on IS NOT NULL AND prospect_id IN ({marks})",
    )
    for sql in parts:
        for row in rows_for(tx, sql, sorted(set(prospect_ids))):
            values = list(row.values())
            pid, at, n = int(values[0]), _moment(values[1]), int(values[2])
            count, latest = out.get(pid, (0, None))
            if at is not None and (latest is None or at > latest):
                latest = at
            out[pid] = (count + n, latest)
    return out


def followups(tx: Tx, prospect_id: int) -> list[tuple[str, str]]:
    """The live follow-ups of a prospect (Q5), as (occasion, day), oldest first."""
    return [(str(r["followup"]), str(r["day"])) for r in tx.all(
        "SELECT followup, day FROM visit WHERE prospect_id = :p AND kind = 'followup'"
        " AND followup IS NOT NULL AND voided_at IS NULL ORDER BY day, id", p=prospect_id)]
