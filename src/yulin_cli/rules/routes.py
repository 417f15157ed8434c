"""Suburban trips (Q6): prospects grouped by district into short runs of working days."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from yulin_cli.frozen import frozen

if TYPE_CHECKING:
    from yulin_cli.policy import Policy


@frozen(slots=False)
class Trip:
    district: str
    days: tuple[tuple[str, tuple[int, ...]], ...]  # (ISO date, prospect ids)


def _next_working_day(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def plan_trips(prospects: list[tuple[int, str]], start: dt.date, policy: Policy) -> list[Trip]:
    """Q6: suburban visits grouped by district into trips of at most ``route.max_days``
    consecutive working days (never across a weekend), ``route.max_visits_per_day`` a day.

    ``prospects`` are (id, district); the biggest district goes first.
    """
    per_day, max_days = policy.route.max_visits_per_day, policy.route.max_days
    by_district: dict[str, list[int]] = {}
    for pid, district in sorted(prospects):
        by_district.setdefault(district or "-", []).append(pid)
    order = sorted(by_district, key=lambda d: (-len(by_district[d]), d))
    trips: list[Trip] = []
    day = _next_working_day(start)
    for district in order:
        ids = by_district[district]
        chunks = [tuple(ids[i:i + per_day]) for i in range(0, len(ids), per_day)]
        for first in range(0, len(chunks), max_days):
            trip_chunks = chunks[first:first + max_days]
            # A trip's days are consecutive working days: start on Monday rather than split.
            if day.weekday() + len(trip_chunks) > 5:
                day = _next_working_day(day + dt.timedelta(days=7 - day.weekday()))
            days = []
            for chunk in trip_chunks:
                days.append((day.isoformat(), chunk))
                day = _next_working_day(day + dt.timedelta(days=1))
            trips.append(Trip(district, tuple(days)))
    return trips
