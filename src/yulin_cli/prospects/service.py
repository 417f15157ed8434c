"""Prospects: the one admission step every way in passes (add-prospect, import, the sample
data), changes to a prospect's facts, one prospect's page, and lists (Q6, Q8)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from yulin_cli import rules
from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.guidance.service import advice_for
from yulin_cli.prospects import queries
from yulin_cli.records import ListedProspect, Prospect, StaffMember
from yulin_cli.reports.service import rating
from yulin_cli.results import Result, human_only, rating_json
from yulin_cli.team import queries as team
from yulin_cli.visits import queries as visits
from yulin_cli.visits.service import prospect_facts

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.inputs import ProspectFields, ProspectIn
    from yulin_cli.policy import Policy


# --- admission: one way in (Q6, Q8) -------------------------------------------------------------


class DuplicateIndex(Protocol):
    """Where the duplicate rule looks for earlier prospects: the database, or (for an import)
    an in-memory index of the database and the rows admitted so far."""

    def matches(self, phones: list[str], name_key: str, city: str) -> list[tuple[int, str]]: ...


class DatabaseIndex:
    def __init__(self, tx: Tx, exclude: int | None = None) -> None:
        self.tx, self.exclude = tx, exclude

    def matches(self, phones: list[str], name_key: str, city: str) -> list[tuple[int, str]]:
        return queries.duplicate_matches(self.tx, phones=phones, name_key=name_key, city=city,
                                         exclude=self.exclude)


class _EarlierOnly:
    """A changed prospect can only duplicate one that came before it."""

    def __init__(self, index: DuplicateIndex, before: int) -> None:
        self.index, self.before = index, before

    def matches(self, phones: list[str], name_key: str, city: str) -> list[tuple[int, str]]:
        return [m for m in self.index.matches(phones, name_key, city) if m[0] < self.before]


@dataclass(frozen=True, slots=True)
class Admission:
    """What the rules say about a new prospect before it is stored."""

    values: dict[str, Any]  # the row to store, normalised
    refusal: rules.Reason | None  # out of territory (Q6)
    duplicate: tuple[int, str] | None  # (earliest prospect, why) it duplicates (Q8)
    warnings: tuple[rules.Reason, ...]  # another prospector's industry (Q8)

    def error(self) -> RuleRefusal | None:
        """The exit-1 refusal this admission means when it is not forced, if any."""
        if self.refusal is not None:
            return RuleRefusal("refuse.territory", **self.refusal.params)
        if self.duplicate is not None:
            dup_id, why = self.duplicate
            return RuleRefusal("refuse.duplicate", id=dup_id, why=rules.Message(f"dup.{why}"),
                               duplicate_of=dup_id)
        return None


def normalised(values: dict[str, Any]) -> dict[str, Any]:
    """Validated prospect fields with the city and the name key the rules compare."""
    city = rules.normalise_city(values["city"])
    return {**values, "city": city, "name_key": rules.name_key(values["company"], city)}


def admit(values: dict[str, Any], source: StaffMember, index: DuplicateIndex,
          owners: dict[str, list[str]]) -> Admission:
    """The one admission step for every way a prospect enters: add-prospect, import and the
    sample data. ``values`` come from ``normalised``; ``source`` is its finder."""
    territory = rules.territory_check(values["city"], source.city, bool(values.get("suburban")))
    phones = [p for p in (values.get("landline"), values.get("mobile")) if p]
    duplicate = rules.earliest_duplicate(index.matches(phones, values["name_key"], values["city"]))
    clash = rules.industry_check(values.get("industry"), source.name, owners)
    row = {k: v for k, v in values.items() if k != "sourced_by"}
    row.update(sourced_by_id=source.id, duplicate_of=duplicate[0] if duplicate else None)
    return Admission(row, None if territory.ok else territory, duplicate,
                     (clash,) if clash else ())


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProspectAdded(Result):
    id: int
    duplicate_of: int | None
    warnings: tuple[rules.Reason, ...]
    company: str = human_only("")


@dataclass(frozen=True, slots=True)
class ProspectUpdated(Result):
    id: int
    changed: tuple[str, ...]
    warnings: tuple[rules.Reason, ...]


@dataclass(frozen=True, slots=True)
class ProspectList(Result):
    prospects: tuple[ListedProspect, ...]

    KEYS = ("id", "company", "city", "district", "suburban", "sourced_by", "found_on", "stars",
            "duplicate_of", "visits")

    def to_json(self) -> Any:
        return [{k: getattr(p, k) for k in self.KEYS} for p in self.prospects]


@dataclass(frozen=True, slots=True)
class ProspectPage(Result):
    """`show`: everything about one prospect."""

    prospect: Prospect
    rounds: tuple[Any, ...]
    planned_visits: tuple[Any, ...]
    visits: tuple[Any, ...]
    readiness: rules.Readiness
    rating: rules.Rating
    redsea: rules.RedseaVerdict
    advice: tuple[rules.Reason, ...]
    refusal: tuple[rules.Reason, ...]

    SHOWN = ("id", "company", "city", "district", "suburban", "address", "industry",
             "ownership", "employees", "pcs", "contact_surname", "landline", "mobile", "email",
             "qq", "found_on", "deal_value", "need", "yulin_interest", "platform_interest",
             "has_oa", "erp_need", "in_selection", "existing_customer", "partner",
             "vendor_share", "sourced_by", "center", "duplicate_of", "merged_into",
             "recorded_by_login")

    def to_json(self) -> Any:
        from yulin_cli.i18n import explain, reason_json

        p = self.prospect
        return {
            "prospect": {k: getattr(p, k) for k in self.SHOWN},
            "rounds": [{"round": r.round_no, "round_id": r.id, "by": r.by, "pretext": r.pretext,
                        "result": r.result, "address": r.address_confirmed,
                        "scale": r.scale_checked, "date": r.day, "note": r.note,
                        "recorded_by_login": r.recorded_by_login}
                       for r in self.rounds],
            "planned_visits": [{"id": v.id, "date": v.day, "visitor": v.visitor,
                                "visit_id": v.visit_id, "recorded_by_login": v.recorded_by_login}
                               for v in self.planned_visits],
            "visits": [{"id": v.id, "visit_id": v.id, "date": v.day, "by": v.by,
                        "kind": v.kind, "outcome": v.outcome, "effective": v.effective,
                        "items": list(v.items), "flags": list(v.flags), "note": v.note,
                        "recorded_by_login": v.recorded_by_login}
                       for v in self.visits],
            "readiness": {"ready": self.readiness.ready,
                          "checks": [reason_json(c) for c in self.readiness.checks]},
            "rating": rating_json(p.id, self.rating, company=p.company),
            "redsea": {"verdict": self.redsea.verdict, "signals": list(self.redsea.signals)},
            "advice": [{"rule": a.rule, "clause": a.clause, "message": explain(a)}
                       for a in self.advice],
            "refusal": [reason_json(r) for r in self.refusal],
        }


# --- services -----------------------------------------------------------------------------------


def add_prospect(tx: Tx, data: ProspectIn, *, force: bool) -> ProspectAdded:
    """Territory (Q6) and duplicate (Q8) checks, then the new row."""
    source = team.staff_by_name(tx, data.sourced_by)
    admission = admit(normalised(data.model_dump()), source, DatabaseIndex(tx),
                      team.prospector_industries(tx, source.center_id))
    error = admission.error()
    if admission.refusal is not None or (admission.duplicate is not None and not force):
        assert error is not None
        raise error
    prospect_id = queries.insert_prospect(tx, admission.values)
    return ProspectAdded(prospect_id, admission.values["duplicate_of"], admission.warnings,
                         data.company)


def update_prospect(tx: Tx, prospect_id: int, patch: ProspectFields, *,
                    force: bool) -> ProspectUpdated:
    """Changes the facts given; the admission rules run again on the changed prospect."""
    current = queries.prospect(tx, prospect_id)
    changes: dict[str, Any] = patch.model_dump(exclude_unset=True, exclude={"sourced_by"})
    changes = {k: v for k, v in changes.items() if v is not None}
    source = team.staff_by_name(tx, patch.sourced_by) if patch.sourced_by else None
    if source is not None:
        changes["sourced_by_id"] = source.id
    if not changes:
        raise BadInput("bad.nothing_to_update")
    if source is None:
        source = team.staff_by_name(tx, current.sourced_by)
    values = normalised({**current.facts(), **changes})
    admission = admit(values, source,
                      _EarlierOnly(DatabaseIndex(tx, prospect_id), prospect_id),
                      team.prospector_industries(tx, source.center_id))
    if admission.refusal is not None and {"city", "sourced_by_id"} & changes.keys():
        raise RuleRefusal("refuse.territory", **admission.refusal.params)
    if {"company", "city", "landline", "mobile"} & changes.keys():
        changes.update(city=values["city"], name_key=values["name_key"])
        if admission.duplicate is not None and not current.duplicate_of:
            if not force:
                error = replace(admission, refusal=None).error()
                assert error is not None
                raise error
            changes["duplicate_of"] = admission.duplicate[0]
    queries.update_prospect(tx, prospect_id, changes)
    return ProspectUpdated(prospect_id, tuple(sorted(k for k in changes if k != "name_key")),
                           admission.warnings if "industry" in changes else ())


def show(tx: Tx, policy: Policy, prospect_id: int) -> ProspectPage:
    prospect = queries.live_prospect(tx, prospect_id)
    facts = prospect_facts(tx, prospect)
    logged = visits.visits(tx, prospect_id)
    refused = [v for v in logged if v.outcome == "refused"]
    return ProspectPage(
        prospect=prospect,
        rounds=tuple(visits.rounds(tx, prospect_id)),
        planned_visits=tuple(visits.planned_visits(tx, prospect_id)),
        visits=tuple(logged),
        readiness=rules.visit_readiness(facts, policy),
        rating=rating(prospect, policy),
        redsea=rules.redsea_assessment(prospect.in_selection, facts.redsea_signals, policy),
        advice=advice_for(prospect, facts, logged, policy),
        refusal=rules.refusal_causes(refused[-1].failing_checks) if refused else (),
    )


def list_prospects(tx: Tx, policy: Policy, filters: queries.Filters,
                   limit: int | None) -> ProspectList:
    return ProspectList(tuple(queries.list_prospects(tx, policy, filters, limit)))

