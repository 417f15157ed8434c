"""Input models: everything a user types is validated here, before the database is touched.

These are plain Pydantic models, not SQLModel tables, because table models do not validate.
Validators raise ``ValueError`` with a catalogue code, so errors follow ``--lang``.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails

from yulin_cli.choices import (
    Followup,
    Interest,
    Need,
    Outcome,
    Ownership,
    Pretext,
    Role,
    RoundResult,
    VisitKind,
)
from yulin_cli.errors import BadInput
from yulin_cli.parsers import (
    _empty_is_none,
    _landline_with_extension,
    parse_credit_code,
    parse_email,
    parse_extension,
    parse_items,
    parse_landline,
    parse_location,
    parse_mobile,
    parse_money,
    parse_qq,
)
from yulin_cli.values import (  # there, commands reach them without Pydantic
    clean_text,
    parse_count,
    parse_date,
)

M = TypeVar("M", bound=BaseModel)

def _cleaned(limit: int) -> BeforeValidator:
    return BeforeValidator(lambda v: clean_text(v, limit))


Name = Annotated[str, _cleaned(100), Field(min_length=1)]
Company = Annotated[str, _cleaned(200), Field(min_length=1)]
FreeText = Annotated[str, _cleaned(200)]
LongText = Annotated[str, _cleaned(2000)]
Surname = Annotated[str, _cleaned(20)]
IsoDate = Annotated[str, BeforeValidator(parse_date)]
# A plan's day: a day typed without its year is the next such day, not the last.
PlanDate = Annotated[str, BeforeValidator(lambda v: parse_date(v, ahead=True))]
Money = Annotated[int, BeforeValidator(parse_money)]
Count = Annotated[int, BeforeValidator(parse_count), Field(ge=0, le=10_000_000)]
Landline = Annotated[str, BeforeValidator(parse_landline)]
Mobile = Annotated[str, BeforeValidator(parse_mobile)]
Email = Annotated[str, BeforeValidator(parse_email)]
QQ = Annotated[str, BeforeValidator(parse_qq)]
Items = Annotated[tuple[str, ...], BeforeValidator(parse_items)]
CreditCode = Annotated[str, BeforeValidator(parse_credit_code)]
Location = Annotated[tuple[float, float], BeforeValidator(parse_location)]
Extension = Annotated[str | None, BeforeValidator(parse_extension)]
OptionalText = Annotated[FreeText | None, BeforeValidator(_empty_is_none)]


def _distinct(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


class _Input(BaseModel):
    # Choices validate against the enums of ``choices`` and are kept as their plain values.
    # defer_build: a command builds only the models it validates with (start-up, issue 21).
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=True,
                              validate_default=True, defer_build=True)


class CenterIn(_Input):
    name: Name
    city: Name


class StaffIn(_Input):
    name: Name
    center: Name
    roles: Annotated[list[Role], AfterValidator(_distinct), Field(min_length=1)]
    industries: Annotated[list[Name], AfterValidator(_distinct)] = []


class ProspectFields(_Input):
    """Every fact of a prospect, all optional: an update changes only what it names."""

    company: Company | None = None
    city: Name | None = None
    sourced_by: Name | None = None
    district: OptionalText = None
    suburban: bool | None = None
    address: OptionalText = None
    industry: OptionalText = None
    ownership: Ownership | None = None
    employees: Count | None = None
    pcs: Count | None = None
    contact_surname: Annotated[Surname | None, BeforeValidator(_empty_is_none)] = None
    landline: Landline | None = None
    landline_ext: Extension | None = None
    mobile: Mobile | None = None
    email: Email | None = None
    qq: QQ | None = None
    found_on: IsoDate | None = None
    deal_value: Money | None = None
    need: Need | None = None
    yulin_interest: Interest | None = None
    platform_interest: bool | None = None
    has_oa: bool | None = None
    erp_need: bool | None = None
    in_selection: bool | None = None
    existing_customer: bool | None = None
    partner: OptionalText = None
    vendor_share: Money | None = None
    credit_code: CreditCode | None = None
    location: Location | None = None

    @model_validator(mode="before")
    @classmethod
    def _extension(cls, data: Any) -> Any:
        return _landline_with_extension(data, "landline", "landline_ext")


class ProspectIn(ProspectFields):
    company: Company
    city: Name
    sourced_by: Name
    found_on: IsoDate
    ownership: Ownership = Ownership.private



class RoundIn(_Input):
    prospect_id: int
    by: Name
    pretext: Pretext
    result: RoundResult
    address: bool = False
    scale: bool = False
    day: IsoDate
    note: Annotated[LongText | None, BeforeValidator(_empty_is_none)] = None


class PlanIn(_Input):
    prospect_id: int
    visitor: Name
    day: PlanDate


class VisitIn(_Input):
    prospect_id: int
    by: Name
    outcome: Outcome
    kind: VisitKind = VisitKind.planned
    items: Items = ()
    landline: bool = False
    email: bool = False
    mobile: bool = False
    qq: bool = False
    landline_number: Landline | None = None
    landline_ext: Extension | None = None
    email_address: Email | None = None
    mobile_number: Mobile | None = None
    qq_number: QQ | None = None
    day: IsoDate
    note: Annotated[LongText | None, BeforeValidator(_empty_is_none)] = None
    followup: Followup | None = None  # what a follow-up was (Q5)
    found_employees: Count | None = None  # the scale found on site
    found_pcs: Count | None = None

    @model_validator(mode="before")
    @classmethod
    def _extension(cls, data: Any) -> Any:
        return _landline_with_extension(data, "landline_number", "landline_ext")


# The option each field comes from, for error messages that name what the user typed.
_OPTION_NAMES = {"sourced_by": "--sourced-by", "day": "--date", "roles": "--role",
                 "industries": "--industry", "visitor": "--visitor", "by": "--by",
                 "prospect_id": "ID", "name": "NAME"}


def option_name(field_name: str) -> str:
    return _OPTION_NAMES.get(field_name, "--" + field_name.replace("_", "-"))


_PYDANTIC_CODES = {
    "string_too_short": "bad.empty", "too_short": "bad.empty",
    "string_too_long": "bad.too_long",
    "greater_than_equal": "bad.at_least", "greater_than": "bad.above",
    "less_than_equal": "bad.at_most", "less_than": "bad.below",
    "int_parsing": "bad.integer", "int_type": "bad.integer", "int_from_float": "bad.integer",
    "bool_parsing": "bad.yes_no", "bool_type": "bad.yes_no",
    "enum": "bad.choice", "literal_error": "bad.choice",
    "extra_forbidden": "bad.unknown_key", "dict_type": "bad.table", "model_type": "bad.table",
    "string_type": "bad.text", "list_type": "bad.list", "date_from_datetime_parsing": "bad.date",
    "date_parsing": "bad.date", "date_type": "bad.date",
    # The policy's sections are dataclasses: Pydantic words their checks so.
    "unexpected_keyword_argument": "bad.unknown_key", "dataclass_type": "bad.table",
    "dataclass_args_type": "bad.table", "tuple_type": "bad.list",
}


def pydantic_why(error: ErrorDetails) -> tuple[str, dict[str, object]]:
    """Pydantic's own check said in our words (its messages are English only): a catalogue
    code and its parameters (the limit of a range), or ("", {}) when we have no words."""
    ctx = error.get("ctx", {})
    limit = next((ctx[k] for k in ("ge", "gt", "le", "lt") if k in ctx), None)
    return _PYDANTIC_CODES.get(error["type"], ""), {"limit": limit}


def validate(model: type[M], data: dict[str, Any], *, row: int | None = None) -> M:
    """Build ``model`` from ``data`` or raise BadInput naming the first bad field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise input_error(exc, row=row) from None


def input_errors(exc: ValidationError, *, row: int | None = None) -> list[BadInput]:
    """One error per bad field, each naming the option (or column) and the reason."""
    found = []
    for error in exc.errors():
        field_name = str(error["loc"][0]) if error["loc"] else ""
        if error["type"] == "missing":
            # As Click says it for a required option, never the data we were given.
            found.append(BadInput("input.missing", option=option_name(field_name),
                                  field=field_name, row=row))
            continue
        original = error.get("ctx", {}).get("error")
        code = str(original) if isinstance(original, ValueError) else ""
        if code == "bad.mobile_hotline" and field_name == "mobile_number":
            code = "bad.mobile_hotline_number"  # log-visit's option for the number itself
        limit: dict[str, object] = {}
        if not code:
            code, limit = pydantic_why(error)
        found.append(BadInput(
            "input.invalid",
            option=option_name(field_name),
            field=field_name,
            code=code if code.startswith("bad.") else "",
            detail=error["msg"],
            value=_shown(error.get("input")),
            row=row,
            **limit,
        ))
    return found


def input_error(exc: ValidationError, *, row: int | None = None) -> BadInput:
    return input_errors(exc, row=row)[0]


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else value
    text = "".join(ch if unicodedata.category(ch) != "Cc" else "?" for ch in text)
    return text if len(text) <= 40 else text[:37] + "..."
