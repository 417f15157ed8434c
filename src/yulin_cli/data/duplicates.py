"""Finding and merging duplicate prospects across the whole database (Q8).

Three signals, strongest first: the same normalised phone; the same normalised name in the same
city; and names a typo apart, backed by a second fact (``rules.duplicates.likely_duplicate``).
Typos are found by blocking, never by comparing all pairs: each name is filed under itself
and every way of deleting one character from it, so two names one edit apart always share a
key; and under its sound, each character's pinyin, so names typed with a same-sound slip of
a pinyin input method (同音字) meet too. Each character's pinyin is looked up once. Two
prospects a manager marked distinct (`distinct`) are never offered together.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.data import queries
from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.frozen import frozen
from yulin_cli.outcomes import service as outcomes
from yulin_cli.prospects import queries as prospects
from yulin_cli.prospects.likely import (
    MIN_NAME,
    distinct_pairs,
    facts_of,
    form_of,
    kept_pairs,
    sounds_of,
    typo_blocks,
)
from yulin_cli.records import Prospect, join_list
from yulin_cli.results import Result, human_only, jsonable
from yulin_cli.rules.duplicates import CompanyFacts, likely_duplicate, name_typo

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import PolicyBook
    from yulin_cli.records import Prospect

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


def find_pairs(rows: list[dict[str, Any]], loose: bool = False,
               typos: list[Pair] | None = None) -> list[Pair]:
    """(id, id, reason, confidence) for every pair that looks like one company.

    Names a typo apart count only when a second fact backs them (``typo_pairs``, or ``typos``
    when they are known already: the pairs the database keeps), unless ``loose``.
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
    pairs += typo_pairs(rows, loose) if typos is None else typos
    return pairs


def typo_pairs(rows: list[dict[str, Any]], loose: bool = False) -> list[Pair]:
    """(id, id, reason, confidence) for names a typo apart that a second fact backs
    (``rules.duplicates.likely_duplicate``): ``same-sound`` or ``similar-name``; with
    ``loose``, the others as ``similar-name-only``, less sure."""
    from rapidfuzz.fuzz import ratio

    readings, usual = sounds_of(ch for r in rows for ch in r["name_key"])
    blocks: dict[int, list[int]] = defaultdict(list)  # by typo_blocks' hashes
    by_id: dict[int, dict[str, Any]] = {}
    for r in rows:
        key, city = r["name_key"], r["city"]
        if len(key) < MIN_NAME:
            continue
        by_id[r["id"]] = r
        for variant in typo_blocks(key, form_of(r)):
            blocks[hash((city, variant))].append(r["id"])
        blocks[hash((city, tuple(usual[ch] for ch in key)))].append(r["id"])
    # The facts of a name that meets another in a block: most names meet none.
    facts: dict[int, CompanyFacts] = {}

    def facts_for(pid: int) -> CompanyFacts:
        found = facts.get(pid)
        if found is None:
            found = facts[pid] = facts_of(by_id[pid], readings)
        return found

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
                fa, fb = facts_for(pair[0]), facts_for(pair[1])
                found = likely_duplicate(fa, fb)
                if found is not None:
                    out.append((*pair, found.typo, found.confidence))
                elif loose and name_typo(fa, fb) is not None:
                    score = ratio(fa.name_key, fb.name_key) / 100
                    out.append((*pair, "similar-name-only", round(0.3 + 0.2 * score, 2)))
    return out


def same_code_pairs(rows: list[dict[str, Any]]) -> list[tuple[int, int, str, float]]:
    """Q8: prospects sharing a unified social credit code are one company, the surest pair."""
    by_code: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        if r.get("credit_code"):
            by_code[r["credit_code"]].append(r["id"])
    return [(ids[0], other, "credit-code", 1.0) for ids in by_code.values() for other in ids[1:]]


def without_code_conflicts(pairs: list[tuple[int, int, str, float]],
                           codes: dict[int, str]) -> list[tuple[int, int, str, float]]:
    """Q8: two different valid credit codes are two companies, whatever their names and phones."""
    return [p for p in pairs if not rules.codes_conflict(codes.get(p[0]), codes.get(p[1]))]


@frozen
class DuplicateGroup:
    keep: int
    ids: tuple[int, ...]
    companies: tuple[str, ...]
    reasons: tuple[str, ...]
    confidence: float


@frozen
class DuplicateGroups(Result):
    groups: tuple[DuplicateGroup, ...]
    limit: int | None = human_only(None)  # groups the human view shows; None: all

    def to_json(self) -> Any:
        return [jsonable(g) for g in self.groups]


@frozen
class Merged(Result):
    keep: int
    drop: int
    moved: dict[str, int]
    filled: tuple[str, ...]
    evidence: tuple[str, ...] = ()
    merge_id: int = 0


@frozen
class MergePreview(Result):
    """The two prospects side by side, and what connects them, before a merge."""

    keep: Prospect
    drop: Prospect
    evidence: tuple[str, ...]  # phone | name | same-sound | similar-name | filed-duplicate

    def to_json(self) -> Any:
        return {"keep": self.keep.id, "drop": self.drop.id, "evidence": list(self.evidence)}


@frozen
class Unmerged(Result):
    prospect_id: int
    restored_from: int
    moved: dict[str, int]
    cleared: tuple[str, ...]  # KEEP's facts the merge had filled from it, emptied again


def duplicate_groups(tx: Tx, loose: bool = False, limit: int | None = None) -> DuplicateGroups:
    """Every group of likely duplicates, surest first; the human view shows the first
    ``limit`` (None: all)."""
    rows = queries.dedupe_rows(tx)
    names = {r["id"]: r["company"] for r in rows}
    codes = {r["id"]: r["credit_code"] for r in rows if r["credit_code"]}
    uf = _UnionFind()
    # The typos a second fact backs are kept already (``likely_pair``); --loose judges every
    # look-alike name again.
    typos = None if loose else [(a, b, v.typo, v.confidence) for a, b, v in kept_pairs(tx)]
    pairs = same_code_pairs(rows) + without_code_conflicts(find_pairs(rows, loose, typos), codes)
    # Two prospects a manager marked distinct are not offered again (`distinct`).
    distinct = distinct_pairs(tx)
    pairs = [p for p in pairs if (min(p[0], p[1]), max(p[0], p[1])) not in distinct]
    # Strongest first, and never joining two groups that hold different credit codes (Q8):
    # a company with no code may match two others by phone, yet those two stay apart.
    pairs.sort(key=lambda p: -p[3])
    carried: dict[int, frozenset[str]] = {}  # a group's root -> the credit codes in it

    def codes_in(root: int) -> frozenset[str]:
        return carried.get(root, frozenset({codes[root]}) if root in codes else frozenset())

    kept = []
    for a, b, reason, score in pairs:
        ra, rb = uf.find(a), uf.find(b)
        if ra != rb:
            joined = codes_in(ra) | codes_in(rb)
            if len(joined) > 1:
                continue
            uf.union(ra, rb)
            carried[uf.find(ra)] = joined
        kept.append((a, b, reason, score))
    pairs = kept
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
    # The same credit code is the surest evidence: those groups come first.
    out.sort(key=lambda g: ("credit-code" not in g.reasons, -g.confidence, g.keep))
    return DuplicateGroups(tuple(out), limit)


@frozen
class MarkedDistinct(Result):
    """`distinct A B`: two look-alike prospects are different companies (first < second)."""

    first: int
    second: int
    recorded: bool  # False: they already were
    first_company: str = human_only("")
    second_company: str = human_only("")


def mark_distinct(tx: Tx, a: int, b: int, by_id: int, day: str, now: str) -> MarkedDistinct:
    """Records that two live prospects are different companies (``distinct_pair``, by whom
    and when): the likely-duplicate warning, the evening's attention and `dedupe` stop
    offering them together. Recording it again changes nothing."""
    if a == b:
        raise BadInput("distinct.same", id=a)
    first, second = sorted((a, b))
    one, other = prospects.live_prospect(tx, first), prospects.live_prospect(tx, second)
    known = queries.distinct_recorded(tx, first, second)
    if not known:
        queries.record_distinct(tx, first, second, by_id, day, now)
    return MarkedDistinct(first, second, not known, one.company, other.company)


_FILLED = ("district", "address", "industry", "employees", "pcs", "contact_surname",
           "landline", "mobile", "email", "qq", "deal_value", "need", "yulin_interest",
           "partner", "vendor_share", "credit_code", "latitude", "longitude")


def code_veto(kept: Prospect, dropped: Prospect, force: bool) -> None:
    """Q8: two different credit codes are two companies; merging them takes ``--force``."""
    if rules.codes_conflict(kept.credit_code, dropped.credit_code) and not force:
        raise RuleRefusal("merge.codes_differ", keep=kept.id, drop=dropped.id,
                          keep_code=kept.credit_code, drop_code=dropped.credit_code)


def merge_preview(tx: Tx, keep: int, drop: int) -> MergePreview:
    """The two live prospects and the evidence that they are one company (Q8): a shared
    credit code, phone or name key, a pair `dedupe` reports, or one filed as the other's
    duplicate."""
    if keep == drop:
        raise BadInput("merge.same", id=keep)
    kept, dropped = prospects.live_prospect(tx, keep), prospects.live_prospect(tx, drop)
    rows = queries.pair_rows(tx, keep, drop)
    evidence = {reason for _a, _b, reason, _score in find_pairs(rows)}
    if kept.credit_code and kept.credit_code == dropped.credit_code:
        evidence.add("credit-code")
    if kept.duplicate_of == drop or dropped.duplicate_of == keep:
        evidence.add("filed-duplicate")
    order = ("credit-code", "phone", "name", "same-sound", "similar-name", "filed-duplicate")
    return MergePreview(kept, dropped, tuple(e for e in order if e in evidence))


def merge(tx: Tx, book: PolicyBook, keep: int, drop: int, by_id: int, now: str,
          force: bool = False) -> Merged:
    """Moves DROP's history to KEEP, fills KEEP's empty facts from DROP, marks DROP merged,
    and records every row it moved (``merge_moved``) so that ``unmerge`` can move them back."""
    preview = merge_preview(tx, keep, drop)
    kept, dropped = preview.keep, preview.drop
    code_veto(kept, dropped, force)
    gaps = {f: getattr(dropped, f) for f in _FILLED
            if getattr(kept, f) in (None, "") and getattr(dropped, f) not in (None, "")}
    if "landline" in gaps and dropped.landline_ext:
        gaps["landline_ext"] = dropped.landline_ext  # the extension follows its number
    merge_id = queries.record_merge(tx, keep, drop, by_id, now, join_list(sorted(gaps)))
    # Rounds keep their order after KEEP's own: DROP's round 2 may become KEEP's round 4.
    offset = queries.last_round_no(tx, keep) - 1
    record, count = queries.move_rounds(tx, keep, drop, offset)
    moved = {"verification_round": count}
    for table in queries.MOVED_TABLES:
        rows, moved[table] = queries.move_rows(tx, table, keep, drop)
        record += rows
    # KEEP itself may have been filed as DROP's duplicate: now it is the one that stays.
    if kept.duplicate_of == drop:
        record.append(queries.unfile_keep(tx, keep))
    record += queries.refile_duplicates(tx, keep, drop)
    queries.record_moved(tx, merge_id, record)
    day = now[:10]
    prospects.update_prospect(tx, keep, gaps, day=day, by_id=by_id)
    prospects.update_prospect(tx, drop, {"merged_into": keep}, day=day, by_id=by_id)
    # One company all along: its visits are judged on the prospect that stays.
    outcomes.reconcile_prospects(tx, book, [keep, drop])
    return Merged(keep, drop, moved, tuple(sorted(gaps)), preview.evidence, merge_id)


def unmerge(tx: Tx, book: PolicyBook, drop: int, by_id: int, now: str) -> Unmerged:
    """Undoes the last merge of DROP: its own rows go back (rounds with their numbers), the
    duplicates filed under it too, KEEP's facts filled from it are emptied again (unless
    changed since), and it is live again. Refused (exit 1) when it is not merged, when the
    merge was made before merges were recorded, or when KEEP has since been merged itself."""
    dropped = prospects.prospect(tx, drop)
    if dropped.merged_into is None:
        raise RuleRefusal("unmerge.not_merged", id=drop)
    found = queries.open_merge(tx, drop)
    if found is None or found.keep != dropped.merged_into:
        raise RuleRefusal("unmerge.no_record", id=drop, into=dropped.merged_into)
    keep = found.keep
    kept = prospects.prospect(tx, keep)
    if kept.merged_into is not None:
        raise RuleRefusal("unmerge.keep_merged", id=drop, keep=keep, into=kept.merged_into)
    moved: dict[str, int] = {}
    for row in queries.moved_rows(tx, found.merge_id):
        moved[row.table] = moved.get(row.table, 0) + queries.move_back(tx, row, keep, drop)
    cleared = []
    day = now[:10]
    for name in found.filled:
        if name in _FILLED and getattr(kept, name) == getattr(dropped, name):
            prospects.update_prospect(tx, keep, {name: None}, day=day, by_id=by_id)
            cleared.append(name)
    prospects.update_prospect(tx, drop, {"merged_into": None}, day=day, by_id=by_id)
    outcomes.reconcile_prospects(tx, book, [keep, drop])
    queries.close_merge(tx, found.merge_id, by_id, now)
    return Unmerged(drop, keep, moved, tuple(cleared))
