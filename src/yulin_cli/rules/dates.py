"""When a record may be dated (RULES.md, third release): nothing but a plan is dated after
today, and nothing before the record it concerns (a round or visit before its prospect was
found, an inspection before its visit)."""

from __future__ import annotations


def dating_problem(day: str, today: str, *, not_before: str | None = None) -> str | None:
    """The catalogue code of what is wrong with dating a record ``day`` (ISO dates compare as
    text), or None. ``not_before`` is the day of the record it concerns."""
    if day > today:
        return "bad.future_day"
    if not_before is not None and day < not_before:
        return "bad.before_record"
    return None
