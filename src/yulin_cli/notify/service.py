"""`notify`: a report sent to the team's group chat, through an outbox.

The report's JSON (the result `daily-report`, `attention` or `summary` print) becomes markdown
for the platform (``markdown``), split under its byte limit; the messages go into the outbox in
one transaction, then every unsent message of that robot is posted, oldest first (an earlier
run's failures first). A robot answers HTTP 200 even when it refuses: success is its body's
``errcode`` 0. A failure stops the run for that robot and stays in the outbox with what went
wrong; the next run sends it again. At most ``PER_MINUTE`` requests a minute go to one robot,
counted from the outbox's send times (a cron job run twice in a minute stays within it too).

The webhook (and 钉钉's signing secret) come from the environment on each run and are never
stored: the outbox holds the bodies, not the address. The clock is injectable (``CLOCK``):
tests use a fake one that never sleeps.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote_plus, urlsplit

from yulin_cli.errors import BadInput
from yulin_cli.frozen import frozen
from yulin_cli.notify import markdown, queries
from yulin_cli.results import Result, human_only

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import PolicyBook
    from yulin_cli.runtime import State

PER_MINUTE = 20  # requests a minute a robot accepts (both platforms document 20)
TIMEOUT = 15  # seconds to wait for a robot's answer
ENV = {"wecom": "YULIN_WECOM_WEBHOOK", "dingtalk": "YULIN_DINGTALK_WEBHOOK"}
SECRET_ENV = "YULIN_DINGTALK_SECRET"


class Clock(Protocol):
    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The wall clock (``clock.seconds``) and a real wait."""

    def now(self) -> float:
        from yulin_cli.clock import seconds

        return seconds()

    def sleep(self, seconds: float) -> None:
        import time

        time.sleep(seconds)


CLOCK: Clock = SystemClock()  # tests put a fake clock here


@frozen
class Webhook:
    """Where a platform's messages go. Never shown, never stored."""

    platform: str
    url: str
    secret: str | None = None

    def __repr__(self) -> str:  # a traceback or a debugger never shows the secret
        return f"Webhook({self.platform})"

    def signed_url(self, now: float) -> str:
        """钉钉's signed address: ``timestamp`` (ms) and ``sign``, base64 of the HMAC-SHA256 of
        "timestamp\\nsecret" keyed by the secret, URL-encoded. 企业微信: the address as given."""
        if self.platform != "dingtalk" or not self.secret:
            return self.url
        timestamp = str(int(now * 1000))
        joiner = "&" if urlsplit(self.url).query else "?"
        return f"{self.url}{joiner}timestamp={timestamp}&sign={sign(timestamp, self.secret)}"


def sign(timestamp: str, secret: str) -> str:
    """钉钉's signature of a request, URL-encoded as its ``sign`` parameter."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp}\n{secret}".encode(),
                      hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest).decode("ascii"))


def webhook(platform: str) -> Webhook:
    """The platform's robot from the environment: bad input (exit 2) when it is not set, or
    is not an https address (plain http only to this machine, for a local relay or a test)."""
    var = ENV[platform]
    url = os.environ.get(var, "").strip()
    if not url:
        raise BadInput("notify.no_webhook", var=var)
    try:
        parts = urlsplit(url)
    except ValueError:
        raise BadInput("notify.bad_webhook", var=var) from None
    local = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if not parts.hostname or not (parts.scheme == "https" or parts.scheme == "http" and local):
        raise BadInput("notify.bad_webhook", var=var)
    secret = None
    if platform == "dingtalk":
        secret = os.environ.get(SECRET_ENV, "").strip() or None
        if secret is None:
            raise BadInput("notify.no_secret")
    return Webhook(platform, url, secret)


# --- results ----------------------------------------------------------------------------------


@frozen
class OutboxMessage:
    """One message: ``sent``, ``pending`` (kept to retry, ``error`` says why) or ``dry-run``."""

    id: int | None
    report: str
    day: str
    part: int
    parts: int
    bytes: int  # of the markdown text, UTF-8
    status: str
    error: str | None = None
    payload: dict[str, Any] | None = None  # the body, shown on a dry run


@frozen
class Notified(Result):
    """`notify`: what became of each message of the run (retries of earlier runs first)."""

    platform: str
    report: str
    day: str
    dry_run: bool
    messages: tuple[OutboxMessage, ...]
    waited_seconds: float = 0.0  # waiting out the rate limit
    limit: int = human_only(PER_MINUTE)

    @property
    def unsent(self) -> int:
        return sum(1 for m in self.messages if m.status == "pending")


# --- building -----------------------------------------------------------------------------------


def report_doc(tx: Tx, book: PolicyBook, report: str, day: str, first: str,
               center: str | None) -> Any:
    """The report's JSON, as `daily-report`, `attention` or `summary --json` print it."""
    from yulin_cli.reports import service as reports

    if report == "daily-report":
        return reports.daily_report(tx, book, day, center).to_json()
    if report == "summary":
        return reports.summary(tx, book, first, day, center).to_json()
    return reports.attention_list(tx, book.at(day), day, center, None, None, None, 0).to_json()


def bodies(report: str, doc: Any, platform: str, day: str, first: str,
           center: str | None) -> list[dict[str, Any]]:
    return markdown.payloads(report, doc, platform, day, first, center)


def text_bytes(body: dict[str, Any]) -> int:
    md = body["markdown"]
    return len((md.get("content") or md.get("text") or "").encode("utf-8"))


def encoded(body: dict[str, Any]) -> str:
    """A body as sent and as kept: compact JSON, Chinese as is (the byte limit counts UTF-8)."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def dry_run(platform: str, report: str, day: str, payloads: list[dict[str, Any]]) -> Notified:
    return Notified(platform, report, day, True, tuple(
        OutboxMessage(None, report, day, n, len(payloads), text_bytes(p), "dry-run", None, p)
        for n, p in enumerate(payloads, start=1)))


# --- sending ------------------------------------------------------------------------------------


def stamp(seconds: float) -> str:
    """A send time as kept in the outbox: UTC to the millisecond, one fixed width (they sort)."""
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _seconds(text: str) -> float:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(
        tzinfo=dt.UTC).timestamp()


def post(url: str, body: bytes) -> tuple[int, bytes]:
    """One POST of a JSON body; (HTTP status, the answer's body). An HTTP error's body is read
    too: the robot's ``errcode`` decides, not the status."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json; charset=utf-8", "User-Agent": "yulin"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:  # noqa: S310
            return answer.status, answer.read(1 << 20)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(1 << 20) if exc.fp is not None else b""


def outcome(status: int, answer: bytes) -> str | None:
    """None when the robot accepted the message (``errcode`` 0), else what went wrong, in the
    robot's own words (language-free: it is kept in the outbox)."""
    try:
        doc = json.loads(answer.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return f"HTTP {status}: not JSON"
    if not isinstance(doc, dict) or "errcode" not in doc:
        return f"HTTP {status}: no errcode"
    if doc["errcode"] == 0:
        return None
    return f"errcode {doc['errcode']}: {str(doc.get('errmsg', ''))[:300]}"


def deliver(state: State, hook: Webhook, clock: Clock | None = None) -> tuple[
        list[OutboxMessage], float]:
    """Posts every unsent message of the robot, oldest first, within its rate limit; each
    attempt is recorded as it ends. Stops at the first failure (the rest wait their turn)."""
    from yulin_cli.db import hide_secrets, notify_secrets

    clock = clock or CLOCK
    secrets = (hook.url, hook.secret, *notify_secrets())
    with state.write() as tx:
        pending = queries.unsent(tx, hook.platform)
        recent = [_seconds(s) for s in queries.tried_since(tx, hook.platform,
                                                           stamp(clock.now() - 60))]
    out: list[OutboxMessage] = []
    waited = 0.0
    failed = False
    for message in pending:
        body = json.loads(message.payload)
        size = text_bytes(body)
        if failed:
            out.append(OutboxMessage(message.id, message.report, message.day, message.part,
                                     message.parts, size, "pending", None))
            continue
        now = clock.now()
        recent = [s for s in recent if s > now - 60]
        if len(recent) >= PER_MINUTE:
            pause = recent[-PER_MINUTE] + 60 - now + 0.001  # the oldest of them leaves
            clock.sleep(pause)
            waited += pause
            now = clock.now()
            recent = [s for s in recent if s > now - 60]
        try:
            status, answer = post(hook.signed_url(now), message.payload.encode("utf-8"))
            error = outcome(status, answer)
        except OSError as exc:  # no network, refused, timed out, TLS
            reason = getattr(exc, "reason", None) or exc
            error = f"no answer: {reason}"
        except ValueError as exc:  # a malformed address
            error = f"no answer: {exc}"
        if error is not None:
            error = hide_secrets(error, *secrets)
        recent.append(now)
        with state.write() as tx:
            queries.mark(tx, message.id, stamp(now), error is None, error)
        failed = error is not None
        out.append(OutboxMessage(message.id, message.report, message.day, message.part,
                                 message.parts, size, "pending" if failed else "sent", error))
    return out, waited


def notify(state: State, hook: Webhook, report: str, day: str,
           payloads: list[dict[str, Any]], clock: Clock | None = None) -> Notified:
    """Queues the report's messages (one transaction), then sends what the outbox holds."""
    from yulin_cli.db import now_stamp

    with state.write() as tx:
        queries.queue(tx, hook.platform, report, day, [encoded(p) for p in payloads],
                      now_stamp())
    messages, waited = deliver(state, hook, clock)
    return Notified(hook.platform, report, day, False, tuple(messages), round(waited, 3))
