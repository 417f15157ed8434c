"""What the rules judge on, read for many prospects and visits in a fixed number of queries; and
the outcomes the database keeps for visits, read and written row by row as the rules derive
them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.db import fits_id, rows_for, tuples_for
from yulin_cli.frozen import frozen
from yulin_cli.records import Prospect, VerificationRound, split_list
from yulin_cli.sql_rules import FOUND_SUBSTANDARD_SQL, REDSEA_COUNT_SQL

if TYPE_CHECKING:
    from yulin_cli.db import Tx


# A prospect as a record: its facts, its finder and centre, and what the rules read besides
# (``prospects.queries`` reads one and lists them with it).
PROSPECT_SELECT = (
    "SELECT p.*, s.name AS sourced_by, s.center_id, c.city AS center_city, c.name AS center,"
    f" CASE WHEN {FOUND_SUBSTANDARD_SQL} THEN 1 ELSE 0 END AS found_substandard,"
    f" {REDSEA_COUNT_SQL} AS redsea_count"
    " FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
    " JOIN center c ON c.id = s.center_id"
)


def prospects_of(tx: Tx, prospect_ids: list[int]) -> dict[int, Prospect]:
    """Many prospects by id, in a few queries (ids that name nothing are left out)."""
    return {row["id"]: Prospect.from_row(row) for row in rows_for(
        tx, PROSPECT_SELECT + " WHERE p.id IN ({marks})", [i for i in prospect_ids if fits_id(i)])}


# --- the facts a prospect is judged on ----------------------------------------------------------

_ROUNDS = (
    "SELECT r.id, r.prospect_id, r.round_no, r.staff_id, s.name AS by, r.pretext, r.result,"
    " r.address_confirmed, r.scale_checked, r.day, r.note, r.address_seen,"
    " r.employees_seen, r.pcs_seen, r.voided_at, vb.name AS voided_by, r.void_reason,"
    " r.recorded_by_login FROM verification_round r JOIN staff s ON s.id = r.staff_id"
    " LEFT JOIN staff vb ON vb.id = r.voided_by_id"
)


def live_rounds_of(tx: Tx, prospect_ids: list[int]) -> dict[int, list[VerificationRound]]:
    """The rounds that count (not voided) of many prospects, by prospect."""
    found: dict[int, list[VerificationRound]] = {pid: [] for pid in prospect_ids}
    for row in rows_for(tx, _ROUNDS + " WHERE r.prospect_id IN ({marks})"
                        " AND r.voided_at IS NULL ORDER BY r.round_no", prospect_ids):
        found[row["prospect_id"]].append(VerificationRound.from_row(row))
    return found


def round_facts_of(tx: Tx, prospects: Sequence[Prospect]) -> dict[int, tuple[rules.Round, ...]]:
    """The rounds that count of many prospects as the rules see them, in order: read narrow,
    as ``facts_of`` needs them for every planned visit of a day (``live_rounds_of`` reads
    whole records, with names, for people to read)."""
    source = {p.id: p.sourced_by_id for p in prospects}
    found: dict[int, list[rules.Round]] = {pid: [] for pid in source}
    for (pid, staff, pretext, result, address, scale, day, seq, seen, employees,
         pcs) in tuples_for(
            tx, "SELECT prospect_id, staff_id, pretext, result, address_confirmed,"
            " scale_checked, day, id, address_seen, employees_seen, pcs_seen"
            " FROM verification_round WHERE prospect_id IN ({marks}) AND voided_at IS NULL"
            " ORDER BY round_no", list(source)):
        found[pid].append(rules.Round(
            by_source=staff == source[pid], pretext=pretext, result=result,
            address=bool(address), scale=bool(scale), day=day, seq=seq, address_seen=seen,
            employees_seen=employees, pcs_seen=pcs))
    return {pid: tuple(rounds) for pid, rounds in found.items()}


def signals_of(tx: Tx, prospect_ids: list[int]) -> dict[int, list[rules.Signal]]:
    """Every red-sea signal recorded on each prospect, standing or withdrawn (Q18)."""
    found: dict[int, list[rules.Signal]] = {pid: [] for pid in prospect_ids}
    for row in rows_for(tx, "SELECT prospect_id, signal, day, cleared_on FROM redsea_signal"
                        " WHERE prospect_id IN ({marks}) ORDER BY id", prospect_ids):
        found[row["prospect_id"]].append(rules.Signal(row["signal"], row["day"],
                                                      row["cleared_on"]))
    return found


def substandard_visits_of(tx: Tx, prospect_ids: list[int]
                          ) -> tuple[dict[int, list[tuple[str, int]]], set[int]]:
    """(day, visit id) of the visits that found each prospect below the standard, unless the
    finding was overturned, the visit found never to have happened as logged, or voided
    (``sql_rules.FOUND_SUBSTANDARD_SQL`` says the same); and which of those visits an
    inspection upheld (their finding stands for good)."""
    found: dict[int, list[tuple[str, int]]] = {pid: [] for pid in prospect_ids}
    upheld: set[int] = set()
    for row in rows_for(
            tx, "SELECT sv.prospect_id, sv.day, sv.id, CASE WHEN EXISTS (SELECT 1 FROM"
            " inspection si WHERE si.visit_id = sv.id AND si.status = 'upheld') THEN 1"
            " ELSE 0 END AS upheld FROM visit sv"
            " WHERE sv.prospect_id IN ({marks})"
            " AND sv.outcome = 'substandard' AND sv.voided_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM inspection si WHERE si.visit_id = sv.id"
            " AND si.status IN ('overturned', 'unproven')) ORDER BY sv.day, sv.id",
            prospect_ids):
        found[row["prospect_id"]].append((row["day"], row["id"]))
        if row["upheld"]:
            upheld.add(row["id"])
    return found, upheld


def _settled(visits: list[tuple[str, int]], upheld: set[int]) -> bool:
    """An inspection upheld one of the standing findings: the prospect stays substandard
    whatever the others become, so nothing is left to overturn."""
    return any(v in upheld for _day, v in visits)


def unsettled_finding(tx: Tx, prospect_id: int) -> int | None:
    """The latest visit whose finding of substandard stands and may still be overturned: none
    when an inspection upheld any standing finding (the prospect stays substandard whatever
    the others become), or when there is no standing finding."""
    found, upheld = substandard_visits_of(tx, [prospect_id])
    visits = found[prospect_id]
    if not visits or _settled(visits, upheld):
        return None
    return visits[-1][1]


def _history_value(field: str, text: str | None) -> object:
    if text is None:
        return None
    value = json.loads(text)
    return tuple(value) if field == "location" and value is not None else value


def changes_of(tx: Tx, prospect_ids: list[int]) -> dict[int, list[rules.FactChange]]:
    """The history of the facts the rules read, by prospect, oldest first."""
    found: dict[int, list[rules.FactChange]] = {pid: [] for pid in prospect_ids}
    wanted = rules.HISTORY_FIELDS
    for row in rows_for(tx, "SELECT id, prospect_id, field, old_value, day, visit_id"
                        " FROM prospect_change WHERE prospect_id IN ({marks})"
                        " ORDER BY day, id", prospect_ids):
        if row["field"] in wanted:
            found[row["prospect_id"]].append(rules.FactChange(
                row["field"], _history_value(row["field"], row["old_value"]), row["day"],
                row["id"], row["visit_id"]))
    return found


def direct_projects_of(tx: Tx, keys: list[tuple[str, str]]) -> dict[tuple[str, str],
                                                                    tuple[str, str]]:
    """(contact, status) of the latest direct-sales project on each (name key, city)."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for row in rows_for(tx, "SELECT name_key, city, contact, status FROM direct_sales_project"
                        " WHERE name_key IN ({marks}) ORDER BY id", [k for k, _c in keys]):
        found[(row["name_key"], row["city"])] = (row["contact"], row["status"])
    return found


def facts_of(tx: Tx, prospects: Sequence[Prospect], *, rounds: bool = True
             ) -> dict[int, rules.ProspectFacts]:
    """The facts readiness and outcomes are judged on, with their history, for many prospects
    in a fixed number of queries (``rounds`` False: without the rounds, which only readiness
    reads). Voided rounds and visits are left out: they count nowhere."""
    ids = [p.id for p in prospects]
    made = round_facts_of(tx, prospects) if rounds else {}
    signals = signals_of(tx, ids)
    substandard, upheld = substandard_visits_of(tx, ids)
    changes = changes_of(tx, ids)
    projects = direct_projects_of(tx, [(p.name_key, p.city) for p in prospects])
    facts = {}
    for p in prospects:
        recorded = signals[p.id]
        facts[p.id] = rules.ProspectFacts(
            employees=p.employees, pcs=p.pcs, city=p.city, center_city=p.center_city,
            suburban=p.suburban, address=p.address, contact_surname=p.contact_surname,
            landline=p.landline, in_selection=p.in_selection,
            redsea_signals=tuple(s.signal for s in recorded if s.cleared_on is None),
            rounds=made.get(p.id, ()),
            direct_sales=projects.get((p.name_key, p.city)),
            substandard_days=tuple(d for d, _v in substandard[p.id]),
            district=p.district, sourced_by_id=p.sourced_by_id,
            existing_customer=p.existing_customer, location=p.location,
            changes=tuple(changes[p.id]), signals=tuple(recorded),
            substandard_visits=tuple(substandard[p.id]),
            substandard_settled=_settled(substandard[p.id], upheld),
        )
    return facts


# --- logged visits, and what they are judged against -------------------------------------------


def prospect_facts(tx: Tx, prospect: Prospect) -> rules.ProspectFacts:
    """One prospect's facts (``facts_of`` for one)."""
    return facts_of(tx, [prospect])[prospect.id]


@frozen
class VisitRow:
    id: int
    prospect_id: int
    staff_id: int
    day: str
    kind: str
    outcome: str
    items: tuple[str, ...]
    contacts: tuple[str, ...]
    voided_at: str | None
    voided_by_id: int | None
    void_reason: str | None
    # What is stored for it now (compared with what the rules derive).
    effective: bool = False
    failing_checks: tuple[str, ...] = ()


_VISITS = ("SELECT v.id, v.prospect_id, v.staff_id, v.day, v.kind, v.outcome, v.items,"
           " v.contacts, v.voided_at, v.voided_by_id, v.void_reason, v.effective,"
           " v.failing_checks FROM visit v")


def visits_by_id(tx: Tx, visit_ids: Iterable[int]) -> list[VisitRow]:
    return [VisitRow(vid, pid, staff, day, kind, outcome, split_list(items),
                     split_list(contacts), voided_at, voided_by, why, bool(effective),
                     split_list(failing))
            for (vid, pid, staff, day, kind, outcome, items, contacts, voided_at, voided_by,
                 why, effective, failing)
            in tuples_for(tx, _VISITS + " WHERE v.id IN ({marks})", sorted(set(visit_ids)))]


def closure(tx: Tx, seeds: Iterable[int]) -> set[int]:
    """The visits whose outcome may change with those of ``seeds``: every visit of the same
    prospects (a finding changes readiness), of the same visitor and day (a planned visit
    finishes the day's plan before a sweep), the sweeps of the same company and day (the first
    earns) and the visits sharing a photo (a photo used twice)."""
    ids = sorted(set(seeds))
    if not ids:
        return set()
    out = set(ids)
    rows = rows_for(tx, "SELECT v.id, v.prospect_id, v.staff_id, v.day, v.kind,"
                    " COALESCE(p.duplicate_of, p.id) AS company FROM visit v"
                    " JOIN prospect p ON p.id = v.prospect_id WHERE v.id IN ({marks})", ids)
    prospects = sorted({r["prospect_id"] for r in rows})
    out |= {r["id"] for r in rows_for(tx, "SELECT id FROM visit WHERE prospect_id IN ({marks})",
                                      prospects)}
    days = sorted({r["day"] for r in rows})
    people = {(r["staff_id"], r["day"]) for r in rows}
    companies = {(r["company"], r["day"]) for r in rows}
    for r in rows_for(tx, "SELECT v.id, v.staff_id, v.day, v.kind,"
                      " COALESCE(p.duplicate_of, p.id) AS company FROM visit v"
                      " JOIN prospect p ON p.id = v.prospect_id WHERE v.day IN ({marks})",
                      days):
        if (r["staff_id"], r["day"]) in people or (
                r["kind"] == "sweep" and (r["company"], r["day"]) in companies):
            out.add(r["id"])
    hashes = [r["sha256"] for r in rows_for(
        tx, "SELECT DISTINCT sha256 FROM visit_photo WHERE visit_id IN ({marks})", ids)]
    out |= {r["visit_id"] for r in rows_for(
        tx, "SELECT visit_id FROM visit_photo WHERE sha256 IN ({marks})", hashes)}
    return out


def photos_of(tx: Tx, visit_ids: list[int]) -> dict[int, list[rules.Photo]]:
    found: dict[int, list[rules.Photo]] = {}
    for r in rows_for(tx, "SELECT visit_id, sha256, taken_at, latitude, longitude"
                      " FROM visit_photo WHERE visit_id IN ({marks}) ORDER BY id", visit_ids):
        position = ((r["latitude"], r["longitude"]) if r["latitude"] is not None
                    and r["longitude"] is not None else None)
        found.setdefault(r["visit_id"], []).append(rules.Photo(r["sha256"], r["taken_at"],
                                                               position))
    return found


def photo_users(tx: Tx, hashes: list[str]) -> dict[str, list[int]]:
    """The live visits that used each photo, by hash, in the order they were recorded."""
    found: dict[str, list[int]] = {}
    for r in rows_for(tx, "SELECT ph.sha256, ph.visit_id FROM visit_photo ph"
                      " JOIN visit v ON v.id = ph.visit_id WHERE ph.sha256 IN ({marks})"
                      " AND v.voided_at IS NULL ORDER BY ph.visit_id", hashes):
        users = found.setdefault(r["sha256"], [])
        if r["visit_id"] not in users:
            users.append(r["visit_id"])
    return found


def questions_of(tx: Tx, visit_ids: list[int]
                 ) -> tuple[dict[int, list[rules.Verdict]], dict[int, set[str]]]:
    """Each visit's answered questions (facts) and its open ones (an outcome), in one read."""
    answered: dict[int, list[rules.Verdict]] = {}
    open_: dict[int, set[str]] = {}
    for visit_id, question, status, decided_on, decided_at, decided_by in tuples_for(
            tx, "SELECT visit_id, question, status, decided_on, decided_at, decided_by"
            " FROM inspection WHERE visit_id IN ({marks}) ORDER BY id", visit_ids):
        if status == "open":
            open_.setdefault(visit_id, set()).add(question)
            continue
        day = decided_on or ""
        answered.setdefault(visit_id, []).append(rules.Verdict(
            question, status, day, decided_at or f"{day}T99", decided_by))
    return answered, open_


@frozen
class PlanRow:
    visitor_id: int
    day: str
    visit_id: int | None
    district: str | None


def plans_of(tx: Tx, people_days: set[tuple[int, str]]) -> dict[tuple[int, str], list[PlanRow]]:
    """The planned visits of each (visitor, day), with each company's district (Q12): one
    probe of the (visitor, day) index per pair, many pairs a query. Past about 300 pairs
    SQLite's planner prefers building an index of every plan to using the one it has, so the
    pairs go 200 a query."""
    found: dict[tuple[int, str], list[PlanRow]] = {}
    pairs = sorted(people_days)
    for start in range(0, len(pairs), 200):
        chunk = pairs[start:start + 200]
        values = ", ".join(f"(:s{i}, :d{i})" for i in range(len(chunk)))
        params: dict[str, Any] = {}
        for i, (staff_id, day) in enumerate(chunk):
            params[f"s{i}"], params[f"d{i}"] = staff_id, day
        for visitor_id, day, visit_id, district in tx.rows(
                f"WITH pairs (visitor_id, day) AS (VALUES {values})"
                " SELECT pv.visitor_id, pv.day, pv.visit_id, p.district FROM pairs"
                " JOIN planned_visit pv ON pv.visitor_id = pairs.visitor_id"
                " AND pv.day = pairs.day JOIN prospect p ON p.id = pv.prospect_id", **params):
            found.setdefault((visitor_id, day), []).append(
                PlanRow(visitor_id, day, visit_id, district))
    return found


def origins_of(tx: Tx, visit_ids: list[int]) -> dict[int, int]:
    """The prospect each merged-in visit was recorded on, before a merge moved it (a finding
    costs whoever vouched for that record)."""
    found: dict[int, int] = {}
    for r in rows_for(tx, "SELECT mm.row_id, pm.drop_id FROM merge_moved mm"
                      " JOIN prospect_merge pm ON pm.id = mm.merge_id"
                      " WHERE mm.table_name = 'visit' AND pm.unmerged_at IS NULL"
                      " AND mm.row_id IN ({marks}) ORDER BY pm.id DESC", visit_ids):
        found[r["row_id"]] = r["drop_id"]  # the earliest merge wins: it saw the visit first
    return found


def companies_of(tx: Tx, prospect_ids: list[int]) -> dict[int, int]:
    """Each prospect's company: the prospect it duplicates, or itself (Q8)."""
    return {r["id"]: r["company"] for r in rows_for(
        tx, "SELECT id, COALESCE(duplicate_of, id) AS company FROM prospect"
        " WHERE id IN ({marks})", prospect_ids)}


def staff_names(tx: Tx) -> dict[int, tuple[str, bool]]:
    """Every person by id: (name, is a manager)."""
    return {r["id"]: (r["name"], "manager" in split_list(r["roles"]))
            for r in tx.all("SELECT id, name, roles FROM staff")}


# --- what is stored ------------------------------------------------------------------------------


def stored_flags(tx: Tx, visit_ids: list[int]) -> dict[int, list[tuple[int, str, str]]]:
    """(row id, flag, detail) of each visit's flags, in the order raised."""
    found: dict[int, list[tuple[int, str, str]]] = {}
    for row_id, visit_id, flag, detail in tuples_for(
            tx, "SELECT id, visit_id, flag, detail FROM visit_flag WHERE visit_id IN ({marks})"
            " ORDER BY id", visit_ids):
        found.setdefault(visit_id, []).append((row_id, flag, detail or ""))
    return found


@frozen
class StoredEntry:
    id: int
    key: str
    staff_id: int
    day: str
    delta: int
    rule: str
    prospect_id: int | None
    visit_id: int | None
    reason: str | None
    by_id: int | None
    reverses_id: int | None
    voided_at: str | None = None
    voided_by_id: int | None = None
    void_reason: str | None = None


_ENTRY = ("SELECT id, derived_key AS key, staff_id, day, delta, rule, prospect_id, visit_id,"
          " reason, by_id, reverses_id, voided_at, voided_by_id, void_reason FROM points_entry")


def stored_entries(tx: Tx, visit_ids: list[int]) -> list[StoredEntry]:
    """The entries of these visits: every one is rule-made (an adjustment names no visit)."""
    return [StoredEntry(*r) for r in tuples_for(
        tx, _ENTRY + " WHERE visit_id IN ({marks}) ORDER BY id", visit_ids)]


@frozen
class StoredNotice:
    id: int
    key: str | None
    staff_id: int
    day: str
    kind: str
    delta: int
    rule: str
    prospect_id: int | None
    visit_id: int | None
    reverses_id: int | None


def stored_notices(tx: Tx, visit_ids: list[int]) -> list[StoredNotice]:
    return [StoredNotice(*r) for r in tuples_for(
        tx, "SELECT id, derived_key AS key, staff_id, day, kind, delta, rule, prospect_id,"
        " visit_id, reverses_id FROM notice WHERE visit_id IN ({marks}) ORDER BY id",
        visit_ids)]


def adjustments(tx: Tx, entry_ids: list[int] | None = None) -> list[StoredEntry]:
    """Managers' adjustments (facts), with their voids."""
    where = " AND id IN ({marks})" if entry_ids is not None else ""
    sql = _ENTRY + " WHERE derived_key IS NULL AND rule = 'adjustment'" + where + " ORDER BY id"
    rows = rows_for(tx, sql, entry_ids) if entry_ids is not None else tx.all(sql)
    return [StoredEntry(**{**r, "key": ""}) for r in rows]


def stored_adjustment_reversals(tx: Tx, entry_ids: list[int]) -> list[StoredEntry]:
    return [StoredEntry(**r) for r in rows_for(
        tx, _ENTRY + " WHERE reverses_id IN ({marks}) AND derived_key LIKE 'entry:%'",
        entry_ids)]


# --- writing what the rules derive --------------------------------------------------------------


def set_visit(tx: Tx, visit_id: int, effective: bool, failing: tuple[str, ...]) -> None:
    tx.run("UPDATE visit SET effective = :e, failing_checks = :f WHERE id = :id", e=effective,
           f=",".join(failing), id=visit_id)


def replace_flags(tx: Tx, visit_id: int, flags: tuple[tuple[str, str], ...]) -> None:
    tx.run("DELETE FROM visit_flag WHERE visit_id = :v", v=visit_id)
    tx.many("INSERT INTO visit_flag (visit_id, flag, detail) VALUES (:visit_id, :flag, :detail)",
            [{"visit_id": visit_id, "flag": f, "detail": d or None} for f, d in flags])


def open_question(tx: Tx, visit_id: int, question: str) -> None:
    tx.insert("inspection", {"visit_id": visit_id, "question": question, "status": "open",
                             "flags": ""})


def close_question(tx: Tx, visit_id: int, question: str) -> None:
    tx.run("DELETE FROM inspection WHERE visit_id = :v AND question = :q AND status = 'open'",
           v=visit_id, q=question)


def insert_entry(tx: Tx, values: dict[str, Any]) -> int:
    return tx.insert("points_entry", values)


def update_entry(tx: Tx, entry_id: int, values: dict[str, Any]) -> None:
    sets = ", ".join(f"{k} = :{k}" for k in values)
    tx.run(f"UPDATE points_entry SET {sets} WHERE id = :id", id=entry_id, **values)


def delete_entries(tx: Tx, ids: list[int]) -> None:
    if ids:
        rows_for(tx, "DELETE FROM points_entry WHERE id IN ({marks})", ids)


def insert_notice(tx: Tx, values: dict[str, Any]) -> int:
    return tx.insert("notice", values)


def update_notice(tx: Tx, notice_id: int, values: dict[str, Any]) -> None:
    sets = ", ".join(f"{k} = :{k}" for k in values)
    tx.run(f"UPDATE notice SET {sets} WHERE id = :id", id=notice_id, **values)


def delete_notices(tx: Tx, ids: list[int]) -> None:
    if ids:
        rows_for(tx, "DELETE FROM notice WHERE id IN ({marks})", ids)
