"""The team's actions: gather facts, ask the rules, store the outcome, in one transaction each.

Used by the command line, the demo loader and imports alike, so a prospect added from a CSV
file passes exactly the checks of one added by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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


# --- prospects --------------------------------------------------------------------------------


def add_prospect(tx: Tx, data: ProspectIn, *, force: bool) -> dict:
    """Territory (Q6) and duplicate (Q8) checks, then the new row."""
    source = store.staff_by_name(tx, data.sourced_by)
    city = rules.normalise_city(data.city)
    territory = rules.territory_check(city, source["city"], bool(data.suburban))
    if not territory.ok:
        raise RuleRefusal("refuse.territory", city=city, center_city=source["city"])
    values: dict[str, Any] = data.model_dump(exclude={"sourced_by"})
    values.update(city=city, name_key=rules.name_key(data.company, city),
                  sourced_by_id=source["id"])
    duplicate = store.find_duplicate(
        tx, phones=[p for p in (data.landline, data.mobile) if p],
        name_key=values["name_key"], city=city,
    )
    if duplicate is not None and not force:
        raise RuleRefusal("refuse.duplicate", id=duplicate[0], why=rules.Text(f"dup.{duplicate[1]}"),
                          duplicate_of=duplicate[0])
    values["duplicate_of"] = duplicate[0] if duplicate else None
    prospect_id = store.insert_prospect(tx, values)
    owners = store.prospector_industries(tx, source["center_id"])
    clash = rules.industry_check(data.industry, data.sourced_by, owners)
    return {"id": prospect_id, "duplicate_of": values["duplicate_of"], "company": data.company,
            "warnings": [clash] if clash else []}


def update_prospect(tx: Tx, prospect_id: int, patch: ProspectFields, *, force: bool) -> dict:
    row = store.prospect(tx, prospect_id)
    changes: dict[str, Any] = patch.model_dump(exclude_unset=True, exclude={"sourced_by"})
    changes = {k: v for k, v in changes.items() if v is not None}
    new_source = store.staff_by_name(tx, patch.sourced_by) if patch.sourced_by else None
    if new_source is not None:
        changes["sourced_by_id"] = new_source["id"]
    if not changes:
        raise BadInput("bad.nothing_to_update")
    if "city" in changes:
        changes["city"] = rules.normalise_city(changes["city"])
    city = changes.get("city", row["city"])
    if "city" in changes or "sourced_by_id" in changes:
        center_city = new_source["city"] if new_source else row["center_city"]
        if not rules.same_city(city, center_city):
            raise RuleRefusal("refuse.territory", city=city, center_city=center_city)
    if {"company", "city", "landline", "mobile"} & changes.keys():
        key = rules.name_key(changes.get("company", row["company"]), city)
        changes["name_key"] = key
        phones = [p for p in (changes.get("landline", row["landline"]),
                              changes.get("mobile", row["mobile"])) if p]
        duplicate = store.find_duplicate(tx, phones=phones, name_key=key, city=city,
                                         exclude=prospect_id)
        if duplicate is not None and duplicate[0] < prospect_id and not row["duplicate_of"]:
            if not force:
                raise RuleRefusal("refuse.duplicate", id=duplicate[0], why=rules.Text(f"dup.{duplicate[1]}"),
                                  duplicate_of=duplicate[0])
            changes["duplicate_of"] = duplicate[0]
    store.update_prospect(tx, prospect_id, changes)
    return {"id": prospect_id, "changed": sorted(k for k in changes if k != "name_key")}


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
                        scale=bool(r["scale_checked"]))
            for r in round_rows
        ),
        direct_sales=(project["contact"], project["status"]) if project else None,
        found_substandard=row["found_substandard"],
    )


def readiness(tx: Tx, policy: Policy, prospect_id: int) -> tuple[dict, rules.Readiness]:
    row = live_prospect(tx, prospect_id)
    return row, rules.visit_readiness(prospect_facts(tx, row), policy)


def rating(row: dict, policy: Policy) -> rules.Rating:
    """Stars for a prospect row (from ``store.prospect``)."""
    quality = rules.is_quality_customer(
        row["employees"], row["pcs"], rules.same_city(row["city"], row["center_city"]),
        row["duplicate_of"] is not None, row["found_substandard"], policy,
    )
    return rules.star_rating(
        quality=quality, deal_value=row["deal_value"], need=row["need"],
        yulin_interest=row["yulin_interest"], platform_interest=row["platform_interest"],
        policy=policy,
        not_quality_code="stars.found_substandard" if row["found_substandard"]
        else "stars.not_quality",
    )


def rate_listed(row: dict, policy: Policy) -> rules.Rating:
    """Stars for a row of ``store.list_prospects``, whose quality was decided in SQL."""
    return rules.star_rating(
        quality=row["quality"], deal_value=row["deal_value"], need=row["need"],
        yulin_interest=row["yulin_interest"], platform_interest=row["platform_interest"],
        policy=policy,
    )


# --- verification and red sea -----------------------------------------------------------------


def verify(tx: Tx, data: RoundIn) -> dict:
    row = live_prospect(tx, data.prospect_id)
    by = store.staff_by_name(tx, data.by)
    number = store.add_round(tx, {
        "prospect_id": data.prospect_id, "staff_id": by["id"], "pretext": data.pretext,
        "result": data.result, "address_confirmed": data.address, "scale_checked": data.scale,
        "day": data.day, "note": data.note,
    })
    return {"prospect_id": data.prospect_id, "round": number,
            "counts": by["id"] == row["sourced_by_id"], "by": data.by}


def record_redsea(tx: Tx, policy: Policy, prospect_id: int, signals: list[str]) -> dict:
    live_prospect(tx, prospect_id)
    store.replace_redsea_signals(tx, prospect_id, signals)
    verdict = rules.redsea_assessment(True, tuple(signals), policy)
    return {"prospect_id": prospect_id, "verdict": verdict.verdict,
            "signals": list(verdict.signals), "reason": verdict.action}


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
    row, ready = readiness(tx, policy, data.prospect_id)
    by = store.staff_by_name(tx, data.by)
    effect = rules.visit_effectiveness(data.outcome, data.items, data.contacts, policy)
    unfinished = store.unfinished_planned(tx, by["id"], data.day)
    result = rules.visit_consequences(
        outcome=data.outcome, kind=data.kind, effective=effect.effective, visitor=data.by,
        source=row["sourced_by"], unfinished_planned=unfinished, ready=ready.ready,
        policy=policy,
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
    rows = store.list_prospects(tx, policy, {}, None)
    rated = [(row, rate_listed(row, policy)) for row in rows]
    rated.sort(key=lambda pair: (-pair[1].stars, -(pair[0]["deal_value"] or 0), pair[0]["id"]))
    return rated, store.unvisited_quality(tx, policy)


def daily_report(tx: Tx, policy: Policy, day: str, center: str | None) -> dict:
    import datetime as dt

    if center is not None:
        store.center_by_name(tx, center)
    active = policy.quota_active(dt.date.fromisoformat(day))
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
        stars = rules.star_rating(
            quality=True, deal_value=cand["deal_value"], need=cand["need"],
            yulin_interest=cand["yulin_interest"],
            platform_interest=bool(cand["platform_interest"]), policy=policy,
        ).stars
        if stars >= 4:
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

