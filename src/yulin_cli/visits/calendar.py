"""Planned visits as an iCalendar file a phone calendar imports: one all-day event per visit,
the address as its location. UIDs are stable (prospect, day, visitor), so exporting the same
plan again updates the events instead of duplicating them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from yulin_cli.errors import BadInput


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    prospect_id: int
    date: str
    visitor_key: str  # the visitor's staff id, or "any" for a trip not booked yet
    summary: str
    location: str
    description: str

    @property
    def uid(self) -> str:
        return f"yulin-visit-{self.prospect_id}-{self.date}-{self.visitor_key}@yulin"


def ics_text(events: Sequence[CalendarEvent], name: str) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//yulin//visits//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for item in events:
        day = dt.date.fromisoformat(item.date)
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", item.summary)
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        calendar.add_component(event)
    return calendar.to_ical()


def write_ics(path: str, events: Sequence[CalendarEvent], name: str) -> None:
    try:
        with open(path, "wb") as out:
            out.write(ics_text(events, name))
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise BadInput("ics.unwritable", path=path,
                       error=getattr(exc, "strerror", None) or str(exc)) from None
