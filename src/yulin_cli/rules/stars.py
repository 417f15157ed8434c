"""Stars for a quality customer, what would lift them, and what to do next (Q5, Q13, Q18)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from yulin_cli.frozen import frozen
from yulin_cli.rules.reasons import Message, Reason
from yulin_cli.rules.reasons import reason as _reason

if TYPE_CHECKING:
    from yulin_cli.policy import Policy

NEED_LEVELS = {"none": 0, "latent": 1, "explicit": 2}
INTEREST_LEVELS = {"none": 0, "flat": 1, "high": 2}


@frozen(slots=False)
class Rating:
    stars: int
    reasons: tuple[Reason, ...]
    lift: tuple[Reason, ...]
    next_actions: tuple[Reason, ...]
    redsea: str = "none"  # the red-sea verdict the actions were chosen with

    @property
    def worth_following(self) -> bool:
        """False for an impure red-sea prospect: it ranks after every other (Q18)."""
        return self.redsea != "impure"


def _level_conditions(
    level: int, value: int, need: int, interest: int, platform: bool, policy: Policy
) -> list[tuple[bool, str, dict[str, Any]]]:
    """Each condition of a star level: (holds, code, params). Every condition is a minimum,
    so more value, need or interest never lowers the rating (the 2-star band is a floor)."""
    s = policy.stars
    explicit, latent = NEED_LEVELS["explicit"], NEED_LEVELS["latent"]
    high, flat = INTEREST_LEVELS["high"], INTEREST_LEVELS["flat"]
    if level == 5:
        return [(value >= s.five_min, "cond.value", {"amount": s.five_min}),
                (need >= explicit, "cond.need_explicit", {}),
                (interest >= high, "cond.interest_high", {})]
    if level == 4:
        return [(value >= s.four_min, "cond.value", {"amount": s.four_min}),
                (need >= explicit, "cond.need_explicit", {}),
                (interest >= high, "cond.interest_high", {})]
    if level == 3:
        return [(value >= s.three_min, "cond.value", {"amount": s.three_min}),
                (need >= latent, "cond.need_latent", {}),
                (interest >= flat, "cond.interest_flat", {})]
    if level == 2:
        return [(value >= s.two_min, "cond.value", {"amount": s.two_min}),
                (need >= explicit, "cond.need_explicit", {}),
                (platform, "cond.platform", {})]
    return []


def star_level(deal_value: int | None, need: str | None, yulin_interest: str | None,
               platform_interest: bool, policy: Policy) -> int:
    """Q5: the stars (1-5) of a quality customer: the highest level whose every condition
    holds; unknown inputs count as none. ``sql_rules.stars_sql`` restates it in SQL."""
    value = deal_value or 0
    need_l = NEED_LEVELS.get(need or "none", 0)
    interest_l = INTEREST_LEVELS.get(yulin_interest or "none", 0)
    for level in (5, 4, 3, 2):
        if all(ok for ok, _, _ in _level_conditions(level, value, need_l, interest_l,
                                                    platform_interest, policy)):
            return level
    return 1


_NEXT_ACTIONS = {
    5: ("act.brief_middle", "act.meal", "act.executives", "act.occasions", "act.manager_now"),
    4: ("act.brief_middle", "act.meal", "act.executives", "act.occasions", "act.manager_now"),
    3: ("act.deepen_need", "act.occasions", "act.focus_later"),
    2: ("act.platform_pitch", "act.focus_later"),
    1: ("act.keep_warm", "act.focus_later"),
    0: ("act.not_quality",),
}


def next_actions(stars: int, redsea: str = "none", *, need_explicit: bool = False
                 ) -> tuple[Reason, ...]:
    """Q5, Q13: what to do next for a rating; Q18: an impure red-sea prospect is dropped,
    whatever its stars, so dropping it is its only action. A 3-star prospect whose need is
    already explicit lacks interest, not need: the action says so."""
    if redsea == "impure":
        return (Reason("next-actions", False, "act.drop_impure", clause_="Q18"),)
    clause = "Q5, Q13" if stars >= 4 else "Q5"
    codes = _NEXT_ACTIONS[stars]
    if need_explicit:
        codes = tuple("act.raise_interest" if c == "act.deepen_need" else c for c in codes)
    return tuple(Reason("next-actions", True, code, clause_=clause) for code in codes)


# The next action each Q5 follow-up occasion (log-visit --followup) carries out.
FOLLOWUP_ACTIONS = {"meal": "act.meal", "executives": "act.executives",
                    "demo": "act.occasions", "material": "act.occasions",
                    "reference-visit": "act.occasions"}


def actions_done(rating: Rating, followups: Iterable[tuple[str, str]]) -> Rating:
    """Q5: the rating with each next action a recorded follow-up (occasion, day) carried out
    marked ``done`` with the latest such day; the actions themselves stay as the stars say."""
    done: dict[str, str] = {}
    for occasion, day in followups:
        code = FOLLOWUP_ACTIONS.get(occasion)
        if code is not None and day > done.get(code, ""):
            done[code] = day
    if not done:
        return rating
    return replace(rating, next_actions=tuple(
        replace(a, params={**a.params, "done": done[a.code]}) if a.code in done else a
        for a in rating.next_actions))


def star_rating(
    *,
    quality: bool,
    deal_value: int | None,
    need: str | None,
    yulin_interest: str | None,
    platform_interest: bool,
    policy: Policy,
    not_quality_code: str = "stars.not_quality",
    redsea: str = "none",
) -> Rating:
    """Q5: stars with their reasons, what would lift them, and the next actions (which see the
    red-sea verdict, Q18)."""
    value = deal_value or 0
    need_l = NEED_LEVELS.get(need or "none", 0)
    interest_l = INTEREST_LEVELS.get(yulin_interest or "none", 0)
    facts = {"value": value, "need": need or "none", "interest": yulin_interest or "none",
             "platform": platform_interest}
    if not quality:
        reasons = (_reason("stars", False, not_quality_code, **facts),)
        return Rating(0, reasons, (), next_actions(0, redsea), redsea)
    stars = star_level(deal_value, need, yulin_interest, platform_interest, policy)
    found = [_reason("stars", True, f"stars.level{stars}", **facts)]
    found += [
        _reason("stars", True, code, **params)
        for ok, code, params in _level_conditions(stars, value, need_l, interest_l,
                                                  platform_interest, policy)
        if ok
    ]
    lift: tuple[Reason, ...] = ()
    if stars < 5 and redsea != "impure":
        # One line naming every condition still missing: the next level needs them all.
        missing = tuple(Message(code, params)
                        for ok, code, params in _level_conditions(
                            stars + 1, value, need_l, interest_l, platform_interest, policy)
                        if not ok)
        code = "stars.lift" if len(missing) > 1 else "stars.lift_one"
        lift = (_reason("stars", False, code, stars=stars + 1, conditions=missing),)
    return Rating(stars, tuple(found), lift,
                  next_actions(stars, redsea, need_explicit=need_l >= NEED_LEVELS["explicit"]),
                  redsea)


def rank_key(rating: Rating, deal_value: int | None, prospect_id: int) -> tuple[Any, ...]:
    """Best first: every prospect worth following before the impure ones (Q18), then by stars,
    then by deal value (Q5). ``sql_rules.RANK_ORDER_SQL`` restates it in SQL."""
    return (not rating.worth_following, -rating.stars, -(deal_value or 0), prospect_id)


def is_upgrade_candidate(existing_customer: bool, pcs: int | None, in_territory: bool,
                         merged: bool, policy: Policy) -> bool:
    """Q13: an existing IOAS customer in the centre's city with enough PCs to visit for an
    upgrade. ``sql_rules.upgrade_sql`` restates it in SQL."""
    return (existing_customer and pcs is not None and pcs >= policy.managers.upgrade_min_pcs
            and in_territory and not merged)


def upgrade_tasks() -> tuple[Reason, ...]:
    """Q13: the two visits an existing customer gets when no 4-5 star prospect is waiting."""
    return (_reason("managers", True, "managers.meet_executive"),
            _reason("managers", True, "managers.meet_sysadmin"))
