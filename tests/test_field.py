"""What the field found in a working week (issue "What the field finds"): county towns are the
centre's territory, a photo's place is judged against the city, upgrade visits are for
customers, nothing is dated ahead or before what it concerns, a change that makes two
prospects one is refused, a merged prospect is shown, and every command a screen suggests is
complete. Each runs the CLI on both backends."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ALL_ITEMS, add, assert_refused, json_error, make_ready, ok, ok_json, row_counts, run
from test_proof import jpeg, visit
from yulin_cli import places, rules

BEIJING = ((39.0, 54.0, 15.0), (116.0, 24.0, 26.0))  # 天安门, about 1,000 km from 苏州
KUNSHAN_SEAT = ((31.0, 23.0, 8.0), (120.0, 58.0, 50.0))  # 昆山市 seat


# --- county towns (Q6) ----------------------------------------------------------------------


@pytest.mark.once
@pytest.mark.parametrize(("city", "towns"), [
    ("无锡", ["江阴", "宜兴"]),
    ("苏州", ["昆山", "常熟", "张家港", "太仓"]),
])
def test_the_shipped_table_knows_the_county_towns(city, towns):
    for town in towns:
        for typed in (town, town + "市"):
            place = places.county_of(typed)
            assert place is not None and place.prefecture == city and place.kind == "县级市"
            assert place.suburban and place.lat is not None
    assert places.county_of("苏州") is None  # a prefecture is not a county of anything


@pytest.mark.once
def test_namesake_counties_are_told_apart_by_the_centre():
    # 朝阳区 is in 北京 and in 长春: only the finder's centre says which.
    assert places.county_of("朝阳区") is None
    for near in ("长春", "北京"):
        place = places.county_of("朝阳区", near=near)
        assert place is not None and place.prefecture == near


@pytest.mark.once
@given(st.sampled_from(["吴江", "江阴", "朝阳", "阿拉善", "神农架"]),
       st.sampled_from(["", "区", "市", "县", "旗", "自治县", "林区"]))
def test_a_district_compares_without_its_kind(name, suffix):
    assert rules.district_key(name + suffix) == name


def test_a_county_town_is_in_territory_and_suburban(team):
    doc = ok_json("add-prospect", "--company", "昆山华达机械有限公司", "--city", "昆山",
                  "--sourced-by", "李娜", "--found-on", "2026-10-15")
    shown = ok_json("show", doc["id"])["prospect"]
    assert (shown["city"], shown["district"], shown["suburban"]) == ("苏州", "昆山市", True)
    # Said otherwise, it stays said; a city's own district is not suburban by default.
    other = ok_json("add-prospect", "--company", "常熟纺织有限公司", "--city", "苏州",
                    "--district", "常熟", "--no-suburban", "--sourced-by", "李娜")["id"]
    assert ok_json("show", other)["prospect"]["suburban"] is False
    assert ok_json("show", other)["prospect"]["district"] == "常熟市"
    urban = ok_json("add-prospect", "--company", "吴江丝绸有限公司", "--city", "苏州",
                    "--district", "吴江", "--sourced-by", "李娜")["id"]
    assert ok_json("show", urban)["prospect"]["suburban"] is False
    # A county town of another prefecture is still out of territory.
    assert_refused(run("add-prospect", "--company", "江阴华达机械有限公司", "--city", "江阴",
                       "--sourced-by", "李娜"), 1)
    # Moved to a county town by an update: the district and suburban flag follow.
    pid = add("苏州工业园区星海电子有限公司")
    changed = ok_json("update-prospect", pid, "--city", "太仓市")
    shown = ok_json("show", pid)["prospect"]
    assert (shown["city"], shown["district"], shown["suburban"]) == ("苏州", "太仓市", True)
    assert "city" not in changed["changed"]


def test_a_sweep_between_wujiang_and_wujiangqu_is_not_far(team):
    planned = add("苏州恒瑞精密机械有限公司", "--district", "吴江区")
    make_ready(planned)
    ok("plan-visit", planned, "--visitor", "张伟", "--date", "2026-10-19")
    ok("log-visit", planned, "--by", "张伟", "--outcome", "met", "--items", ALL_ITEMS,
       "--landline", "--email", "--date", "2026-10-19")
    swept = ok_json("add-prospect", "--company", "苏州吴江宏达纺织有限公司", "--city", "苏州",
                    "--district", "吴江", "--sourced-by", "李娜", "--employees", "150", "--pcs",
                    "40", "--found-on", "2026-10-15")["id"]
    doc = ok_json("log-visit", swept, "--by", "张伟", "--kind", "sweep", "--outcome", "met",
                  "--items", ALL_ITEMS, "--landline", "--email", "--date", "2026-10-19")
    assert "sweep-far" not in doc["flags"]


# --- a photo's place (Q15) --------------------------------------------------------------------


def test_a_photo_from_another_city_is_flagged_and_does_not_move_the_company(team, tmp_path):
    pid = add()
    make_ready(pid)
    far = visit(pid, jpeg(tmp_path / "beijing.jpg", gps=BEIJING))
    assert far["flags"] == ["photo-far"]
    reason = next(r for r in far["reasons"] if r["rule"] == "proof" and not r["ok"])
    assert "km from the company's city (allowed: 100 km)" in reason["message"]
    assert f"yulin inspect {far['visit_id']} --verdict" in reason["fix"]
    assert ok_json("show", pid)["prospect"]["latitude"] is None  # not learnt from it
    # A photo inside the city is consistent, and tells where the company is.
    near = visit(pid, jpeg(tmp_path / "door.jpg", color="blue"))
    assert near["flags"] == []
    assert ok_json("show", pid)["prospect"]["latitude"] == pytest.approx(31.298333)


def test_a_county_town_photo_is_measured_from_its_seat(team, tmp_path):
    pid = ok_json("add-prospect", "--company", "昆山华达机械有限公司", "--city", "昆山",
                  "--sourced-by", "李娜", "--employees", "150", "--pcs", "40",
                  "--found-on", "2026-10-15")["id"]
    make_ready(pid)
    assert visit(pid, jpeg(tmp_path / "ks.jpg", gps=KUNSHAN_SEAT))["flags"] == []


def test_a_photo_with_nothing_to_compare_with_says_so(team, tmp_path):
    # A centre in a city the table does not know, and no recorded location.
    ok("center", "add", "测试中心", "--city", "不存在市")
    ok("staff", "add", "钱七", "--center", "测试中心", "--role", "prospector", "--role", "visitor")
    pid = ok_json("add-prospect", "--company", "某某科技有限公司", "--city", "不存在市",
                  "--sourced-by", "钱七", "--employees", "150", "--pcs", "40",
                  "--found-on", "2026-10-15")["id"]
    doc = visit(pid, jpeg(tmp_path / "x.jpg", gps=BEIJING), by="钱七")
    assert not {"photo-far", "photo-date"} & set(doc["flags"])
    proof = [r["message"] for r in doc["reasons"] if r["rule"] == "proof"]
    assert any("place was not checked" in m for m in proof)
    assert not any("place consistent" in m for m in proof)
    assert ok_json("show", pid)["prospect"]["latitude"] is None


# --- verdict edges ---------------------------------------------------------------------------


def test_an_upgrade_visit_is_only_for_an_existing_customer(team, isolated):
    pid = add()
    before = row_counts(isolated)
    assert_refused(run("log-visit", pid, "--by", "张伟", "--kind", "upgrade", "--outcome",
                       "substandard", "--date", "2026-10-19"), 1)
    assert row_counts(isolated) == before
    ok("update-prospect", pid, "--existing-customer")
    ok("log-visit", pid, "--by", "张伟", "--kind", "upgrade", "--outcome", "met",
       "--date", "2026-10-19")


def test_the_upgrade_list_names_a_customer_once(team):
    first = add("苏州恒瑞精密机械有限公司", "--existing-customer", "--landline",
                "0512-66881234", "--pcs", "300", "--employees", "400")
    ok("add-prospect", "--company", "苏州恒瑞精密机械有限公司", "--city", "苏州",
       "--existing-customer", "--landline", "0512-66881234", "--pcs", "300",
       "--employees", "400", "--sourced-by", "王强", "--force")
    doc = ok_json("manager")
    assert [u["prospect_id"] for u in doc["upgrade_visits"]] == [first]


@pytest.mark.parametrize("command", [
    ("verify", "{pid}", "--by", "李娜", "--pretext", "buyer", "--result", "confirmed"),
    ("log-visit", "{pid}", "--by", "张伟", "--outcome", "met"),
    ("redsea", "{pid}", "--cold", "--by", "张伟"),
    ("update-prospect", "{pid}", "--address", "星湖街 1 号"),
])
def test_records_dated_ahead_or_before_the_find_are_bad_input(team, isolated, command):
    pid = add(found_on="2026-10-15")
    before = row_counts(isolated)
    args = [a.format(pid=pid) for a in command]
    for day, why in (("2099-01-01", "bad.future_day"), ("2026-10-14", "bad.before_record")):
        code, error = json_error(*args, "--date", day)
        assert (code, error["code"]) == (2, why), error
    assert row_counts(isolated) == before
    assert_refused(run("add-prospect", "--company", "未来科技有限公司", "--city", "苏州",
                       "--sourced-by", "李娜", "--found-on", "2099-01-01"), 2)


def test_an_inspection_is_not_dated_before_its_visit_nor_ahead(team):
    pid = add()
    vid = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "substandard",
                  "--date", "2026-10-19")["visit_id"]
    for day in ("2026-10-18", "2099-01-01"):
        assert_refused(run("inspect", vid, "--verdict", "upheld", "--by", "赵敏",
                           "--date", day), 2)
    assert_refused(run("adjust-points", "李娜", "5", "--reason", "x", "--by", "赵敏",
                       "--date", "2099-01-01"), 2)


def test_check_visit_judges_as_of_today_not_a_round_dated_ahead(team):
    pid = add()
    make_ready(pid)
    assert run("check-visit", pid).exit_code == 0
    assert run("check-visit", pid, "--date", "2026-10-14").exit_code == 1


def test_a_change_that_makes_the_earlier_prospect_match_a_later_one_is_refused(team):
    earlier = add("苏州恒瑞精密机械有限公司")
    later = add("苏州星海电子有限公司", "--landline", "0512-66881234")
    result = run("update-prospect", earlier, "--landline", "0512-66881234")
    assert_refused(result, 1)
    assert ok_json("show", earlier)["prospect"]["landline"] is None
    ok("update-prospect", earlier, "--landline", "0512-66881234", "--force")
    assert ok_json("show", later)["prospect"]["duplicate_of"] == earlier
    assert ok_json("show", earlier)["prospect"]["duplicate_of"] is None
    # Already one company: changing it again is no new duplicate.
    ok("update-prospect", earlier, "--address", "星湖街 9 号")


def test_a_merged_prospect_is_shown_marked_as_merged(team):
    keep = add("苏州恒瑞精密机械有限公司", "--landline", "0512-66881234")
    drop = add("苏州恒瑞精密机械", "--landline", "0512-66881234", "--force")
    ok("merge", keep, drop, "--by", "赵敏", "--yes")
    doc = ok_json("show", drop)
    assert doc["prospect"]["merged_into"] == keep
    shown = ok("--lang", "zh", "show", drop).stdout
    assert f"已并入 #{keep}" in shown and f"yulin show {keep}" in shown


# --- a photo is asked for, and the fix names the visit ---------------------------------------


def test_the_agenda_asks_for_a_photo_when_the_policy_requires_one(team, tmp_path):
    path = tmp_path / "p.toml"
    path.write_text("[proof]\nrequire_photo = true\n", encoding="utf-8")
    ok("policy", "set", str(path), "--from", "2026-01-01", "--by", "赵敏", "--retroactive")
    pid = add()
    make_ready(pid)
    ok("plan-visit", pid, "--visitor", "张伟", "--date", "2026-10-19")
    doc = ok_json("agenda", "--visitor", "张伟", "--date", "2026-10-19")
    assert "photo" in doc["visits"][0]["to_capture"]
    zh = ok("--lang", "zh", "agenda", "--visitor", "张伟", "--date", "2026-10-19").stdout
    assert "走访照片" in zh and "photo" not in zh
    missing = ok("--lang", "zh", "log-visit", pid, "--by", "张伟", "--outcome", "met", "--items",
                 ALL_ITEMS, "--landline", "--email", "--date", "2026-10-19").stdout
    assert "缺：走访照片" in missing and "缺：photo" not in missing


def test_the_inspect_fix_names_the_visit(team, tmp_path):
    pid = add()
    make_ready(pid)
    doc = visit(pid, jpeg(tmp_path / "beijing.jpg", gps=BEIJING))
    again = run("--lang", "zh", "log-visit", pid, "--by", "张伟", "--outcome", "met",
                "--items", ALL_ITEMS, "--landline", "--email", "--date", "2026-10-19",
                "--photo", str(tmp_path / "beijing.jpg"))
    vid = doc["visit_id"] + 1
    assert f"yulin inspect {vid} --verdict" in again.stdout
    assert "走访编号" not in again.stdout and "VISIT_ID" not in again.stdout


def test_log_visit_with_photos_and_every_flag_speaks_chinese(team, tmp_path):
    from test_chinese import command_names, english_words

    path = tmp_path / "p.toml"
    path.write_text("[proof]\nrequire_photo = true\n", encoding="utf-8")
    ok("policy", "set", str(path), "--from", "2026-01-01", "--by", "赵敏", "--retroactive")
    pid = add("苏州恒瑞精密机械有限公司", "--location", "31.2983,120.5833")
    make_ready(pid)
    door = jpeg(tmp_path / "门口.jpg")
    runs = [
        ["--photo", door, "--mobile", "--qq", "--mobile-number", "13912345678",
         "--qq-number", "12345678", "--email-address", "zhou@hengrui.cn",
         "--landline-number", "0512-66881234", "--note", "见到周经理"],
        ["--photo", door],  # reused
        ["--photo", jpeg(tmp_path / "旧.jpg", taken="2026:10:12 09:00:00", color="blue")],
        ["--photo", jpeg(tmp_path / "远.jpg", gps=BEIJING, color="green")],
        ["--photo", jpeg(tmp_path / "无日期.jpg", taken=None, color="white")],
        [],  # no photo
    ]
    import re

    # The photos' own paths wrap in a table: their pieces are not words of a sentence.
    pieces = re.findall(r"[A-Za-z_]+", str(tmp_path))
    names = command_names() | {p[:n] for p in pieces for n in range(2, len(p) + 1)} | {"jpg"}
    said = {}

    def english(text: str) -> list[str]:
        return english_words(re.sub(r"\b[0-9a-f]{10}\b", " ", text), names)  # fingerprints

    for extra in runs:
        result = run("--lang", "zh", "log-visit", pid, "--by", "张伟", "--outcome", "met",
                     "--items", ALL_ITEMS, "--landline", "--email", "--date", "2026-10-19",
                     *extra)
        assert result.exit_code == 0, result.stderr
        words = english(result.stdout + result.stderr)
        if words:
            said[" ".join(extra)] = sorted(set(words))
    for args in (["show", pid], ["daily-report", "--date", "2026-10-19"], ["attention"]):
        result = run("--lang", "zh", *map(str, args))
        words = english(result.stdout + result.stderr)
        if words:
            said[" ".join(map(str, args))] = sorted(set(words))
    assert not said, said


def test_the_readme_county_town_section_runs_as_written(isolated):
    import shlex

    from test_readme import _blocks, _section

    ran = 0
    for kind, lines in _blocks(_section("County towns, suburbs")):
        for i, line in enumerate(lines):
            if kind == "sh" and line.strip():
                assert run(*shlex.split(line)[1:]).exit_code == 0, line
                ran += 1
            elif kind == "text" and line.startswith("$ yulin "):
                result = run(*shlex.split(line[len("$ yulin "):]))
                assert lines[i + 1].strip() in result.stdout + result.stderr, (line, result)
                ran += 1
    assert ran == 7
