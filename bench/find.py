"""`yulin find` at team scale (issue 22): a prospector checks a phone, a credit code, a part of a
name or its pinyin initials before calling, on a centre of 100,000 prospects, against the same
command on an empty centre, as whole processes.

    python bench/find.py [--prospects 100000] [--visits 200000] [--repeat 7]

The centre is ``scale.build_centre``'s (deterministic, written straight into a migrated SQLite
file). Each look-up runs alternately with its empty-centre twin (``scale.paired``). Prints a
Markdown table; exits 1 when one takes more than 1.5x its empty-centre time. Never run by the
test suite: timing belongs here.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
from pathlib import Path

import scale  # bench/ is on the path when run
from scale import paired

TARGET = 1.5


def build(db: Path, prospects: int, visits: int, staff: int, rnd: random.Random) -> None:
    """``scale.Centre``'s prospects (realistic names, phones in every spelling, duplicates and
    look-alikes), with rounds and visits for their last activity."""
    import subprocess

    subprocess.run(scale.yulin("center", "add", scale.CENTER, "--city", scale.CITY, db=db),
                   env=scale.env(), check=True, capture_output=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous = OFF")
    conn.executemany("INSERT INTO staff (id, name, center_id, roles, industries)"
                     " VALUES (?, ?, 1, 'prospector,visitor', '')",
                     [(i + 1, f"员工{i + 1:03d}") for i in range(staff)])
    rows = scale.Centre(rnd, prospects, list(range(1, staff + 1))).rows
    conn.executemany(
        "INSERT INTO prospect (id, company, name_key, city, district, address, suburban, industry,"
        " ownership, employees, pcs, contact_surname, landline, found_on, deal_value, need,"
        " yulin_interest, platform_interest, has_oa, erp_need, in_selection, existing_customer,"
        " sourced_by_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'private', ?, ?, ?, ?, ?, ?,"
        " ?, ?, 0, 0, 0, 0, 0, ?, '2026-01-01T00:00:00')", rows)
    days = [f"2026-{m:02d}-{d:02d}" for m in range(1, 11) for d in range(1, 29)]
    conn.executemany(
        "INSERT INTO visit (prospect_id, staff_id, day, kind, outcome, items, contacts,"
        " effective, failing_checks) VALUES (?, ?, ?, 'planned', 'met', '', '', 0, '')",
        [(rnd.randint(1, prospects), rnd.randint(1, staff), rnd.choice(days))
         for _ in range(visits)])
    conn.commit()
    conn.execute("PRAGMA optimize")
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prospects", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=200_000)
    parser.add_argument("--staff", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big.db", Path(tmp) / "small.db"
        build(big, args.prospects, args.visits, args.staff, random.Random(22))
        scale.empty_team(small, [f"员工{i + 1:03d}" for i in range(args.staff)])
        conn = sqlite3.connect(big)
        company, landline = conn.execute(
            "SELECT company, landline FROM prospect WHERE landline IS NOT NULL"
            " ORDER BY id LIMIT 1 OFFSET 4321").fetchone()
        conn.close()
        local = landline[5:]  # +86512 dropped: the local number as typed on a call
        cases = [("phone, local spelling", local),
                 ("phone, dashed", f"0512-{local[:4]} {local[4:]}"),
                 ("part of a name", company[2:5]),
                 ("pinyin initials", "hrjm"),
                 ("credit code", "91320594731796312" + "6")]
        rows, missed = [], False
        for label, text in cases:
            a, b = paired(scale.yulin("find", text, "--json", db=big),
                          scale.yulin("find", text, "--json", db=small), args.repeat)
            ratio = a / b
            missed |= ratio > TARGET
            rows.append(f"| find: {label} | {a * 1000:.0f} ms | {b * 1000:.0f} ms | "
                        f"{ratio:.2f}x | {'ok' if ratio <= TARGET else 'MISSED'} |")
    print(f"| {args.prospects:,} prospects | centre | empty | ratio | <= {TARGET}x |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
