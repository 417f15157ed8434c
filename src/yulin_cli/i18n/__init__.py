"""The message catalogue: every human sentence, in Chinese and English, under one key.

JSON keys and enum values are never translated; only these texts are. Wording is ours: the field
manual is paraphrased, never quoted.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

from yulin_cli.i18n import (
    closing,
    corrections,
    data,
    errors,
    help,
    notify,
    policy,
    reports,
    saved,
    teammode,
    verdicts,
    views,
    words,
)

LANGS = ("zh", "en")
_lang = "en"

# The catalogue's parts, one module each, by topic: a key's prefix (what comes before its first
# dot; a key with no dot is its own prefix) decides the part it sits in, so a key is found without
# searching. A new prefix gets a line here; tests/test_catalogue.py fails for a key in another
# part, a prefix no part claims, a key in one language only, or a key two parts define.
TOPICS: dict[str, tuple[str, ...]] = {
    # every one-line reason a command gives for exit 1 or 2, and the database's own errors
    "errors": ("error", "interrupted", "interrupted_saved", "bad", "refuse", "db", "not_found",
               "exists", "backup", "file", "demo", "input"),
    # --help and usage mistakes
    "help": ("help", "usage"),
    # the human views: headings, labels, confirmations, empty lists, the commands they suggest
    "views": ("ui", "empty", "note", "typed", "fixcmd", "cmd", "ask"),
    # the words of things: fields, rule names, flags, captured items, roles, health checks
    "words": ("field", "rule", "item", "flag", "role", "check"),
    # the rules' verdicts, reasons, refusals and advice
    "verdicts": ("advice", "redsea", "act", "refusal", "visit", "address", "stars", "direct",
                 "verification", "verdict", "standard", "territory", "cond", "effective",
                 "settlement", "contact", "notice", "partner", "industry", "managers", "proof",
                 "photo", "signal", "question"),
    # the manager's evening and the visitor's morning: attention, funnel, summary, agenda
    "reports": ("attention", "funnel", "summary", "agenda", "inspect"),
    # the team's policy: its file, versions, what-if, and what is kept against what is derived
    "policy": ("policy", "simulate", "diff"),
    # data in and out: import, export, duplicates, merge, unmerge, distinct
    "data": ("import", "export", "merge", "unmerge", "likely", "distinct", "dup", "evidence"),
    # voiding
    "corrections": ("void",),
    # deals' outcomes, calibration, find, todo, follow-ups
    "closing": ("calib", "calibrate", "todo", "find", "outcome", "followup", "deal", "closing"),
    # reports sent to a group chat
    "notify": ("notify", "md", "platform"),
    # files a report is saved to: --save and calendars
    "saved": ("saved", "save", "ics"),
    # team mode on PostgreSQL: logins, setup, upgrades, copies
    "teammode": ("login", "team", "upgrade", "copy"),
}
PARTS = (errors, help, views, words, verdicts, reports, policy, data, corrections, closing, notify,
         saved, teammode)
_PART_OF = {prefix: part for part, prefixes in TOPICS.items() for prefix in prefixes}


def part_of(key: str) -> str | None:
    """The part (its module's name in ``i18n``) a key belongs in, by the key's prefix; None for a
    prefix no part claims."""
    return _PART_OF.get(key.split(".")[0])


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
        return fallback_language()
    code = value.strip().lower().split(".")[0].replace("-", "_")
    base = code.split("_")[0]
    return base if base in LANGS and (code == base or len(code) > len(base) + 1) else None


def fallback_language() -> str:
    """The system's language (``LANG``): Chinese when it starts with zh, else English."""
    return "zh" if os.environ.get("LANG", "").lower().startswith("zh") else "en"


def set_lang(lang: str) -> None:
    global _lang
    _lang = lang if lang in LANGS else "en"


def current_lang() -> str:
    return _lang


def expand(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters that are themselves messages (rules.Message) become their text; a tuple of
    words (the items a visit missed) or of messages (a level's missing conditions, why a visit
    is doubted) becomes a list in the language."""
    return {k: _shown(v) for k, v in params.items()}


# A tuple of words or parameterless messages, listed in a language: a day's report lists the
# same few (why two prospects are likely one company) thousands of times.
_LISTS: dict[tuple[str, tuple[object, ...]], str] = {}


def _shown(value: object) -> object:
    if value is None or isinstance(value, (str, int, float)):  # most: asked first
        return value
    if isinstance(value, tuple):
        key = (_lang, tuple(w if isinstance(w, str) else ("message", w.code)
                            if not getattr(w, "params", True) else None for w in value))
        if None not in key[1]:
            text = _LISTS.get(key)
            if text is None:
                text = _LISTS[key] = _listed_words(value)
            return text
        return _listed_words(value)
    if hasattr(value, "code") and hasattr(value, "params"):
        return explain(value)
    return value


def _listed_words(value: tuple[object, ...]) -> str:
    return listed([str(_shown(w)) if not isinstance(w, str) else t(f"item.{w}")
                   if f"item.{w}" in MESSAGES else w for w in value])


def explain(reason: object) -> str:
    """The text of a rules.Reason or rules.Message."""
    params = reason.params  # type: ignore[attr-defined]
    if not params:  # a word (a fact, a kind of typo)
        return t(reason.code)  # type: ignore[attr-defined]
    shown = {}
    for k, v in params.items():
        v = _shown(v)
        # A fact a verdict names but nobody recorded (employees, PCs) reads as such.
        shown[k] = t("ui.not_recorded") if v is None else v
    return t(reason.code, **shown)  # type: ignore[attr-defined]


def reason_json(reason: object) -> dict[str, Any]:
    """A reason as JSON: rule id, clause, pass or fail, and its text (and fix) in the language."""
    fix = getattr(reason, "fix", None)
    return {
        "rule": reason.rule,  # type: ignore[attr-defined]
        "clause": reason.clause,  # type: ignore[attr-defined]
        "ok": reason.ok,  # type: ignore[attr-defined]
        "message": explain(reason),
        "fix": t(fix, **getattr(reason, "params", {})) if fix else None,
    }


# "{count|round|rounds}": the word for one, or for any other number (English only).
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def t(key: str, /, **params: object) -> str:
    """The text for ``key`` in the current language; an unknown key shows itself."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    text = pair[0] if _lang == "zh" else pair[1]
    if "|" in text:  # a plural to choose: most texts have none, and a report has thousands
        text = _PLURAL.sub(lambda m: m.group(2) if params.get(m.group(1)) == 1 else m.group(3),
                           text)
    try:
        return text.format(**params)
    except (KeyError, ValueError, IndexError):
        return text


def t_in(lang: str, key: str, /, **params: object) -> str:
    """The text for ``key`` in ``lang``, whatever the language in force (JSON's commands)."""
    global _lang
    saved, _lang = _lang, lang
    try:
        return t(key, **params)
    finally:
        _lang = saved


def colon() -> str:
    """The colon between a heading and what follows: full-width in Chinese."""
    return "：" if current_lang() == "zh" else ": "


def cited(text: str, clause: str | None) -> str:
    """Text followed by the manual's clause it comes from, punctuated for the language."""
    if not clause:
        return text
    if current_lang() == "zh":
        return f"{text}（{clause.replace(', ', '、')}）"
    return f"{text} ({clause})"


def rule_name(rule: str) -> str:
    """A rule as people read it: its Chinese name in Chinese, its id in English."""
    return t(f"rule.{rule}") if f"rule.{rule}" in MESSAGES else rule


def label(field: str) -> str:
    """A prospect's field as people read it."""
    return t(f"field.{field}") if f"field.{field}" in MESSAGES else field


def flag_word(flag: str) -> str:
    return t(f"flag.{flag}") if f"flag.{flag}" in MESSAGES else flag


def capture_word(item: str) -> str:
    """What a visit is still to capture, as people read it: 座机, 邮箱, or a survey item's code."""
    return t(f"item.{item}") if f"item.{item}" in MESSAGES else flag_word(item)


# A survey item's number on the questionnaire the visitor carries (1-5, 2-10).
_SURVEY_ITEM = re.compile(r"\d+-\d+")


def to_capture(items: Sequence[str]) -> str:
    """What a visit is still to capture, in a line: the questionnaire's item numbers together
    (问卷第 1-5、2-2 项), then the facts by name (座机、邮箱)."""
    survey = [i for i in items if f"item.{i}" not in MESSAGES and _SURVEY_ITEM.fullmatch(i)]
    named = [capture_word(i) for i in items if i not in survey]
    return listed(([t("ui.survey_items", items=listed(survey))] if survey else []) + named)


def listed(words: list[str] | tuple[str, ...]) -> str:
    """Words in a list: 、 between them in Chinese, a comma in English."""
    return ("、" if _lang == "zh" else ", ").join(words)
