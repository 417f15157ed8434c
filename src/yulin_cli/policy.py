"""The policy: every number of the manual's rules, with RULES.md defaults.

A TOML file (``--policy`` or ``YULIN_POLICY``) overrides it key by key. Unknown keys and
wrong types are refused, naming the key, so a typo never silently keeps a default.

The sections are plain frozen dataclasses, so the defaults cost nothing at start-up; Pydantic
loads only to validate a policy file (it validates standard dataclasses as it does models).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Self

from yulin_cli.errors import BadInput
from yulin_cli.frozen import frozen

if TYPE_CHECKING:
    from yulin_cli.tx import Tx


def setting(default: Any, doc: str, *, ge: int | None = None, le: int | None = None) -> Any:
    """A policy key: its default, the comment `policy init` writes, and its bounds."""
    return field(default=default, metadata={"doc": doc, "ge": ge, "le": le})


class _Section:
    """A section of keys. Frozen, without a generated __eq__ or slots: a policy is never
    compared, and every generated method costs start-up time on each run."""

    # Read by Pydantic when it validates a policy file: an unknown key is an error.
    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            floor, ceiling = f.metadata.get("ge"), f.metadata.get("le")
            if floor is not None and getattr(self, f.name) < floor:
                raise ValueError(f"{f.name} must be >= {floor}")
            if ceiling is not None and getattr(self, f.name) > ceiling:
                raise ValueError(f"{f.name} must be <= {ceiling}")
        self.check()

    def check(self) -> None:
        """Rules between a section's keys."""


@frozen(eq=False, slots=False)
class Standard(_Section):
    min_employees: int = setting(100, "Employees needed for the quality standard", ge=0)
    min_pcs: int = setting(30, "PCs needed for the quality standard", ge=0)


@frozen(eq=False, slots=False)
class Verification(_Section):
    min_rounds: int = setting(2, "Rounds by the source before a visit (2nd, 3rd)", ge=0)
    min_pretexts: int = setting(2, "Different pretexts among those rounds", ge=0)


@frozen(eq=False, slots=False)
class Quota(_Section):
    per_day: int = setting(2, "Quality customers each prospector finds a day", ge=0)
    campaign_start: dt.date = setting(dt.date(2026, 1, 1), "First day the quota applies")
    campaign_end: dt.date = setting(dt.date(2026, 10, 31), "Last day the quota applies")
    weekdays_only: bool = setting(True, "Count the quota on working days only (Monday to Friday)")

    def check(self) -> None:
        if self.campaign_start > self.campaign_end:
            raise ValueError("policy.campaign_order")


@frozen(eq=False, slots=False)
class Stars(_Section):
    five_min: int = setting(200_000, "Deal value (yuan) for 5 stars", ge=0)
    four_min: int = setting(100_000, "Deal value for 4 stars", ge=0)
    three_min: int = setting(100_000, "Deal value for 3 stars", ge=0)
    two_min: int = setting(70_000, "Deal value for 2 stars", ge=0)

    def check(self) -> None:
        if not self.five_min >= self.four_min >= self.two_min:
            raise ValueError("policy.stars_order")
        if not self.three_min >= self.two_min:
            raise ValueError("policy.stars_three")


@frozen(eq=False, slots=False)
class EffectiveVisit(_Section):
    items: tuple[str, ...] = setting(("1-5", "2-2", "2-3", "2-4", "2-5", "2-8", "2-9"),
                                     "Questionnaire items an effective visit must capture")
    contacts: tuple[str, ...] = setting(("landline", "email"),
                                        "Contact details an effective visit must capture")


@frozen(eq=False, slots=False)
class Points(_Section):
    substandard: int = setting(-5, "Points for the source when a visit finds it substandard")
    sweep: int = setting(3, "Points for an effective sweep visit")
    unproven_visit: int = setting(
        -5, "Points for the visitor when an inspection finds a visit did not happen as logged")


@frozen(eq=False, slots=False)
class Redsea(_Section):
    doubtful_at: int = setting(1, "Signals from which a red-sea prospect is doubtful", ge=1)
    impure_at: int = setting(2, "Signals from which it is impure: drop it", ge=1)


@frozen(eq=False, slots=False)
class Territory(_Section):
    direct_sales_cities: tuple[str, ...] = setting(("南京", "深圳"),
                                                   "Cities with a direct-sales branch")


@frozen(eq=False, slots=False)
class Proof(_Section):
    require_photo: bool = setting(False, "A visit without a photo is not effective")
    max_distance_m: int = setting(1000, "Metres a visit's photo may be from the company's location",
                                  ge=0)
    max_city_km: int = setting(
        100, "Kilometres a visit's photo may be from the seat of the company's city or county town",
        ge=1)
    sample_percent: int = setting(
        10, "Share of substandard findings inspected even when nothing looks wrong", ge=0, le=100)


@frozen(eq=False, slots=False)
class Route(_Section):
    max_visits_per_day: int = setting(6, "Suburban visits planned per day", ge=1)
    max_days: int = setting(2, "Working days in one suburban trip", ge=1)


@frozen(eq=False, slots=False)
class Managers(_Section):
    upgrade_min_pcs: int = setting(100, "PCs of an existing customer worth an upgrade visit",
                                   ge=0)


@frozen(eq=False, slots=False)
class Partner(_Section):
    min_effort: int = setting(4, "Rounds plus visits that count as high effort", ge=0)
    small_share: int = setting(50_000, "Vendor share (yuan) below which it is small", ge=0)


@frozen(eq=False, slots=False)
class Policy(_Section):
    standard: Standard = field(default_factory=Standard)
    verification: Verification = field(default_factory=Verification)
    quota: Quota = field(default_factory=Quota)
    stars: Stars = field(default_factory=Stars)
    effective_visit: EffectiveVisit = field(default_factory=EffectiveVisit)
    points: Points = field(default_factory=Points)
    redsea: Redsea = field(default_factory=Redsea)
    territory: Territory = field(default_factory=Territory)
    route: Route = field(default_factory=Route)
    managers: Managers = field(default_factory=Managers)
    partner: Partner = field(default_factory=Partner)
    proof: Proof = field(default_factory=Proof)

    @classmethod
    def model_validate(cls, data: dict[str, Any]) -> Self:
        """A policy from plain data (a parsed TOML file), validated key by key; raises
        Pydantic's ValidationError naming the first bad key."""
        from pydantic import TypeAdapter

        return TypeAdapter(cls).validate_python(data)


def _read_toml(path: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput("policy.missing", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib says where in English: "... (at line 3, column 10)"; we say it in words.
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        if where:
            raise BadInput("policy.toml_syntax", path=path, line=int(where[1]),
                           column=int(where[2])) from None
        raise BadInput("policy.unreadable", path=path, error=str(exc)) from None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise BadInput("policy.unreadable", path=path, error=str(exc)) from None


def validated(data: dict[str, Any], path: str) -> Policy:
    """A policy from plain data, or a BadInput naming the first bad key of the file ``path``."""
    from pydantic import ValidationError

    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        from yulin_cli.i18n import t
        from yulin_cli.inputs import pydantic_why

        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(root)"
        original = first.get("ctx", {}).get("error")
        code, params = (str(original), {}) if isinstance(original, ValueError) else (
            pydantic_why(first))
        why = t(code, **params) if code.startswith(("bad.", "policy.")) else first["msg"]
        raise BadInput("policy.bad_key", path=path, key=key, error=why) from None


def load_overrides(path: str) -> dict[str, Any]:
    """The keys a policy file sets, checked: each must exist and hold a valid value over the
    defaults (``validated``). Returned as written, so they can override any version."""
    data = _read_toml(path)
    validated(data, path)
    return data


def load_policy(path: str | None) -> Policy:
    """The defaults, overridden by the TOML file at ``path`` if given."""
    if not path:
        return Policy()
    return validated(_read_toml(path), path)


def overlaid(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """``base`` (a policy as data) with each key of ``overrides`` in its place."""
    out = {name: dict(section) for name, section in base.items()}
    for name, section in overrides.items():
        if isinstance(section, dict):
            out.setdefault(name, {}).update(section)
        else:
            out[name] = section
    return out


def policy_from_dict(data: dict[str, Any]) -> Policy:
    """A policy from data this program wrote (a stored version): built directly, without
    Pydantic, since it was validated when it was set. Keys unknown to this version of yulin
    are ignored; keys it lacks keep their defaults."""
    defaults = Policy()
    sections = {}
    for section in fields(Policy):
        kind = type(getattr(defaults, section.name))
        given = data.get(section.name) or {}
        values: dict[str, Any] = {}
        for info in fields(kind):
            if info.name not in given:
                continue
            value, default = given[info.name], info.default
            if isinstance(default, dt.date) and isinstance(value, str):
                value = dt.date.fromisoformat(value)
            elif isinstance(default, tuple):
                value = tuple(value)
            values[info.name] = value
        sections[section.name] = kind(**values)
    return Policy(**sections)


# --- the team's policy, in versions (RULES.md, "Rulings for the third release") -----------------


@frozen(eq=False, slots=False)
class PolicyVersion:
    """One version of the team's policy: in force from ``valid_from`` (None: the first, which
    covers every day before the second) until the next version's first day."""

    id: int
    valid_from: str | None
    policy: Policy
    set_by: str | None = None
    set_at: str = ""
    source: str | None = None  # the file it was set from


class PolicyBook:
    """The team's policy versions, and optionally a file (``--policy``) that overrides, key by
    key, whichever version is in force on the day concerned (a what-if)."""

    def __init__(self, versions: Sequence[PolicyVersion],
                 overrides: dict[str, Any] | None = None, what_if: str | None = None) -> None:
        self.versions = tuple(sorted(versions, key=lambda v: (v.valid_from or "", v.id))) or (
            PolicyVersion(0, None, Policy()),)
        self.overrides = overrides
        self.what_if = what_if  # the file a read computes under, when it differs
        self._overlaid: dict[int, Policy] = {}

    def version_at(self, day: str) -> PolicyVersion:
        """The version in force on ``day``."""
        found = self.versions[0]
        for version in self.versions[1:]:
            if version.valid_from is not None and version.valid_from <= day:
                found = version
        return found

    def at(self, day: str) -> Policy:
        """The policy that judges a record dated ``day``."""
        version = self.version_at(day)
        if not self.overrides:
            return version.policy
        found = self._overlaid.get(version.id)
        if found is None:
            found = self._overlaid[version.id] = validated(
                overlaid(policy_dict(version.policy), self.overrides), self.what_if or "")
        return found

    def changes_on(self, day: str) -> bool:
        """Whether the policy judging ``day`` differs from the version in force then."""
        return bool(self.overrides) and policy_dict(self.at(day)) != policy_dict(
            self.version_at(day).policy)

    def in_force(self) -> PolicyBook:
        """The same versions without the file."""
        return PolicyBook(self.versions)

    def with_file(self, overrides: dict[str, Any], path: str) -> PolicyBook:
        return PolicyBook(self.versions, overrides, path)

    def first_days(self, first: str, last: str) -> list[str]:
        """The days in [first, last] on which a version starts, besides ``first``."""
        return sorted({v.valid_from for v in self.versions
                       if v.valid_from is not None and first < v.valid_from <= last})

    def segments(self, first: str, last: str) -> list[tuple[str, str, Policy]]:
        """[first, last] cut where a version starts: (from, to, policy) each."""
        starts = [first, *self.first_days(first, last)]
        out = []
        for i, start in enumerate(starts):
            end = (dt.date.fromisoformat(starts[i + 1]) - dt.timedelta(days=1)).isoformat() \
                if i + 1 < len(starts) else last
            out.append((start, end, self.at(start)))
        return out


def _toml_value(value: object) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def policy_toml(policy: Policy) -> str:
    """A commented TOML file holding ``policy``; loading it gives the same policy back."""
    from yulin_cli.i18n import MESSAGES, t

    lines = [f"# {t('policy.header')}", ""]
    for section in fields(policy):
        lines.append(f"[{section.name}]")
        part = getattr(policy, section.name)
        for info in fields(part):
            key, value = info.name, getattr(part, info.name)
            code = f"policy.{section.name}.{key}"
            lines.append(f"# {t(code) if code in MESSAGES else info.metadata['doc']}")
            entry = f"{key} = {_toml_value(value)}"
            # TOML has no null: an unset optional date is written commented out.
            lines.append(f"# {key} = 2026-09-01" if value is None else entry)
        lines.append("")
    return "\n".join(lines)


def policy_dict(policy: Policy) -> dict[str, Any]:
    """The policy as JSON data: sections of keys, dates as ISO text, lists as lists."""

    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        return list(value) if isinstance(value, tuple) else value

    return {s.name: {k.name: plain(getattr(getattr(policy, s.name), k.name))
                     for k in fields(getattr(policy, s.name))} for s in fields(policy)}


def _body(value: Any) -> dict[str, Any]:
    """A stored version's body: a document on PostgreSQL, JSON text on SQLite."""
    if isinstance(value, (str, bytes)):
        import json

        return dict(json.loads(value))
    return dict(value)


def versions(tx: Tx) -> list[PolicyVersion]:
    """The team's policy versions, oldest first."""
    return [PolicyVersion(r["id"], r["valid_from"], policy_from_dict(_body(r["body"])),
                          r["set_by"], r["set_at"], r["source"]) for r in tx.all(
        "SELECT v.id, v.valid_from, v.body, s.name AS set_by, v.set_at, v.source"
        " FROM policy_version v LEFT JOIN staff s ON s.id = v.set_by_id"
        " ORDER BY COALESCE(v.valid_from, ''), v.id")]


def add_version(tx: Tx, valid_from: str | None, policy: Policy, set_by_id: int | None,
                set_at: str, source: str | None, source_text: str | None) -> int:
    import json

    return tx.insert("policy_version", {
        "valid_from": valid_from, "body": json.dumps(policy_dict(policy), ensure_ascii=False),
        "set_by_id": set_by_id, "set_at": set_at, "source": source,
        "source_text": source_text})


def load_book(tx: Tx) -> PolicyBook:
    return PolicyBook(versions(tx))
