"""Input models: everything a user types is validated here, before the database is touched.

These are plain Pydantic models, not SQLModel tables, because table models do not validate.
Validators raise ``ValueError`` with a catalogue code, so errors follow ``--lang``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
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
from yulin_cli.values import (  # there, commands reach them without Pydantic
    CONTROL,
    clean_text,
    parse_count,
    parse_date,
)

M = TypeVar("M", bound=BaseModel)

_QQ = re.compile(r"^[1-9]\d{4,10}$")
_ITEM = re.compile(r"^\d-\d{1,2}$")


# Money units: 万 and w are ten thousand, k and 千 a thousand, 亿 a hundred million.
_UNITS = {"万": 10_000, "w": 10_000, "k": 1_000, "千": 1_000, "亿": 100_000_000}
_CHINESE_NUMERALS = set("零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟")


def parse_money(value: object) -> int:
    """Whole yuan: 25万, 25万元, 25.5万, 25万5, 二十五万, 25w, 25k and 250,000 are all accepted."""
    if isinstance(value, bool):
        raise ValueError("bad.money")
    text = unicodedata.normalize("NFKC", str(value)).strip().lower()
    text = re.sub(r"[,，\s]", "", text).removesuffix("元").removesuffix("rmb")
    # 25万5 is how people say 255,000: the digit after 万 counts thousands (as 七万五 does).
    spoken = re.fullmatch(r"(\d+)万(\d)", text)
    if spoken:
        return int(spoken[1]) * 10_000 + int(spoken[2]) * 1_000
    try:
        if text and set(text) <= _CHINESE_NUMERALS | set("0123456789.") and (
                set(text) & (_CHINESE_NUMERALS - {"万", "千", "亿"})):
            amount = _chinese_amount(text)
        else:
            factor = 1
            if text[-1:] in _UNITS:
                text, factor = text[:-1], _UNITS[text[-1]]
            amount = Decimal(text) * factor
    except (InvalidOperation, ValueError, ArithmeticError):
        raise ValueError("bad.money") from None
    if not amount.is_finite() or amount < 0 or amount != amount.to_integral_value():
        raise ValueError("bad.money")
    if amount > 10**12:
        raise ValueError("bad.money")
    return int(amount)


def _chinese_amount(text: str) -> Decimal:
    """二十五万, 七万五, 二十五点五万: Chinese numerals, read by cn2an (loaded only here)."""
    import cn2an

    return Decimal(str(cn2an.cn2an(text, "smart")))


_SEPARATORS = re.compile(r"[\s\-()]")
# The shapes that fill spreadsheets: a landline with its trunk 0 or with +86/0086, or a
# mobile. Numbers starting 11, 12 or 179 are left out: there phonenumbers may strip a carrier
# code first.
_PLAIN_CN = re.compile(
    r"(?:0|\+86|0086)(?P<fixed>[2-9]\d{8,10}|10\d{8,9})"
    r"|(?:\+86|0086)?(?P<mobile>1(?:[3-68-9]\d|7[0-8])\d{8})"
)


def _parse_cn(text: str):  # -> phonenumbers.PhoneNumber
    """phonenumbers.parse(text, "CN"), skipping the general parser for the plain shapes above
    (a property test checks both give the same number); anything else takes the full parse."""
    import phonenumbers

    match = _PLAIN_CN.fullmatch(_SEPARATORS.sub("", text))
    if match:
        national = match["fixed"] or match["mobile"]
        return phonenumbers.PhoneNumber(country_code=86, national_number=int(national))
    return phonenumbers.parse(text, "CN")


_TypeEntry = tuple[frozenset[int], Any, object]  # (possible lengths, fullmatch, type)


@functools.cache
def _cn_type_table() -> tuple[tuple[_TypeEntry, ...], bool]:
    """China's number descriptions from phonenumbers' metadata, in the order
    ``phonenumbers.number_type`` tries them (general, the eight special types, fixed line,
    mobile), each pattern compiled once; and whether mobile and fixed-line patterns are one."""
    import phonenumbers

    kinds = phonenumbers.PhoneNumberType
    meta = phonenumbers.PhoneMetadata.metadata_for_region("CN")
    assert meta is not None
    table = []
    for desc, kind in ((meta.general_desc, None), (meta.premium_rate, kinds.PREMIUM_RATE),
                       (meta.toll_free, kinds.TOLL_FREE), (meta.shared_cost, kinds.SHARED_COST),
                       (meta.voip, kinds.VOIP), (meta.personal_number, kinds.PERSONAL_NUMBER),
                       (meta.pager, kinds.PAGER), (meta.uan, kinds.UAN),
                       (meta.voicemail, kinds.VOICEMAIL), (meta.fixed_line, kinds.FIXED_LINE),
                       (meta.mobile, kinds.MOBILE)):
        pattern = desc.national_number_pattern if desc is not None else None
        lengths = frozenset(desc.possible_length or ()) if desc is not None else frozenset()
        # A description without a pattern matches nothing.
        full = re.compile(pattern).fullmatch if pattern else (lambda _text: None)
        table.append((lengths, full, kind))
    _KINDS[:] = [kinds.UNKNOWN, kinds.FIXED_LINE, kinds.MOBILE, kinds.FIXED_LINE_OR_MOBILE]
    # The eight special types as one pattern: most numbers are none of them, which one match
    # then says instead of eight. A length the description lists is a lookahead here.
    specials = []
    for desc in (meta.premium_rate, meta.toll_free, meta.shared_cost, meta.voip,
                 meta.personal_number, meta.pager, meta.uan, meta.voicemail):
        if desc is None or not desc.national_number_pattern:
            continue
        sizes = sorted(n for n in desc.possible_length or () if n > 0)
        if desc.possible_length and not sizes:
            continue  # it lists no possible length: no number is of this type
        ahead = ("(?=(?:" + "|".join(f"[0-9]{{{n}}}" for n in sizes) + r")\Z)"
                 if sizes else "")
        specials.append(f"{ahead}(?:{desc.national_number_pattern})")
    _SPECIAL[:] = [re.compile("|".join(specials)).fullmatch if specials
                   else (lambda _text: None)]
    return tuple(table), bool(meta.same_mobile_and_fixed_line_pattern)


_SPECIAL: list[Any] = []  # fullmatch of any special type's pattern: set with the table


_KINDS: list[object] = []  # phonenumbers' unknown, fixed line, mobile, either: set with the table


def _cn_number_type(national: str) -> object:
    """``phonenumbers.number_type`` of a Chinese national number, with the metadata's patterns
    compiled once instead of looked up on every call (a property test keeps the two equal)."""
    table, same = _cn_type_table()
    size = len(national)

    def hit(index: int) -> bool:
        # The length is possible for the description (when it lists lengths) and its pattern
        # matches the whole number.
        lengths, full, _kind = table[index]
        return (not lengths or size in lengths) and full(national) is not None

    unknown, fixed, mobile, either = _KINDS
    if not hit(0):
        return unknown
    if _SPECIAL[0](national) is not None:
        for index in range(1, 9):
            if hit(index):
                return table[index][2]
    if hit(9):
        return either if same or hit(10) else fixed
    return mobile if not same and hit(10) else unknown


def _plain_phone(text: str, kind: str) -> str:
    """``parse_landline``/``parse_mobile`` of a plain number (``_PLAIN_CN``), without building
    phonenumbers' objects; raises ValueError for any other (the full parse then decides)."""
    match = _PLAIN_CN.fullmatch(_SEPARATORS.sub("", text))
    if match is None:
        raise ValueError(f"bad.{kind}")
    national = match["fixed"] or match["mobile"]
    found = _cn_number_type(national)
    _unknown, fixed, mobile, either = _KINDS
    if found is not either and found is not (fixed if kind == "landline" else mobile):
        raise ValueError(f"bad.{kind}")
    return "+86" + national


# 400 and 800 numbers: a company's hotline, a landline of a kind, never a mobile.
_HOTLINE = re.compile(r"[48]00\d{7}")


def is_hotline(number: str | None) -> bool:
    """A stored number (E.164) that is a 400/800 hotline."""
    return number is not None and number.startswith("+86") and bool(
        _HOTLINE.fullmatch(number[3:]))


def _phone(value: object, kind: str) -> str:
    import phonenumbers

    text = unicodedata.normalize("NFKC", clean_text(value, 40))
    try:
        number = _parse_cn(text)
    except phonenumbers.NumberParseException:
        raise ValueError(f"bad.{kind}") from None
    # One type lookup does the work of is_valid_number: UNKNOWN means not a valid number.
    found = (_cn_number_type(str(number.national_number))
             if number.country_code == 86 and not number.italian_leading_zero
             else phonenumbers.number_type(number))
    if number.country_code != 86 or found == phonenumbers.PhoneNumberType.UNKNOWN:
        raise ValueError(f"bad.{kind}")
    if number.country_code == 86 and _HOTLINE.fullmatch(str(number.national_number)):
        if kind != "landline":
            raise ValueError("bad.mobile_hotline")
        return f"+86{number.national_number}"
    either = phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE
    wanted = (
        phonenumbers.PhoneNumberType.FIXED_LINE
        if kind == "landline"
        else phonenumbers.PhoneNumberType.MOBILE
    )
    if found not in (wanted, either):
        raise ValueError(f"bad.{kind}_type")
    if number.italian_leading_zero:  # never for China, but then E.164 needs the library
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return f"+{number.country_code}{number.national_number}"


# A local landline typed without its area code: the centre's city gives it (see
# ``with_area_code``); until then it is kept as this prefix and the digits.
LOCAL = "local:"
_LOCAL_NUMBER = re.compile(r"[2-9]\d{6,7}")


def parse_landline(value: object) -> str:
    """A fixed-line number, stored as E.164 so 0512-68881234 and +86 512 6888 1234 match. A
    local number without its area code (62581234) is kept for ``with_area_code``. A 400/800
    hotline is a landline too. The number only: see ``split_extension``."""
    text = unicodedata.normalize("NFKC", clean_text(value, 40))
    digits = _SEPARATORS.sub("", text)
    if _LOCAL_NUMBER.fullmatch(digits):
        return LOCAL + digits
    return _phone(text, "landline")


# An extension after the number: 85201293转8001, 0510-85201292 转 8001, ... ext 8001, 分机8001,
# and 0510-85201292-8001 (area code, number, extension, each after a dash).
_EXTENSION_WORD = re.compile(r"^(?P<number>.+?)\s*(?:转|分机号?|ext\.?|extension|x|#)\s*"
                             r"(?P<ext>\d{1,6})$", re.IGNORECASE)
_EXTENSION_DASH = re.compile(r"^(?P<number>(?:\+86|0086)?\s*0?\d{2,3}\s*-\s*\d{7,8}"
                             r"|\d{7,8})\s*-\s*(?P<ext>\d{1,6})$")


def split_extension(value: object) -> tuple[str, str | None]:
    """A landline as typed, split into the number and its extension (None without one)."""
    text = unicodedata.normalize("NFKC", clean_text(value, 60))
    match = _EXTENSION_WORD.fullmatch(text) or _EXTENSION_DASH.fullmatch(text)
    if match is None:
        return text, None
    return match["number"].strip(), match["ext"]


def parse_extension(value: object) -> str | None:
    """An extension on its own (a spreadsheet's 分机 column): digits, at most six."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = unicodedata.normalize("NFKC", clean_text(value, 20))
    text = re.sub(r"^(?:转|分机号?|ext\.?|x)\s*", "", text, flags=re.IGNORECASE)
    if not text:
        return None
    if not re.fullmatch(r"\d{1,6}", text):
        raise ValueError("bad.extension")
    return text


def _landline_with_extension(data: Any, field: str, ext_field: str) -> Any:
    """Model data with ``field``'s extension (if typed in it) moved to ``ext_field``. A new
    number without one clears the old extension."""
    if not isinstance(data, dict) or not isinstance(data.get(field), str):
        return data
    try:
        number, ext = split_extension(data[field])
    except ValueError:
        return data  # the number's own check words it
    if ext is None and data.get(ext_field) not in (None, ""):
        return data
    return {**data, field: number, ext_field: ext}


@functools.lru_cache(maxsize=1)
def _area_codes() -> dict[str, str]:
    path = Path(__file__).with_name("area_codes.tsv")
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return dict(row.split("\t") for row in rows if "\t" in row)


def area_code(city: str) -> str | None:
    """The landline area code of a prefecture-level city (area_codes.tsv), if known."""
    name = unicodedata.normalize("NFKC", city).strip().removesuffix("市")
    return _area_codes().get(name)


def with_area_code(number: str | None, city: str) -> tuple[str | None, str | None]:
    """A landline with its area code: (E.164 number, the area code added or None). A local
    number in a city without a known area code is refused with a hint to type it in full."""
    if number is None or not number.startswith(LOCAL):
        return number, None
    code = area_code(city)
    if code is None:
        raise ValueError("bad.landline_local")
    return _phone(code + number[len(LOCAL):], "landline"), code


def parse_mobile(value: object) -> str:
    return _phone(unicodedata.normalize("NFKC", clean_text(value, 40)), "mobile")


# The plain addresses that fill spreadsheets, which email_validator normalises only by
# lower-casing the domain: dot-atoms of letters, digits, _ + - before the @, and after it
# labels of letters, digits and inner hyphens (no IDNA "xn--" or other "--") ending in a
# name of letters. Anything else goes to email_validator.
_PLAIN_EMAIL = re.compile(
    r"(?P<local>[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*)@"
    r"(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{1,63})")


@functools.cache
def _special_domains() -> frozenset[str]:
    from email_validator import SPECIAL_USE_DOMAIN_NAMES

    return frozenset(SPECIAL_USE_DOMAIN_NAMES)


def _plain_email(text: str) -> str | None:
    """``parse_email`` of a plain address without email_validator (a property test checks
    they agree); None when it is not plain."""
    match = _PLAIN_EMAIL.fullmatch(text)
    if match is None or len(text) > 254 or len(match["local"]) > 64 or "--" in text:
        return None
    domain = match["domain"].lower()
    if len(domain) > 253 or not _special_domains().isdisjoint(domain.split(".")):
        return None
    return f"{match['local']}@{domain}"


def parse_email(value: object) -> str:
    from email_validator import EmailNotValidError, validate_email

    text = clean_text(value, 254)
    plain = _plain_email(text)
    if plain is not None:
        return plain
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValueError("bad.email") from None


def parse_qq(value: object) -> str:
    text = unicodedata.normalize("NFKC", clean_text(value, 20))  # full-width digits too
    if not _QQ.match(text):
        raise ValueError("bad.qq")
    return text


# GB 32100-2015: the code's alphabet (no I, O, S, V, Z) and the weights of its check character.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {ch: i for i, ch in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_PLAIN = re.compile(r"[0-9]{8}[0-9A-HJ-NPQRTUWXY]{10}")


def _uscc_check(body: str) -> str:
    """The check character of a code's first 17 characters (what ``uscc.calc_check_digit``
    computes; a property test keeps the two equal)."""
    total = sum(_USCC_VALUE[ch] * w for ch, w in zip(body, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total) % 31]


def parse_credit_code(value: object) -> str:
    """A unified social credit code (统一社会信用代码), checked by python-stdnum (length,
    alphabet, check character) and stored compact and upper-case.

    A code already typed in its plain form (most spreadsheet cells) is checked here without
    the library's general clean-up, a third of the cost on a big import; any other spelling,
    and every wrong code, goes through python-stdnum, which names what is wrong."""
    text = clean_text(value, 40)
    if _USCC_PLAIN.fullmatch(text) and _uscc_check(text[:17]) == text[17]:
        return text
    from stdnum.cn import uscc
    from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError

    try:
        return uscc.validate(text)
    except InvalidLength:
        raise ValueError("bad.credit_code_length") from None
    except InvalidChecksum:
        raise ValueError("bad.credit_code_check") from None
    except ValidationError:
        raise ValueError("bad.credit_code_format") from None


_LOCATION = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*[,，\s]\s*([-+]?\d+(?:\.\d+)?)\s*$")


def parse_location(value: object) -> tuple[float, float]:
    """``LAT,LNG`` in decimal degrees, WGS-84 (what phone GPS and EXIF record), kept to six
    decimals (about 10 cm)."""
    if isinstance(value, (tuple, list)) and len(value) == 2:
        value = f"{value[0]},{value[1]}"
    match = _LOCATION.match(unicodedata.normalize("NFKC", str(value)))
    if not match:
        raise ValueError("bad.location")
    lat, lng = float(match[1]), float(match[2])
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        raise ValueError("bad.location_range")
    return round(lat, 6), round(lng, 6)


def location_text(lat: float | None, lng: float | None) -> str | None:
    """The ``LAT,LNG`` form of a stored location, as ``--location`` takes it."""
    return None if lat is None or lng is None else f"{lat:.6f},{lng:.6f}"


def parse_items(value: object) -> tuple[str, ...]:
    """Questionnaire item codes such as ``1-5,2-2``, separated by commas (either width),
    、, semicolons or spaces; order and repeats do not matter."""
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value]
    else:
        parts = re.split(r"[,，、;；\s]+", unicodedata.normalize("NFKC", str(value)))
    items = sorted({p.strip() for p in parts if p.strip()})
    if any(not _ITEM.match(i) for i in items):
        raise ValueError("bad.items")
    return tuple(items)


def _empty_is_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


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


# --- the plain rows that fill spreadsheets, without the model -----------------------------------

_TEXT_LIMITS = {"company": 200, "city": 100, "sourced_by": 100, "district": 200,
                "address": 200, "industry": 200, "partner": 200, "contact_surname": 20}
_REQUIRED = ("company", "city", "sourced_by", "found_on")
_PLAIN_INT = re.compile(r"[1-9][0-9]{0,7}|0")
_PLAIN_MONEY = re.compile(r"(?P<amount>[1-9][0-9]{0,11}|0)(?P<wan>万|w|W)?")
_CHOICE_VALUES = {"ownership": frozenset(m.value for m in Ownership),
                  "need": frozenset(m.value for m in Need),
                  "yulin_interest": frozenset(m.value for m in Interest)}
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
    raise _NotPlain


def _money(value: object) -> int:
    match = _PLAIN_MONEY.fullmatch(value) if type(value) is str else None
    if match is None:
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


# Each field of the input model, and how a plain cell of it is read.
_PLAIN_FIELDS: dict[str, Any] = {
    **{key: _text(limit, key in _REQUIRED) for key, limit in _TEXT_LIMITS.items()},
    **{key: _flag for key in _FLAGS},
    **{key: _choice(key) for key in _CHOICE_VALUES},
    "employees": _count, "pcs": _count, "deal_value": _money, "vendor_share": _money,
    "found_on": _day, "qq": _qq, "landline": _contact("landline"),
    "mobile": _contact("mobile"), "email": _contact("email"),
}


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PROSPECT_DEFAULTS: dict[str, Any] = {}


def quick_prospect(data: dict[str, Any]) -> dict[str, Any] | None:
    """``ProspectIn.model_validate(data).model_dump()`` for a plain row, without the model:
    imports of 100,000 rows spend most of their time here. None when any value is not plain
    or not valid; the model then decides, and words every error. A property test checks the
    two agree."""
    if not _PROSPECT_DEFAULTS:
        _PROSPECT_DEFAULTS.update({name: info.get_default(call_default_factory=True)
                                   for name, info in ProspectIn.model_fields.items()})
        _PROSPECT_DEFAULTS["ownership"] = Ownership.private.value
    if any(key not in data for key in _REQUIRED):
        return None
    out = dict(_PROSPECT_DEFAULTS)
    fields, seen, repeated = _PLAIN_FIELDS, _SEEN, _REPEATED
    try:
        for key, value in data.items():
            parse = fields.get(key)
            if parse is None:  # not a field: the model names it
                return None
            if value is None:
                if key in _REQUIRED or key == "ownership":
                    return None
                continue
            if key in repeated:
                # A column of a few values (a city, a finder, a day): each read once.
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


_REPEATED = frozenset(("city", "sourced_by", "district", "industry", "contact_surname",
                       "found_on", "deal_value", "employees", "pcs", "ownership", "need",
                       "yulin_interest", "vendor_share", "partner"))
_SEEN: dict[tuple[str, Any], Any] = {}


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
