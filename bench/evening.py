"""The evening and the morning at team scale: `daily-report --json`, `attention --json`,
`agenda --json` and `summary --json` on a centre of 100,000 prospects and 1,000,000 visits,
each against the same command on a team with no data, as whole processes.

    python bench/evening.py [--prospects 100000] [--visits 1000000] [--staff 200]

The centre is written straight into a migrated SQLite file (deterministic): prospects with
two confirmed rounds each, visits over the year (2% substandard, half of those awaiting
inspection), points and notices, and planned visits on the report's next working day. Each
command runs alternately with its empty-team twin (``scale.paired``). Prints a Markdown table;
exits 1 when a command takes more than 1.5x its empty-team time.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import scale  # the same way of running and timing yulin (bench/ is on the path when run)
from scale import env, paired

DAY, TOMORROW = "2026-10-16", "2026-10-19"  # a Friday, and the Monday after
CITY, CENTER = "苏州", "苏州育林中心"
DISTRICTS = ("工业园区", "高新区", "吴中区", "相城区", "姑苏区", "吴江区", "常熟", "张家港")


def yulin(db: Path, *args: str) -> list[str]:
    return scale.yulin(*args, db=db)


def team(db: Path, staff: int) -> tuple[list[int], list[int]]:
    subprocess.run(yulin(db, "center", "add", CENTER, "--city", CITY), env=env(), check=True,
                   capture_output=True)
    roles = ["prospector"] * (staff // 2) + ["visitor"] * (staff * 2 // 5)
    roles += ["manager,visitor"] * (staff - len(roles))
    conn = sqlite3.connect(db)
    conn.executemany("INSERT INTO staff (id, name, center_id, roles, industries)"
                     " VALUES (?, ?, 1, ?, '')",
                     [(i + 1, f"员工{i + 1:03d}", r) for i, r in enumerate(roles)])
    conn.commit()
    conn.close()
    return ([i + 1 for i, r in enumerate(roles) if r == "prospector"],
            [i + 1 for i, r in enumerate(roles) if "visitor" in r])


def centre(db: Path, prospects: int, visits: int, staff: int, rnd: random.Random) -> None:
    prospectors, visitors = team(db, staff)
    days = [f"2026-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29)]
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous = OFF")
    rows = []
    for pid in range(1, prospects + 1):
        rows.append((pid, f"苏州测试{pid:06d}号机械有限公司", f"测试{pid:06d}号机械", CITY,
                     rnd.choice(DISTRICTS), f"{rnd.choice(DISTRICTS)}某路 {pid} 号",
                     rnd.randint(20, 900), rnd.randint(5, 300), rnd.choice("王李张刘陈"),
                     f"+86512{pid:08d}", rnd.choice(days), rnd.randint(1, 40) * 10_000,
                     rnd.choice(("explicit", "latent", "none")),
                     rnd.choice(("high", "flat", "none")), rnd.choice(prospectors)))
    conn.executemany(
        "INSERT INTO prospect (id, company, name_key, city, district, suburban, address,"
        " ownership, employees, pcs, contact_surname, landline, found_on, deal_value, need,"
        " yulin_interest, platform_interest, has_oa, erp_need, in_selection, existing_customer,"
        " sourced_by_id, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, 'private', ?, ?, ?, ?, ?, ?,"
        " ?, ?, 0, 0, 0, 0, 0, ?, '2026-01-01T00:00:00')", rows)
    conn.executemany(
        "INSERT INTO verification_round (prospect_id, staff_id, round_no, pretext, result,"
        " address_confirmed, scale_checked, day, address_seen, employees_seen, pcs_seen)"
        " VALUES (?, ?, ?, ?, 'confirmed', 1, 1, ?, ?, ?, ?)",
        ((r[0], r[-1], n + 2, ("buyer", "applicant")[n], r[10], r[5], r[6], r[7])
         for r in rows for n in range(2)))
    visit_rows, flags, points, notices, inspections = [], [], [], [], []
    for vid in range(1, visits + 1):
        pid, who, day = rnd.randint(1, prospects), rnd.choice(visitors), rnd.choice(days)
        bad = rnd.random() < 0.02
        effective = not bad and rnd.random() < 0.7
        visit_rows.append((vid, pid, who, day, "substandard" if bad else "met", effective))
        if bad:
            source = rows[pid - 1][-1]
            points.append((source, day, -5, "substandard", pid, vid))
            notices.append((source, day, "criticism", -5, "substandard", pid, vid))
            if not effective:
                flags.append((vid, "inspect"))
                inspections.append((vid, "open"))
    conn.executemany(
        "INSERT INTO visit (id, prospect_id, staff_id, day, kind, outcome, items, contacts,"
        " effective, failing_checks) VALUES (?, ?, ?, ?, 'planned', ?, '', '', ?, '')",
        visit_rows)
    conn.executemany("INSERT INTO visit_flag (visit_id, flag) VALUES (?, ?)", flags)
    conn.executemany("INSERT INTO points_entry (staff_id, day, delta, rule, prospect_id,"
                     " visit_id) VALUES (?, ?, ?, ?, ?, ?)", points)
    conn.executemany("INSERT INTO notice (staff_id, day, kind, delta, rule, prospect_id,"
                     " visit_id) VALUES (?, ?, ?, ?, ?, ?, ?)", notices)
    conn.executemany("INSERT INTO inspection (visit_id, status) VALUES (?, ?)", inspections)
    # Every visitor has six visits planned on each working day of the report's week and the
    # next, tomorrow's among them.
    plans = [(rnd.randint(1, prospects), v, day) for v in visitors
             for day in ("2026-10-12", "2026-10-13", "2026-10-14", "2026-10-15", DAY, TOMORROW)
             for _ in range(6)]
    conn.executemany("INSERT INTO planned_visit (prospect_id, visitor_id, day) VALUES (?, ?, ?)",
                     plans)
    conn.commit()
    conn.execute("PRAGMA optimize")
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prospects", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--staff", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="Build in DIR and keep the databases.")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="yulin-evening-"))
    work.mkdir(parents=True, exist_ok=True)
    big, empty = work / "centre.db", work / "empty.db"
    start = time.perf_counter()
    if not big.exists():
        centre(big, args.prospects, args.visits, args.staff, random.Random(11))
        team(empty, args.staff)
    print(f"(built the centre in {time.perf_counter() - start:.0f} s)", file=sys.stderr)
    visitor = f"员工{args.staff // 2 + 1:03d}"
    commands = {
        "daily-report --json": ["daily-report", "--date", DAY, "--json"],
        "attention --json": ["attention", "--date", DAY, "--json"],
        "agenda --json": ["agenda", "--visitor", visitor, "--date", TOMORROW, "--json"],
        "summary --json (one month)": ["summary", "--from", "2026-10-01", "--to", "2026-10-31",
                                       "--json"],
    }
    print("| command | centre | empty team | ratio | within 1.5x |")
    print("|---|---|---|---|---|")
    ok = True
    for label, cmd in commands.items():
        full, bare = paired(yulin(big, *cmd), yulin(empty, *cmd), args.repeat)
        within = full <= 1.5 * bare
        ok &= within
        print(f"| {label} | {full * 1000:.0f} ms | {bare * 1000:.0f} ms | {full / bare:.2f}x |"
              f" {'yes' if within else 'NO'} |")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
