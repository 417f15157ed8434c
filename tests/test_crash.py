"""An import killed with SIGKILL at random moments leaves the database before or after it."""

from __future__ import annotations

import csv
import random
import signal
import subprocess
import sys
import time

from conftest import ok

ROWS = 4000


def test_killed_import_is_all_or_nothing(team, isolated, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["company", "city", "sourced_by", "employees", "pcs", "landline"])
        for i in range(ROWS):
            writer.writerow([f"苏州崩溃测试{i:05d}号公司", "苏州", "李娜", 150, 40,
                             f"0512-6{i:07d}"])
    command = [sys.executable, "-m", "yulin_cli", "import", str(path), "--force", "--json"]
    # How long one import takes here, so kills land before, during and after the write.
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    full = time.perf_counter() - start
    rnd = random.Random(11)
    outcomes = {"before": 0, "after": 0}
    for _trial in range(12):
        before = isolated.counts()["prospect"]
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.2, 1.1) * full)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = isolated.counts()["prospect"]
        assert after in (before, before + ROWS), (before, after)
        outcomes["after" if after > before else "before"] += 1
        if isolated.is_sqlite:
            assert isolated.query("PRAGMA integrity_check") == [("ok",)]
            assert isolated.query("PRAGMA foreign_key_check") == []
    # The kills really did land both sides of the commit.
    assert outcomes["before"] >= 2 and outcomes["after"] >= 1, outcomes
    assert ok("doctor").exit_code == 0
