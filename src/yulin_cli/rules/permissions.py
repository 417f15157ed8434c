"""Who may record what (RULES.md, "Ambiguities we settled")."""

from __future__ import annotations

from yulin_cli.frozen import frozen
from yulin_cli.rules.reasons import Reason
from yulin_cli.rules.reasons import reason as _reason


def may_verify(by: str, roles: list[str], source: str) -> Reason | None:
    """Q1: a round is made by the prospect's finder (whatever their roles), a prospector or a
    manager; None when allowed, else the refusal."""
    if by == source or {"prospector", "manager"} & set(roles):
        return None
    return _reason("verification", False, "refuse.not_verifier", name=by)


def may_log_visit(by: str, roles: list[str], by_center: int, prospect_center: int) -> Reason | None:
    """Q7, Q15: a visit is logged by a visitor or a manager of the prospect's own centre."""
    if not {"visitor", "manager"} & set(roles):
        return _reason("effective", False, "refuse.not_visitor", name=by)
    if by_center != prospect_center:
        return _reason("effective", False, "refuse.other_center", name=by)
    return None


def may_record_outcome(by: str, roles: list[str], by_id: int, finder_id: int) -> Reason | None:
    """Q5, Q13: how a deal ended is recorded by a manager or by the prospect's finder."""
    if "manager" in roles or by_id == finder_id:
        return None
    return _reason("outcome", False, "outcome.not_allowed", name=by)


def upgrade_check(kind: str, existing_customer: bool) -> Reason | None:
    """Q13: an upgrade visit is for an existing customer; logged for any other prospect it
    would spare the finder a substandard penalty."""
    if kind == "upgrade" and not existing_customer:
        return _reason("managers", False, "refuse.upgrade_not_customer")
    return None


# The rule a void answers to, by what is voided: a round (Q1), a visit (Q7, Q15), points (Q15).
VOID_RULES = {"round": "verification", "visit": "effective", "points": "substandard",
              "outcome": "outcome"}


def may_void(kind: str, by: str, roles: list[str], recorder: str | None,
             recorded_on: str | None, today: str, *, inspected: bool = False) -> Reason | None:
    """Nothing is deleted, but a mistake may be voided: a round or a visit by whoever recorded
    it, on the calendar day it was recorded; anything else, points entries always, and a visit
    with a question for a manager (``inspected``, open or answered), only by a manager. None
    when allowed, else the refusal."""
    if "manager" in roles:
        return None
    if kind == "points":
        return _reason(VOID_RULES[kind], False, "void.points_managers", name=by)
    if inspected:
        return _reason(VOID_RULES[kind], False, "void.inspected_managers", name=by)
    if by == recorder and recorded_on is not None and recorded_on == today:
        return None
    return _reason(VOID_RULES[kind], False, "void.not_allowed", name=by, recorder=recorder or "")
@frozen
class Acting:
    """Who a command acts as: a staff member's name, or the refusal (or None and no refusal:
    the name must be given)."""

    name: str | None
    refusal: Reason | None = None


def acting_as(by: str | None, login_staff: str | None, login_roles: tuple[str, ...]) -> Acting:
    """Q15, team mode: a login mapped to a staff member acts as that person, so ``--by`` may be
    left out; naming someone else is refused unless the login belongs to a manager. A login
    mapped to nobody (the administrator, or any SQLite file) must name the person."""
    if login_staff is None:
        return Acting(by)
    if by is None or by == login_staff or "manager" in login_roles:
        return Acting(by or login_staff)
    return Acting(None, _reason("identity", False, "refuse.not_you", name=by,
                                staff=login_staff))
