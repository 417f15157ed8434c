"""What services hand back to commands: frozen, typed results, each with one way to become JSON.

A result is a frozen, slotted dataclass deriving from ``Result``. Its JSON is its fields, by name,
converted by ``jsonable`` (reasons become ``{"rule", "clause", "ok", "message", "fix"}``,
tuples become lists); a field marked ``human_only()`` feeds the Rich view alone. A result whose
JSON is shaped otherwise (a bare list, a renamed key) overrides ``to_json``. The Rich view of a
result is chosen by its type in ``render.view``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import Field, field, fields, is_dataclass
from enum import Enum
from typing import Any, NamedTuple

from yulin_cli.i18n import explain, reason_json
from yulin_cli.rules import Rating, Reason

_HUMAN_ONLY = {"json": False}

# Rows a human view of a long list shows unless told otherwise (one screen).
SCREEN = 50


class Page(NamedTuple):
    """How much of a long list a human view shows: the rows shown, and how many there are."""

    shown: int
    total: int

    @property
    def more(self) -> int:
        return max(0, self.total - self.shown)


class JsonRows:
    """A JSON array written while its rows are read (``runtime.emit_json``), so a list of
    100,000 rows never waits for the last one nor holds them all. ``encoded`` rows are JSON
    text already (rows that share most of their text make it once)."""

    __slots__ = ("encoded", "rows")

    def __init__(self, rows: Iterable[Any], *, encoded: bool = False) -> None:
        self.rows = rows
        self.encoded = encoded


def human_only(default: Any = None) -> Any:
    """A field the Rich view reads and the JSON document leaves out."""
    return field(default=default, metadata=_HUMAN_ONLY, compare=False)


class Result:
    """Base of every command's result."""

    __slots__ = ()

    def to_json(self) -> Any:
        return fields_json(self)


def _in_json(f: Field[Any]) -> bool:
    return bool(f.metadata.get("json", True))


def fields_json(result: Any) -> dict[str, Any]:
    """A dataclass's JSON fields, converted."""
    return {f.name: jsonable(getattr(result, f.name)) for f in fields(result) if _in_json(f)}


_PLAIN = frozenset({str, int, float, bool})


def jsonable(value: Any) -> Any:
    """Plain JSON data for a result, a reason, a record or a value."""
    if value is None or type(value) in _PLAIN:  # most values: checked first, and cheaply
        return value
    if isinstance(value, Result):
        return value.to_json()
    if isinstance(value, Reason):
        return reason_json(value)
    if is_dataclass(value) and not isinstance(value, type):
        return fields_json(value)
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def rating_json(prospect_id: int, rating: Rating, **extra: Any) -> dict[str, Any]:
    """The one rating object of ``rate``, ``rate --all``, ``show`` and ``manager``: reasons,
    lift and next actions as text, and ``details`` naming each one's rule and clause."""

    def detail(reason: Reason, kind: str) -> dict[str, Any]:
        found: dict[str, Any] = {"rule": reason.rule, "clause": reason.clause,
                                 "message": explain(reason), "kind": kind}
        if kind == "next_action":  # the day a follow-up carried it out (Q5), or None
            found["done"] = reason.params.get("done")
        return found

    return {
        "prospect_id": prospect_id,
        **extra,
        "stars": rating.stars,
        "redsea": rating.redsea,
        "reasons": [explain(r) for r in rating.reasons],
        "lift": [explain(r) for r in rating.lift],
        "next_actions": [explain(r) for r in rating.next_actions],
        "details": [detail(r, "reason") for r in rating.reasons]
        + [detail(r, "lift") for r in rating.lift]
        + [detail(r, "next_action") for r in rating.next_actions],
    }
