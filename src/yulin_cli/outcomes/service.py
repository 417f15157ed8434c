"""Outcomes that always re-derive (RULES.md, "Rulings for the third release").

Every command that records or changes a fact calls ``reconcile`` in its transaction: the visits
whose outcome may change (``queries.closure``) are judged again by the one rules layer
(``rules.outcomes``) under the policy version in force on each one's day, and what the database
keeps for them (effectiveness, failing checks, flags, open questions, points entries and
notices with what gives them back) is made equal to it, row by row. ``differences`` does the
same without writing and says what differs (``doctor --recompute``); ``judgements`` only
judges (``policy simulate``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from yulin_cli import rules
from yulin_cli.frozen import frozen
from yulin_cli.outcomes import queries
from yulin_cli.places import area_of

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import PolicyBook


# --- judging -----------------------------------------------------------------------------------


@dataclass
class Gathered:
    """What a set of visits is judged against, read once (a simulation judges it under
    several policies)."""

    rows: list[queries.VisitRow]
    facts: dict[int, rules.ProspectFacts]
    names: dict[int, str]
    photos: dict[int, list[rules.Photo]]
    users: dict[str, list[int]]
    verdicts: dict[int, list[rules.Verdict]]
    open_questions: dict[int, set[str]]
    plans: dict[tuple[int, str], list[queries.PlanRow]]
    companies: dict[int, int]
    origins: dict[int, int]  # visit -> the prospect it was recorded on, when merged since
    # Whether readiness is judged: what a visit's flags and failing checks need, and nothing
    # its points or effectiveness do (``policy simulate`` leaves it out).
    readiness: bool = True


def gather(tx: Tx, visit_ids: Iterable[int], *, readiness: bool = True) -> Gathered:
    """The visits, in the order recorded, with everything they are judged against, in a fixed
    number of queries (without readiness: no rounds)."""
    rows = sorted(queries.visits_by_id(tx, visit_ids), key=lambda v: v.id)
    ids = [v.id for v in rows]
    origins = queries.origins_of(tx, ids) if ids else {}
    pids = sorted({v.prospect_id for v in rows} | set(origins.values()))
    found = queries.prospects_of(tx, pids)
    photos = queries.photos_of(tx, ids)
    answered, open_questions = queries.questions_of(tx, ids)
    return Gathered(
        rows, queries.facts_of(tx, list(found.values()), rounds=readiness),
        {k: n for k, (n, _m) in queries.staff_names(tx).items()}, photos,
        queries.photo_users(tx, sorted({p.sha256 for ps in photos.values() for p in ps})),
        answered, open_questions,
        queries.plans_of(tx, {(v.staff_id, v.day) for v in rows if v.kind == "sweep"}),
        queries.companies_of(tx, pids), origins, readiness)


def logged_visits(gathered: Gathered, book: PolicyBook) -> list[rules.LoggedVisit]:
    """The gathered visits as the rules see them under ``book`` (readiness is judged under
    the version in force on each visit's day)."""
    g = gathered
    visits = []
    # Two visits of a prospect between the same two dated facts see the same facts: each such
    # state, and its readiness under each policy, is worked out once. A visit on the day of a
    # fact is judged on its own (what came before it that day matters).
    event_days = {pid: _event_days(facts) for pid, facts in g.facts.items()}
    states: dict[tuple[int, int], rules.ProspectFacts] = {}
    judged: dict[tuple[int, int, int], rules.Readiness] = {}
    for v in g.rows:
        days = event_days[v.prospect_id]
        key = None if v.day in days[1] else (v.prospect_id, bisect_right(days[0], v.day))
        seen = states.get(key) if key is not None else None
        if seen is None:
            seen = g.facts[v.prospect_id].as_of(v.day, before_visit=v.id)
            if key is not None:
                states[key] = seen
        policy = book.at(v.day)
        # Readiness is what a planned visit is judged by (Q2) and what explains a refusal
        # (Q17); a sweep needs only the standard (its praise), other visits nothing.
        ready = None
        if g.readiness and (v.kind == "planned" or v.outcome == "refused"):
            if key is not None:
                ready = judged.get((*key, id(policy)))
                if ready is None:
                    ready = judged[(*key, id(policy))] = rules.visit_readiness(seen, policy)
            else:
                ready = rules.visit_readiness(seen, policy)
            quality = ready.checks[0].ok
        else:
            quality = v.kind != "sweep" or rules.standard_check(
                seen.employees, seen.pcs, policy, seen.found_substandard).ok
        # Judged on the company as now known; charged to whoever vouched for its record.
        origin = g.origins.get(v.id)
        finder = (g.facts[origin].as_of(v.day).sourced_by_id if origin is not None
                  else seen.sourced_by_id)
        sweep = None
        if v.kind == "sweep":
            day_plans = g.plans.get((v.staff_id, v.day), [])
            sweep = rules.SweepContext(
                planned=len(day_plans),
                unfinished=sum(1 for p in day_plans if p.visit_id is None or p.visit_id > v.id),
                planned_districts=tuple(p.district for p in day_plans), district=seen.district)
        reused = {}
        for photo in g.photos.get(v.id, ()):
            earlier = [u for u in g.users.get(photo.sha256, ()) if u < v.id]
            if earlier and v.voided_at is None:
                reused[photo.sha256] = earlier[0]
        void = None
        if v.voided_at is not None:
            void = rules.Withdrawal(v.voided_at, v.day, "void", v.voided_by_id,
                                    v.void_reason, order=0)
        visits.append(rules.LoggedVisit(
            v.id, v.prospect_id, v.staff_id, v.day, v.kind, v.outcome, v.items, v.contacts,
            tuple(g.photos.get(v.id, ())), void, tuple(g.verdicts.get(v.id, ())),
            finder_id=finder, readiness=ready, quality=quality,
            existing_customer=seen.existing_customer, location=seen.location,
            # The place table is read only for a photo with GPS to check (Q15).
            area=area_of(seen.city, seen.district) if any(
                ph.position is not None for ph in g.photos.get(v.id, ())) else None,
            sweep=sweep, reused=reused, names=g.names))
    return visits


def _event_days(facts: rules.ProspectFacts) -> tuple[list[str], set[str]]:
    """The days a prospect's facts change on (sorted, and as a set)."""
    days = {r.day for r in facts.rounds} | {c.day for c in facts.changes}
    days |= {d for s in facts.signals for d in (s.day, s.cleared_on) if d}
    days |= set(facts.substandard_days)
    return sorted(days), days


def judge_all(gathered: Gathered, book: PolicyBook
              ) -> dict[int, tuple[rules.LoggedVisit, rules.Judgement]]:
    """Each visit judged under the version in force on its day; of a company's sweeps on one
    day, only the first that earns its praise keeps it."""
    earned: dict[tuple[int, str], int] = {}
    out = {}
    for visit in logged_visits(gathered, book):
        policy = book.at(visit.day)
        proof_day = rules.unproven_policy_day(visit)
        fine = book.at(proof_day).points.unproven_visit if proof_day else None
        judged = rules.judge_visit(visit, policy, unproven_fine=fine)
        if judged.earns:
            key = (gathered.companies.get(visit.prospect_id, visit.prospect_id), visit.day)
            if key in earned:
                judged = rules.judge_visit(visit, policy, first_sweep=earned[key],
                                           unproven_fine=fine)
            elif visit.void is None and not visit.unproven:
                # Only a sweep that stands keeps the day's praise from the ones after it.
                earned[key] = visit.id
        out[visit.id] = (visit, judged)
    return out


def judgements(tx: Tx, book: PolicyBook, visit_ids: Iterable[int]
               ) -> dict[int, tuple[rules.LoggedVisit, rules.Judgement]]:
    return judge_all(gather(tx, visit_ids), book)


# --- what the database should keep --------------------------------------------------------------


@dataclass
class Desired:
    """What the rules derive for a set of visits, in the shape the database keeps it."""

    visits: dict[int, rules.Judgement] = field(default_factory=dict)
    entries: dict[str, rules.EntryRow] = field(default_factory=dict)
    notices: dict[str, rules.NoticeRow] = field(default_factory=dict)


def entry_voids(stored: Iterable[queries.StoredEntry]) -> dict[str, rules.Withdrawal]:
    """The rule-made entries a manager voided (a fact kept on the entry), by consequence."""
    return {e.key: rules.Withdrawal(e.voided_at, e.day, "void", e.voided_by_id, e.void_reason,
                                    order=1)
            for e in stored if e.key and e.voided_at is not None}


def desired_from(judged: dict[int, tuple[rules.LoggedVisit, rules.Judgement]],
                 voids: dict[str, rules.Withdrawal]) -> Desired:
    """The rows the judgements come to: each consequence's entry and notice, and what gives
    it back when the first thing that withdraws it did."""
    out = Desired()
    for visit, judged_visit in judged.values():
        out.visits[visit.id] = judged_visit
        for consequence in judged_visit.consequences:
            withdrawn = rules.withdrawals(visit, consequence, voids.get(consequence.key))
            entries, notices = rules.ledger_rows(consequence, withdrawn[0] if withdrawn
                                                 else None)
            out.entries.update((e.key, e) for e in entries)
            out.notices.update((n.key, n) for n in notices)
    return out


def desired(tx: Tx, book: PolicyBook, visit_ids: Iterable[int],
            stored: list[queries.StoredEntry]) -> Desired:
    return desired_from(judgements(tx, book, visit_ids), entry_voids(stored))




@frozen
class Difference:
    """Where what is stored differs from what the rules derive (``doctor --recompute``)."""

    record: str  # visit:12, entry visit:12:sweep, notice ..., question 12 finding
    what: str  # effective | failing_checks | flags | question | entry | notice
    stored: Any
    derived: Any


_ENTRY_FIELDS = ("staff_id", "day", "delta", "rule", "prospect_id", "visit_id", "reason",
                 "by_id")
_NOTICE_FIELDS = ("staff_id", "day", "kind", "delta", "rule", "prospect_id", "visit_id")


def _compare(tx: Tx, book: PolicyBook, visit_ids: list[int], write: bool) -> list[Difference]:
    """Judges ``visit_ids`` again and compares with what is kept; with ``write`` the database
    is made equal to the judgement."""
    stored_entries = queries.stored_entries(tx, visit_ids)
    gathered = gather(tx, visit_ids)
    want = desired_from(judge_all(gathered, book), entry_voids(stored_entries))
    diffs: list[Difference] = []
    kept = {v.id: v for v in gathered.rows}
    flags = queries.stored_flags(tx, visit_ids)
    questions = gathered.open_questions
    for visit_id, judged in want.visits.items():
        now = kept[visit_id]
        if (now.effective, now.failing_checks) != (judged.effective, judged.failing_checks):
            diffs.append(Difference(f"visit:{visit_id}", "effective",
                                    [now.effective, list(now.failing_checks)],
                                    [judged.effective, list(judged.failing_checks)]))
            if write:
                queries.set_visit(tx, visit_id, judged.effective, judged.failing_checks)
        stored_flags = tuple((f, d) for _id, f, d in flags.get(visit_id, ()))
        if stored_flags != judged.flags:
            diffs.append(Difference(f"visit:{visit_id}", "flags", [f for f, _d in stored_flags],
                                    list(judged.flag_names)))
            if write:
                queries.replace_flags(tx, visit_id, judged.flags)
        open_now = questions.get(visit_id, set())
        for question in sorted(open_now ^ set(judged.questions)):
            opened = question in judged.questions
            diffs.append(Difference(f"visit:{visit_id}", "question",
                                    None if opened else question, question if opened else None))
            if write:
                (queries.open_question if opened else queries.close_question)(
                    tx, visit_id, question)
    diffs += _ledger(tx, want.entries, stored_entries, write)
    diffs += _notices(tx, want.notices, queries.stored_notices(tx, visit_ids), write)
    return diffs


def _ledger(tx: Tx, want: dict[str, rules.EntryRow], stored: list[queries.StoredEntry],
            write: bool) -> list[Difference]:
    diffs: list[Difference] = []
    by_key = {e.key: e for e in stored if e.key}
    ids: dict[str, int] = {}
    # Originals first: what gives an entry back names it by id.
    for key, row in sorted(want.items(), key=lambda kv: kv[1].reverses is not None):
        values = {name: getattr(row, name) for name in _ENTRY_FIELDS}
        reverses = ids.get(row.reverses) if row.reverses else None
        values["reverses_id"] = reverses
        old = by_key.get(key)
        if old is None:
            diffs.append(Difference(f"entry {key}", "entry", None, row.delta))
            if write:
                ids[key] = queries.insert_entry(tx, {**values, "derived_key": key})
            continue
        ids[key] = old.id
        now = {name: getattr(old, name) for name in _ENTRY_FIELDS}
        now["reverses_id"] = old.reverses_id
        if now != values:
            changed = {k: v for k, v in values.items() if now[k] != v}
            diffs.append(Difference(f"entry {key}", "entry", {k: now[k] for k in changed},
                                    changed))
            if write:
                queries.update_entry(tx, old.id, changed)
    extra = [e for e in stored if not e.key or e.key not in want]
    for e in extra:
        diffs.append(Difference(f"entry {e.key or e.id}", "entry", e.delta, None))
    if write:
        # What gives back first: it names what it gives back.
        queries.delete_entries(tx, [e.id for e in sorted(extra, key=lambda e: e.reverses_id
                                                         is None)])
    return diffs


def _notices(tx: Tx, want: dict[str, rules.NoticeRow], stored: list[queries.StoredNotice],
             write: bool) -> list[Difference]:
    diffs: list[Difference] = []
    by_key = {n.key: n for n in stored if n.key}
    ids: dict[str, int] = {}
    for key, row in sorted(want.items(), key=lambda kv: kv[1].reverses is not None):
        values = {name: getattr(row, name) for name in _NOTICE_FIELDS}
        values["reverses_id"] = ids.get(row.reverses) if row.reverses else None
        old = by_key.get(key)
        if old is None:
            diffs.append(Difference(f"notice {key}", "notice", None, row.kind))
            if write:
                ids[key] = queries.insert_notice(tx, {**values, "derived_key": key})
            continue
        ids[key] = old.id
        now = {name: getattr(old, name) for name in _NOTICE_FIELDS}
        now["reverses_id"] = old.reverses_id
        if now != values:
            changed = {k: v for k, v in values.items() if now[k] != v}
            diffs.append(Difference(f"notice {key}", "notice", {k: now[k] for k in changed},
                                    changed))
            if write:
                queries.update_notice(tx, old.id, changed)
    extra = [n for n in stored if not n.key or n.key not in want]
    for n in extra:
        diffs.append(Difference(f"notice {n.key or n.id}", "notice", n.kind, None))
    if write:
        queries.delete_notices(tx, [n.id for n in sorted(extra, key=lambda n: n.reverses_id
                                                          is None)])
    return diffs


def _adjustments(tx: Tx, entry_ids: list[int] | None, write: bool) -> list[Difference]:
    """A voided adjustment is given back by one entry, on its own day."""
    made = queries.adjustments(tx, entry_ids)
    want: dict[str, rules.EntryRow] = {}
    for e in made:
        if e.voided_at is not None:
            row = rules.adjustment_reversal(e.id, e.staff_id, e.day, e.delta, e.prospect_id,
                                            rules.Withdrawal(e.voided_at, e.day, "void",
                                                             e.voided_by_id, e.void_reason))
            want[row.key] = row
    stored = queries.stored_adjustment_reversals(tx, [e.id for e in made])
    diffs: list[Difference] = []
    by_key = {e.key: e for e in stored}
    for key, row in want.items():
        values = {name: getattr(row, name) for name in _ENTRY_FIELDS}
        values["reverses_id"] = int(key.split(":")[1])
        old = by_key.get(key)
        if old is None:
            diffs.append(Difference(f"entry {key}", "entry", None, row.delta))
            if write:
                queries.insert_entry(tx, {**values, "derived_key": key})
        elif any(getattr(old, k) != v for k, v in values.items()):
            changed = {k: v for k, v in values.items() if getattr(old, k) != v}
            diffs.append(Difference(f"entry {key}", "entry", None, changed))
            if write:
                queries.update_entry(tx, old.id, changed)
    extra = [e for e in stored if e.key not in want]
    diffs += [Difference(f"entry {e.key}", "entry", e.delta, None) for e in extra]
    if write:
        queries.delete_entries(tx, [e.id for e in extra])
    return diffs


# --- the entry points ----------------------------------------------------------------------------


def reconcile(tx: Tx, book: PolicyBook, seeds: Iterable[int]) -> dict[int, rules.Judgement]:
    """After a write: every visit whose outcome may have changed with ``seeds`` is judged again
    and what is kept made equal to it. Returns the judgements of the seeds."""
    seeds = set(seeds)
    scope = sorted(queries.closure(tx, seeds))
    if not scope:
        return {}
    _compare(tx, book, scope, write=True)
    return {vid: j for vid, (_v, j) in judgements(tx, book, seeds).items()}


def reconcile_prospects(tx: Tx, book: PolicyBook, prospect_ids: Iterable[int]) -> None:
    """After a change of prospects' facts: their visits, and whatever those reach."""
    reconcile(tx, book, visits_of_prospects(tx, prospect_ids))


def reconcile_people_days(tx: Tx, book: PolicyBook, people_days: Iterable[tuple[int, str]]
                          ) -> None:
    """After a plan is made or changed: the visitor's visits of that day (their sweeps)."""
    from yulin_cli.db import rows_for

    pairs = set(people_days)
    seeds = [r["id"] for r in rows_for(tx, "SELECT id, staff_id, day FROM visit"
                                       " WHERE day IN ({marks})", sorted({d for _s, d in pairs}))
             if (r["staff_id"], r["day"]) in pairs]
    if seeds:
        reconcile(tx, book, seeds)


def reconcile_adjustments(tx: Tx, entry_ids: list[int]) -> None:
    _adjustments(tx, entry_ids, write=True)


def visits_of_prospects(tx: Tx, prospect_ids: Iterable[int]) -> list[int]:
    from yulin_cli.db import rows_for

    return [r["id"] for r in rows_for(tx, "SELECT id FROM visit WHERE prospect_id IN ({marks})",
                                      sorted(set(prospect_ids)))]


def visit_chunks(tx: Tx, since: str | None = None, size: int = 2000) -> Iterator[list[int]]:
    """Every visit (or those of ``since`` on, with those whose verdict came since), in chunks
    that keep each company's visits together (the first sweep of a day is judged among them)."""
    where = (" WHERE v.day >= :since OR EXISTS (SELECT 1 FROM inspection i"
             " WHERE i.visit_id = v.id AND i.decided_on >= :since)") if since else ""
    params = {"since": since} if since else {}
    chunk: list[int] = []
    company = None
    for visit_id, root in tx.tuples(
            "SELECT v.id, COALESCE(p.duplicate_of, p.id) AS company FROM visit v"
            f" JOIN prospect p ON p.id = v.prospect_id{where} ORDER BY company, v.id", **params):
        if len(chunk) >= size and root != company:
            yield chunk
            chunk = []
        chunk.append(visit_id)
        company = root
    if chunk:
        yield chunk


def reconcile_all(tx: Tx, book: PolicyBook, since: str | None = None) -> list[Difference]:
    """Every visit (of ``since`` on) judged again and kept equal; returns what changed."""
    changed: list[Difference] = []
    for chunk in list(visit_chunks(tx, since)):
        changed += _compare(tx, book, chunk, write=True)
    return changed + _adjustments(tx, None, write=True)


PARALLEL_FROM = 50_000  # visits: below this, starting workers costs more than it saves


def differences(tx: Tx, book: PolicyBook, *, progress: Any = None,
                target: str | None = None) -> list[Difference]:
    """What the database keeps that the rules would not derive again, read-only. A big
    database (``target`` given) is judged on every core, each worker reading it on its own."""
    import os

    chunks = list(visit_chunks(tx))
    workers = min(4, os.cpu_count() or 1)
    diffs: list[Difference] = []
    if target is None or workers < 2 or sum(map(len, chunks)) < PARALLEL_FROM:
        for chunk in chunks:
            diffs += _compare(tx, book, chunk, write=False)
            if progress is not None:
                progress(len(chunk))
        return diffs + _adjustments(tx, None, write=False)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from yulin_cli.i18n import current_lang

    # Spawned, not forked: a forked worker would share this process's open connection.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_worker_start,
                             initargs=(target, current_lang())) as pool:
        for chunk, found in zip(chunks, pool.map(_worker_differences, chunks), strict=True):
            diffs += found
            if progress is not None:
                progress(len(chunk))
    return diffs + _adjustments(tx, None, write=False)


_worker: dict[str, Any] = {}


def _worker_start(target: str, lang: str) -> None:
    import signal

    from yulin_cli.db import open_db
    from yulin_cli.i18n import set_lang
    from yulin_cli.policy import load_book
    from yulin_cli.workers import die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which stops us
    die_with_parent()
    set_lang(lang)
    db = open_db(target, migrate=False)
    with db.read() as tx:
        _worker.update(db=db, book=load_book(tx))


def _worker_differences(chunk: list[int]) -> list[Difference]:
    with _worker["db"].read() as tx:
        return _compare(tx, _worker["book"], chunk, write=False)


def judged_visit(tx: Tx, book: PolicyBook, visit_id: int) -> rules.Judgement:
    """One visit's judgement as it stands."""
    return judgements(tx, book, [visit_id])[visit_id][1]
