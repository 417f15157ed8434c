"""The outbox's SQL: messages queued, the unsent ones in order, and what each attempt came to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from yulin_cli.frozen import frozen

if TYPE_CHECKING:
    from yulin_cli.db import Tx


@frozen
class Queued:
    """One message in the outbox, not yet accepted by the robot."""

    id: int
    report: str
    day: str
    part: int
    parts: int
    payload: str  # the JSON body, as it is sent
    attempts: int


def queue(tx: Tx, platform: str, report: str, day: str, bodies: list[str], stamp: str
          ) -> list[int]:
    """Adds a report's messages (one transaction, the caller's). A message already waiting
    unsent, word for word, is not queued twice: a failed run's retry sends it once."""
    waiting = {r["payload"]: r["id"] for r in tx.all(
        "SELECT id, payload FROM notify_outbox WHERE platform = :platform AND report = :report"
        " AND day = :day AND sent_at IS NULL", platform=platform, report=report, day=day)}
    ids = []
    for part, body in enumerate(bodies, start=1):
        if body in waiting:
            ids.append(waiting[body])
            continue
        ids.append(tx.insert("notify_outbox", {
            "platform": platform, "report": report, "day": day, "part": part,
            "parts": len(bodies), "payload": body, "created_at": stamp, "attempts": 0}))
    return ids


def unsent(tx: Tx, platform: str) -> list[Queued]:
    """Every message of the platform still to send, oldest first."""
    return [Queued(*row) for row in tx.rows(
        "SELECT id, report, day, part, parts, payload, attempts FROM notify_outbox"
        " WHERE platform = :platform AND sent_at IS NULL ORDER BY id", platform=platform)]


def tried_since(tx: Tx, platform: str, since: str) -> list[str]:
    """When the robot was last asked, for each message asked since ``since`` (the rate limit
    counts every request, accepted or not)."""
    return [row[0] for row in tx.rows(
        "SELECT tried_at FROM notify_outbox WHERE platform = :platform AND tried_at >= :since"
        " ORDER BY tried_at", platform=platform, since=since)]


def mark(tx: Tx, message_id: int, tried_at: str, sent: bool, error: str | None) -> None:
    tx.run("UPDATE notify_outbox SET tried_at = :tried, attempts = attempts + 1,"
           " sent_at = :sent, last_error = :error WHERE id = :id", tried=tried_at,
           sent=tried_at if sent else None, error=None if sent else (error or "")[:500],
           id=message_id)
