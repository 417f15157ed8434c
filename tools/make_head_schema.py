"""Writes src/yulin_cli/migrations/head_sqlite.sql: the SQLite schema the migrations end with,
which a brand-new database is created from in one go (``db.create_sqlite_at_head``). Run it
after adding a migration; tests/test_storage.py fails until the snapshot is current.

    python tools/make_head_schema.py
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from yulin_cli import db


def migrated_statements() -> list[str]:
    with tempfile.TemporaryDirectory() as work:
        path = str(Path(work) / "head.db")
        db.upgrade(path)
        conn = sqlite3.connect(path)
        try:
            return db.schema_statements(conn)
        finally:
            conn.close()


def main() -> None:
    out = Path(db.__file__).parent / "migrations" / db.HEAD_SCHEMA
    out.write_text(db.head_schema_text(migrated_statements()), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
