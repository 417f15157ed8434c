"""How far the prospects found in a period got: the funnel of the period summary (Q1-Q7, Q5)."""

from __future__ import annotations

# The stages in order; each needs every stage before it.
FUNNEL = ("found", "quality", "verified", "ready", "visited", "effective", "top_stars")


def funnel_stage(*, quality: bool, verified: bool, ready: bool, visited: bool, effective: bool,
                 stars: int) -> int:
    """The index in ``FUNNEL`` of the furthest stage a found prospect reached, counting a
    stage only when every stage before it holds too: a prospect visited before it was ready
    is not "visited" in the funnel, and 4 or 5 stars count once it had an effective visit."""
    holds = (True, quality, verified, ready, visited, effective, stars >= 4)
    stage = 0
    for index, ok in enumerate(holds):
        if not ok:
            break
        stage = index
    return stage
