"""The policy: every number of the manual's rules, with RULES.md defaults.

A TOML file (``--policy`` or ``YULIN_POLICY``) overrides it key by key. Unknown keys and
wrong types are refused, naming the key, so a typo never silently keeps a default.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from yulin_cli.errors import BadInput


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Standard(_Section):
    min_employees: int = Field(100, ge=0, description="Employees needed for the quality standard")
    min_pcs: int = Field(30, ge=0, description="PCs needed for the quality standard")


class Verification(_Section):
    min_rounds: int = Field(2, ge=0, description="Rounds by the source before a visit (2nd, 3rd)")
    min_pretexts: int = Field(2, ge=0, description="Different pretexts among those rounds")


class Quota(_Section):
    per_day: int = Field(2, ge=0, description="Quality customers each prospector finds a day")
    campaign_start: dt.date = Field(dt.date(2026, 1, 1), description="First day the quota applies")
    campaign_end: dt.date = Field(dt.date(2026, 10, 31), description="Last day the quota applies")

    @model_validator(mode="after")
    def _window(self) -> Quota:
        if self.campaign_start > self.campaign_end:
            raise ValueError("policy.campaign_order")  # a catalogue code
        return self


class Stars(_Section):
    five_min: int = Field(200_000, ge=0, description="Deal value (yuan) for 5 stars")
    four_min: int = Field(100_000, ge=0, description="Deal value for 4 stars")
    three_min: int = Field(100_000, ge=0, description="Deal value for 3 stars")
    two_min: int = Field(70_000, ge=0, description="Deal value for 2 stars")

    @model_validator(mode="after")
    def _ordered(self) -> Stars:
        if not self.five_min >= self.four_min >= self.two_min:
            raise ValueError("policy.stars_order")
        if not self.three_min >= self.two_min:
            raise ValueError("policy.stars_three")
        return self


class EffectiveVisit(_Section):
    items: list[str] = Field(
        ["1-5", "2-2", "2-3", "2-4", "2-5", "2-8", "2-9"],
        description="Questionnaire items an effective visit must capture",
    )
    contacts: list[str] = Field(
        ["landline", "email"], description="Contact details an effective visit must capture"
    )


class Points(_Section):
    substandard: int = Field(-5, description="Points for the source when a visit finds it substandard")
    sweep: int = Field(3, description="Points for an effective sweep visit")
    unproven_visit: int = Field(
        -5, description="Points for the visitor when an inspection finds a visit did not happen as logged")


class Redsea(_Section):
    doubtful_at: int = Field(1, ge=1, description="Signals from which a red-sea prospect is doubtful")
    impure_at: int = Field(2, ge=1, description="Signals from which it is impure: drop it")


class Territory(_Section):
    direct_sales_cities: list[str] = Field(
        ["南京", "深圳"], description="Cities with a direct-sales branch"
    )


class Proof(_Section):
    require_photo: bool = Field(False, description="A visit without a photo is not effective")
    max_distance_m: int = Field(
        1000, ge=0, description="Metres a visit's photo may be from the company's location")
    sample_percent: int = Field(
        10, ge=0, le=100, description="Share of substandard findings inspected even when nothing looks wrong")


class Route(_Section):
    max_visits_per_day: int = Field(6, ge=1, description="Suburban visits planned per day")
    max_days: int = Field(2, ge=1, description="Working days in one suburban trip")


class Managers(_Section):
    upgrade_min_pcs: int = Field(100, ge=0, description="PCs of an existing customer worth an upgrade visit")


class Partner(_Section):
    min_effort: int = Field(4, ge=0, description="Rounds plus visits that count as high effort")
    small_share: int = Field(50_000, ge=0, description="Vendor share (yuan) below which it is small")


class Policy(_Section):
    standard: Standard = Standard()
    verification: Verification = Verification()
    quota: Quota = Quota()
    stars: Stars = Stars()
    effective_visit: EffectiveVisit = EffectiveVisit()
    points: Points = Points()
    redsea: Redsea = Redsea()
    territory: Territory = Territory()
    route: Route = Route()
    managers: Managers = Managers()
    partner: Partner = Partner()
    proof: Proof = Proof()


def load_policy(path: str | None) -> Policy:
    """The policy in force: defaults, overridden by the TOML file at ``path`` if given."""
    if not path:
        return Policy()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
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


def _toml_value(value: object) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def policy_toml(policy: Policy) -> str:
    """A commented TOML file holding ``policy``; loading it gives the same policy back."""
    from yulin_cli.i18n import MESSAGES, t

    lines = [f"# {t('policy.header')}", ""]
    for section, _field in Policy.model_fields.items():
        lines.append(f"[{section}]")
        part = getattr(policy, section)
        for key, info in type(part).model_fields.items():
            value = getattr(part, key)
            code = f"policy.{section}.{key}"
            lines.append(f"# {t(code) if code in MESSAGES else info.description}")
            entry = f"{key} = {_toml_value(value)}"
            # TOML has no null: an unset optional date is written commented out.
            lines.append(f"# {key} = 2026-09-01" if value is None else entry)
        lines.append("")
    return "\n".join(lines)


def policy_dict(policy: Policy) -> dict:
    return policy.model_dump(mode="json")
