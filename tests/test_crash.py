"""An import killed with SIGKILL leaves the database as before it or as after it, never between.

The kills land at exact points, whatever the machine's load: the import pauses there (the test
hook ``YULIN_TEST_PAUSE`` in ``db.pause_point``), says so by creating a file, and is killed
while it waits: half-way through its rows, just before its commit, and just after it.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ok, ok_json

ROWS = 4000  # two batches, so "half-way" has rows written and rows still to come
POINTS = {"import-batch": "before", "before-commit": "before", "after-commit": "after"}

pytestmark = pytest.mark.slow


def _wait_for(path, proc, limit: float = 300.0) -> None:
    """Until the import reaches its pause point; it never times out on a slow machine short of
    ``limit``, and fails at once if the import ended instead."""
    deadline = time.monotonic() + limit
    while not path.exists():
        assert proc.poll() is None, "the import ended before its pause point"
        assert time.monotonic() < deadline, "the import never reached its pause point"
        time.sleep(0.02)


def test_killed_import_is_all_or_nothing(team, isolated, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["company", "city", "sourced_by", "employees", "pcs", "landline"])
        for i in range(ROWS):
            writer.writerow([f"苏州崩溃测试{i:05d}号公司", "苏州", "李娜", 150, 40,
                             f"0512-6{i:07d}"])
    command = [sys.executable, "-m", "yulin_cli", "import", str(path), "--force", "--json"]
    for trial, (point, expected) in enumerate([*POINTS.items(), *POINTS.items()]):
        marker = tmp_path / f"paused-{trial}"
        env = {**os.environ, "YULIN_TEST_PAUSE": point, "YULIN_TEST_PAUSE_FILE": str(marker)}
        before = isolated.counts()["prospect"]
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            _wait_for(marker, proc)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        after = isolated.counts()["prospect"]
        assert after == (before if expected == "before" else before + ROWS), (point, before, after)
        if isolated.is_sqlite:
            assert isolated.query("PRAGMA integrity_check") == [("ok",)]
            assert isolated.query("PRAGMA foreign_key_check") == []
    assert ok("doctor").exit_code == 0


@pytest.mark.parametrize(("point", "saved"), [("before-commit", False), ("after-commit", True)])
def test_ctrl_c_says_whether_the_change_was_saved(isolated, tmp_path, point, saved):
    """Ctrl-C just before a commit: nothing written. Just after it: the change stands, and
    the message says so instead of claiming nothing was written (both exit 130)."""
    target = isolated.fresh()
    ok("--db", target, "center", "add", "苏州育林中心", "--city", "苏州")
    marker = tmp_path / f"paused-{point}"
    env = {**os.environ, "YULIN_LANG": "en", "YULIN_TEST_PAUSE": point,
           "YULIN_TEST_PAUSE_FILE": str(marker)}
    proc = subprocess.Popen([sys.executable, "-m", "yulin_cli", "--db", target, "staff", "add",
                             "李娜", "--center", "苏州育林中心", "--role", "prospector"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, (out, err)
    assert ("saved" in err) is saved and ("nothing written" in err) is not saved, err
    names = [s["name"] for s in ok_json("--db", target, "staff", "list")]
    assert ("李娜" in names) is saved
