"""Run one yulin command with every SQLite statement timed, and print on stderr the time spent
in SQLite (statements and the reading of their rows) and the whole process's time:

    python bench/sql_clock.py --db centre.db daily-report --json

``bench/scale.py`` uses it to split a report's cost into what the database does and what
Python does with the rows (turning them into verdicts, sentences and JSON). The last line on
stderr is ``sql_ms process_ms`` (the process counted from when the probe starts, after the
interpreter itself). Rows read one at a time each cost the probe a Python call: fine for a
report, which fetches its rows whole, but it would inflate a streamed list of 100,000 rows.
"""

from __future__ import annotations

import atexit
import sqlite3
import sys
import time
from typing import Any

START = time.perf_counter()
SPENT = [0.0]


class _Cursor(sqlite3.Cursor):
    def execute(self, *args: Any) -> Any:
        t = time.perf_counter()
        try:
            return super().execute(*args)
        finally:
            SPENT[0] += time.perf_counter() - t

    def fetchall(self) -> list[Any]:
        t = time.perf_counter()
        try:
            return super().fetchall()
        finally:
            SPENT[0] += time.perf_counter() - t

    def __next__(self) -> Any:
        t = time.perf_counter()
        try:
            return super().__next__()
        finally:
            SPENT[0] += time.perf_counter() - t


class _Connection(sqlite3.Connection):
    # yulin runs its statements through Connection.execute, which makes a plain cursor:
    # make ours instead, so the rows read afterwards are timed too.
    def cursor(self, factory: Any = _Cursor) -> Any:
        return super().cursor(factory)

    def execute(self, *args: Any) -> Any:
        return self.cursor().execute(*args)


_connect = sqlite3.connect


def _timed_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
    kwargs["factory"] = _Connection
    connection: sqlite3.Connection = _connect(*args, **kwargs)
    return connection


def _report() -> None:
    process = time.perf_counter() - START
    sys.stderr.write(f"{SPENT[0] * 1000:.1f} {process * 1000:.1f}\n")


if __name__ == "__main__":
    sqlite3.connect = _timed_connect  # type: ignore[assignment]
    atexit.register(_report)
    sys.argv = ["yulin", *sys.argv[1:]]
    from yulin_cli.app import main

    main()
