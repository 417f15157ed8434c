"""Hostile input everywhere: every text option and import files. Never a traceback, never a
partial write; a refusal (exit 1 or 2) writes nothing."""

from __future__ import annotations

import io
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import add, make_ready, ok, run

HOSTILE = st.one_of(
    st.text(min_size=0, max_size=40),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=20),
    st.sampled_from([
        "\x00", "a\x00b", "\x1b[2J\x1b[31m", "\r\n", "\t", "\u202e甲乙丙\u202c", "\u200f\u200e",
        "😀🏭👨‍👩‍👧", "'; DROP TABLE prospect; --", "\" OR 1=1 --", "$(rm -rf /)", "`reboot`",
        "| cat /etc/passwd", "%s%s%n", "{name}{0}", "..\\..\\", "=HYPERLINK(\"x\")", "@SUM(1)",
        "x" * 5000, "中" * 3000, "-5", "--help", "0", "9" * 40, " ", "NaN", "1e309",
    ]),
)

# (command before the value, command after it): one entry per text option.
TARGETS = [
    (["add-prospect", "--city", "苏州", "--sourced-by", "李娜", "--company"], []),
    (["add-prospect", "--company", "苏州甲", "--sourced-by", "李娜", "--city"], []),
    (["add-prospect", "--company", "苏州乙", "--city", "苏州", "--sourced-by"], []),
    *[(["add-prospect", "--company", "苏州丙", "--city", "苏州", "--sourced-by", "李娜", "--force",
        option], []) for option in ("--district", "--address", "--industry", "--contact-surname",
                                   "--landline", "--mobile", "--email", "--qq", "--found-on",
                                   "--deal-value", "--partner", "--vendor-share", "--ownership",
                                   "--need", "--employees")],
    *[(["update-prospect", "1", option], []) for option in (
        "--company", "--city", "--address", "--landline", "--email", "--deal-value",
        "--sourced-by")],
    (["verify", "1", "--by", "李娜", "--pretext", "buyer", "--result", "confirmed", "--note"], []),
    (["verify", "1", "--pretext", "buyer", "--result", "confirmed", "--by"], []),
    (["verify", "1", "--by", "李娜", "--pretext", "buyer", "--result", "confirmed", "--date"], []),
    (["log-visit", "1", "--by", "张伟", "--outcome", "met", "--note"], []),
    (["log-visit", "1", "--by", "张伟", "--outcome", "met", "--items"], []),
    (["log-visit", "1", "--by", "张伟", "--outcome", "met", "--landline-number"], []),
    (["log-visit", "1", "--by", "张伟", "--outcome", "met", "--email-address"], []),
    (["plan-visit", "1", "--visitor"], []),
    (["adjust-points", "李娜", "3", "--by", "赵敏", "--reason"], []),
    (["inspect", "1", "--by", "赵敏", "--verdict", "upheld", "--note"], []),
    (["center", "add"], ["--city", "苏州"]),
    (["center", "add", "新中心", "--city"], []),
    (["staff", "add"], ["--center", "苏州育林中心", "--role", "visitor"]),
    (["staff", "update", "李娜", "--industry"], []),
    (["direct-sales", "add", "--city", "南京", "--contact", "周", "--company"], []),
    (["direct-sales", "add", "--city", "南京", "--company", "南京甲", "--contact"], []),
    (["list", "--city"], []),
    (["list", "--from"], []),
    (["notices", "--center"], []),
    (["daily-report", "--date"], []),
    (["playbook", "--search"], []),
    (["playbook"], []),
    (["export", "--what", "notices", "-o"], []),
    (["export", "--what", "prospects", "--format", "xlsx", "-o"], []),
    (["import"], []),
    (["backup"], []),
    (["policy", "init"], []),
    (["--policy"], ["policy", "show"]),
    (["--db"], ["center", "list"]),
]


@pytest.fixture
def world(team):
    pid = add()
    make_ready(pid)
    visit = run("log-visit", pid, "--by", "刘洋", "--outcome", "substandard", "--json").json
    assert visit["visit_id"] == 1
    return pid


@pytest.mark.slow  # hostile input
@pytest.mark.parametrize(("before", "after"), TARGETS,
                         ids=[" ".join(b[:1] + b[-1:]) for b, _ in TARGETS])
@settings(max_examples=12, deadline=None,
          # The fixtures only prepare the world; every example runs on its own copy of it.
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_hostile_text_in_every_option(world, isolated, monkeypatch, before, after, text):
    db = isolated.copy()
    counts = db.counts()
    with monkeypatch.context() as env:
        env.setenv("YULIN_DB", db.target)
        result = run(*before, text, *after)
    assert result.exit_code in (0, 1, 2), (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code != 0:
        assert db.counts() == counts
        assert result.stderr.strip()


def _xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["company", "city", "sourced_by"])
    for i in range(50):
        sheet.append([f"苏州表格{i}号公司", "苏州", "李娜"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX = _xlsx_bytes()


@pytest.mark.slow  # hostile input
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, len(XLSX) - 1), junk=st.binary(max_size=200),
       kind=st.sampled_from(["truncated-xlsx", "junk", "junk-named-xlsx", "utf16"]))
def test_broken_import_files(team, isolated, monkeypatch, tmp_path_factory, cut, junk, kind):
    folder = tmp_path_factory.mktemp("fuzz")
    if kind == "truncated-xlsx":
        path, data = folder / "in.xlsx", XLSX[:cut]
    elif kind == "junk":
        path, data = folder / "in.csv", junk
    elif kind == "junk-named-xlsx":
        path, data = folder / "in.xlsx", b"PK\x03\x04" + junk
    else:
        path, data = folder / "in.csv", "company,city,sourced_by\n苏州甲,苏州,李娜\n".encode("utf-16")
    path.write_bytes(data)
    db = isolated.copy()
    counts = db.counts()
    with monkeypatch.context() as env:
        env.setenv("YULIN_DB", db.target)
        result = run("import", str(path), "--json")
    assert result.exit_code in (0, 1, 2), (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code != 0:
        assert db.counts() == counts


@pytest.mark.slow  # a big file
def test_a_ten_megabyte_cell(team, isolated, tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text("company,city,sourced_by\n" + "甲" * (10 * 1024 * 1024 // 3) + ",苏州,李娜\n"
                    + "苏州乙公司,苏州,李娜\n", encoding="utf-8")
    counts = isolated.counts()
    result = run("import", str(path), "--json")
    assert result.exit_code == 2
    assert result.json["errors"][0]["row"] == 2 and result.json["imported"] == 0
    assert isolated.counts() == counts


def test_gbk_file_read_as_gbk_not_garbled(team, tmp_path):
    rnd = random.Random(3)
    names = [f"苏州{''.join(rnd.choice('恒瑞华宏金鼎盛泰和') for _ in range(3))}{i}号公司"
             for i in range(20)]
    path = tmp_path / "gbk.csv"
    path.write_bytes(("公司名称,城市,开拓人\n" + "".join(f"{n},苏州,李娜\n" for n in names))
                     .encode("gbk"))
    assert run("import", str(path), "--json").json["imported"] == 20
    assert [r["company"] for r in ok("list", "--json").json] == names
