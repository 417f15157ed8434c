"""The field manual as pure functions: facts + policy -> verdicts with their reasons.

Nothing here touches the database, the clock, the terminal or the language, and nothing imports a
framework: every reason is a catalogue code with parameters (see ``yulin_cli.i18n``), tagged with
its rule id and manual clause, so the same verdict renders as a Rich view or as JSON, in Chinese
or English. Each module holds the rules of one part of the manual; this package exports them all,
so callers write ``rules.visit_readiness``.
"""

from yulin_cli.rules.advice import (
    AdviceFacts,
    advice,
)
from yulin_cli.rules.deals import (
    direct_sales_check,
    partner_effort,
    same_person,
)
from yulin_cli.rules.duplicates import (
    earliest_duplicate,
    industry_check,
    industry_owners,
    name_key,
    normalise_city,
)
from yulin_cli.rules.permissions import (
    Acting,
    acting_as,
    may_log_visit,
    may_verify,
)
from yulin_cli.rules.quota import (
    is_quality_customer,
    quota_active,
    quota_met,
)
from yulin_cli.rules.readiness import (
    READINESS_RULES,
    REDSEA_SIGNALS,
    ProspectFacts,
    Readiness,
    RedseaVerdict,
    Round,
    address_check,
    contact_check,
    phone_display,
    redsea_assessment,
    redsea_verdict,
    refusal_causes,
    same_city,
    standard_check,
    territory_check,
    verification_check,
    visit_readiness,
)
from yulin_cli.rules.reasons import (
    CLAUSES,
    Message,
    Reason,
    reason,
)
from yulin_cli.rules.routes import (
    Trip,
    plan_trips,
)
from yulin_cli.rules.stars import (
    INTEREST_LEVELS,
    NEED_LEVELS,
    Rating,
    is_upgrade_candidate,
    next_actions,
    rank_key,
    star_level,
    star_rating,
    upgrade_tasks,
)
from yulin_cli.rules.visits import (
    Award,
    Effectiveness,
    SweepContext,
    VisitConsequences,
    inspection_reversal,
    visit_consequences,
    visit_effectiveness,
)

__all__ = [
    "AdviceFacts",
    "Award",
    "CLAUSES",
    "Effectiveness",
    "INTEREST_LEVELS",
    "Message",
    "NEED_LEVELS",
    "ProspectFacts",
    "READINESS_RULES",
    "REDSEA_SIGNALS",
    "Rating",
    "Readiness",
    "Reason",
    "RedseaVerdict",
    "Round",
    "SweepContext",
    "Trip",
    "VisitConsequences",
    "address_check",
    "Acting",
    "acting_as",
    "advice",
    "contact_check",
    "direct_sales_check",
    "earliest_duplicate",
    "industry_check",
    "industry_owners",
    "inspection_reversal",
    "is_quality_customer",
    "is_upgrade_candidate",
    "may_log_visit",
    "may_verify",
    "name_key",
    "next_actions",
    "normalise_city",
    "partner_effort",
    "phone_display",
    "plan_trips",
    "quota_active",
    "quota_met",
    "rank_key",
    "reason",
    "redsea_assessment",
    "redsea_verdict",
    "refusal_causes",
    "same_city",
    "same_person",
    "standard_check",
    "star_level",
    "star_rating",
    "territory_check",
    "upgrade_tasks",
    "verification_check",
    "visit_consequences",
    "visit_effectiveness",
    "visit_readiness",
]
