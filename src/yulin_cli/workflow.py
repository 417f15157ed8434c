"""The team's actions: gather facts, ask the rules, store the outcome, in one transaction each.

Used by the command line, the demo loader and imports alike, so a prospect added from a CSV
file passes exactly the checks of one added by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from yulin_cli import rules, store
from yulin_cli.errors import BadInput, RuleRefusal

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.inputs import PlanIn, ProspectFields, ProspectIn, RoundIn, VisitIn
    from yulin_cli.policy import Policy


# --- setup ------------------------------------------------------------------------------------


def add_center(tx: Tx, name: str, city: str) -> dict:
    center_id = store.add_center(tx, name, city)
    return {"id": center_id, "name": name, "city": rules.normalise_city(city)}


def add_staff(tx: Tx, name: str, center: str, roles: list[str], industries: list[str]) -> dict:
    center_row = store.center_by_name(tx, center)
    staff_id = store.add_staff(tx, name, center_row["id"], roles, industries)
    return {"id": staff_id, "name": name, "center": center, "roles": roles,
            "industries": industries}


# --- prospects: one way in (Q6, Q8) ----------------------------------------------------------


class DuplicateIndex(Protocol):
    """Where the duplicate rule looks for earlier prospects: the database, or (for an import)
    an in-memory index of the database and the rows admitted so far."""

    def matches(self, phones: list[str], name_key: str, city: str) -> list[tuple[int, str]]: ...


class DatabaseIndex:
    def __init__(self, tx: Tx, exclude: int | None = None) -> None:
        self.tx, self.exclude = tx, exclude

    def matches(self, phones: list[str], name_key: str, city: str) -> list[tuple[int, str]]:
        return store.duplicate_matches(self.tx, phones=phones, name_key=name_key, city=city,
                                       exclude=self.exclude)


@dataclass(frozen=True)
class Admission:
    """What the rules say about a new prospect before it is stored."""

    values: dict[str, Any]  # the row to store, normalised
    refusal: rules.Reason | None  # out of territory (Q6)
    duplicate: tuple[int, str] | None  # (earliest prospect, why) it duplicates (Q8)
    warnings: tuple[rules.Reason, ...]  # another prospector's industry (Q8)


def normalised(values: dict[str, Any]) -> dict[str, Any]:
    """Validated prospect fields with the city and the name key the rules compare."""
    city = rules.normalise_city(values["city"])
    return {**values, "city": city, "name_key": rules.name_key(values["company"], city)}


def admit(values: dict[str, Any], source: dict[str, Any], index: DuplicateIndex,
          owners: dict[str, list[str]]) -> Admission:
    """The one admission step for every way a prospect enters: add-prospect, import and the
    sample data. ``values`` come from ``normalised``; ``source`` is the staff row of its finder.
    """
    territory = rules.territory_check(values["city"], source["city"], bool(values.get("suburban")))
    phones = [p for p in (values.get("landline"), values.get("mobile")) if p]
    duplicate = rules.earliest_duplicate(index.matches(phones, values["name_key"], values["city"]))
    clash = rules.industry_check(values.get("industry"), source["name"], owners)
    row = {k: v for k, v in values.items() if k != "sourced_by"}
    row.update(sourced_by_id=source["id"], duplicate_of=duplicate[0] if duplicate else None)
    return Admission(row, None if territory.ok else territory, duplicate,
                     (clash,) if clash else ())


def refusal_error(admission: Admission) -> RuleRefusal | None:
    """The exit-1 refusal an admission means when it is not forced, if any."""
    if admission.refusal is not None:
        return RuleRefusal("refuse.territory", **admission.refusal.params)
    if admission.duplicate is not None:
        dup_id, why = admission.duplicate
        return RuleRefusal("refuse.duplicate", id=dup_id, why=rules.Text(f"dup.{why}"),
                           duplicate_of=dup_id)
    return None


def add_prospect(tx: Tx, data: ProspectIn, *, force: bool) -> dict:
    """Territory (Q6) and duplicate (Q8) checks, then the new row."""
    source = store.staff_by_name(tx, data.sourced_by)
    admission = admit(normalised(data.model_dump()), source, DatabaseIndex(tx),
                      store.prospector_industries(tx, source["center_id"]))
    refusal = refusal_error(admission)
    if admission.refusal is not None or (admission.duplicate is not None and not force):
        assert refusal is not None
        raise refusal
    prospect_id = store.insert_prospect(tx, admission.values)
    return {"id": prospect_id, "duplicate_of": admission.values["duplicate_of"],
            "company": data.company, "warnings": list(admission.warnings)}


class _EarlierOnly:
    """A changed prospect can only duplicate one that came before it."""

    def __init__(self, index: DuplicateIndex, before: int) -> None:
        self.index, self.before = index, before

    def matches(self, phones: list[str], name_key: str, city: str) -> list[tuple[int, str]]:
        return [m for m in self.index.matches(phones, name_key, city) if m[0] < self.before]


def update_prospect(tx: Tx, prospect_id: int, patch: ProspectFields, *, force: bool) -> dict:
    """Changes the facts given; the admission rules run again on the changed prospect."""
    row = store.prospect(tx, prospect_id)
    changes: dict[str, Any] = patch.model_dump(exclude_unset=True, exclude={"sourced_by"})
    changes = {k: v for k, v in changes.items() if v is not None}
    source = store.staff_by_name(tx, patch.sourced_by) if patch.sourced_by else None
    if source is not None:
        changes["sourced_by_id"] = source["id"]
    if not changes:
        raise BadInput("bad.nothing_to_update")
    if source is None:
        source = {"id": row["sourced_by_id"], "name": row["sourced_by"],
                  "city": row["center_city"], "center_id": row["center_id"]}
    values = normalised({**{k: row[k] for k in store.PROSPECT_COLUMNS}, **changes})
    admission = admit(values, source, _EarlierOnly(DatabaseIndex(tx, prospect_id), prospect_id),
                      store.prospector_industries(tx, source["center_id"]))
    if admission.refusal is not None and {"city", "sourced_by_id"} & changes.keys():
        raise RuleRefusal("refuse.territory", **admission.refusal.params)
    if {"company", "city", "landline", "mobile"} & changes.keys():
        changes.update(city=values["city"], name_key=values["name_key"])
        if admission.duplicate is not None and not row["duplicate_of"]:
            if not force:
                error = refusal_error(replace(admission, refusal=None))
                assert error is not None
                raise error
            changes["duplicate_of"] = admission.duplicate[0]
    store.update_prospect(tx, prospect_id, changes)
    return {"id": prospect_id, "changed": sorted(k for k in changes if k != "name_key"),
            "warnings": list(admission.warnings) if "industry" in changes else []}


def live_prospect(tx: Tx, prospect_id: int) -> dict:
    row = store.prospect(tx, prospect_id)
    if row["merged_into"] is not None:
        raise BadInput("refuse.merged", id=prospect_id, into=row["merged_into"])
    return row


def prospect_facts(tx: Tx, row: dict) -> rules.ProspectFacts:
    round_rows = store.rounds(tx, row["id"])
    project = store.direct_project_for(tx, row["name_key"], row["city"])
    return rules.ProspectFacts(
        employees=row["employees"], pcs=row["pcs"], city=row["city"],
        center_city=row["center_city"], suburban=row["suburban"], address=row["address"],
        contact_surname=row["contact_surname"], landline=row["landline"],
        in_selection=row["in_selection"],
        redsea_signals=tuple(store.redsea_signals(tx, row["id"])),
        rounds=tuple(
            rules.Round(by_source=r["staff_id"] == row["sourced_by_id"], pretext=r["pretext"],
                        result=r["result"], address=bool(r["address_confirmed"]),
                        scale=bool(r["scale_checked"]), day=r["day"], seq=r["id"],
                        address_seen=r["address_seen"], employees_seen=r["employees_seen"],
                        pcs_seen=r["pcs_seen"])
            for r in round_rows
        ),
        direct_sales=(project["contact"], project["status"]) if project else None,
        substandard_days=tuple(store.substandard_days(tx, row["id"])),
    )


def readiness(tx: Tx, policy: Policy, prospect_id: int,
              as_of: str | None = None) -> tuple[dict, rules.Readiness]:
    """Readiness now, or as of a day (Q2): what was recorded on or before it."""
    row = live_prospect(tx, prospect_id)
    return row, rules.visit_readiness(prospect_facts(tx, row), policy, as_of)


def _rating(row: dict, quality: bool, policy: Policy) -> rules.Rating:
    return rules.star_rating(
        quality=quality, deal_value=row["deal_value"], need=row["need"],
        yulin_interest=row["yulin_interest"], platform_interest=bool(row["platform_interest"]),
        policy=policy,
        not_quality_code="stars.found_substandard" if row["found_substandard"]
        else "stars.not_quality",
        redsea=rules.redsea_verdict(bool(row["in_selection"]), int(row["redsea_count"]), policy),
    )


def rating(row: dict, policy: Policy) -> rules.Rating:
    """The rating of a prospect row from ``store.prospect``, quality decided by the rule."""
    quality = rules.is_quality_customer(
        row["employees"], row["pcs"], rules.same_city(row["city"], row["center_city"]),
        row["duplicate_of"] is not None, row["found_substandard"], policy,
        merged=row["merged_into"] is not None,
    )
    return _rating(row, quality, policy)


def rate_listed(row: dict, policy: Policy) -> rules.Rating:
    """The rating of a row of ``store.list_prospects``, whose quality was decided by
    ``store.quality_sql`` (kept equal to the rule by a property test)."""
    return _rating(row, row["quality"], policy)


# --- verification and red sea -----------------------------------------------------------------


def verify(tx: Tx, data: RoundIn) -> dict:
    row = live_prospect(tx, data.prospect_id)
    by = store.staff_by_name(tx, data.by)
    refused = rules.may_verify(data.by, by["roles"], row["sourced_by"])
    if refused is not None:
        raise RuleRefusal(refused.code, **refused.params)
    number, round_id = store.add_round(tx, {
        "prospect_id": data.prospect_id, "staff_id": by["id"], "pretext": data.pretext,
        "result": data.result, "address_confirmed": data.address, "scale_checked": data.scale,
        "day": data.day, "note": data.note,
    })
    return {"prospect_id": data.prospect_id, "round": number, "round_id": round_id,
            "counts": by["id"] == row["sourced_by_id"] and data.result == "confirmed",
            "by": data.by, "no_address": data.address and not row["address"]}


def record_redsea(tx: Tx, policy: Policy, prospect_id: int, signals: list[str] | None,
                  *, clear: bool = False) -> dict:
    """Q18: with signals, they replace the recorded ones; with ``clear``, the signals go (the
    prospect stays in its selection); with neither, the recorded verdict is only read."""
    row = live_prospect(tx, prospect_id)
    if clear or signals:
        store.replace_redsea_signals(tx, prospect_id, [] if clear else list(signals or []))
        in_selection = True
    else:
        signals = store.redsea_signals(tx, prospect_id)
        in_selection = row["in_selection"]
    verdict = rules.redsea_assessment(in_selection, tuple(signals or ()), policy)
    return {"prospect_id": prospect_id, "verdict": verdict.verdict,
            "signals": list(verdict.signals), "assessment": verdict}


# --- visits -----------------------------------------------------------------------------------


def plan_visit(tx: Tx, policy: Policy, data: PlanIn) -> tuple[dict, rules.Readiness]:
    visitor = store.staff_by_name(tx, data.visitor)
    if "visitor" not in visitor["roles"]:
        raise BadInput("role.not_visitor", name=data.visitor)
    _row, ready = readiness(tx, policy, data.prospect_id)
    if not ready.ready:
        raise RuleRefusal("refuse.not_ready", id=data.prospect_id,
                          failing=", ".join(ready.failing), readiness=ready)
    plan_id = store.add_planned_visit(tx, data.prospect_id, visitor["id"], data.day)
    return ({"planned_visit_id": plan_id, "prospect_id": data.prospect_id,
             "visitor": data.visitor, "date": data.day}, ready)


@dataclass(frozen=True)
class LoggedVisit:
    visit_id: int
    prospect_id: int
    effective: rules.Effectiveness
    consequences: rules.VisitConsequences
    refusal: tuple[rules.Reason, ...]

    def as_json(self) -> dict:
        return {
            "visit_id": self.visit_id,
            "prospect_id": self.prospect_id,
            "effective": self.effective.effective,
            "missing": list(self.effective.missing),
            "points": [{"staff": a.staff, "delta": a.delta, "rule": a.rule}
                       for a in self.consequences.awards],
            "flags": list(self.consequences.flags),
        }


def log_visit(tx: Tx, policy: Policy, data: VisitIn) -> LoggedVisit:
    """Records what happened; never refused for readiness, but flagged (Q2, Q12, Q15, Q17)."""
    # Judged on what was recorded on or before the visit's own date (Q2).
    row, ready = readiness(tx, policy, data.prospect_id, as_of=data.day)
    by = store.staff_by_name(tx, data.by)
    refused = rules.may_log_visit(data.by, by["roles"], by["center_id"], row["center_id"])
    if refused is not None:
        raise RuleRefusal(refused.code, **refused.params)
    effect = rules.visit_effectiveness(data.outcome, data.items, data.contacts, policy)
    sweep = None
    if data.kind == "sweep":
        plans = store.day_plans(tx, by["id"], data.day)
        sweep = rules.SweepContext(
            planned=len(plans), unfinished=sum(1 for p in plans if p["visit_id"] is None),
            planned_districts=tuple(p["district"] for p in plans), district=row["district"])
    result = rules.visit_consequences(
        outcome=data.outcome, kind=data.kind, effective=effect.effective, visitor=data.by,
        source=row["sourced_by"], ready=ready.ready, policy=policy, sweep=sweep,
    )
    visit_id = store.add_visit(tx, {
        "prospect_id": data.prospect_id, "staff_id": by["id"], "day": data.day,
        "kind": data.kind, "outcome": data.outcome, "items": ",".join(data.items),
        "contacts": ",".join(data.contacts), "effective": effect.effective,
        "flags": ",".join(result.flags), "failing_checks": ",".join(ready.failing),
        "note": data.note,
    })
    if data.kind == "planned":
        store.close_planned_visit(tx, data.prospect_id, by["id"], data.day, visit_id)
    ids = {data.by: by["id"], row["sourced_by"]: row["sourced_by_id"]}
    for award in result.awards:
        staff_id = ids[award.staff]
        store.add_points(tx, staff_id, data.day, award.delta, award.rule, data.prospect_id,
                         visit_id)
        store.add_notice(tx, staff_id, data.day, award.kind, award.delta, award.rule,
                         data.prospect_id, visit_id)
    if "inspect" in result.flags:
        store.open_inspection(tx, visit_id)
    contact_values = {
        "landline": data.landline_number, "email": data.email_address,
        "mobile": data.mobile_number, "qq": data.qq_number,
    }
    store.update_prospect(tx, data.prospect_id,
                          {k: v for k, v in contact_values.items() if v is not None})
    refusal = rules.refusal_causes(ready.failing) if data.outcome == "refused" else ()
    return LoggedVisit(visit_id, data.prospect_id, effect, result, refusal)


# --- reports ----------------------------------------------------------------------------------


def rate_all(tx: Tx, policy: Policy) -> tuple[list[tuple[dict, rules.Rating]], int]:
    """Every live prospect with its stars, best first, and how many quality ones are unvisited."""
    rows = store.list_prospects(tx, policy, {}, None, ranked=True)  # ranked in SQL
    return [(row, rate_listed(row, policy)) for row in rows], store.unvisited_quality(tx, policy)


def daily_report(tx: Tx, policy: Policy, day: str, center: str | None) -> dict:
    import datetime as dt

    if center is not None:
        store.center_by_name(tx, center)
    active = rules.quota_active(dt.date.fromisoformat(day), policy)
    people = []
    for row in store.report_people(tx, day, center, policy):
        roles = [r for r in row["roles"].split(",") if r]
        people.append({
            "name": row["name"], "center": row["center"], "roles": roles,
            "quality_found": int(row["quality_found"]),
            "quota_met": rules.quota_met(int(row["quality_found"]), "prospector" in roles,
                                         active, policy),
            "verifications": int(row["verifications"]), "visits": int(row["visits"]),
            "effective_visits": int(row["effective_visits"]),
            "points_today": int(row["points_today"]), "points_total": int(row["points_total"]),
        })
    board = [
        {"date": n["date"], "staff": n["staff"], "kind": n["kind"], "delta": n["delta"],
         "rule": n["rule"], "prospect_id": n["prospect_id"], "company": n["company"]}
        for n in store.notices(tx, day, day, center)
    ]
    attention: list[dict] = []
    for item in store.open_inspections(tx, day, center):
        attention.append({"rule": "substandard", "kind": "inspect", "prospect_id":
                          item["prospect_id"], "visit_id": item["visit_id"],
                          "code": "attention.inspect", "params": dict(item)})
    for item in store.flagged_visits(tx, day, center, "unready"):
        attention.append({"rule": "readiness", "kind": "unready", "prospect_id":
                          item["prospect_id"], "visit_id": item["visit_id"],
                          "code": "attention.unready", "params": {"visit_id": item["visit_id"]}})
    for item in store.flagged_visits(tx, day, center, "refused"):
        causes = rules.refusal_causes(tuple(c for c in item["failing_checks"].split(",") if c))
        attention.append({"rule": "refusal", "kind": "refused", "prospect_id":
                          item["prospect_id"], "visit_id": item["visit_id"],
                          "code": "attention.refused",
                          "params": {"visit_id": item["visit_id"], "cause": causes[0]}})
    owners_by_center: dict[int, dict[str, list[str]]] = {}
    for found in store.prospects_found_on(tx, day, center):
        if found["center_id"] not in owners_by_center:
            owners_by_center[found["center_id"]] = store.prospector_industries(
                tx, found["center_id"])
        clash = rules.industry_check(found["industry"], found["source"],
                                     owners_by_center[found["center_id"]])
        if clash is not None:
            attention.append({"rule": "duplicate", "kind": "industry",
                              "prospect_id": found["id"], "code": "attention.industry",
                              "params": {"prospect_id": found["id"], **clash.params}})
    for cand in store.top_star_candidates(tx, policy, center, new_on=day):
        stars = int(cand["stars"])
        attention.append({"rule": "managers", "kind": "take-over", "prospect_id": cand["id"],
                          "stars": stars, "code": "attention.take_over",
                          "params": {"stars": stars, "company": cand["company"]}})
    return {
        "date": day,
        "center": center,
        "quota": {"per_day": policy.quota.per_day, "active": active},
        "people": people,
        "notices": board,
        "attention": attention,
    }

