"""The field manual as pure functions: facts + policy -> verdicts with their reasons.

Nothing here touches the database, the clock, the terminal or the language, and nothing imports a
framework: every reason is a catalogue code with parameters (see ``yulin_cli.i18n``), tagged with
its rule id and manual clause, so the same verdict renders as a Rich view or as JSON, in Chinese
or English. Each module holds the rules of one part of the manual; this package exports them all,
so callers write ``rules.visit_readiness``. The advice of every question of the manual
(``rules/advice.py``), the biggest module, is imported where advice is given, so the other
commands start without it.
"""

from yulin_cli.rules.agenda import (
    next_working_day,
    still_to_capture,
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
from yulin_cli.rules.funnel import (
    FUNNEL,
    funnel_stage,
)
from yulin_cli.rules.permissions import (
    may_log_visit,
    may_verify,
    may_void,
)
from yulin_cli.rules.proof import (
    DOUBT_FLAGS,
    INSPECTED_FLAGS,
    PROOF_FLAGS,
    Photo,
    ProofVerdict,
    code_evidence,
    codes_conflict,
    distance_m,
    is_sampled,
    location_from_visit,
    photo_proof,
    sample_check,
    sample_share,
    unproven_reversal,
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
    ENTRY_CLAUSES,
    FLAG_RULES,
    Message,
    Reason,
    entry_clause,
    flag_json,
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
    "Award",
    "CLAUSES",
    "ENTRY_CLAUSES",
    "FLAG_RULES",
    "entry_clause",
    "flag_json",
    "Effectiveness",
    "FUNNEL",
    "DOUBT_FLAGS",
    "INSPECTED_FLAGS",
    "INTEREST_LEVELS",
    "Message",
    "NEED_LEVELS",
    "PROOF_FLAGS",
    "Photo",
    "ProofVerdict",
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
    "code_evidence",
    "codes_conflict",
    "contact_check",
    "direct_sales_check",
    "distance_m",
    "earliest_duplicate",
    "funnel_stage",
    "industry_check",
    "industry_owners",
    "inspection_reversal",
    "is_quality_customer",
    "is_sampled",
    "is_upgrade_candidate",
    "location_from_visit",
    "may_log_visit",
    "may_verify",
    "may_void",
    "name_key",
    "next_working_day",
    "next_actions",
    "normalise_city",
    "partner_effort",
    "phone_display",
    "photo_proof",
    "plan_trips",
    "quota_active",
    "quota_met",
    "rank_key",
    "reason",
    "redsea_assessment",
    "redsea_verdict",
    "refusal_causes",
    "same_city",
    "sample_check",
    "sample_share",
    "same_person",
    "standard_check",
    "star_level",
    "star_rating",
    "still_to_capture",
    "territory_check",
    "unproven_reversal",
    "upgrade_tasks",
    "verification_check",
    "visit_consequences",
    "visit_effectiveness",
    "visit_readiness",
]
