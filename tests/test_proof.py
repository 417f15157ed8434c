"""Proof (Q15, Q8): credit codes, locations, visit photos, their flags, the sample and proof
inspections; the rules table-driven, the behaviour through the CLI on both backends."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from stdnum.cn import uscc

from conftest import (
    ALL_ITEMS,
    Arg,
    add,
    assert_refused,
    json_error,
    make_ready,
    ok,
    ok_json,
    row_counts,
    run,
)
from yulin_cli import rules
from yulin_cli.parsers import parse_credit_code, parse_location
from yulin_cli.policy import Policy

POLICY = Policy()
CODE_A, CODE_B, CODE_C = "91320594MA1M123459", "91320594MA1M56789C", "91320500MA1M00001C"
HERE = "31.2983,120.5833"  # the company, 苏州工业园区
NEAR = ((31.0, 17.0, 54.0), (120.0, 35.0, 0.0))  # about 4 m away
FAR = ((31.0, 27.0, 54.0), (120.0, 35.0, 0.0))  # about 18.5 km north


def jpeg(path, *, taken: str | None = "2026:10:19 10:00:00", gps=NEAR, color="red") -> str:
    """A small JPEG with an EXIF date-time and GPS position, as a phone writes them."""
    image = Image.new("RGB", (8, 8), color)
    exif = Image.Exif()
    if taken:
        exif.get_ifd(0x8769)[36867] = taken
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: gps[0], 3: "E", 4: gps[1]})
    image.save(path, exif=exif)
    return str(path)


def visit(pid: int, *photos: str, outcome: str = "met", effective: bool = True,
          date: str = "2026-10-19", by: str = "张伟", extra: tuple[str, ...] = ()) -> dict[str, Any]:
    args: list[Arg] = ["log-visit", pid, "--by", by, "--outcome", outcome, "--date", date, *extra]
    if effective:
        args += ["--items", ALL_ITEMS, "--landline", "--email"]
    for photo in photos:
        args += ["--photo", photo]
    doc: dict[str, Any] = ok_json(*args)
    return doc


def policy_file(tmp_path, monkeypatch, text: str) -> None:
    """The team's policy from now on: a manager sets it, judging again what came before (a
    personal YULIN_POLICY file no longer changes what a write records)."""
    path = tmp_path / "proof.toml"
    path.write_text(text, encoding="utf-8")
    ok("policy", "set", str(path), "--from", "2026-01-01", "--by", "赵敏", "--retroactive")


# --- the rules, table-driven ----------------------------------------------------------------


@pytest.mark.once
@pytest.mark.parametrize(("text", "expected"), [
    ("91320594MA1M123459", CODE_A),
    ("91320594ma1m123459", CODE_A),  # stored upper-case
    (" 9132 0594 MA1M 1234 59 ", CODE_A),  # spaces as people type them
    ("91320594MA1M12345-9", CODE_A),
    ("91320594MA1M12345A", "bad.credit_code_check"),  # a wrong check character
    ("91320594MA1M1234", "bad.credit_code_length"),
    ("91320594MA1M1234599", "bad.credit_code_length"),
    ("91320594MA1I123459", "bad.credit_code_format"),  # I is not in the alphabet
    ("9132059XMA1M123459", "bad.credit_code_format"),
])
def test_credit_code_validation(text, expected):
    try:
        assert parse_credit_code(text) == expected
    except ValueError as exc:
        assert str(exc) == expected


_BODY = st.text(alphabet="0123456789", min_size=8, max_size=8).flatmap(
    lambda head: st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=9,
                         max_size=9).map(lambda tail: head + tail))


@pytest.mark.once
@given(_BODY, st.sampled_from("0123456789ABCDEFGHJKLMNPQRTUWXY"))
def test_only_the_right_check_character_is_accepted(body, check):
    code = body + check
    right = uscc.calc_check_digit(body)
    if check == right:
        assert parse_credit_code(code.lower()) == code
    else:
        with pytest.raises(ValueError, match="bad.credit_code_check"):
            parse_credit_code(code)


@pytest.mark.once
@given(_BODY)
def test_the_fast_check_character_is_the_librarys(body):
    from yulin_cli.parsers import _uscc_check

    assert _uscc_check(body) == uscc.calc_check_digit(body)


@pytest.mark.once
@pytest.mark.parametrize(("text", "expected"), [
    ("31.2983,120.5833", (31.2983, 120.5833)),
    ("31.2983, 120.5833", (31.2983, 120.5833)),
    ("31.2983，120.5833", (31.2983, 120.5833)),
    ("-33.8688 151.2093", (-33.8688, 151.2093)),
    ("31.12345678,120.1", (31.123457, 120.1)),
    ("91,120", "bad.location_range"),
    ("31,181", "bad.location_range"),
    ("31.2983", "bad.location"),
    ("north,east", "bad.location"),
])
def test_location_validation(text, expected):
    try:
        assert parse_location(text) == expected
    except ValueError as exc:
        assert str(exc) == expected


@pytest.mark.once
@pytest.mark.parametrize(("code", "matches", "codes", "same", "expected"), [
    (None, [(3, "phone")], {3: CODE_B}, None, [(3, "phone")]),  # no code: nothing changes
    (CODE_A, [(3, "phone"), (4, "name")], {3: CODE_B}, None, [(4, "name")]),  # veto
    (CODE_A, [(3, "phone")], {3: CODE_A}, None, [(3, "phone")]),
    (CODE_A, [(3, "phone")], {}, None, [(3, "phone")]),  # the other has no code: still a match
    (CODE_A, [(3, "phone")], {3: CODE_B}, 7, [(7, "credit_code")]),  # the same code wins
    (CODE_A, [], {}, None, []),
])
def test_code_evidence(code, matches, codes, same, expected):
    assert rules.code_evidence(code, matches, codes, same) == expected


@pytest.mark.once
def test_distance_is_haversine():
    assert rules.distance_m((31.2983, 120.5833), (31.2983, 120.5833)) == 0
    # One degree of latitude is about 111.2 km on the mean sphere.
    assert rules.distance_m((31.0, 120.0), (32.0, 120.0)) == pytest.approx(111_195, abs=10)
    # Suzhou to Shanghai (People's Square): about 84 km.
    assert rules.distance_m((31.2983, 120.5833), (31.2304, 121.4737)) == pytest.approx(
        85_000, rel=0.03)


def _photo(taken="2026-10-19T10:00:00", position=(31.2983, 120.5833), sha="a" * 64):
    return rules.Photo(sha, taken, position)


@pytest.mark.once
@pytest.mark.parametrize(("photos", "location", "reused", "expected"), [
    ([_photo()], (31.2983, 120.5833), {}, []),
    ([_photo(taken="2026-10-18T23:59:59")], None, {}, [("photo-date", "2026-10-18")]),
    ([_photo(taken=None)], None, {}, [("photo-undated", "")]),
    ([_photo(position=(31.2983, 120.5950))], (31.2983, 120.5833), {},
     [("photo-far", "1112")]),
    ([_photo(position=(31.2983, 120.5930))], (31.2983, 120.5833), {}, []),  # 922 m: close
    ([_photo(position=None)], (31.2983, 120.5833), {}, []),  # no GPS: no distance check
    ([_photo(position=(40.0, 116.0))], None, {}, []),  # no location: no distance check
    ([_photo()], None, {"a" * 64: 3}, [("photo-reused", "3")]),
    ([_photo(taken=None), _photo(taken="2026-10-01T08:00:00", sha="b" * 64)], None, {},
     [("photo-undated", ""), ("photo-date", "2026-10-01")]),
    ([], None, {}, []),  # no photo, none required
])
def test_photo_proof(photos, location, reused, expected):
    verdict = rules.photo_proof(photos, day="2026-10-19", location=location, reused=reused,
                                policy=POLICY)
    assert list(verdict.flags) == expected
    assert verdict.doubted == any(f in rules.DOUBT_FLAGS for f, _d in expected)
    assert bool(verdict.reasons) == bool(photos)  # every photo verdict explains itself
    assert all(r.rule == "proof" and r.clause == "Q15" for r in verdict.reasons)


@pytest.mark.once
def test_no_photo_only_when_required():
    strict = Policy.model_validate({"proof": {"require_photo": True}})
    verdict = rules.photo_proof([], day="2026-10-19", location=None, reused={}, policy=strict)
    assert verdict.flag_names == ("no-photo",) and verdict.doubted
    effect = rules.visit_effectiveness("met", tuple(ALL_ITEMS.split(",")),
                                       ("landline", "email"), strict, photographed=False)
    assert not effect.effective and effect.missing == ("photo",)


_SHARES = [rules.sample_share(i) for i in range(1, 10_001)]


@pytest.mark.once
@settings(max_examples=60)
@given(st.integers(min_value=0, max_value=100))
def test_the_sample_share_over_10000_ids_is_within_2_points(percent):
    share = 100 * sum(s < percent for s in _SHARES) / len(_SHARES)
    assert abs(share - percent) <= 2
    # The same id always gives the same answer.
    assert all(rules.is_sampled(i, percent) == (_SHARES[i - 1] < percent) for i in (1, 9, 9999))


@pytest.mark.once
@pytest.mark.parametrize(("outcome", "kind", "inspected", "sampled"), [
    ("substandard", "planned", False, True),
    ("substandard", "sweep", False, True),
    ("substandard", "upgrade", False, False),  # it cost nobody anything
    ("substandard", "planned", True, False),  # already inspected
    ("met", "planned", False, False),
])
def test_sample_check(outcome, kind, inspected, sampled):
    everyone = Policy.model_validate({"proof": {"sample_percent": 100}})
    verdict = rules.sample_check(visit_id=1, outcome=outcome, kind=kind, inspected=inspected,
                                 policy=everyone)
    assert (verdict.flag_names == ("sampled",)) is sampled
    nobody = Policy.model_validate({"proof": {"sample_percent": 0}})
    assert rules.sample_check(visit_id=1, outcome=outcome, kind=kind, inspected=inspected,
                              policy=nobody).flags == ()


@pytest.mark.once
# --- who the company is, through the CLI (Q8) -----------------------------------------------


def test_credit_code_is_stored_upper_case_and_shown(team):
    pid = add("苏州恒瑞精密机械有限公司", "--credit-code", CODE_A.lower(), "--location", HERE)
    shown = ok_json("show", pid)["prospect"]
    assert shown["credit_code"] == CODE_A
    assert (shown["latitude"], shown["longitude"]) == (31.2983, 120.5833)
    assert CODE_A in ok("show", pid).stdout


@pytest.mark.parametrize("bad", ["91320594MA1M12345A", "91320594MA1M1234", "91320594MA1I123459"])
def test_a_bad_credit_code_is_exit_2_naming_the_option(team, isolated, bad):
    before = row_counts(isolated)
    result = run("add-prospect", "--company", "苏州甲公司", "--city", "苏州", "--sourced-by",
                 "李娜", "--credit-code", bad)
    assert_refused(result, 2)
    assert "--credit-code" in result.stderr
    pid = add("苏州乙公司")
    assert_refused(run("update-prospect", pid, "--credit-code", bad), 2)
    assert_refused(run("update-prospect", pid, "--location", "31.2983"), 2)
    assert_refused(run("update-prospect", pid, "--location", "95,120"), 2)
    assert row_counts(isolated) == {**before, "prospect": before["prospect"] + 1}


def test_the_same_code_is_a_duplicate_and_different_codes_are_two_companies(team):
    first = add("苏州恒瑞精密机械有限公司", "--credit-code", CODE_A, "--landline", "0512-62581234")
    # Another name, the same code: refused naming the earlier prospect.
    result = run("add-prospect", "--company", "恒瑞科技", "--city", "苏州", "--sourced-by",
                 "李娜", "--credit-code", CODE_A, "--json")
    assert_refused(result, 1)
    assert result.json["duplicate_of"] == first
    assert result.json["error"]["code"] == "refuse.duplicate"
    forced = ok_json("add-prospect", "--company", "恒瑞科技", "--city", "苏州", "--sourced-by",
                     "李娜", "--credit-code", CODE_A, "--force")
    assert forced["duplicate_of"] == first
    # The same name and phone but a different code: another company, accepted.
    other = ok_json("add-prospect", "--company", "苏州恒瑞精密机械有限公司", "--city", "苏州",
                    "--sourced-by", "李娜", "--credit-code", CODE_B, "--landline",
                    "0512-62581234")
    assert other["duplicate_of"] is None
    # Without a code, the phone still decides.
    result = run("add-prospect", "--company", "苏州丙公司", "--city", "苏州", "--sourced-by",
                 "李娜", "--landline", "0512-62581234")
    assert_refused(result, 1)
    # Giving an earlier prospect's code to a later one is refused like a new duplicate.
    later = add("苏州丁公司")
    assert_refused(run("update-prospect", later, "--credit-code", CODE_B), 1)
    ok("update-prospect", later, "--credit-code", CODE_C)


def test_dedupe_reports_same_code_first_and_never_pairs_different_codes(team):
    a = add("苏州甲精密有限公司", "--credit-code", CODE_A, "--landline", "0512-62581234")
    b = add("苏州甲精密有限公司", "--credit-code", CODE_B, "--force")  # same name, other code
    c = add("苏州乙电子有限公司", "--landline", "0512-62585678")
    d = add("苏州乙电子有限公司", "--force")  # same name, no code: an ordinary pair
    e = add("苏州完全不同有限公司", "--credit-code", CODE_C)
    f = add("苏州另一个名字有限公司", "--credit-code", CODE_C, "--force")
    # No code, and the phone of a: it matches a by phone and b by name.
    g = add("苏州甲精密有限公司", "--landline", "0512-62581234", "--force")
    groups = ok_json("dedupe")
    assert groups[0]["ids"] == [e, f] and groups[0]["reasons"] == ["credit-code"]
    assert [c, d] in [grp["ids"] for grp in groups]
    for grp in groups:
        assert not {a, b} <= set(grp["ids"]), grp  # two codes, two companies
    assert any(g in grp["ids"] for grp in groups)


def test_merge_refuses_two_codes_unless_forced_and_fills_the_code(team, isolated):
    a = add("苏州甲公司", "--credit-code", CODE_A)
    b = add("苏州甲公司", "--credit-code", CODE_B, "--force")
    c = add("苏州甲公司", "--force", "--location", HERE)
    before = row_counts(isolated)
    code, error = json_error("merge", a, b, "--by", "赵敏", "--yes")
    assert (code, error["code"]) == (1, "merge.codes_differ") and row_counts(isolated) == before
    ok("merge", a, b, "--by", "赵敏", "--force", "--yes")
    # The kept prospect takes the merged one's code and location when it has none.
    d = add("苏州戊公司")
    e = add("苏州戊公司", "--credit-code", CODE_C, "--location", HERE, "--force")
    ok("merge", d, e, "--by", "赵敏", "--yes")
    shown = ok_json("show", d)["prospect"]
    assert shown["credit_code"] == CODE_C and shown["latitude"] == 31.2983
    assert ok_json("show", c)["prospect"]["credit_code"] is None


def test_import_and_export_carry_credit_code_and_location(team, tmp_path):
    from test_data import write_csv

    header = ["公司名称", "城市", "开拓人", "员工人数", "电脑台数", "统一社会信用代码", "位置"]
    rows = [["苏州甲公司", "苏州", "李娜", "150", "40", CODE_A.lower(), HERE],
            ["苏州乙公司", "苏州", "王强", "150", "40", CODE_B, ""]]
    doc = ok_json("import", str(write_csv(tmp_path / "in.csv", header, rows)))
    assert doc["imported"] == 2
    first = ok_json("show", 1)["prospect"]
    assert first["credit_code"] == CODE_A and first["longitude"] == 120.5833
    # A bad code and a code already in the database (or earlier in the file) are caught.
    rows = [["苏州丙公司", "苏州", "李娜", "150", "40", "91320594MA1M12345A", ""],
            ["苏州丁公司", "苏州", "李娜", "150", "40", CODE_A, ""],
            ["苏州戊公司", "苏州", "李娜", "150", "40", CODE_C, ""],
            ["苏州己公司", "苏州", "李娜", "150", "40", CODE_C, ""]]
    result = run("import", str(write_csv(tmp_path / "bad.csv", header, rows)), "--json")
    assert_refused(result, 2)
    assert [(e["row"], e["column"]) for e in result.json["errors"]] == [(2, "统一社会信用代码")]
    assert [(d["row"], d["duplicate_of"]) for d in result.json["duplicates"]] == [(3, 1), (5, None)]
    out = tmp_path / "out.csv"
    ok("--lang", "zh", "export", "--what", "prospects", "-o", str(out))
    text = out.read_text(encoding="utf-8-sig")
    assert "统一社会信用代码" in text.splitlines()[0] and CODE_A in text
    assert "31.298300,120.583300" in text


# --- that the visit happened, through the CLI (Q15) ----------------------------------------


def test_a_photo_is_recorded_with_its_hash_date_and_gps(team, tmp_path):
    pid = add("苏州恒瑞精密机械有限公司", "--location", HERE)
    make_ready(pid)
    path = jpeg(tmp_path / "door.jpg")
    doc = visit(pid, path)
    assert doc["flags"] == [] and doc["effective"] is True
    [photo] = doc["photos"]
    import hashlib

    assert photo["sha256"] == hashlib.sha256((tmp_path / "door.jpg").read_bytes()).hexdigest()
    assert photo["size"] == (tmp_path / "door.jpg").stat().st_size
    assert photo["taken_at"] == "2026-10-19T10:00:00"
    assert (photo["latitude"], photo["longitude"]) == (31.298333, 120.583333)
    assert photo["path"] == str((tmp_path / "door.jpg").resolve())
    [shown] = ok_json("show", pid)["visits"]
    assert shown["photos"] == [photo]
    assert "door.jpg" in ok("show", pid).stdout


def test_each_photo_flag_opens_an_inspection(team, tmp_path, monkeypatch):
    pid = add("苏州恒瑞精密机械有限公司", "--location", HERE)
    make_ready(pid)
    door = jpeg(tmp_path / "door.jpg")
    first = visit(pid, door)
    reused = visit(pid, door, date="2026-10-19")
    assert reused["flags"] == ["photo-reused"]
    assert f"visit #{first['visit_id']}" in reused["reasons"][1]["message"]
    old = visit(pid, jpeg(tmp_path / "old.jpg", taken="2026:10:12 09:00:00", color="blue"))
    assert old["flags"] == ["photo-date"]
    far = visit(pid, jpeg(tmp_path / "far.jpg", gps=FAR, color="green"))
    assert far["flags"] == ["photo-far"]
    assert "18,5" in next(r["message"] for r in far["reasons"] if r["rule"] == "proof")
    # No date (a forwarded photo) is noted, not held against the visit; no GPS, no distance.
    plain = visit(pid, jpeg(tmp_path / "plain.jpg", taken=None, gps=None, color="white"))
    assert plain["flags"] == ["photo-undated"]
    report = ok_json("daily-report", "--date", "2026-10-19")
    proof = [a for a in report["attention"] if a["rule"] == "proof"]
    assert [(a["visit_id"], a["flags"], a["kind"], a["clause"]) for a in proof] == [
        (reused["visit_id"], ["photo-reused"], "inspect", "Q15"),
        (old["visit_id"], ["photo-date"], "inspect", "Q15"),
        (far["visit_id"], ["photo-far"], "inspect", "Q15")]
    assert "2026-10-12" in proof[1]["message"]
    zhang = next(p for p in report["people"] if p["name"] == "张伟")
    assert zhang["visits"] == 5 and zhang["flagged_visits"] == 3
    # The ninth column fits an 80-column screen with every header word whole. Names here
    # take 4 cells; a centre's three-character names and four-digit totals take 4 more.
    monkeypatch.setenv("COLUMNS", "76")
    header = next(line for line in ok("daily-report", "--date", "2026-10-19").stdout
                  .splitlines() if line.lstrip().startswith("name"))
    assert header.split() == ["name", "roles", "quality", "rounds", "visits", "effective",
                              "today", "total", "doubted"]


def test_the_first_effective_visit_with_gps_sets_the_location(team, tmp_path):
    pid = add()
    make_ready(pid)
    visit(pid, jpeg(tmp_path / "a.jpg", gps=FAR), effective=False)  # not effective: no
    assert ok_json("show", pid)["prospect"]["latitude"] is None
    doc = visit(pid, jpeg(tmp_path / "b.jpg", gps=NEAR, color="blue"))
    assert any(r["rule"] == "proof" and "location" in r["message"] for r in doc["reasons"])
    shown = ok_json("show", pid)["prospect"]
    assert (shown["latitude"], shown["longitude"]) == (31.298333, 120.583333)
    # From now on a photo far away is flagged, and the location stays.
    assert visit(pid, jpeg(tmp_path / "c.jpg", gps=FAR, color="green"))["flags"] == [
        "photo-far"]
    assert ok_json("show", pid)["prospect"]["latitude"] == 31.298333


def test_no_photo_when_the_policy_requires_one(team, tmp_path, monkeypatch):
    policy_file(tmp_path, monkeypatch, "[proof]\nrequire_photo = true\n")
    pid = add()
    make_ready(pid)
    doc = visit(pid)
    assert doc["effective"] is False and doc["missing"] == ["photo"]
    assert doc["flags"] == ["no-photo"]
    report = ok_json("daily-report", "--date", "2026-10-19")
    assert [a["flags"] for a in report["attention"] if a["rule"] == "proof"] == [["no-photo"]]
    assert visit(pid, jpeg(tmp_path / "door.jpg"))["effective"] is True
    assert ok_json("policy", "show")["proof"]["require_photo"] is True


def test_files_that_are_not_usable_photos_are_exit_2(team, isolated, tmp_path):
    pid = add()
    before = row_counts(isolated)
    (tmp_path / "notes.jpg").write_text("not a picture", encoding="utf-8")
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    for path, why in ((tmp_path / "notes.jpg", "photo.not_image"), (heic, "photo.heic"),
                      (tmp_path / "missing.jpg", "photo.missing")):
        args = ("log-visit", pid, "--by", "张伟", "--outcome", "met", "--photo", str(path))
        code, error = json_error(*args)
        assert (code, error["code"]) == (2, why), error
    assert row_counts(isolated) == before


def test_the_sample_is_drawn_from_the_visit_id(team, tmp_path, monkeypatch):
    ids = [add(f"苏州第{i}精密机械有限公司") for i in range(12)]
    logged = [visit(pid, outcome="substandard", by="刘洋") for pid in ids]
    sampled = [d["visit_id"] for d in logged if "sampled" in d["flags"]]
    expected = [d["visit_id"] for d in logged if rules.is_sampled(d["visit_id"], 10)]
    assert sampled == expected and sampled  # visit 9 falls in the 10% sample
    report = ok_json("daily-report", "--date", "2026-10-19")
    chosen = [a for a in report["attention"] if a.get("flags") == ["sampled"]]
    assert [a["visit_id"] for a in chosen] == sampled
    assert "sample" in chosen[0]["message"]
    # An ineffective finding is inspected anyway: it is never also drawn.
    policy_file(tmp_path, monkeypatch, "[proof]\nsample_percent = 100\n")
    pid = add("苏州抽查机械有限公司")
    assert visit(pid, outcome="substandard", by="刘洋", effective=False)["flags"] == [
        "unready", "inspect"]
    assert "sampled" in visit(pid, outcome="substandard", by="刘洋")["flags"]
    policy_file(tmp_path, monkeypatch, "[proof]\nsample_percent = 0\n")
    assert visit(add("苏州不抽机械有限公司"), outcome="substandard", by="刘洋")["flags"] == [
        "unready"]
    (tmp_path / "bad.toml").write_text("[proof]\nsample_percent = 150\n", encoding="utf-8")
    assert_refused(run("--policy", str(tmp_path / "bad.toml"), "policy", "show"), 2)


def test_a_proven_visit_still_offers_the_inspection_of_its_finding(team, tmp_path,
                                                                    monkeypatch):
    """A drawn visit answers two questions: proving it happened settles only the first, so
    the finding can still be overturned and check-visit offers that command, filled in."""
    policy_file(tmp_path, monkeypatch, "[proof]\nsample_percent = 100\n")
    pid = add("苏州抽查模具有限公司")
    found = visit(pid, outcome="substandard", by="刘洋")
    assert "sampled" in found["flags"]
    ok("inspect", found["visit_id"], "--by", "赵敏", "--verdict", "proven")
    command = f"yulin inspect {found['visit_id']} --by 赵敏 --verdict overturned"
    assert command in run("check-visit", pid).stdout
    ok(*command.split()[1:])  # it runs as printed
    assert "yulin inspect" not in run("check-visit", pid).stdout


def test_upheld_proof_inspection_unproves_the_visit(team, tmp_path, monkeypatch):
    policy_file(tmp_path, monkeypatch, "[proof]\nsample_percent = 100\n")
    pid = add()
    make_ready(pid)
    doc = visit(pid, outcome="substandard", by="刘洋")
    assert doc["flags"] == ["sampled"] and doc["effective"] is True
    assert ok_json("rate", pid)["stars"] == 0  # found substandard, for now
    # The sample asks whether the visit happened: "upheld" answers another question.
    wrong = run("inspect", doc["visit_id"], "--by", "赵敏", "--verdict", "upheld", "--json")
    assert_refused(wrong, 2)
    assert wrong.json["error"]["code"] == "inspect.wrong_word"
    settled = ok_json("inspect", doc["visit_id"], "--by", "赵敏", "--verdict", "unproven",
                      "--date", "2026-10-20")
    assert settled["proof"] is True and settled["penalty"]["delta"] == -5
    assert [r["delta"] for r in settled["reversed"]] == [5]  # the finder's -5 given back
    assert ok_json("points", "刘洋")["total"] == -5
    assert ok_json("points", "李娜")["total"] == 0
    [shown] = ok_json("show", pid)["visits"]
    assert shown["effective"] is False
    # A finding from a visit that never happened is void: the prospect is quality again.
    assert ok_json("rate", pid)["stars"] >= 1
    notices = ok_json("notices", "--from", "2026-10-20", "--to", "2026-10-20")
    assert [(n["staff"], n["kind"], n["rule"]) for n in notices] == [
        ("刘洋", "criticism", "proof")]
    report = ok_json("daily-report", "--date", "2026-10-20")
    assert not [a for a in report["attention"] if a.get("visit_id") == doc["visit_id"]]
    # A visit that did not happen leaves no finding to judge.
    assert_refused(run("inspect", doc["visit_id"], "--by", "赵敏", "--verdict", "overturned"), 1)
    assert_refused(run("inspect", doc["visit_id"], "--by", "赵敏", "--verdict", "proven"), 1)


def test_an_unproven_sweep_loses_its_praise(team, tmp_path):
    planned = add("苏州甲公司")
    make_ready(planned)
    ok("plan-visit", planned, "--visitor", "张伟", "--date", "2026-10-19")
    door = jpeg(tmp_path / "door.jpg")
    visit(planned, door)
    sweep = visit(add("苏州乙公司", by="张伟"), door, extra=("--kind", "sweep"))
    assert sweep["flags"] == ["photo-reused"]  # the planned visit's photo, used again
    assert sweep["points"] == [{"staff": "张伟", "delta": 3, "rule": "sweep", "clause": "Q12"}]
    settled = ok_json("inspect", sweep["visit_id"], "--by", "赵敏", "--verdict", "不实",
                      "--date", "2026-10-20")
    assert [r["delta"] for r in settled["reversed"]] == [-3]
    ledger = ok_json("points", "张伟")
    assert ledger["entries"][0]["rule"] == "sweep"
    assert sorted((e["delta"], e["rule"]) for e in ledger["entries"][1:]) == [
        (-5, "proof"), (-3, "inspection")]


def test_overturned_proof_inspection_clears_the_flags(team, tmp_path):
    pid = add("苏州恒瑞精密机械有限公司", "--location", HERE)
    make_ready(pid)
    far = visit(pid, jpeg(tmp_path / "far.jpg", gps=FAR))
    assert_refused(run("inspect", far["visit_id"], "--by", "张伟", "--verdict", "proven"), 1)
    settled = ok_json("inspect", far["visit_id"], "--by", "赵敏", "--verdict", "proven")
    assert settled["cleared"] == ["photo-far"] and settled["penalty"] is None
    [shown] = ok_json("show", pid)["visits"]
    assert shown["flags"] == [] and shown["effective"] is True
    assert ok_json("points", "张伟")["total"] == 0
    report = ok_json("daily-report", "--date", "2026-10-19")
    assert report["attention"] == [] or all(a["rule"] != "proof" for a in report["attention"])
    assert next(p for p in report["people"] if p["name"] == "张伟")["flagged_visits"] == 0
    # A visit with nothing to inspect is refused.
    plain = visit(pid)
    assert_refused(run("inspect", plain["visit_id"], "--by", "赵敏", "--verdict", "upheld"), 1)


def test_the_proof_workflow_in_chinese(team, tmp_path):
    pid = add("苏州恒瑞精密机械有限公司", "--credit-code", CODE_A, "--location", HERE)
    result = run("--lang", "zh", "add-prospect", "--company", "恒瑞", "--city", "苏州",
                 "--sourced-by", "李娜", "--credit-code", CODE_A)
    assert_refused(result, 1)
    assert "统一社会信用代码相同" in result.stderr
    out = ok("--lang", "zh", "log-visit", pid, "--by", "张伟", "--outcome", "met",
             "--date", "2026-10-19", "--photo", jpeg(tmp_path / "far.jpg", gps=FAR)).stdout
    assert "距公司登记位置" in out
    assert "需要核实" in ok("--lang", "zh", "daily-report", "--date", "2026-10-19").stdout


def test_a_database_of_the_previous_schema_upgrades_keeping_every_row(isolated):
    """0006 -> 0008: every prospect, visit and flag kept; no codes, locations or photos yet."""
    from test_storage import _counts, _first_release_copy
    from yulin_cli import db as dbmod

    target = _first_release_copy(isolated)
    dbmod.upgrade(target, "0006")
    before = _counts(target)
    assert "visit_photo" not in before
    rows = ok_json("--db", target, "list")
    after = _counts(target)
    assert {t: after[t] for t in before} == before and after["visit_photo"] == 0
    assert len(rows) == before["prospect"]
    shown = ok_json("--db", target, "show", rows[0]["id"])
    assert shown["prospect"]["credit_code"] is None and shown["prospect"]["latitude"] is None
    assert all(v["photos"] == [] for v in shown["visits"])
    # The new columns work on the old rows.
    ok("--db", target, "update-prospect", rows[0]["id"], "--credit-code", CODE_A)


def test_a_voided_visits_photo_may_be_used_again(team, tmp_path):
    """A voided visit counts nowhere, its photos included: logging it again is not reuse."""
    pid = add("苏州甲公司")
    make_ready(pid)
    door = jpeg(tmp_path / "door.jpg")
    first = visit(pid, door)
    ok("void", "visit", first["visit_id"], "--by", "赵敏", "--reason", "记错了日子")
    again = visit(pid, door)
    assert "photo-reused" not in again["flags"]
    other = visit(add("苏州乙公司"), door)
    assert "photo-reused" in other["flags"]  # the live visit's photo
