"""What a command's options (or an imported row) come to, read without Pydantic when every
value is plain: the quick paths of the input models (``inputs``), so that a writing command
starts as fast as a reading one (issue 21). Anything not plain, or wrong, goes to the model,
which decides and words every error; property tests (tests/test_quick_inputs.py) hold each
quick path equal to its model.

A round, a plan and a visit are frozen dataclasses with the models' fields; a prospect's facts
are a dict (every fact for a new prospect, only those given for an update)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from yulin_cli.choices import (
    Followup,
    Interest,
    Need,
    Outcome,
    Ownership,
    Pretext,
    RoundResult,
    VisitKind,
)
from yulin_cli.frozen import frozen
from yulin_cli.parsers import (
    _EXTENSION_DASH,
    _QQ,
    _plain_email,
    _plain_phone,
    parse_credit_code,
    parse_extension,
    parse_items,
    parse_location,
    parse_money,
)
from yulin_cli.values import CONTROL, parse_count, parse_date

Reader = Callable[[object], Any]

_TEXT_LIMITS = {"company": 200, "city": 100, "sourced_by": 100, "district": 200,
                "address": 200, "industry": 200, "partner": 200, "contact_surname": 20}
_REQUIRED = ("company", "city", "sourced_by", "found_on")
_PLAIN_INT = re.compile(r"[1-9][0-9]{0,7}|0")
_PLAIN_MONEY = re.compile(r"(?P<amount>[1-9][0-9]{0,11}|0)(?P<wan>万|w|W)?")
_CHOICE_VALUES = {
    key: frozenset(m.value for m in choice) for key, choice in (
        ("ownership", Ownership), ("need", Need), ("yulin_interest", Interest),
        ("pretext", Pretext), ("result", RoundResult), ("outcome", Outcome),
        ("kind", VisitKind), ("followup", Followup))}
_PROSPECT_CHOICES = ("ownership", "need", "yulin_interest")
_FLAGS = ("suburban", "platform_interest", "has_oa", "erp_need", "in_selection",
          "existing_customer")


class _NotPlain(Exception):
    """A value the quick path leaves to the model."""


def _plain_text(value: object, limit: int) -> str:
    if type(value) is not str or CONTROL.search(value) or not unicodedata.is_normalized(
            "NFC", value):
        raise _NotPlain
    text = value.strip()
    if len(text) > limit:
        raise _NotPlain
    return text


def _text(limit: int, required: bool = False) -> Any:
    def parse(value: object) -> str | None:
        text = _plain_text(value, limit)
        if not text and required:
            raise _NotPlain
        return text or None
    return parse


def _str(parse: Reader) -> Reader:
    """A reader of text only: another type is the model's to judge."""
    def read(value: object) -> Any:
        if type(value) is not str:
            raise _NotPlain
        return parse(value)
    return read


def _flag(value: object) -> bool:
    if type(value) is not bool:
        raise _NotPlain
    return value


def _choice(key: str) -> Any:
    values = _CHOICE_VALUES[key]

    def parse(value: object) -> str:
        if type(value) is not str or value not in values:
            raise _NotPlain
        return value
    return parse


def _count(value: object) -> int:
    if type(value) is int and 0 <= value <= 10_000_000:
        return value
    if type(value) is str and _PLAIN_INT.fullmatch(value) and int(value) <= 10_000_000:
        return int(value)
    if type(value) is str:  # 300人, 三百, 1.2万: as the model reads them
        count = parse_count(value)
        if type(count) is int and 0 <= count <= 10_000_000:
            return count
    raise _NotPlain


def _money(value: object) -> int:
    match = _PLAIN_MONEY.fullmatch(value) if type(value) is str else None
    if match is None:
        if type(value) is str:
            return parse_money(value)  # 15万, 1.5k, 十五万: as the model reads them
        raise _NotPlain
    amount = int(match["amount"]) * (10_000 if match["wan"] else 1)
    if amount > 10**12:
        raise _NotPlain
    return amount


def _day(value: object) -> str:
    if type(value) is not str or not _ISO_DAY.fullmatch(value):
        raise _NotPlain
    return parse_date(value)


def _qq(value: object) -> str:
    if type(value) is not str or not value.isascii() or CONTROL.search(value) or not _QQ.match(
            value):
        raise _NotPlain
    return value


def _contact(kind: str) -> Any:
    def parse(value: object) -> str:
        if type(value) is not str or value != value.strip() or CONTROL.search(value):
            raise _NotPlain
        if kind != "email" and (not value.isascii() or (
                kind == "landline" and _EXTENSION_DASH.fullmatch(value))):
            raise _NotPlain  # full-width digits, or an extension: the model reads them
        found = _plain_email(value) if kind == "email" else _plain_phone(value, kind)
        if found is None:
            raise _NotPlain
        return found
    return parse



def _date(ahead: bool = False) -> Reader:
    def parse(value: object) -> str:
        if type(value) is not str:
            raise _NotPlain
        return parse_date(value, ahead=ahead)
    return parse


def _id(value: object) -> int:
    if type(value) is int and value >= 0:
        return value
    if type(value) is str and _PLAIN_INT.fullmatch(value):
        return int(value)
    raise _NotPlain




def _ext(value: object) -> str | None:
    if value is not None and type(value) is not str:
        raise _NotPlain
    return parse_extension(value)


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NAME = _text(100, required=True)


@frozen(slots=False)
class _Form:
    """How one model's plain input is read: a reader per field, the fields it needs, those
    that may not be None, and the defaults of the rest."""

    readers: dict[str, Reader]
    required: frozenset[str]
    not_null: frozenset[str]
    defaults: dict[str, Any]
    # Fields whose column holds a few values (a city, a finder, a day): each read once.
    repeated: frozenset[str] = frozenset()

    def read(self, data: dict[str, Any], *, partial: bool = False) -> dict[str, Any] | None:
        """The model's dump for ``data``, or None when a value is not plain or not valid.
        ``partial``: only the fields given (an update), none required."""
        if not partial and not self.required <= data.keys():
            return None
        out = {} if partial else dict(self.defaults)
        readers, seen, repeated = self.readers, _SEEN, self.repeated
        try:
            for key, value in data.items():
                parse = readers.get(key)
                if parse is None:  # not a field: the model names it
                    return None
                if value is None:
                    if key in self.not_null:
                        return None
                    out[key] = None
                    continue
                if key in repeated:
                    found = seen.get((key, value), _NotPlain)
                    if found is _NotPlain:
                        found = parse(value)
                        if len(seen) < 100_000:
                            seen[(key, value)] = found
                    out[key] = found
                else:
                    out[key] = parse(value)
        except (_NotPlain, ValueError, TypeError):  # TypeError: a value that cannot be a key
            return None
        return out


_SEEN: dict[tuple[str, Any], Any] = {}

_PROSPECT = _Form(
    readers={
        **{key: _text(limit, key in _REQUIRED) for key, limit in _TEXT_LIMITS.items()},
        **{key: _flag for key in _FLAGS},
        **{key: _choice(key) for key in _PROSPECT_CHOICES},
        "employees": _count, "pcs": _count, "deal_value": _money, "vendor_share": _money,
        "found_on": _day, "qq": _qq, "landline": _contact("landline"), "landline_ext": _ext,
        "mobile": _contact("mobile"), "email": _contact("email"),
        "credit_code": _str(parse_credit_code),
        "location": _str(parse_location),
    },
    required=frozenset(_REQUIRED), not_null=frozenset((*_REQUIRED, "ownership")),
    defaults={"ownership": Ownership.private.value},
    repeated=frozenset(("city", "sourced_by", "district", "industry", "contact_surname",
                        "found_on", "deal_value", "employees", "pcs", "ownership", "need",
                        "yulin_interest", "vendor_share", "partner")),
)
_ROUND = _Form(
    readers={"prospect_id": _id, "by": _NAME, "pretext": _choice("pretext"),
             "result": _choice("result"), "address": _flag, "scale": _flag, "day": _date(),
             "note": _text(2000)},
    required=frozenset(("prospect_id", "by", "pretext", "result", "day")),
    not_null=frozenset(("prospect_id", "by", "pretext", "result", "day", "address", "scale")),
    defaults={"address": False, "scale": False, "note": None},
)
_PLAN = _Form(
    readers={"prospect_id": _id, "visitor": _NAME, "day": _date(ahead=True)},
    required=frozenset(("prospect_id", "visitor", "day")),
    not_null=frozenset(("prospect_id", "visitor", "day")), defaults={},
)
_VISIT_FLAGS = ("landline", "email", "mobile", "qq")
_VISIT = _Form(
    readers={"prospect_id": _id, "by": _NAME, "outcome": _choice("outcome"),
             "kind": _choice("kind"), "items": _str(parse_items),
             **{key: _flag for key in _VISIT_FLAGS},
             "landline_number": _contact("landline"), "email_address": _contact("email"),
             "mobile_number": _contact("mobile"), "qq_number": _qq, "day": _date(),
             "note": _text(2000), "followup": _choice("followup"),
             "found_employees": _count, "found_pcs": _count},
    required=frozenset(("prospect_id", "by", "outcome", "day")),
    not_null=frozenset(("prospect_id", "by", "outcome", "day", "kind", "items",
                        *_VISIT_FLAGS)),
    defaults={"kind": VisitKind.planned.value, "items": (), **dict.fromkeys(_VISIT_FLAGS, False),
              "landline_number": None, "landline_ext": None, "email_address": None,
              "mobile_number": None, "qq_number": None, "note": None, "followup": None,
              "found_employees": None, "found_pcs": None},
)
# Every fact of a prospect is None unless given, but its ownership.
_PROSPECT.defaults.update({key: None for key in _PROSPECT.readers if key != "ownership"})


# --- what commands and imports read -------------------------------------------------------------


@frozen
class RoundForm:
    """One verification round as typed (``inputs.RoundIn``)."""

    prospect_id: int
    by: str
    pretext: str
    result: str
    day: str
    address: bool = False
    scale: bool = False
    note: str | None = None


@frozen
class PlanForm:
    """One planned visit (``inputs.PlanIn``)."""

    prospect_id: int
    visitor: str
    day: str


@frozen
class VisitForm:
    """One logged visit (``inputs.VisitIn``)."""

    prospect_id: int
    by: str
    outcome: str
    day: str
    kind: str = VisitKind.planned.value
    items: tuple[str, ...] = ()
    landline: bool = False
    email: bool = False
    mobile: bool = False
    qq: bool = False
    landline_number: str | None = None
    landline_ext: str | None = None
    email_address: str | None = None
    mobile_number: str | None = None
    qq_number: str | None = None
    note: str | None = None
    followup: str | None = None
    found_employees: int | None = None
    found_pcs: int | None = None

    @property
    def contacts(self) -> tuple[str, ...]:
        """Contact details the visit captured; giving a value counts as capturing it."""
        got = {
            "landline": self.landline or self.landline_number is not None,
            "email": self.email or self.email_address is not None,
            "mobile": self.mobile or self.mobile_number is not None,
            "qq": self.qq or self.qq_number is not None,
        }
        return tuple(k for k, v in got.items() if v)


def _model(name: str, data: dict[str, Any], row: int | None, **dump: Any) -> dict[str, Any]:
    """What the Pydantic model makes of ``data`` (or its BadInput): loaded only here."""
    from yulin_cli import inputs

    dumped: dict[str, Any] = inputs.validate(getattr(inputs, name), data, row=row).model_dump(
        **dump)
    return dumped


def quick_prospect(data: dict[str, Any]) -> dict[str, Any] | None:
    """``ProspectIn.model_validate(data).model_dump()`` for a plain row, or None: imports of
    100,000 rows spend most of their time here."""
    return _PROSPECT.read(data)


def prospect_facts(data: dict[str, Any], *, row: int | None = None) -> dict[str, Any]:
    """Every fact of a new prospect (``inputs.ProspectIn``), defaults filled in."""
    return _PROSPECT.read(data) or _model("ProspectIn", data, row)


def prospect_patch(data: dict[str, Any], *, row: int | None = None) -> dict[str, Any]:
    """Only the facts an update gives (``inputs.ProspectFields``, unset fields left out). A new
    landline without an extension clears the old one, as the model says it."""
    quick = _PROSPECT.read(data, partial=True)
    if quick is None:
        return _model("ProspectFields", data, row, exclude_unset=True)
    if "landline" in quick and "landline_ext" not in quick and quick["landline"] is not None:
        quick["landline_ext"] = None
    return quick


def round_form(data: dict[str, Any], *, row: int | None = None) -> RoundForm:
    return RoundForm(**(_ROUND.read(data) or _model("RoundIn", data, row)))


def plan_form(data: dict[str, Any], *, row: int | None = None) -> PlanForm:
    return PlanForm(**(_PLAN.read(data) or _model("PlanIn", data, row)))


def visit_form(data: dict[str, Any], *, row: int | None = None) -> VisitForm:
    # An extension typed in the number is the model's to split.
    return VisitForm(**(_VISIT.read(data) or _model("VisitIn", data, row)))
