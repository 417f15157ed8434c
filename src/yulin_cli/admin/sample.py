"""The bundled sample team (``sample_data/*.csv``), loaded through the ordinary services.

Every row passes the same validation and rules as a command typed by hand, in date order, so
the demo's points, notices and flags are the ones the rules give. The load is one transaction.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yulin_cli import forms, inputs
from yulin_cli.admin import queries
from yulin_cli.data.spreadsheets import truthy as cell_truthy
from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.prospects import service as prospects
from yulin_cli.records import FLAG_COLUMNS
from yulin_cli.team import service as team
from yulin_cli.visits import service as visits

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import PolicyBook
    from yulin_cli.runtime import State

DEMO_MARK = "demo_loaded"
FILES = ("centers", "staff", "prospects", "rounds", "redsea", "plans", "visits", "outcomes")


def sample_dir() -> Path:
    """Inside the installed package, or beside ``src/`` in a source checkout."""
    packaged = Path(__file__).parents[1] / "sample_data"
    return packaged if packaged.is_dir() else Path(__file__).parents[3] / "sample_data"


def truthy(value: str | None) -> bool:
    return bool(cell_truthy(value or ""))


def read_rows(name: str) -> list[dict[str, str]]:
    path = sample_dir() / f"{name}.csv"
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except OSError as exc:
        raise BadInput("db.unreadable", target=str(path), error=exc.strerror) from None


def _steps(tx: Tx, book: PolicyBook, tables: dict[str, list[dict[str, str]]]
           ) -> Iterator[None]:
    """Loads row by row, yielding after each so a progress bar can follow."""
    for row in tables["centers"]:
        team.add_center(tx, row["name"], row["city"])
        yield
    for row in tables["staff"]:
        person = inputs.validate(inputs.StaffIn, {
            "name": row["name"], "center": row["center"],
            "roles": row["roles"].split(";"),
            "industries": [i for i in row["industries"].split(";") if i]})
        team.add_staff(tx, person.name, person.center, person.roles, person.industries,
                       row.get("since") or None)
        yield
    ids: dict[str, int] = {}
    for n, row in enumerate(tables["prospects"], start=2):
        facts: dict[str, Any] = {k: v for k, v in row.items() if k != "force" and v != ""}
        facts.update({k: truthy(row.get(k)) for k in FLAG_COLUMNS})
        data = forms.prospect_facts(facts, row=n)
        ids[data["company"]] = prospects.add_prospect(tx, data, force=truthy(row.get("force"))).id
        yield
    for n, row in enumerate(tables["rounds"], start=2):
        visits.verify(tx, book, forms.round_form({
            "prospect_id": ids[row["company"]], "by": row["by"], "pretext": row["pretext"],
            "result": row["result"], "address": truthy(row["address"]),
            "scale": truthy(row["scale"]), "day": row["date"], "note": row["note"]}, row=n))
        yield
    for row in tables["redsea"]:
        signals = [s for s in row["signals"].split(";") if s]
        found_on = tx.scalar("SELECT found_on FROM prospect WHERE id = :id",
                             id=ids[row["company"]])
        visits.redsea(tx, book, ids[row["company"]], signals, day=row.get("date") or found_on,
                      by=row.get("by") or None)
        yield
    # Plans and visits in date order: a sweep is judged by the plans left open that day.
    events = [(r["date"], 0, r) for r in tables["plans"]]
    events += [(r["date"], 1, r) for r in tables["visits"]]
    for n, (day, is_visit, row) in enumerate(sorted(events, key=lambda e: (e[0], e[1])), 2):
        pid = ids[row["company"]]
        if not is_visit:
            plan = forms.plan_form({
                "prospect_id": pid, "visitor": row["visitor"], "day": day}, row=n)
            visits.plan_visit(tx, book, plan.prospect_id, plan.visitor, plan.day)
        else:
            visits.log_visit(tx, book, forms.visit_form({
                "prospect_id": pid, "by": row["by"], "outcome": row["outcome"],
                "kind": row["kind"], "items": row["items"], "landline": truthy(row["landline"]),
                "email": truthy(row["email"]), "mobile": truthy(row["mobile"]),
                "qq": truthy(row["qq"]), "day": day, "note": row["note"]}, row=n))
        yield
    # How some deals ended, so `calibrate` has something to show (issue 22).
    from yulin_cli.closing import service as closing
    from yulin_cli.parsers import parse_money

    for row in tables["outcomes"]:
        closing.record_outcome(tx, ids[row["company"]], row["result"],
                               parse_money(row["value"]) if row["value"] else None,
                               row["reason"] or None, row["date"], row["by"])
        yield
    queries.set_meta(tx, DEMO_MARK, "1")


def load(state: State, *, progress: bool) -> bool:
    """Loads the sample team; False if it was already there. Refuses a database in use."""
    db = state.db()
    if db.exists:  # a new file is created by the write below
        with db.read() as tx:
            if queries.meta(tx, DEMO_MARK):
                return False
            if queries.has_data(tx):
                raise RuleRefusal("demo.not_empty", target=db.shown)
    tables = {name: read_rows(name) for name in FILES}
    total = sum(len(rows) for rows in tables.values())
    with state.write() as tx:
        steps = _steps(tx, state.book(), tables)
        if not progress:
            for _ in steps:
                pass
            return True
        from rich.progress import Progress

        from yulin_cli.i18n import t

        with Progress(transient=True) as bar:
            task = bar.add_task(t("ui.demo_loading"), total=total)
            for _ in steps:
                bar.advance(task)
    return True
