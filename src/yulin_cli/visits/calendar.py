"""Planned visits as an iCalendar file a phone calendar imports: one all-day event per visit,
the address as its location.

A UID names the visit, never the options of the export: a booked visit is its plan's id in this
database (``database_identity``), a trip not booked yet is its company and day. ``SEQUENCE``
counts what was recorded about the company (facts changed, rounds, visits, signals, voids: rows
are never deleted, so it only grows) and ``LAST-MODIFIED`` is the latest of those records, so a
calendar importing the file again replaces an event whose visit changed. Nothing to export
writes no file at all (an empty calendar would only clear a phone's events)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from yulin_cli.errors import BadInput
from yulin_cli.frozen import frozen


@frozen
class CalendarEvent:
    prospect_id: int
    date: str
    uid: str
    summary: str
    location: str
    description: str
    sequence: int = 0
    last_modified: dt.datetime | None = None


def plan_uid(plan_id: int, identity: str) -> str:
    """A booked visit: its plan, in this database."""
    return f"yulin-plan-{plan_id}-{identity}@yulin"


def trip_uid(prospect_id: int, day: str, identity: str) -> str:
    """A trip a route proposes and nobody booked yet: the company and the day."""
    return f"yulin-trip-{prospect_id}-{day}-{identity}@yulin"


def ics_text(events: Sequence[CalendarEvent], name: str) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//yulin//visits//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    from yulin_cli.clock import utc_now

    stamp = utc_now()
    for item in events:
        day = dt.date.fromisoformat(item.date)
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", item.sequence)
        if item.last_modified is not None:
            event.add("last-modified", item.last_modified)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", item.summary)
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def write_ics(path: str, events: Sequence[CalendarEvent], name: str) -> bool:
    """Writes the calendar; False (and no file) when there is no event to put in it."""
    if not events:
        return False
    try:
        with open(path, "wb") as out:
            out.write(ics_text(events, name))
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise BadInput("ics.unwritable", path=path,
                       error=getattr(exc, "strerror", None) or str(exc)) from None
    return True
