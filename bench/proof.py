"""What proof costs (issue 14), measured as whole processes.

    python bench/proof.py [--rows 20000]

- the import of ROWS prospects, with a valid unified social credit code on every row against
  the same file without the column (the code is checked on every row by python-stdnum);
- checking one code in-process (the per-row share of that cost: a plain code takes the fast
  path of ``inputs.parse_credit_code``);
- `log-visit` with one photo (Pillow reads its EXIF) against one without;
- `check-visit`, which must not load Pillow or python-stdnum at all.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from scale import empty_team, env, timed, yulin  # noqa: E402


def code_for(n: int) -> str:
    from stdnum.cn import uscc

    body = f"913205{n:011d}"
    return body + uscc.calc_check_digit(body)


def write_rows(path: Path, rows: int, with_code: bool) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["company", "city", "sourced_by", "employees", "pcs", "found_on"]
                     + (["credit_code"] if with_code else []))
        for n in range(rows):
            out.writerow([f"苏州测{n:06d}号科技有限公司", "苏州", "员工000", "150", "40",
                          "2026-10-15"] + ([code_for(n)] if with_code else []))


def import_seconds(tmp: Path, rows: int) -> tuple[float, float]:
    """Best of five imports each of the file without and with codes, taken in turns so a
    busy machine slows both alike."""
    best = {False: float("inf"), True: float("inf")}
    for with_code in best:
        write_rows(tmp / f"rows-{with_code}.csv", rows, with_code)
    for attempt in range(5):
        for with_code in best:
            db = tmp / f"import-{with_code}-{attempt}.db"
            empty_team(db, ["员工000"])
            seconds, _ = timed(yulin("import", str(tmp / f"rows-{with_code}.csv"), db=db))
            best[with_code] = min(best[with_code], seconds)
    return best[False], best[True]


def photo(path: Path) -> str:
    from PIL import Image

    image = Image.new("RGB", (1600, 1200), "white")  # about what a phone sends, re-encoded
    exif = Image.Exif()
    exif.get_ifd(0x8769)[36867] = "2026:10:19 10:00:00"
    exif.get_ifd(0x8825).update({1: "N", 2: (31.0, 17.0, 54.0), 3: "E", 4: (120.0, 35.0, 0.0)})
    image.save(path, exif=exif, quality=90)
    return str(path)


def visit_seconds(tmp: Path) -> tuple[float, float, bool]:
    db = tmp / "visits.db"
    empty_team(db, ["员工000"])  # a prospector, visitor and manager
    subprocess.run(yulin("add-prospect", "--company", "苏州甲公司", "--city", "苏州",
                         "--sourced-by", "员工000", db=db), env=env(), check=True,
                   capture_output=True)
    base = yulin("log-visit", "1", "--by", "员工000", "--outcome", "met", db=db)
    plain, _ = timed(base, repeat=11)
    picture = photo(tmp / "door.jpg")
    with_photo, _ = timed(base + ["--photo", picture], repeat=11)
    probe = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "yulin_cli", "--db", str(db), "check-visit",
         "1", "--json"], env=env(), capture_output=True, text=True)
    lazy = not any(name in probe.stderr for name in ("PIL", "stdnum"))
    return plain, with_photo, lazy


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    os.environ.setdefault("YULIN_LANG", "en")
    from yulin_cli.inputs import parse_credit_code

    codes = [code_for(n) for n in range(1000)]
    per_code = min(timeit.repeat(lambda: [parse_credit_code(c) for c in codes], number=5,
                                 repeat=5)) / 5 / len(codes)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        without, with_code = import_seconds(tmp, args.rows)
        plain, with_photo, lazy = visit_seconds(tmp)
    print("| what | measured |")
    print("|---|---|")
    print(f"| import {args.rows:,} rows without / with a credit code | {without:.2f} s / "
          f"{with_code:.2f} s = {with_code / without:.2f}x |")
    print(f"| one credit code checked, as typed in a spreadsheet | {per_code * 1e6:.1f} µs |")
    print(f"| log-visit without / with one 1600x1200 photo | {plain * 1000:.0f} ms / "
          f"{with_photo * 1000:.0f} ms |")
    print(f"| check-visit loads neither Pillow nor python-stdnum | {'yes' if lazy else 'no'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
