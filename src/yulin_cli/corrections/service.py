"""Voiding a mistaken round, visit or points entry: marked with who, when and why, its effects
reversed by new entries (points given back, a notice saying so, an open inspection closed, the
plan it closed open again). Nothing is deleted; everything that counts leaves voided records
out (``visits.service.facts_of``, ``sql_rules.FOUND_SUBSTANDARD_SQL``, the reports)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from yulin_cli import rules
from yulin_cli.corrections import queries
from yulin_cli.errors import RuleRefusal
from yulin_cli.results import Result
from yulin_cli.team import queries as team

if TYPE_CHECKING:
    from yulin_cli.db import Tx


@dataclass(frozen=True, slots=True)
class GivenBack:
    """A points entry that gives back a voided one."""

    entry_id: int
    reverses: int
    staff: str
    delta: int


@dataclass(frozen=True, slots=True)
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


def void(tx: Tx, kind: str, record_id: int, by: str, reason: str, now: str) -> Voided:
    """Voids one record if ``by`` may (``rules.may_void``); twice is refused (exit 1)."""
    person = team.staff_by_name(tx, by)
    found = queries.target(tx, kind, record_id)
    if found.voided is not None:
        raise RuleRefusal("void.already", id=record_id, kind=rules.Message(f"void.kind_{kind}"),
                          by=found.voided.by, at=found.voided.at)
    if found.reverses is not None:
        raise RuleRefusal("void.reversal", id=record_id, of=found.reverses)
    refused = rules.may_void(kind, by, list(person.roles), found.recorder,
                             found.recorded_at[:10] if found.recorded_at else None, now[:10])
    if refused is not None:
        raise RuleRefusal(refused.code, **refused.params)
    queries.mark_void(tx, kind, record_id, person.id, now, reason)
    given: list[GivenBack] = []
    notices = 0
    closed = False
    reopened = 0

    def give_back(entry: queries.PointsRow) -> None:
        nonlocal notices
        given.append(GivenBack(queries.add_reversal(tx, entry, person.id, reason), entry.id,
                               entry.staff, -entry.delta))
        if entry.visit_id is not None and kind == "points":
            for notice in queries.unreversed_notices(tx, entry.visit_id, entry.staff_id,
                                                     entry.rule):
                queries.add_voided_notice(tx, notice)
                notices += 1

    if kind == "visit":
        # Its entries are given back, not marked: the ledger itself is only added to.
        for entry in queries.live_points_of_visit(tx, record_id):
            give_back(entry)
        for notice in queries.unreversed_notices(tx, record_id):
            queries.add_voided_notice(tx, notice)
            notices += 1
        closed = queries.close_inspection(tx, record_id, person.id, now[:10], reason)
        reopened = queries.reopen_plans(tx, record_id)
    elif kind == "points":
        give_back(queries.points_entry(tx, record_id))
    return Voided(kind, record_id, found.prospect_id, by, now, reason, tuple(given), notices,
                  closed, reopened)
