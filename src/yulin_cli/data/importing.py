"""Imports of prospects, rounds and visits from spreadsheets.

An import is one transaction: by default all or nothing, every error listed by row, column and
reason. Prospect rows pass the input model and the admission step of ``add-prospect``
(``prospects.service.admit``) and go in with bulk inserts; rounds and visits go through
``visits.service`` one by one, because each has consequences (round numbers, points, notices).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yulin_cli import forms
from yulin_cli.data import queries, spreadsheets, validation
from yulin_cli.db import now_stamp, pause_point
from yulin_cli.errors import YulinError
from yulin_cli.frozen import frozen
from yulin_cli.prospects import queries as prospects
from yulin_cli.prospects.service import admit
from yulin_cli.records import PROSPECT_COLUMNS
from yulin_cli.results import Result
from yulin_cli.team import queries as team
from yulin_cli.visits import service as visits

if TYPE_CHECKING:
    from concurrent.futures import Future

    from yulin_cli.db import Tx
    from yulin_cli.policy import PolicyBook
    from yulin_cli.runtime import State

BATCH = 2000
CHUNK = 2500  # rows per task for the validation workers
PARALLEL_FROM = 2 * 1024 * 1024  # bytes: smaller files are validated in this process
ROW_BYTES = 256  # a wide row of a centre's file, about: how many rows a file of a size holds


@frozen
class ImportResult(Result):
    """What an import did, or would do: every row's errors, duplicates and warnings."""

    rows: int
    imported: int  # rows written: none on a dry run
    errors: tuple[dict[str, Any], ...]
    duplicates: tuple[dict[str, Any], ...]
    dry_run: bool
    # Q8: rows in an industry another prospector owns, as add-prospect warns (not refused).
    warnings: tuple[dict[str, Any], ...]
    would_import: int = 0  # rows the same import without --dry-run writes
    # Q8: rows likely a typo of an earlier prospect, as add-prospect warns (never refused).
    possible_duplicates: tuple[dict[str, Any], ...] = ()

    @property
    def error_rows(self) -> int:
        """Rows with at least one error (a row may have several)."""
        return len({e["row"] for e in self.errors})


@dataclass
class ImportReport:
    """The report while the rows are read; ``result()`` freezes it."""

    rows: int = 0
    imported: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    dry_run: bool = False
    warnings: list[dict[str, Any]] = field(default_factory=list)
    possible_duplicates: list[dict[str, Any]] = field(default_factory=list)

    def result(self) -> ImportResult:
        # Counted as written even on a dry run (the transaction is only rolled back at its
        # end): a dry run writes none of them and says how many it would.
        written = 0 if self.dry_run else self.imported
        return ImportResult(self.rows, written, tuple(self.errors), tuple(self.duplicates),
                            self.dry_run, tuple(self.warnings), self.imported,
                            tuple(self.possible_duplicates))


class ImportRefused(YulinError):
    """Nothing was written: invalid rows (exit 2) or refused duplicates (exit 1)."""

    def __init__(self, key: str, result: ImportResult, exit_code: int) -> None:
        super().__init__(key, errors=len(result.errors), duplicates=len(result.duplicates),
                         rows=result.rows, bad_rows=result.error_rows)
        self.result = result
        self.exit_code = exit_code
        self.doc = result.to_json()


class _Rollback(Exception):
    """Leaves the import's transaction without writing (dry runs and refusals)."""


def run_import(state: State, path: Path, kind: str, *, dry_run: bool,
               skip_invalid: bool, force: bool, today: str,
               tick: Callable[[int], None] = lambda n: None) -> ImportResult:
    if spreadsheets.is_team_workbook(path):
        from yulin_cli.data.team import import_team

        return import_team(state, path, dry_run=dry_run, tick=tick)
    headers, rows = spreadsheets.read_rows(path)
    columns = spreadsheets.header_map(headers, kind)
    report = ImportReport(dry_run=dry_run)
    # Big files are validated on every core; a small one is done before workers start.
    size = path.stat().st_size
    parallel = kind == "prospects" and size >= PARALLEL_FROM

    def refused() -> bool:
        # Forced duplicates are stored (marked), so only unforced ones refuse the file.
        return bool(report.errors or (report.duplicates and not force)) and not skip_invalid

    try:
        with state.write() as tx:
            if kind == "prospects":
                _load_prospects(tx, headers, columns, rows, report, force=force, today=today,
                                keep_going=skip_invalid, tick=tick,
                                postgres=not state.db().is_sqlite, parallel=parallel,
                                size=size)
            else:
                _load_events(tx, state.book(), kind, headers, columns, rows, report,
                             today=today, keep_going=skip_invalid, tick=tick)
            if dry_run or refused():
                raise _Rollback
    except _Rollback:
        pass
    if refused():
        # A dry run says what the real import would do, exit code included.
        report.imported = 0
        if report.errors:
            raise ImportRefused("import.invalid_rows", report.result(), 2)
        raise ImportRefused("import.duplicate_rows", report.result(), 1)
    return report.result()


def _row_dict(columns: dict[int, str], row: list[Any]) -> dict[str, Any]:
    return {columns[i]: value for i, value in enumerate(row) if i in columns}


def _error(report: ImportReport, row: int, column: str, error: str) -> None:
    report.errors.append({"row": row, "column": column, "error": error})


def _header_of(headers: list[str], columns: dict[int, str], field_name: str) -> str:
    for index, name in columns.items():
        if name == field_name:
            return headers[index]
    return field_name


def _blank(cells: list[Any]) -> bool:
    """A row with nothing in it. Text cells (CSV) are joined and stripped once, in C."""
    try:
        return not "".join(cells).strip()
    except TypeError:  # a workbook's numbers and dates
        return not any(str(c).strip() for c in cells)


def _validated(rows: Iterator[list[Any]], columns: dict[int, str], today: str,
               parallel: bool) -> Generator[validation.Validated, None, None]:
    """Validated rows in file order; a big file is validated on every core."""

    def chunks() -> Iterator[list[tuple[int, list[Any]]]]:
        chunk: list[tuple[int, list[Any]]] = []
        for number, cells in enumerate(rows, start=2):
            if not _blank(cells):  # blank lines are not rows
                chunk.append((number, cells))
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    if not parallel:
        for chunk in chunks():
            yield from validation.validate_rows(chunk, columns, today)
        return
    import multiprocessing
    import os
    import signal
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    from yulin_cli.i18n import current_lang

    # Spawned, not forked: a forked worker would inherit the open database connection.
    workers = max(1, min(4, os.cpu_count() or 1))
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=validation.worker_start, initargs=(current_lang(),))
    # Ctrl-C reaches every process of the terminal's group, workers still starting up too: they
    # are started ignoring it (an ignored signal stays ignored in the new interpreter, which
    # then installs no KeyboardInterrupt of its own), and only this process hears it again.
    hear = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        for _ in range(workers):
            pool.submit(int)  # starts a worker (they start when work comes)
    finally:
        signal.signal(signal.SIGINT, hear)
    try:
        pending: deque[Future[list[validation.Validated]]] = deque()
        for chunk in chunks():
            pending.append(pool.submit(validation.validate_rows, chunk, columns, today))
            if len(pending) > 6 * workers:  # a bounded window keeps memory flat
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # Interrupted or refused: the chunks not yet started are dropped, not validated.
        pool.shutdown(wait=True, cancel_futures=True)


class _FileIndex:
    """The duplicate rule's view for an import: every live prospect in the database and every
    row admitted so far, earliest id per phone and per (name key, city)."""

    def __init__(self, tx: Tx) -> None:
        self.phones: dict[str, int] = {}
        self.names: dict[tuple[str, str], int] = {}
        for row in queries.live_phones_and_names(tx):
            self.add(row["id"], [row["landline"], row["mobile"]], row["name_key"], row["city"])

    def add(self, prospect_id: int, phones: list[str | None], name_key: str, city: str) -> None:
        for phone in phones:
            if phone:
                self.phones.setdefault(phone, prospect_id)
        self.names.setdefault((name_key, city), prospect_id)

    def matches(self, phones: list[str], name_key: str, city: str) -> list[tuple[int, str]]:
        found = [(self.phones[p], "phone") for p in phones if p in self.phones]
        if (name_key, city) in self.names:
            found.append((self.names[(name_key, city)], "name"))
        return found

    # Credit codes (Q8), kept apart: most rows have none, so these stay small.
    def load_codes(self, tx: Tx) -> None:
        self.by_code: dict[str, int] = {}
        self.code_of: dict[int, str] = {}
        for row in queries.live_credit_codes(tx):
            self.add_code(row["id"], row["credit_code"])

    def add_code(self, prospect_id: int, code: str | None) -> None:
        if code:
            self.by_code.setdefault(code, prospect_id)
            self.code_of[prospect_id] = code

    def same_code(self, code: str) -> int | None:
        return self.by_code.get(code)

    def codes(self, ids: list[int]) -> dict[int, str]:
        return {i: self.code_of[i] for i in ids if i in self.code_of}


def _load_prospects(tx: Tx, headers: list[str], columns: dict[int, str],
                    rows: Iterator[list[Any]], report: ImportReport, *, force: bool,
                    today: str, keep_going: bool, tick: Callable[[int], None],
                    postgres: bool, parallel: bool, size: int) -> None:
    """Every row through ``prospects.service.admit``, the admission step of add-prospect, with an
    in-memory index of the earlier prospects in place of one query per row; then the likely
    duplicates of the rows written (Q8)."""
    validated = _validated(rows, columns, today, parallel)
    ids = _ServerIds(tx) if postgres else _FileIds(tx)
    # A big file into a SQLite table it outgrows: the table's indexes are built once the rows
    # are in (a sort) rather than updated row by row, in a third of the time. Meanwhile only
    # whole-table reads touch the table (the admission index), and a rollback brings the
    # indexes back with the rest.
    bulk = parallel and not postgres and queries.count_rows(tx, "prospect") * ROW_BYTES < size
    with contextlib.closing(validated):  # workers stop as soon as the import does
        with queries.indexes_built_after(tx, "prospect") if bulk else contextlib.nullcontext():
            written_from = _admit_rows(tx, validated, headers, columns, report, force=force,
                                       keep_going=keep_going, tick=tick, ids=ids)
    if written_from and (not report.errors or keep_going):
        _likely(tx, written_from, report)
    for duplicate in report.duplicates:  # an id only for a prospect that was written
        duplicate["duplicate_of"] = ids.real(duplicate["duplicate_of"])


class _FileIds:
    """Ids for a SQLite file: the next after the highest, inside the write lock."""

    def __init__(self, tx: Tx) -> None:
        self.first = self.next = queries.highest_prospect_id(tx) + 1
        self.written: set[int] = set()

    def take(self) -> int:
        self.next += 1
        return self.next - 1

    def settle(self, batch: list[dict[str, Any]]) -> None:
        self.written.update(row["id"] for row in batch)

    def real(self, given: int) -> int | None:
        """The id of a prospect that exists: none for a row of the file never written."""
        return given if given < self.first or given in self.written else None


class _ServerIds:
    """Ids on a server: each row gets a stand-in when admitted, and its id from the server's
    sequence when its batch is written, so the ids stay consecutive and none is drawn for a
    row never written. Stand-ins count up from far above any real id, so "the earliest
    duplicate" still means the earliest. A staff login may draw from the sequence but never
    move it (``server.setup``)."""

    STAND_IN = 1 << 40

    def __init__(self, tx: Tx) -> None:
        self.tx = tx
        self.last = self.STAND_IN
        self.drawn: dict[int, int] = {}

    def take(self) -> int:
        self.last += 1
        return self.last

    def settle(self, batch: list[dict[str, Any]]) -> None:
        ids = queries.draw_prospect_ids(self.tx, len(batch))
        for row, drawn in zip(batch, ids, strict=True):
            self.drawn[row["id"]], row["id"] = drawn, drawn
        for row in batch:  # a duplicate names an earlier row: written, or in this batch
            if (row.get("duplicate_of") or 0) > self.STAND_IN:
                row["duplicate_of"] = self.drawn[row["duplicate_of"]]

    def real(self, given: int) -> int | None:
        return given if given <= self.STAND_IN else self.drawn.get(given)


def _admit_rows(tx: Tx, validated: Iterator[validation.Validated], headers: list[str],
                columns: dict[int, str], report: ImportReport, *, force: bool,
                keep_going: bool, tick: Callable[[int], None], ids: _FileIds | _ServerIds
                ) -> dict[int, int]:
    """Every validated row through ``admit``, then in batches into the table; returns the file's
    row number of each prospect written."""
    from yulin_cli.i18n import explain, t

    staff = {s.name: s for s in team.list_staff(tx)}
    owners: dict[int, dict[str, list[str]]] = {}
    # Who calls an industry, per centre: the prospectors of the centre who call it, found
    # once per industry rather than by looking through every prospector on every row.
    owning: dict[tuple[int, str | None], dict[str, list[str]]] = {}
    index = _FileIndex(tx)
    index.load_codes(tx)
    # Ids are given here, inside the write lock, so a later row can name an earlier one
    # as its duplicate before either is inserted.
    given_to: dict[int, int] = {}  # the file's row number of each id given
    stamp = now_stamp()
    batch: list[dict[str, Any]] = []
    numbers: list[int] = []  # the file's row number of each row of the batch
    written_from: dict[int, int] = {}  # the file's row number of each prospect written
    stored = ("id", *PROSPECT_COLUMNS, "created_at")
    for number, values, errors, name in validated:
        report.rows += 1
        if report.rows % 1000 == 0:
            tick(1000)
        for key, message in errors:
            _error(report, number, _header_of(headers, columns, key), message)
        source = staff.get(name) if name else None
        if source is None and name:
            # An unknown finder is one more error of the row, reported with the others.
            _error(report, number, _header_of(headers, columns, "sourced_by"),
                   t("not_found.staff", name=name))
        if values is None or source is None:
            continue
        if source.center_id not in owners:
            owners[source.center_id] = team.prospector_industries(tx, source.center_id)
        field = (source.center_id, values.get("industry"))
        if field not in owning:
            owning[field] = {name: industries for name, industries
                             in owners[source.center_id].items() if field[1] in industries}
        admission = admit(values, source, index, owning[field])
        if admission.refusal is not None:
            _error(report, number, _header_of(headers, columns, "city"),
                   t("refuse.territory", **admission.refusal.params))
            continue
        for warning in admission.warnings:
            report.warnings.append({"row": number, "rule": warning.rule,
                                    "clause": warning.clause, "message": explain(warning)})
        if admission.duplicate is not None:
            earlier = admission.duplicate[0]
            # An earlier row of this file has no prospect yet a user could look up: name it.
            report.duplicates.append({"row": number, "duplicate_of": earlier, **(
                {"duplicate_of_row": given_to[earlier]} if earlier in given_to else {})})
            if not force:
                continue
        # Admission's values are its own fresh dict: completed with every column.
        row = prospects.insert_row(admission.values, own=True)
        new_id = ids.take()
        row["id"], row["created_at"] = new_id, stamp
        given_to[new_id] = number
        index.add(new_id, [row["landline"], row["mobile"]], row["name_key"], row["city"])
        index.add_code(new_id, row["credit_code"])
        report.imported += 1
        batch.append(row)
        numbers.append(number)
        if len(batch) >= BATCH:
            if not report.errors or keep_going:
                ids.settle(batch)
                tx.insert_many("prospect", stored, batch)
                written_from.update((r["id"], n) for r, n in zip(batch, numbers, strict=True))
                pause_point("import-batch")
            batch, numbers = [], []
    if batch and (not report.errors or keep_going):
        ids.settle(batch)
        tx.insert_many("prospect", stored, batch)
        written_from.update((r["id"], n) for r, n in zip(batch, numbers, strict=True))
    return written_from


def _likely(tx: Tx, written_from: dict[int, int], report: ImportReport) -> None:
    """Q8: the rows just written that are likely a typo of an earlier prospect (in the
    database or the file), found once for the whole import (``prospects.likely``): one grouping of
    the table's shared facts, not one per batch."""
    from yulin_cli.prospects.likely import possible_duplicates

    found = possible_duplicates(tx, set(written_from))
    for new_id in sorted(found, key=written_from.__getitem__):
        for p in found[new_id]:
            report.possible_duplicates.append({
                "row": written_from[new_id], "prospect_id": None if report.dry_run else new_id,
                "id": p.id, "company": p.company, "reasons": list(p.reasons),
                "confidence": p.confidence,
                **({"earlier_row": written_from[p.id]} if p.id in written_from else {})})


class _Voided(Exception):
    """A voided record of an export: passed over, with a warning."""


def _load_each(headers: list[str], columns: dict[int, str], rows: Iterator[list[Any]],
               report: ImportReport, keep_going: bool, tick: Callable[[int], None],
               one: Callable[[int, dict[str, Any], bool], None]) -> None:
    """Rows that each go through their service; a bad row is refused before it writes."""
    for number, cells in enumerate(rows, start=2):
        report.rows += 1
        tick(1)
        raw = _row_dict(columns, cells)
        if not any(str(v).strip() for v in raw.values()):
            report.rows -= 1
            continue
        try:
            if str(raw.get("voided_at") or "").strip():
                one(number, raw, False)
        except _Voided:
            from yulin_cli.i18n import t

            report.warnings.append({"row": number, "rule": "void", "clause": "",
                                    "message": t("import.voided_skipped")})
            continue
        if report.errors and not keep_going:
            # Keep validating to list every error, without writing more.
            try:
                one(number, raw, False)
            except YulinError as err:
                _error(report, number, _header_of(headers, columns,
                                                  str(err.params.get("field", ""))),
                       _message(err))
            continue
        try:
            one(number, raw, True)
            report.imported += 1
        except YulinError as err:
            _error(report, number, _header_of(headers, columns, str(err.params.get("field", ""))),
                   _message(err))


def _message(err: YulinError) -> str:
    from yulin_cli.i18n import expand, t

    if err.key in ("input.invalid", "input.missing"):
        return validation.error_text(err)  # type: ignore[arg-type]
    return t(err.key, **expand(err.params))


def _load_events(tx: Tx, book: PolicyBook, kind: str, headers: list[str],
                 columns: dict[int, str], rows: Iterator[list[Any]], report: ImportReport, *,
                 today: str, keep_going: bool, tick: Callable[[int], None]) -> None:
    """Rounds or visits, each through its service (round numbers, points and notices follow)."""

    from yulin_cli.runtime import acting

    def one(number: int, raw: dict[str, Any], write: bool) -> None:
        if str(raw.get("voided_at") or "").strip():
            # An exported voided record stays what it was: struck out, not a new record.
            raise _Voided
        # Each row's person as if typed in --by: in team mode, a staff login's own rows only.
        by = acting(str(raw.get("by") or "").strip() or None)
        common = {"prospect_id": raw.get("prospect_id"), "by": by,
                  "day": raw.get("date") or today, "note": raw.get("note") or None}
        if kind == "rounds":
            flags = {k: bool(spreadsheets.truthy(raw.get(k, ""))) for k in ("address", "scale")}
            round_in = forms.round_form({
                **common, "pretext": spreadsheets.choice_value("pretext", raw.get("pretext")),
                "result": spreadsheets.choice_value("result", raw.get("result")), **flags},
                row=number)
            if write:
                visits.verify(tx, book, round_in)
            return
        flags = {k: bool(spreadsheets.truthy(raw.get(k, "")))
                 for k in ("landline", "email", "mobile", "qq")}
        visit_in = forms.visit_form({
            **common, "outcome": spreadsheets.choice_value("outcome", raw.get("outcome")),
            "kind": spreadsheets.choice_value("kind", raw.get("kind") or "planned"),
            # A CSV export quotes survey items (1-5 is no date): the quote is not part of them.
            "items": str(raw.get("items") or "").lstrip("'"), **flags}, row=number)
        if write:
            visits.log_visit(tx, book, visit_in)

    _load_each(headers, columns, rows, report, keep_going, tick, one)
