"""Prospect queries: one prospect as a record, duplicate lookups, lists ranked in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from yulin_cli.db import fits_id, now_stamp, rows_for
from yulin_cli.errors import BadInput
from yulin_cli.records import FLAG_COLUMNS, PROSPECT_COLUMNS, ListedProspect, Prospect
from yulin_cli.rules import normalise_city
from yulin_cli.sql_rules import (
    FOUND_SUBSTANDARD_SQL,
    IMPURE_SQL,
    RANK_ORDER_SQL,
    REDSEA_COUNT_SQL,
    quality_sql,
    rank_params,
    stars_sql,
)

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy


_PROSPECT = (
    "SELECT p.*, s.name AS sourced_by, s.center_id, c.city AS center_city, c.name AS center,"
    f" CASE WHEN {FOUND_SUBSTANDARD_SQL} THEN 1 ELSE 0 END AS found_substandard,"
    f" {REDSEA_COUNT_SQL} AS redsea_count"
    " FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
    " JOIN center c ON c.id = s.center_id"
)


def prospect(tx: Tx, prospect_id: int) -> Prospect:
    if not fits_id(prospect_id):
        raise BadInput("not_found.prospect", id=prospect_id)
    row = tx.one(_PROSPECT + " WHERE p.id = :id", id=prospect_id)
    if row is None:
        raise BadInput("not_found.prospect", id=prospect_id)
    return Prospect.from_row(row)


def prospects_of(tx: Tx, prospect_ids: list[int]) -> dict[int, Prospect]:
    """Many prospects by id, in a few queries (ids that name nothing are left out)."""
    return {row["id"]: Prospect.from_row(row) for row in rows_for(
        tx, _PROSPECT + " WHERE p.id IN ({marks})", [i for i in prospect_ids if fits_id(i)])}


def live_prospect(tx: Tx, prospect_id: int) -> Prospect:
    """A prospect that was not merged into another."""
    found = prospect(tx, prospect_id)
    if found.merged_into is not None:
        raise BadInput("refuse.merged", id=prospect_id, into=found.merged_into)
    return found


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


def same_code(tx: Tx, code: str, exclude: int | None = None) -> int | None:
    """The earliest live prospect with this unified social credit code (Q8)."""
    skip = " AND id <> :exclude" if exclude is not None else ""
    found = tx.scalar("SELECT MIN(id) FROM prospect WHERE merged_into IS NULL"
                      f" AND credit_code = :code{skip}", code=code, exclude=exclude)
    return None if found is None else int(found)


def credit_codes(tx: Tx, ids: list[int]) -> dict[int, str]:
    """The credit codes of those of ``ids`` that have one."""
    if not ids:
        return {}
    marks = ", ".join(f":id{i}" for i in range(len(ids)))
    return {int(r["id"]): r["credit_code"] for r in tx.all(
        f"SELECT id, credit_code FROM prospect WHERE id IN ({marks})"
        " AND credit_code IS NOT NULL", **{f"id{i}": v for i, v in enumerate(ids)})}


def insert_row(values: dict[str, Any]) -> dict[str, Any]:
    """The stored form of admitted facts: every column, flags as booleans."""
    row = {k: values.get(k) for k in PROSPECT_COLUMNS}
    for flag in FLAG_COLUMNS:
        row[flag] = bool(row[flag])
    row["ownership"] = row["ownership"] or "private"
    return row


def insert_prospect(tx: Tx, values: dict[str, Any]) -> int:
    return tx.insert("prospect", {**insert_row(values), "created_at": now_stamp()})


def update_prospect(tx: Tx, prospect_id: int, changes: dict[str, Any]) -> None:
    if not changes:
        return
    sets = ", ".join(f"{k} = :{k}" for k in changes)
    tx.run(f"UPDATE prospect SET {sets} WHERE id = :id", id=prospect_id, **changes)


@dataclass(frozen=True, slots=True)
class Filters:
    """What `list` and the reports narrow prospects by; None means any."""

    city: str | None = None
    sourced_by: str | None = None
    center: str | None = None
    found_from: str | None = None
    found_to: str | None = None
    district: str | None = None
    industry: str | None = None
    suburban: bool | None = None
    min_stars: int | None = None
    worth_following: bool = False  # leave out impure red-sea prospects (Q18)
    new_on: str | None = None  # only those found or visited that day


def list_prospects(tx: Tx, policy: Policy, filters: Filters, limit: int | None = None,
                   *, ranked: bool = False) -> list[ListedProspect]:
    """Live prospects with their stars (``sql_rules.stars_sql``) and red-sea impurity, by id
    or, with ``ranked``, best first (``sql_rules.RANK_ORDER_SQL``)."""
    where = ["p.merged_into IS NULL"]
    params: dict[str, Any] = dict(rank_params(policy))
    for value, sql, key in (
        (filters.city and normalise_city(filters.city), "p.city = :city", "city"),
        (filters.sourced_by, "s.name = :sourced_by", "sourced_by"),
        (filters.center, "c.name = :center", "center"),
        (filters.found_from, "p.found_on >= :found_from", "found_from"),
        (filters.found_to, "p.found_on <= :found_to", "found_to"),
        (filters.district, "p.district = :district", "district"),
        (filters.industry, "p.industry = :industry", "industry"),
        (filters.suburban, "p.suburban = :suburban", "suburban"),
        (filters.min_stars or None, f"{stars_sql()} >= :min_stars", "min_stars"),
    ):
        if value is not None:
            where.append(sql)
            params[key] = value
    if filters.worth_following:
        where.append(f"NOT {IMPURE_SQL}")
    if filters.new_on is not None:
        # Start from the day's few ids; an OR with EXISTS made SQLite scan every prospect.
        where.append("p.id IN (SELECT id FROM prospect WHERE found_on = :new_on"
                     " UNION SELECT prospect_id FROM visit WHERE day = :new_on"
                     " AND voided_at IS NULL)")
        params["new_on"] = filters.new_on
    sql = (
        "SELECT * FROM (SELECT p.id, p.company, p.city, p.district, p.suburban,"
        " s.name AS sourced_by, p.found_on, p.duplicate_of, p.deal_value, p.need,"
        " p.yulin_interest, p.platform_interest, p.in_selection,"
        f" CASE WHEN {quality_sql()} THEN 1 ELSE 0 END AS quality,"
        f" CASE WHEN {FOUND_SUBSTANDARD_SQL} THEN 1 ELSE 0 END AS found_substandard,"
        f" {REDSEA_COUNT_SQL} AS redsea_count,"
        f" {stars_sql()} AS stars,"
        f" CASE WHEN {IMPURE_SQL} THEN 1 ELSE 0 END AS impure,"
        " (SELECT COUNT(*) FROM visit lv WHERE lv.prospect_id = p.id"
        " AND lv.voided_at IS NULL) AS visits"
        " FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id"
        f" WHERE {' AND '.join(where)}) p"
        f" ORDER BY {RANK_ORDER_SQL if ranked else 'p.id'}"
    )
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [ListedProspect.from_row(r) for r in tx.all(sql, **params)]
