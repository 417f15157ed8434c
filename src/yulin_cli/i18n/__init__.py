"""The message catalogue: every human sentence, in Chinese and English, under one key.

JSON keys and enum values are never translated; only these texts are. Wording is ours: the field
manual is paraphrased, never quoted.
"""

from __future__ import annotations

import os

from yulin_cli.i18n import errors, teammode, verdicts, views

LANGS = ("zh", "en")
_lang = "en"

# The catalogue's parts, one module each (a test checks no key is in two of them).
PARTS = (errors, verdicts, views, teammode)
# key -> (zh, en). Parameters use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {k: v for part in PARTS for k, v in part.MESSAGES.items()}


def language_from(value: str | None) -> str | None:
    """``zh`` or ``en`` for a language setting (``zh``, ``zh_CN``, ``zh-TW``, ``zh_CN.UTF-8``,
    any case), None for an unknown one. With no value: ``YULIN_LANG``, then Chinese when ``LANG``
    starts with zh, else English."""
    if value is None:
        env = os.environ.get("YULIN_LANG")
        if env:
            return language_from(env)
        return "zh" if os.environ.get("LANG", "").lower().startswith("zh") else "en"
    code = value.strip().lower().split(".")[0].replace("-", "_")
    base = code.split("_")[0]
    return base if base in LANGS and (code == base or len(code) > len(base) + 1) else None


def set_lang(lang: str) -> None:
    global _lang
    _lang = lang if lang in LANGS else "en"


def current_lang() -> str:
    return _lang


def expand(params: dict) -> dict:
    """Parameters that are themselves messages (rules.Message) become their text."""
    return {k: explain(v) if hasattr(v, "code") and hasattr(v, "params") else v
            for k, v in params.items()}


def explain(reason: object) -> str:
    """The text of a rules.Reason or rules.Message."""
    return t(reason.code, **expand(reason.params))  # type: ignore[attr-defined]


def reason_json(reason: object) -> dict:
    """A reason as JSON: rule id, clause, pass or fail, and its text (and fix) in the language."""
    fix = getattr(reason, "fix", None)
    return {
        "rule": reason.rule,  # type: ignore[attr-defined]
        "clause": reason.clause,  # type: ignore[attr-defined]
        "ok": reason.ok,  # type: ignore[attr-defined]
        "message": explain(reason),
        "fix": t(fix) if fix else None,
    }


def t(key: str, /, **params: object) -> str:
    """The text for ``key`` in the current language; an unknown key shows itself."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    text = pair[0] if _lang == "zh" else pair[1]
    try:
        return text.format(**params)
    except (KeyError, ValueError, IndexError):
        return text
