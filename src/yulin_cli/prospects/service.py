"""Prospects: the one admission step every way in passes (add-prospect, import, the sample
data), changes to a prospect's facts, one prospect's page, and lists (Q6, Q8)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from yulin_cli import rules
from yulin_cli.dating import check_recorded_day
from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.frozen import frozen
from yulin_cli.prospects import queries
from yulin_cli.records import ListedProspect, Prospect, StaffMember
from yulin_cli.results import JsonRows, Page, Result, human_only, jsonable, rating_json
from yulin_cli.team import queries as team

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy, PolicyBook


# --- admission: one way in (Q6, Q8) -------------------------------------------------------------


class DuplicateIndex(Protocol):
    """Where the duplicate rule looks for earlier prospects: the database, or (for an import)
    an in-memory index of the database and the rows admitted so far."""

    def matches(self, phones: list[str], name_key: str, city: str) -> list[tuple[int, str]]: ...

    def same_code(self, code: str) -> int | None:
        """The earliest live prospect with this credit code (Q8)."""
        ...

    def codes(self, ids: list[int]) -> dict[int, str]:
        """The credit codes of those of ``ids`` that have one."""
        ...


class DatabaseIndex:
    def __init__(self, tx: Tx, exclude: int | None = None) -> None:
        self.tx, self.exclude = tx, exclude

    def matches(self, phones: list[str], name_key: str, city: str) -> list[tuple[int, str]]:
        return queries.duplicate_matches(self.tx, phones=phones, name_key=name_key, city=city,
                                         exclude=self.exclude)

    def same_code(self, code: str) -> int | None:
        return queries.same_code(self.tx, code, exclude=self.exclude)

    def codes(self, ids: list[int]) -> dict[int, str]:
        return queries.credit_codes(self.tx, ids)


@frozen
class Admission:
    """What the rules say about a new prospect before it is stored."""

    values: dict[str, Any]  # the row to store, normalised
    refusal: rules.Reason | None  # out of territory (Q6)
    duplicate: tuple[int, str] | None  # (earliest prospect, why) it duplicates (Q8)
    warnings: tuple[rules.Reason, ...]  # another prospector's industry (Q8)
    notes: tuple[Note, ...] = ()  # what was filled in for the user, or is worth a word

    def error(self) -> RuleRefusal | None:
        """The exit-1 refusal this admission means when it is not forced, if any."""
        if self.refusal is not None:
            return RuleRefusal("refuse.territory", **self.refusal.params)
        if self.duplicate is not None:
            dup_id, why = self.duplicate
            return RuleRefusal("refuse.duplicate", id=dup_id, why=rules.Message(f"dup.{why}"),
                               duplicate_of=dup_id)
        return None


@frozen
class AreaCodeAdded:
    """A local landline was typed without its area code: the city's was added."""

    field: str
    area_code: str
    city: str

    def message(self) -> str:
        from yulin_cli.i18n import t

        return t("note.area_code", code=self.area_code, city=self.city)

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "area_code": self.area_code, "city": self.city,
                "message": self.message()}


@frozen
class HotlineNoted:
    """A 400/800 hotline was given as the landline: accepted, and said (it reaches a
    switchboard, rarely the IT contact)."""

    field: str
    number: str

    def message(self) -> str:
        from yulin_cli.i18n import t

        return t("typed.hotline_note", number=rules.phone_display(self.number))

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "kind": "hotline", "number": self.number}


@frozen
class CountyTown:
    """A county town was typed as the city (Q6): recorded as its prefecture and district."""

    typed: str
    city: str
    district: str
    suburban: bool

    def message(self) -> str:
        from yulin_cli.i18n import t

        return t("field.county_town", typed=self.typed, city=self.city, district=self.district,
                 suburban=t("field.suburban_yes") if self.suburban else "")

    def to_json(self) -> dict[str, Any]:
        return {"field": "city", "kind": "county_town", "typed": self.typed, "city": self.city,
                "district": self.district}


Note = AreaCodeAdded | HotlineNoted | CountyTown


def located(values: dict[str, Any]) -> dict[str, Any]:
    """Fields with a ``location`` (lat, lng) as the latitude and longitude columns."""
    if "location" not in values:
        return values
    out = {k: v for k, v in values.items() if k != "location"}
    if values["location"] is not None:
        out["latitude"], out["longitude"] = values["location"]
    return out


def normalised(values: dict[str, Any], near: str | None = None) -> dict[str, Any]:
    """Validated prospect fields with the city and the name key the rules compare, and a local
    landline given the area code of its city (``notes`` says so). A county town given as the
    city is its prefecture with that district, suburban unless said otherwise (Q6); ``near``,
    the finder's centre city, tells namesake counties apart."""
    from yulin_cli.parsers import is_hotline, with_area_code
    from yulin_cli.places import resolve

    place = resolve(values["city"], values.get("district"), values.get("suburban"), near)
    city = place.city
    values = {**values, "district": place.district, "suburban": place.suburban}
    notes: list[Note] = []
    if place.county_typed is not None and place.district:
        notes.append(CountyTown(place.county_typed, city, place.district, bool(place.suburban)))
    landline = values.get("landline")
    try:
        landline, added = with_area_code(landline, city)
    except ValueError as exc:
        raise BadInput("input.invalid", option="--landline", field="landline", code=str(exc),
                       value=str(values.get("landline", "")).removeprefix("local:")) from None
    if added:
        notes.append(AreaCodeAdded("landline", added, city))
    if landline is not None and is_hotline(landline):
        notes.append(HotlineNoted("landline", landline))
    return {**located(values), "city": city, "landline": landline,
            "name_key": rules.name_key(values["company"], city), "notes": tuple(notes)}


def duplicate_evidence(values: dict[str, Any], index: DuplicateIndex) -> list[tuple[int, str]]:
    """The phone and name matches, weighed against the credit codes (Q8): the same code wins,
    a different code rules a match out."""
    phones = [p for p in (values.get("landline"), values.get("mobile")) if p]
    matches = index.matches(phones, values["name_key"], values["city"])
    code = values.get("credit_code")
    if not code:
        return matches
    return rules.code_evidence(code, matches, index.codes([m[0] for m in matches]),
                               index.same_code(code))


def admit(values: dict[str, Any], source: StaffMember, index: DuplicateIndex,
          owners: dict[str, list[str]]) -> Admission:
    """The one admission step for every way a prospect enters: add-prospect, import and the
    sample data. ``values`` come from ``normalised``; ``source`` is its finder."""
    territory = rules.territory_check(values["city"], source.city, bool(values.get("suburban")))
    county = next((n for n in values.get("notes", ()) if isinstance(n, CountyTown)), None)
    if not territory.ok and county is not None:  # say the place as typed: 江阴（无锡）
        territory = replace(territory, params={**territory.params,
                                               "city": f"{county.typed}（{county.city}）"})
    duplicate = rules.earliest_duplicate(duplicate_evidence(values, index))
    clash = rules.industry_check(values.get("industry"), source.name, owners)
    row = values.copy()  # a copy in C, then two keys off: faster than filtering each key
    row.pop("sourced_by", None)
    row.pop("notes", None)
    row.update(sourced_by_id=source.id, duplicate_of=duplicate[0] if duplicate else None)
    return Admission(row, None if territory.ok else territory, duplicate,
                     (clash,) if clash else (), values.get("notes", ()))


# --- results ------------------------------------------------------------------------------------


def notes_json(notes: tuple[Note, ...]) -> list[dict[str, Any]]:
    return [n.to_json() for n in notes]


@frozen
class ProspectAdded(Result):
    id: int
    duplicate_of: int | None
    warnings: tuple[rules.Reason, ...]
    company: str = human_only("")
    notes: tuple[Note, ...] = human_only(())
    # Earlier prospects it is likely a typo of (Q8): a warning, never a refusal (prospects.likely).
    possible_duplicates: tuple[Any, ...] = ()

    def to_json(self) -> Any:
        from yulin_cli.results import fields_json

        return {**fields_json(self), "notes": notes_json(self.notes)}


@frozen
class ProspectUpdated(Result):
    id: int
    changed: tuple[str, ...]
    warnings: tuple[rules.Reason, ...]
    notes: tuple[Note, ...] = human_only(())
    # Ready to visit before the change and not after: a new address or scale is not confirmed
    # by the rounds that confirmed the old one (Q2). What now fails, so nobody goes unaware.
    readiness_lost: tuple[rules.Reason, ...] = ()

    def to_json(self) -> Any:
        from yulin_cli.results import fields_json

        return {**fields_json(self), "notes": notes_json(self.notes)}


@frozen
class ProspectList(Result):
    """`list`: a human view holds its first page (``page`` says of how many); ``--json``
    streams every prospect as it is read."""

    prospects: Iterable[ListedProspect]
    page: Page | None = human_only(None)

    KEYS = ("id", "company", "city", "district", "suburban", "sourced_by", "found_on", "stars",
            "duplicate_of", "visits")

    def to_json(self) -> Any:
        keys = self.KEYS
        return JsonRows({k: getattr(p, k) for k in keys} for p in self.prospects)


@frozen
class ProspectPage(Result):
    """`show`: everything about one prospect (gathered by ``guidance.service.page``: its
    rating and advice are judged above this slice)."""

    prospect: Prospect
    rounds: tuple[Any, ...]
    planned_visits: tuple[Any, ...]
    visits: tuple[Any, ...]
    readiness: rules.Readiness
    rating: rules.Rating
    redsea: rules.RedseaVerdict
    advice: tuple[rules.Reason, ...]
    refusal: tuple[rules.Reason, ...]
    fill: dict[str, Any] = human_only(None)  # names and ids the suggested commands need
    history: tuple[queries.FactChangeRow, ...] | None = None  # with --history

    SHOWN = ("id", "company", "city", "district", "suburban", "address", "industry",
             "ownership", "employees", "pcs", "contact_surname", "landline", "mobile", "email",
             "qq", "landline_ext", "found_on", "deal_value", "need", "yulin_interest", "platform_interest",
             "has_oa", "erp_need", "in_selection", "existing_customer", "partner",
             "vendor_share", "sourced_by", "center", "duplicate_of", "merged_into",
             "credit_code", "latitude", "longitude", "recorded_by_login")

    def to_json(self) -> Any:
        from yulin_cli.i18n import explain, reason_json
        from yulin_cli.records import photo_json

        p = self.prospect
        return {
            "prospect": {k: getattr(p, k) for k in self.SHOWN},
            "rounds": [{"round": r.round_no, "round_id": r.id, "by": r.by, "pretext": r.pretext,
                        "result": r.result, "address": r.address_confirmed,
                        "scale": r.scale_checked, "date": r.day, "note": r.note,
                        "voided": jsonable(r.voided),
                        "recorded_by_login": r.recorded_by_login}
                       for r in self.rounds],
            "planned_visits": [{"id": v.id, "date": v.day, "visitor": v.visitor,
                                "visit_id": v.visit_id, "recorded_by_login": v.recorded_by_login}
                               for v in self.planned_visits],
            "visits": [{"id": v.id, "visit_id": v.id, "date": v.day, "by": v.by,
                        "kind": v.kind, "outcome": v.outcome, "effective": v.effective,
                        "items": list(v.items), "flags": list(v.flags), "note": v.note,
                        "voided": jsonable(v.voided),
                        "photos": [photo_json(ph) for ph in v.photos],
                        "recorded_by_login": v.recorded_by_login}
                       for v in self.visits],
            "readiness": {"ready": self.readiness.ready,
                          "checks": [reason_json(c) for c in self.readiness.checks]},
            "rating": rating_json(p.id, self.rating, company=p.company),
            "redsea": {"verdict": self.redsea.verdict, "signals": list(self.redsea.signals)},
            "advice": [{"rule": a.rule, "clause": a.clause, "message": explain(a)}
                       for a in self.advice],
            "refusal": [reason_json(r) for r in self.refusal],
            **({"history": [jsonable(h) for h in self.history]} if self.history is not None
               else {}),
        }


# --- services -----------------------------------------------------------------------------------


def judge_likely_pairs_again(tx: Tx) -> None:
    """After a migration: the likely duplicates kept for the evening, from every prospect
    (``likely.rebuild``; the rule needs pinyin, which no migration's SQL has)."""
    from yulin_cli.prospects.likely import rebuild

    rebuild(tx)


def add_prospect(tx: Tx, facts: dict[str, Any], *, force: bool) -> ProspectAdded:
    """Territory (Q6) and duplicate (Q8) checks, then the new row. ``facts``: every fact of
    the prospect as ``forms.prospect_facts`` reads them."""
    source = team.staff_by_name(tx, facts["sourced_by"])
    check_recorded_day(facts["found_on"], "--found-on")
    admission = admit(normalised(facts, source.city), source, DatabaseIndex(tx),
                      team.prospector_industries(tx, source.center_id))
    error = admission.error()
    if admission.refusal is not None or (admission.duplicate is not None and not force):
        assert error is not None
        raise error
    prospect_id = queries.insert_prospect(tx, admission.values)
    from yulin_cli.prospects.likely import possible_duplicates

    likely = possible_duplicates(tx, [prospect_id])
    return ProspectAdded(prospect_id, admission.values["duplicate_of"], admission.warnings,
                         facts["company"], admission.notes, tuple(likely.get(prospect_id, ())))


def update_prospect(tx: Tx, book: PolicyBook, prospect_id: int, patch: dict[str, Any], *,
                    force: bool, by: str | None, day: str) -> ProspectUpdated:
    """Changes the facts given, each recorded in the prospect's history (dated ``day``, by
    ``by``); the admission rules run again on the changed prospect, and a change that undoes
    its readiness to visit says so. What its visits came to is judged again."""
    from yulin_cli.outcomes import service as outcomes

    policy = book.at(day)
    by_id = team.staff_by_name(tx, by).id if by is not None else None
    current = queries.prospect(tx, prospect_id)
    check_recorded_day(day, not_before=current.found_on,
                             what=rules.Message("field.found_on_of"))
    found_on, sourced_by = patch.get("found_on"), patch.get("sourced_by")
    if found_on is not None:
        check_recorded_day(found_on, "--found-on")
    if sourced_by is not None and sourced_by != current.sourced_by:
        # Who found a prospect is a manager's to change (RULES.md, third release).
        if by is None:
            raise BadInput("input.missing", option="--by")
        from yulin_cli.team.service import require_manager

        require_manager(tx, by, "refuse.finder_managers")
    changes = located({k: v for k, v in patch.items() if v is not None and k != "sourced_by"})
    if "landline" in changes:
        changes["landline_ext"] = patch.get("landline_ext")  # a new number without one clears it
    source = team.staff_by_name(tx, sourced_by) if sourced_by else None
    if source is not None:
        changes["sourced_by_id"] = source.id
    if not changes:
        raise BadInput("bad.nothing_to_update")
    if source is None:
        source = team.staff_by_name(tx, current.sourced_by)
    facts = {**current.facts(), **changes}
    if {"city", "district"} & changes.keys() and "suburban" not in changes:
        facts["suburban"] = current.suburban or None  # a county town may imply it
    values = normalised(facts, source.city)
    later: int | None = None
    admission = admit(values, source,
                      DatabaseIndex(tx, prospect_id),
                      team.prospector_industries(tx, source.center_id))
    if admission.refusal is not None and {"city", "sourced_by_id"} & changes.keys():
        raise RuleRefusal("refuse.territory", **admission.refusal.params)
    if "landline" in changes:
        changes["landline"] = values["landline"]
    if {"city", "district"} & changes.keys():
        for key in ("city", "district"):  # as stored: 苏州市 is no change to 苏州
            if values[key] != getattr(current, key):
                changes[key] = values[key]
            else:
                changes.pop(key, None)
        if values["suburban"] and not current.suburban:
            changes["suburban"] = True
    if {"company", "city", "landline", "mobile", "credit_code"} & changes.keys():
        changes["name_key"] = values["name_key"]
        # A change that makes two prospects one company is refused whichever is older
        # (RULES.md, third release); forced, the later-found one is the duplicate.
        if admission.duplicate is not None and not current.duplicate_of:
            if not force:
                error = replace(admission, refusal=None).error()
                assert error is not None
                raise error
            if admission.duplicate[0] < prospect_id:
                changes["duplicate_of"] = admission.duplicate[0]
            else:
                later = admission.duplicate[0]
    confirmed_facts = {"address", "employees", "pcs"} & changes.keys()
    was_ready = bool(confirmed_facts) and _ready(tx, policy, prospect_id).ready
    queries.update_prospect(tx, prospect_id, changes, day=day, by_id=by_id)
    if later is not None:
        queries.update_prospect(tx, later, {"duplicate_of": prospect_id}, day=day, by_id=by_id)
    related = {prospect_id, later, current.duplicate_of, changes.get("duplicate_of")} - {None}
    outcomes.reconcile_prospects(tx, book, related)  # type: ignore[arg-type]
    lost = (tuple(c for c in _ready(tx, policy, prospect_id).checks if not c.ok) if was_ready
            else ())
    return ProspectUpdated(prospect_id, tuple(sorted(k for k in changes if k != "name_key")),
                           admission.warnings if "industry" in changes else (),
                           admission.notes if "landline" in changes else (), lost)


def _ready(tx: Tx, policy: Policy, prospect_id: int) -> rules.Readiness:
    from yulin_cli.outcomes.queries import prospect_facts

    return rules.visit_readiness(prospect_facts(tx, queries.live_prospect(tx, prospect_id)),
                                 policy)


def list_prospects(tx: Tx, policy: Policy, filters: queries.Filters,
                   limit: int | None) -> ProspectList:
    """The first ``limit`` prospects with how many there are, or every one as it is read. A
    person or centre to filter by must exist (exit 2), as everywhere else."""
    if filters.sourced_by is not None:
        team.staff_by_name(tx, filters.sourced_by)
    if filters.center is not None:
        team.center_by_name(tx, filters.center)
    if limit is None:
        return ProspectList(queries.iter_prospects(tx, policy, filters, whole=True))
    shown = tuple(queries.list_prospects(tx, policy, filters, limit))
    total = (len(shown) if len(shown) < limit
             else queries.count_prospects(tx, policy, filters))
    return ProspectList(shown, Page(len(shown), total))

