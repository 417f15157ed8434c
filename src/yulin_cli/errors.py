"""User-facing errors. Each kind maps to one exit code, here and only here."""

from __future__ import annotations


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


class Interrupted(YulinError):
    """Ctrl-C (exit 130): the transaction was rolled back, so nothing was written; or a write
    had already committed, and the message says it stands."""

    exit_code = 130
