"""Likely duplicates (Q8, RULES.md third release): a typo or same-sound slip in the name with
one more fact agreeing. One judge, ``rules.likely_duplicate``, for the warning of
`add-prospect` and `import`, the evening's attention and `dedupe`.

A likely pair always shares a fact (a phone, the credit code, the contact's surname with the
exact scale, or the domain of the company's own mail), so candidates are found in SQL by those
facts, never by reading every prospect into Python. The pairs are kept (``likely_pair``): the
writer of a prospect's facts judges its pairs again (``refresh``), the evening and `dedupe`
read them, and ``derived`` judges the whole table for `doctor --recompute` and a migration.
Pinyin is looked up only for the names of candidates that need it, a character at a time
(``sounds_of``).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from yulin_cli.results import human_only
from yulin_cli.rules.duplicates import (
    CompanyFacts,
    LikelyDuplicate,
    form_key,
    form_variants,
    likely_duplicate,
    mail_domain,
)

if TYPE_CHECKING:
    from yulin_cli.db import Row, Tx
    from yulin_cli.rules import Reason

MIN_NAME = 3  # shorter names are too easily someone else's: a typo there proves nothing
GROUPS_AT_ONCE = 2_000  # an import's groups of shared facts judged a chunk at a time

# The columns a verdict reads, and what names the earlier prospect.
COLUMNS = ("p.id, p.company, p.city, p.name_key, p.district, p.contact_surname, p.employees,"
           " p.pcs, p.landline, p.mobile, p.email, p.credit_code, p.duplicate_of, p.found_on,"
           " p.merged_into")
# The domain of an email, in SQL that SQLite and PostgreSQL both run: RTRIM strips from the end
# every character of the address but '@', leaving "name@", whose length is where the domain
# starts.
MAIL_SQL = "LOWER(SUBSTR(p.email, LENGTH(RTRIM(p.email, REPLACE(p.email, '@', ''))) + 1))"
SCALE_SQL = ("(p.contact_surname || '|' || CAST(p.employees AS TEXT) || '|'"
             " || CAST(p.pcs AS TEXT))")


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    """An earlier prospect a new one is likely a typo of: JSON ``possible_duplicates``."""

    id: int
    company: str
    reasons: tuple[str, ...]  # the typo, then each agreeing fact
    confidence: float
    reason: Reason | None = human_only(None)


def sounds_of(characters: Iterable[str]) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Each character's readings (toneless pinyin) and its usual one, looked up once per
    character in pypinyin's table of characters (its dictionary of words is not loaded): a
    name-level conversion per row would cost far more than the rest of dedupe. A character
    without pinyin (a letter, a digit) sounds like itself. Loaded only when a comparison needs
    it, so a write that finds no candidate never loads it."""
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


def facts_of(row: Row, readings: dict[str, frozenset[str]] | None) -> CompanyFacts:
    """A prospect's row (``COLUMNS``) as the facts the rule compares. Without ``readings``
    each character sounds only like itself: enough for names of different lengths."""
    key, get = row["name_key"], row.get
    known = readings or {}
    return CompanyFacts(
        key, tuple(known.get(ch) or frozenset({ch}) for ch in key), get("district") or None,
        get("contact_surname") or None, get("employees"), get("pcs"),
        tuple(p for p in (get("landline"), get("mobile")) if p), get("credit_code") or None,
        mail_domain(get("email")), form_of(row))


def form_of(row: Row) -> str:
    """The row's name with its legal form (``rules.form_key``), or "" without its name."""
    found = row.get("form_key")
    if found is None:  # worked out once per row read: a row meets many others
        company = row.get("company")
        found = row["form_key"] = form_key(company, row.get("city") or "") if company else ""
    return str(found)


def _near(a: Row, b: Row) -> bool:
    """Names whose keys are at most one character apart in length, with or without their legal
    forms: the only ones a typo can join."""
    return (abs(len(a["name_key"]) - len(b["name_key"])) <= 1
            or abs(len(form_of(a)) - len(form_of(b))) <= 1)


def _scale(row: Row) -> str | None:
    """The contact's surname with the exact scale, as ``SCALE_SQL`` writes it."""
    surname, employees, pcs = row.get("contact_surname"), row.get("employees"), row.get("pcs")
    if not surname or employees is None or pcs is None:
        return None
    return f"{surname}|{employees}|{pcs}"


def shared_facts(row: Row) -> set[str]:
    """The facts of a prospect another may share, as text (city first): what candidates are
    found by."""
    city = row["city"]
    keys = {f"{city}|t|{p}" for p in (row.get("landline"), row.get("mobile")) if p}
    if row.get("credit_code"):
        keys.add(f"{city}|c|{row['credit_code']}")
    scale = _scale(row)
    if scale:
        keys.add(f"{city}|s|{scale}")
    domain = mail_domain(row.get("email"))
    if domain:
        keys.add(f"{city}|m|{domain}")
    return keys


READINGS_AT_MOST = 1024  # a name's sounds filed: every reading of every character, in practice


def typo_blocks(name_key: str, form_key: str) -> set[int]:
    """Where a name is filed so that two names one character apart meet in one block: the name
    key and every way of leaving one character out of it, and the same for the last characters
    of the name with its legal form (a slip there leaves the rest of the form on the name
    key). Hashes, not the texts: a hundred thousand names file about a million of them."""
    found = {hash(name_key)}
    found.update(hash(name_key[:i] + name_key[i + 1:]) for i in range(len(name_key)))
    if form_key:
        found.update(hash(("form", variant)) for variant in form_variants(form_key))
    return found


def sound_blocks(name_key: str, readings: dict[str, frozenset[str]]) -> set[int]:
    """Where a name is filed so that two names that sound alike meet: under its sounds, each
    character by each of its readings (重 as zhong and chong), up to ``READINGS_AT_MOST``."""
    from itertools import islice, product

    choices = [sorted(readings.get(ch) or (ch,)) for ch in name_key]
    return {hash(("sound", *combo)) for combo in islice(product(*choices), READINGS_AT_MOST)}


SMALL_GROUP = 12  # a group this small is compared pair by pair: cheaper than filing it


def blocked_pairs(groups: Iterable[Sequence[Row]]
                  ) -> tuple[list[tuple[Row, Row]], dict[str, frozenset[str]] | None]:
    """The pairs of rows of a group (rows sharing a fact) that the rule may call a typo apart,
    (earlier, later), and the readings looked up (None: none were needed). A small group gives
    every pair of names at most one character apart in length; a big one (王 with 150
    employees and 40 PCs) files each name in blocks (``typo_blocks``, ``sound_blocks``) that
    hold every pair ``rules.name_typo`` accepts, so either way the rule sees the same pairs
    and what is kept for one prospect equals what the whole table gives."""
    from collections import Counter

    groups = [[r for r in g if len(r["name_key"]) >= MIN_NAME] for g in groups]
    groups = [g for g in groups if len(g) > 1]
    pairs: dict[tuple[int, int], tuple[Row, Row]] = {}

    def add(a: Row, b: Row) -> None:
        first, second = (a, b) if a["id"] < b["id"] else (b, a)
        pairs.setdefault((first["id"], second["id"]), (first, second))

    big = [g for g in groups if len(g) > SMALL_GROUP]
    for group in groups:
        if len(group) <= SMALL_GROUP:
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if _near(a, b):
                        add(a, b)
    if not big:
        return list(pairs.values()), None
    # Names that may sound like another of their group: as many characters.
    sounding = []
    for group in big:
        lengths = Counter(len(r["name_key"]) for r in group)
        sounding.append({r["id"] for r in group if lengths[len(r["name_key"])] > 1})
    readings = sounds_of(ch for group, ids in zip(big, sounding, strict=True)
                         for r in group if r["id"] in ids for ch in r["name_key"])[0]
    typos: dict[int, set[int]] = {}
    sounds: dict[int, set[int]] = {}
    for group, ids in zip(big, sounding, strict=True):
        blocks: dict[int, list[Row]] = defaultdict(list)
        for r in group:
            where = typos.get(r["id"])
            if where is None:
                where = typos[r["id"]] = typo_blocks(r["name_key"], form_of(r))
            if r["id"] in ids:
                sound = sounds.get(r["id"])
                if sound is None:
                    sound = sounds[r["id"]] = sound_blocks(r["name_key"], readings)
                where = where | sound
            for block in where:
                blocks[block].append(r)
        for block_rows in blocks.values():
            for i, a in enumerate(block_rows):
                for b in block_rows[i + 1:]:
                    add(a, b)
    return list(pairs.values()), readings


def judge(pairs: Iterable[tuple[Row, Row]], readings: dict[str, frozenset[str]] | None = None
          ) -> list[tuple[Row, Row, LikelyDuplicate]]:
    """(earlier, later, verdict) for the pairs the rule calls likely duplicates: never the same
    name (the duplicate rule's own); who marked what distinct is read with the pairs. Pinyin is
    looked up (unless given) only for names of the same length."""
    kept: list[tuple[Row, Row]] = []
    sounding: set[str] = set()
    for a, b in pairs:
        x, y = a["name_key"], b["name_key"]
        if (x == y or min(len(x), len(y)) < MIN_NAME or not _near(a, b)
                or a["city"] != b["city"]):
            continue
        kept.append((a, b))
        if len(x) == len(y):
            sounding.update(x, y)
    missing = sounding - set(readings or ())
    if missing:  # only the characters of same-length names not looked up yet
        readings = {**(readings or {}), **sounds_of(missing)[0]}
    out = []
    facts: dict[int, CompanyFacts] = {}
    for a, b in kept:
        fa = facts.get(a["id"]) or facts.setdefault(a["id"], facts_of(a, readings))
        fb = facts.get(b["id"]) or facts.setdefault(b["id"], facts_of(b, readings))
        found = likely_duplicate(fa, fb)
        if found is not None:
            out.append((a, b, found))
    return out


def distinct_pairs(tx: Tx, ids: Sequence[int] | None = None) -> set[tuple[int, int]]:
    """The pairs managers marked distinct (first < second): of ``ids``, or all."""
    from yulin_cli.db import rows_for

    sql = "SELECT first_id, second_id FROM distinct_pair"
    rows = (tx.all(sql) if ids is None else rows_for(
        tx, sql + " WHERE first_id IN ({marks}) OR second_id IN ({marks})", ids))
    return {(int(r["first_id"]), int(r["second_id"])) for r in rows}


def _members(tx: Tx, facts: Sequence[str]) -> dict[str, list[int]]:
    """The live prospects sharing each of ``facts`` (a few prospects' facts, as
    ``shared_facts`` writes them) that two or more share: one query a fact, each through an
    index of its column (``ix_prospect_scale``, ``ix_prospect_mail_domain`` among them)."""
    live = " AND p.city = :city AND p.merged_into IS NULL"
    members: dict[str, list[int]] = {}
    for fact in sorted(set(facts)):
        city, kind, value = fact.split("|", 2)
        if kind == "t":
            sql = "(p.landline = :v OR p.mobile = :v)"
            params: dict[str, Any] = {"v": value}
        elif kind == "c":
            sql, params = "p.credit_code = :v", {"v": value}
        elif kind == "s":
            surname, employees, pcs = value.rsplit("|", 2)
            sql = "p.contact_surname = :s AND p.employees = :e AND p.pcs = :n"
            params = {"s": surname, "e": int(employees), "n": int(pcs)}
        else:
            sql, params = f"{MAIL_SQL} = :v", {"v": value}
        ids = [int(r["id"]) for r in tx.all(f"SELECT p.id FROM prospect p WHERE {sql}{live}"
                                            " ORDER BY p.id", city=city, **params)]
        if len(ids) > 1:
            members[fact] = ids
    return members


# Each live prospect's five facts from one scan of the table (a five-row join), for grouping
# the whole table: one scan instead of one per fact (the evening's list, an import's check).
_ONE_SCAN = ("SELECT DISTINCT p.id AS id, p.city || CASE n.n WHEN 1 THEN '|t|' || p.landline"
             " WHEN 2 THEN '|t|' || p.mobile WHEN 3 THEN '|c|' || p.credit_code"
             f" WHEN 4 THEN '|s|' || {SCALE_SQL} ELSE '|m|' || {MAIL_SQL} END AS fact"
             " FROM prospect p CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3"
             " UNION ALL SELECT 4 UNION ALL SELECT 5) n WHERE {found}")


def _all_members(tx: Tx, since: int | None = None) -> dict[str, list[int]]:
    """Every group of live prospects sharing a fact, or those holding a prospect with an id
    from ``since`` on (an import's new rows)."""
    params: dict[str, Any] = {}
    newer = ""
    if since is not None:
        params["since"] = since
        newer = " AND top >= :since"
    members: dict[str, list[int]] = defaultdict(list)
    for g in tx.all("SELECT fact, id FROM (SELECT fact, id, COUNT(*) OVER (PARTITION BY fact)"
                    " AS shared, MAX(id) OVER (PARTITION BY fact) AS top FROM ("
                    + _ONE_SCAN.format(found="p.merged_into IS NULL")
                    + f") k WHERE fact IS NOT NULL) g WHERE shared > 1{newer} ORDER BY fact, id",
                    **params):
        members[g["fact"]].append(int(g["id"]))
    return members


def _rows(tx: Tx, ids: Iterable[int]) -> dict[int, Row]:
    from yulin_cli.db import rows_for

    return {int(r["id"]): r for r in rows_for(
        tx, f"SELECT {COLUMNS}, c.name AS center FROM prospect p"
        " JOIN staff s ON s.id = p.sourced_by_id JOIN center c ON c.id = s.center_id"
        " WHERE p.id IN ({marks})", sorted(set(ids)))}


# --- the pairs kept (``likely_pair``) -------------------------------------------------------------

# A prospect's facts the rule reads: a change of any of them (or of whether it is live) judges
# its pairs again.
FACT_FIELDS = frozenset(("company", "city", "name_key", "district", "contact_surname",
                         "employees", "pcs", "landline", "mobile", "email", "credit_code",
                         "merged_into"))
Judged = tuple["Row", "Row", LikelyDuplicate]


def _judged(tx: Tx, groups: list[list[int]], of: set[int] | None) -> list[Judged]:
    """(earlier, later, verdict) for the pairs of ``groups`` (ids sharing a fact) that meet in
    a name block and the rule joins; with ``of``, only pairs holding one of those ids. A few
    thousand groups at a time: a big import's rows are not all held at once."""
    out: list[Judged] = []
    seen: set[tuple[int, int]] = set()
    for start in range(0, len(groups), GROUPS_AT_ONCE):
        chunk = groups[start:start + GROUPS_AT_ONCE]
        found_rows = _rows(tx, (i for ids in chunk for i in ids))
        blocked, readings = blocked_pairs([found_rows[i] for i in ids] for ids in chunk)
        pairs = [(a, b) for a, b in blocked if (a["id"], b["id"]) not in seen
                 and (of is None or a["id"] in of or b["id"] in of)]
        seen.update((a["id"], b["id"]) for a, b in pairs)  # two facts, two chunks: once
        out += judge(pairs, readings)
    return out


def _pairs_of(tx: Tx, ids: set[int]) -> list[Judged]:
    """Every pair of live prospects holding one of ``ids`` that the rule joins."""
    if len(ids) > 500:  # an import's rows: the table's shared facts grouped once
        groups = [g for g in _all_members(tx, since=min(ids)).values()
                  if any(i in ids for i in g)]
    else:
        rows = [r for r in _rows(tx, ids).values() if r["merged_into"] is None]
        groups = list(_members(tx, sorted({f for r in rows for f in shared_facts(r)})).values())
    return _judged(tx, [g for g in groups if any(i in ids for i in g)], ids)


def refresh(tx: Tx, ids: Iterable[int]) -> list[Judged]:
    """Judges again the pairs of ``ids`` (prospects whose facts were just written) and keeps
    them in ``likely_pair``, in the same transaction; returns them."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    for start in range(0, len(wanted), 500):
        chunk = {f"i{n}": i for n, i in enumerate(wanted[start:start + 500])}
        marks = ", ".join(f":{k}" for k in chunk)
        tx.run(f"DELETE FROM likely_pair WHERE first_id IN ({marks})"
               f" OR second_id IN ({marks})", **chunk)
    found = _pairs_of(tx, set(wanted))
    _keep(tx, found)
    return found


def rebuild(tx: Tx) -> int:
    """Every pair judged again from the whole table (a migrated database, a team's workbook
    read back); returns how many are kept."""
    tx.run("DELETE FROM likely_pair")
    found = derived(tx)
    _keep(tx, found)
    return len(found)


def _keep(tx: Tx, found: list[Judged]) -> None:
    tx.many("INSERT INTO likely_pair (first_id, second_id, typo, facts)"
            " VALUES (:first, :second, :typo, :facts)",
            [{"first": a["id"], "second": b["id"], "typo": v.typo, "facts": ",".join(v.agreeing)}
             for a, b, v in found])


def derived(tx: Tx) -> list[Judged]:
    """What ``likely_pair`` should hold: every pair of live prospects the rule joins."""
    return _judged(tx, list(_all_members(tx).values()), None)


def differences(tx: Tx) -> list[tuple[tuple[int, int], str | None, str | None]]:
    """``doctor --recompute``: each pair (first, second) whose kept verdict (``typo:facts``)
    differs from what the rule derives, with both (None: missing)."""
    stored = {(int(r["first_id"]), int(r["second_id"])): f"{r['typo']}:{r['facts']}"
              for r in tx.all("SELECT first_id, second_id, typo, facts FROM likely_pair")}
    wanted = {(a["id"], b["id"]): f"{v.typo}:{','.join(v.agreeing)}" for a, b, v in derived(tx)}
    return [(pair, stored.get(pair), wanted.get(pair))
            for pair in sorted(stored.keys() | wanted.keys())
            if stored.get(pair) != wanted.get(pair)]


def kept_pairs(tx: Tx) -> list[tuple[int, int, LikelyDuplicate]]:
    """Every kept pair of live prospects, (first, second, verdict): `dedupe`'s typos, the
    whole table judged already."""
    from yulin_cli.rules.duplicates import likely_verdict

    return [(int(r["first_id"]), int(r["second_id"]),
             likely_verdict(r["typo"], tuple(r["facts"].split(","))))
            for r in tx.all(
        "SELECT l.first_id, l.second_id, l.typo, l.facts FROM likely_pair l"
        " CROSS JOIN prospect a CROSS JOIN prospect b WHERE a.id = l.first_id"
        " AND b.id = l.second_id AND a.merged_into IS NULL AND b.merged_into IS NULL"
        " ORDER BY l.first_id, l.second_id")]


def possible_duplicates(tx: Tx, ids: Iterable[int]) -> dict[int, list[PossibleDuplicate]]:
    """For prospects just written (``add-prospect`` one, ``import`` a batch), the earlier live
    prospects each is likely a typo of, surest first; their pairs are kept (``refresh``)."""
    wanted = set(ids)
    found = refresh(tx, wanted)
    new = {b["id"] for _a, b, _v in found}
    distinct = distinct_pairs(tx, sorted(new)) if found else set()
    out: dict[int, list[PossibleDuplicate]] = defaultdict(list)
    for a, b, verdict in found:
        if b["id"] in wanted and (a["id"], b["id"]) not in distinct and not _filed(a, b):
            out[b["id"]].append(PossibleDuplicate(a["id"], a["company"], verdict.reasons,
                                                  verdict.confidence, verdict.reason))
    for found_for in out.values():
        found_for.sort(key=lambda p: (-p.confidence, p.id))
    return dict(out)


def _filed(a: Row, b: Row) -> bool:
    """One is already filed as the other's duplicate (the duplicate rule's own business)."""
    return bool(a.get("duplicate_of") == b["id"] or b.get("duplicate_of") == a["id"])


@dataclass(frozen=True, slots=True)
class LikelyPair:
    """Two live prospects the rule calls likely one company, for the evening's attention."""

    keep: int
    keep_company: str
    drop: int
    drop_company: str
    found_on: str  # the later one's day
    verdict: LikelyDuplicate


def standing_pairs(tx: Tx, day: str, center: str | None) -> list[LikelyPair]:
    """Every kept pair of live prospects found by ``day`` that no manager has merged or marked
    distinct, neither filed as the other's duplicate; with ``center``, those whose later
    prospect that centre found."""
    from yulin_cli.rules.duplicates import likely_verdict

    where = ("a.merged_into IS NULL AND b.merged_into IS NULL AND a.found_on <= :day"
             " AND b.found_on <= :day AND NOT EXISTS (SELECT 1 FROM distinct_pair d"
             " WHERE d.first_id = l.first_id AND d.second_id = l.second_id)"
             " AND COALESCE(a.duplicate_of, 0) <> b.id AND COALESCE(b.duplicate_of, 0) <> a.id")
    params: dict[str, Any] = {"day": day}
    if center is not None:
        where += " AND c.name = :center"
        params["center"] = center
    return [LikelyPair(r["first_id"], r["keep_company"], r["second_id"], r["drop_company"],
                       r["found_on"], likely_verdict(r["typo"], tuple(r["facts"].split(","))))
            for r in tx.all(
        # CROSS JOIN: SQLite reads the pairs first (a few thousand), not every prospect found
        # by the day; PostgreSQL plans it as any join.
        "SELECT l.first_id, l.second_id, l.typo, l.facts, a.company AS keep_company,"
        " b.company AS drop_company, b.found_on FROM likely_pair l"
        " CROSS JOIN prospect a CROSS JOIN prospect b CROSS JOIN staff s CROSS JOIN center c"
        " WHERE a.id = l.first_id AND b.id = l.second_id AND s.id = b.sourced_by_id"
        f" AND c.id = s.center_id AND {where} ORDER BY b.found_on, l.second_id, l.first_id",
        **params)]


def warning(found: PossibleDuplicate, new_id: int) -> str:
    """The warning of `add-prospect`: the earlier prospect, why, and what settles it."""
    from yulin_cli.i18n import t
    from yulin_cli.render import likely_why

    return t("likely.warning", id=found.id, company=found.company, why=likely_why(found.reasons),
             merge=t("cmd.merge", keep=found.id, drop=new_id),
             distinct=t("cmd.distinct", first=found.id, second=new_id))
