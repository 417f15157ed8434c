"""`find`: is this company known already? A prospector checks before calling (Q8): by a phone
in any spelling, a credit code, part of the name, or the pinyin initials of the name.

Phones and credit codes are looked up by their indexes; a part of a name is one scan in SQL;
pinyin initials are one pass over the names, each character's initials looked up once in
pypinyin's table of characters (loaded only for such a search)."""

from __future__ import annotations

import os
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.db import rows_for
from yulin_cli.frozen import frozen
from yulin_cli.prospects import queries as prospects
from yulin_cli.results import Page, Result, human_only

if TYPE_CHECKING:
    from collections.abc import Iterable

    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy

_PHONE_CHARS = re.compile(r"[\s\-()（）+.]")
_CREDIT = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
_INITIALS = re.compile(r"[a-z]{2,30}")
_EXTENSION = re.compile(r"\s*(转|分机|ext\.?|x)\s*\d{1,6}$", re.IGNORECASE)


@frozen
class Match:
    id: int
    company: str
    finder: str
    stars: int
    last_activity: str | None  # the latest found day, round or visit
    duplicate_of: int | None
    city: str


@frozen
class Found(Result):
    text: str
    matched_by: str  # phone | credit_code | name | initials
    matches: tuple[Match, ...]
    shown: int = human_only(50)

    @property
    def page(self) -> Page:
        return Page(min(self.shown, len(self.matches)), len(self.matches))

    def to_json(self) -> Any:
        return {"text": self.text, "matched_by": self.matched_by, "matches": [
            {"id": m.id, "company": m.company, "city": m.city, "finder": m.finder,
             "stars": m.stars, "last_activity": m.last_activity,
             "duplicate_of": m.duplicate_of} for m in self.matches]}


def find(tx: Tx, policy: Policy, text: str, limit: int | None) -> Found:
    how, ids = _search(tx, text)
    ids = sorted(set(ids))
    shown = len(ids) if limit is None else limit
    return Found(text, how, tuple(_matches(tx, policy, ids)), shown)


def _search(tx: Tx, text: str) -> tuple[str, list[int]]:
    code = text.strip().upper()
    if _CREDIT.fullmatch(code):  # 18 characters: longer than any phone
        return "credit_code", [r["id"] for r in tx.all(
            "SELECT id FROM prospect WHERE credit_code = :c AND merged_into IS NULL", c=code)]
    squeezed = _PHONE_CHARS.sub("", _EXTENSION.sub("", text.strip()))
    if squeezed.isdigit() and len(squeezed) >= 7:
        return "phone", _by_phone(tx, text)
    folded = text.strip().lower()
    if _INITIALS.fullmatch(folded):
        return "initials", sorted(set(_by_initials(tx, folded)) | set(_by_name(tx, text)))
    return "name", _by_name(tx, text)


def phone_forms(text: str, cities: Iterable[str]) -> list[str]:
    """The stored forms (E.164) a phone typed any way may have: a landline, a mobile, and a
    local number with the area code of each centre's city."""
    from yulin_cli.parsers import LOCAL, parse_landline, parse_mobile, split_extension

    forms: list[str] = []
    try:
        number, _ext = split_extension(text)
    except ValueError:
        number = text
    for parse in (parse_landline, parse_mobile):
        try:
            forms.append(parse(number))
        except ValueError:
            pass
    if forms and forms[0].startswith(LOCAL):
        from yulin_cli.parsers import with_area_code

        local = forms.pop(0)
        for city in cities:
            try:
                full, _code = with_area_code(local, city)
            except ValueError:
                continue
            if full is not None:
                forms.append(full)
    return list(dict.fromkeys(forms))


def _by_phone(tx: Tx, text: str) -> list[int]:
    cities = [r["city"] for r in tx.all("SELECT DISTINCT city FROM center ORDER BY city")]
    forms = phone_forms(text, cities)
    if not forms:
        return []
    found = rows_for(tx, "SELECT id FROM prospect WHERE landline IN ({marks})"
                     " AND merged_into IS NULL", forms)
    found += rows_for(tx, "SELECT id FROM prospect WHERE mobile IN ({marks})"
                      " AND merged_into IS NULL", forms)
    return [r["id"] for r in found]


def _by_name(tx: Tx, text: str) -> list[int]:
    wanted = text.strip()
    escaped = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [r["id"] for r in tx.all(
        "SELECT id FROM prospect WHERE company LIKE :w ESCAPE '\\' AND merged_into IS NULL",
        w=f"%{escaped}%")]


def letter_classes(characters: Iterable[str]) -> dict[str, set[str]]:
    """Each letter, and those of ``characters`` whose pinyin (any reading: 长 is c and z)
    starts with it, from pypinyin's table of characters (its dictionary of words is not
    loaded); a Latin letter stands for itself, in either case."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin.pinyin_dict import pinyin_dict

    classes: dict[str, set[str]] = {}
    for ch in characters:
        if ch.isascii():
            if ch.isalpha():
                classes.setdefault(ch.lower(), set()).add(ch)
            continue
        for reading in (pinyin_dict.get(ord(ch)) or "").split(","):
            first = reading[:1]
            if first > "\x7f":  # a vowel with its tone: ō is o
                first = unicodedata.normalize("NFKD", first)[:1]
            if first:
                classes.setdefault(first, set()).add(ch)
    return classes


def initials_pattern(wanted: str, characters: Iterable[str]) -> re.Pattern[str] | None:
    """A regular expression of character classes (small ones: only the characters the names
    use): a run whose pinyin initials spell ``wanted``. None when no name can hold it."""
    classes = letter_classes(characters)
    if any(letter not in classes for letter in wanted):
        return None
    return re.compile("".join(
        "[" + "".join(re.escape(c) for c in sorted(classes[letter])) + "]" for letter in wanted))


def initials_match(names: Iterable[tuple[int, str]], wanted: str) -> list[int]:
    """The ids of ``names`` whose pinyin initials hold ``wanted`` as a run."""
    rows = list(names)
    pattern = initials_pattern(wanted, {ch for _id, name in rows for ch in name})
    if pattern is None:
        return []
    return [pid for pid, name in rows if pattern.search(name)]


def _by_initials(tx: Tx, wanted: str) -> list[int]:
    """The initials of the trade name (the name without its city and legal form, as the
    duplicate rule keys it: 恒瑞精密机械 is hrjmjx). Every key in one text aggregated by the
    database, searched by one expression: no work per name in Python; the keys found are then
    looked up by their index."""
    from yulin_cli.db import PsycopgTx

    agg = ("string_agg(name_key, :nl)" if isinstance(tx, PsycopgTx)
           else "group_concat(name_key, :nl)")
    text = tx.scalar(f"SELECT {agg} FROM prospect WHERE merged_into IS NULL", nl="\n") or ""
    pattern = initials_pattern(wanted, set(text) - {"\n"})
    if pattern is None:
        return []
    keys = set()
    for m in pattern.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        keys.add(text[start:end if end != -1 else None])
    return [r["id"] for r in rows_for(tx, "SELECT id FROM prospect WHERE name_key IN ({marks})"
                                      " AND merged_into IS NULL", sorted(keys))]


def _matches(tx: Tx, policy: Policy, ids: list[int]) -> Iterable[Match]:
    found = prospects.prospects_of(tx, ids)
    last: dict[int, str] = {}
    for sql in ("SELECT prospect_id, MAX(day) AS day FROM visit WHERE prospect_id IN ({marks})"
                " AND voided_at IS NULL GROUP BY prospect_id",
                "SELECT prospect_id, MAX(day) AS day FROM verification_round"
                " WHERE prospect_id IN ({marks}) AND voided_at IS NULL GROUP BY prospect_id"):
        for r in rows_for(tx, sql, ids):
            last[r["prospect_id"]] = max(last.get(r["prospect_id"], ""), r["day"])
    for pid in ids:
        p = found.get(pid)
        if p is None:
            continue
        quality = rules.standard_check(p.employees, p.pcs, policy, p.found_substandard).ok
        stars = rules.star_level(p.deal_value, p.need, p.yulin_interest, p.platform_interest,
                                 policy) if quality else 0
        yield Match(p.id, p.company, p.sourced_by, stars, max(last.get(pid, ""), p.found_on),
                    p.duplicate_of, p.city)
