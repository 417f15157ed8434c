"""The data slice's SQL: dedupe's scan, `distinct`, merge and unmerge (the rows a merge moves and
how they go back), the exports' rows, and what imports read and write (a prospect import's
index of the duplicate rule and its ids; a team's workbook, table by table)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from yulin_cli.frozen import frozen
from yulin_cli.records import split_list

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy

# The tables whose rows follow a prospect when it is merged into another.
MOVED_TABLES = ("visit", "planned_visit", "redsea_signal", "points_entry", "notice")


# --- dedupe and distinct -----------------------------------------------------------------------


def dedupe_rows(tx: Tx) -> list[dict[str, Any]]:
    """The facts `dedupe` compares, of every live prospect (``duplicates.find_pairs`` reads
    them by column name)."""
    return tx.all("SELECT id, company, city, name_key, landline, mobile, district, address,"
                  " contact_surname, employees, pcs, credit_code, email FROM prospect"
                  " WHERE merged_into IS NULL ORDER BY id")


def pair_rows(tx: Tx, keep: int, drop: int) -> list[dict[str, Any]]:
    """Both prospects of a merge, every column, for ``duplicates.find_pairs``."""
    return tx.all("SELECT * FROM prospect WHERE id IN (:k, :d) ORDER BY id", k=keep, d=drop)


def distinct_recorded(tx: Tx, first: int, second: int) -> bool:
    return tx.scalar("SELECT id FROM distinct_pair WHERE first_id = :a AND second_id = :b",
                     a=first, b=second) is not None


def record_distinct(tx: Tx, first: int, second: int, by_id: int, day: str, now: str) -> None:
    tx.insert("distinct_pair", {"first_id": first, "second_id": second, "by_id": by_id,
                                "day": day, "recorded_at": now})


# --- merge and unmerge -------------------------------------------------------------------------


@frozen
class MovedRow:
    """A row a merge moved (``merge_moved``): ``table`` is a table of ``MOVED_TABLES``,
    ``verification_round`` (with the round's number before), ``duplicate_of`` (a prospect filed
    under DROP) or ``keep_duplicate_of`` (KEEP itself was filed under DROP)."""

    table: str
    row_id: int
    round_no: int | None = None


@frozen
class MergeRecord:
    """A merge not undone (``prospect_merge``): the facts of KEEP it filled from DROP."""

    merge_id: int
    keep: int
    filled: tuple[str, ...]


def record_merge(tx: Tx, keep: int, drop: int, by_id: int, now: str, filled: str) -> int:
    """A new ``prospect_merge`` row; its id."""
    return tx.insert("prospect_merge", {
        "keep_id": keep, "drop_id": drop, "by_id": by_id, "merged_at": now,
        "filled": filled, "unmerged_at": None, "unmerged_by_id": None})


def last_round_no(tx: Tx, prospect_id: int) -> int:
    """The prospect's last round number (1 with none)."""
    return int(tx.scalar("SELECT COALESCE(MAX(round_no), 1) FROM verification_round"
                         " WHERE prospect_id = :k", k=prospect_id))


def move_rounds(tx: Tx, keep: int, drop: int, offset: int) -> tuple[list[MovedRow], int]:
    """DROP's rounds go to KEEP, numbered after KEEP's own (``offset``): what moved, and how
    many."""
    rounds = [MovedRow("verification_round", r["id"], r["round_no"]) for r in tx.all(
        "SELECT id, round_no FROM verification_round WHERE prospect_id = :d", d=drop)]
    count = tx.run(
        "UPDATE verification_round SET prospect_id = :k, round_no = round_no + :o"
        " WHERE prospect_id = :d", k=keep, o=offset, d=drop)
    return rounds, count


def move_rows(tx: Tx, table: str, keep: int, drop: int) -> tuple[list[MovedRow], int]:
    """DROP's rows of ``table`` (one of ``MOVED_TABLES``) go to KEEP: what moved, how many."""
    assert table in MOVED_TABLES, table
    rows = [MovedRow(table, r["id"])
            for r in tx.all(f"SELECT id FROM {table} WHERE prospect_id = :d", d=drop)]
    return rows, tx.run(f"UPDATE {table} SET prospect_id = :k WHERE prospect_id = :d",
                        k=keep, d=drop)


def unfile_keep(tx: Tx, keep: int) -> MovedRow:
    """KEEP was filed as DROP's duplicate: now it is the one that stays."""
    tx.run("UPDATE prospect SET duplicate_of = NULL WHERE id = :k", k=keep)
    return MovedRow("keep_duplicate_of", keep)


def refile_duplicates(tx: Tx, keep: int, drop: int) -> list[MovedRow]:
    """The prospects filed as DROP's duplicates are filed under KEEP: which they were."""
    rows = [MovedRow("duplicate_of", r["id"])
            for r in tx.all("SELECT id FROM prospect WHERE duplicate_of = :d", d=drop)]
    tx.run("UPDATE prospect SET duplicate_of = :k WHERE duplicate_of = :d", k=keep, d=drop)
    return rows


def record_moved(tx: Tx, merge_id: int, moved: list[MovedRow]) -> None:
    """Every row the merge moved (``merge_moved``), so that ``unmerge`` can move it back."""
    tx.many("INSERT INTO merge_moved (merge_id, table_name, row_id, round_no)"
            " VALUES (:merge_id, :table_name, :row_id, :round_no)",
            [{"merge_id": merge_id, "table_name": m.table, "row_id": m.row_id,
              "round_no": m.round_no} for m in moved])


def open_merge(tx: Tx, drop: int) -> MergeRecord | None:
    """DROP's last merge not undone."""
    found = tx.one("SELECT id, keep_id, filled FROM prospect_merge WHERE drop_id = :d"
                   " AND unmerged_at IS NULL ORDER BY id DESC LIMIT 1", d=drop)
    if found is None:
        return None
    return MergeRecord(found["id"], found["keep_id"], split_list(found["filled"]))


def moved_rows(tx: Tx, merge_id: int) -> list[MovedRow]:
    """What the merge moved, in the order it moved them."""
    return [MovedRow(r["table_name"], r["row_id"], r["round_no"])
            for r in tx.all("SELECT table_name, row_id, round_no FROM merge_moved"
                            " WHERE merge_id = :m ORDER BY id", m=merge_id)]


def move_back(tx: Tx, row: MovedRow, keep: int, drop: int) -> int:
    """One moved row back to DROP, unless it has left KEEP since: 1 if it went back, else 0."""
    if row.table == "verification_round":
        return tx.run("UPDATE verification_round SET prospect_id = :d, round_no = :n"
                      " WHERE id = :id AND prospect_id = :k", d=drop, n=row.round_no,
                      id=row.row_id, k=keep)
    if row.table in MOVED_TABLES:
        return tx.run(f"UPDATE {row.table} SET prospect_id = :d WHERE id = :id"
                      " AND prospect_id = :k", d=drop, id=row.row_id, k=keep)
    if row.table == "duplicate_of":
        return tx.run("UPDATE prospect SET duplicate_of = :d WHERE id = :id"
                      " AND duplicate_of = :k", d=drop, id=row.row_id, k=keep)
    # keep_duplicate_of
    return tx.run("UPDATE prospect SET duplicate_of = :d WHERE id = :k"
                  " AND duplicate_of IS NULL", d=drop, k=keep)


def close_merge(tx: Tx, merge_id: int, by_id: int, now: str) -> None:
    tx.run("UPDATE prospect_merge SET unmerged_at = :at, unmerged_by_id = :by WHERE id = :id",
           at=now, by=by_id, id=merge_id)


# --- exports -----------------------------------------------------------------------------------
# Streamed rows keyed by the export's column names (``exporting.EXPORTS``): an export picks its
# columns by name and never holds a 100,000-row table in memory.


def export_rounds(tx: Tx) -> Iterator[dict[str, Any]]:
    return tx.iter(
        "SELECT r.id, r.prospect_id, p.company, r.round_no AS round, s.name AS by,"
        " r.pretext, r.result, r.address_confirmed AS address, r.scale_checked AS scale,"
        " r.day AS date, r.note, r.voided_at FROM verification_round r"
        " JOIN staff s ON s.id = r.staff_id JOIN prospect p ON p.id = r.prospect_id"
        " ORDER BY r.id")


def export_points(tx: Tx) -> Iterator[dict[str, Any]]:
    return tx.iter(
        "SELECT e.day AS date, s.name AS staff, e.delta, e.rule, e.prospect_id,"
        " e.visit_id, e.reason, b.name AS by, e.voided_at FROM points_entry e"
        " JOIN staff s ON s.id = e.staff_id LEFT JOIN staff b ON b.id = e.by_id"
        " ORDER BY e.day, e.id")


def export_visit_flags(tx: Tx) -> Iterator[dict[str, Any]]:
    """Every visit's flags, in visit order (to zip with ``export_visits``)."""
    return tx.iter("SELECT visit_id, flag FROM visit_flag ORDER BY visit_id, id")


def export_visits(tx: Tx) -> Iterator[dict[str, Any]]:
    return tx.iter(
        "SELECT v.id, v.prospect_id, p.company, v.day AS date, s.name AS by, v.kind,"
        " v.outcome, v.items, v.contacts, v.effective, v.note, v.voided_at FROM visit v"
        " JOIN staff s ON s.id = v.staff_id JOIN prospect p ON p.id = v.prospect_id"
        " ORDER BY v.id")


def export_prospects(tx: Tx, policy: Policy) -> Iterator[dict[str, Any]]:
    """Live prospects, every column, with who sourced them and their stars under ``policy``."""
    from yulin_cli.sql_rules import rank_params, stars_sql

    return tx.iter(
        f"SELECT p.*, s.name AS sourced_by, {stars_sql()} AS stars"
        " FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id WHERE p.merged_into IS NULL ORDER BY p.id",
        **rank_params(policy),
    )


def table_rows(tx: Tx, table: str, columns: list[str],
               condition: str | None = None) -> Iterator[dict[str, Any]]:
    """A table of record's rows (the whole-team workbook), in id order; ``condition`` is one of
    ``exporting.TEAM_WHERE``, never a user's words."""
    where = f" WHERE {condition}" if condition else ""
    return tx.iter(f"SELECT {', '.join(columns)} FROM {table}{where} ORDER BY id")


# --- import -------------------------------------------------------------------------------------


def live_phones_and_names(tx: Tx) -> Iterator[dict[str, Any]]:
    """Every live prospect's phones and name key, oldest first: the duplicate rule's index."""
    return tx.iter("SELECT id, landline, mobile, name_key, city FROM prospect"
                   " WHERE merged_into IS NULL ORDER BY id")


def live_credit_codes(tx: Tx) -> Iterator[dict[str, Any]]:
    """Every live prospect with a credit code, oldest first."""
    return tx.iter("SELECT id, credit_code FROM prospect WHERE credit_code IS NOT NULL"
                   " AND merged_into IS NULL ORDER BY id")


def highest_prospect_id(tx: Tx) -> int:
    return int(tx.scalar("SELECT COALESCE(MAX(id), 0) FROM prospect"))


def draw_prospect_ids(tx: Tx, count: int) -> list[int]:
    """``count`` ids from the server's sequence, in order (an import's batch)."""
    return [int(r[0]) for r in tx.rows(
        "SELECT nextval(pg_get_serial_sequence('prospect', 'id')) FROM generate_series(1, :n)"
        " ORDER BY 1", n=count)]


@contextmanager
def indexes_built_after(tx: Tx, table: str) -> Iterator[None]:
    """SQLite: the plain (not unique) indexes of ``table`` dropped, and made again from their
    own statements once the block is done, in the same transaction. On an error they are not
    made again here: the transaction rolls back, and that brings them back."""
    found = tx.rows("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                    " AND tbl_name = :t AND sql LIKE 'CREATE INDEX %'", t=table)
    for name, _sql in found:
        tx.run(f'DROP INDEX "{name}"')
    yield
    for _name, sql in found:
        tx.run(sql)


def count_rows(tx: Tx, table: str) -> int:
    return int(tx.scalar(f"SELECT COUNT(*) FROM {table}"))


def forget_policy_versions(tx: Tx) -> None:
    """A team's workbook brings its own policy versions: the new schema's first one goes."""
    tx.run("DELETE FROM policy_version")


def follow_ids(tx: Tx, table: str) -> None:
    """A server's id sequence of ``table`` after rows written with their ids."""
    tx.run(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
           f" COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table}")


def set_columns(tx: Tx, table: str, row: dict[str, Any]) -> None:
    """The columns of ``row`` but its id, on the row of ``table`` with that id."""
    own = [c for c in row if c != "id"]
    tx.run(f"UPDATE {table} SET {', '.join(f'{c} = :{c}' for c in own)} WHERE id = :id", **row)
