"""Writes src/yulin_cli/counties.tsv: every prefecture-level city of mainland China and its
county-level divisions, with coordinates, from the ``adcodes.csv`` that ships in the ``cpca``
package (https://github.com/DQinYuan/chinese_province_city_area_mapper, MIT licence, © 2018
QinYuan Du; its data is the national administrative division codes with each seat's place).

    pip download cpca==0.5.5 --no-deps -d /tmp/cpca && unzip /tmp/cpca/*.whl -d /tmp/cpca
    python tools/make_counties.py /tmp/cpca/cpca/resources/adcodes.csv

Rows: ``prefecture`` (as a team writes its city: 无锡, 延边朝鲜族自治州), ``name`` (the
division's own name: 江阴市; the city itself for its own row), ``kind`` (prefecture, 区,
县级市, 县, 自治县, 旗, 自治旗, 林区, 特区), latitude, longitude. The four municipalities are
prefectures of their own; a county-level city governed by its province (仙桃市, 济源市) is one
too.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
KINDS = ("自治县", "自治旗", "林区", "特区", "区", "市", "县", "旗")


def short(name: str) -> str:
    return name[:-1] if name.endswith("市") and len(name) > 2 else name


def kind_of(name: str) -> str | None:
    for suffix in KINDS:
        if name.endswith(suffix):
            return "县级市" if suffix == "市" else ("区" if suffix == "新区" else suffix)
    return None


def main(source: str) -> None:
    rows = list(csv.DictReader(open(source, encoding="utf-8")))
    by_code = {r["adcode"]: r for r in rows}
    out: list[tuple[str, str, str, str, str]] = []
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code, name = r["adcode"], r["name"]
        if name in PLACEHOLDERS:
            continue  # a placeholder (a municipality's "districts", a province's "counties")
        place = tuple(f"{float(r[k]):.4f}" if r[k] else "" for k in ("latitude", "longitude"))
        province = by_code.get(code[:2] + "0" * 10, {}).get("name", "")
        if code[4:] == "0" * 8 and code[2:4] != "00":  # a prefecture
            if name in PLACEHOLDERS:
                continue
            out.append((short(name), name, "prefecture", *place))
        elif code[2:] == "0" * 10 and name.endswith("市"):  # a municipality
            out.append((short(name), name, "prefecture", *place))
        elif code[6:] == "0" * 6 and code[4:6] != "00":  # a county-level division
            parent = by_code.get(code[:4] + "0" * 8, {}).get("name")
            kind = kind_of(name)
            if kind is None:
                continue  # the South China Sea islands' offices
            if parent in ("市辖区", "县") or parent is None:
                parent = province  # a municipality's district or county
            elif parent in PLACEHOLDERS:
                out.append((short(name), name, "prefecture", *place))  # governed by the province
                continue
            out.append((short(parent), name, kind, *place))
    target = Path(__file__).parents[1] / "src" / "yulin_cli" / "counties.tsv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# prefecture\tname\tkind\tlatitude\tlongitude  (from cpca 0.5.5, MIT:"
                     " see tools/make_counties.py)\n")
        for row in out:
            handle.write("\t".join(row) + "\n")
    print(f"{len(out)} rows -> {target}")


if __name__ == "__main__":
    main(sys.argv[1])
