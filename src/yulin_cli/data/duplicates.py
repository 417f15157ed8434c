"""Finding and merging duplicate prospects across the whole database (Q8).

Three signals, strongest first: the same normalised phone; the same normalised name in the same
city; and names a typo apart, backed by a second fact (``rules.duplicates.likely_duplicate``).
Typos are found by blocking, never by comparing all pairs: each name is filed under itself
and every way of deleting one character from it, so two names one edit apart always share a
key; and under its sound, each character's pinyin, so names typed with a same-sound slip of
a pinyin input method (同音字) meet too. Each character's pinyin is looked up once.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from yulin_cli.errors import BadInput
from yulin_cli.prospects import queries as prospects
from yulin_cli.results import Result, jsonable
from yulin_cli.rules.duplicates import CompanyFacts, address_key, likely_duplicate, name_typo

if TYPE_CHECKING:
    from yulin_cli.db import Tx

MIN_NAME = 3  # shorter names are too easily someone else's: a typo there proves nothing
MAX_BLOCK = 60  # a key shared by more names than this is generic, not a company


@dataclass
class Group:
    ids: set[int] = field(default_factory=set)
    reasons: set[str] = field(default_factory=set)
    confidence: float = 0.0


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


Pair = tuple[int, int, str, float]


def find_pairs(rows: list[dict], loose: bool = False) -> list[Pair]:
    """(id, id, reason, confidence) for every pair that looks like one company.

    Names a typo apart count only when a second fact backs them (``typo_pairs``), unless
    ``loose``.
    """
    pairs: list[Pair] = []
    by_phone: dict[str, list[int]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r in rows:
        for phone in {r["landline"], r["mobile"]} - {None, ""}:
            by_phone[phone].append(r["id"])
        by_name[(r["city"], r["name_key"])].append(r["id"])
    for ids in by_phone.values():
        pairs += [(ids[0], other, "phone", 1.0) for other in ids[1:]]
    for ids in by_name.values():
        pairs += [(ids[0], other, "name", 0.95) for other in ids[1:]]
    pairs += typo_pairs(rows, loose)
    return pairs


def sounds_of(characters: Iterable[str]) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Each character's readings (toneless pinyin) and its usual one, looked up once per
    character: a name-level conversion per row would cost far more than the rest of dedupe.
    A character without pinyin (a letter, a digit) sounds like itself."""
    # Characters only: the dictionary of words is not needed and takes a second to load.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, pinyin

    readings: dict[str, frozenset[str]] = {}
    usual: dict[str, str] = {}
    for ch in set(characters):
        found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="default")[0]
        readings[ch] = frozenset(found) or frozenset({ch})
        usual[ch] = found[0] if found else ch
    return readings, usual


def _deletions(text: str) -> set[str]:
    return {text} | {text[:i] + text[i + 1:] for i in range(len(text))}


def typo_pairs(rows: list[dict], loose: bool = False) -> list[Pair]:
    """(id, id, reason, confidence) for names a typo apart that a second fact backs
    (``rules.duplicates.likely_duplicate``): ``same-sound`` or ``similar-name``; with
    ``loose``, the others as ``similar-name-only``, less sure."""
    from rapidfuzz.fuzz import ratio

    readings, usual = sounds_of(ch for r in rows for ch in r["name_key"])
    facts: dict[int, CompanyFacts] = {}
    blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for r in rows:
        key, city = r["name_key"], r["city"]
        facts[r["id"]] = CompanyFacts(
            key, tuple(readings[ch] for ch in key), r["district"] or None,
            address_key(r["address"]), r["contact_surname"] or None, r["employees"], r["pcs"])
        if len(key) < MIN_NAME:
            continue
        for variant in _deletions(key):
            blocks[(city, variant)].append(r["id"])
        blocks[(city, tuple(usual[ch] for ch in key))].append(r["id"])
    out: list[Pair] = []
    compared: set[tuple[int, int]] = set()
    for ids in blocks.values():
        if len(ids) < 2 or len(ids) > MAX_BLOCK:
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                pair = (min(a, b), max(a, b))
                if pair in compared:
                    continue
                compared.add(pair)
                fa, fb = facts[pair[0]], facts[pair[1]]
                found = likely_duplicate(fa, fb)
                if found is not None:
                    out.append((*pair, found.typo, found.confidence))
                elif loose and name_typo(fa, fb) is not None:
                    score = ratio(fa.name_key, fb.name_key) / 100
                    out.append((*pair, "similar-name-only", round(0.3 + 0.2 * score, 2)))
    return out


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    keep: int
    ids: tuple[int, ...]
    companies: tuple[str, ...]
    reasons: tuple[str, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class DuplicateGroups(Result):
    groups: tuple[DuplicateGroup, ...]

    def to_json(self) -> Any:
        return [jsonable(g) for g in self.groups]


@dataclass(frozen=True, slots=True)
class Merged(Result):
    keep: int
    drop: int
    moved: dict[str, int]
    filled: tuple[str, ...]


def duplicate_groups(tx: Tx, loose: bool = False) -> DuplicateGroups:
    rows = tx.all("SELECT id, company, city, name_key, landline, mobile, district, address,"
                  " contact_surname, employees, pcs FROM prospect"
                  " WHERE merged_into IS NULL ORDER BY id")
    names = {r["id"]: r["company"] for r in rows}
    uf = _UnionFind()
    pairs = find_pairs(rows, loose)
    for a, b, _reason, _score in pairs:
        uf.union(a, b)
    groups: dict[int, Group] = defaultdict(Group)
    for a, b, reason, score in pairs:
        group = groups[uf.find(a)]
        group.ids |= {a, b}
        group.reasons.add(reason)
        group.confidence = max(group.confidence, score)
    out = []
    for root, group in sorted(groups.items()):
        ids = sorted(group.ids)
        out.append(DuplicateGroup(root, tuple(ids), tuple(names[i] for i in ids),
                                  tuple(sorted(group.reasons)), group.confidence))
    out.sort(key=lambda g: (-g.confidence, g.keep))
    return DuplicateGroups(tuple(out))


# The tables whose rows follow a prospect when it is merged into another.
_MOVED = ("visit", "planned_visit", "redsea_signal", "points_entry", "notice")
_FILLED = ("district", "address", "industry", "employees", "pcs", "contact_surname",
           "landline", "mobile", "email", "qq", "deal_value", "need", "yulin_interest",
           "partner", "vendor_share")


def merge(tx: Tx, keep: int, drop: int) -> Merged:
    """Moves DROP's history to KEEP, fills KEEP's empty facts from DROP, marks DROP merged."""
    if keep == drop:
        raise BadInput("merge.same", id=keep)
    kept, dropped = prospects.live_prospect(tx, keep), prospects.live_prospect(tx, drop)
    moved = {}
    # Rounds keep their order after KEEP's own: DROP's round 2 may become KEEP's round 4.
    offset = int(tx.scalar("SELECT COALESCE(MAX(round_no), 1) FROM verification_round"
                           " WHERE prospect_id = :k", k=keep)) - 1
    moved["verification_round"] = tx.run(
        "UPDATE verification_round SET prospect_id = :k, round_no = round_no + :o"
        " WHERE prospect_id = :d", k=keep, o=offset, d=drop)
    for table in _MOVED:
        moved[table] = tx.run(f"UPDATE {table} SET prospect_id = :k WHERE prospect_id = :d",
                              k=keep, d=drop)
    # KEEP itself may have been filed as DROP's duplicate: now it is the one that stays.
    tx.run("UPDATE prospect SET duplicate_of = NULL WHERE id = :k AND duplicate_of = :d",
           k=keep, d=drop)
    tx.run("UPDATE prospect SET duplicate_of = :k WHERE duplicate_of = :d", k=keep, d=drop)
    gaps = {f: getattr(dropped, f) for f in _FILLED
            if getattr(kept, f) in (None, "") and getattr(dropped, f) not in (None, "")}
    prospects.update_prospect(tx, keep, gaps)
    prospects.update_prospect(tx, drop, {"merged_into": keep})
    return Merged(keep, drop, moved, tuple(sorted(gaps)))
