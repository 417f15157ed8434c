"""The visitor's day and the manager's tomorrow: working days, and what a visit still has to
capture (Q7)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yulin_cli.policy import Policy


def next_working_day(day: dt.date) -> dt.date:
    """The first Monday to Friday after ``day`` (Friday's next working day is Monday)."""
    day += dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def still_to_capture(items: Iterable[str], contacts: Iterable[str],
                     policy: Policy) -> tuple[str, ...]:
    """Q7: the survey items and contact details an effective visit needs that no earlier visit
    captured, in the order ``visit_effectiveness`` lists what is missing; and a photo of this
    visit when the policy requires one (Q15: each visit brings its own)."""
    have = set(items) | set(contacts)
    need = policy.effective_visit
    photo = ("photo",) if policy.proof.require_photo else ()
    return (*(i for i in (*need.items, *need.contacts) if i not in have), *photo)
