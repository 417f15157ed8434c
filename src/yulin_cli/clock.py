"""The one clock: today's date and the wall-clock time, both in China's time (Asia/Shanghai).

A team works in China whatever the laptop's time zone says, so "today" is the Shanghai date.
``YULIN_TODAY`` pins the date for scripts and tests; on a team's server the server's date is
used instead, unless the administrator pinned one for tests (``db.Db.server_today``).
Nothing else in the code asks the system for the date or the time.
"""

from __future__ import annotations

import datetime as dt
import os

ZONE = "Asia/Shanghai"
# China has kept UTC+8 without daylight saving since 1991: a fixed offset, no tz database needed.
_CHINA = dt.timezone(dt.timedelta(hours=8), "CST")
_server_today: str | None = None


def use_server_date(day: str | None) -> None:
    """On a team's server: the date the server says it is (or the administrator pinned)."""
    global _server_today
    _server_today = day


def today() -> str:
    """Today's date, YYYY-MM-DD."""
    if _server_today is not None:
        return _server_today
    return os.environ.get("YULIN_TODAY") or dt.datetime.now(_CHINA).date().isoformat()


def wall_clock() -> str:
    """Now to the second (``YYYY-MM-DDTHH:MM:SS``), dated ``today()``: when a record was typed
    in, voided or decided, whatever day it is about."""
    return f"{today()}T{dt.datetime.now(_CHINA):%H:%M:%S}"


def utc_now() -> dt.datetime:
    """Now in UTC, to the second: when a file was made (an iCalendar ``DTSTAMP``)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def utc_stamp() -> str:
    """Now in UTC, to the second, with its offset (when a row was created)."""
    return utc_now().isoformat(timespec="seconds")


def seconds() -> float:
    """Now as seconds since the epoch: what a rate limit counts in (``notify``)."""
    import time

    return time.time()
