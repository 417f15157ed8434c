"""The team's policy as data (RULES.md, "Rulings for the third release"): versions with a first
day, shown, listed and set by a manager; a version starting on a past day re-judges what was
recorded since, only when asked to, and says what changed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.frozen import frozen
from yulin_cli.results import Result, human_only

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.outcomes.service import Difference
    from yulin_cli.policy import Policy, PolicyBook, PolicyVersion


@frozen
class VersionInfo:
    """A version's first day (None: the first version, from the beginning), who set it and
    when, and the file it came from."""

    id: int
    valid_from: str | None
    set_by: str | None
    set_at: str
    source: str | None

    @classmethod
    def of(cls, version: PolicyVersion) -> VersionInfo:
        return cls(version.id, version.valid_from, version.set_by, version.set_at,
                   version.source)


@frozen
class PolicyShown(Result):
    """`policy show`: the policy judging a day, and the version it is."""

    policy: Policy
    version: VersionInfo | None = None
    at: str | None = None

    def to_json(self) -> Any:
        from yulin_cli.policy import policy_dict
        from yulin_cli.results import jsonable

        doc = policy_dict(self.policy)
        if self.version is not None:
            doc["version"] = {**jsonable(self.version), "at": self.at}
        return doc


@frozen
class KeyChange:
    key: str
    old: Any
    new: Any


@frozen
class HistoryEntry:
    version: VersionInfo
    changes: tuple[KeyChange, ...]  # against the version before it


@frozen
class PolicyHistory(Result):
    versions: tuple[HistoryEntry, ...]

    def to_json(self) -> Any:
        from yulin_cli.results import jsonable

        return [{**jsonable(e.version), "changes": [jsonable(c) for c in e.changes]}
                for e in self.versions]


@frozen
class PolicySet(Result):
    """`policy set`: the new version, what it changes, and with ``--retroactive`` what the
    records since its first day now come to."""

    version: VersionInfo
    changes: tuple[KeyChange, ...]
    retroactive: bool
    rejudged: tuple[Difference, ...]
    names: dict[int, str] = human_only(None)

    def to_json(self) -> Any:
        from yulin_cli.results import jsonable

        return {"version": jsonable(self.version),
                "changes": [jsonable(c) for c in self.changes],
                "retroactive": self.retroactive,
                "rejudged": [jsonable(d) for d in self.rejudged]}


def flat(policy: Policy) -> dict[str, Any]:
    """A policy as ``section.key`` -> value."""
    from yulin_cli.policy import policy_dict

    return {f"{section}.{key}": value for section, keys in policy_dict(policy).items()
            for key, value in keys.items()}


def key_changes(before: Policy, after: Policy) -> tuple[KeyChange, ...]:
    old, new = flat(before), flat(after)
    return tuple(KeyChange(k, old[k], new[k]) for k in new if old.get(k) != new[k])


def show(book: PolicyBook, day: str) -> PolicyShown:
    from yulin_cli.policy import PolicyVersion

    version = book.version_at(day)
    info = VersionInfo.of(version) if version.id else VersionInfo.of(
        PolicyVersion(0, None, version.policy))
    return PolicyShown(book.at(day), info, day)


def history(book: PolicyBook) -> PolicyHistory:
    out = []
    previous = None
    for version in book.versions:
        changes = key_changes(previous, version.policy) if previous is not None else ()
        out.append(HistoryEntry(VersionInfo.of(version), changes))
        previous = version.policy
    return PolicyHistory(tuple(out))


def records_since(tx: Tx, day: str) -> int:
    """Live records dated on or after ``day`` that a version from it would judge: prospects
    found, rounds, visits, answered questions and adjustments."""
    return int(tx.scalar(
        "SELECT (SELECT COUNT(*) FROM prospect WHERE found_on >= :d AND merged_into IS NULL)"
        " + (SELECT COUNT(*) FROM verification_round WHERE day >= :d AND voided_at IS NULL)"
        " + (SELECT COUNT(*) FROM visit WHERE day >= :d AND voided_at IS NULL)"
        " + (SELECT COUNT(*) FROM inspection WHERE decided_on >= :d)"
        " + (SELECT COUNT(*) FROM points_entry WHERE day >= :d AND rule = 'adjustment')"
        " AS n", d=day) or 0)


def set_version(tx: Tx, book: PolicyBook, path: str, valid_from: str, by: str, *,
                retroactive: bool, now: str) -> PolicySet:
    """A manager sets a new version from ``valid_from``: the file overrides, key by key, the
    version in force that day. Records already dated on or after it are judged again only
    with ``retroactive`` (else exit 1), in this transaction."""
    from yulin_cli.outcomes.service import reconcile_all
    from yulin_cli.policy import add_version, load_book, load_overrides, overlaid, policy_dict
    from yulin_cli.policy import validated as validated_policy
    from yulin_cli.team.service import require_manager

    manager = require_manager(tx, by, "refuse.policy_managers")
    overrides = load_overrides(path)
    base = book.version_at(valid_from).policy
    policy = validated_policy(overlaid(policy_dict(base), overrides), path)
    if not retroactive:
        dated = records_since(tx, valid_from)
        if dated:
            raise RuleRefusal("policy.needs_retroactive", date=valid_from, count=dated)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput("policy.unreadable", path=path, error=str(exc)) from None
    version_id = add_version(tx, valid_from, policy, manager.id, now, Path(path).name, text)
    rejudged: list[Difference] = []
    if retroactive:
        rejudged = reconcile_all(tx, load_book(tx), since=valid_from)
    names = {r["id"]: r["name"] for r in tx.all("SELECT id, name FROM staff")}
    info = VersionInfo(version_id, valid_from, manager.name, now, Path(path).name)
    return PolicySet(info, key_changes(base, policy), retroactive, tuple(rejudged), names)


@frozen
class PolicyWritten(Result):
    path: str


def write_policy(path: str, force: bool) -> PolicyWritten:
    """A commented file holding every default, to edit and then `policy set`."""
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
