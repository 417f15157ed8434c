"""Plain parsers of what users type that every command may need, kept apart from the input
models so a command that only reads a date or a line of text starts without Pydantic."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
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


def parse_date(value: object) -> str:
    """A date as 2026-10-19, 2026/10/19, 2026.10.19 or 2026年10月19日, stored as ISO text
    (YYYY-MM-DD): it sorts and compares on every backend."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _DATE.fullmatch(text)
    if not match:
        raise ValueError("bad.date")
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        raise ValueError("bad.date") from None
