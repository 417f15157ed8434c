"""What to say and do for one prospect: the guidance of Q4 and Q9-Q18 that applies to it."""

from __future__ import annotations

from yulin_cli.frozen import frozen
from yulin_cli.rules.readiness import refusal_causes
from yulin_cli.rules.reasons import Reason
from yulin_cli.rules.stars import Rating


@frozen(slots=False)
class AdviceFacts:
    ownership: str = "private"
    erp_need: bool = False
    has_oa: bool = False
    suburban: bool = False
    existing_customer: bool = False
    partner: str | None = None
    redsea: str = "none"  # none | pure | doubtful | impure
    refused_failing: tuple[str, ...] | None = None  # failing checks at the last refusal
    direct_sales: Reason | None = None
    partner_effort: Reason | None = None
    rating: Rating | None = None
    # The quota (Q3): quality customers a day, and the campaign's last day (ISO), if active.
    quota: tuple[int, str] | None = None


def _advice(rule: str, clause: str, code: str, **params: object) -> Reason:
    return Reason(rule=rule, ok=True, code=code, params=params, clause_=clause)


def advice(facts: AdviceFacts) -> tuple[Reason, ...]:
    """The guidance that applies to one prospect, each item with its rule and clause: what is
    particular to this prospect first, then how any visit opens (Q16, Q4), then the day's
    quota (Q3). An impure red-sea prospect gets one piece of advice: drop it (Q18)."""
    if facts.redsea == "impure" and facts.rating is not None:
        return tuple(facts.rating.next_actions)
    items: list[Reason] = []
    if facts.redsea != "none":
        items.append(_advice("redsea", "Q18", f"advice.redsea_{facts.redsea}"))
    if facts.rating is not None:
        items += list(facts.rating.next_actions)
    if facts.refused_failing is not None:
        items += [_advice("refusal", "Q17", c.code) for c in refusal_causes(facts.refused_failing)]
    if facts.direct_sales is not None:
        items.append(Reason("direct-sales", facts.direct_sales.ok, facts.direct_sales.code,
                            facts.direct_sales.params, facts.direct_sales.fix, "Q11"))
    if facts.partner:
        items.append(_advice("partner", "Q10", "advice.partner", partner=facts.partner))
        if facts.partner_effort is not None and not facts.partner_effort.ok:
            effort = facts.partner_effort
            items.append(Reason("partner", False, effort.code, effort.params, effort.fix, "Q10"))
    if facts.existing_customer:
        items.append(_advice("managers", "Q13", "advice.existing_customer"))
        items.append(_advice("partner", "Q10", "advice.existing_fees"))
    if facts.erp_need and facts.has_oa:
        items.append(_advice("erp", "Q9", "advice.erp_with_oa"))
    if facts.ownership == "soe":
        items.append(_advice("soe", "Q14", "advice.soe"))
    if facts.ownership == "foreign":
        items.append(_advice("territory", "Q6", "advice.foreign"))
    if facts.suburban:
        items.append(_advice("territory", "Q6", "advice.suburban"))
    items += [
        _advice("pretext", "Q16", "advice.survey_opener"),
        _advice("pretext", "Q16", "advice.no_pitch_first"),
        _advice("pretext", "Q16", "advice.survey_declined"),
        _advice("pretext", "Q16", "advice.yulin_in_one_sentence"),
        _advice("pretext", "Q16", "advice.leave_material"),
        _advice("pretext", "Q4", "advice.price"),
    ]
    if facts.quota is not None:
        per_day, end = facts.quota
        items.append(_advice("quota", "Q3", "advice.quota", per_day=per_day, end=end))
    return tuple(items)


def opener(facts: AdviceFacts) -> Reason:
    """The one line to open a visit with (Q16; Q14 for a state-owned company)."""
    if facts.ownership == "soe":
        return _advice("soe", "Q14", "advice.soe")
    return _advice("pretext", "Q16", "advice.survey_opener")
