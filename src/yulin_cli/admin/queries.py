"""Facts about the database itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yulin_cli.db import Tx


def has_data(tx: Tx) -> bool:
    return bool(tx.scalar("SELECT COUNT(*) FROM center") or tx.scalar("SELECT COUNT(*) FROM staff"))


def meta(tx: Tx, key: str) -> str | None:
    value = tx.scalar("SELECT value FROM meta WHERE key = :key", key=key)
    return None if value is None else str(value)


def set_meta(tx: Tx, key: str, value: str) -> None:
    tx.run("DELETE FROM meta WHERE key = :key", key=key)
    tx.run("INSERT INTO meta (key, value) VALUES (:key, :value)", key=key, value=value)
