"""Start-up benchmark: whole `yulin` processes against a bare `python -c pass`.

Targets (issue 13): `yulin --help` within 8x and `yulin check-visit ID` within 15x the start-up
of a bare interpreter, with bytecode cached as an installed package has it. Each command runs
REPEAT times after a warm-up (which also writes the bytecode), alternating with a bare
interpreter; the ratio of the two medians counts. It also
checks what each run loads: `--help` never imports Rich, and no command here imports Pydantic,
SQLAlchemy or Alembic (they load only for the commands that need them).

    python bench/startup.py [--repeat 21]

Completion (issue 10): Typer's completion options must cost start-up nothing when not
completing. The same commands run through a driver that builds the app with and without
``add_completion``; the medians must stay within 5% of each other.

Exits 1 if a target is missed. Not a test: timing belongs here, not in the suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Runs yulin as its console script does, then names the top-level packages it imported.
PROBE = ("import atexit, sys\n"
         "atexit.register(lambda: sys.stderr.write('MODULES ' + ' '.join(sorted("
         "{m.split('.')[0] for m in sys.modules})) + '\\n'))\n"
         "sys.argv = ['yulin', *sys.argv[1:]]\n"
         "from yulin_cli.app import main\n"
         "main()\n")
HEAVY = ("pydantic", "sqlalchemy", "alembic", "sqlmodel")


def yulin_cmd() -> list[str]:
    exe = shutil.which("yulin", path=str(Path(sys.executable).parent)) or shutil.which("yulin")
    return [exe] if exe else [sys.executable, "-m", "yulin_cli"]


def paired_seconds(cmd: list[str], bare: list[str], repeat: int,
                   env: dict[str, str]) -> tuple[float, float]:
    """Medians of ``cmd`` and of a bare interpreter run alternately, so that a machine busy
    with other work slows both alike and their ratio holds."""
    for warm in (cmd, bare):
        subprocess.run(warm, env=env, capture_output=True, check=False)
    ours, theirs = [], []
    for _ in range(repeat):
        for target, samples in ((cmd, ours), (bare, theirs)):
            start = time.perf_counter()
            subprocess.run(target, env=env, capture_output=True, check=False)
            samples.append(time.perf_counter() - start)
    return statistics.median(ours), statistics.median(theirs)


def median_seconds(cmd: list[str], repeat: int, env: dict[str, str]) -> float:
    subprocess.run(cmd, env=env, capture_output=True, check=False)  # warm up, write bytecode
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def loaded(args: list[str], env: dict[str, str]) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True,
                          text=True, check=False)
    line = next((x for x in proc.stderr.splitlines() if x.startswith("MODULES ")), "MODULES")
    return set(line.split()[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="yulin-bench-"))
    env = {**os.environ, "YULIN_DB": str(work / "bench.db"), "YULIN_LANG": "en",
           "YULIN_TODAY": "2026-10-16", "COLUMNS": "80"}
    # Measure what a user runs: Python caching compiled modules, as it does by default (pip
    # compiles an installed package; an editable one is compiled on first import).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    yulin = yulin_cmd()
    subprocess.run([*yulin, "demo", "--json"], env=env, capture_output=True, check=True)
    bare = median_seconds([sys.executable, "-c", "pass"], args.repeat, env)
    rows = [
        ("yulin --help", ["--help"], 8.0, ("rich", *HEAVY)),
        ("yulin check-visit 1", ["check-visit", "1"], 15.0, HEAVY),
        ("yulin check-visit 1 --json", ["check-visit", "1", "--json"], 15.0, HEAVY),
        ("yulin rate 1", ["rate", "1"], None, HEAVY),
        ("yulin show 1 --json", ["show", "1", "--json"], None, HEAVY),
        ("yulin daily-report --json", ["daily-report", "--date", "2026-10-15", "--json"],
         None, HEAVY),
    ]
    # Writing commands (issue 21): at most 15x, as check-visit. Each run writes a little; the
    # demo database absorbs a few hundred rows without changing the figures.
    rows += [
        ("yulin add-prospect", ["add-prospect", "--company", "苏州基准测速有限公司", "--city",
                                "苏州", "--sourced-by", "李娜", "--force"], 15.0, HEAVY),
        ("yulin update-prospect", ["update-prospect", "2", "--address", "星湖街 1 号"], 15.0, HEAVY),
        ("yulin verify", ["verify", "2", "--by", "李娜", "--pretext", "buyer", "--result",
                          "confirmed", "--date", "2026-10-15"], 15.0, HEAVY),
        ("yulin plan-visit", ["plan-visit", "1", "--visitor", "张伟", "--date", "2026-10-20"],
         15.0, HEAVY),
        ("yulin log-visit", ["log-visit", "2", "--by", "张伟", "--outcome", "met", "--date",
                             "2026-10-15"], 15.0, HEAVY),
        ("yulin redsea", ["redsea", "2", "--cold", "--by", "张伟", "--date", "2026-10-15"],
         15.0, HEAVY),
        ("yulin void", ["void", "visit", "1", "--by", "赵敏", "--reason", "bench"], 15.0, HEAVY),
    ]
    print(f"{'command':32} {'median':>9} {'x bare':>7} {'target':>7}  loads none of")
    print(f"{'python -c pass':32} {bare * 1000:7.1f}ms {1.0:7.1f}")
    missed = 0
    for label, cmd, target, banned in rows:
        seconds, alongside = paired_seconds([*yulin, *cmd], [sys.executable, "-c", "pass"],
                                            args.repeat, env)
        ratio = seconds / alongside
        verdict = ""
        if target is not None:
            verdict = f"{target:5.0f}x " + ("ok" if ratio <= target else "MISSED")
            missed += ratio > target
        found = sorted(loaded(cmd, env) & set(banned))
        modules = ", ".join(banned) + (f": LOADED {', '.join(found)}" if found else ": ok")
        missed += bool(found)
        print(f"{label:32} {seconds * 1000:7.1f}ms {ratio:7.1f} {verdict:10} {modules}")
    missed += new_database(args.repeat, env, yulin, work)
    missed += completion_cost(args.repeat, env)
    load = os.getloadavg()
    print(f"({os.cpu_count()} cores; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if missed else 0


def new_database(repeat: int, env: dict[str, str], yulin: list[str], work: Path) -> int:
    """A new database's first command (issue 21): at most 0.5 s, schema made at its head."""
    samples = []
    for i in range(repeat):
        target = work / f"new{i}.db"
        start = time.perf_counter()
        subprocess.run([*yulin, "center", "add", "基准中心", "--city", "苏州"],
                       env={**env, "YULIN_DB": str(target)}, capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    seconds = statistics.median(samples)
    ok = seconds <= 0.5
    print(f"{'first command on a new database':32} {seconds * 1000:7.1f}ms {'':7} {'0.5 s':>6} "
          + ("ok" if ok else "MISSED"))
    return 0 if ok else 1


# Runs yulin's entry point with Typer's add_completion forced on or off.
DRIVER = """
import sys, typer
completion = sys.argv.pop(1) == "on"
init = typer.Typer.__init__
def patched(self, *a, **k):
    k["add_completion"] = completion and k.get("add_completion", True)
    init(self, *a, **k)
typer.Typer.__init__ = patched
from yulin_cli.app import main
sys.argv[0] = "yulin"
main()
"""


def completion_cost(repeat: int, env: dict[str, str]) -> int:
    """Start-up with completion against without it, alternated so drift hits both alike."""
    print(f"\n{'with completion vs without':32} {'on':>9} {'off':>9} {'cost':>7} target 5%")
    missed = 0
    for label, argv in (("check-visit 1", ["check-visit", "1"]), ("--help", ["--help"])):
        on_cmd = [sys.executable, "-c", DRIVER, "on", *argv]
        off_cmd = [sys.executable, "-c", DRIVER, "off", *argv]
        # Run by run, alternately: this machine's speed drifts by a fifth over seconds, and
        # blocks of runs took that drift for a cost (+15% in one run, -17% in the next).
        m_on, m_off = paired_seconds(on_cmd, off_cmd, 3 * repeat, env)
        cost = m_on / m_off - 1
        ok = cost <= 0.05
        missed += not ok
        print(f"{label:32} {m_on * 1000:7.1f}ms {m_off * 1000:7.1f}ms {cost:+7.1%} "
              + ("ok" if ok else "MISSED"))
    return missed


if __name__ == "__main__":
    sys.exit(main())
