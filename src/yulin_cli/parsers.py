"""Plain parsers of one typed value each (money, phones, emails, QQ, credit codes, places,
questionnaire items): a ``ValueError`` carrying a catalogue code when the value is wrong. No
Pydantic here: the input models (``inputs``) and the quick paths of a command's options
(``forms``) both use them, and a writing command loads Pydantic only when its input is not
plain (issue 21)."""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from yulin_cli.values import clean_text

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


