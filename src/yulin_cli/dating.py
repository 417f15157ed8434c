"""The one check of a record's day that commands share: not after today, not before the record
it concerns (RULES.md, third release). Apart from ``clock``, which only tells the time, so the
clock imports no rule and no error."""

from __future__ import annotations

from yulin_cli.clock import today
from yulin_cli.errors import BadInput
from yulin_cli.rules.dates import dating_problem


def check_recorded_day(day: str, option: str = "--date", *, not_before: str | None = None,
                       what: object = None) -> None:
    """Bad input (exit 2) for a record dated after today, or before ``not_before``, the day of
    the record it concerns (``what``, a catalogue message naming that day). Plans are never
    checked here."""
    problem = dating_problem(day, today(), not_before=not_before)
    if problem is not None:
        raise BadInput(problem, option=option, day=day, today=today(), first=not_before,
                       what=what or "")
