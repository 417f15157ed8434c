"""Queries and writes. Each function takes an open transaction; none decides a rule.

A few rules are restated here in SQL, because reports must aggregate and rank in the database
rather than load every row: the quality customer (``quality_sql``), the stars and the ranking
(``stars_sql``, ``RANK_ORDER_SQL``) and the Q13 upgrade candidates (``upgrade_sql``). The
definitions stay in ``rules``; ``tests/test_sql_mirrors.py`` generates prospects and checks that
each SQL restatement gives the rule's answer for every one.

SQL is portable (SQLite and PostgreSQL): ``:name`` parameters, booleans passed as parameters,
``CASE`` instead of summing booleans, ISO dates as text.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from yulin_cli.errors import BadInput
from yulin_cli.rules import normalise_city

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy

PROSPECT_COLUMNS = (
    "company", "name_key", "city", "district", "suburban", "address", "industry", "ownership",
    "employees", "pcs", "contact_surname", "landline", "mobile", "email", "qq", "found_on",
    "deal_value", "need", "yulin_interest", "platform_interest", "has_oa", "erp_need",
    "in_selection", "existing_customer", "partner", "vendor_share", "sourced_by_id",
    "duplicate_of",
)
FLAG_COLUMNS = ("suburban", "platform_interest", "has_oa", "erp_need", "in_selection",
                "existing_customer")


def now_stamp() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# --- quality, in SQL ------------------------------------------------------------------------

# A visit found it below the standard, and no inspection overturned that finding.
FOUND_SUBSTANDARD_SQL = (
    "EXISTS (SELECT 1 FROM visit sv WHERE sv.prospect_id = p.id AND sv.outcome = 'substandard'"
    " AND NOT EXISTS (SELECT 1 FROM inspection si WHERE si.visit_id = sv.id"
    " AND si.status = 'overturned'))"
)


def quality_sql() -> str:
    """``rules.is_quality_customer`` in SQL; ``p`` is the prospect, ``c`` the source's centre.

    Needs the parameters of ``quality_params``.
    """
    return (
        "(p.employees >= :min_employees AND p.pcs >= :min_pcs AND p.city = c.city"
        " AND p.duplicate_of IS NULL AND p.merged_into IS NULL"
        f" AND NOT {FOUND_SUBSTANDARD_SQL})"
    )


def quality_params(policy: Policy) -> dict[str, Any]:
    return {"min_employees": policy.standard.min_employees, "min_pcs": policy.standard.min_pcs}


def stars_sql() -> str:
    """``rules.star_rating(...).stars`` in SQL: 0 for a prospect that is not a quality customer,
    else ``rules.star_level``. Needs ``rank_params``."""
    value = "COALESCE(p.deal_value, 0)"
    # Quality tests positively: with an unknown scale it is NULL, and NOT NULL is not true.
    return (
        f"(CASE WHEN {quality_sql()} THEN"
        f" (CASE WHEN {value} >= :five_min AND p.need = 'explicit'"
        " AND p.yulin_interest = 'high' THEN 5"
        f" WHEN {value} >= :four_min AND p.need = 'explicit' AND p.yulin_interest = 'high'"
        " THEN 4"
        f" WHEN {value} >= :three_min AND p.need IN ('explicit', 'latent')"
        " AND p.yulin_interest IN ('high', 'flat') THEN 3"
        f" WHEN {value} >= :two_min AND p.need = 'explicit' AND p.platform_interest = :yes"
        " THEN 2 ELSE 1 END) ELSE 0 END)"
    )


REDSEA_COUNT_SQL = "(SELECT COUNT(*) FROM redsea_signal rs WHERE rs.prospect_id = p.id)"
# Q18: ``rules.redsea_verdict(...) == "impure"`` in SQL.
IMPURE_SQL = f"({REDSEA_COUNT_SQL} >= :impure_at)"
# ``rules.rank_key`` in SQL, over a query exposing ``stars`` and ``impure`` (0 or 1).
RANK_ORDER_SQL = "impure, stars DESC, COALESCE(p.deal_value, 0) DESC, p.id"


def rank_params(policy: Policy) -> dict[str, Any]:
    s = policy.stars
    return {**quality_params(policy), "five_min": s.five_min, "four_min": s.four_min,
            "three_min": s.three_min, "two_min": s.two_min, "yes": True,
            "impure_at": policy.redsea.impure_at}


def upgrade_sql() -> str:
    """``rules.is_upgrade_candidate`` in SQL. Needs ``upgrade_params``."""
    return ("(p.existing_customer = :yes AND p.pcs >= :upgrade_min_pcs AND p.city = c.city"
            " AND p.merged_into IS NULL)")


def upgrade_params(policy: Policy) -> dict[str, Any]:
    return {"upgrade_min_pcs": policy.managers.upgrade_min_pcs, "yes": True}


# --- centres and staff ------------------------------------------------------------------------


def add_center(tx: Tx, name: str, city: str) -> int:
    if tx.scalar("SELECT id FROM center WHERE name = :name", name=name) is not None:
        raise BadInput("exists.center", name=name)
    return tx.insert("center", {"name": name, "city": normalise_city(city)})


def center_by_name(tx: Tx, name: str) -> dict:
    row = tx.one("SELECT id, name, city FROM center WHERE name = :name", name=name)
    if row is None:
        raise BadInput("not_found.center", name=name)
    return row


def list_centers(tx: Tx) -> list[dict]:
    return tx.all("SELECT id, name, city FROM center ORDER BY name")


_STAFF_SELECT = (
    "SELECT s.id, s.name, s.roles, s.industries, s.center_id, c.name AS center, c.city"
    " FROM staff s JOIN center c ON c.id = s.center_id"
)


def _staff_row(row: dict) -> dict:
    row["roles"] = [r for r in row["roles"].split(",") if r]
    row["industries"] = [i for i in row["industries"].split(",") if i]
    return row


def add_staff(tx: Tx, name: str, center_id: int, roles: list[str], industries: list[str]) -> int:
    if tx.scalar("SELECT id FROM staff WHERE name = :name", name=name) is not None:
        raise BadInput("exists.staff", name=name)
    return tx.insert("staff", {"name": name, "center_id": center_id, "roles": ",".join(roles),
                               "industries": ",".join(industries)})


def staff_by_name(tx: Tx, name: str) -> dict:
    row = tx.one(_STAFF_SELECT + " WHERE s.name = :name", name=name)
    if row is None:
        raise BadInput("not_found.staff", name=name)
    return _staff_row(row)


def list_staff(tx: Tx) -> list[dict]:
    return [_staff_row(r) for r in tx.all(_STAFF_SELECT + " ORDER BY c.name, s.name")]


# --- prospects --------------------------------------------------------------------------------


# Ids are 64-bit in both databases: a bigger number names nothing (and must not reach the
# driver, which would refuse it with an overflow).
_ID_RANGE = range(-(2**63), 2**63)


def _fits(record_id: int) -> bool:
    return record_id in _ID_RANGE


def prospect(tx: Tx, prospect_id: int) -> dict:
    if not _fits(prospect_id):
        raise BadInput("not_found.prospect", id=prospect_id)
    row = tx.one(
        "SELECT p.*, s.name AS sourced_by, s.center_id, c.city AS center_city, c.name AS center,"
        f" CASE WHEN {FOUND_SUBSTANDARD_SQL} THEN 1 ELSE 0 END AS found_substandard,"
        f" {REDSEA_COUNT_SQL} AS redsea_count"
        " FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id WHERE p.id = :id",
        id=prospect_id,
    )
    if row is None:
        raise BadInput("not_found.prospect", id=prospect_id)
    for flag in (*FLAG_COLUMNS, "found_substandard"):
        row[flag] = bool(row[flag])
    return row


def duplicate_matches(tx: Tx, *, phones: list[str], name_key: str, city: str,
                      exclude: int | None = None) -> list[tuple[int, str]]:
    """The earliest live prospect sharing a phone, and the earliest with the same normalised
    name in the same city, as (id, why); ``rules.earliest_duplicate`` picks between them."""
    skip = " AND id <> :exclude" if exclude is not None else ""
    found: list[tuple[int, str]] = []
    if phones:
        marks = ", ".join(f":phone{i}" for i in range(len(phones)))
        by_phone = tx.scalar(
            "SELECT MIN(id) FROM prospect WHERE merged_into IS NULL"
            f" AND (landline IN ({marks}) OR mobile IN ({marks})){skip}",
            exclude=exclude, **{f"phone{i}": p for i, p in enumerate(phones)})
        if by_phone is not None:
            found.append((int(by_phone), "phone"))
    by_name = tx.scalar(
        "SELECT MIN(id) FROM prospect WHERE merged_into IS NULL AND name_key = :key"
        f" AND city = :city{skip}",
        key=name_key, city=city, exclude=exclude,
    )
    if by_name is not None:
        found.append((int(by_name), "name"))
    return found


def insert_prospect(tx: Tx, values: dict) -> int:
    row = {k: values.get(k) for k in PROSPECT_COLUMNS}
    for flag in FLAG_COLUMNS:
        row[flag] = bool(row[flag])
    row["ownership"] = row["ownership"] or "private"
    row["created_at"] = now_stamp()
    return tx.insert("prospect", row)


def update_prospect(tx: Tx, prospect_id: int, changes: dict) -> None:
    if not changes:
        return
    sets = ", ".join(f"{k} = :{k}" for k in changes)
    tx.run(f"UPDATE prospect SET {sets} WHERE id = :id", id=prospect_id, **changes)


def list_prospects(tx: Tx, policy: Policy, filters: dict[str, Any], limit: int | None,
                   *, ranked: bool = False) -> list[dict]:
    """Live prospects with their stars (``stars_sql``) and red-sea impurity, by id or, with
    ``ranked``, best first (``RANK_ORDER_SQL``)."""
    where = ["p.merged_into IS NULL"]
    params: dict[str, Any] = dict(rank_params(policy))
    for key, sql in (
        ("city", "p.city = :city"),
        ("sourced_by", "s.name = :sourced_by"),
        ("center", "c.name = :center"),
        ("found_from", "p.found_on >= :found_from"),
        ("found_to", "p.found_on <= :found_to"),
        ("district", "p.district = :district"),
        ("industry", "p.industry = :industry"),
    ):
        if filters.get(key) is not None:
            where.append(sql)
            params[key] = filters[key]
    if filters.get("city") is not None:
        params["city"] = normalise_city(params["city"])
    if filters.get("suburban") is not None:
        where.append("p.suburban = :suburban")
        params["suburban"] = filters["suburban"]
    if filters.get("min_stars"):
        where.append(f"{stars_sql()} >= :min_stars")
        params["min_stars"] = filters["min_stars"]
    if filters.get("worth_following"):
        where.append(f"NOT {IMPURE_SQL}")
    if filters.get("new_on") is not None:
        # Start from the day's few ids; an OR with EXISTS made SQLite scan every prospect.
        where.append("p.id IN (SELECT id FROM prospect WHERE found_on = :new_on"
                     " UNION SELECT prospect_id FROM visit WHERE day = :new_on)")
        params["new_on"] = filters["new_on"]
    sql = (
        "SELECT * FROM (SELECT p.id, p.company, p.city, p.district, p.suburban,"
        " s.name AS sourced_by, p.found_on, p.duplicate_of, p.deal_value, p.need,"
        " p.yulin_interest, p.platform_interest, p.employees, p.pcs, p.in_selection,"
        f" CASE WHEN {quality_sql()} THEN 1 ELSE 0 END AS quality,"
        f" CASE WHEN {FOUND_SUBSTANDARD_SQL} THEN 1 ELSE 0 END AS found_substandard,"
        f" {REDSEA_COUNT_SQL} AS redsea_count,"
        f" {stars_sql()} AS stars,"
        f" CASE WHEN {IMPURE_SQL} THEN 1 ELSE 0 END AS impure,"
        " (SELECT COUNT(*) FROM visit lv WHERE lv.prospect_id = p.id) AS visits"
        " FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id"
        f" WHERE {' AND '.join(where)}) p"
        f" ORDER BY {RANK_ORDER_SQL if ranked else 'p.id'}"
    )
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    rows = tx.all(sql, **params)
    for row in rows:
        for flag in ("quality", "suburban", "platform_interest", "in_selection", "impure",
                     "found_substandard"):
            row[flag] = bool(row[flag])
    return rows


# --- verification rounds and red sea -------------------------------------------------------


def rounds(tx: Tx, prospect_id: int) -> list[dict]:
    return tx.all(
        "SELECT r.id, r.round_no, r.staff_id, s.name AS by, r.pretext, r.result,"
        " r.address_confirmed, r.scale_checked, r.day, r.note, r.address_seen,"
        " r.employees_seen, r.pcs_seen FROM verification_round r"
        " JOIN staff s ON s.id = r.staff_id WHERE r.prospect_id = :id ORDER BY r.round_no",
        id=prospect_id,
    )


def add_round(tx: Tx, values: dict) -> tuple[int, int]:
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
    tx.run("DELETE FROM redsea_signal WHERE prospect_id = :id", id=prospect_id)
    tx.many("INSERT INTO redsea_signal (prospect_id, signal) VALUES (:prospect_id, :signal)",
            [{"prospect_id": prospect_id, "signal": s} for s in signals])
    update_prospect(tx, prospect_id, {"in_selection": True})


# --- visits, points, notices ----------------------------------------------------------------


def add_planned_visit(tx: Tx, prospect_id: int, visitor_id: int, day: str) -> int:
    return tx.insert("planned_visit", {"prospect_id": prospect_id, "visitor_id": visitor_id,
                                       "day": day, "visit_id": None})


def day_plans(tx: Tx, visitor_id: int, day: str) -> list[dict]:
    """A visitor's planned visits of one day, with each company's district (Q12)."""
    return tx.all(
        "SELECT pv.id, pv.prospect_id, pv.visit_id, p.district FROM planned_visit pv"
        " JOIN prospect p ON p.id = pv.prospect_id"
        " WHERE pv.visitor_id = :v AND pv.day = :d ORDER BY pv.id", v=visitor_id, d=day)


def substandard_days(tx: Tx, prospect_id: int) -> list[str]:
    """Days of the visits that found the prospect below the standard, unless overturned."""
    rows = tx.all(
        "SELECT sv.day FROM visit sv WHERE sv.prospect_id = :id AND sv.outcome = 'substandard'"
        " AND NOT EXISTS (SELECT 1 FROM inspection si WHERE si.visit_id = sv.id"
        " AND si.status = 'overturned') ORDER BY sv.day", id=prospect_id)
    return [r["day"] for r in rows]


def close_planned_visit(tx: Tx, prospect_id: int, visitor_id: int, day: str, visit_id: int) -> None:
    """Marks the earliest matching open plan as done by this visit."""
    plan = tx.scalar(
        "SELECT MIN(id) FROM planned_visit WHERE prospect_id = :p AND visitor_id = :v"
        " AND day = :d AND visit_id IS NULL", p=prospect_id, v=visitor_id, d=day)
    if plan is not None:
        tx.run("UPDATE planned_visit SET visit_id = :visit WHERE id = :id", visit=visit_id,
               id=plan)


def add_visit(tx: Tx, values: dict) -> int:
    return tx.insert("visit", values)


def visits(tx: Tx, prospect_id: int) -> list[dict]:
    rows = tx.all(
        "SELECT v.id, v.day, s.name AS by, v.kind, v.outcome, v.items, v.contacts, v.effective,"
        " v.flags, v.failing_checks, v.note FROM visit v JOIN staff s ON s.id = v.staff_id"
        " WHERE v.prospect_id = :id ORDER BY v.day, v.id", id=prospect_id)
    for row in rows:
        row["effective"] = bool(row["effective"])
    return rows


def planned_visits(tx: Tx, prospect_id: int) -> list[dict]:
    return tx.all(
        "SELECT pv.id, pv.day, s.name AS visitor, pv.visit_id FROM planned_visit pv"
        " JOIN staff s ON s.id = pv.visitor_id WHERE pv.prospect_id = :id ORDER BY pv.day",
        id=prospect_id)


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


def open_inspection(tx: Tx, visit_id: int) -> None:
    tx.insert("inspection", {"visit_id": visit_id, "status": "open"})


# --- the daily report, aggregated in SQL ----------------------------------------------------


def _center_filter(center: str | None, params: dict, alias: str = "c") -> str:
    if center is None:
        return ""
    params["center"] = center
    return f" AND {alias}.name = :center"


def report_people(tx: Tx, day: str, center: str | None, policy: Policy) -> list[dict]:
    params: dict[str, Any] = {"day": day, "yes": True, **quality_params(policy)}
    where = _center_filter(center, params)
    return tx.all(
        "SELECT s.name, c.name AS center, s.roles,"
        " (SELECT COUNT(*) FROM prospect p WHERE p.sourced_by_id = s.id AND p.found_on = :day"
        f"   AND {quality_sql()}) AS quality_found,"
        " (SELECT COUNT(*) FROM verification_round r WHERE r.staff_id = s.id"
        "   AND r.day = :day) AS verifications,"
        " (SELECT COUNT(*) FROM visit v WHERE v.staff_id = s.id AND v.day = :day) AS visits,"
        " (SELECT COUNT(*) FROM visit v WHERE v.staff_id = s.id AND v.day = :day"
        "   AND v.effective = :yes) AS effective_visits,"
        " (SELECT COALESCE(SUM(e.delta), 0) FROM points_entry e WHERE e.staff_id = s.id"
        "   AND e.day = :day) AS points_today,"
        " (SELECT COALESCE(SUM(e.delta), 0) FROM points_entry e WHERE e.staff_id = s.id"
        "   AND e.day <= :day) AS points_total"
        f" FROM staff s JOIN center c ON c.id = s.center_id WHERE 1 = 1{where}"
        " ORDER BY c.name, s.name",
        **params,
    )


def notices(tx: Tx, day_from: str, day_to: str, center: str | None) -> list[dict]:
    params: dict[str, Any] = {"day_from": day_from, "day_to": day_to}
    where = _center_filter(center, params)
    return tx.all(
        "SELECT n.day AS date, s.name AS staff, n.kind, n.delta, n.rule, n.prospect_id,"
        " p.company FROM notice n JOIN staff s ON s.id = n.staff_id"
        " JOIN center c ON c.id = s.center_id LEFT JOIN prospect p ON p.id = n.prospect_id"
        f" WHERE n.day >= :day_from AND n.day <= :day_to{where} ORDER BY n.day, n.id",
        **params,
    )


def open_inspections(tx: Tx, day: str, center: str | None) -> list[dict]:
    params: dict[str, Any] = {"day": day}
    where = _center_filter(center, params)
    return tx.all(
        "SELECT v.id AS visit_id, v.prospect_id FROM inspection i JOIN visit v ON v.id = i.visit_id"
        " JOIN staff s ON s.id = v.staff_id JOIN center c ON c.id = s.center_id"
        f" WHERE i.status = 'open' AND v.day <= :day{where} ORDER BY v.day, v.id",
        **params,
    )


def flagged_visits(tx: Tx, day: str, center: str | None, kind: str) -> list[dict]:
    """The day's visits that were ``unready`` (flagged, Q2) or ``refused`` (Q17)."""
    params: dict[str, Any] = {"day": day}
    where = _center_filter(center, params)
    condition = "v.flags LIKE '%unready%'" if kind == "unready" else "v.outcome = 'refused'"
    return tx.all(
        "SELECT v.id AS visit_id, v.prospect_id, v.failing_checks FROM visit v"
        " JOIN staff s ON s.id = v.staff_id JOIN center c ON c.id = s.center_id"
        f" WHERE v.day = :day AND {condition}{where} ORDER BY v.id",
        **params,
    )


def top_star_candidates(tx: Tx, policy: Policy, center: str | None,
                        new_on: str | None = None) -> list[dict]:
    """Q13: quality customers of 4 or 5 stars that are not impure red sea (Q18), best first;
    with ``new_on``, only those found or visited that day (the daily report's news; `manager`
    lists them all)."""
    return list_prospects(tx, policy, {"center": center, "min_stars": 4,
                                       "worth_following": True, "new_on": new_on},
                          None, ranked=True)


def unvisited_quality(tx: Tx, policy: Policy) -> int:
    return int(tx.scalar(
        "SELECT COUNT(*) FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id"
        f" WHERE {quality_sql()} AND NOT EXISTS (SELECT 1 FROM visit v"
        " WHERE v.prospect_id = p.id)", **quality_params(policy)) or 0)


def has_data(tx: Tx) -> bool:
    return tx.scalar("SELECT COUNT(*) FROM center") > 0 or tx.scalar(
        "SELECT COUNT(*) FROM staff") > 0


def meta(tx: Tx, key: str) -> str | None:
    return tx.scalar("SELECT value FROM meta WHERE key = :key", key=key)


def set_meta(tx: Tx, key: str, value: str) -> None:
    tx.run("DELETE FROM meta WHERE key = :key", key=key)
    tx.run("INSERT INTO meta (key, value) VALUES (:key, :value)", key=key, value=value)


# --- staff changes and the points ledger ------------------------------------------------------


def update_staff(tx: Tx, staff_id: int, changes: dict[str, Any]) -> None:
    if changes:
        sets = ", ".join(f"{k} = :{k}" for k in changes)
        tx.run(f"UPDATE staff SET {sets} WHERE id = :id", id=staff_id, **changes)


def prospector_industries(tx: Tx, center_id: int) -> dict[str, list[str]]:
    """Each prospector of a centre and the industries they call."""
    rows = tx.all("SELECT name, roles, industries FROM staff WHERE center_id = :c", c=center_id)
    return {r["name"]: [i for i in r["industries"].split(",") if i] for r in rows
            if "prospector" in r["roles"].split(",")}


def ledger(tx: Tx, staff_id: int) -> list[dict]:
    """Every entry with the running total after it, oldest first."""
    return tx.all(
        "SELECT e.day AS date, e.delta, e.rule, e.prospect_id, e.visit_id, e.reason,"
        " b.name AS by,"
        " SUM(e.delta) OVER (ORDER BY e.day, e.id ROWS UNBOUNDED PRECEDING) AS balance"
        " FROM points_entry e LEFT JOIN staff b ON b.id = e.by_id"
        " WHERE e.staff_id = :s ORDER BY e.day, e.id", s=staff_id)


def points_totals(tx: Tx, center: str | None) -> list[dict]:
    params: dict[str, Any] = {}
    where = _center_filter(center, params)
    return tx.all(
        "SELECT s.name AS staff, c.name AS center, COUNT(e.id) AS entries,"
        " COALESCE(SUM(e.delta), 0) AS total FROM staff s JOIN center c ON c.id = s.center_id"
        f" LEFT JOIN points_entry e ON e.staff_id = s.id WHERE 1 = 1{where}"
        " GROUP BY s.id, s.name, c.name ORDER BY total DESC, s.name", **params)


# --- inspections ------------------------------------------------------------------------------


def visit(tx: Tx, visit_id: int) -> dict:
    if not _fits(visit_id):
        raise BadInput("not_found.visit", id=visit_id)
    row = tx.one(
        "SELECT v.id, v.prospect_id, v.day, v.kind, v.outcome, v.effective, s.name AS by,"
        " i.status AS inspection FROM visit v JOIN staff s ON s.id = v.staff_id"
        " LEFT JOIN inspection i ON i.visit_id = v.id WHERE v.id = :id", id=visit_id)
    if row is None:
        raise BadInput("not_found.visit", id=visit_id)
    return row


def visit_deductions(tx: Tx, visit_id: int) -> list[dict]:
    return tx.all("SELECT staff_id, delta FROM points_entry WHERE visit_id = :v"
                  " AND rule = 'substandard'", v=visit_id)


def settle_inspection(tx: Tx, visit_id: int, status: str, by_id: int, day: str,
                      note: str | None) -> None:
    values = {"visit_id": visit_id, "status": status, "decided_by": by_id, "decided_on": day,
              "note": note}
    if tx.run("UPDATE inspection SET status = :status, decided_by = :decided_by,"
              " decided_on = :decided_on, note = :note WHERE visit_id = :visit_id",
              **values) == 0:
        tx.insert("inspection", values)


# --- direct sales -------------------------------------------------------------------------------


def add_direct_project(tx: Tx, values: dict) -> int:
    return tx.insert("direct_sales_project", {**values, "status": "open",
                                              "created_at": now_stamp()})


def direct_project(tx: Tx, project_id: int) -> dict:
    if not _fits(project_id):
        raise BadInput("not_found.direct_sales", id=project_id)
    row = tx.one("SELECT * FROM direct_sales_project WHERE id = :id", id=project_id)
    if row is None:
        raise BadInput("not_found.direct_sales", id=project_id)
    return row


def direct_projects(tx: Tx) -> list[dict]:
    return tx.all("SELECT id, company, city, contact, status FROM direct_sales_project"
                  " ORDER BY id")


def direct_project_for(tx: Tx, name_key: str, city: str) -> dict | None:
    """The branch's latest project on the same company, if any."""
    return tx.one("SELECT id, contact, status FROM direct_sales_project WHERE name_key = :k"
                  " AND city = :c ORDER BY id DESC LIMIT 1", k=name_key, c=city)


def settle_direct_project(tx: Tx, project_id: int, status: str) -> None:
    tx.run("UPDATE direct_sales_project SET status = :s WHERE id = :id", s=status, id=project_id)


# --- partners, industries, managers, routes -----------------------------------------------------


def partner_projects(tx: Tx, center: str | None) -> list[dict]:
    params: dict[str, Any] = {}
    where = _center_filter(center, params)
    return tx.all(
        "SELECT p.id, p.company, p.partner, p.vendor_share,"
        " (SELECT COUNT(*) FROM verification_round r WHERE r.prospect_id = p.id) AS rounds,"
        " (SELECT COUNT(*) FROM visit v WHERE v.prospect_id = p.id) AS visits"
        " FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id"
        f" WHERE p.partner IS NOT NULL AND p.merged_into IS NULL{where} ORDER BY p.id", **params)


def industry_counts(tx: Tx, center: str | None) -> list[dict]:
    params: dict[str, Any] = {}
    where = _center_filter(center, params)
    return tx.all(
        "SELECT p.industry, COUNT(*) AS prospects FROM prospect p"
        " JOIN staff s ON s.id = p.sourced_by_id JOIN center c ON c.id = s.center_id"
        f" WHERE p.industry IS NOT NULL AND p.merged_into IS NULL{where}"
        " GROUP BY p.industry ORDER BY prospects DESC, p.industry", **params)


def prospects_found_on(tx: Tx, day: str, center: str | None) -> list[dict]:
    params: dict[str, Any] = {"day": day}
    where = _center_filter(center, params)
    return tx.all(
        "SELECT p.id, p.industry, s.name AS source, s.center_id FROM prospect p"
        " JOIN staff s ON s.id = p.sourced_by_id JOIN center c ON c.id = s.center_id"
        f" WHERE p.found_on = :day AND p.industry IS NOT NULL{where}", **params)


def upgrade_candidates(tx: Tx, policy: Policy, center: str | None) -> list[dict]:
    """Q13: existing IOAS customers worth an upgrade visit (``upgrade_sql``), most PCs first."""
    params: dict[str, Any] = upgrade_params(policy)
    where = _center_filter(center, params)
    return tx.all(
        "SELECT p.id, p.company, p.pcs, c.name AS center FROM prospect p"
        " JOIN staff s ON s.id = p.sourced_by_id JOIN center c ON c.id = s.center_id"
        f" WHERE {upgrade_sql()}{where} ORDER BY p.pcs DESC, p.id", **params)


def suburban_unvisited(tx: Tx, center: str | None) -> list[dict]:
    """Suburban prospects with no visit yet and no open plan."""
    params: dict[str, Any] = {"yes": True}
    where = _center_filter(center, params)
    return tx.all(
        "SELECT p.id, p.district FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id"
        " WHERE p.suburban = :yes AND p.merged_into IS NULL AND p.duplicate_of IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.prospect_id = p.id)"
        " AND NOT EXISTS (SELECT 1 FROM planned_visit pv WHERE pv.prospect_id = p.id"
        f" AND pv.visit_id IS NULL){where} ORDER BY p.id", **params)
