"""Plain parsers of what users type that every command may need, kept apart from the input
models so a command that only reads a date or a line of text starts without Pydantic."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation

_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?")
# A day without its year, as people type it: 10/19, 10-19, 10.19, 10月19日 (month first).
_YEARLESS = re.compile(r"(\d{1,2})[-/.月](\d{1,2})[日号]?")
# Days named from today.
_RELATIVE = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1,
             "后天": 2}
# Today as an import validates its rows (worker processes have no server date): ``pinned_today``.
_pinned: list[str] = []
# Control characters corrupt reports and terminals: no text we keep holds one.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_text(value: object, limit: int = 200) -> str:
    """Trimmed text without control characters; they corrupt reports and terminals."""
    text = unicodedata.normalize("NFC", str(value)).strip()
    if CONTROL.search(text):
        raise ValueError("bad.control_chars")
    if len(text) > limit:
        raise ValueError("bad.too_long")
    return text


def today() -> str:
    """Today as the dates people type are read against: yulin's clock (``clock.today``), or
    the day an import was started (``pinned_today``)."""
    if _pinned:
        return _pinned[-1]
    from yulin_cli.clock import today as clock_today

    return clock_today()


@contextmanager
def pinned_today(day: str) -> Iterator[None]:
    """Reads yearless and relative dates against ``day`` (an import's rows, in any process)."""
    _pinned.append(day)
    try:
        yield
    finally:
        _pinned.pop()


def parse_date(value: object, *, ahead: bool = False) -> str:
    """A date as 2026-10-19, 2026/10/19, 2026.10.19 or 2026年10月19日, stored as ISO text
    (YYYY-MM-DD): it sorts and compares on every backend. Also as people type it: 今天, 昨天,
    明天, and a day without its year (10/19, 10-19, 10月19日), which is the latest such day not
    after today, or with ``ahead`` (a plan) the next such day on or after today. Full-width
    digits read as their ASCII forms."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = re.sub(r"\s+", "", text)
    match = _DATE.fullmatch(text)
    try:
        if match:
            return dt.date(*(int(part) for part in match.groups())).isoformat()
        shift = _RELATIVE.get(text)
        if shift is not None:
            return (dt.date.fromisoformat(today()) + dt.timedelta(days=shift)).isoformat()
        match = _YEARLESS.fullmatch(text)
        if match:
            return _yearless(int(match[1]), int(match[2]), ahead)
    except (ValueError, OverflowError):
        pass
    raise ValueError("bad.date")


def _yearless(month: int, day: int, ahead: bool) -> str:
    """The latest month/day not after today (or, ``ahead``, the next on or after today); 2/29
    looks back (or forward) to a leap year."""
    dt.date(2000, month, day)  # a day some year has (2000 was a leap year), or ValueError
    now = dt.date.fromisoformat(today())
    step = 1 if ahead else -1
    year = now.year
    for _ in range(9):  # a leap day is at most eight years away
        try:
            found = dt.date(year, month, day)
        except ValueError:
            year += step
            continue
        if (found >= now) if ahead else (found <= now):
            return found.isoformat()
        year += step
    raise ValueError("bad.date")


# Counts of people and machines as people type them: 300人, 400台, 三百, ３００, 1.2万人.
_COUNT_WORDS = re.compile(r"^(?:约|大约|大概)?(.+?)(?:人|台|个|名|位|套|部)?(?:左右)?$")
_COUNT_UNITS = {"万": 10_000, "w": 10_000, "千": 1_000, "k": 1_000}
_CHINESE_DIGITS = set("零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟")


def parse_count(value: object) -> object:
    """A count (employees, PCs) as typed: 300, 300人, 400台, 三百, ３００, 1,200, 1.2万. A
    value that is not text (a spreadsheet's number) is left to the model's integer check."""
    if not isinstance(value, str):
        return value
    text = re.sub(r"[,，\s]", "", unicodedata.normalize("NFKC", value)).lower()
    match = _COUNT_WORDS.fullmatch(text)
    body = match[1] if match else text
    try:
        if re.fullmatch(r"-?[0-9]+", body):  # a negative one: the model's range check words it
            return int(body)
        if body and set(body) <= _CHINESE_DIGITS | set("0123456789.") and (
                set(body) & (_CHINESE_DIGITS - {"万", "千"})):
            import cn2an  # only for a count written in Chinese numerals

            amount = Decimal(str(cn2an.cn2an(body, "smart")))
        else:
            factor = 1
            if body[-1:] in _COUNT_UNITS:
                body, factor = body[:-1], _COUNT_UNITS[body[-1]]
            if not re.fullmatch(r"\d+(?:\.\d+)?", body):  # no 1e3, no -5
                raise ValueError("bad.count")
            amount = Decimal(body) * factor
    except (InvalidOperation, ValueError, ArithmeticError, TypeError):
        raise ValueError("bad.count") from None
    if not amount.is_finite() or amount != amount.to_integral_value():
        raise ValueError("bad.count")
    return int(amount)
