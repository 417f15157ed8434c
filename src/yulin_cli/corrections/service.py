"""Voiding a mistaken round, visit or points entry: marked with who, when and why (a fact), the
plan it closed open again; what it earned or cost is then given back as the rules derive it
(``outcomes``): points given back, a notice saying so, its open questions closed. Nothing is
deleted; everything that counts leaves voided records out (``outcomes.queries.facts_of``,
``sql_rules.FOUND_SUBSTANDARD_SQL``, the reports)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from yulin_cli import rules
from yulin_cli.corrections import queries
from yulin_cli.errors import RuleRefusal
from yulin_cli.frozen import frozen
from yulin_cli.results import Result
from yulin_cli.team import queries as team

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import PolicyBook


@frozen
class GivenBack:
    """A points entry that gives back a voided one."""

    entry_id: int
    reverses: int
    staff: str
    delta: int


@frozen
class Voided(Result):
    kind: str
    id: int
    prospect_id: int | None
    voided_by: str
    voided_at: str
    reason: str
    points: tuple[GivenBack, ...]
    notices: int  # "voided" notices added
    inspection_closed: bool
    plans_reopened: int


def _unfind_scale(tx: Tx, visit_id: int, day: str, by_id: int) -> None:
    """The scale a voided visit found on site goes back to what it replaced, on the visit's
    own day, unless someone has changed it since (that later change stands)."""
    import json

    from yulin_cli.prospects import queries as prospects

    for prospect_id, field, old, new in queries.scale_found_by(tx, visit_id):
        now = tx.scalar(f"SELECT {field} FROM prospect WHERE id = :id", id=prospect_id)
        if new is not None and now == json.loads(new):
            prospects.update_prospect(tx, prospect_id,
                                      {field: json.loads(old) if old is not None else None},
                                      day=day, by_id=by_id)


def void(tx: Tx, book: PolicyBook, kind: str, record_id: int, by: str, reason: str,
         now: str) -> Voided:
    """Voids one record if ``by`` may (``rules.may_void``); twice is refused (exit 1). What
    the record had earned or cost is given back as the rules derive it again (``outcomes``):
    once, however many things withdraw it."""
    from yulin_cli.outcomes import service as outcomes

    person = team.staff_by_name(tx, by)
    found = queries.target(tx, kind, record_id)
    if found.voided is not None:
        raise RuleRefusal("void.already", id=record_id, kind=rules.Message(f"void.kind_{kind}"),
                          by=found.voided.by, at=found.voided.at)
    if found.reverses is not None:
        raise RuleRefusal("void.reversal", id=record_id, of=found.reverses)
    refused = rules.may_void(kind, by, list(person.roles), found.recorder,
                             found.recorded_at[:10] if found.recorded_at else None, now[:10],
                             inspected=found.inspected)
    if refused is not None:
        raise RuleRefusal(refused.code, **refused.params)
    visit_id = record_id if kind == "visit" else found.visit_id
    before = queries.giving_back(tx, visit_id, record_id if kind == "points" else None)
    queries.mark_void(tx, kind, record_id, person.id, now, reason)
    closed = reopened = 0
    if kind == "visit":
        closed = queries.open_questions(tx, record_id)
        reopened = queries.reopen_plans(tx, record_id)
        _unfind_scale(tx, record_id, found.day, person.id)
    if kind == "outcome":
        pass  # nothing derives from an outcome: calibrate reads it live
    elif kind == "round":
        outcomes.reconcile_prospects(tx, book, [found.prospect_id] if found.prospect_id else [])
    elif visit_id is not None:
        outcomes.reconcile(tx, book, [visit_id])
    else:
        outcomes.reconcile_adjustments(tx, [record_id])
    after = queries.giving_back(tx, visit_id, record_id if kind == "points" else None)
    given = tuple(GivenBack(e.id, e.reverses, e.staff, e.delta) for e in after.entries
                  if e.id not in {b.id for b in before.entries})
    return Voided(kind, record_id, found.prospect_id, by, now, reason, given,
                  after.notices - before.notices, closed > 0, reopened)
