"""add-prospect, update-prospect, list and show through the CLI."""

from __future__ import annotations

import pytest

from conftest import add, assert_refused, json_error, ok, ok_json, row_counts, run


def test_add_prospect_json(team):
    doc = ok_json("add-prospect", "--company", "苏州恒瑞精密机械有限公司", "--city", "苏州",
                  "--sourced-by", "李娜", "--landline", "0512-68881234", "--deal-value", "15万",
                  "--found-on", "2026-10-15")
    assert doc | {"id": 1, "duplicate_of": None} == doc
    assert doc["warnings"] == []
    shown = ok_json("show", "1")["prospect"]
    assert shown["landline"] == "+8651268881234"
    assert shown["deal_value"] == 150000
    assert shown["sourced_by"] == "李娜"


def test_found_on_defaults_to_today(team, monkeypatch):
    monkeypatch.setenv("YULIN_TODAY", "2026-10-20")
    pid = ok_json("add-prospect", "--company", "苏州甲公司", "--city", "苏州",
                  "--sourced-by", "李娜")["id"]
    assert ok_json("show", pid)["prospect"]["found_on"] == "2026-10-20"


def test_out_of_territory_is_refused(team, isolated):
    before = row_counts(isolated)
    code, error = json_error("add-prospect", "--company", "上海某公司", "--city", "上海",
                             "--sourced-by", "李娜", "--force")
    assert (code, error["code"]) == (1, "refuse.territory")
    assert row_counts(isolated) == before


@pytest.mark.parametrize("landline", ["0512-68881234", "051268881234", "+86 512 6888 1234"])
def test_duplicate_phone_in_any_spelling(team, isolated, landline):
    first = add("苏州甲公司", "--landline", "0512-68881234")
    before = row_counts(isolated)
    result = run("add-prospect", "--company", "完全不同的名字", "--city", "苏州",
                 "--sourced-by", "王强", "--landline", landline, "--json")
    assert_refused(result, 1)
    assert result.json["duplicate_of"] == first
    assert result.json["error"]["code"] == "refuse.duplicate"
    assert row_counts(isolated) == before


@pytest.mark.parametrize("variant", ["苏州市金和软件有限公司", "金和软件（苏州）有限公司",
                                     "金和软件股份有限公司"])
def test_duplicate_name_variants(team, variant):
    first = add("苏州金和软件有限公司")
    assert "dup of" not in ok("list").stdout  # no column while no row has one
    result = run("add-prospect", "--company", variant, "--city", "苏州", "--sourced-by", "王强")
    assert_refused(result, 1)
    forced = ok_json("add-prospect", "--company", variant, "--city", "苏州",
                     "--sourced-by", "王强", "--force")
    assert forced["duplicate_of"] == first
    shown = ok("list").stdout
    assert "dup of" in shown and f"#{first}" in shown


def test_the_same_mobile_in_another_spelling_is_a_duplicate(team, isolated):
    first = add("苏州甲公司", "--mobile", "13812345678")
    before = row_counts(isolated)
    result = run("add-prospect", "--company", "苏州乙公司", "--city", "苏州",
                 "--sourced-by", "王强", "--mobile", "138 1234 5678", "--json")
    assert_refused(result, 1)
    assert result.json["duplicate_of"] == first
    assert result.json["error"]["code"] == "refuse.duplicate"
    assert row_counts(isolated) == before


def test_update_prospect_changes_only_what_is_given(team):
    pid = add("苏州甲公司", "--deal-value", "10w")
    doc = ok_json("update-prospect", pid, "--need", "explicit", "--employees", "300")
    assert doc["changed"] == ["employees", "need"]
    shown = ok_json("show", pid)["prospect"]
    assert (shown["deal_value"], shown["need"], shown["employees"]) == (100000, "explicit", 300)


def test_update_to_another_city_is_refused(team, isolated):
    pid = add("苏州甲公司")
    before = row_counts(isolated)
    assert_refused(run("update-prospect", pid, "--city", "无锡"), 1)
    assert row_counts(isolated) == before
    assert ok_json("show", pid)["prospect"]["city"] == "苏州"


def test_update_with_nothing_is_bad_input(team, isolated):
    pid = add()
    before = ok_json("show", pid)["prospect"]
    code, error = json_error("update-prospect", pid)
    assert (code, error["code"]) == (2, "bad.nothing_to_update")
    assert ok_json("show", pid)["prospect"] == before


def test_list_has_contract_keys_and_filters(team):
    add("苏州甲公司", "--deal-value", "25万", "--need", "explicit", "--yulin-interest", "high")
    add("苏州乙公司", by="王强", found_on="2026-10-16")
    rows = ok_json("list")
    assert {"id", "company", "city", "sourced_by", "found_on", "stars",
            "duplicate_of"} <= rows[0].keys()
    assert [r["stars"] for r in rows] == [5, 1]
    assert [r["company"] for r in ok_json("list", "--sourced-by", "王强")] == ["苏州乙公司"]
    assert [r["id"] for r in ok_json("list", "--min-stars", "5")] == [1]
    assert [r["id"] for r in ok_json("list", "--from", "2026-10-16")] == [2]
    human = ok("list").stdout
    assert "苏州甲公司" in human and "★★★★★" in human


def test_show_gathers_everything(team):
    pid = add("苏州甲公司", "--in-selection")
    ok("verify", pid, "--by", "李娜", "--pretext", "buyer", "--result", "confirmed")
    doc = ok_json("show", pid)
    assert set(doc) >= {"prospect", "rounds", "visits", "readiness", "rating", "redsea"}
    assert doc["rounds"][0]["round"] == 2
    assert doc["redsea"]["verdict"] == "pure"
    assert len(doc["readiness"]["checks"]) == 6
    assert "苏州甲公司" in ok("show", pid).stdout


def test_unknown_prospect_is_bad_input(team):
    for args in (["show", "99"], ["check-visit", "99"], ["rate", "99"],
                 ["update-prospect", "99", "--pcs", "3"]):
        result = run(*args, "--json")
        assert_refused(result, 2)
        assert (result.json["error"]["code"], result.json["id"]) == ("not_found.prospect", 99), args
