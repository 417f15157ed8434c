"""Prospect queries: one prospect as a record, duplicate lookups, lists ranked in SQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from yulin_cli.db import fits_id, now_stamp
from yulin_cli.errors import BadInput
from yulin_cli.frozen import frozen
from yulin_cli.outcomes.queries import PROSPECT_SELECT
from yulin_cli.outcomes.queries import prospects_of as prospects_of  # read by every slice
from yulin_cli.records import FLAG_COLUMNS, PROSPECT_COLUMNS, ListedProspect, Prospect
from yulin_cli.rules import district_spellings, normalise_city
from yulin_cli.sql_rules import (
    FOUND_SUBSTANDARD_IDS,
    FOUND_SUBSTANDARD_JOINED,
    FOUND_SUBSTANDARD_SQL,
    IMPURE_SQL,
    RANK_ORDER_SQL,
    REDSEA_COUNT_JOINED,
    REDSEA_COUNT_SQL,
    REDSEA_COUNTS,
    impure_sql,
    quality_sql,
    rank_params,
    star_minimums,
    stars_floor,
    stars_needs,
    stars_sql,
)

if TYPE_CHECKING:
    from yulin_cli.db import Row, Tx
    from yulin_cli.policy import Policy


def prospect(tx: Tx, prospect_id: int) -> Prospect:
    if not fits_id(prospect_id):
        raise BadInput("not_found.prospect", id=prospect_id)
    row = tx.one(PROSPECT_SELECT + " WHERE p.id = :id", id=prospect_id)
    if row is None:
        raise BadInput("not_found.prospect", id=prospect_id)
    return Prospect.from_row(row)


def live_prospect(tx: Tx, prospect_id: int) -> Prospect:
    """A prospect that was not merged into another."""
    found = prospect(tx, prospect_id)
    if found.merged_into is not None:
        raise BadInput("refuse.merged", id=prospect_id, into=found.merged_into)
    return found


_NOT_ITSELF = " AND id <> :exclude AND (duplicate_of IS NULL OR duplicate_of <> :exclude)"


def duplicate_matches(tx: Tx, *, phones: list[str], name_key: str, city: str,
                      exclude: int | None = None) -> list[tuple[int, str]]:
    """The earliest live prospect sharing a phone, and the earliest with the same normalised
    name in the same city, as (id, why); ``rules.earliest_duplicate`` picks between them.
    ``exclude`` (a prospect being changed) leaves out it and those already its duplicates."""
    skip = _NOT_ITSELF if exclude is not None else ""
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
    skip = _NOT_ITSELF if exclude is not None else ""
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


_NO_VALUES: dict[str, Any] = dict.fromkeys(PROSPECT_COLUMNS)


def insert_row(values: dict[str, Any], *, own: bool = False) -> dict[str, Any]:
    """The stored form of admitted facts: every column, flags as booleans. With ``own`` the
    dict is the caller's and may hold more keys (an import's id): it is completed by one merge
    in C rather than by picking each column."""
    if own:
        # A column no way in sets (a location) starts empty.
        row = {**_NO_VALUES, **values}
    else:
        row = {k: values.get(k) for k in PROSPECT_COLUMNS}
    for flag in FLAG_COLUMNS:
        row[flag] = bool(row.get(flag))
    row["ownership"] = row.get("ownership") or "private"
    return row


def insert_prospect(tx: Tx, values: dict[str, Any]) -> int:
    return tx.insert("prospect", {**insert_row(values), "created_at": now_stamp()})


@frozen
class FactChangeRow:
    """One change of a prospect's facts, as ``show --history`` lists it."""

    field: str
    old: Any
    new: Any
    date: str
    by: str | None
    visit_id: int | None
    at: str
    recorded_by_login: str | None


def history(tx: Tx, prospect_id: int) -> list[FactChangeRow]:
    """Every change of a prospect's facts, oldest first."""
    import json

    def value(text: str | None) -> Any:
        return None if text is None else json.loads(text)

    return [FactChangeRow(r["field"], value(r["old_value"]), value(r["new_value"]), r["day"],
                          r["by"], r["visit_id"], r["at"], r["recorded_by_login"])
            for r in tx.all(
        "SELECT c.field, c.old_value, c.new_value, c.day, s.name AS by, c.visit_id, c.at,"
        " c.recorded_by_login FROM prospect_change c LEFT JOIN staff s ON s.id = c.by_id"
        " WHERE c.prospect_id = :id ORDER BY c.day, c.id", id=prospect_id)]


# Columns that are not facts of their own: the name key follows the name and the city.
_UNRECORDED = ("name_key",)


def history_value(value: Any) -> str | None:
    """A fact's value as its history keeps it: JSON text (None stays NULL)."""
    import json

    if value is None:
        return None
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def update_prospect(tx: Tx, prospect_id: int, changes: dict[str, Any], *, day: str,
                    by_id: int | None = None, visit_id: int | None = None) -> tuple[str, ...]:
    """Changes a prospect's facts, recording each one that really changes in its history,
    dated ``day`` and attributed to ``by_id`` (or to the visit that found it out). The
    latitude and longitude are one fact, ``location``. Returns the fields that changed."""
    from yulin_cli.clock import wall_clock

    if not changes:
        return ()
    row = tx.one(f"SELECT {', '.join(changes)} FROM prospect WHERE id = :id", id=prospect_id)
    assert row is not None
    changed = {k: v for k, v in changes.items() if row[k] != v and not (
        isinstance(v, bool) and row[k] is not None and bool(row[k]) == v)}
    if not changed:
        return ()
    history: list[dict[str, Any]] = []
    at = wall_clock()
    located = False
    for name, value in changed.items():
        if name in _UNRECORDED:
            continue
        old, new = row.get(name), value
        if name in ("latitude", "longitude"):
            if located:
                continue  # one fact, recorded once
            located, name = True, "location"
            place = tx.one("SELECT latitude, longitude FROM prospect WHERE id = :id",
                           id=prospect_id)
            assert place is not None
            lat = changes.get("latitude", place["latitude"])
            lng = changes.get("longitude", place["longitude"])
            old = None if place["latitude"] is None else (place["latitude"], place["longitude"])
            new = None if lat is None else (lat, lng)
        history.append({"prospect_id": prospect_id, "field": name,
                        "old_value": history_value(old), "new_value": history_value(new),
                        "day": day, "at": at, "by_id": by_id, "visit_id": visit_id})
    # The history first: on a team's server the change is refused without it (``guard``).
    tx.many("INSERT INTO prospect_change (prospect_id, field, old_value, new_value, day, at,"
            " by_id, visit_id) VALUES (:prospect_id, :field, :old_value, :new_value, :day, :at,"
            " :by_id, :visit_id)", history)
    sets = ", ".join(f"{k} = :{k}" for k in changed)
    tx.run(f"UPDATE prospect SET {sets} WHERE id = :id", id=prospect_id, **changed)
    from yulin_cli.prospects import likely

    if likely.FACT_FIELDS & changed.keys():
        likely.refresh(tx, [prospect_id])  # its likely duplicates, judged again
    return tuple(changed)


@frozen
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


def _where(policy: Policy, filters: Filters) -> tuple[list[str], dict[str, Any]]:
    """The conditions and parameters of a list's filters (``p`` the prospect, ``s`` its
    finder, ``c`` the finder's centre)."""
    where = ["p.merged_into IS NULL"]
    params: dict[str, Any] = dict(rank_params(policy))
    for value, sql, key in (
        (filters.city and normalise_city(filters.city), "p.city = :city", "city"),
        (filters.sourced_by, "s.name = :sourced_by", "sourced_by"),
        (filters.center, "c.name = :center", "center"),
        (filters.found_from, "p.found_on >= :found_from", "found_from"),
        (filters.found_to, "p.found_on <= :found_to", "found_to"),
        (filters.industry, "p.industry = :industry", "industry"),
        (filters.suburban, "p.suburban = :suburban", "suburban"),
        (filters.min_stars or None, f"{stars_sql()} >= :min_stars", "min_stars"),
    ):
        if value is not None:
            where.append(sql)
            params[key] = value
    if filters.district:
        # 吴江 finds 吴江区: every spelling with the same district key (rules.district_key).
        spellings = district_spellings(filters.district)
        marks = ", ".join(f":district{i}" for i in range(len(spellings)))
        where.append(f"p.district IN ({marks})")
        params.update({f"district{i}": d for i, d in enumerate(spellings)})
    if filters.min_stars:
        # Cheap, and tested before the stars: most prospects are worth too little, or have
        # no explicit need.
        where.insert(1, "COALESCE(p.deal_value, 0) >= :stars_floor")
        params["stars_floor"] = stars_floor(policy, filters.min_stars)
        needs = stars_needs(filters.min_stars)
        if needs:
            where.insert(2, needs)
    if filters.worth_following:
        where.append(f"NOT {IMPURE_SQL}")
    if filters.new_on is not None:
        # Start from the day's few ids; an OR with EXISTS made SQLite scan every prospect.
        where.append("p.id IN (SELECT id FROM prospect WHERE found_on = :new_on"
                     " UNION SELECT prospect_id FROM visit WHERE day = :new_on"
                     " AND voided_at IS NULL)")
        params["new_on"] = filters.new_on
    return where, params


_FROM = (" FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
         " JOIN center c ON c.id = s.center_id")


def count_prospects(tx: Tx, policy: Policy, filters: Filters) -> int:
    """How many live prospects the filters keep: what a page of a list is out of."""
    if filters == Filters():  # every live prospect: all of them less the few merged
        return int(tx.scalar("SELECT (SELECT COUNT(*) FROM prospect) - (SELECT COUNT(*)"
                             " FROM prospect WHERE merged_into IS NOT NULL)") or 0)
    where, params = _where(policy, filters)
    return int(tx.scalar(f"SELECT COUNT(*){_FROM} WHERE {' AND '.join(where)}", **params) or 0)


# How deep a page of the ranking first looks, in pages, among the most valuable prospects.
RANK_PROBES = (40, 400)


def ranked_ids(tx: Tx, policy: Policy, filters: Filters, limit: int,
               probes: tuple[int, ...] = RANK_PROBES) -> list[int]:
    """The first ``limit`` of the ranking (``RANK_ORDER_SQL``), exactly, without ranking every
    prospect when it need not. Stars need a deal value of at least their level's minimum, so
    the ranking of the prospects worth at least some value V is the start of the whole
    ranking when its last row has at least as many stars as any prospect worth less than V
    can have (one worth less, with as many stars, ranks after it), and it has no impure one
    (those rank last). V is tried at the value of the 40th, then 400th page down; failing
    those, every prospect is ranked."""
    where, params = _where(policy, filters)
    params["limit"] = limit
    narrow = (f"SELECT p.id, p.deal_value, {stars_sql()} AS stars,"
              f" CASE WHEN {IMPURE_SQL} THEN 1 ELSE 0 END AS impure{_FROM}"
              f" WHERE {' AND '.join(where)}")

    def top(condition: str = "", **extra: Any) -> list[Row]:
        return tx.all(f"SELECT id, stars, impure FROM ({narrow}{condition}) p"
                      f" ORDER BY {RANK_ORDER_SQL} LIMIT :limit", **params, **extra)

    minimums = star_minimums(policy).items()
    for depth in probes:
        # Any V gives the exact answer (the test below falls back when it must); counting
        # merged prospects too keeps this a walk of the index alone, not a row read a step.
        value = tx.scalar("SELECT deal_value FROM prospect WHERE deal_value IS NOT NULL"
                          " ORDER BY deal_value DESC LIMIT 1 OFFSET :depth", depth=depth * limit)
        if value is None or value <= 0:
            break
        below = max(level for level, least in minimums if least < value)
        rows = top(" AND p.deal_value >= :value_floor", value_floor=value)
        if (len(rows) == limit and not any(r["impure"] for r in rows)
                and int(rows[-1]["stars"]) >= below):
            return [int(r["id"]) for r in rows]
    return [int(r["id"]) for r in top()]


def list_prospects(tx: Tx, policy: Policy, filters: Filters, limit: int | None = None,
                   *, ranked: bool = False, whole: bool = False) -> list[ListedProspect]:
    """Live prospects with their stars (``sql_rules.stars_sql``) and red-sea impurity, by id
    or, with ``ranked``, best first (``sql_rules.RANK_ORDER_SQL``); the first ``limit``."""
    return list(iter_prospects(tx, policy, filters, limit, ranked=ranked, whole=whole))


def iter_prospects(tx: Tx, policy: Policy, filters: Filters, limit: int | None = None,
                   *, ranked: bool = False, whole: bool = False, visits: bool = True
                   ) -> Iterator[ListedProspect]:
    """``list_prospects`` as they are read, for lists too long to hold. ``whole``: most of
    the prospects will be read (a whole list), so what each row needs is gathered once for
    all rather than asked of each row. Without ``visits`` (a ranking, which never shows
    them), ``visits`` is 0 rather than counted from a million visit rows."""
    where, params = _where(policy, filters)
    if limit is not None:
        params["limit"] = limit
    if not whole:
        if limit is not None and ranked:
            # Rank on the few columns the order needs; the rest is read for the page only.
            ids = ranked_ids(tx, policy, filters, limit)
            where.append(f"p.id IN ({', '.join(map(str, ids))})" if ids else "1 = 0")
        # A page or a narrow list: what a row needs is asked of each of its few rows.
        # Live visits: all of them less the voided, each counted from an index alone (the
        # voided's is partial and small); testing voided_at read every visit's row.
        found, redsea, visits_sql, joins = (
            FOUND_SUBSTANDARD_SQL, REDSEA_COUNT_SQL,
            "(SELECT COUNT(*) FROM visit lv WHERE lv.prospect_id = p.id)"
            " - (SELECT COUNT(*) FROM visit lv WHERE lv.prospect_id = p.id"
            " AND lv.voided_at IS NOT NULL)", "")
    else:
        # Every row: the same facts gathered once for all, then joined.
        found, redsea, visits_sql = (FOUND_SUBSTANDARD_JOINED, REDSEA_COUNT_JOINED,
                                     "COALESCE(vc.n, 0) - COALESCE(vv.n, 0)")
        joins = (f" LEFT JOIN ({FOUND_SUBSTANDARD_IDS}) fs ON fs.prospect_id = p.id"
                 f" LEFT JOIN ({REDSEA_COUNTS}) rc ON rc.prospect_id = p.id")
        if visits:
            # Live visits: all of them less the voided, each counted from an index.
            joins += (" LEFT JOIN (SELECT prospect_id, COUNT(*) AS n FROM visit"
                      " GROUP BY prospect_id) vc ON vc.prospect_id = p.id"
                      " LEFT JOIN (SELECT prospect_id, COUNT(*) AS n FROM visit"
                      " WHERE voided_at IS NOT NULL GROUP BY prospect_id) vv"
                      " ON vv.prospect_id = p.id")
    if not visits:
        visits_sql = "0"
    sql = (
        "SELECT * FROM (SELECT p.id, p.company, p.city, p.district, p.suburban,"
        " s.name AS sourced_by, p.found_on, p.duplicate_of, p.deal_value, p.need,"
        " p.yulin_interest, p.platform_interest, p.in_selection,"
        f" CASE WHEN {quality_sql(found_substandard=found)} THEN 1 ELSE 0 END AS quality,"
        f" CASE WHEN {found} THEN 1 ELSE 0 END AS found_substandard,"
        f" {stars_sql(found)} AS stars,"
        f" CASE WHEN {impure_sql(redsea)} THEN 1 ELSE 0 END AS impure,"
        f" {redsea} AS redsea_count,"
        f" {visits_sql} AS visits"
        f"{_FROM}{joins} WHERE {' AND '.join(where)}) p"
        f" ORDER BY {RANK_ORDER_SQL if ranked else 'p.id'}"
    )
    if limit is not None:
        sql += " LIMIT :limit"
    # Columns in the order of ListedProspect's fields.
    return map(ListedProspect.from_tuple, tx.tuples(sql, **params))
