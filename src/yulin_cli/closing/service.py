"""Closing: how deals ended (`outcome`) and how well the stars foretold them (`calibrate`),
Q5 and Q13. A prospect's stars are those it had at its first effective visit, worked out from
its facts as of that day under the policy version in force then: a later edit of its rating
never flatters the stars."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from yulin_cli import clock, rules
from yulin_cli.closing import queries
from yulin_cli.dating import check_recorded_day
from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.frozen import frozen
from yulin_cli.outcomes.queries import facts_of
from yulin_cli.prospects import queries as prospects
from yulin_cli.results import Result, human_only
from yulin_cli.rules import calibration
from yulin_cli.team import queries as team

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy, PolicyBook


# --- outcome -----------------------------------------------------------------------------------


@frozen
class OutcomeRecorded(Result):
    """`outcome`: the end of a prospect's deal."""

    outcome_id: int
    prospect_id: int
    result: str
    value: int | None
    reason: str | None
    date: str
    by: str
    company: str = human_only("")


def record_outcome(tx: Tx, prospect_id: int, result: str, value: int | None,
                   reason: str | None, day: str, by: str) -> OutcomeRecorded:
    """Q5, Q13: a manager or the finder records how the deal ended; one outcome stands per
    prospect (void it to record another)."""
    prospect = prospects.live_prospect(tx, prospect_id)
    check_recorded_day(day, not_before=prospect.found_on,
                             what=rules.Message("field.found_on_of"))
    if value is not None and result != "won":
        raise BadInput("outcome.value_won_only")
    person = team.staff_by_name(tx, by)
    refused = rules.may_record_outcome(by, list(person.roles), person.id, prospect.sourced_by_id)
    if refused is not None:
        raise RuleRefusal(refused.code, **refused.params)
    standing = queries.live_outcome(tx, prospect_id)
    if standing is not None:
        raise RuleRefusal("outcome.already", id=prospect_id, outcome=standing.id,
                          result=rules.Message(f"deal.{standing.result}"), date=standing.day)
    outcome_id = queries.add_outcome(tx, {
        "prospect_id": prospect_id, "result": result, "value": value, "reason": reason,
        "day": day, "by_id": person.id})
    return OutcomeRecorded(outcome_id, prospect_id, result, value, reason, day, by,
                           prospect.company)


# --- calibrate ---------------------------------------------------------------------------------


@frozen
class Proposal:
    """Star thresholds that rank the period's decided deals best (``--propose``)."""

    path: str
    thresholds: dict[str, int]
    auc_now: float | None
    auc_proposed: float | None


@frozen
class CalibrationGroup:
    name: str
    result: calibration.Calibration


@frozen
class CalibrationResult(Result):
    """`calibrate`: each star level as rated at the first effective visit, against the
    outcomes (Q5, Q13)."""

    date_from: str | None
    date_to: str | None
    overall: calibration.Calibration
    by: str | None = None
    groups: tuple[CalibrationGroup, ...] = ()
    proposal: Proposal | None = human_only(None)

    def to_json(self) -> Any:
        doc = _calibration_json(self.overall)
        out: dict[str, Any] = {"from": self.date_from, "to": self.date_to, **doc}
        if self.by is not None:
            out["by"] = self.by
            out["groups"] = [{"group": g.name, "from": self.date_from, "to": self.date_to,
                              **_calibration_json(g.result)} for g in self.groups]
        return out


def _calibration_json(c: calibration.Calibration) -> dict[str, Any]:
    return {
        "decided": c.decided, "won": c.won,
        "levels": [{"stars": lv.stars, "prospects": lv.prospects, "decided": lv.decided,
                    "won": lv.won, "rate": lv.rate, "low": lv.low, "high": lv.high}
                   for lv in c.levels],
        "auc": {"value": c.auc.value, "low": c.auc.low, "high": c.auc.high},
        "brier": {"value": c.brier, "base": c.base},
        "enough": c.enough,
    }


def _rated(case_inputs: tuple[int | None, str | None, str | None, bool], quality: bool,
           policy: Policy) -> int:
    if not quality:
        return 0
    value, need, interest, platform = case_inputs
    return rules.star_level(value, need, interest, platform, policy)


def cases(tx: Tx, book: PolicyBook, date_from: str | None, date_to: str | None,
          by: str | None) -> tuple[list[calibration.Case], dict[int, Policy]]:
    """Every prospect whose first effective visit lies in the period, rated as of that day
    (Q5), with how its deal ended; and the policy each was rated under."""
    first = queries.first_effective_visits(tx, date_from, date_to)
    ids = sorted(first)
    found = prospects.prospects_of(tx, ids)
    facts = facts_of(tx, [found[i] for i in ids], rounds=False)
    history = queries.rating_history(tx, ids)
    outcomes = queries.outcomes_of(tx, ids)
    out, policies = [], {}
    for pid in ids:
        p, day = found[pid], first[pid]
        policy = book.at(day)
        seen = facts[pid].as_of(day)
        quality = rules.standard_check(seen.employees, seen.pcs, policy,
                                       seen.found_substandard).ok
        changes = history.get(pid, {})

        def as_of(field: str, now: object, _c: dict[str, Any] = changes, _d: str = day) -> object:
            return calibration.value_as_of(now, _c.get(field, []), _d)

        platform = as_of("platform_interest", p.platform_interest)
        inputs = (as_of("deal_value", p.deal_value), as_of("need", p.need),
                  as_of("yulin_interest", p.yulin_interest), bool(platform))
        result = outcomes.get(pid)
        group = {"prospector": p.sourced_by, "district": p.district or "-",
                 "industry": p.industry or "-"}.get(by or "", "")
        out.append(calibration.Case(pid, _rated(inputs, quality, policy),  # type: ignore[arg-type]
                                    None if result is None else result == "won", group,
                                    inputs, quality))  # type: ignore[arg-type]
        policies[pid] = policy
    return out, policies


def calibrate(tx: Tx, book: PolicyBook, date_from: str | None, date_to: str | None,
              by: str | None, propose: str | None) -> CalibrationResult:
    if date_from and date_to and date_from > date_to:
        raise BadInput("calibrate.bad_period", date_from=date_from, date_to=date_to)
    found, policies = cases(tx, book, date_from, date_to, by)
    groups: tuple[CalibrationGroup, ...] = ()
    if by is not None:
        names = sorted({c.group for c in found})
        groups = tuple(CalibrationGroup(n, calibration.calibrate(
            [c for c in found if c.group == n])) for n in names)
    proposal = None
    if propose is not None:
        proposal = _propose(book, found, policies, propose, date_to)
    return CalibrationResult(date_from, date_to, calibration.calibrate(found), by, groups,
                             proposal)


def _propose(book: PolicyBook, found: list[calibration.Case], policies: dict[int, Policy],
             path: str, date_to: str | None) -> Proposal:
    """Thresholds that maximise the period's AUC, written as a policy file that `policy
    simulate` takes (the version in force at the period's end, with the new thresholds)."""
    base = book.at(date_to or clock.today())

    def rate(case: calibration.Case, th: dict[str, int]) -> int:
        assert case.inputs is not None
        return _rated(case.inputs, case.quality, calibration.with_thresholds(
            policies[case.prospect_id], th))

    thresholds, now, proposed = calibration.propose(found, base, rate)
    lines = ["# Star thresholds proposed by `yulin calibrate --propose` (Q5): the deal values",
             "# that rank this period's decided deals best. Try: yulin policy simulate FILE",
             "", "[stars]"] + [f"{k} = {v}" for k, v in thresholds.items()]
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    except OSError as exc:
        raise BadInput("calibrate.unwritable", path=path, error=exc.strerror) from None
    return Proposal(path, thresholds, now, proposed)
