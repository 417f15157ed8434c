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
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from yulin_cli.frozen import frozen
from yulin_cli.results import human_only
from yulin_cli.rules.duplicates import (
    FORM_TAIL,
    PUBLIC_MAIL,
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

# The columns a verdict reads, and what names the earlier prospect.
COLUMNS = ("p.id, p.company, p.city, p.name_key, p.district, p.contact_surname, p.employees,"
           " p.pcs, p.landline, p.mobile, p.email, p.credit_code, p.duplicate_of, p.found_on,"
           " p.merged_into")
# The domain of an email, in SQL that SQLite and PostgreSQL both run: RTRIM strips from the end
# every character of the address but '@', leaving "name@", whose length is where the domain
# starts.
MAIL_SQL = "LOWER(SUBSTR(p.email, LENGTH(RTRIM(p.email, REPLACE(p.email, '@', ''))) + 1))"


@frozen
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


def shared_facts(row: Row) -> set[str]:
    """The facts of a prospect another may share, as text (city first): what candidates are
    found by."""
    city = row["city"]
    return {*phone_facts(city, row.get("landline"), row.get("mobile")),
            *code_facts(city, row.get("credit_code")),
            *scale_facts(city, row.get("contact_surname"), row.get("employees"), row.get("pcs")),
            *mail_facts(city, row.get("email"))}


# Each kind of shared fact, from its columns (``shared_facts``, and ``_all_members``' queries).
def phone_facts(city: str, landline: str | None, mobile: str | None) -> list[str]:
    return [f"{city}|t|{p}" for p in (landline, mobile) if p]


def code_facts(city: str, code: str | None) -> list[str]:
    return [f"{city}|c|{code}"] if code else []


def scale_facts(city: str, surname: str | None, employees: int | None, pcs: int | None
                ) -> list[str]:
    """The contact's surname with the exact scale, both figures known."""
    if not surname or employees is None or pcs is None:
        return []
    return [f"{city}|s|{surname}|{employees}|{pcs}"]


def mail_facts(city: str, email: str | None) -> list[str]:
    domain = mail_domain(email)
    return [f"{city}|m|{domain}"] if domain else []


def typo_blocks(name_key: str, form_key: str) -> set[int]:
    """Where `dedupe` files a name so that two names one character apart meet in one block,
    whatever else the table holds: the name key and every way of leaving one character out of
    it, and the same for the last characters of the name with its legal form (a slip there
    leaves the rest of the form on the name key). Hashes, not the texts: a hundred thousand
    names file about a million of them."""
    found = {hash(name_key)}
    found.update(hash(name_key[:i] + name_key[i + 1:]) for i in range(len(name_key)))
    if form_key:
        found.update(hash(("form", variant)) for variant in form_variants(form_key))
    return found


SHORT_FORM = FORM_TAIL + 1  # a name with its legal form this short may differ at its start


def meeting_keys(name_key: str, form_key: str, first_sounds: frozenset[str]) -> list[int]:
    """Where a name is filed inside a group of prospects sharing a fact, so that every pair
    ``rules.name_typo`` accepts meets under at least one key (a property test holds it):

    - one character changed, added or left out after the first: the first character, with the
      length or the length plus one (``f``);
    - the first character changed or left out: the rest of the name meets the rest of the
      other, or the whole of the shorter one (``t``);
    - a same-sound slip (as many characters, each alike): the length, with each reading of the
      first character (``s``);
    - a slip in the last ``FORM_TAIL`` characters of the name with its legal form: a short one
      by each of its ``form_variants`` (exactly the rule's test), a longer one by its first
      character, which the rule requires alike (``F``).

    A few keys a name, cheap to make: most groups are a handful of prospects whose names share
    none, so almost no pair reaches the rule. Hashes: two keys that collide only add a pair
    the rule then turns down."""
    n, first = len(name_key), name_key[0]
    keys = [hash(("f", first, n)), hash(("f", first, n + 1)), hash(("t", name_key)),
            hash(("t", name_key[1:]))]
    keys += [hash(("s", n, sound)) for sound in first_sounds]
    if form_key and len(form_key) <= SHORT_FORM:
        keys += [hash(("F", variant)) for variant in form_variants(form_key)]
    if len(form_key) >= SHORT_FORM:  # both at the boundary, where the two kinds meet
        keys.append(hash(("F", form_key[0])))
    return keys


def blocked_pairs(groups: Iterable[Sequence[Row]]
                  ) -> tuple[list[tuple[Row, Row]], dict[str, frozenset[str]] | None]:
    """The pairs of rows of a group (rows sharing a fact) that the rule may call a typo apart,
    (earlier, later), and the readings looked up (None: none were needed). A pair of rows is
    given as it is; a bigger group files each name under its ``meeting_keys``, which hold every
    pair ``rules.name_typo`` accepts, so the rule sees the same pairs whatever else a group
    holds, and what is kept for one prospect equals what the whole table gives."""
    groups = [[r for r in g if len(r["name_key"]) >= MIN_NAME] for g in groups]
    pairs: dict[tuple[int, int], tuple[Row, Row]] = {}

    def add(a: Row, b: Row) -> None:
        first, second = (a, b) if a["id"] < b["id"] else (b, a)
        pairs.setdefault((first["id"], second["id"]), (first, second))

    big = [g for g in groups if len(g) > 2]
    for group in groups:
        if len(group) == 2 and _near(*group):
            add(*group)
    if not big:
        return list(pairs.values()), None
    # Only the first character's readings: the rule's own test looks up the rest.
    readings = sounds_of({r["name_key"][0] for group in big for r in group})[0]
    keys: dict[int, list[int]] = {}
    for group in big:
        blocks: dict[int, list[Row]] = {}
        for r in group:
            where = keys.get(r["id"])
            if where is None:
                key = r["name_key"]
                where = keys[r["id"]] = meeting_keys(key, form_of(r), readings[key[0]])
            for block in where:
                met = blocks.get(block)
                if met is None:
                    blocks[block] = [r]
                else:
                    for a in met:
                        add(a, r)
                    met.append(r)
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


# The live prospects holding a value of a fact that two or more hold, by kind, each through the
# index of its column, with what blocking reads (id, city, name key, company) and the columns
# of the fact. The SQL casts a wider net than the fact (a phone shared across cities, one row's
# landline equal to its mobile, an empty value): ``_all_members`` builds each fact's
# text again with ``shared_facts``' own functions and keeps the groups it really makes.
# ``:since`` keeps the values held by a prospect from that id on (an import's new rows).
_NAMED = "SELECT p.id, p.city, p.name_key, p.company, "
_SHARED = (_NAMED + "{columns} FROM prospect p WHERE p.merged_into IS NULL"
           " AND {value} IN (SELECT {values} FROM prospect p WHERE p.merged_into IS NULL"
           " AND {known} GROUP BY {values} HAVING COUNT(*) > 1 AND MAX(p.id) >= :since)")
_PHONES = ("SELECT v FROM (SELECT p.landline AS v, p.id FROM prospect p"
           " WHERE p.merged_into IS NULL AND p.landline IS NOT NULL UNION ALL"
           " SELECT p.mobile, p.id FROM prospect p WHERE p.merged_into IS NULL"
           " AND p.mobile IS NOT NULL) x GROUP BY v HAVING COUNT(*) > 1 AND MAX(id) >= :since")
_SHARED_BY_KIND: tuple[tuple[str, Callable[..., list[str]]], ...] = (
    (_NAMED + "p.landline, p.mobile FROM prospect p WHERE p.merged_into IS NULL"
     f" AND (p.landline IN ({_PHONES}) OR p.mobile IN ({_PHONES}))", phone_facts),
    (_SHARED.format(columns="p.credit_code", value="p.credit_code", values="p.credit_code",
                    known="p.credit_code IS NOT NULL"), code_facts),
    (_SHARED.format(columns="p.contact_surname, p.employees, p.pcs",
                    value="(p.contact_surname, p.employees, p.pcs)",
                    values="p.contact_surname, p.employees, p.pcs",
                    known="p.contact_surname IS NOT NULL AND p.employees IS NOT NULL"
                          " AND p.pcs IS NOT NULL"), scale_facts),
    # A public mail service is no company's domain (``mail_domain``): its thousands of users
    # are never read.
    (_SHARED.format(columns="p.email", value=MAIL_SQL, values=MAIL_SQL,
                    known=f"p.email IS NOT NULL AND {MAIL_SQL} NOT IN ("
                          + ", ".join(f"'{d}'" for d in sorted(PUBLIC_MAIL)) + ")"), mail_facts),
)


def _all_members(tx: Tx, since: int | None = None) -> tuple[list[list[int]], dict[int, Row]]:
    """Every group of live prospects sharing a fact (as ``shared_facts`` writes it), or those
    holding a prospect with an id from ``since`` on (an import's new rows); and each member's
    id, city, name key and company (all that blocking reads), read as tuples (a dict a row
    costs as much as the scan) and kept as a small dict a member."""
    floor = since or 0
    members: dict[str, set[int]] = defaultdict(set)
    named: dict[int, Row] = {}
    for sql, facts in _SHARED_BY_KIND:
        for pid, city, key, company, *values in tx.rows(sql, since=floor):
            if pid not in named:
                named[pid] = {"id": pid, "city": city, "name_key": key, "company": company}
            for fact in facts(city, *values):
                members[fact].add(pid)
    return [sorted(ids) for ids in members.values() if len(ids) > 1 and max(ids) >= floor], named


def _rows(tx: Tx, ids: Iterable[int]) -> dict[int, Row]:
    from yulin_cli.db import rows_for

    return {int(r["id"]): r for r in rows_for(
        tx, f"SELECT {COLUMNS} FROM prospect p WHERE p.id IN ({{marks}})", sorted(set(ids)))}


# --- the pairs kept (``likely_pair``) -------------------------------------------------------------

# A prospect's facts the rule reads: a change of any of them (or of whether it is live) judges
# its pairs again.
FACT_FIELDS = frozenset(("company", "city", "name_key", "district", "contact_surname",
                         "employees", "pcs", "landline", "mobile", "email", "credit_code",
                         "merged_into"))
Judged = tuple["Row", "Row", LikelyDuplicate]


def _judged(tx: Tx, groups: list[list[int]], named: dict[int, Row], of: set[int] | None,
            full: dict[int, Row] | None = None) -> list[Judged]:
    """(earlier, later, verdict) for the pairs of ``groups`` (ids sharing a fact) that meet in
    a name block and the rule joins; with ``of``, only pairs holding one of those ids. Blocking
    reads ``named`` (id, city, name key, company); the rule, the whole rows of the few pairs
    that meet (``full``, else read)."""
    blocked, readings = blocked_pairs([named[i] for i in ids] for ids in groups)
    pairs = [(a["id"], b["id"]) for a, b in blocked
             if of is None or a["id"] in of or b["id"] in of]
    rows = full if full is not None else _rows(tx, {i for pair in pairs for i in pair})
    return judge([(rows[a], rows[b]) for a, b in pairs], readings)


def _pairs_of(tx: Tx, ids: set[int]) -> list[Judged]:
    """Every pair of live prospects holding one of ``ids`` that the rule joins."""
    if len(ids) > 500:  # an import's rows: the table's shared facts grouped once
        groups, named = _all_members(tx, since=min(ids))
        return _judged(tx, [g for g in groups if any(i in ids for i in g)], named, ids)
    rows = [r for r in _rows(tx, ids).values() if r["merged_into"] is None]
    groups = list(_members(tx, sorted({f for r in rows for f in shared_facts(r)})).values())
    found = _rows(tx, {i for g in groups for i in g})
    return _judged(tx, [g for g in groups if any(i in ids for i in g)], found, ids, found)


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
    groups, named = _all_members(tx)
    return _judged(tx, groups, named, None)


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


@frozen
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
    centre = ""  # the later one's finder's centre, only for one centre's evening
    if center is not None:
        centre = " CROSS JOIN staff s CROSS JOIN center c"
        where += " AND s.id = b.sourced_by_id AND c.id = s.center_id AND c.name = :center"
        params["center"] = center
    verdicts: dict[tuple[str, str], LikelyDuplicate] = {}  # a few kinds for thousands

    def verdict(typo: str, facts: str) -> LikelyDuplicate:
        found = verdicts.get((typo, facts))
        if found is None:
            found = verdicts[typo, facts] = likely_verdict(typo, tuple(facts.split(",")))
        return found

    return [LikelyPair(r["first_id"], r["keep_company"], r["second_id"], r["drop_company"],
                       r["found_on"], verdict(r["typo"], r["facts"]))
            for r in tx.all(
        # CROSS JOIN: SQLite reads the pairs first (a few thousand), not every prospect found
        # by the day; PostgreSQL plans it as any join.
        "SELECT l.first_id, l.second_id, l.typo, l.facts, a.company AS keep_company,"
        " b.company AS drop_company, b.found_on FROM likely_pair l"
        f" CROSS JOIN prospect a CROSS JOIN prospect b{centre}"
        f" WHERE a.id = l.first_id AND b.id = l.second_id AND {where}"
        " ORDER BY b.found_on, l.second_id, l.first_id",
        **params)]


def warning(found: PossibleDuplicate, new_id: int) -> str:
    """The warning of `add-prospect`: the earlier prospect, why, and what settles it."""
    from yulin_cli.i18n import t
    from yulin_cli.render import likely_why

    return t("likely.warning", id=found.id, company=found.company, why=likely_why(found.reasons),
             merge=t("cmd.merge", keep=found.id, drop=new_id),
             distinct=t("cmd.distinct", first=found.id, second=new_id))
