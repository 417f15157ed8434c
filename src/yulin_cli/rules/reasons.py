"""What every verdict is made of: a reason naming its rule id, the manual's clause, whether it
passed, and why, as a catalogue code with parameters (the words live in ``yulin_cli.i18n``)."""

from __future__ import annotations

from dataclasses import field
from typing import Any

from yulin_cli.frozen import frozen

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
    "proof": "Q15, Q8",
    # How a deal ended, and how well the stars foretold it (Q5: work the likely deals first;
    # Q13: managers take the 4 and 5 stars).
    "outcome": "Q5, Q13",
    "calibration": "Q5, Q13",
    "followup": "Q5, Q13",
    # Who a command acts as: records of visits and rounds must name who really did them (the
    # closed loop of Q15), so a login acts as its own staff member (team mode).
    "identity": "Q15",
}

# Points and notice-board entries: the one clause that grants or takes each kind of entry.
# A manager's own adjustment comes from no clause.
ENTRY_CLAUSES: dict[str, str] = {"substandard": "Q1", "sweep": "Q12", "inspection": "Q15",
                                 "proof": "Q15"}

# Visit flags: the rule that raises each, and the clause it comes from.
FLAG_RULES: dict[str, tuple[str, str]] = {
    "unready": ("readiness", "Q2"),
    "inspect": ("substandard", "Q15"),
    "sweep-early": ("sweep", "Q12"),
    "sweep-unplanned": ("sweep", "Q12"),
    "sweep-far": ("sweep", "Q12"),
    # What the photos prove, or the routine sample (rules.proof).
    "photo-reused": ("proof", "Q15"),
    "photo-date": ("proof", "Q15"),
    "photo-far": ("proof", "Q15"),
    "no-photo": ("proof", "Q15"),
    "photo-undated": ("proof", "Q15"),
    "sampled": ("proof", "Q15"),
}


def entry_clause(rule: str) -> str | None:
    """The clause behind a points or notice entry of this rule (None for manual entries)."""
    return ENTRY_CLAUSES.get(rule) or CLAUSES.get(rule)


def flag_json(flag: str) -> dict[str, str]:
    """A visit flag with the rule and clause it comes from."""
    rule, clause = FLAG_RULES[flag]
    return {"flag": flag, "rule": rule, "clause": clause}


@frozen(slots=False)
class Reason:
    """One finding: which rule, which clause, whether it passed, and why (a catalogue code)."""

    rule: str
    ok: bool
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    fix: str | None = None
    clause_: str | None = None  # when one item comes from one clause of a multi-clause rule

    @property
    def clause(self) -> str:
        return self.clause_ or CLAUSES[self.rule]


@frozen(slots=False)
class Message:
    """A catalogue code with parameters, used where one message holds another."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def reason(rule: str, ok: bool, code: str, fix: str | None = None, /,
           **params: object) -> Reason:
    """A reason whose clause is its rule's."""
    return Reason(rule=rule, ok=ok, code=code, params=params, fix=fix)
