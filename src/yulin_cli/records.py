"""Rows as typed records: what the queries of every slice hand back.

A database row (a dict from ``db.Tx``) becomes a frozen record here, at the store boundary, and
nowhere else: list-valued columns (roles, industries, questionnaire items, contacts, failing
checks) are split by ``split_list`` and booleans become ``bool`` once, so no command or service
parses a column by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from functools import lru_cache
from typing import Any, Protocol, Self

from yulin_cli.frozen import frozen


@lru_cache(maxsize=4096)
def split_list(text: str | None) -> tuple[str, ...]:
    """A comma-joined column as a tuple: the one place such columns are read. Remembered:
    a million visits carry a few dozen different lists of items."""
    return tuple(part for part in (text or "").split(",") if part)


def join_list(values: Iterable[str]) -> str:
    """The inverse of ``split_list``, for writing."""
    return ",".join(values)


class _Record:
    """``from_row`` builds a record from a row holding (at least) its fields."""

    __slots__ = ()  # a slotted record takes no stray attribute

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        return cls(**{name: row[name] for name in field_names(cls)})


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """A record's fields, looked up once: lists of 100,000 rows build a record each."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


@frozen
class Center(_Record):
    id: int
    name: str
    city: str


@frozen
class StaffMember(_Record):
    id: int
    name: str
    center_id: int
    center: str
    city: str  # the centre's city
    roles: tuple[str, ...]
    industries: tuple[str, ...]
    since: str | None = None  # the day they began as a prospector (Q3)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        return cls(id=row["id"], name=row["name"], center_id=row["center_id"],
                   center=row["center"], city=row["city"], roles=split_list(row["roles"]),
                   industries=split_list(row["industries"]), since=row.get("since"))

    def has_role(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)


# The columns a prospect's facts live in (what add-prospect and import write).
PROSPECT_COLUMNS = (
    "company", "name_key", "city", "district", "suburban", "address", "industry", "ownership",
    "employees", "pcs", "contact_surname", "landline", "mobile", "email", "qq", "found_on",
    "deal_value", "need", "yulin_interest", "platform_interest", "has_oa", "erp_need",
    "in_selection", "existing_customer", "partner", "vendor_share", "sourced_by_id",
    "duplicate_of", "credit_code", "latitude", "longitude", "landline_ext",
)
FLAG_COLUMNS = ("suburban", "platform_interest", "has_oa", "erp_need", "in_selection",
                "existing_customer")


@frozen
class Prospect(_Record):
    """A prospect with its finder, the finder's centre, and what the rules read besides."""

    id: int
    company: str
    name_key: str
    city: str
    district: str | None
    suburban: bool
    address: str | None
    industry: str | None
    ownership: str
    employees: int | None
    pcs: int | None
    contact_surname: str | None
    landline: str | None
    mobile: str | None
    email: str | None
    qq: str | None
    found_on: str
    deal_value: int | None
    need: str | None
    yulin_interest: str | None
    platform_interest: bool
    has_oa: bool
    erp_need: bool
    in_selection: bool
    existing_customer: bool
    partner: str | None
    vendor_share: int | None
    sourced_by_id: int
    duplicate_of: int | None
    merged_into: int | None
    sourced_by: str  # the finder's name
    center_id: int
    center: str
    center_city: str
    found_substandard: bool  # a visit found it below the standard, not overturned
    redsea_count: int  # competitor signals recorded (Q18)
    credit_code: str | None = None  # unified social credit code (Q8)
    latitude: float | None = None  # where it is, WGS-84 (Q15)
    longitude: float | None = None
    recorded_by_login: str | None = None  # team mode: the login that added it
    landline_ext: str | None = None  # the landline's extension: 0510-85201292 转 8001

    @property
    def location(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        values = {name: row[name] for name in field_names(cls)}
        for flag in (*FLAG_COLUMNS, "found_substandard"):
            values[flag] = bool(values[flag])
        values["redsea_count"] = int(values["redsea_count"])
        return cls(**values)

    def facts(self) -> dict[str, Any]:
        """The stored facts, as add-prospect takes them."""
        return {name: getattr(self, name) for name in PROSPECT_COLUMNS}


@frozen
class ListedProspect(_Record):
    """A prospect as lists and rankings show it, stars and quality decided in SQL
    (``sql_rules``), and what its rating reads."""

    id: int
    company: str
    city: str
    district: str | None
    suburban: bool
    sourced_by: str
    found_on: str
    duplicate_of: int | None
    deal_value: int | None
    need: str | None
    yulin_interest: str | None
    platform_interest: bool
    in_selection: bool
    quality: bool
    found_substandard: bool
    stars: int
    impure: bool
    redsea_count: int
    visits: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        return cls.from_tuple(tuple(row[name] for name in field_names(cls)))

    @classmethod
    def from_tuple(cls, row: tuple[Any, ...]) -> Self:
        """From the columns in the order of the fields (``Tx.tuples``)."""
        (id_, company, city, district, suburban, sourced_by, found_on, duplicate_of,
         deal_value, need, interest, platform, in_selection, quality, found_substandard,
         stars, impure, redsea_count, visits) = row
        return cls(id_, company, city, district, bool(suburban), sourced_by, found_on,
                   duplicate_of, deal_value, need, interest, bool(platform), bool(in_selection),
                   bool(quality), bool(found_substandard), int(stars), bool(impure),
                   int(redsea_count), int(visits))


@frozen
class Voiding:
    """Who voided a record, when (wall clock) and why: it stays, and stops counting."""

    by: str
    at: str
    reason: str

    @classmethod
    def of_row(cls, row: dict[str, Any]) -> Voiding | None:
        """From a row's ``voided_at``, ``voided_by`` and ``void_reason``, if it was voided."""
        if not row.get("voided_at"):
            return None
        return cls(row.get("voided_by") or "", row["voided_at"], row.get("void_reason") or "")


@frozen
class VerificationRound(_Record):
    id: int
    round_no: int
    staff_id: int
    by: str
    pretext: str
    result: str
    address_confirmed: bool
    scale_checked: bool
    day: str
    note: str | None
    address_seen: str | None
    employees_seen: int | None
    pcs_seen: int | None
    voided: Voiding | None = None
    recorded_by_login: str | None = None  # team mode: the login that recorded it

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        values: dict[str, Any] = {name: row.get(name) for name in field_names(cls)
                                  if name != "voided"}
        values["address_confirmed"] = bool(values["address_confirmed"])
        values["scale_checked"] = bool(values["scale_checked"])
        return cls(**values, voided=Voiding.of_row(row))


@frozen
class VisitPhoto(_Record):
    """A photo recorded with a visit (Q15); the file itself stays at ``path``."""

    visit_id: int
    sha256: str
    size: int
    path: str
    taken_at: str | None
    latitude: float | None
    longitude: float | None


@frozen
class Visit(_Record):
    id: int
    prospect_id: int
    day: str
    staff_id: int
    by: str
    kind: str
    outcome: str
    items: tuple[str, ...]
    contacts: tuple[str, ...]
    effective: bool
    flags: tuple[str, ...]
    failing_checks: tuple[str, ...]  # readiness checks failing when it happened (Q17)
    note: str | None
    voided: Voiding | None = None
    photos: tuple[VisitPhoto, ...] = ()  # Q15
    recorded_by_login: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any], flags: tuple[str, ...] = (),
                 photos: tuple[VisitPhoto, ...] = ()) -> Self:
        return cls(id=row["id"], prospect_id=row["prospect_id"], day=row["day"],
                   staff_id=row["staff_id"], by=row["by"], kind=row["kind"],
                   outcome=row["outcome"], items=split_list(row["items"]),
                   contacts=split_list(row["contacts"]), effective=bool(row["effective"]),
                   flags=flags, failing_checks=split_list(row["failing_checks"]),
                   note=row["note"], voided=Voiding.of_row(row), photos=photos,
                   recorded_by_login=row.get("recorded_by_login"))


@frozen
class PlannedVisit(_Record):
    id: int
    prospect_id: int
    day: str
    visitor: str
    visit_id: int | None
    district: str | None
    recorded_by_login: str | None


@frozen
class DirectProject(_Record):
    id: int
    company: str
    city: str
    contact: str
    status: str


@frozen
class Notice:
    """An entry of the notice board (通报)."""

    date: str
    staff: str
    kind: str  # praise | criticism | voided (gives back an earlier notice's points)
    delta: int
    rule: str
    prospect_id: int | None
    company: str | None
    clause: str | None  # the clause behind the entry (None for a manager's own entry)
    recorded_by_login: str | None  # team mode: the login whose command wrote it


class PhotoFacts(Protocol):
    """What a photo's JSON shows: a recorded ``VisitPhoto`` or a file read now
    (``visits.photos.PhotoFile``)."""

    @property
    def sha256(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def path(self) -> str: ...
    @property
    def taken_at(self) -> str | None: ...
    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...


def photo_json(photo: PhotoFacts) -> dict[str, Any]:
    """A visit's photo as JSON, in `log-visit` and in `show` alike."""
    return {"sha256": photo.sha256, "size": photo.size, "path": photo.path,
            "taken_at": photo.taken_at, "latitude": photo.latitude,
            "longitude": photo.longitude}
