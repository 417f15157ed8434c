"""`todo`: one person's open work, each line with the command that does it.

- a prospector: their prospects not yet visited that still miss rounds, the address, the
  contact or the scale the quota decision needs (Q1, Q2, Q3);
- a visitor: the week's planned visits, day by day, with what each must still capture (Q7);
- a manager: the 4 and 5 stars to take over (Q13; a decided deal leaves the list), open
  inspections (Q15), possible duplicates (Q8) and every visitor's next working day.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.frozen import frozen
from yulin_cli.i18n import MESSAGES
from yulin_cli.outcomes.queries import facts_of
from yulin_cli.prospects import queries as prospects
from yulin_cli.results import Result
from yulin_cli.team import queries as team

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import PolicyBook

SECTIONS = ("prospects", "week", "take-over", "inspections", "duplicates", "next-day")
# The placeholders a fix command may hold, filled with the reader's word when unknown.
_PLACEHOLDERS = ("finder", "manager", "visit", "project")


@frozen
class TodoItem:
    section: str
    prospect_id: int | None
    reason: rules.Reason
    command: rules.Message | None
    date: str | None = None

    def command_in(self, lang: str | None = None) -> str:
        from yulin_cli.i18n import t, t_in

        if self.command is None:
            return ""
        show = (lambda key, **p: t(key, **p)) if lang is None else (
            lambda key, **p: t_in(lang, key, **p))
        params = {name: show(f"fixcmd.placeholder.{name}") for name in _PLACEHOLDERS}
        params.update(self.command.params)
        return show(self.command.code, **params)


@frozen
class Todo(Result):
    name: str
    date: str
    roles: tuple[str, ...]
    items: tuple[TodoItem, ...]

    def to_json(self) -> Any:
        from yulin_cli.i18n import explain

        return {"name": self.name, "date": self.date, "roles": list(self.roles), "items": [
            {"section": i.section, "rule": i.reason.rule, "clause": i.reason.clause,
             "prospect_id": i.prospect_id, "date": i.date, "message": explain(i.reason),
             "command": i.command_in("en")} for i in self.items]}


def working_days(day: str, count: int) -> list[str]:
    """``count`` working days (Monday to Friday) from ``day`` on."""
    out: list[str] = []
    d = dt.date.fromisoformat(day)
    while len(out) < count:
        if d.weekday() < 5:
            out.append(d.isoformat())
        d += dt.timedelta(days=1)
    return out


def next_working_day(day: str) -> str:
    d = dt.date.fromisoformat(day) + dt.timedelta(days=1)
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d.isoformat()


def todo(tx: Tx, book: PolicyBook, name: str, day: str) -> Todo:
    person = team.staff_by_name(tx, name)
    items: list[TodoItem] = []
    if "prospector" in person.roles or _has_found(tx, person.id):
        items += _prospector(tx, book, person.id, person.name, day)
    if "visitor" in person.roles:
        items += _visitor(tx, book, person.name, day)
    if "manager" in person.roles:
        items += _manager(tx, book, person.center, day)
    order = {s: n for n, s in enumerate(SECTIONS)}
    items.sort(key=lambda i: order[i.section])  # stable: each section keeps its own order
    return Todo(person.name, day, person.roles, tuple(items))


def _has_found(tx: Tx, staff_id: int) -> bool:
    found: int = tx.scalar("SELECT COUNT(*) FROM prospect WHERE sourced_by_id = :s", s=staff_id)
    return found > 0


def _prospector(tx: Tx, book: PolicyBook, staff_id: int, name: str, day: str) -> list[TodoItem]:
    """Q1, Q2, Q3: the finder's own prospects not visited yet that are not ready as of the
    day, each missing thing with the command that records it."""
    ids = [r["id"] for r in tx.all(
        "SELECT p.id FROM prospect p WHERE p.sourced_by_id = :s AND p.merged_into IS NULL"
        " AND p.duplicate_of IS NULL AND p.found_on <= :day"
        " AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.prospect_id = p.id"
        "   AND v.voided_at IS NULL)"
        " AND NOT EXISTS (SELECT 1 FROM deal_outcome o WHERE o.prospect_id = p.id"
        "   AND o.voided_at IS NULL) ORDER BY p.found_on, p.id", s=staff_id, day=day)]
    found = prospects.prospects_of(tx, ids)
    facts = facts_of(tx, [found[i] for i in ids])
    policy = book.at(day)
    wanted = ("standard", "verification", "address", "contact")
    out = []
    for pid in ids:
        verdict = rules.visit_readiness(facts[pid], policy, day)
        for check in verdict.checks:
            if check.ok or check.rule not in wanted:
                continue
            p = found[pid]
            if check.rule == "standard" and (p.found_substandard or None not in (
                    p.employees, p.pcs)):
                continue  # a known scale decides the quota already: nothing to record
            key = f"fixcmd.{check.fix}"
            command = (rules.Message(key, {"id": pid, "finder": name})
                       if check.fix and key in MESSAGES else None)
            reason = rules.Reason(check.rule, False, "todo.missing",
                                  {"id": pid, "company": found[pid].company,
                                   "what": rules.Message(check.code, check.params)},
                                  clause_=check.clause)
            out.append(TodoItem("prospects", pid, reason, command, found[pid].found_on))
    return out


def _visitor(tx: Tx, book: PolicyBook, name: str, day: str) -> list[TodoItem]:
    """Q7: the week's planned visits not logged yet, and what each must capture."""
    from yulin_cli.visits import service as visits

    out = []
    for d in working_days(day, 5):
        agenda = visits.agenda(tx, book, name, d)
        for v in agenda.visits:
            if v.done:
                continue
            items = ",".join(c for c in v.to_capture if "-" in c)
            contacts = " ".join(f"--{c}" for c in v.to_capture if "-" not in c)
            command = rules.Message("todo.cmd.log_visit", {
                "id": v.prospect_id, "by": name, "date": d,
                "items": f" --items {items}" if items else "",
                "contacts": f" {contacts}" if contacts else ""})
            code = "todo.visit" if v.ready else "todo.visit_unready"
            reason = rules.Reason("effective", v.ready, code, {
                "id": v.prospect_id, "company": v.company, "date": d,
                "capture": ", ".join(v.to_capture) or "-"}, clause_="Q7")
            out.append(TodoItem("week", v.prospect_id, reason, command, d))
    return out


def _manager(tx: Tx, book: PolicyBook, center: str, day: str) -> list[TodoItem]:
    from yulin_cli.reports import queries as reports
    from yulin_cli.reports.service import attention

    policy = book.at(day)
    out = []
    for cand in reports.top_star_candidates(tx, policy, center):
        out.append(TodoItem("take-over", cand.id, rules.Reason(
            "managers", True, "todo.take_over",
            {"id": cand.id, "company": cand.company, "stars": cand.stars}, clause_="Q13"),
            rules.Message("cmd.advise", {"id": cand.id}), cand.found_on))
    for item in attention(tx, policy, day, center):
        section = {"inspect": "inspections", "likely-duplicate": "duplicates"}.get(item.kind)
        if section is None:
            continue
        out.append(TodoItem(section, item.prospect_id, rules.Reason(
            item.rule, False, item.message.code, item.message.params, clause_=item.clause),
            item.command, item.date))
    tomorrow = next_working_day(day)
    counts: dict[str, int] = {}
    for plan in reports.plans_of_day(tx, tomorrow, center):
        counts[plan.visitor] = counts.get(plan.visitor, 0) + 1
    for visitor, count in sorted(counts.items()):
        out.append(TodoItem("next-day", None, rules.Reason(
            "readiness", True, "todo.next_day",
            {"visitor": visitor, "count": count, "date": tomorrow}, clause_="Q2"),
            rules.Message("todo.cmd.agenda", {"visitor": visitor, "date": tomorrow}),
            tomorrow))
    return out
