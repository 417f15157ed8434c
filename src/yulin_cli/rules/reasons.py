"""What every verdict is made of: a reason naming its rule id, the manual's clause, whether it
passed, and why, as a catalogue code with parameters (the words live in ``yulin_cli.i18n``)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Rule id -> the manual's clauses it comes from (RULES.md).
CLAUSES: dict[str, str] = {
    "standard": "Q1, Q2",
    "verification": "Q1",
    "address": "Q2",
    "contact": "Q2, Q17",
    "territory": "Q6",
    "redsea": "Q18",
    "readiness": "Q2",
    "effective": "Q7, Q15",
    "substandard": "Q1, Q15",
    "quota": "Q3",
    "stars": "Q5",
    "next-actions": "Q5, Q13",
    "sweep": "Q12",
    "duplicate": "Q8",
    "refusal": "Q17",
    "erp": "Q9",
    "partner": "Q10",
    "direct-sales": "Q11",
    "managers": "Q13",
    "soe": "Q14",
    "pretext": "Q16, Q4",
    # Who a command acts as: records of visits and rounds must name who really did them (the
    # closed loop of Q15), so a login acts as its own staff member (team mode).
    "identity": "Q15",
}


@dataclass(frozen=True)
class Reason:
    """One finding: which rule, which clause, whether it passed, and why (a catalogue code)."""

    rule: str
    ok: bool
    code: str
    params: dict = field(default_factory=dict)
    fix: str | None = None
    clause_: str | None = None  # when one item comes from one clause of a multi-clause rule

    @property
    def clause(self) -> str:
        return self.clause_ or CLAUSES[self.rule]


@dataclass(frozen=True)
class Message:
    """A catalogue code with parameters, used where one message holds another."""

    code: str
    params: dict = field(default_factory=dict)


def reason(rule: str, ok: bool, code: str, fix: str | None = None, /,
           **params: object) -> Reason:
    """A reason whose clause is its rule's."""
    return Reason(rule=rule, ok=ok, code=code, params=params, fix=fix)
