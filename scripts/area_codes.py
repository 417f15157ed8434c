"""Writes src/yulin_cli/area_codes.tsv: the landline area code of each prefecture-level city,
from the geocoding data of `phonenumbers` (a well-kept library). Only prefixes naming one area
code exactly are used; a city the data does not pin down is left out, and a local number there
must be typed with its area code.

    python scripts/area_codes.py
"""

from __future__ import annotations

import re
from pathlib import Path

from phonenumbers.geodata import GEOCODE_DATA

OUT = Path(__file__).parents[1] / "src" / "yulin_cli" / "area_codes.tsv"
REGIONS = re.compile(r"^(.+?省|.+?自治区|新疆|西藏|广西|宁夏|内蒙古)")


def cities(description: str) -> list[str]:
    """江苏省苏州市 -> [苏州]; 辽宁省沈阳市、铁岭市 -> [沈阳, 铁岭]; 北京市 -> [北京]."""
    rest = REGIONS.sub("", description) or description
    names = [name.strip() for name in rest.split("、") if name.strip()]
    return [name[:-1] if name.endswith("市") and len(name) > 1 else name for name in names]


def main() -> None:
    table: dict[str, str] = {}
    for prefix, names in sorted(GEOCODE_DATA.items()):
        if not prefix.startswith("86"):
            continue
        code = prefix[2:]
        # Two-digit codes are 10 and 20-29; the rest have three digits. A shorter prefix
        # covers a whole block of codes and says nothing exact.
        exact = (len(code) == 2 and (code == "10" or code.startswith("2"))) or (
            len(code) == 3 and code[0] in "3456789")
        if not exact or "zh" not in names:
            continue
        for city in cities(names["zh"]):
            table.setdefault(city, "0" + code)
    OUT.write_text("city\tarea_code\n" + "".join(f"{c}\t{a}\n" for c, a in sorted(table.items())),
                   encoding="utf-8")
    print(f"{len(table)} cities written to {OUT}")


if __name__ == "__main__":
    main()
