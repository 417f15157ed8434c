"""Exports that come back: the whole team as one workbook into an empty database (every JSON
view equal, outcomes derived again and clean), each single export importing back with the
columns it writes, and cells a spreadsheet reads as what they are."""

from __future__ import annotations

import csv
import datetime as dt
import os

import pytest

from conftest import assert_refused, ok, ok_json, row_counts, run
from test_chinese import demo  # noqa: F401  (the demo team, as a fixture)

DAY = "2026-10-15"


def _strip(value):
    """A JSON view as compared: who wrote a row (a database login) is the database's own."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != "recorded_by_login"}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _views() -> list[list[str]]:
    ids = [p["id"] for p in ok_json("list", "--all")]
    names = [s["name"] for s in ok_json("staff", "list")]
    views = [["list", "--all"], ["staff", "list"], ["center", "list"], ["points"],
             ["notices", "--to", "2026-12-31"], ["rate", "--all"], ["manager"],
             ["policy", "history"], ["attention", "--date", DAY],
             ["summary", "--from", "2026-10-01", "--to", "2026-10-31"]]
    views += [["daily-report", "--date", f"2026-10-{d:02d}"] for d in (12, 13, 14, 15, 16)]
    views += [["show", str(i), "--history"] for i in ids]
    views += [["points", n] for n in names]
    return views


def _snapshot(views: list[list[str]]) -> dict[str, object]:
    return {" ".join(v): _strip(ok_json(*v)) for v in views}


def test_the_whole_team_moves_in_one_workbook(demo, tmp_path, monkeypatch):  # noqa: F811
    views = _views()
    before = _snapshot(views)
    path = tmp_path / "team.xlsx"
    doc = ok_json("export", "--what", "all", "-o", str(path))
    assert doc["what"] == "all" and doc["rows"] > 100
    # Into a database with records: refused, nothing written.
    counts = row_counts(demo)
    assert_refused(run("import", str(path)), 2)
    assert row_counts(demo) == counts
    # Into an empty one (same backend): the same team.
    monkeypatch.setenv("YULIN_DB", demo.fresh())
    dry = ok_json("import", str(path), "--dry-run")
    assert dry["dry_run"] is True and dry["imported"] == 0
    assert ok_json("list", "--all") == []
    result = ok_json("import", str(path))
    assert result["imported"] == doc["rows"] and result["errors"] == []
    after = _snapshot(views)
    for view in before:
        assert after[view] == before[view], view
    assert "0 stored outcomes differ" in ok("doctor", "--recompute").stdout


@pytest.mark.once
def test_the_whole_team_needs_a_workbook(demo, tmp_path):  # noqa: F811
    assert_refused(run("export", "--what", "all", "-o", str(tmp_path / "team.csv")), 2)
    assert not (tmp_path / "team.csv").exists()


def _sheet(path):
    from openpyxl import load_workbook

    book = load_workbook(path)
    return book, book.worksheets[0]


def test_xlsx_cells_are_what_they_hold(demo, tmp_path):  # noqa: F811
    path = tmp_path / "visits.xlsx"
    ok("export", "--what", "visits", "-o", str(path))
    book, sheet = _sheet(path)
    headers = [c.value for c in sheet[1]]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    rows = list(sheet.iter_rows(min_row=2))
    date = rows[0][headers.index("date")]
    assert date.is_date and isinstance(date.value, dt.datetime)
    items = [r[headers.index("items")] for r in rows if r[headers.index("items")].value]
    assert items and all(c.data_type == "s" for c in items)
    path = tmp_path / "prospects.xlsx"
    ok("export", "--what", "prospects", "-o", str(path))
    book, sheet = _sheet(path)
    headers = [c.value for c in sheet[1]]
    phones = [r[headers.index("mobile")] for r in sheet.iter_rows(min_row=2)
              if r[headers.index("mobile")].value]
    assert phones and all(c.data_type == "s" for c in phones)
    assert sheet.cell(2, headers.index("found_on") + 1).is_date
    # The whole-team workbook: dates are date cells there too, ids are kept.
    path = tmp_path / "team.xlsx"
    ok("export", "--what", "all", "-o", str(path))
    from openpyxl import load_workbook

    book = load_workbook(path)
    visits = book["visit"]
    headers = [c.value for c in visits[1]]
    assert {"id", "landline", "email", "mobile", "qq"} <= set(headers)
    assert "effective" not in headers and "derived_key" not in headers
    assert visits.cell(2, headers.index("day") + 1).is_date
    assert "notice" not in book.sheetnames and "visit_flag" not in book.sheetnames


def test_csv_items_are_not_dates(demo, tmp_path):  # noqa: F811
    path = tmp_path / "visits.csv"
    ok("export", "--what", "visits", "-o", str(path))
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    items = [r["items"] for r in rows if r["items"]]
    assert items and all(i.startswith("'") for i in items)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_single_export_imports_back(demo, tmp_path, monkeypatch, fmt, lang):  # noqa: F811
    """Prospects, then rounds, then visits, each imported as exported into a new database
    that has the same team: nothing to cut by hand, and the visits keep their
    effectiveness (their contact columns come along)."""
    files = {}
    for what in ("prospects", "rounds", "visits"):
        files[what] = tmp_path / f"{what}.{fmt}"
        ok("--lang", lang, "export", "--what", what, "-o", str(files[what]))
    effective = [v["effective"] for p in ok_json("list", "--all")
                 for v in ok_json("show", str(p["id"]))["visits"] if not v["voided"]]
    team = tmp_path / "team.xlsx"
    ok("export", "--what", "all", "-o", str(team))
    monkeypatch.setenv("YULIN_DB", _team_only(demo, team, tmp_path))
    for what in ("prospects", "rounds", "visits"):
        result = run("--lang", lang, "import", str(files[what]), "--kind", what, "--force",
                     "--json")
        assert result.exit_code == 0, (what, result.stdout[:2000], result.stderr)
    again = [v["effective"] for p in ok_json("list", "--all")
             for v in ok_json("show", str(p["id"]))["visits"] if not v["voided"]]
    assert len(again) == len(effective) and again.count(True) == effective.count(True)


def _team_only(demo, workbook, tmp_path):  # noqa: F811
    """A new database holding the workbook's centres and staff only."""
    from openpyxl import Workbook, load_workbook

    source = load_workbook(workbook)
    out = Workbook()
    out.remove(out.active)
    for name in source.sheetnames:
        sheet = out.create_sheet(name)
        for n, row in enumerate(source[name].iter_rows(values_only=True)):
            if n == 0 or name in ("yulin", "center", "staff", "policy_version"):
                sheet.append(list(row))
    path = tmp_path / "people.xlsx"
    out.save(path)
    target = demo.fresh()
    os.environ["YULIN_DB"] = target
    ok("import", str(path))
    return target
