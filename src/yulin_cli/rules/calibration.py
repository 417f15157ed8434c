"""How well the stars foretell deals (Q5: work the likely deals first; Q13: managers take the 4
and 5 stars at once): each prospect's stars as rated at its first effective visit, against how
its deal ended.

Pure: cases in, metrics out. A level's win rate comes with a 95% Wilson interval; AUC is the
chance that a won prospect was rated above a lost one (ties count one half), with a percentile
bootstrap interval (2,000 resamples drawn by ``random.Random(0)``); the Brier score uses each
level's in-sample win rate as its forecast, beside the score of forecasting the base rate for
everyone. Undecided prospects are counted apart, never as lost. Below the data gate (too few
decided deals overall, or in a level) only counts are given, never conclusions.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from yulin_cli.frozen import frozen
from yulin_cli.rules.reasons import Reason

if TYPE_CHECKING:
    from yulin_cli.policy import Policy

Z95 = 1.959963984540054  # the two-sided 95% normal quantile
RESAMPLES = 2000
MIN_DECIDED = 30  # decided deals before any conclusion
MIN_LEVEL = 10  # decided deals in a level before its rate is shown
LEVELS = (1, 2, 3, 4, 5)
STAR_KEYS = ("five_min", "four_min", "three_min", "two_min")


@frozen(slots=False)
class Case:
    """One prospect: its stars at its first effective visit, and how its deal ended (None:
    undecided). ``inputs`` are what rated it (deal value, need, interest, platform interest),
    for proposing thresholds."""

    prospect_id: int
    stars: int
    won: bool | None
    group: str = ""
    inputs: tuple[int | None, str | None, str | None, bool] | None = None
    quality: bool = True


@frozen(slots=False)
class Interval:
    value: float | None
    low: float | None
    high: float | None


@frozen(slots=False)
class Level:
    stars: int
    prospects: int
    decided: int
    won: int
    rate: float | None  # None below MIN_LEVEL decided: counts only
    low: float | None
    high: float | None


@frozen(slots=False)
class Calibration:
    decided: int
    won: int
    undecided: int
    levels: tuple[Level, ...]
    auc: Interval
    brier: float | None
    base: float | None
    top_share: float | None  # of the wins, the share rated 4 or 5 stars
    enough: bool
    reasons: tuple[Reason, ...]


def wilson(won: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``won``/``n`` (n > 0)."""
    p = won / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def auc(scores: Sequence[int], won: Sequence[bool]) -> float | None:
    """P(a won case scores above a lost one), ties one half; None without both kinds."""
    wins = [s for s, w in zip(scores, won, strict=True) if w]
    losses = [s for s, w in zip(scores, won, strict=True) if not w]
    if not wins or not losses:
        return None
    # Counted by score: O(n log n) rather than every pair.
    below: dict[int, int] = {}
    for s in losses:
        below[s] = below.get(s, 0) + 1
    total = 0.0
    for s in wins:
        total += sum(c for v, c in below.items() if v < s) + 0.5 * below.get(s, 0)
    return total / (len(wins) * len(losses))


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` (0..1) percentile, interpolated linearly between order statistics."""
    ordered = sorted(values)
    pos = q * (len(ordered) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def bootstrap_auc(scores: Sequence[int], won: Sequence[bool], resamples: int = RESAMPLES,
                  seed: int = 0) -> tuple[float | None, float | None]:
    """A 95% percentile interval of the AUC: ``resamples`` draws of n cases with replacement
    (``random.Random(seed).randrange(n)``, n per draw); draws with one kind only are skipped."""
    n = len(scores)
    if n == 0:
        return None, None
    rng = random.Random(seed)
    values = []
    for _ in range(resamples):
        picks = [rng.randrange(n) for _ in range(n)]
        value = auc([scores[i] for i in picks], [won[i] for i in picks])
        if value is not None:
            values.append(value)
    if not values:
        return None, None
    return percentile(values, 0.025), percentile(values, 0.975)


def brier(stars: Sequence[int], won: Sequence[bool]) -> tuple[float | None, float | None]:
    """(Brier score with each level's in-sample win rate as its forecast, the score of the
    base rate)."""
    n = len(won)
    if n == 0:
        return None, None
    counts: dict[int, list[int]] = {}
    for s, w in zip(stars, won, strict=True):
        c = counts.setdefault(s, [0, 0])
        c[0] += 1
        c[1] += int(w)
    base_rate = sum(won) / n
    score = sum((counts[s][1] / counts[s][0] - w) ** 2 for s, w in zip(stars, won, strict=True))
    base = sum((base_rate - w) ** 2 for w in won)
    return score / n, base / n


def calibrate(cases: Sequence[Case], *, resamples: int = RESAMPLES) -> Calibration:
    """The stars against the outcomes of ``cases``."""
    decided = [c for c in cases if c.won is not None]
    won = sum(1 for c in decided if c.won)
    shown = sorted(set(LEVELS) | {c.stars for c in cases})
    levels = []
    for stars in shown:
        mine = [c for c in cases if c.stars == stars]
        d = [c for c in mine if c.won is not None]
        w = sum(1 for c in d if c.won)
        if len(d) >= MIN_LEVEL:
            low, high = wilson(w, len(d))
            levels.append(Level(stars, len(mine), len(d), w, w / len(d), low, high))
        else:
            levels.append(Level(stars, len(mine), len(d), w, None, None, None))
    enough = len(decided) >= MIN_DECIDED
    reasons: list[Reason] = []
    scores = [c.stars for c in decided]
    outcomes = [bool(c.won) for c in decided]
    if not enough:
        reasons.append(Reason("calibration", False, "calibrate.not_enough",
                              {"decided": len(decided), "needed": MIN_DECIDED,
                               "per_level": MIN_LEVEL}))
        return Calibration(len(decided), won, len(cases) - len(decided), tuple(levels),
                           Interval(None, None, None), None, None, None, False, tuple(reasons))
    value = auc(scores, outcomes)
    auc_low, auc_high = (bootstrap_auc(scores, outcomes, resamples) if value is not None
                         else (None, None))
    score, base = brier(scores, outcomes)
    top = sum(1 for c in decided if c.won and c.stars >= 4) / won if won else None
    reasons += inversions(levels)
    if value is not None:
        reasons.append(Reason("calibration", value > 0.5, "calibrate.auc_read",
                              {"auc": round(value, 2)}))
    return Calibration(len(decided), won, len(cases) - len(decided), tuple(levels),
                       Interval(value, auc_low, auc_high), score, base, top, True,
                       tuple(reasons))


def inversions(levels: Sequence[Level]) -> list[Reason]:
    """A higher level that wins less often than a lower one, their intervals apart (Q5: the
    stars are meant to order the work)."""
    found = []
    rated = [lv for lv in levels if lv.rate is not None]
    for lower in rated:
        for higher in rated:
            if (higher.stars > lower.stars and higher.high is not None
                    and lower.low is not None and higher.high < lower.low):
                found.append(Reason("calibration", False, "calibrate.inverted",
                                    {"higher": higher.stars, "lower": lower.stars,
                                     "high_rate": round(100 * (higher.rate or 0)),
                                     "low_rate": round(100 * (lower.rate or 0))}))
    return found


def value_as_of(current: object, changes: Sequence[tuple[str, object]], day: str) -> object:
    """A fact as it stood at the end of ``day``: the value the earliest later change replaced
    (``changes``: (day, old value), oldest first), else ``current``."""
    for changed_on, old in changes:
        if changed_on > day:
            return old
    return current


# --- proposing thresholds ----------------------------------------------------------------------


def propose(cases: Sequence[Case], policy: Policy,
            rate: Callable[[Case, dict[str, int]], int]) -> tuple[dict[str, int], float | None,
                                                                  float | None]:
    """Star thresholds (deal values) that maximise the AUC of the decided ``cases``: each
    threshold in turn takes the candidate value (a deal value seen, or the current one) that
    raises the AUC most while the policy's order holds (five >= four >= two, three >= two),
    until none does. ``rate`` rates a case under thresholds. Returns (thresholds, AUC now,
    AUC with them); ties keep the current value, so the result is deterministic."""
    decided = [c for c in cases if c.won is not None and c.inputs is not None]
    outcomes = [bool(c.won) for c in decided]
    current = {k: getattr(policy.stars, k) for k in STAR_KEYS}

    def score(th: dict[str, int]) -> float:
        return auc([rate(c, th) for c in decided], outcomes) or 0.0

    values = sorted({c.inputs[0] or 0 for c in decided if c.inputs is not None}
                    | set(current.values()))
    best = dict(current)
    best_score = score(best)
    before = auc([rate(c, current) for c in decided], outcomes)
    for _round in range(6):
        improved = False
        for key in STAR_KEYS:
            for v in values:
                trial = {**best, key: v}
                if not _ordered(trial):
                    continue
                s = score(trial)
                if s > best_score + 1e-12:
                    best, best_score, improved = trial, s, True
        if not improved:
            break
    after = auc([rate(c, best) for c in decided], outcomes)
    return best, before, after


def _ordered(th: dict[str, int]) -> bool:
    return th["five_min"] >= th["four_min"] >= th["two_min"] and th["three_min"] >= th["two_min"]


def with_thresholds(policy: Policy, thresholds: dict[str, int]) -> Policy:
    """``policy`` with other star thresholds."""
    return replace(policy, stars=replace(policy.stars, **thresholds))
