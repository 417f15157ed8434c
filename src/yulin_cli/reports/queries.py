"""The reports' queries: every count is taken in SQL, never by loading rows into Python."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from yulin_cli.db import center_filter, rows_for
from yulin_cli.frozen import frozen
from yulin_cli.prospects.queries import Filters, list_prospects
from yulin_cli.records import ListedProspect, split_list
from yulin_cli.rules import DOUBT_FLAGS, prospector_since
from yulin_cli.sql_rules import quality_params, quality_sql, upgrade_params, upgrade_sql

if TYPE_CHECKING:
    from yulin_cli.db import Row, Tx
    from yulin_cli.policy import Policy


@frozen
class PersonCounts:
    """One person's figures for a day, counted in SQL."""

    name: str
    center: str
    roles: tuple[str, ...]
    quality_found: int
    verifications: int
    visits: int
    effective_visits: int
    points_today: int
    points_total: int
    flagged_visits: int = 0  # the day's visits doubted by their proof or findings (Q15)


# Flags that doubt a visit happened as logged: its photos (Q15) or an ineffective finding.
DOUBTED_FLAGS = (*DOUBT_FLAGS, "inspect")


@frozen
class DayVisit:
    """A visit a report points at (an open inspection, an unready or refused visit)."""

    visit_id: int
    prospect_id: int
    failing_checks: tuple[str, ...] = ()
    company: str = ""
    day: str = ""
    visitor: str = ""
    finder: str = ""  # who found the prospect


@frozen
class FoundProspect:
    id: int
    industry: str
    source: str
    center_id: int
    company: str = ""
    found_on: str = ""


@frozen
class FoundToday:
    """A prospect someone found that day; ``quality`` exactly when it counts for the quota."""

    prospect_id: int
    company: str
    quality: bool


@frozen
class PlanOfDay:
    """A planned visit of one day, as the evening report lists tomorrow's."""

    plan_id: int
    date: str
    visitor: str
    prospect_id: int


@frozen
class UpgradeCandidate:
    prospect_id: int
    company: str
    pcs: int


def report_people(tx: Tx, day: str, center: str | None, policy: Policy
                  ) -> list[tuple[PersonCounts, str | None]]:
    """Each person's day, one subquery per figure (each served by an index of ``models``),
    with the first day their quota counts (``rules.prospector_since``)."""
    params: dict[str, Any] = {"day": day, "yes": True, **quality_params(policy)}
    where = center_filter(center, params)
    rows = tx.all(
        "SELECT s.name, c.name AS center, s.roles, s.since,"
        " (SELECT MIN(p.found_on) FROM prospect p WHERE p.sourced_by_id = s.id) AS first_found,"
        " (SELECT COUNT(*) FROM prospect p WHERE p.sourced_by_id = s.id AND p.found_on = :day"
        f"   AND {quality_sql()}) AS quality_found,"
        " (SELECT COUNT(*) FROM verification_round r WHERE r.staff_id = s.id"
        "   AND r.day = :day AND r.voided_at IS NULL) AS verifications,"
        " (SELECT COUNT(*) FROM visit v WHERE v.staff_id = s.id AND v.day = :day"
        "   AND v.voided_at IS NULL AND v.kind <> 'followup') AS visits,"
        " (SELECT COUNT(*) FROM visit v WHERE v.staff_id = s.id AND v.day = :day"
        "   AND v.effective = :yes AND v.voided_at IS NULL) AS effective_visits,"
        " (SELECT COALESCE(SUM(e.delta), 0) FROM points_entry e WHERE e.staff_id = s.id"
        "   AND e.day = :day) AS points_today,"
        " (SELECT COALESCE(SUM(e.delta), 0) FROM points_entry e WHERE e.staff_id = s.id"
        "   AND e.day <= :day) AS points_total,"
        " (SELECT COUNT(*) FROM visit v WHERE v.staff_id = s.id AND v.day = :day"
        "   AND v.voided_at IS NULL AND EXISTS (SELECT 1 FROM visit_flag f WHERE f.visit_id = v.id"
        f"   AND f.flag IN ({', '.join(f':doubt{i}' for i in range(len(DOUBTED_FLAGS)))})))"
        " AS flagged_visits"
        f" FROM staff s JOIN center c ON c.id = s.center_id WHERE 1 = 1{where}"
        " ORDER BY c.name, s.name",
        **params, **{f"doubt{i}": flag for i, flag in enumerate(DOUBTED_FLAGS)},
    )
    return [(PersonCounts(r["name"], r["center"], split_list(r["roles"]),
                          int(r["quality_found"]), int(r["verifications"]), int(r["visits"]),
                          int(r["effective_visits"]), int(r["points_today"]),
                          int(r["points_total"]), int(r["flagged_visits"])),
             prospector_since(r["since"], r["first_found"])) for r in rows]


def first_found(tx: Tx) -> dict[int, str]:
    """The day each person first found a prospect, by staff id."""
    return {r["sourced_by_id"]: r["day"] for r in tx.all(
        "SELECT sourced_by_id, MIN(found_on) AS day FROM prospect GROUP BY sourced_by_id")}


def _day_visits(rows: list[Row]) -> list[DayVisit]:
    return [DayVisit(r["visit_id"], r["prospect_id"], split_list(r.get("failing_checks")),
                     r["company"], r["day"], r.get("visitor") or "", r.get("finder") or "")
            for r in rows]


# A visit with its prospect's name, its visitor and the prospect's finder.
_DAY_VISIT = (
    "SELECT v.id AS visit_id, v.prospect_id, v.failing_checks, v.day, p.company,"
    " s.name AS visitor, f.name AS finder FROM visit v JOIN staff s ON s.id = v.staff_id"
    " JOIN center c ON c.id = s.center_id JOIN prospect p ON p.id = v.prospect_id"
    " JOIN staff f ON f.id = p.sourced_by_id"
)


def open_inspections(tx: Tx, day: str, center: str | None
                     ) -> list[tuple[DayVisit, list[tuple[str, str]]]]:
    """Visits awaiting inspection up to ``day``, oldest first, each with the (flag, detail)
    pairs raised on it, in the order they were raised."""
    params: dict[str, Any] = {"day": day}
    where = center_filter(center, params)
    # Any manager acts on these: no names to look up, and there may be thousands. The flags
    # come in the same query: a list of thousands of ids to look them up by costs more.
    found: dict[int, tuple[DayVisit, list[tuple[str, str]]]] = {}
    # The visitor's centre only for one centre's report: thousands of lookups otherwise.
    centre = (" JOIN staff s ON s.id = v.staff_id JOIN center c ON c.id = s.center_id"
              if center is not None else "")
    for r in tx.all(
            "SELECT v.id AS visit_id, v.prospect_id, v.day, p.company, f.flag, f.detail"
            f" FROM inspection i JOIN visit v ON v.id = i.visit_id{centre}"
            " JOIN prospect p ON p.id = v.prospect_id"
            " LEFT JOIN visit_flag f ON f.visit_id = v.id"
            f" WHERE i.status = 'open' AND v.day <= :day{where} ORDER BY v.day, v.id, f.id",
            **params):
        entry = found.get(r["visit_id"])
        if entry is None:
            entry = found[r["visit_id"]] = (
                DayVisit(r["visit_id"], r["prospect_id"], company=r["company"], day=r["day"]),
                [])
        if r["flag"] is not None:
            entry[1].append((r["flag"], r["detail"] or ""))
    return list(found.values())


def _visits_of_day(tx: Tx, day: str, center: str | None, condition: str,
                   **params: Any) -> list[DayVisit]:
    where = center_filter(center, params)
    return _day_visits(tx.all(
        _DAY_VISIT + f" WHERE v.day = :day AND v.voided_at IS NULL AND {condition}{where}"
        " ORDER BY v.id", day=day, **params))


def flagged_visits(tx: Tx, day: str, center: str | None, flag: str) -> list[DayVisit]:
    """The day's visits carrying ``flag`` (e.g. unready, Q2)."""
    return _visits_of_day(tx, day, center, "EXISTS (SELECT 1 FROM visit_flag f"
                          " WHERE f.visit_id = v.id AND f.flag = :flag)", flag=flag)


def refused_visits(tx: Tx, day: str, center: str | None) -> list[DayVisit]:
    """The day's visits refused at the door (Q17)."""
    return _visits_of_day(tx, day, center, "v.outcome = 'refused'")


def prospects_found_on(tx: Tx, day: str, center: str | None) -> list[FoundProspect]:
    """The day's new prospects with an industry (Q8: whose industry is it?)."""
    params: dict[str, Any] = {"day": day}
    where = center_filter(center, params)
    return [FoundProspect(r["id"], r["industry"], r["source"], r["center_id"], r["company"],
                          r["found_on"]) for r in tx.all(
        "SELECT p.id, p.industry, s.name AS source, s.center_id, p.company, p.found_on"
        " FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id"
        f" WHERE p.found_on = :day AND p.industry IS NOT NULL{where} ORDER BY p.id", **params)]


def found_today(tx: Tx, day: str, center: str | None, policy: Policy
                ) -> dict[str, list[FoundToday]]:
    """Each person's live prospects found that day, by finder, with the quota's verdict on
    each (``quality_sql``): one query for everyone."""
    params: dict[str, Any] = {"day": day, **quality_params(policy)}
    where = center_filter(center, params)
    found: dict[str, list[FoundToday]] = {}
    for r in tx.all(
            "SELECT s.name AS source, p.id, p.company,"
            f" CASE WHEN {quality_sql()} THEN 1 ELSE 0 END AS quality FROM prospect p"
            " JOIN staff s ON s.id = p.sourced_by_id JOIN center c ON c.id = s.center_id"
            f" WHERE p.found_on = :day AND p.merged_into IS NULL{where} ORDER BY p.id",
            **params):
        found.setdefault(r["source"], []).append(FoundToday(r["id"], r["company"],
                                                            bool(r["quality"])))
    return found


def plans_of_day(tx: Tx, day: str, center: str | None) -> list[PlanOfDay]:
    """The planned visits of one day, by visitor (of the centre), then as planned."""
    params: dict[str, Any] = {"day": day}
    where = center_filter(center, params)
    return [PlanOfDay(r["id"], r["day"], r["visitor"], r["prospect_id"]) for r in tx.all(
        "SELECT pv.id, pv.day, s.name AS visitor, pv.prospect_id FROM planned_visit pv"
        " JOIN staff s ON s.id = pv.visitor_id JOIN center c ON c.id = s.center_id"
        f" WHERE pv.day = :day{where} ORDER BY s.name, pv.id", **params)]


def top_star_candidates(tx: Tx, policy: Policy, center: str | None,
                        new_on: str | None = None) -> list[ListedProspect]:
    """Q13: quality customers of 4 or 5 stars that are not impure red sea (Q18), best first;
    with ``new_on``, only those found or visited that day (the daily report's news; `manager`
    lists them all)."""
    found = list_prospects(tx, policy, Filters(center=center, min_stars=4, worth_following=True,
                                               new_on=new_on), ranked=True)
    # A deal that ended, won or lost, is nobody's to take over (issue 22).
    decided = {r["prospect_id"] for r in rows_for(
        tx, "SELECT prospect_id FROM deal_outcome WHERE prospect_id IN ({marks})"
        " AND voided_at IS NULL", [p.id for p in found])}
    return [p for p in found if p.id not in decided] if decided else found


def unvisited_quality(tx: Tx, policy: Policy) -> int:
    return int(tx.scalar(
        "SELECT COUNT(*) FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id"
        # No live visit: no visit at all, or only voided ones. Each test is one probe of an
        # index (the voided visits' is partial, and small), so the rare prospect with a voided
        # visit is the only one whose visits are read: 2x faster than counting them all. The
        # ids are found first, from a narrow index, and only the few whole rows read: 20%
        # faster than reading every prospect's row.
        " WHERE p.id IN (SELECT q.id FROM prospect q"
        " WHERE NOT EXISTS (SELECT 1 FROM visit v WHERE v.prospect_id = q.id)"
        " OR (EXISTS (SELECT 1 FROM visit v WHERE v.prospect_id = q.id"
        " AND v.voided_at IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM visit v"
        f" WHERE v.prospect_id = q.id AND v.voided_at IS NULL))) AND {quality_sql()}",
        **quality_params(policy)) or 0)


def upgrade_candidates(tx: Tx, policy: Policy, center: str | None) -> list[UpgradeCandidate]:
    """Q13: existing IOAS customers worth an upgrade visit (``upgrade_sql``), most PCs first."""
    params: dict[str, Any] = upgrade_params(policy)
    where = center_filter(center, params)
    return [UpgradeCandidate(r["id"], r["company"], int(r["pcs"])) for r in tx.all(
        "SELECT p.id, p.company, p.pcs, c.name AS center FROM prospect p"
        " JOIN staff s ON s.id = p.sourced_by_id JOIN center c ON c.id = s.center_id"
        # Once per company: a forced duplicate of a customer is that customer.
        f" WHERE {upgrade_sql()} AND p.duplicate_of IS NULL{where} ORDER BY p.pcs DESC, p.id",
        **params)]


# --- the period summary ---------------------------------------------------------------------


@frozen
class VisitorPeriod:
    name: str
    visits: int
    effective_visits: int


def _period(params: dict[str, Any], date_from: str, date_to: str, center: str | None) -> str:
    params.update(date_from=date_from, date_to=date_to)
    return center_filter(center, params)


def found_in_period(tx: Tx, date_from: str, date_to: str, center: str | None) -> int:
    """Live prospects found in [from, to]."""
    params: dict[str, Any] = {}
    where = _period(params, date_from, date_to, center)
    return int(tx.scalar(
        "SELECT COUNT(*) FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id WHERE p.found_on >= :date_from"
        f" AND p.found_on <= :date_to AND p.merged_into IS NULL{where}", **params) or 0)


def quality_in_period(tx: Tx, policy: Policy, date_from: str, date_to: str,
                      center: str | None) -> list[int]:
    """Ids of the prospects found in [from, to] that are quality customers as of ``to``."""
    params: dict[str, Any] = {**quality_params(policy), "as_of": date_to}
    where = _period(params, date_from, date_to, center)
    return [r["id"] for r in tx.all(
        "SELECT p.id FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id WHERE p.found_on >= :date_from"
        f" AND p.found_on <= :date_to AND {quality_sql(as_of=True)}{where} ORDER BY p.id",
        **params)]


def visited_of(tx: Tx, prospect_ids: list[int], day: str) -> dict[int, tuple[bool, bool]]:
    """(visited, visited effectively) up to ``day``, by prospect; voided visits do not count."""
    found = dict.fromkeys(prospect_ids, (False, False))
    for r in rows_for(tx, "SELECT prospect_id, MAX(CASE WHEN effective = :yes THEN 1 ELSE 0 END)"
                      " AS effective FROM visit WHERE prospect_id IN ({marks})"
                      " AND day <= :day AND voided_at IS NULL AND kind <> 'followup'"
                      " GROUP BY prospect_id",
                      prospect_ids, day=day, yes=True):
        found[r["prospect_id"]] = (True, bool(r["effective"]))
    return found


def quality_by_day(tx: Tx, policy: Policy, date_from: str, date_to: str,
                   center: str | None) -> dict[tuple[str, str], int]:
    """(prospector, day) -> quality customers found that day, on what is known now (Q3), as
    the daily report counts them."""
    params: dict[str, Any] = {**quality_params(policy)}
    where = _period(params, date_from, date_to, center)
    return {(r["name"], r["found_on"]): int(r["found"]) for r in tx.all(
        "SELECT s.name, p.found_on, COUNT(*) AS found FROM prospect p"
        " JOIN staff s ON s.id = p.sourced_by_id JOIN center c ON c.id = s.center_id"
        " WHERE p.found_on >= :date_from AND p.found_on <= :date_to"
        f" AND {quality_sql()}{where} GROUP BY s.name, p.found_on", **params)}


def visitors_in_period(tx: Tx, date_from: str, date_to: str,
                       center: str | None) -> list[VisitorPeriod]:
    """Everyone who may visit (visitors and managers with visits), with their visits."""
    params: dict[str, Any] = {"yes": True}
    where = _period(params, date_from, date_to, center)
    return [VisitorPeriod(r["name"], int(r["visits"]), int(r["effective_visits"]))
            for r in tx.all(
        "SELECT s.name, COUNT(v.id) AS visits,"
        " COALESCE(SUM(CASE WHEN v.effective = :yes THEN 1 ELSE 0 END), 0) AS effective_visits"
        " FROM staff s JOIN center c ON c.id = s.center_id"
        " LEFT JOIN visit v ON v.staff_id = s.id AND v.day >= :date_from AND v.day <= :date_to"
        " AND v.kind <> 'followup'"  # a follow-up is not a survey visit (Q5)
        f" AND v.voided_at IS NULL WHERE 1 = 1{where} GROUP BY s.id, s.name, s.roles"
        " HAVING COUNT(v.id) > 0 OR s.roles LIKE '%visitor%'"
        " ORDER BY effective_visits DESC, visits DESC, s.name", **params)]


def points_in_period(tx: Tx, date_from: str, date_to: str,
                     center: str | None) -> list[tuple[str, int]]:
    """(name, points gained or lost in [from, to]) for everyone, most first."""
    params: dict[str, Any] = {}
    where = _period(params, date_from, date_to, center)
    return [(r["name"], int(r["delta"])) for r in tx.all(
        "SELECT s.name, COALESCE(SUM(e.delta), 0) AS delta FROM staff s"
        " JOIN center c ON c.id = s.center_id LEFT JOIN points_entry e ON e.staff_id = s.id"
        f" AND e.day >= :date_from AND e.day <= :date_to WHERE 1 = 1{where}"
        " GROUP BY s.id, s.name ORDER BY delta DESC, s.name", **params)]
