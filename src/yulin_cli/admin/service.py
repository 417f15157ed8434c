"""Administration: the policy in force, backups, the health check and the demo."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yulin_cli.errors import BadInput, YulinError
from yulin_cli.results import Result, human_only

if TYPE_CHECKING:
    from yulin_cli.db import Db
    from yulin_cli.policy import Policy
    from yulin_cli.reports.service import DailyReport, Ranking


@dataclass(frozen=True, slots=True)
class PolicyShown(Result):
    policy: Policy

    def to_json(self) -> Any:
        from yulin_cli.policy import policy_dict

        return policy_dict(self.policy)


@dataclass(frozen=True, slots=True)
class PolicyWritten(Result):
    path: str


@dataclass(frozen=True, slots=True)
class BackedUp(Result):
    path: str
    bytes: int


@dataclass(frozen=True, slots=True)
class HealthCheck:
    check: str
    ok: bool
    detail: str  # language-free, for --json
    code: str = human_only("")  # the detail in words, for people
    params: dict[str, Any] = human_only(None)


@dataclass(frozen=True, slots=True)
class Health(Result):
    ok: bool
    checks: tuple[HealthCheck, ...]
    upgrade_needed: bool = False


@dataclass(frozen=True, slots=True)
class Upgraded(Result):
    before: str | None
    after: str
    upgraded: bool


@dataclass(frozen=True, slots=True)
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


def write_policy(path: str, force: bool) -> PolicyWritten:
    from yulin_cli.policy import Policy, policy_toml

    target = Path(path)
    try:
        if target.exists() and not force:
            raise BadInput("file.exists", path=path)
        target.write_text(policy_toml(Policy()), encoding="utf-8")
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise BadInput("policy.unreadable", path=path,
                       error=getattr(exc, "strerror", None) or str(exc)) from None
    return PolicyWritten(str(target))


def backup(db: Db, dest: Path, force: bool) -> BackedUp:
    from yulin_cli import db as dbmod

    try:
        exists = dest.exists()
    except (OSError, ValueError) as exc:
        raise BadInput("backup.failed", path=str(dest), error=str(exc)) from None
    if exists and not force:
        raise BadInput("file.exists", path=str(dest))
    return BackedUp(str(dest), dbmod.backup(db, dest))


def health(db: Db, policy_path: str | None) -> Health:
    """Integrity, schema version and file permissions of the database, and the policy."""
    from yulin_cli import db as dbmod
    from yulin_cli.policy import load_policy
    from yulin_cli.runtime import error_text

    checks = [HealthCheck(*c) for c in dbmod.health(db)]
    upgrade_needed = db.needs_upgrade
    try:
        load_policy(policy_path)
        checks.append(HealthCheck("policy", True, policy_path or "defaults",
                                  "" if policy_path else "check.defaults"))
    except YulinError as err:
        checks.append(HealthCheck("policy", False, error_text(err)))
    return Health(all(c.ok for c in checks), tuple(checks), upgrade_needed)


def upgrade(db: Db) -> Upgraded:
    """The schema brought to this yulin's head; on a server only by the schema's owner."""
    from yulin_cli import db as dbmod

    before = db.version
    if not db.needs_upgrade:
        return Upgraded(before, dbmod.SCHEMA_HEAD, False)
    if not db.may_migrate:
        login = db.login.user if db.login else ""
        raise BadInput("upgrade.not_owner", owner=db.owner or "?", login=login)
    dbmod.upgrade(db.target)
    return Upgraded(before, dbmod.SCHEMA_HEAD, True)


def demo(db: Db, policy: Policy, day: str, *, progress: bool) -> DemoResult:
    from yulin_cli.admin import sample
    from yulin_cli.reports.service import daily_report, rate_all
    from yulin_cli.results import SCREEN

    loaded = sample.load(db, policy, progress=progress)
    with db.read() as tx:
        report = daily_report(tx, policy, day, None)
        ranking = rate_all(tx, policy, SCREEN)  # the sample team fits on one screen
    return DemoResult(loaded, report, ranking, db.shown)
