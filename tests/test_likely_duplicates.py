"""Likely duplicates at write time (issue 18, item 7): a typo or same-sound slip in the name,
backed by one agreeing fact other than the address, is accepted at `add-prospect` and `import`
with a warning naming the earlier prospect (`possible_duplicates`); it stays in the evening's
attention with the merge command until a manager merges the two or marks them `distinct`."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import assert_refused, ok, ok_json, row_counts, run
from test_data import write_csv

DAY = "2026-10-16"
SCALE = ("--employees", "150", "--pcs", "40", "--contact-surname", "周")


def add(company: str, *facts: str, found_on: str = DAY) -> dict[str, Any]:
    doc: dict[str, Any] = ok_json("add-prospect", "--company", company, "--city", "苏州",
                                  "--sourced-by", "李娜", "--found-on", found_on, *facts)
    return doc


def test_add_warns_of_a_likely_duplicate_and_never_blocks(team):
    first = add("苏州恒瑞精密机械有限公司", *SCALE, found_on="2026-10-15")["id"]
    second = add("苏州恒锐精密机械有限公司", *SCALE)  # 瑞/锐 sound alike (rui)
    assert second["duplicate_of"] is None
    assert second["possible_duplicates"] == [{
        "id": first, "company": "苏州恒瑞精密机械有限公司",
        "reasons": ["same-sound", "surname-scale"], "confidence": 0.8}]
    # The human warning names the earlier prospect and what settles it, in both languages.
    out = run("add-prospect", "--company", "苏州恒瑞精蜜机械有限公司", "--city", "苏州",
              "--sourced-by", "李娜", "--found-on", DAY, *SCALE)
    assert out.exit_code == 0
    third = second["id"] + 1
    warned = " ".join(out.stderr.split())
    assert f"possibly the same company as #{first} 苏州恒瑞精密机械有限公司" in warned
    assert f"yulin merge {first} {third}" in warned and f"yulin distinct {first} {third}" in warned
    zh = run("--lang", "zh", "add-prospect", "--company", "苏州恒锐精蜜机械有限公司", "--city",
             "苏州", "--sourced-by", "王强", "--found-on", DAY, *SCALE)
    assert zh.exit_code == 0
    assert f"可能和客户 #{first} 苏州恒瑞精密机械有限公司 是同一家" in zh.stderr
    assert "名称读音相近、接口人姓氏和规模都相同" in zh.stderr
    assert "same" not in zh.stderr and "possibly" not in zh.stderr
    # It never changes the quota by itself: every one counts until a manager settles it.
    report = ok_json("daily-report", "--date", DAY)
    assert sum(p["quality_found"] for p in report["people"]) == 3


def test_only_one_agreeing_fact_other_than_the_address_backs_a_typo(team):
    address = ("--address", "工业园区星湖街 218 号")
    add("苏州天目精密机械有限公司", *address, "--email", "it@tianmu-jm.com")
    # A shared address alone is never enough (RULES.md).
    assert add("苏州天目精蜜机械有限公司", *address)["possible_duplicates"] == []
    # A public mail service says nothing; the company's own domain does.
    assert add("苏州天木精密机械有限公司", "--email", "li@qq.com")["possible_duplicates"] == []
    mail = add("苏州天目精密机槭有限公司", "--email", "wang@TIANMU-JM.com")
    assert [p["reasons"] for p in mail["possible_duplicates"]] == [["similar-name",
                                                                    "mail-domain"]]
    # The surname without the exact scale, or the scale without the surname: not enough.
    add("苏州华研新材料有限公司", *SCALE, "--district", "相城区")
    assert add("苏州化验新材料有限公司", "--contact-surname", "周", "--employees", "150",
               "--pcs", "41")["possible_duplicates"] == []
    assert add("苏州华验新材料有限公司", "--employees", "150", "--pcs", "40")[
        "possible_duplicates"] == []
    # Two known districts that differ are two companies.
    assert add("苏州华研新材枓有限公司", *SCALE, "--district", "吴中区")[
        "possible_duplicates"] == []


def test_import_warns_per_row_against_the_database_and_the_file(team, tmp_path):
    earlier = add("苏州恒瑞精密机械有限公司", *SCALE)["id"]
    header = ["company", "city", "sourced_by", "employees", "pcs", "contact_surname",
              "found_on"]
    rows = [["苏州恒锐精密机械有限公司", "苏州", "李娜", "150", "40", "周", DAY],
            ["苏州长风航空部件有限公司", "苏州", "王强", "300", "90", "王", DAY],
            ["苏州长峰航空部件有限公司", "苏州", "王强", "300", "90", "王", DAY]]
    path = write_csv(tmp_path / "p.csv", header, rows)
    doc = ok_json("import", str(path))
    assert doc["imported"] == 3 and doc["duplicates"] == []
    assert doc["possible_duplicates"] == [
        {"row": 2, "prospect_id": earlier + 1, "id": earlier,
         "company": "苏州恒瑞精密机械有限公司", "reasons": ["same-sound", "surname-scale"],
         "confidence": 0.8},
        {"row": 4, "prospect_id": earlier + 3, "id": earlier + 2,
         "company": "苏州长风航空部件有限公司", "reasons": ["same-sound", "surname-scale"],
         "confidence": 0.8, "earlier_row": 3}]
    # A dry run says the same of each row, with no prospect of its own yet.
    dry = ok_json("import", str(path), "--dry-run", "--force")
    assert {(d["row"], d["id"], d["prospect_id"]) for d in dry["possible_duplicates"]} >= {
        (2, earlier, None)}
    human = ok("--lang", "zh", "import", str(path), "--dry-run", "--force").stdout
    assert "可能重复" in human and f"第 2 行 → #{earlier} 苏州恒瑞精密机械有限公司" in human


def test_the_evening_lists_it_until_merged_or_marked_distinct(team, isolated):
    a = add("苏州恒瑞精密机械有限公司", *SCALE, found_on="2026-10-15")["id"]
    b = add("苏州恒锐精密机械有限公司", *SCALE)["id"]
    c = add("苏州金达模具有限公司", "--email", "it@jinda-mold.com")["id"]
    d = add("苏州金远模具有限公司", "--email", "wang@jinda-mold.com")["id"]

    def standing() -> list[tuple[int, int]]:
        report = ok_json("daily-report", "--date", DAY)
        return [(i["earlier_id"], i["prospect_id"]) for i in report["attention"]
                if i["kind"] == "likely-duplicate"]

    assert standing() == [(a, b), (c, d)]
    item = next(i for i in ok_json("daily-report", "--date", DAY)["attention"]
                if i["kind"] == "likely-duplicate")
    assert (item["rule"], item["clause"], item["staff"]) == ("duplicate", "Q8", None)
    assert item["command"] == f"yulin merge {a} {b} --by ..."
    human = " ".join(ok("daily-report", "--date", DAY).stdout.split())
    assert "likely duplicates (Q8): 2" in human and f"yulin merge {a} {b} --by ..." in human
    assert "可能重复的客户" in ok("--lang", "zh", "daily-report", "--date", DAY).stdout
    assert [(i["earlier_id"], i["prospect_id"]) for i in ok_json(
        "attention", "--rule", "duplicate", "--date", DAY)] == [(a, b), (c, d)]
    # Only a manager marks them distinct; bad ids are bad input; nothing written either way.
    before = row_counts(isolated)
    assert_refused(run("distinct", str(a), str(b), "--by", "李娜"), 1)
    assert_refused(run("distinct", str(a), str(a), "--by", "赵敏"), 2)
    assert_refused(run("distinct", str(a), "999", "--by", "赵敏"), 2)
    assert row_counts(isolated) == before
    marked = ok("--lang", "zh", "distinct", str(b), str(a), "--by", "赵敏").stdout
    assert f"#{a} 苏州恒瑞精密机械有限公司 和 #{b}" in marked and "不再提示" in marked
    assert ok_json("distinct", str(a), str(b), "--by", "赵敏") == {
        "first": a, "second": b, "recorded": False}
    assert isolated.query("SELECT first_id, second_id FROM distinct_pair") == [(a, b)]
    assert standing() == [(c, d)]
    assert all(a not in g["ids"] or b not in g["ids"] for g in ok_json("dedupe"))
    ok("merge", str(c), str(d), "--by", "赵敏", "--yes")
    assert standing() == []
    # Marked distinct, a new look-alike of both is still named, but not the pair.
    again = add("苏州恒睿精密机械有限公司", *SCALE)
    assert [p["id"] for p in again["possible_duplicates"]] == [a, b]


@pytest.mark.once
def test_a_write_with_no_look_alike_loads_no_pinyin(team):
    from test_startup_loads import loaded

    add("苏州恒瑞精密机械有限公司", *SCALE)
    modules = loaded("add-prospect", "--company", "苏州天目电子有限公司", "--city", "苏州",
                     "--sourced-by", "李娜", "--found-on", DAY, *SCALE)
    assert "pypinyin" not in modules


# --- the pairs kept for the evening (issue 21) ----------------------------------------------------


def test_the_evening_reads_the_pairs_each_write_keeps(team, isolated):
    """Each write that changes a prospect's facts judges its pairs again in its own
    transaction; the evening reads them, and `doctor --recompute` derives them from the whole
    table and lists what differs."""
    def kept():
        return isolated.query("SELECT first_id, second_id, typo, facts FROM likely_pair"
                              " ORDER BY first_id, second_id")

    def evening():
        return [(i["earlier_id"], i["prospect_id"]) for i in ok_json(
            "attention", "--rule", "duplicate", "--date", DAY)]

    a = add("苏州恒瑞精密机械有限公司", *SCALE, found_on="2026-10-15")["id"]
    b = add("苏州恒锐精密机械有限公司", *SCALE)["id"]
    assert kept() == [(a, b, "same-sound", "surname-scale")]
    assert evening() == [(a, b)]
    # Another scale: no second fact, no pair; the scale again: the pair again.
    ok("update-prospect", str(b), "--employees", "300", "--date", DAY)
    assert kept() == [] and evening() == []
    ok("update-prospect", str(b), "--employees", "150", "--date", DAY)
    assert kept() == [(a, b, "same-sound", "surname-scale")]
    # The company's own mail domain agrees too: the kept verdict says so.
    ok("update-prospect", str(a), "--email", "it@hengrui.cn", "--date", DAY)
    ok("update-prospect", str(b), "--email", "li@hengrui.cn", "--date", DAY)
    assert kept() == [(a, b, "same-sound", "surname-scale,mail-domain")]
    assert ok_json("doctor", "--recompute")["differences"] == []
    # A pair lost (or typed in by hand) is what doctor names.
    isolated.query("DELETE FROM likely_pair")
    doc = run("doctor", "--recompute", "--json")
    assert doc.exit_code == 1
    assert doc.json["differences"] == [{
        "record": f"likely {a}-{b}", "what": "likely_pair", "stored": None,
        "derived": "same-sound:surname-scale,mail-domain"}]
    zh = "".join(run("--lang", "zh", "doctor", "--recompute").stdout.split())  # wrapped
    assert (f"客户#{a}和#{b}（可能重复的两家）：存的是无，按规则应为名称读音相近、接口人姓氏和规模都相同、"
            "公司邮箱域名相同") in zh
    assert evening() == []  # the evening trusts what is kept
    # Merging judges the pair away; undoing the merge judges it back.
    ok("update-prospect", str(a), "--employees", "150", "--date", DAY)  # no change: nothing
    ok("merge", str(a), str(b), "--by", "赵敏", "--yes")
    assert kept() == [] and evening() == []
    ok("unmerge", str(b), "--by", "赵敏")
    assert kept() == [(a, b, "same-sound", "surname-scale,mail-domain")]
    assert evening() == [(a, b)]


def test_an_upgraded_database_judges_its_pairs(team, isolated):
    """A database made before pairs were kept gets them when it is upgraded."""
    if not isolated.is_sqlite:
        pytest.skip("the schema is rolled back by hand on the SQLite file")
    a = add("苏州恒瑞精密机械有限公司", *SCALE, found_on="2026-10-15")["id"]
    b = add("苏州恒锐精密机械有限公司", *SCALE)["id"]
    isolated.query("DROP TABLE likely_pair")
    for index in ("ix_prospect_scale", "ix_prospect_mail_domain",  # 0015's too
                  "ix_visit_day_live", "ix_visit_staff_day_live", "ix_visit_flag_visit"):  # 0016
        isolated.query(f"DROP INDEX {index}")
    for index in ("ix_visit_day ON visit (day)", "ix_visit_staff_day ON visit (staff_id, day,"
                  " effective)", "ix_visit_flag_visit_id ON visit_flag (visit_id)"):
        isolated.query(f"CREATE INDEX {index}")
    isolated.query("UPDATE alembic_version SET version_num = '0014'")
    ok("upgrade")
    assert isolated.query("SELECT first_id, second_id FROM likely_pair") == [(a, b)]
    assert ok_json("doctor", "--recompute")["differences"] == []


def test_look_alikes_are_found_through_indexes(team, isolated):
    """A write finds the prospects sharing a fact with its own through an index of each fact
    (at 100,000 prospects a scan of the table costs more than the whole command)."""
    from yulin_cli.models import SQLModel
    from yulin_cli.prospects.likely import MAIL_SQL

    table = SQLModel.metadata.tables["prospect"]
    index = next(i for i in table.indexes if i.name == "ix_prospect_mail_domain")
    assert str(next(iter(index.expressions))) == MAIL_SQL.replace("p.email", "email")
    if not isolated.is_sqlite:
        return
    plans = {
        "mail": isolated.query(f"EXPLAIN QUERY PLAN SELECT p.id FROM prospect p WHERE {MAIL_SQL}"
                               " = 'x.cn' AND p.city = '苏州' AND p.merged_into IS NULL"),
        "scale": isolated.query("EXPLAIN QUERY PLAN SELECT p.id FROM prospect p WHERE"
                                " p.contact_surname = '周' AND p.employees = 150 AND p.pcs = 40"
                                " AND p.city = '苏州' AND p.merged_into IS NULL"),
    }
    assert "ix_prospect_mail_domain" in str(plans["mail"]), plans
    assert "ix_prospect_scale" in str(plans["scale"]), plans
