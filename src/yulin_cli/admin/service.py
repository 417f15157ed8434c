"""Administration: the policy in force, backups, the health check and the demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from yulin_cli.errors import BadInput, YulinError
from yulin_cli.frozen import frozen
from yulin_cli.results import Result, human_only

if TYPE_CHECKING:
    from yulin_cli.db import Db
    from yulin_cli.outcomes.service import Difference
    from yulin_cli.reports.service import DailyReport, Ranking
    from yulin_cli.runtime import State


@frozen
class BackedUp(Result):
    path: str
    bytes: int


@frozen
class HealthCheck:
    check: str
    ok: bool
    detail: str  # language-free, for --json
    code: str = human_only("")  # the detail in words, for people
    params: dict[str, Any] = human_only(None)


@frozen
class Health(Result):
    ok: bool
    checks: tuple[HealthCheck, ...]
    upgrade_needed: bool = False
    differences: tuple[Difference, ...] | None = None  # with --recompute
    names: dict[int, str] = human_only(None)

    def to_json(self) -> Any:
        from yulin_cli.results import jsonable

        doc = {"ok": self.ok, "checks": [jsonable(c) for c in self.checks],
               "upgrade_needed": self.upgrade_needed}
        if self.differences is not None:
            doc["differences"] = [jsonable(d) for d in self.differences]
        return doc


@frozen
class Upgraded(Result):
    before: str | None
    after: str
    upgraded: bool


@frozen
class DemoResult(Result):
    loaded: bool
    daily_report: DailyReport
    ranking: Ranking
    target: str = human_only("")

    def to_json(self) -> Any:
        return {"loaded": self.loaded, "daily_report": self.daily_report.to_json(),
                "ranking": [{"prospect_id": p.id, "company": p.company, "stars": r.stars}
                            for p, r in self.ranking.rated if r.stars > 0],
                "unvisited_quality": self.ranking.unvisited}


def backup(db: Db, dest: Path, force: bool) -> BackedUp:
    from yulin_cli import db as dbmod

    try:
        exists = dest.exists()
    except (OSError, ValueError) as exc:
        raise BadInput("backup.failed", path=str(dest), error=str(exc)) from None
    if exists and not force:
        raise BadInput("file.exists", path=str(dest))
    return BackedUp(str(dest), dbmod.backup(db, dest))


def health(db: Db, policy_path: str | None, quick: bool = False) -> Health:
    """Integrity, schema version and file permissions of the database, and the policy
    (``quick``: SQLite's quick check of integrity)."""
    from yulin_cli import db as dbmod
    from yulin_cli.policy import load_policy
    from yulin_cli.runtime import error_text

    checks = [HealthCheck(*c) for c in dbmod.health(db, quick)]
    upgrade_needed = db.needs_upgrade
    if not db.is_sqlite:
        checks += _team_checks(db)
    try:
        load_policy(policy_path)
        checks.append(HealthCheck("policy", True, policy_path or "defaults",
                                  "" if policy_path else "check.defaults"))
    except YulinError as err:
        checks.append(HealthCheck("policy", False, error_text(err)))
    return Health(all(c.ok for c in checks), tuple(checks), upgrade_needed)


def _team_checks(db: Db) -> list[HealthCheck]:
    """In team mode, what the server's refusals rely on, as `team setup` made it."""
    from yulin_cli.server import setup

    with db.read() as tx:
        if not setup.is_set_up(tx):
            return []
        drifted = setup.drift(tx)
    if not drifted:
        return [HealthCheck("team", True, "as set up", "check.team_ok")]
    return [HealthCheck("team", False, "; ".join(drifted), "check.team_drift",
                        {"count": len(drifted), "what": ", ".join(drifted[:6])
                         + (" …" if len(drifted) > 6 else "")})]


def recompute(state: State, health: Health, *, progress: bool) -> Health:
    """Every stored outcome derived again under the team's own policy versions, read-only;
    what differs makes the check fail."""
    from dataclasses import replace

    from yulin_cli.outcomes.service import Difference, differences

    with state.read(what_if=False) as tx:
        book = state.book()
        total = int(tx.scalar("SELECT COUNT(*) FROM visit") or 0)
        if progress and total:
            from rich.progress import Progress

            from yulin_cli.i18n import t

            with Progress(transient=True) as bar:
                task = bar.add_task(t("ui.recomputing"), total=total)
                found = differences(tx, book, progress=lambda n: bar.advance(task, n),
                                    target=state.db().target)
        else:
            found = differences(tx, book, target=state.db().target)
        # The likely duplicates kept for the evening, judged again from the whole table.
        from yulin_cli.prospects import likely

        found += [Difference(f"likely {first}-{second}", "likely_pair", stored, derived)
                  for (first, second), stored, derived in likely.differences(tx)]
        names = {r["id"]: r["name"] for r in tx.all("SELECT id, name FROM staff")}
    check = HealthCheck("outcomes", not found, f"{len(found)} differences",
                        "check.outcomes_count", {"count": len(found)})
    return replace(health, ok=health.ok and not found, checks=(*health.checks, check),
                   differences=tuple(found), names=names)


def upgrade(db: Db) -> Upgraded:
    """The schema brought to this yulin's head; on a server only by the schema's owner."""
    from yulin_cli import db as dbmod

    before = db.version
    if not db.needs_upgrade:
        return Upgraded(before, dbmod.SCHEMA_HEAD, False)
    if not db.may_migrate:
        login = db.login.user if db.login else ""
        raise BadInput("upgrade.not_owner", owner=db.owner or "?", login=login)
    dbmod.upgrade(db.target, first_policy=db.first_policy)
    return Upgraded(before, dbmod.SCHEMA_HEAD, True)


def demo(state: State, day: str, *, progress: bool) -> DemoResult:
    from yulin_cli.admin import sample
    from yulin_cli.reports.service import daily_report, rate_all
    from yulin_cli.results import SCREEN

    loaded = sample.load(state, progress=progress)
    with state.read() as tx:
        report = daily_report(tx, state.book(), day, None)
        ranking = rate_all(tx, state.policy(), SCREEN)  # the sample team fits on one screen
    return DemoResult(loaded, report, ranking, state.db().shown)
