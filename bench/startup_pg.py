"""Start-up on PostgreSQL: whole `yulin` processes against the floor of any PostgreSQL client,
`python -c "import psycopg; psycopg.connect(URL).close()"`, and against the same commands on
SQLite.

Target (issue 12): a read command on PostgreSQL within 1.5x of that floor. Each command runs
REPEAT times after a warm-up; the median counts. The server is given by an admin URL; the
benchmark makes its own database there, loads the demo team and drops it at the end.

    python bench/startup_pg.py --url postgresql+psycopg://postgres:PW@127.0.0.1:54330/postgres

Exits 1 if the target is missed. Not a test: timing belongs here, not in the suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from startup import median_seconds, yulin_cmd  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("YULIN_BENCH_PG_URL"),
                        help="an admin URL of the server (or YULIN_BENCH_PG_URL)")
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    if not args.url:
        parser.error("give --url or YULIN_BENCH_PG_URL")
    import psycopg

    admin = args.url.replace("postgresql+psycopg://", "postgresql://")
    name = f"yulin_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _slash, _db = args.url.rpartition("/")
    target = f"{base}/{name}" + (("?" + _db.split("?", 1)[1]) if "?" in _db else "")
    work = Path(tempfile.mkdtemp(prefix="yulin-bench-pg-"))
    env = {**os.environ, "YULIN_LANG": "en", "COLUMNS": "80"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    yulin = yulin_cmd()
    try:
        pg = {**env, "YULIN_DB": target}
        lite = {**env, "YULIN_DB": str(work / "bench.db")}
        for where in (pg, lite):
            subprocess.run([*yulin, "demo", "--json"], env=where, capture_output=True, check=True)
        floor_url = target.replace("postgresql+psycopg://", "postgresql://")
        floor = median_seconds([sys.executable, "-c", "import psycopg; psycopg.connect("
                                f"{floor_url!r}).close()"], args.repeat, env)
        print(f"{'command':32} {'PostgreSQL':>11} {'x floor':>8} {'SQLite':>9} {'target':>8}")
        print(f"{'psycopg.connect (the floor)':32} {floor * 1000:9.1f}ms {1.0:8.2f}")
        missed = 0
        for label, cmd, target_ratio in (
            ("yulin check-visit 1 --json", ["check-visit", "1", "--json"], 1.5),
            ("yulin staff list --json", ["staff", "list", "--json"], 1.5),
            ("yulin rate 1", ["rate", "1"], None),
            ("yulin daily-report --json", ["daily-report", "--date", "2026-10-15", "--json"],
             None),
        ):
            on_pg = median_seconds([*yulin, *cmd], args.repeat, pg)
            on_lite = median_seconds([*yulin, *cmd], args.repeat, lite)
            ratio = on_pg / floor
            verdict = ""
            if target_ratio is not None:
                verdict = f"{target_ratio:4.1f}x " + ("ok" if ratio <= target_ratio else "MISSED")
                missed += ratio > target_ratio
            print(f"{label:32} {on_pg * 1000:9.1f}ms {ratio:8.2f} {on_lite * 1000:7.1f}ms "
                  f"{verdict}")
        return 1 if missed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
