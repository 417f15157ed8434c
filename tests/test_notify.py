"""`notify`: reports sent to a 企业微信 or 钉钉 group robot, against a fake robot on 127.0.0.1.

The fake answers as the platforms do (HTTP 200 with an ``errcode``); the clock is a fake one
that never sleeps, so the rate limit is tested without waiting."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import assert_refused, make_ready, ok, row_counts, run
from yulin_cli.notify import markdown, service

if TYPE_CHECKING:
    from conftest import TestDb

SECRET = "SEC4b9b7d5e1e8f5bfc3b1f4c0d1e2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c"
KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"
TOKEN = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
DAY = "2026-10-15"


class FakeRobot:
    """A group robot: records each request; answers from ``answers`` (status, body), then
    ``{"errcode": 0}``."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.answers: list[tuple[int, bytes]] = []
        robot = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                robot.requests.append({"path": self.path, "body": json.loads(body),
                                       "raw": body})
                status, answer = (robot.answers.pop(0) if robot.answers
                                  else (200, b'{"errcode":0,"errmsg":"ok"}'))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class FakeClock:
    """Seconds that move only when told (or when the code under test waits)."""

    def __init__(self, start: float = 1_792_000_000.0) -> None:
        self.time = start
        self.slept: list[float] = []

    def now(self) -> float:
        return self.time

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.time += seconds


@pytest.fixture
def robot(monkeypatch):
    fake = FakeRobot()
    monkeypatch.setenv("YULIN_WECOM_WEBHOOK", f"{fake.base}/cgi-bin/webhook/send?key={KEY}")
    monkeypatch.setenv("YULIN_DINGTALK_WEBHOOK", f"{fake.base}/robot/send?access_token={TOKEN}")
    monkeypatch.setenv("YULIN_DINGTALK_SECRET", SECRET)
    yield fake
    fake.close()


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(service, "CLOCK", fake)
    return fake


@pytest.fixture
def day(team):
    """A small day: one prospect found and made ready, so the report has lines."""
    from conftest import add

    pid = add("苏州恒瑞精密机械有限公司")
    make_ready(pid)
    return pid


def outbox(db: TestDb) -> list[tuple[Any, ...]]:
    return db.query("SELECT platform, report, day, part, parts, sent_at IS NOT NULL, attempts,"
                    " last_error, payload FROM notify_outbox ORDER BY id")


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for secret in (KEY, TOKEN, SECRET):
            assert secret not in text


# --- signing and splitting ----------------------------------------------------------------------


@pytest.mark.once
def test_dingtalk_signing_vector():
    # openssl: printf '1577262236757\nSEC…' | openssl dgst -sha256 -hmac SEC… -binary | base64
    assert service.sign("1577262236757", SECRET) == (
        "vE3aaVCovTvFH%2FIJx8uap0T4vkEH6XcGmceveR6C00E%3D")
    hook = service.Webhook("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=x",
                           SECRET)
    assert hook.signed_url(1577262236.757) == (
        "https://oapi.dingtalk.com/robot/send?access_token=x&timestamp=1577262236757"
        "&sign=vE3aaVCovTvFH%2FIJx8uap0T4vkEH6XcGmceveR6C00E%3D")
    assert SECRET not in repr(hook)


@pytest.mark.once
@pytest.mark.parametrize("platform", ["wecom", "dingtalk"])
def test_long_chinese_text_splits_under_the_byte_limit(platform):
    limit = markdown.LIMITS[platform]
    # Three bytes a character; a line that alone is longer than a message is cut too.
    lines = [f"- 第{i}行 苏州恒瑞精密机械有限公司需要分管领导关注" * 3 for i in range(900)]
    lines.insert(5, "长" * (limit // 2))
    lines.insert(9, "😀" * 2000)  # four bytes each
    texts = markdown.split("育林日报 2026-10-15", lines, platform)
    assert len(texts) > 1
    joiner = markdown.JOINERS[platform]
    body = []
    for number, text in enumerate(texts, start=1):
        assert len(text.encode("utf-8")) <= limit
        head, *rest = text.split(joiner)
        assert head == markdown.heading("育林日报 2026-10-15", number, len(texts))
        body += rest
    # Nothing lost, nothing cut inside a character: the pieces put together are the lines.
    assert "".join(body) == "".join(lines)
    assert {x for x in lines if len(x.encode()) < limit // 2} <= set(body)


# --- dry runs and golden payloads ---------------------------------------------------------------


def test_dry_run_prints_the_payloads_and_keeps_nothing(day, isolated, monkeypatch):
    monkeypatch.delenv("YULIN_WECOM_WEBHOOK", raising=False)
    before = row_counts(isolated)
    doc = ok("notify", "daily-report", "--to", "wecom", "--date", DAY, "--dry-run",
             "--json").json
    assert row_counts(isolated) == before
    assert doc["dry_run"] is True and doc["platform"] == "wecom"
    [message] = doc["messages"]
    assert message["status"] == "dry-run" and message["part"] == message["parts"] == 1
    assert message["payload"] == {"msgtype": "markdown", "markdown": {"content": "\n".join([
        "### Yulin daily report 2026-10-15 · all centres",
        "> quota: 2 quality customers a day each",
        "**Team**: quality 1 · visits 0 (0 effective) · points today 0 · 0 of 3 prospectors "
        "met the quota",
        "## People",
        "- **孙丽** (prospector): quality 0 · rounds 0 · visits 0 (0 effective) · today +0 · "
        "total 0",
        "- **刘洋** (visitor): quality 0 · rounds 0 · visits 0 (0 effective) · today +0 · "
        "total 0",
        "- **张伟** (visitor): quality 0 · rounds 0 · visits 0 (0 effective) · today +0 · "
        "total 0",
        '- **李娜** (prospector) <font color="warning">quota missed</font>: quality 1 · rounds 2'
        " · visits 0 (0 effective) · today +0 · total 0",
        "- **王强** (prospector): quality 0 · rounds 0 · visits 0 (0 effective) · today +0 · "
        "total 0",
        "- **赵敏** (manager, visitor): quality 0 · rounds 0 · visits 0 (0 effective) · today +0"
        " · total 0",
    ])}}
    assert message["bytes"] == len(message["payload"]["markdown"]["content"].encode())
    human = ok("notify", "daily-report", "--to", "wecom", "--date", DAY, "--dry-run")
    assert message["payload"]["markdown"]["content"] in human.stdout
    assert "not sent (dry run)" in human.stdout


def test_golden_dingtalk_payload_in_chinese(day, isolated):
    doc = ok("--lang", "zh", "notify", "汇总", "--to", "钉钉", "--date", DAY, "--from", DAY,
             "--dry-run", "--json").json
    [message] = doc["messages"]
    assert message["payload"] == {"msgtype": "markdown", "markdown": {
        "title": "育林汇总 2026-10-15 至 2026-10-15 · 全部中心",
        "text": "\n\n".join([
            "### 育林汇总 2026-10-15 至 2026-10-15 · 全部中心",
            "## 漏斗",
            "找到 **1** → 优质 **1** → 复核两轮 **1** → 可走访 **1** → 已走访 **0** → "
            "有效走访 **0** → 四、五星 **0**",
            "## 开拓人完成任务的天数",
            "- **孙丽**：0/0 天 · 优质 0",
            "- **李娜**：0/1 天 · 优质 1",
            "- **王强**：0/0 天 · 优质 0",
            "## 走访人",
            "- **刘洋**：走访 0（有效 0）",
            "- **张伟**：走访 0（有效 0）",
            "- **赵敏**：走访 0（有效 0）",
            "## 积分",
            "- 刘洋 +0", "- 孙丽 +0", "- 张伟 +0", "- 李娜 +0", "- 王强 +0", "- 赵敏 +0",
        ])}}


def test_bad_input_writes_nothing(day, isolated, monkeypatch):
    before = row_counts(isolated)
    monkeypatch.delenv("YULIN_WECOM_WEBHOOK", raising=False)
    result = run("notify", "attention", "--to", "wecom", "--date", DAY)
    assert_refused(result, 2)
    assert "YULIN_WECOM_WEBHOOK" in result.stderr
    monkeypatch.setenv("YULIN_DINGTALK_WEBHOOK", f"http://example.com/robot/send?access_token="
                                                 f"{TOKEN}")
    result = run("notify", "attention", "--to", "dingtalk", "--date", DAY)
    assert_refused(result, 2)
    assert_no_secret(result.stdout, result.stderr)
    assert_refused(run("notify", "daily-report", "--to", "wecom", "--from", DAY,
                       "--dry-run"), 2)
    assert_refused(run("notify", "daily-report", "--to", "telegram", "--dry-run"), 2)
    assert row_counts(isolated) == before


# --- sending ------------------------------------------------------------------------------------


def test_wecom_round_trip(day, isolated, robot, clock):
    result = ok("notify", "daily-report", "--to", "wecom", "--date", DAY)
    assert_no_secret(result.stdout, result.stderr)
    [request] = robot.requests
    assert request["path"] == f"/cgi-bin/webhook/send?key={KEY}"
    assert request["body"]["msgtype"] == "markdown"
    assert request["body"]["markdown"]["content"].startswith("### Yulin daily report 2026-10-15")
    [row] = outbox(isolated)
    assert row[:7] == ("wecom", "daily-report", DAY, 1, 1, True, 1)
    assert json.loads(row[8]) == request["body"]
    # The outbox never holds the address nor its key.
    assert_no_secret(*(str(v) for r in isolated.query("SELECT * FROM notify_outbox") for v in r))


def test_dingtalk_round_trip_is_signed(day, isolated, robot, clock):
    doc = ok("--lang", "zh", "notify", "attention", "--to", "dingtalk", "--date", DAY,
             "--json").json
    assert [m["status"] for m in doc["messages"]] == ["sent"]
    [request] = robot.requests
    url = urlsplit(request["path"])
    query = parse_qs(url.query)
    assert url.path == "/robot/send" and query["access_token"] == [TOKEN]
    assert query["timestamp"] == [str(int(clock.time * 1000))]
    assert service.sign(query["timestamp"][0], SECRET) == (
        request["path"].rsplit("sign=", 1)[1])
    body = request["body"]
    assert body["msgtype"] == "markdown"
    assert body["markdown"]["title"] == "待关注事项 2026-10-15 · 全部中心"
    assert body["markdown"]["text"].startswith("### 待关注事项 2026-10-15")


def test_errors_stay_in_the_outbox_and_go_out_next_run(day, isolated, robot, clock):
    # HTTP 200 is not success: the body's errcode decides.
    robot.answers = [(200, b'{"errcode":93000,"errmsg":"invalid webhook url"}')]
    result = run("notify", "daily-report", "--to", "wecom", "--date", DAY, "--json")
    assert result.exit_code == 1, result.stderr
    [message] = result.json["messages"]
    assert message["status"] == "pending" and "93000" in message["error"]
    [row] = outbox(isolated)
    assert row[5:8] == (False, 1, "errcode 93000: invalid webhook url")
    # An answer that is not JSON, or an HTTP error, is a failure too.
    clock.time += 5
    robot.answers = [(502, b"<html>bad gateway</html>")]
    result = run("notify", "daily-report", "--to", "wecom", "--date", DAY, "--json")
    assert result.exit_code == 1, result.stderr
    assert [m["status"] for m in result.json["messages"]] == ["pending"]  # kept in the outbox
    assert outbox(isolated)[0][5:8] == (False, 2, "HTTP 502: not JSON")
    assert len(outbox(isolated)) == 1  # the same message is not queued twice
    # The next run sends what waited first, then the new report; each once.
    clock.time += 5
    doc = ok("notify", "attention", "--to", "wecom", "--date", DAY, "--json").json
    assert [(m["report"], m["status"]) for m in doc["messages"]] == [
        ("daily-report", "sent"), ("attention", "sent")]
    assert [r[5] for r in outbox(isolated)] == [True, True]
    assert len(robot.requests) == 4
    # A 200 with errcode 0 after an HTTP error status: errcode decides, sent.
    robot.answers = [(500, b'{"errcode":0,"errmsg":"ok"}')]
    clock.time += 5
    assert ok("notify", "attention", "--to", "wecom", "--date", DAY, "--json").json[
        "messages"][0]["status"] == "sent"


def test_an_unreachable_robot_keeps_the_message(day, isolated, robot, clock, monkeypatch):
    robot.close()
    result = run("notify", "daily-report", "--to", "dingtalk", "--date", DAY, "--json")
    assert result.exit_code == 1
    assert result.json["messages"][0]["error"].startswith("no answer")
    assert_no_secret(result.stdout, result.stderr)
    assert outbox(isolated)[0][5] is False or outbox(isolated)[0][5] == 0


def test_at_most_twenty_messages_a_minute(day, isolated, robot, clock, monkeypatch):
    # A small limit splits the report into many messages: 25 parts, 20 a minute.
    monkeypatch.setitem(markdown.LIMITS, "wecom", 100)
    doc = ok("notify", "daily-report", "--to", "wecom", "--date", DAY, "--json").json
    sent = doc["messages"]
    assert len(sent) > 20 and all(m["status"] == "sent" for m in sent)
    assert all(m["bytes"] <= 100 for m in sent)
    assert len(robot.requests) == len(sent)
    assert len(clock.slept) == 1 and 59 < clock.slept[0] <= 60.01
    assert doc["waited_seconds"] == pytest.approx(clock.slept[0], abs=0.01)
    times = sorted(r[0] for r in isolated.query("SELECT tried_at FROM notify_outbox"))
    for first, last in zip(times, times[20:], strict=False):
        assert service._seconds(last) - service._seconds(first) >= 60
    # A second run within the minute counts the first run's sends (kept in the outbox).
    ok("notify", "daily-report", "--to", "wecom", "--date", DAY)
    assert len(clock.slept) >= 2
    assert len(robot.requests) == 2 * len(sent)
    times = sorted(r[0] for r in isolated.query("SELECT tried_at FROM notify_outbox"))
    assert len(times) == 2 * len(sent)
    for first, last in zip(times, times[20:], strict=False):
        assert service._seconds(last) - service._seconds(first) >= 60
