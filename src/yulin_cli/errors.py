"""User-facing errors. Each kind maps to one exit code, here and only here."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yulin_cli.rules import Readiness


class YulinError(Exception):
    """Base of every error a user can cause; never shown with a traceback."""

    exit_code = 2

    def __init__(self, key: str, /, **params: object) -> None:
        # A catalogue key plus parameters, so the message follows --lang.
        super().__init__(key)
        self.key = key
        self.params = params
        # More for the --json error document (an import's full report, say).
        self.doc: dict[str, object] = {}


class BadInput(YulinError):
    """Usage, validation, unknown id or name, bad file: exit 2, nothing written."""

    exit_code = 2


class RuleRefusal(YulinError):
    """A rule of the manual said no (out of territory, duplicate, not ready): exit 1."""

    exit_code = 1


class NotReady(RuleRefusal):
    """A visit cannot be planned: the readiness checks say why (Q2)."""

    def __init__(self, prospect_id: int, readiness: Readiness, as_of: str | None = None
                 ) -> None:
        from yulin_cli.rules import Message

        # Each failing rule by its name, in the reader's language; a day in the past is named,
        # since rounds recorded after it do not count for it.
        failing = tuple(Message(f"rule.{rule}") for rule in readiness.failing)
        if as_of:
            super().__init__("refuse.not_ready_on", id=prospect_id, date=as_of, failing=failing)
        else:
            super().__init__("refuse.not_ready", id=prospect_id, failing=failing)
        self.readiness = readiness


class Interrupted(YulinError):
    """Ctrl-C (exit 130): the transaction was rolled back, so nothing was written; or a write
    had already committed, and the message says it stands."""

    exit_code = 130
