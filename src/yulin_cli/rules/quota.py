"""The quality customer and the daily quota (Q1, Q3)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from yulin_cli.rules.readiness import standard_check

if TYPE_CHECKING:
    from yulin_cli.policy import Policy


def is_quality_customer(
    employees: int | None,
    pcs: int | None,
    in_territory: bool,
    duplicate: bool,
    found_substandard: bool,
    policy: Policy,
    merged: bool = False,
) -> bool:
    """Q1, Q3: counts as a quality customer (and towards the quota on the day it was found).

    The definition; ``sql_rules.quality_sql`` restates it in SQL for reports, and a property test
    keeps the two equal.
    """
    return (
        standard_check(employees, pcs, policy).ok
        and in_territory
        and not duplicate
        and not merged
        and not found_substandard
    )


def quota_active(day: dt.date, policy: Policy) -> bool:
    """Q3: the quota applies on the campaign's first and last day and the days between, only
    on working days (Monday to Friday) unless the policy counts every day."""
    if policy.quota.weekdays_only and day.weekday() >= 5:
        return False
    return policy.quota.campaign_start <= day <= policy.quota.campaign_end


def prospector_since(since: str | None, first_found: str | None) -> str | None:
    """The first day a person's quota counts: the day they began as a prospector, or the day
    they first found a prospect if that was earlier (they were finding them by then)."""
    days = [d for d in (since, first_found) if d]
    return min(days) if days else None


def quota_met(quality_found: int, is_prospector: bool, active: bool, policy: Policy,
              counts_from: str | None = None, day: str | None = None) -> bool | None:
    """Q3: None when the quota does not apply: outside the campaign, on a day off, not a
    prospector, or before the person began (``counts_from``)."""
    if not active or not is_prospector:
        return None
    if counts_from is not None and day is not None and day < counts_from:
        return None
    return quality_found >= policy.quota.per_day
