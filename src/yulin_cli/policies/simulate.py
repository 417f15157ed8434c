"""`policy simulate`: the question a centre manager asks before changing a number ("if sweeps
earned 5 points and the quota were 3 a day, whose month would change?"), answered from the
team's own history: the period's recorded facts replayed under the policy in force and under a
candidate, through the same rules that judged them (``outcomes``). It only reads.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.errors import BadInput
from yulin_cli.frozen import frozen
from yulin_cli.outcomes import service as outcomes
from yulin_cli.results import Result, human_only

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy, PolicyBook

# A period longer than this is a mistyped date, not a question a manager asks.
MAX_DAYS = 366
MAX_ROWS = 50  # values of one --vary


@frozen
class Change:
    """One record whose verdict differs: which, by which rule and clause, and both answers."""

    record: str
    rule: str
    clause: str
    in_force: Any
    candidate: Any


@frozen
class PersonOutcome:
    """One person's period under the policy in force and under the candidate."""

    name: str
    points: tuple[int, int]
    quota_days_met: tuple[int | None, int | None]  # None: not a prospector
    effective_visits: tuple[int, int]
    praise: tuple[int, int]
    criticism: tuple[int, int]
    changes: tuple[Change, ...]

    @property
    def changed(self) -> bool:
        return bool(self.changes) or any(a != b for a, b in (
            self.points, self.quota_days_met, self.effective_visits, self.praise,
            self.criticism))

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "points": list(self.points),
                "quota_days_met": list(self.quota_days_met),
                "effective_visits": list(self.effective_visits), "praise": list(self.praise),
                "criticism": list(self.criticism),
                "changes": [{"record": c.record, "rule": c.rule, "clause": c.clause,
                             "in_force": c.in_force, "candidate": c.candidate}
                            for c in self.changes]}


@frozen
class StarChange:
    id: int
    company: str
    stars: tuple[int, int]


@frozen
class VaryRow:
    value: Any
    people: tuple[PersonOutcome, ...]


@frozen
class Simulation(Result):
    date_from: str
    date_to: str
    candidate: str  # the file
    people: tuple[PersonOutcome, ...]
    prospects: tuple[StarChange, ...]
    vary: str | None = None  # the key varied
    rows: tuple[VaryRow, ...] = ()
    center: str | None = human_only(None)

    def to_json(self) -> Any:
        doc: dict[str, Any] = {"from": self.date_from, "to": self.date_to,
                               "candidate": self.candidate}
        if self.vary is not None:
            doc["vary"] = self.vary
            doc["rows"] = [{"value": r.value, "people": [p.to_json() for p in r.people]}
                           for r in self.rows]
        else:
            doc["people"] = [p.to_json() for p in self.people]
            doc["prospects"] = [{"id": s.id, "company": s.company, "stars": list(s.stars)}
                                for s in self.prospects]
        return doc


# --- the period's facts, read once --------------------------------------------------------------


@dataclass
class Period:
    """What the period is judged on, read once for every policy compared."""

    date_from: str
    date_to: str
    gathered: outcomes.Gathered
    voids: dict[str, rules.Withdrawal]
    staff: dict[int, tuple[str, str, tuple[str, ...], str | None]]  # id -> name, centre,
    # roles, the first day their quota counts
    adjustments: dict[int, int]  # staff id -> the period's manual adjustments, net
    found: list[dict[str, Any]]  # prospects found in the period, with what quality reads
    live: list[dict[str, Any]] = field(default_factory=list)  # every live prospect (stars)


def _period(tx: Tx, date_from: str, date_to: str) -> Period:
    from yulin_cli.outcomes import queries as facts
    from yulin_cli.sql_rules import FOUND_SUBSTANDARD_SQL, REDSEA_COUNT_SQL

    ids = [r["id"] for r in tx.all(
        "SELECT v.id FROM visit v WHERE (v.day >= :a AND v.day <= :b) OR EXISTS (SELECT 1"
        " FROM inspection i WHERE i.visit_id = v.id AND i.decided_on >= :a"
        " AND i.decided_on <= :b)", a=date_from, b=date_to)]
    # Points and effectiveness never read readiness: it is left out (its flags are not compared).
    gathered = outcomes.gather(tx, ids, readiness=False)
    voids = outcomes.entry_voids(facts.stored_entries(tx, ids))
    first_found = {r["s"]: r["d"] for r in tx.all(
        "SELECT sourced_by_id AS s, MIN(found_on) AS d FROM prospect GROUP BY sourced_by_id")}
    staff = {r["id"]: (r["name"], r["center"], tuple(x for x in r["roles"].split(",") if x),
                       rules.prospector_since(r["since"], first_found.get(r["id"])))
             for r in tx.all("SELECT s.id, s.name, c.name AS center, s.roles, s.since"
                             " FROM staff s JOIN center c ON c.id = s.center_id")}
    adjustments: dict[int, int] = defaultdict(int)
    for r in tx.all("SELECT staff_id, delta FROM points_entry WHERE derived_key IS NULL"
                    " AND day >= :a AND day <= :b", a=date_from, b=date_to):
        adjustments[r["staff_id"]] += int(r["delta"])
    for r in tx.all("SELECT staff_id, delta FROM points_entry WHERE derived_key LIKE 'entry:%'"
                    " AND day >= :a AND day <= :b", a=date_from, b=date_to):
        adjustments[r["staff_id"]] += int(r["delta"])
    columns = ("p.id, p.company, p.employees, p.pcs, p.city, c.city AS center_city,"
               " p.duplicate_of, p.merged_into, p.found_on, p.sourced_by_id, p.deal_value,"
               " p.need, p.yulin_interest, p.platform_interest, p.in_selection,"
               f" CASE WHEN {FOUND_SUBSTANDARD_SQL} THEN 1 ELSE 0 END AS found_substandard,"
               f" {REDSEA_COUNT_SQL} AS redsea_count"
               " FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
               " JOIN center c ON c.id = s.center_id")
    found = tx.all(f"SELECT {columns} WHERE p.found_on >= :a AND p.found_on <= :b",
                   a=date_from, b=date_to)
    live = tx.all(f"SELECT {columns} WHERE p.merged_into IS NULL")
    return Period(date_from, date_to, gathered, voids, staff, dict(adjustments), found, live)


# --- one policy's answer ------------------------------------------------------------------------


@dataclass
class Answer:
    """What the period comes to under one book of policies."""

    points: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    effective: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    praise: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    criticism: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    quota: dict[int, dict[str, bool | None]] = field(default_factory=dict)
    visit_points: dict[tuple[int, int, str], int] = field(
        default_factory=lambda: defaultdict(int))  # (staff, visit, rule) -> points
    visit_effective: dict[int, bool] = field(default_factory=dict)
    stars: dict[int, int] = field(default_factory=dict)


def _quality(p: dict[str, Any], policy: Policy) -> bool:
    return rules.is_quality_customer(
        p["employees"], p["pcs"], rules.same_city(p["city"], p["center_city"]),
        p["duplicate_of"] is not None, bool(p["found_substandard"]), policy,
        merged=p["merged_into"] is not None)


def answer(period: Period, book: PolicyBook, *, stars: bool = True) -> Answer:
    """The period under ``book``: points, effective visits, praise and criticism dated in it,
    each prospector's days against the quota, and every live prospect's stars as of its end."""
    out = Answer()
    first, last = period.date_from, period.date_to
    judged = outcomes.judge_all(period.gathered, book)
    desired = outcomes.desired_from(judged, period.voids)
    for entry in desired.entries.values():
        if first <= entry.day <= last:
            out.points[entry.staff_id] += entry.delta
            if entry.visit_id is not None:
                rule = entry.rule if entry.reverses is None else entry.reverses.split(":")[2]
                out.visit_points[(entry.staff_id, entry.visit_id, rule)] += entry.delta
    for staff_id, delta in period.adjustments.items():
        out.points[staff_id] += delta
    withdrawn = {n.reverses for n in desired.notices.values() if n.reverses}
    for notice in desired.notices.values():
        if first <= notice.day <= last and notice.key not in withdrawn:
            if notice.kind == "praise":
                out.praise[notice.staff_id] += 1
            elif notice.kind == "criticism":
                out.criticism[notice.staff_id] += 1
    for visit, judgement in judged.values():
        if visit.void is None and first <= visit.day <= last:
            out.visit_effective[visit.id] = judgement.effective
            if judgement.effective:
                out.effective[visit.staff_id] += 1
    found: dict[tuple[int, str], int] = defaultdict(int)
    for p in period.found:
        if _quality(p, book.at(p["found_on"])):
            found[(p["sourced_by_id"], p["found_on"])] += 1
    day = dt.date.fromisoformat(first)
    days = []
    while day.isoformat() <= last:
        days.append(day)
        day += dt.timedelta(days=1)
    for staff_id, (_name, _center, roles, since) in period.staff.items():
        if "prospector" not in roles:
            continue
        out.quota[staff_id] = {}
        for d in days:
            text = d.isoformat()
            policy = book.at(text)
            out.quota[staff_id][text] = rules.quota_met(
                found[(staff_id, text)], True, rules.quota_active(d, policy), policy, since,
                text)
    if stars:
        policy = book.at(last)
        for p in period.live:
            quality = _quality(p, policy)
            if not quality:
                out.stars[p["id"]] = 0
                continue
            out.stars[p["id"]] = rules.star_level(p["deal_value"], p["need"],
                                                  p["yulin_interest"],
                                                  bool(p["platform_interest"]), policy)
    return out


def _days_met(days: dict[str, bool | None] | None) -> int | None:
    return None if days is None else sum(1 for v in days.values() if v)


def _people(period: Period, now: Answer, then: Answer, center: str | None
            ) -> tuple[PersonOutcome, ...]:
    people = []
    for staff_id, (name, home, _roles, _since) in sorted(period.staff.items(),
                                                          key=lambda kv: kv[1][0]):
        if center is not None and home != center:
            continue
        changes: list[Change] = []
        keys = sorted({k for k in (*now.visit_points, *then.visit_points) if k[0] == staff_id},
                      key=lambda k: (k[1], k[2]))
        for _s, visit_id, rule in keys:
            a, b = now.visit_points.get((_s, visit_id, rule), 0), then.visit_points.get(
                (_s, visit_id, rule), 0)
            if a != b:
                changes.append(Change(f"visit {visit_id}", rule,
                                      rules.entry_clause(rule) or "", a, b))
        for visit in period.gathered.rows:
            if visit.staff_id == staff_id and visit.id in now.visit_effective:
                a_eff, b_eff = now.visit_effective[visit.id], then.visit_effective.get(
                    visit.id, False)
                if a_eff != b_eff:
                    changes.append(Change(f"visit {visit.id}", "effective",
                                          rules.CLAUSES["effective"], a_eff, b_eff))
        quota_now, quota_then = now.quota.get(staff_id), then.quota.get(staff_id)
        if quota_now is not None and quota_then is not None:
            for day, met in quota_now.items():
                if met != quota_then[day]:
                    changes.append(Change(day, "quota", rules.CLAUSES["quota"], met,
                                          quota_then[day]))

        people.append(PersonOutcome(
            name, (now.points.get(staff_id, 0), then.points.get(staff_id, 0)),
            (_days_met(quota_now), _days_met(quota_then)),
            (now.effective.get(staff_id, 0), then.effective.get(staff_id, 0)),
            (now.praise.get(staff_id, 0), then.praise.get(staff_id, 0)),
            (now.criticism.get(staff_id, 0), then.criticism.get(staff_id, 0)),
            tuple(changes)))
    return tuple(people)


def parse_vary(text: str) -> tuple[str, str, list[Any]]:
    """``KEY=A..B[:STEP]`` -> (section, key, values). Whole numbers only: every key worth
    varying (points, quota, thresholds) is one."""
    from yulin_cli.policy import Policy, policy_dict

    key, eq, span = text.partition("=")
    section, dot, name = key.strip().partition(".")
    defaults = policy_dict(Policy())
    if not eq or not dot or name not in defaults.get(section, {}):
        raise BadInput("simulate.bad_vary", value=text)
    if not isinstance(defaults[section][name], int) or isinstance(defaults[section][name],
                                                                   bool):
        raise BadInput("simulate.vary_not_number", key=key.strip())
    low, dots, rest = span.partition("..")
    high, colon, step = rest.partition(":")
    try:
        a, b = int(low), int(high)
        by = int(step) if colon else 1
    except ValueError:
        raise BadInput("simulate.bad_vary", value=text) from None
    if not dots or by <= 0 or b < a:
        raise BadInput("simulate.bad_vary", value=text)
    values = list(range(a, b + 1, by))
    if len(values) > MAX_ROWS:
        raise BadInput("simulate.vary_too_many", count=len(values), limit=MAX_ROWS)
    return section, name, values


def simulate(tx: Tx, book: PolicyBook, path: str, date_from: str, date_to: str,
             center: str | None, vary: str | None) -> Simulation:
    """The period under the versions in force and under the file over them."""
    from yulin_cli.policy import load_overrides

    first, last = dt.date.fromisoformat(date_from), dt.date.fromisoformat(date_to)
    if first > last:
        raise BadInput("summary.backwards", date_from=date_from, date_to=date_to)
    if (last - first).days >= MAX_DAYS:
        raise BadInput("summary.too_long", days=MAX_DAYS)
    if center is not None:
        from yulin_cli.team import queries as team

        team.center_by_name(tx, center)
    overrides = load_overrides(path)
    period = _period(tx, date_from, date_to)
    now = answer(period, book)
    if vary is None:
        then = answer(period, book.with_file(overrides, path))
        changed = tuple(StarChange(p["id"], p["company"], (now.stars[p["id"]],
                                                          then.stars[p["id"]]))
                        for p in period.live if now.stars[p["id"]] != then.stars[p["id"]])
        return Simulation(date_from, date_to, path, _people(period, now, then, center),
                          changed, center=center)
    section, key, values = parse_vary(vary)
    rows = []
    for value in values:
        varied = {**overrides, section: {**overrides.get(section, {}), key: value}}
        then = answer(period, book.with_file(varied, path), stars=False)
        rows.append(VaryRow(value, _people(period, now, then, center)))
    return Simulation(date_from, date_to, path, (), (), f"{section}.{key}", tuple(rows),
                      center)


def totals(people: Iterable[PersonOutcome]) -> tuple[tuple[int, int], tuple[int, int],
                                                     tuple[int, int]]:
    """(points, quota days met, effective visits), in force and candidate, over everyone."""
    people = list(people)

    def both(pick: Any) -> tuple[int, int]:
        return (sum(pick(p)[0] or 0 for p in people), sum(pick(p)[1] or 0 for p in people))

    return (both(lambda p: p.points), both(lambda p: p.quota_days_met),
            both(lambda p: p.effective_visits))
