"""Long lists on one screen: `rate --all`, `list`, `notices` and `points` show 50 rows (or
`--limit N`, or `--all`) and say how many more there are; `--json` always holds every row,
one row a line."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import ok, ok_json, run

COUNT = 57


@pytest.fixture
def many(team, tmp_path):
    """COUNT quality prospects found by 李娜, each found substandard by a visit (so each
    gives a notice and a ledger entry), imported in two files."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["company", "city", "sourced_by", "employees", "pcs", "deal_value",
                     "need", "yulin_interest", "found_on"])
    for i in range(COUNT):
        writer.writerow([f"苏州长列{i:03d}号科技有限公司", "苏州", "李娜", 150, 40,
                         f"{(i % 30) + 1}万", "explicit", "high", "2026-10-01"])
    (tmp_path / "p.csv").write_text(buffer.getvalue(), encoding="utf-8")
    assert ok_json("import", str(tmp_path / "p.csv"))["imported"] == COUNT
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["prospect_id", "by", "outcome", "date"])
    for pid in range(1, COUNT + 1):
        writer.writerow([pid, "刘洋", "substandard", f"2026-10-{1 + pid % 28:02d}"])
    (tmp_path / "v.csv").write_text(buffer.getvalue(), encoding="utf-8")
    assert ok_json("import", str(tmp_path / "v.csv"), "--kind", "visits")["imported"] == COUNT


def body_rows(out: str) -> int:
    """Rows of the table: lines that start with a number (an id or a date)."""
    return sum(1 for line in out.splitlines()
               if line.strip()[:1].isdigit() and "not shown" not in line)


def test_list_shows_one_screen_and_says_how_many_more(many):
    out = ok("list").stdout
    assert body_rows(out) == 50
    assert f"{COUNT - 50} more not shown: --limit N shows more, --all shows every row" in out
    out = ok("list", "--limit", "10").stdout
    assert body_rows(out) == 10 and f"{COUNT - 10} more not shown" in out
    out = ok("list", "--all").stdout
    assert body_rows(out) == COUNT and "more not shown" not in out
    assert "more not shown" not in ok("list", "--limit", "100").stdout


def test_json_holds_every_row_one_a_line(many):
    for args in (["list"], ["list", "--limit", "5"], ["rate", "--all"],
                 ["notices", "--from", "2026-01-01"]):
        result = ok(*args, "--json")
        assert len(result.json) == COUNT, args
        lines = result.stdout.splitlines()
        assert lines[0] == "[" and lines[-1] == "]" and len(lines) == COUNT + 2, args
    assert [r["id"] for r in ok_json("list")] == list(range(1, COUNT + 1))


def test_rate_all_pages_the_ranking(many):
    ranked = ok_json("rate", "--all")
    # Found substandard: none is a quality customer any more, so all rank by deal value.
    value = {pid: (pid - 1) % 30 + 1 for pid in range(1, COUNT + 1)}
    assert [r["prospect_id"] for r in ranked] == sorted(value, key=lambda p: (-value[p], p))
    out = ok("rate", "--all").stdout
    assert f"{COUNT - 50} more not shown: --limit N shows more, --json lists every one" in out
    out = ok("rate", "--all", "--limit", "3").stdout
    assert body_rows(out) == 3 and f"{COUNT - 3} more not shown" in out
    first = ranked[0]["prospect_id"]
    assert ranked[0] == ok_json("rate", first)  # the same rating object as `rate ID`


def test_rate_all_ranks_before_it_pages(team, tmp_path):
    low = ok_json("add-prospect", "--company", "苏州低分公司", "--city", "苏州", "--sourced-by",
                  "李娜", "--employees", "150", "--pcs", "40")["id"]
    high = ok_json("add-prospect", "--company", "苏州高分公司", "--city", "苏州", "--sourced-by",
                   "李娜", "--employees", "150", "--pcs", "40", "--deal-value", "30万",
                   "--need", "explicit", "--yulin-interest", "high")["id"]
    out = ok("rate", "--all", "--limit", "1").stdout
    assert "苏州高分公司" in out and "苏州低分公司" not in out and "1 more not shown" in out
    assert [r["prospect_id"] for r in ok_json("rate", "--all", "--limit", "1")] == [high, low]


def test_notices_show_the_latest_and_say_how_many_earlier(many):
    every = ok_json("notices", "--from", "2026-01-01")
    assert [n["date"] for n in every] == sorted(n["date"] for n in every)
    out = ok("notices", "--from", "2026-01-01").stdout
    assert f"{COUNT - 50} earlier not shown: --limit N shows more, --all shows every one" in out
    latest = [n["date"] for n in every][-1]
    oldest = [n["date"] for n in every][0]
    assert latest in out and oldest not in out
    out = ok("notices", "--from", "2026-01-01", "--all").stdout
    assert "earlier not shown" not in out and oldest in out


def test_points_show_one_screen(many):
    ledger = ok_json("points", "李娜")
    assert len(ledger["entries"]) == COUNT and ledger["total"] == -5 * COUNT
    out = ok("points", "李娜").stdout
    assert f"{COUNT - 50} earlier not shown" in out
    # The latest entry, with the running total after every entry before it.
    assert str(-5 * COUNT) in out.splitlines()[0]
    out = ok("points", "李娜", "--limit", "2").stdout
    assert body_rows(out) == 2 and f"{COUNT - 2} earlier not shown" in out
    assert "earlier not shown" not in ok("points", "李娜", "--all").stdout
    totals = ok("points", "--limit", "2").stdout
    assert body_rows(totals) == 0 and "more not shown" in totals  # names, not numbers, lead
    assert len(ok_json("points", "--limit", "2")) == len(ok_json("staff", "list"))


def test_a_bad_limit_is_bad_input(team):
    for args in (["list", "--limit", "0"], ["notices", "--limit", "-3"],
                 ["rate", "--all", "--limit", "x"]):
        result = run(*args)
        assert result.exit_code == 2 and "--limit" in result.stderr, (args, result.stderr)
