"""import, export, dedupe and merge through the CLI."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from conftest import add, assert_refused, json_error, make_ready, ok, ok_json, row_counts, run

HEADER_EN = ["company", "city", "sourced_by", "employees", "pcs", "landline", "deal_value",
             "found_on", "suburban"]
HEADER_ZH = ["公司名称", "城市", "开拓人", "员工人数", "电脑台数", "座机", "预计金额", "发现日期",
             "远郊"]


def write_csv(path, header, rows, encoding="utf-8"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


GOOD = [
    ["苏州甲公司", "苏州", "李娜", "150", "40", "0512-68881234", "15万", "2026-10-15", ""],
    ["苏州乙公司", "苏州", "王强", "200", "60", "0512-68885678", "8w", "2026-10-15", "是"],
]


@pytest.mark.parametrize(("header", "encoding"), [
    (HEADER_EN, "utf-8"), (HEADER_ZH, "utf-8-sig"), (HEADER_ZH, "gbk"), (HEADER_ZH, "gb18030"),
    (["Company", "CITY", "sourced-by", "Employees", "PCs", "landline", "deal-value",
      "found-on", "suburban"], "utf-8"),
])
def test_import_csv_headers_and_encodings(team, tmp_path, header, encoding):
    path = write_csv(tmp_path / "in.csv", header, GOOD, encoding)
    doc = ok_json("import", str(path))
    assert doc | {"rows": 2, "imported": 2, "errors": [], "duplicates": []} == doc
    rows = ok_json("list")
    assert [(r["company"], r["sourced_by"]) for r in rows] == [("苏州甲公司", "李娜"),
                                                                ("苏州乙公司", "王强")]
    shown = ok_json("show", rows[1]["id"])["prospect"]
    assert (shown["deal_value"], shown["suburban"], shown["landline"]) == (
        80000, True, "+8651268885678")


def test_any_invalid_row_means_nothing_written(team, isolated, tmp_path):
    rows = [*GOOD,
            ["苏州丙公司", "苏州", "李娜", "many", "40", "13812345678", "15万", "2026-10-15", ""],
            ["", "苏州", "无名氏", "150", "40", "", "", "2026-10-40", "maybe"],
            ["上海丁公司", "上海", "李娜", "150", "40", "", "", "2026-10-15", ""]]
    path = write_csv(tmp_path / "in.csv", HEADER_ZH, rows)
    before = row_counts(isolated)
    result = run("import", str(path), "--json")
    assert_refused(result, 2)
    doc = result.json
    assert doc["rows"] == 5 and doc["imported"] == 0
    found = {(e["row"], e["column"]) for e in doc["errors"]}
    assert {(4, "员工人数"), (4, "座机"), (5, "公司名称"), (5, "发现日期"), (5, "远郊"),
            (6, "城市")} <= found
    assert all(e["error"] for e in doc["errors"])
    assert row_counts(isolated) == before
    human = run("import", str(path))
    assert human.exit_code == 2 and "员工人数" in human.stdout


def test_skip_invalid_writes_the_good_rows(team, tmp_path):
    rows = [*GOOD, ["苏州丙公司", "苏州", "李娜", "-1", "40", "", "", "2026-10-15", ""]]
    path = write_csv(tmp_path / "in.csv", HEADER_EN, rows)
    doc = ok_json("import", str(path), "--skip-invalid")
    assert (doc["imported"], [e["row"] for e in doc["errors"]]) == (2, [4])
    assert len(ok_json("list")) == 2


def test_dry_run_writes_nothing(team, isolated, tmp_path):
    path = write_csv(tmp_path / "in.csv", HEADER_EN, GOOD)
    before = row_counts(isolated)
    doc = ok_json("import", str(path), "--dry-run")
    assert (doc["imported"], doc["would_import"], doc["dry_run"]) == (0, 2, True)
    assert row_counts(isolated) == before
    assert "2 rows; would import 2 (dry run: nothing written)" in ok(
        "import", str(path), "--dry-run").stdout
    assert row_counts(isolated) == before


def test_duplicates_in_file_and_database_are_reported_not_merged(team, isolated, tmp_path):
    first = add("苏州老公司", "--landline", "0512-68881111")
    rows = [*GOOD,
            ["苏州老公司", "苏州", "李娜", "150", "40", "", "", "2026-10-15", ""],
            ["另一家", "苏州", "李娜", "150", "40", "+86 512 6888 1234", "", "2026-10-15", ""]]
    path = write_csv(tmp_path / "in.csv", HEADER_EN, rows)
    before = row_counts(isolated)
    result = run("import", str(path), "--json")
    assert_refused(result, 1)
    # Row 5 repeats row 2 of the file: it names that row too (an id it would have had).
    assert result.json["duplicates"] == [{"row": 4, "duplicate_of": first},
                                         {"row": 5, "duplicate_of": first + 1,
                                          "duplicate_of_row": 2}]
    assert row_counts(isolated) == before
    doc = ok_json("import", str(path), "--force")
    assert doc["imported"] == 4
    # (On a server a refused import's ids are not drawn again: name the row by its company.)
    listed = ok_json("list")
    ids = {r["company"]: r["id"] for r in listed if r["company"] == "苏州甲公司"}
    assert [r["duplicate_of"] for r in listed if r["company"] == "另一家"] == [ids["苏州甲公司"]]


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary junk\xff\xfe",
                                     b"PK\x03\x04 truncated zip", b"company\n\xff\xfe\xfa\n"])
def test_broken_files_are_bad_input(team, isolated, tmp_path, content):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    before = row_counts(isolated)
    assert_refused(run("import", str(path)), 2)
    assert row_counts(isolated) == before


def test_unknown_header_and_missing_file(team, tmp_path):
    path = write_csv(tmp_path / "in.csv", ["company", "favourite colour"], [["甲", "red"]])
    code, error = json_error("import", str(path))
    assert (code, error["code"]) == (2, "import.unknown_header") and "favourite colour" in error["message"]
    assert_refused(run("import", str(tmp_path / "nope.csv")), 2)


def test_import_rounds_and_visits(team, tmp_path):
    pid = add()
    rounds = write_csv(tmp_path / "r.csv", ["prospect_id", "by", "pretext", "result", "address",
                                            "scale", "date"],
                       [[pid, "李娜", "buyer", "confirmed", "yes", "", "2026-10-15"],
                        [pid, "李娜", "applicant", "confirmed", "", "yes", "2026-10-16"]])
    assert ok_json("import", str(rounds), "--kind", "rounds")["imported"] == 2
    assert [r["round"] for r in ok_json("show", pid)["rounds"]] == [2, 3]
    visits = write_csv(tmp_path / "v.csv", ["prospect_id", "by", "outcome", "date"],
                       [[pid, "刘洋", "substandard", "2026-10-17"]])
    assert ok_json("import", str(visits), "--kind", "visits")["imported"] == 1
    assert ok_json("points", "李娜")["total"] == -5
    bad = write_csv(tmp_path / "b.csv", ["prospect_id", "by", "outcome", "date"],
                    [[pid, "刘洋", "met", "2026-10-18"], [999, "刘洋", "met", "2026-10-18"]])
    result = run("import", str(bad), "--kind", "visits", "--json")
    assert_refused(result, 2)
    assert result.json["errors"][0]["row"] == 3
    assert len(ok_json("show", pid)["visits"]) == 1


# --- export -------------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "lang"), [("csv", "en"), ("csv", "zh"), ("xlsx", "en"),
                                           ("xlsx", "zh")])
def test_export_reimports_to_the_same_data(team, tmp_path, monkeypatch, fmt, lang):
    add("苏州甲公司", "--landline", "0512-68881234", "--email", "it@jia.cn", "--qq", "123456",
        "--deal-value", "15万", "--need", "explicit", "--suburban", "--ownership", "soe")
    add("=HYPERLINK(\"http://x\")", "--address", "+1 楼", "--partner", "@易联", by="王强")
    out = tmp_path / f"p.{fmt}"
    ok("--lang", lang, "export", "--what", "prospects", "--format", fmt, "-o", str(out))
    before = ok_json("list")
    # Facts, not who wrote them: the copy is a database of its own (SQLite: no logins).
    facts = [_facts(ok_json("show", r["id"])["prospect"]) for r in before]
    monkeypatch.setenv("YULIN_DB", str(tmp_path / "copy.db"))
    ok("center", "add", "苏州育林中心", "--city", "苏州")
    for name in ("李娜", "王强"):
        ok("staff", "add", name, "--center", "苏州育林中心", "--role", "prospector")
    assert ok_json("import", str(out))["imported"] == 2
    after = [_facts(ok_json("show", r["id"])["prospect"]) for r in ok_json("list")]
    assert after == facts


def _facts(prospect: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in prospect.items() if k != "recorded_by_login"}


def test_export_neutralises_formulas_and_redacts(team, tmp_path):
    add("=cmd|' /C calc'!A0", "--landline", "0512-68881234", "--email", "zhou@jia.cn",
        "--mobile", "13812345678", "--qq", "1234567")
    text = ok("export", "--what", "prospects").stdout
    assert "'=cmd" in text and "\n=cmd" not in text
    redacted = ok("export", "--what", "prospects", "--redact").stdout
    assert "68881234" not in redacted and "zhou@" not in redacted and "1234567" not in redacted
    assert "z***@jia.cn" in redacted
    from openpyxl import load_workbook

    out = tmp_path / "p.xlsx"
    ok("export", "--what", "prospects", "--format", "xlsx", "-o", str(out))
    sheet = load_workbook(out).worksheets[0]
    assert sheet["B2"].value == "=cmd|' /C calc'!A0" and sheet["B2"].data_type == "s"
    assert sheet.column_dimensions["B"].width > 10


def test_export_other_tables(team, tmp_path):
    pid = add()
    make_ready(pid)
    ok("log-visit", pid, "--by", "刘洋", "--outcome", "substandard", "--date", "2026-10-15")
    for what, needle in (("visits", "substandard"), ("points", "-5"), ("notices", "criticism"),
                         ("report", "李娜"), ("rounds", "applicant")):
        out = ok("export", "--what", what, "--date", "2026-10-15").stdout
        assert needle in out, what
    zh = ok("--lang", "zh", "export", "--what", "report", "--date", "2026-10-15").stdout
    assert zh.lstrip("\ufeff").startswith("伙伴,服务中心")
    assert_refused(run("export", "--what", "visits", "--format", "xlsx"), 2)


def test_export_takes_its_format_from_the_file_name(team, tmp_path):
    import zipfile

    add()
    ok("export", "--what", "prospects", "-o", tmp_path / "客户.XLSX")
    assert zipfile.is_zipfile(tmp_path / "客户.XLSX")  # a workbook, not CSV under that name
    ok("export", "--what", "prospects", "-o", tmp_path / "客户.txt")
    assert (tmp_path / "客户.txt").read_text(encoding="utf-8-sig").startswith("id,")
    ok("export", "--what", "prospects", "--format", "csv", "-o", tmp_path / "明确.xlsx")
    assert not zipfile.is_zipfile(tmp_path / "明确.xlsx")  # an explicit --format wins


# --- dedupe and merge ---------------------------------------------------------------------


def test_dedupe_finds_each_kind_of_duplicate(team):
    a = add("苏州恒瑞精密机械有限公司", "--landline", "0512-68881234")
    b = ok_json("add-prospect", "--company", "完全不同", "--city", "苏州", "--sourced-by", "王强",
                "--landline", "+86 512 6888 1234", "--force")["id"]
    c = ok_json("add-prospect", "--company", "恒瑞精密机械（苏州）有限公司", "--city", "苏州",
                "--sourced-by", "王强", "--force")["id"]
    # One character apart, and it sounds the same (利/丽, li), the same contact surname and
    # size (employees, PCs): one company typed twice.
    d = add("苏州金达利精工模具有限公司", "--district", "吴中区", "--contact-surname", "周")
    e = add("苏州金达丽精工模具有限公司", "--district", "吴中区", "--contact-surname", "周")
    # One character apart but nothing else in common: shown only with --loose.
    f = add("苏州华纳川光学仪器有限公司", "--district", "相城区", "--employees", "900")
    g = add("苏州华纳州光学仪器有限公司", "--district", "姑苏区", "--employees", "120")
    add("苏州远洋船舶配件有限公司")  # unrelated
    groups = ok_json("dedupe")
    by_ids = {tuple(grp["ids"]): grp for grp in groups}
    assert by_ids[(a, b, c)]["reasons"] == ["name", "phone"]
    assert by_ids[(a, b, c)]["confidence"] == 1.0
    assert by_ids[(d, e)]["reasons"] == ["same-sound"]
    assert 0.6 <= by_ids[(d, e)]["confidence"] < 0.95
    assert len(groups) == 2
    loose = {tuple(grp["ids"]): grp for grp in ok_json("dedupe", "--loose")}
    assert loose[(f, g)]["reasons"] == ["similar-name-only"]
    assert loose[(f, g)]["confidence"] < by_ids[(d, e)]["confidence"]


def test_merge_moves_history_and_keeps_the_dropped_row(team, isolated):
    keep = add("苏州甲公司")
    drop = ok_json("add-prospect", "--company", "苏州甲公司", "--city", "苏州",
                   "--sourced-by", "王强", "--email", "it@jia.cn", "--force")["id"]
    ok("verify", keep, "--by", "李娜", "--pretext", "buyer", "--result", "confirmed")
    ok("verify", drop, "--by", "王强", "--pretext", "buyer", "--result", "confirmed")
    ok("log-visit", drop, "--by", "刘洋", "--outcome", "substandard")
    ok("redsea", drop, "--cold")
    before = row_counts(isolated)
    assert_refused(run("merge", keep, drop, "--by", "李娜"), 1)
    assert_refused(run("merge", keep, keep, "--by", "赵敏"), 2)
    assert_refused(run("merge", keep, 99, "--by", "赵敏"), 2)
    assert row_counts(isolated) == before
    doc = ok_json("merge", keep, drop, "--by", "赵敏", "--yes")
    assert doc["moved"]["visit"] == 1 and doc["moved"]["verification_round"] == 1
    assert doc["filled"] == ["email"]
    after = row_counts(isolated)  # nothing deleted; the merge is on record
    assert (after.pop("prospect_merge"), after.pop("merge_moved")) == (1, 5)
    # The facts it filled and the merge itself are changes in the prospects' histories.
    assert after.pop("prospect_change") == before.pop("prospect_change") + 2
    assert after == {t: n for t, n in before.items() if t not in ("prospect_merge",
                                                                  "merge_moved")}
    shown = ok_json("show", keep)
    assert [r["round"] for r in shown["rounds"]] == [2, 3]
    assert len(shown["visits"]) == 1 and shown["redsea"]["signals"] == ["cold"]
    assert shown["prospect"]["email"] == "it@jia.cn"
    assert [r["id"] for r in ok_json("list")] == [keep]
    assert ok_json("show", drop)["prospect"]["merged_into"] == keep  # shown, marked merged
    assert_refused(run("merge", keep, drop, "--by", "赵敏", "--yes"), 2)
    assert ok_json("dedupe") == []


@pytest.mark.slow
def test_parallel_validation_gives_the_same_report(team, isolated, tmp_path, monkeypatch):
    """Big files are validated by worker processes: same rows, errors and order as in one."""
    from yulin_cli.data import importing as transfer

    rows = []
    for i in range(3 * transfer.CHUNK + 7):
        bad = i % 997 == 5
        rows.append([f"苏州并行{i:05d}号公司", "苏州", "李娜" if i % 3 else "王强",
                     "many" if bad else "150", "40", f"0512-6{i:07d}", "15万", "2026-10-15",
                     ""])
    rows.insert(10, ["", "", "", "", "", "", "", "", ""])  # a blank line is not a row
    path = write_csv(tmp_path / "big.csv", HEADER_EN, rows)
    sequential = run("import", str(path), "--json", "--dry-run").json
    monkeypatch.setattr(transfer, "PARALLEL_FROM", 0)
    parallel = run("import", str(path), "--json", "--dry-run").json
    assert parallel == sequential
    assert parallel["rows"] == len(rows) - 1
    assert [e["row"] for e in parallel["errors"]] == sorted(e["row"] for e in parallel["errors"])
    doc = run("import", str(path), "--json", "--skip-invalid").json
    assert doc["imported"] == len(rows) - 1 - len(doc["errors"])
    assert isolated.counts()["prospect"] == doc["imported"]


def test_export_rounds_with_the_columns_a_rounds_import_reads(team):
    pid = add()
    make_ready(pid)
    text = ok("--lang", "zh", "export", "--what", "复核").stdout.lstrip("\ufeff")
    header, first = text.splitlines()[:2]
    assert header.split(",") == ["编号", "客户编号", "公司名称", "轮次", "复核人", "身份", "结果",
                                 "确认地址", "核实规模", "日期", "备注", "作废时间"]
    assert f",{pid},苏州恒瑞精密机械有限公司,2,李娜,采购,确认,是,否,2026-10-15," in first
