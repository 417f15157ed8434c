"""Outcomes benchmark (issue "One policy for the team"): how long re-deriving every stored
outcome (`doctor --recompute`) and replaying a year under a candidate policy (`policy simulate`)
take, as whole processes, each figure printed against its target.

    python bench/outcomes.py [--prospects 100000] [--visits 1000000] [--year-prospectors 50]

Builds, under a temporary directory:
- a big centre: PROSPECTS prospects and VISITS visits of every kind (planned ones with their
  plans, sweeps after them, upgrade visits), rounds, red-sea signals, fact changes, findings
  and answered inspections, spread over the campaign; its outcomes are then derived once by the
  library (``outcomes.service.reconcile_all``), so that `doctor --recompute` has the stored
  state a team's database has, and must find it clean;
- a year of a centre of YEAR_PROSPECTORS prospectors (two finds a working day each, two rounds
  each, a visit for most, about 100,000 recorded facts), simulated under a candidate that
  changes the sweep reward and the quota.

Prints a Markdown table and exits 1 when a target is missed. Never run by the test suite.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CITY, CENTER = "苏州", "苏州育林中心"
ITEMS = "1-5,2-2,2-3,2-4,2-5,2-8,2-9"
DISTRICTS = ("工业园区", "高新区", "吴中区", "相城区", "姑苏区")


def yulin(*args: str, db: Path) -> list[str]:
    return [sys.executable, "-m", "yulin_cli", "--db", str(db), "--lang", "en", *args]


def env() -> dict[str, str]:
    out = dict(os.environ)
    out["PYTHONPATH"] = str(ROOT / "src")
    out["YULIN_TODAY"] = "2026-12-31"
    out.pop("YULIN_POLICY", None)
    return out


def timed(cmd: list[str]) -> tuple[float, str, int]:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env(), capture_output=True, text=True)
    return time.perf_counter() - start, done.stdout, done.returncode


def working_days(first: dt.date, last: dt.date) -> list[str]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day.isoformat())
        day += dt.timedelta(days=1)
    return days


def build(db: Path, *, prospectors: int, visitors: int, prospects: int | None, visits: int | None,
          rnd: random.Random) -> dict[str, int]:
    """A centre's recorded facts, written as yulin would write them; then its outcomes
    derived once by the library. ``prospects``/``visits`` None: two finds a working day for
    each prospector over 2026, and a visit for four in five."""
    subprocess.run(yulin("center", "add", CENTER, "--city", CITY, db=db), env=env(), check=True,
                   capture_output=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous = OFF")
    staff = ([(f"开拓{i:03d}", "prospector") for i in range(prospectors)]
             + [(f"走访{i:03d}", "visitor") for i in range(visitors)]
             + [("经理", "manager,visitor")])
    conn.executemany("INSERT INTO staff (id, name, center_id, roles, industries, since)"
                     " VALUES (?, ?, 1, ?, '', '2026-01-01')",
                     [(i + 1, name, roles) for i, (name, roles) in enumerate(staff)])
    finders = list(range(1, prospectors + 1))
    visitor_ids = list(range(prospectors + 1, prospectors + visitors + 1))
    manager = len(staff)
    days = working_days(dt.date(2026, 1, 5), dt.date(2026, 12, 18))
    if prospects is None:
        found = [(f, d) for d in days for f in finders for _ in range(2)]
    else:
        found = [(rnd.choice(finders), rnd.choice(days)) for _ in range(prospects)]
    found.sort(key=lambda x: x[1])
    rows, rounds, signals, changes = [], [], [], []
    for pid, (finder, day) in enumerate(found, start=1):
        quality = rnd.random() < 0.8
        address = f"{rnd.choice(DISTRICTS)}星湖街 {pid} 号"
        employees, pcs = (150, 40) if quality else (60, 10)
        rows.append((pid, f"苏州{pid}号精密机械有限公司", f"{pid}号精密机械", CITY,
                     rnd.choice(DISTRICTS), address, employees, pcs, "周", day, finder,
                     rnd.choice([None, 80_000, 150_000, 250_000]),
                     rnd.choice(["explicit", "latent", None]), rnd.choice(["high", "flat", None])))
        for n, pretext in enumerate(("buyer", "applicant")):
            rounds.append((pid, finder, n + 2, pretext, day, address, employees, pcs))
        if rnd.random() < 0.03:
            signals.append((pid, rnd.choice(["cold", "excluded-us"]), day))
        if rnd.random() < 0.05:
            changes.append((pid, "pcs", str(pcs), str(pcs + 5), day, f"{day}T12:00:00", finder))
    conn.executemany(
        "INSERT INTO prospect (id, company, name_key, city, district, address, suburban,"
        " industry, ownership, employees, pcs, contact_surname, found_on, deal_value, need,"
        " yulin_interest, platform_interest, has_oa, erp_need, in_selection, existing_customer,"
        " sourced_by_id, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, '机械', 'private', ?, ?, ?, ?,"
        " ?, ?, ?, 0, 0, 0, 0, 0, ?, '2026-01-01T00:00:00')",
        [(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[11], r[12], r[13], r[10])
         for r in rows])
    conn.executemany(
        "INSERT INTO verification_round (prospect_id, staff_id, round_no, pretext, result,"
        " address_confirmed, scale_checked, day, address_seen, employees_seen, pcs_seen)"
        " VALUES (?, ?, ?, ?, 'confirmed', 1, 1, ?, ?, ?, ?)", rounds)
    conn.executemany("INSERT INTO redsea_signal (prospect_id, signal, day) VALUES (?, ?, ?)",
                     signals)
    conn.execute("UPDATE prospect SET in_selection = 1 WHERE id IN"
                 " (SELECT prospect_id FROM redsea_signal)")
    for pid, _field, _old, new, *_rest in changes:
        conn.execute("UPDATE prospect SET pcs = ? WHERE id = ?", (int(new), pid))
    conn.executemany("INSERT INTO prospect_change (prospect_id, field, old_value, new_value,"
                     " day, at, by_id) VALUES (?, ?, ?, ?, ?, ?, ?)", changes)
    count = visits if visits is not None else len(found) * 4 // 5
    visit_rows, plans, inspections = [], [], []
    for vid in range(1, count + 1):
        pid = rnd.randint(1, len(found))
        visitor = rnd.choice(visitor_ids)
        # On a working day after it was found (and verified): a visit never comes first.
        later = days[bisect.bisect_right(days, found[pid - 1][1]):] or days[-1:]
        day = rnd.choice(later)
        kind = rnd.choices(["planned", "sweep", "upgrade"], [80, 15, 5])[0]
        outcome = rnd.choices(["met", "substandard", "refused"], [88, 7, 5])[0]
        full = rnd.random() < 0.7
        visit_rows.append((vid, pid, visitor, day, kind, outcome, ITEMS if full else "2-2",
                           "landline,email" if full else "", f"{day}T10:00:00"))
        if kind == "planned":
            plans.append((pid, visitor, day, vid))
        if outcome == "substandard" and rnd.random() < 0.6 and day < "2026-12-01":
            inspections.append((vid, "finding", rnd.choice(["upheld", "overturned"]), manager,
                                day, f"{day}T18:00:00"))
    conn.executemany("INSERT INTO visit (id, prospect_id, staff_id, day, kind, outcome, items,"
                     " contacts, effective, failing_checks, recorded_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?)", visit_rows)
    conn.executemany("INSERT INTO planned_visit (prospect_id, visitor_id, day, visit_id)"
                     " VALUES (?, ?, ?, ?)", plans)
    conn.executemany("INSERT INTO inspection (visit_id, question, status, decided_by,"
                     " decided_on, decided_at, flags) VALUES (?, ?, ?, ?, ?, ?, '')", inspections)
    conn.commit()
    conn.close()
    from yulin_cli.db import open_db
    from yulin_cli.outcomes.service import reconcile_all
    from yulin_cli.policy import load_book

    db_ = open_db(str(db))
    with db_.write() as tx:
        reconcile_all(tx, load_book(tx))
    db_.close()
    facts = len(found) * 3 + count + len(plans) + len(signals) + len(changes)
    return {"prospects": len(found), "visits": count, "facts": facts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prospects", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--year-prospectors", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="Keep the databases.")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="yulin-outcomes-"))
    results: list[tuple[str, str, str, bool]] = []

    def note(what: str, measured: str, target: str, met: bool) -> None:
        results.append((what, measured, target, met))
        print(f"  {what}: {measured} ({target})", file=sys.stderr, flush=True)

    year = work / "year.db"
    start = time.perf_counter()
    size = build(year, prospectors=args.year_prospectors, visitors=args.year_prospectors // 2,
                 prospects=None, visits=None, rnd=random.Random(3))
    print(f"(built a year in {time.perf_counter() - start:.0f} s: {size})", file=sys.stderr)
    candidate = work / "candidate.toml"
    candidate.write_text("[points]\nsweep = 5\n[quota]\nper_day = 3\n", encoding="utf-8")
    seconds, out, code = timed(yulin("policy", "simulate", str(candidate), "--from",
                                     "2026-01-01", "--to", "2026-12-31", "--json", db=year))
    changed = sum(len(p["changes"]) for p in json.loads(out)["people"]) if code == 0 else -1
    note(f"policy simulate: a year of {args.year_prospectors} prospectors"
         f" ({size['facts']:,} recorded facts)", f"{seconds:.2f} s, {changed:,} changes",
         "<= 10 s", code == 0 and seconds <= 10)

    big = work / "centre.db"
    start = time.perf_counter()
    # Visitors enough for a working day's load (about 7 visits each), as a centre this size has.
    visitors = max(80, args.visits // (len(working_days(dt.date(2026, 1, 5),
                                                       dt.date(2026, 12, 18))) * 7))
    size = build(big, prospectors=100, visitors=visitors, prospects=args.prospects,
                 visits=args.visits, rnd=random.Random(7))
    print(f"(built the centre in {time.perf_counter() - start:.0f} s: {size})", file=sys.stderr)
    seconds, out, code = timed(yulin("doctor", "--recompute", "--json", db=big))
    found = len(json.loads(out).get("differences", [])) if out else -1
    note(f"doctor --recompute at {size['prospects']:,} prospects, {size['visits']:,} visits",
         f"{seconds:.1f} s, {found} differences", "<= 60 s, clean",
         code == 0 and found == 0 and seconds <= 60)

    load = os.getloadavg()
    print(f"\n{os.cpu_count()} cores; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print("| what | measured | target | met |")
    print("|---|---|---|---|")
    for what, measured, target, met in results:
        print(f"| {what} | {measured} | {target} | {'yes' if met else 'NO'} |")
    if args.keep:
        print(f"(kept {work})", file=sys.stderr)
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(met for *_, met in results) else 1


if __name__ == "__main__":
    sys.exit(main())
