"""Rules restated in SQL, because reports must count and rank in the database rather than load
every row: the quality customer, the stars and the ranking, red-sea impurity and the Q13 upgrade
candidates. The definitions stay in ``yulin_cli.rules``; ``tests/test_sql_mirrors.py`` generates
prospects and checks that each restatement gives the rule's answer for every one.

Every fragment reads a prospect as ``p`` and its finder's centre as ``c``, and needs the
parameters of the ``*_params`` function beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yulin_cli.policy import Policy


def found_substandard_sql(as_of: bool = False) -> str:
    """A visit found it below the standard, the visit was not voided, and no inspection
    overturned that finding or found that the visit never happened as logged (Q15). With
    ``as_of``, only visits on or before ``:as_of`` count (``rules.ProspectFacts.as_of``)."""
    day = " AND sv.day <= :as_of" if as_of else ""
    return (
        "EXISTS (SELECT 1 FROM visit sv WHERE sv.prospect_id = p.id"
        f" AND sv.outcome = 'substandard' AND sv.voided_at IS NULL{day}"
        " AND NOT EXISTS (SELECT 1 FROM inspection si WHERE si.visit_id = sv.id"
        " AND si.status IN ('overturned', 'unproven')))"
    )


FOUND_SUBSTANDARD_SQL = found_substandard_sql()
# The same, for a whole list at once: the prospects with such a visit, joined as ``fs``
# (``FOUND_SUBSTANDARD_JOINED`` then says it of each row, without a subquery per row).
FOUND_SUBSTANDARD_IDS = (
    "SELECT sv.prospect_id FROM visit sv WHERE sv.outcome = 'substandard'"
    " AND sv.voided_at IS NULL AND NOT EXISTS (SELECT 1 FROM inspection si"
    " WHERE si.visit_id = sv.id AND si.status IN ('overturned', 'unproven'))"
    " GROUP BY sv.prospect_id"
)
FOUND_SUBSTANDARD_JOINED = "(fs.prospect_id IS NOT NULL)"


def quality_sql(as_of: bool = False, found_substandard: str | None = None) -> str:
    """``rules.is_quality_customer`` in SQL; ``p`` is the prospect, ``c`` the source's centre.
    With ``as_of``, judged on the visits up to ``:as_of`` (a period's last day);
    ``found_substandard`` says it another way (``FOUND_SUBSTANDARD_JOINED``).

    Needs the parameters of ``quality_params``.
    """
    found = found_substandard or found_substandard_sql(as_of)
    return (
        "(p.employees >= :min_employees AND p.pcs >= :min_pcs AND p.city = c.city"
        " AND p.duplicate_of IS NULL AND p.merged_into IS NULL"
        f" AND NOT {found})"
    )


def quality_params(policy: Policy) -> dict[str, Any]:
    return {"min_employees": policy.standard.min_employees, "min_pcs": policy.standard.min_pcs}


def stars_sql(found_substandard: str | None = None) -> str:
    """``rules.star_rating(...).stars`` in SQL: 0 for a prospect that is not a quality customer,
    else ``rules.star_level``. Needs ``rank_params``."""
    value = "COALESCE(p.deal_value, 0)"
    # Quality tests positively: with an unknown scale it is NULL, and NOT NULL is not true.
    return (
        f"(CASE WHEN {quality_sql(found_substandard=found_substandard)} THEN"
        f" (CASE WHEN {value} >= :five_min AND p.need = 'explicit'"
        " AND p.yulin_interest = 'high' THEN 5"
        f" WHEN {value} >= :four_min AND p.need = 'explicit' AND p.yulin_interest = 'high'"
        " THEN 4"
        f" WHEN {value} >= :three_min AND p.need IN ('explicit', 'latent')"
        " AND p.yulin_interest IN ('high', 'flat') THEN 3"
        f" WHEN {value} >= :two_min AND p.need = 'explicit' AND p.platform_interest = :yes"
        " THEN 2 ELSE 1 END) ELSE 0 END)"
    )


def star_minimums(policy: Policy) -> dict[int, int]:
    """The deal value each star level of ``stars_sql`` needs at least (1 star: none)."""
    s = policy.stars
    return {5: s.five_min, 4: s.four_min, 3: s.three_min, 2: s.two_min, 1: 0}


def stars_floor(policy: Policy, stars: int) -> int:
    """The least deal value at which ``stars_sql`` can give ``stars`` or more. A filter on
    stars tests it first, so prospects worth less are never rated (the property test of
    ``list_prospects`` by stars keeps the two agreeing)."""
    return min((least for level, least in star_minimums(policy).items() if level >= stars),
               default=0)


def stars_needs(stars: int) -> str | None:
    """What ``stars_sql`` asks of the need and the interest for ``stars`` or more, whatever the
    policy: cheap to test first, like ``stars_floor`` (the property test of ``list_prospects``
    by stars keeps the two agreeing). Four and five stars: an explicit need and high interest;
    three: a need and some interest; two: a need."""
    if stars >= 4:
        return "p.need = 'explicit' AND p.yulin_interest = 'high'"
    if stars == 3:
        return "p.need IN ('explicit', 'latent') AND p.yulin_interest IN ('high', 'flat')"
    if stars == 2:
        return "p.need IN ('explicit', 'latent')"
    return None


REDSEA_COUNT_SQL = "(SELECT COUNT(*) FROM redsea_signal rs WHERE rs.prospect_id = p.id)"
# The same for a whole list: counts per prospect, joined as ``rc``.
REDSEA_COUNTS = "SELECT prospect_id, COUNT(*) AS n FROM redsea_signal GROUP BY prospect_id"
REDSEA_COUNT_JOINED = "COALESCE(rc.n, 0)"


def impure_sql(redsea_count: str = REDSEA_COUNT_SQL) -> str:
    """Q18: ``rules.redsea_verdict(...) == "impure"`` in SQL."""
    return f"({redsea_count} >= :impure_at)"


IMPURE_SQL = impure_sql()
# ``rules.rank_key`` in SQL, over a query exposing ``stars`` and ``impure`` (0 or 1).
RANK_ORDER_SQL = "impure, stars DESC, COALESCE(p.deal_value, 0) DESC, p.id"


def rank_params(policy: Policy) -> dict[str, Any]:
    s = policy.stars
    return {**quality_params(policy), "five_min": s.five_min, "four_min": s.four_min,
            "three_min": s.three_min, "two_min": s.two_min, "yes": True,
            "impure_at": policy.redsea.impure_at}


def upgrade_sql() -> str:
    """``rules.is_upgrade_candidate`` in SQL. Needs ``upgrade_params``."""
    return ("(p.existing_customer = :yes AND p.pcs >= :upgrade_min_pcs AND p.city = c.city"
            " AND p.merged_into IS NULL)")


def upgrade_params(policy: Policy) -> dict[str, Any]:
    return {"upgrade_min_pcs": policy.managers.upgrade_min_pcs, "yes": True}
