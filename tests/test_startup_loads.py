"""Start-up spends nothing a command does not need: `--help` loads no Rich, nor does a writing
command's answer in words, and reading commands load no Pydantic, SQLAlchemy or Alembic
(their time is measured by bench/startup.py; what they load is checked here, which no
machine's load can change)."""

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


def loaded(*args: str, exit_code: int | None = None) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          env=os.environ.copy(), check=False)
    if exit_code is not None:
        assert proc.returncode == exit_code, (args, proc.stdout, proc.stderr)
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


def test_plain_writes_load_no_model_or_orm(team):
    """Issue 21: a writing command whose options are plain reads them through ``forms``'
    quick paths; a wrong one loads Pydantic to word its error."""
    pid = add()
    make_ready(pid)
    for args in (
        ("add-prospect", "--company", "苏州乙公司", "--city", "苏州", "--sourced-by", "李娜",
         "--employees", "300人", "--mobile", "13812345678", "--deal-value", "15万"),
        ("update-prospect", str(pid), "--address", "星湖街 1 号", "--pcs", "四十"),
        ("verify", str(pid), "--by", "王强", "--pretext", "buyer", "--result", "confirmed",
         "--date", "10/16"),
        ("plan-visit", str(pid), "--visitor", "张伟", "--date", "2026-10-20"),
        ("log-visit", str(pid), "--by", "张伟", "--outcome", "met", "--date", "2026-10-20",
         "--items", "1-5,2-2", "--found-employees", "160"),
        ("redsea", str(pid), "--cold", "--by", "张伟", "--date", "2026-10-20"),
        ("void", "visit", "1", "--by", "赵敏", "--reason", "typo"),
    ):
        # Their answers are words: printed without Rich (tests/test_render.py: as Rich would).
        assert not loaded(*args, exit_code=0) & (HEAVY | {"rich"}), args
    assert "rich" in loaded("check-visit", str(pid))  # a table still draws with Rich
    assert "pydantic" in loaded("verify", str(pid), "--by", " ", "--pretext", "buyer",
                                "--result", "confirmed", exit_code=2)
