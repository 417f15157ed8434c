"""The team's queries: centres, staff, the points ledger and notice board, inspections."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from yulin_cli.db import center_filter, fits_id
from yulin_cli.errors import BadInput
from yulin_cli.frozen import frozen
from yulin_cli.records import Center, Notice, StaffMember, Voiding, join_list, split_list
from yulin_cli.rules import entry_clause, normalise_city

if TYPE_CHECKING:
    from yulin_cli.db import Tx


@frozen
class LedgerEntry:
    """A points entry with the running total after it. A voided entry stays in the ledger and
    in the total, next to the entry that gives it back (``reverses``)."""

    entry_id: int
    date: str
    delta: int
    rule: str
    prospect_id: int | None
    visit_id: int | None
    reason: str | None
    by: str | None  # the manager behind an adjustment
    balance: int
    voided: Voiding | None = None
    reverses: int | None = None  # the entry this one gives back
    clause: str | None = None  # the clause behind the entry (None for a manager's adjustment)
    recorded_by_login: str | None = None  # team mode: the login that wrote it


@frozen
class PointsTotal:
    staff: str
    center: str
    entries: int
    total: int


@frozen
class InspectedVisit:
    id: int
    prospect_id: int
    outcome: str
    # (question, status) of each question asked about it: open | upheld | overturned |
    # proven | unproven
    questions: tuple[tuple[str, str], ...]
    voided: bool = False
    staff_id: int = 0  # the visitor
    flags: tuple[str, ...] = ()
    kind: str = "planned"


@frozen
class VisitEntry:
    key: str
    staff_id: int
    delta: int
    rule: str


# --- centres and staff --------------------------------------------------------------------------


def add_center(tx: Tx, name: str, city: str) -> Center:
    if tx.scalar("SELECT id FROM center WHERE name = :name", name=name) is not None:
        raise BadInput("exists.center", name=name)
    city = normalise_city(city)
    return Center(tx.insert("center", {"name": name, "city": city}), name, city)


def center_by_name(tx: Tx, name: str) -> Center:
    row = tx.one("SELECT id, name, city FROM center WHERE name = :name", name=name)
    if row is None:
        raise BadInput("not_found.center", name=name)
    return Center.from_row(row)


def list_centers(tx: Tx) -> list[Center]:
    return [Center.from_row(r) for r in tx.all("SELECT id, name, city FROM center ORDER BY name")]


_STAFF_SELECT = (
    "SELECT s.id, s.name, s.roles, s.industries, s.center_id, c.name AS center, c.city,"
    " s.since"
    " FROM staff s JOIN center c ON c.id = s.center_id"
)


def add_staff(tx: Tx, name: str, center_id: int, roles: Sequence[str],
              industries: Sequence[str], since: str | None = None) -> int:
    if tx.scalar("SELECT id FROM staff WHERE name = :name", name=name) is not None:
        raise BadInput("exists.staff", name=name)
    return tx.insert("staff", {"name": name, "center_id": center_id, "roles": join_list(roles),
                               "industries": join_list(industries), "since": since})


def staff_by_name(tx: Tx, name: str) -> StaffMember:
    row = tx.one(_STAFF_SELECT + " WHERE s.name = :name", name=name)
    if row is None:
        raise BadInput("not_found.staff", name=name)
    return StaffMember.from_row(row)


def list_staff(tx: Tx) -> list[StaffMember]:
    return [StaffMember.from_row(r) for r in tx.all(_STAFF_SELECT + " ORDER BY c.name, s.name")]


def update_staff(tx: Tx, staff_id: int, changes: dict[str, Any]) -> None:
    if changes:
        sets = ", ".join(f"{k} = :{k}" for k in changes)
        tx.run(f"UPDATE staff SET {sets} WHERE id = :id", id=staff_id, **changes)


def prospector_industries(tx: Tx, center_id: int) -> dict[str, list[str]]:
    """Each prospector of a centre and the industries they call (Q8)."""
    rows = tx.all("SELECT name, roles, industries FROM staff WHERE center_id = :c", c=center_id)
    return {r["name"]: list(split_list(r["industries"])) for r in rows
            if "prospector" in split_list(r["roles"])}


def industry_counts(tx: Tx, center: str | None) -> list[tuple[str, int]]:
    """(industry, prospects), most prospects first."""
    params: dict[str, Any] = {}
    where = center_filter(center, params)
    return [(r["industry"], int(r["prospects"])) for r in tx.all(
        "SELECT p.industry, COUNT(*) AS prospects FROM prospect p"
        " JOIN staff s ON s.id = p.sourced_by_id JOIN center c ON c.id = s.center_id"
        f" WHERE p.industry IS NOT NULL AND p.merged_into IS NULL{where}"
        " GROUP BY p.industry ORDER BY prospects DESC, p.industry", **params)]


# --- the points ledger and the notice board (Q1, Q12, Q15) -------------------------------------


def add_points(tx: Tx, staff_id: int, day: str, delta: int, rule: str,
               prospect_id: int | None, visit_id: int | None, reason: str | None = None,
               by_id: int | None = None) -> None:
    """Adds to the ledger; entries are never changed or deleted."""
    tx.insert("points_entry", {"staff_id": staff_id, "day": day, "delta": delta, "rule": rule,
                               "prospect_id": prospect_id, "visit_id": visit_id,
                               "reason": reason, "by_id": by_id})


def add_notice(tx: Tx, staff_id: int, day: str, kind: str, delta: int, rule: str,
               prospect_id: int | None, visit_id: int | None) -> None:
    tx.insert("notice", {"staff_id": staff_id, "day": day, "kind": kind, "delta": delta,
                         "rule": rule, "prospect_id": prospect_id, "visit_id": visit_id})


def ledger(tx: Tx, staff_id: int, latest: int | None = None) -> list[LedgerEntry]:
    """Every entry with the running total after it, oldest first; with ``latest``, only the
    newest (their totals still count every entry before them)."""
    params: dict[str, Any] = {"s": staff_id}
    order = "date, id"
    if latest is not None:
        order, params["latest"] = "date DESC, id DESC LIMIT :latest", latest
    rows = [LedgerEntry(r["id"], r["date"], int(r["delta"]), r["rule"], r["prospect_id"],
                        r["visit_id"], r["reason"], r["by"], int(r["balance"]),
                        Voiding.of_row(r), r["reverses_id"], entry_clause(r["rule"]),
                        r["recorded_by_login"])
            for r in tx.all(
        "SELECT * FROM (SELECT e.id, e.day AS date, e.delta, e.rule, e.prospect_id,"
        " e.visit_id, e.reason, b.name AS by, e.reverses_id, e.recorded_by_login,"
        # Void when marked (`void points`) or given back by its visit's void.
        " COALESCE(e.voided_at, gv.voided_at) AS voided_at,"
        " COALESCE(vb.name, gb.name) AS voided_by, COALESCE(e.void_reason, g.reason)"
        " AS void_reason,"
        " SUM(e.delta) OVER (ORDER BY e.day, e.id ROWS UNBOUNDED PRECEDING) AS balance"
        " FROM points_entry e LEFT JOIN staff b ON b.id = e.by_id"
        " LEFT JOIN staff vb ON vb.id = e.voided_by_id"
        " LEFT JOIN points_entry g ON g.reverses_id = e.id LEFT JOIN staff gb ON gb.id = g.by_id"
        " LEFT JOIN visit gv ON gv.id = e.visit_id AND g.id IS NOT NULL"
        f" WHERE e.staff_id = :s) e ORDER BY {order}", **params)]
    return rows[::-1] if latest is not None else rows


def ledger_entries(tx: Tx, staff_id: int) -> int:
    return int(tx.scalar("SELECT COUNT(*) FROM points_entry WHERE staff_id = :s", s=staff_id)
               or 0)


def points_totals(tx: Tx, center: str | None, limit: int | None = None) -> list[PointsTotal]:
    """Each person's points, most first; with ``limit``, the first so many."""
    params: dict[str, Any] = {}
    where = center_filter(center, params)
    sql = ("SELECT s.name AS staff, c.name AS center, COUNT(e.id) AS entries,"
           " COALESCE(SUM(e.delta), 0) AS total FROM staff s JOIN center c ON c.id = s.center_id"
           f" LEFT JOIN points_entry e ON e.staff_id = s.id WHERE 1 = 1{where}"
           " GROUP BY s.id, s.name, c.name ORDER BY total DESC, s.name")
    if limit is not None:
        sql, params["limit"] = sql + " LIMIT :limit", limit
    rows = tx.all(sql, **params)
    return [PointsTotal(r["staff"], r["center"], int(r["entries"]), int(r["total"])) for r in rows]


def count_staff(tx: Tx, center: str | None) -> int:
    params: dict[str, Any] = {}
    where = center_filter(center, params)
    return int(tx.scalar("SELECT COUNT(*) FROM staff s JOIN center c ON c.id = s.center_id"
                         f" WHERE 1 = 1{where}", **params) or 0)


def notices(tx: Tx, day_from: str, day_to: str, center: str | None,
            latest: int | None = None) -> list[Notice]:
    """The notice board between two days, oldest first; with ``latest``, only the newest."""
    found = list(iter_notices(tx, day_from, day_to, center, latest))
    return found[::-1] if latest is not None else found


def iter_notices(tx: Tx, day_from: str, day_to: str, center: str | None,
                 latest: int | None = None) -> Iterator[Notice]:
    """``notices`` as they are read: oldest first, or with ``latest`` the newest first."""
    params: dict[str, Any] = {"day_from": day_from, "day_to": day_to}
    where = center_filter(center, params)
    order = "n.day, n.id"
    if latest is not None:
        order, params["latest"] = "n.day DESC, n.id DESC LIMIT :latest", latest
    return (Notice(r["date"], r["staff"], r["kind"], int(r["delta"]), r["rule"],
                   r["prospect_id"], r["company"], entry_clause(r["rule"]),
                   r["recorded_by_login"]) for r in tx.iter(
        "SELECT n.day AS date, s.name AS staff, n.kind, n.delta, n.rule, n.prospect_id,"
        " p.company, n.recorded_by_login FROM notice n JOIN staff s ON s.id = n.staff_id"
        " JOIN center c ON c.id = s.center_id LEFT JOIN prospect p ON p.id = n.prospect_id"
        f" WHERE n.day >= :day_from AND n.day <= :day_to{where} ORDER BY {order}", **params))


def count_notices(tx: Tx, day_from: str, day_to: str, center: str | None) -> int:
    params: dict[str, Any] = {"day_from": day_from, "day_to": day_to}
    where = center_filter(center, params)
    return int(tx.scalar(
        "SELECT COUNT(*) FROM notice n JOIN staff s ON s.id = n.staff_id"
        " JOIN center c ON c.id = s.center_id"
        f" WHERE n.day >= :day_from AND n.day <= :day_to{where}", **params) or 0)


# --- inspections (Q15) --------------------------------------------------------------------------


def visit_for_inspection(tx: Tx, visit_id: int) -> InspectedVisit:
    if not fits_id(visit_id):
        raise BadInput("not_found.visit", id=visit_id)
    row = tx.one("SELECT v.id, v.prospect_id, v.outcome, v.staff_id, v.voided_at, v.kind"
                 " FROM visit v WHERE v.id = :id", id=visit_id)
    if row is None:
        raise BadInput("not_found.visit", id=visit_id)
    flags = tuple(r["flag"] for r in tx.all(
        "SELECT flag FROM visit_flag WHERE visit_id = :id ORDER BY id", id=visit_id))
    questions = tuple((r["question"], r["status"]) for r in tx.all(
        "SELECT question, status FROM inspection WHERE visit_id = :id ORDER BY question",
        id=visit_id))
    return InspectedVisit(row["id"], row["prospect_id"], row["outcome"], questions,
                          voided=bool(row["voided_at"]), staff_id=row["staff_id"], flags=flags,
                          kind=row["kind"])


def visit_entries(tx: Tx, visit_id: int) -> list[VisitEntry]:
    """The rule-made points entries of a visit, by the consequence each is."""
    return [VisitEntry(r["derived_key"], r["staff_id"], int(r["delta"]), r["rule"])
            for r in tx.all("SELECT derived_key, staff_id, delta, rule FROM points_entry"
                            " WHERE visit_id = :v AND derived_key IS NOT NULL ORDER BY id",
                            v=visit_id)]


def answer_question(tx: Tx, visit_id: int, question: str, verdict: str, by_id: int, day: str,
                    at: str, note: str | None) -> None:
    """The answer to a question, open or asked by the manager on their own."""
    values = {"status": verdict, "decided_by": by_id, "decided_on": day, "decided_at": at,
              "note": note}
    if tx.run("UPDATE inspection SET status = :status, decided_by = :decided_by,"
              " decided_on = :decided_on, decided_at = :decided_at, note = :note"
              " WHERE visit_id = :v AND question = :q AND status = 'open'", v=visit_id,
              q=question, **values) == 0:
        tx.insert("inspection", {"visit_id": visit_id, "question": question, "flags": "",
                                 **values})
