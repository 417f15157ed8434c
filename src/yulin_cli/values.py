"""Plain parsers of what users type that every command may need, kept apart from the input
models so a command that only reads a date or a line of text starts without Pydantic."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
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
    """An ISO date (YYYY-MM-DD), stored as that text: it sorts and compares on every backend."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not _ISO_DATE.match(text):
        raise ValueError("bad.date")
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError("bad.date") from None
