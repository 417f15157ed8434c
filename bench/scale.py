"""Team-scale benchmark (issue 4): a deterministic synthetic centre, measured as whole processes.

    python bench/scale.py [--prospects 100000] [--visits 1000000] [--staff 200]

Builds, under a temporary directory:
- a CSV of PROSPECTS rows (mixed phone spellings, 15万-style money) for the import figures,
  next to a hand-written sqlite3 baseline that reads the same file and executemany's it;
- a full centre (PROSPECTS prospects with seeded duplicates, VISITS visits, rounds, points,
  notices, inspections) for the report, the per-prospect commands and dedupe.
Prints a Markdown table of every figure against its target. Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from yulin_cli import rules  # noqa: E402
from yulin_cli.inputs import parse_landline  # noqa: E402

CENTER, CITY = "苏州育林中心", "苏州"
# Characters that trade names (字号) are made of; names are 3-4 of them.
TRADE = "".join(dict.fromkeys(
    "恒瑞华宏金鼎盛泰和信达丰源远通凯嘉新元博天明德永佳润联创中诚东吴蓝海绿洲长风旭日"
    "宝龙兴隆昌顺安康富强伟业鸿运腾飞卓越精正大万福美合协力同心致广厦纳百川云帆星辰月光"
    "立弘毅志成旋骏马桥银河玉翔宇启航智慧睿聚贤春秋冬夏松柏竹梅兰菊山水石峰林森江湖波涛"
    "鹏鹤燕鸣凤麒麟虎豹狮象晨曦朝阳晖辉耀煌灿烂锦绣丽雅秀俊杰豪英雄威武勇毅坚实诺承"
    "欣悦乐喜庆吉祥瑞福寿禄禧康宁静安平和谐融汇通达宇宙乾坤震巽坎离艮兑辰巳午未申酉戌亥"
    "甲乙丙丁戊己庚辛壬癸元亨利贞仁义礼智忠孝廉耻温良恭俭让勤朴诚信敏慧聪颖捷迅驰骋奔"))
INDUSTRIES = ("精密机械", "电子科技", "纺织", "物流", "食品", "建材", "医疗器械", "包装材料",
              "汽车零部件", "软件", "化工", "环保设备", "家具", "印务", "五金制品", "照明电器")
FORMS = ("有限公司", "股份有限公司", "有限责任公司")
DISTRICTS = ("工业园区", "高新区", "吴中区", "相城区", "姑苏区", "吴江区", "常熟", "张家港")
HEADERS = ["company", "city", "sourced_by", "district", "industry", "employees", "pcs",
           "contact_surname", "landline", "found_on", "deal_value", "need", "yulin_interest"]


def yulin(*args: str, db: Path) -> list[str]:
    exe = shutil.which("yulin", path=str(Path(sys.executable).parent)) or "yulin"
    return [exe, "--db", str(db), *args]


def env() -> dict[str, str]:
    out = {**os.environ, "YULIN_LANG": "en", "COLUMNS": "80"}
    out.pop("PYTHONDONTWRITEBYTECODE", None)  # measure with bytecode cached, as users run it
    return out


def timed(cmd: list[str], repeat: int = 1) -> tuple[float, int]:
    """Median wall seconds and peak RSS (MB) of a whole process."""
    samples, peak = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], env=env(),
                              capture_output=True, text=True)
        samples.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
        peak = max(peak, int(proc.stderr.strip().splitlines()[-1]) // 1024)
    return statistics.median(samples), peak


# --- data -------------------------------------------------------------------------------------


class Names:
    """Unique, realistic company names, deterministic for a seed."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.used: set[tuple[str, str]] = set()

    def new(self) -> tuple[str, str, str]:
        while True:
            trade = "".join(self.rnd.choice(TRADE) for _ in range(self.rnd.choice((3, 4))))
            industry = self.rnd.choice(INDUSTRIES)
            if (trade, industry) not in self.used:
                self.used.add((trade, industry))
                return trade, industry, self.rnd.choice(FORMS)


def phone_spelling(number: int, rnd: random.Random) -> str:
    digits = f"6{number:07d}"
    return rnd.choice((f"0512-{digits}", f"0512{digits}", f"+86 512 {digits[:4]} {digits[4:]}",
                       f"(0512) {digits}"))


def import_csv(path: Path, count: int, staff: list[str], rnd: random.Random) -> None:
    names = Names(rnd)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for i in range(count):
            trade, industry, form = names.new()
            writer.writerow([
                f"{CITY}{trade}{industry}{form}", CITY, rnd.choice(staff),
                rnd.choice(DISTRICTS), industry, rnd.randint(20, 900), rnd.randint(5, 300),
                rnd.choice("王李张刘陈杨赵黄周吴"), phone_spelling(i, rnd),
                f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                f"{rnd.randint(1, 40)}万", rnd.choice(("explicit", "latent", "none")),
                rnd.choice(("high", "flat", "none"))])


def variant(trade: str, industry: str, form: str, kind: str, rnd: random.Random) -> str:
    """A duplicate's name as a second prospector might type it."""
    if kind == "legal-form":
        return f"{CITY}市{trade}{industry}" + rnd.choice([f for f in FORMS if f != form])
    if kind == "bracketed-city":
        return f"{trade}{industry}（{CITY}）{form}"
    if kind == "typo":
        pos = rnd.randrange(len(trade))
        other = rnd.choice([c for c in TRADE if c != trade[pos]])
        return f"{CITY}{trade[:pos]}{other}{trade[pos + 1:]}{industry}{form}"
    return f"{CITY}{trade}{industry}{form}"  # "phone": same name, the phone typed otherwise


def build_centre(db: Path, prospects: int, visits: int, staff_count: int,
                 rnd: random.Random) -> dict[int, int]:
    """A full synthetic centre; returns seeded duplicate id -> original id."""
    subprocess.run(yulin("center", "add", CENTER, "--city", CITY, db=db), env=env(), check=True,
                   capture_output=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous = OFF")
    roles = ["prospector"] * (staff_count // 2) + ["visitor"] * (staff_count * 2 // 5)
    roles += ["manager"] * (staff_count - len(roles))
    conn.executemany("INSERT INTO staff (id, name, center_id, roles, industries)"
                     " VALUES (?, ?, 1, ?, '')",
                     [(i + 1, f"员工{i + 1:03d}", role) for i, role in enumerate(roles)])
    prospectors = [i + 1 for i, r in enumerate(roles) if r == "prospector"]
    visitors = [i + 1 for i, r in enumerate(roles) if r == "visitor"]
    names = Names(rnd)
    seeded = max(1, prospects // 50)  # 2% duplicates, of four kinds
    base = prospects - seeded
    rows, truth, originals = [], {}, []
    for pid in range(1, base + 1):
        trade, industry, form = names.new()
        originals.append((pid, trade, industry, form))
        company = f"{CITY}{trade}{industry}{form}"
        rows.append(_prospect(pid, company, f"+86512{6:d}{pid:07d}", industry, prospectors, rnd))
    kinds = ("phone", "legal-form", "bracketed-city", "typo")
    for n, pid in enumerate(range(base + 1, prospects + 1)):
        orig, trade, industry, form = rnd.choice(originals)
        kind = kinds[n % 4]
        company = variant(trade, industry, form, kind, rnd)
        phone = (parse_landline(phone_spelling(orig, rnd)) if kind == "phone"
                 else f"+86512{7:d}{pid:07d}")
        row = _prospect(pid, company, phone, industry, prospectors, rnd)
        # The same company entered again: where it is, its contact and its size as before.
        first = rows[orig - 1]
        row = (*row[:4], first[4], industry, first[6], first[7], first[8], *row[9:])
        rows.append(row)
        truth[pid] = orig
    conn.executemany(
        "INSERT INTO prospect (id, company, name_key, city, district, suburban, industry,"
        " ownership, employees, pcs, contact_surname, landline, found_on, deal_value, need,"
        " yulin_interest, platform_interest, has_oa, erp_need, in_selection, existing_customer,"
        " sourced_by_id, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, 'private', ?, ?, ?, ?, ?, ?,"
        " ?, ?, 0, 0, 0, 0, 0, ?, '2026-01-01T00:00:00')", rows)
    days = [f"2026-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29)]
    conn.executemany(
        "INSERT INTO verification_round (prospect_id, staff_id, round_no, pretext, result,"
        " address_confirmed, scale_checked, day) VALUES (?, ?, ?, 'buyer', 'confirmed', 1, 1, ?)",
        ((pid, rows[pid - 1][-1], n + 2, rnd.choice(days))
         for pid in range(1, prospects + 1) for n in range(2)))
    visit_rows, points, notices, inspections = [], [], [], []
    for vid in range(1, visits + 1):
        pid, staff, day = rnd.randint(1, prospects), rnd.choice(visitors), rnd.choice(days)
        bad = rnd.random() < 0.02
        effective = not bad and rnd.random() < 0.7
        visit_rows.append((vid, pid, staff, day, "substandard" if bad else "met", effective,
                           "inspect" if bad and not effective else ""))
        if bad:
            source = rows[pid - 1][-1]
            points.append((source, day, -5, "substandard", pid, vid))
            notices.append((source, day, "criticism", -5, "substandard", pid, vid))
            if not effective:
                inspections.append((vid, "open"))
    conn.executemany(
        "INSERT INTO visit (id, prospect_id, staff_id, day, kind, outcome, items, contacts,"
        " effective, flags, failing_checks) VALUES (?, ?, ?, ?, 'planned', ?, '', '', ?, ?, '')",
        visit_rows)
    conn.executemany("INSERT INTO points_entry (staff_id, day, delta, rule, prospect_id,"
                     " visit_id) VALUES (?, ?, ?, ?, ?, ?)", points)
    conn.executemany("INSERT INTO notice (staff_id, day, kind, delta, rule, prospect_id,"
                     " visit_id) VALUES (?, ?, ?, ?, ?, ?, ?)", notices)
    conn.executemany("INSERT INTO inspection (visit_id, status) VALUES (?, ?)", inspections)
    conn.commit()
    conn.execute("PRAGMA optimize")
    conn.close()
    return truth


def _prospect(pid: int, company: str, phone: str, industry: str, prospectors: list[int],
              rnd: random.Random) -> tuple:
    return (pid, company, rules.name_key(company, CITY), CITY, rnd.choice(DISTRICTS), industry,
            rnd.randint(20, 900), rnd.randint(5, 300), rnd.choice("王李张刘陈"), phone,
            f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            rnd.randint(1, 40) * 10_000, rnd.choice(("explicit", "latent", "none")),
            rnd.choice(("high", "flat", "none")), rnd.choice(prospectors))


BASELINE = '''
import csv, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    next(reader)
    rows = ((r[0], r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12])
            for r in reader)
    conn.executemany(
        "INSERT INTO prospect (company, name_key, city, district, industry, employees, pcs,"
        " contact_surname, landline, found_on, deal_value, need, yulin_interest, suburban,"
        " ownership, platform_interest, has_oa, erp_need, in_selection, existing_customer,"
        " sourced_by_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0,"
        " 'private', 0, 0, 0, 0, 0, 1, '2026-01-01')", rows)
conn.commit()
'''


def empty_team(db: Path, staff: list[str]) -> None:
    subprocess.run(yulin("center", "add", CENTER, "--city", CITY, db=db), env=env(), check=True,
                   capture_output=True)
    conn = sqlite3.connect(db)
    conn.executemany("INSERT INTO staff (name, center_id, roles, industries)"
                     " VALUES (?, 1, 'prospector,visitor,manager', '')", [(s,) for s in staff])
    conn.commit()
    conn.close()


def dedupe_quality(db: Path, truth: dict[int, int]) -> tuple[float, float, float]:
    import json

    start = time.perf_counter()
    out = subprocess.run(yulin("dedupe", "--json", db=db), env=env(), check=True,
                         capture_output=True, text=True).stdout
    seconds = time.perf_counter() - start
    group_of = {}
    reported = 0
    true_pairs = 0
    cluster = {pid: orig for pid, orig in truth.items()}
    for n, group in enumerate(json.loads(out)):
        ids = group["ids"]
        for i in ids:
            group_of[i] = n
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                reported += 1
                true_pairs += cluster.get(a, a) == cluster.get(b, b)
    found = sum(1 for dup, orig in truth.items() if group_of.get(dup, -1) == group_of.get(orig))
    return seconds, found / len(truth), true_pairs / max(1, reported)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prospects", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--staff", type=int, default=200)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="yulin-scale-"))
    rnd = random.Random(20261127)
    staff = [f"员工{i + 1:03d}" for i in range(args.staff)]
    results: list[tuple[str, str, str, bool]] = []

    # Import: our validated all-or-nothing import against a bare executemany of the same file.
    source = work / "prospects.csv"
    import_csv(source, args.prospects, staff, rnd)
    ours_db, base_db = work / "import.db", work / "baseline.db"
    empty_team(ours_db, staff)
    shutil.copy(ours_db, base_db)
    ours, ours_mb = timed(yulin("import", str(source), "--json", db=ours_db))
    script = work / "baseline.py"
    script.write_text(BASELINE, encoding="utf-8")
    base, _ = timed([sys.executable, str(script), str(base_db), str(source)])
    count = sqlite3.connect(ours_db).execute("SELECT COUNT(*) FROM prospect").fetchone()[0]
    results.append((f"import {args.prospects:,} rows (validated, all or nothing)",
                    f"{ours:.2f} s vs sqlite3 {base:.2f} s = {ours / base:.1f}x; "
                    f"{count:,} rows", "within 3x", ours <= 3 * base and count == args.prospects))
    results.append(("import peak memory", f"{ours_mb} MB", "under 300 MB", ours_mb < 300))

    # The full centre.
    big = work / "centre.db"
    start = time.perf_counter()
    truth = build_centre(big, args.prospects, args.visits, args.staff, random.Random(7))
    print(f"(built the centre in {time.perf_counter() - start:.0f} s)", file=sys.stderr)
    report, _ = timed(yulin("daily-report", "--date", "2026-10-15", "--json", db=big), 5)
    results.append((f"daily-report --json, {args.prospects:,} prospects, {args.visits:,} visits",
                    f"{report:.3f} s", "under 0.5 s", report < 0.5))

    small = work / "small.db"
    empty_team(small, staff)
    subprocess.run(yulin("add-prospect", "--company", "苏州基准公司", "--city", CITY,
                         "--sourced-by", staff[0], db=small), env=env(), check=True,
                   capture_output=True)
    for label, cmd in (("check-visit", ["check-visit", "1", "--json"]),
                       ("rate", ["rate", "1", "--json"])):
        full, _ = timed(yulin(*cmd, db=big), 9)
        empty, _ = timed(yulin(*cmd, db=small), 9)
        results.append((f"{label} at {args.prospects:,} vs empty",
                        f"{full * 1000:.0f} ms vs {empty * 1000:.0f} ms = {full / empty:.2f}x",
                        "within 1.5x", full <= 1.5 * empty))
    adds = {}
    for name, db in (("full", big), ("empty", small)):
        samples = []
        for n in range(9):
            cmd = yulin("add-prospect", "--company", f"苏州新增{name}{n}号公司", "--city", CITY,
                        "--sourced-by", staff[1], "--landline", f"0512-5{n:07d}", "--json",
                        db=db)
            samples.append(timed(cmd)[0])
        adds[name] = statistics.median(samples)
    results.append((f"add-prospect at {args.prospects:,} vs empty",
                    f"{adds['full'] * 1000:.0f} ms vs {adds['empty'] * 1000:.0f} ms = "
                    f"{adds['full'] / adds['empty']:.2f}x", "within 1.5x",
                    adds["full"] <= 1.5 * adds["empty"]))

    seconds, recall, precision = dedupe_quality(big, truth)
    results.append((f"dedupe over {args.prospects:,} ({len(truth):,} seeded duplicates)",
                    f"{seconds:.2f} s; found {recall:.1%}; {precision:.1%} of pairs true",
                    "under 5 s; >= 95% found, >= 95% true",
                    seconds < 5 and recall >= 0.95 and precision >= 0.95))

    print("| what | measured | target | met |")
    print("|---|---|---|---|")
    for what, measured, target, met in results:
        print(f"| {what} | {measured} | {target} | {'yes' if met else 'NO'} |")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(met for *_, met in results) else 1


if __name__ == "__main__":
    sys.exit(main())
