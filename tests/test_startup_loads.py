"""Start-up spends nothing a command does not need: `--help` loads no Rich, and reading
commands load no Pydantic, SQLAlchemy or Alembic (their time is measured by bench/startup.py;
what they load is checked here, which no machine's load can change)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import add, make_ready

pytestmark = pytest.mark.once  # a SQLite file, as a user's laptop has

# The probe bench/startup.py runs (yulin as its console script runs, then the top-level
# packages it imported), one definition for both.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from startup import HEAVY as _HEAVY  # noqa: E402
from startup import PROBE  # noqa: E402

HEAVY = set(_HEAVY)


def loaded(*args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          env=os.environ.copy(), check=False)
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


def test_help_loads_no_rich():
    assert not loaded("--help") & ({"rich"} | HEAVY)
    assert not loaded("--lang", "zh", "--help") & ({"rich"} | HEAVY)


@pytest.mark.parametrize("args", [
    ("check-visit", "1"), ("check-visit", "1", "--json"), ("rate", "1"), ("show", "1", "--json"),
    ("daily-report", "--date", "2026-10-15", "--json"), ("list",), ("notices",),
])
def test_reading_commands_load_no_model_or_orm(team, args):
    pid = add()
    make_ready(pid)
    assert not loaded(*args) & HEAVY, args
