"""Every test runs the real CLI against its own database, in English, 80 columns, no colour."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from yulin_cli.cli import app
from yulin_cli.i18n import set_lang


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "yulin.db"
    monkeypatch.setenv("YULIN_DB", str(db))
    monkeypatch.setenv("YULIN_LANG", "en")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("YULIN_POLICY", raising=False)
    monkeypatch.delenv("YULIN_TODAY", raising=False)
    monkeypatch.chdir(tmp_path)
    set_lang("en")  # the language is process-wide; a --lang zh run must not leak
    return db


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def json(self):
        return json.loads(self.stdout)


def run(*args: str) -> Result:
    result = CliRunner().invoke(app, [str(a) for a in args])
    # A user's mistake never ends in a traceback; a bug should fail the test loudly.
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr, result.exception)


def ok(*args: str) -> Result:
    result = run(*args)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result


def ok_json(*args: str):
    return ok(*args, "--json").json


def row_counts(db: Path) -> dict[str, int]:
    """Rows per table: the evidence that a refused command wrote nothing."""
    if not db.exists():
        return {}
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def assert_refused(result: Result, code: int) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, "a refusal explains itself on stderr"
    assert len(lines) == 1 or code == 2 and lines[-1].startswith("Error:"), result.stderr


@pytest.fixture
def team() -> dict[str, str]:
    """A centre in 苏州 with two prospectors, two visitors and a manager."""
    ok("center", "add", "苏州育林中心", "--city", "苏州")
    ok("center", "add", "南京育林中心", "--city", "南京")
    for name, roles in (("李娜", ["prospector"]), ("王强", ["prospector"]),
                        ("张伟", ["visitor"]), ("刘洋", ["visitor"]),
                        ("赵敏", ["manager", "visitor"])):
        args = ["staff", "add", name, "--center", "苏州育林中心"]
        for role in roles:
            args += ["--role", role]
        ok(*args)
    ok("staff", "add", "孙丽", "--center", "南京育林中心", "--role", "prospector")
    return {"center": "苏州育林中心", "city": "苏州"}


def add(company: str = "苏州恒瑞精密机械有限公司", *extra: str, by: str = "李娜",
        found_on: str = "2026-10-15") -> int:
    """Adds a prospect (quality scale by default) and returns its id."""
    args = ["add-prospect", "--company", company, "--city", "苏州", "--sourced-by", by,
            "--found-on", found_on]
    if "--employees" not in extra:
        args += ["--employees", "150", "--pcs", "40"]
    return ok_json(*args, *extra)["id"]


def make_ready(pid: int, by: str = "李娜") -> None:
    """Everything check-visit asks for: two rounds, two pretexts, address and scale, contact."""
    ok("update-prospect", pid, "--address", "工业园区星湖街 218 号", "--contact-surname", "周")
    ok("verify", pid, "--by", by, "--pretext", "buyer", "--result", "confirmed", "--address",
       "--date", "2026-10-15")
    ok("verify", pid, "--by", by, "--pretext", "applicant", "--result", "confirmed", "--scale",
       "--date", "2026-10-15")


ALL_ITEMS = "1-5,2-2,2-3,2-4,2-5,2-8,2-9"
