"""What to say and do for one prospect: the guidance of Q4-Q18 that applies to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from yulin_cli import rules, store, workflow

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy


def advise(tx: Tx, policy: Policy, prospect_id: int) -> tuple[rules.Reason, ...]:
    row = workflow.live_prospect(tx, prospect_id)
    return advice_for(row, workflow.prospect_facts(tx, row), store.visits(tx, prospect_id),
                      policy)


def advice_for(row: dict, facts: rules.ProspectFacts, visits: list[dict],
               policy: Policy) -> tuple[rules.Reason, ...]:
    """The advice, from facts the caller has already read."""
    last = visits[-1] if visits else None
    refused = (tuple(c for c in last["failing_checks"].split(",") if c)
               if last and last["outcome"] == "refused" else None)
    direct = (rules.direct_sales_check(*facts.direct_sales, row["contact_surname"])
              if facts.direct_sales else None)
    effort = None
    if row["partner"]:
        effort = rules.partner_effort(len(facts.rounds), len(visits), row["vendor_share"],
                                      policy)
    redsea = rules.redsea_assessment(row["in_selection"], facts.redsea_signals, policy)
    return rules.advice(rules.AdviceFacts(
        ownership=row["ownership"], erp_need=row["erp_need"], has_oa=row["has_oa"],
        suburban=row["suburban"], existing_customer=row["existing_customer"],
        partner=row["partner"], redsea=redsea.verdict, refused_failing=refused,
        direct_sales=direct, partner_effort=effort, rating=workflow.rating(row, policy)))
