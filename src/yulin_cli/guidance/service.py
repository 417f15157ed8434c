"""What to say and do for one prospect: the guidance of Q4-Q18 that applies to it, and the
playbook's topics."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.frozen import frozen
from yulin_cli.prospects import queries as prospect_queries
from yulin_cli.prospects.queries import live_prospect
from yulin_cli.prospects.service import ProspectPage
from yulin_cli.reports.service import rating
from yulin_cli.results import Result
from yulin_cli.rules.advice import AdviceFacts, advice
from yulin_cli.visits import queries as visit_queries
from yulin_cli.visits.queries import visits
from yulin_cli.visits.service import prospect_facts

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.guidance.playbook import Topic
    from yulin_cli.policy import Policy
    from yulin_cli.records import Prospect, Visit


@frozen
class Advice(Result):
    prospect_id: int
    advice: tuple[rules.Reason, ...]

    def to_json(self) -> Any:
        from yulin_cli.i18n import explain

        return {"prospect_id": self.prospect_id,
                "advice": [{"rule": a.rule, "clause": a.clause, "message": explain(a)}
                           for a in self.advice]}


def advice_for(prospect: Prospect, facts: rules.ProspectFacts, visits: list[Visit],
               policy: Policy, followups: Iterable[tuple[str, str]] = ()
               ) -> tuple[rules.Reason, ...]:
    """The advice, from facts the caller has already read; voided visits count for nothing;
    next actions a follow-up (occasion, day) carried out are marked done (Q5)."""
    visits = [v for v in visits if v.voided is None]
    last = visits[-1] if visits else None
    refused = last.failing_checks if last and last.outcome == "refused" else None
    direct = (rules.direct_sales_check(*facts.direct_sales, prospect.contact_surname)
              if facts.direct_sales else None)
    effort = None
    if prospect.partner:
        effort = rules.partner_effort(len(facts.rounds), len(visits), prospect.vendor_share,
                                      policy)
    redsea = rules.redsea_assessment(prospect.in_selection, facts.redsea_signals, policy)
    active = rules.quota_active(dt.date.fromisoformat(prospect.found_on), policy)
    quota = (policy.quota.per_day, policy.quota.campaign_end.isoformat()) if active else None
    return advice(AdviceFacts(
        ownership=prospect.ownership, erp_need=prospect.erp_need, has_oa=prospect.has_oa,
        suburban=prospect.suburban, existing_customer=prospect.existing_customer,
        partner=prospect.partner, redsea=redsea.verdict, refused_failing=refused,
        direct_sales=direct, partner_effort=effort,
        rating=rules.actions_done(rating(prospect, policy), followups),
        quota=quota))


def page(tx: Tx, policy: Policy, prospect_id: int, history: bool = False) -> ProspectPage:
    """`show`: one prospect's page, its facts with what the rules make of them."""
    # A merged prospect is shown too, marked as merged: its own facts and history stay.
    prospect = prospect_queries.prospect(tx, prospect_id)
    facts = prospect_facts(tx, prospect)
    logged = visit_queries.visits(tx, prospect_id)
    done = visit_queries.followups(tx, prospect_id)  # follow-ups carry out next actions (Q5)
    refused = [v for v in logged if v.outcome == "refused" and v.voided is None]
    return ProspectPage(
        prospect=prospect,
        rounds=tuple(visit_queries.rounds(tx, prospect_id)),
        planned_visits=tuple(visit_queries.planned_visits(tx, prospect_id)),
        visits=tuple(logged),
        readiness=rules.visit_readiness(facts, policy),
        rating=rules.actions_done(rating(prospect, policy), done),
        redsea=rules.redsea_assessment(prospect.in_selection, facts.redsea_signals, policy),
        advice=advice_for(prospect, facts, logged, policy, done),
        refusal=rules.refusal_causes(refused[-1].failing_checks) if refused else (),
        fill=visit_queries.fix_context(tx, prospect),
        history=tuple(prospect_queries.history(tx, prospect_id)) if history else None,
    )


def advise(tx: Tx, policy: Policy, prospect_id: int) -> Advice:
    from yulin_cli.visits.queries import followups

    prospect = live_prospect(tx, prospect_id)
    return Advice(prospect_id, advice_for(prospect, prospect_facts(tx, prospect),
                                          visits(tx, prospect_id), policy,
                                          followups(tx, prospect_id)))


@frozen
class PlaybookPage:
    topic: str
    clause: str
    rules: tuple[str, ...]
    title: str
    text: str
    command: str


@frozen
class Playbook(Result):
    topics: tuple[PlaybookPage, ...]

    def to_json(self) -> Any:
        from yulin_cli.results import jsonable

        return [jsonable(p) for p in self.topics]


def playbook(topics: list[Topic], lang: str, policy: Policy) -> Playbook:
    """The topics in ``lang``, with the policy's numbers where a topic names them (Q3)."""
    index = 0 if lang == "zh" else 1
    numbers = {"per_day": policy.quota.per_day,
               "campaign_end": policy.quota.campaign_end.isoformat()}
    return Playbook(tuple(PlaybookPage(tp.key, tp.clause, tp.rules, tp.title[index],
                                       tp.text[index].format(**numbers), tp.command[index])
                          for tp in topics))
