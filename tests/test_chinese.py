"""Chinese first: every command, run in `--lang zh` at 80 columns against the sample team, shows
no English word outside command names, option names, emails, identifiers and the allowed product
words; and what users type in Chinese (choices, money, dates, local numbers) is understood."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.core import TyperGroup

from conftest import Arg, Result, ok, ok_json, run
from yulin_cli.app import build_app

ALLOWED = {"yulin", "IOAS", "OA", "ERP", "QQ", "IT", "PC", "PCs", "SQLite", "PostgreSQL", "JSON",
           "CSV", "XLSX", "TOML", "Excel", "WPS", "HTML", "SVG", "iCalendar", "zh", "en", "UTF",
           "GBK", "pg_dump", "psycopg", "postgresql", "sqlite", "MIIT", "GPS", "WGS", "JPEG",
           "PNG", "HEIC",
           # The names of calibrate's two scores, as statisticians write them in Chinese too.
           "AUC", "Brier",
           # Login names, as they were typed: identifiers, shown as they are.
           "postgres", "lina"}
WORD = re.compile(r"[A-Za-z][A-Za-z_'-]*[A-Za-z]")
# Things that are not words of a sentence: emails, option names, policy keys, paths, URLs,
# clause and id codes.
NOT_WORDS = re.compile(
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+"  # emails
    r"|(?<![\w-])--?[a-z][\w-]*"  # options
    r"|\bYULIN_[A-Z_]+\b"  # environment variables
    r"|\byulin_[a-z_]+\b"  # the server's group roles
    r"|\b[a-z_]+\.[a-z_]+(\.[a-z_]+)*\b"  # policy keys, file names
    r"|[\w./-]*/[\w./-]+"  # paths and URLs
    r"|\bQ\d+\b|#\d+|\b\d+-\d+\b"  # clauses, ids, survey items
    r'|^\s*#?\s*[a-z_]+ = .*$|^\[[a-z_]+\]$'  # the policy file's keys and values
    , re.MULTILINE)


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        path = (*prefix, name)
        yield path
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, path)


def command_names() -> set[str]:
    root = typer.main.get_command(build_app("en"))
    return {part for path in _commands(root) for part in path}


def english_words(text: str, names: set[str]) -> list[str]:
    text = NOT_WORDS.sub(" ", text)
    found = []
    for word in WORD.findall(text):
        if word in ALLOWED or word in names:
            continue
        found.append(word)
    return found


def zh(*args: Arg) -> Result:
    return run("--lang", "zh", *args)


@pytest.fixture
def demo(isolated):
    ok("demo", "--json")
    return isolated


READS = [
    ["--help"], ["center", "list"], ["staff", "list"], ["list"], ["list", "--limit", "3"],
    ["show", "1"], ["show", "7"], ["show", "8"], ["show", "11"], ["show", "25"],
    ["check-visit", "1"], ["check-visit", "2"], ["check-visit", "8"],
    ["rate", "1"], ["rate", "8"], ["rate", "30"], ["rate", "--all"],
    ["redsea", "8"], ["daily-report", "--date", "2026-10-14"],
    ["daily-report", "--date", "2026-10-15"], ["daily-report", "--date", "2026-11-15"],
    ["manager"], ["notices", "--to", "2026-10-31"], ["points"], ["points", "李娜"],
    ["calibrate"], ["calibrate", "--by", "开拓人"], ["find", "恒瑞"], ["find", "hrjm"],
    ["find", "0512-6258 1234"], ["todo", "--by", "李娜", "--date", "2026-10-16"],
    ["todo", "--by", "赵敏", "--date", "2026-10-16"],
    ["industries"], ["partners"], ["direct-sales", "list"], ["advise", "1"], ["advise", "8"],
    ["advise", "19"], ["playbook"], ["playbook", "q5"], ["route", "--start", "2026-10-19"],
    ["dedupe"], ["doctor"], ["policy", "show"],
    ["agenda", "--visitor", "张伟", "--date", "2026-10-14"],
    ["attention", "--date", "2026-10-15"], ["attention", "--rule", "被拒", "--date", "2026-10-15"],
    ["summary", "--from", "2026-10-01", "--to", "2026-10-31"],
    ["notify", "summary", "--to", "钉钉", "--from", "2026-10-01", "--date", "2026-10-31",
     "--dry-run"],
]


def test_every_read_speaks_chinese(demo):
    names = command_names()
    problems = {}
    for args in READS:
        result = zh(*args)
        assert "Traceback" not in result.stdout + result.stderr, args
        words = english_words(result.stdout + result.stderr, names)
        if words:
            problems[" ".join(args)] = sorted(set(words))
    assert not problems, problems


def test_every_help_speaks_chinese(demo):
    names = command_names()
    root = typer.main.get_command(build_app("en"))
    problems = {}
    for path in _commands(root):
        result = zh(*path, "--help")
        assert result.exit_code == 0, path
        words = english_words(result.stdout, names)
        if words:
            problems[" ".join(path)] = sorted(set(words))
    assert not problems, problems


def test_every_section_of_the_help_has_its_title(demo):
    """The top-level help groups commands by slice, each under a title in the language."""
    from yulin_cli.i18n import MESSAGES
    from yulin_cli.slices import with_commands

    assert [e.name for e in with_commands()
            if e.commands and f"help.section.{e.name}" not in MESSAGES] == []
    for lang in ("zh", "en"):
        assert "help.section" not in run("--lang", lang, "--help").stdout, lang


# --- what users type in Chinese is understood ------------------------------------------------


def test_every_choice_option_takes_its_chinese_words(team, tmp_path):
    from conftest import ALL_ITEMS, add, make_ready

    pid = add("苏州甲公司", "--ownership", "国企", "--need", "明确", "--yulin-interest", "很感兴趣")
    shown = ok_json("show", pid)["prospect"]
    assert (shown["ownership"], shown["need"], shown["yulin_interest"]) == (
        "soe", "explicit", "high")
    assert ok_json("verify", pid, "--by", "李娜", "--pretext", "采购", "--result", "确认")["counts"]
    assert ok_json("show", pid)["rounds"][0]["pretext"] == "buyer"
    make_ready(pid)
    visit = ok_json("log-visit", pid, "--by", "刘洋", "--outcome", "不达标", "--kind", "计划")
    assert ok_json("inspect", visit["visit_id"], "--by", "赵敏", "--verdict", "推翻")[
        "verdict"] == "overturned"
    swept = add("苏州乙公司")
    assert ok_json("log-visit", swept, "--by", "张伟", "--outcome", "见到", "--kind", "扫楼",
                   "--items", ALL_ITEMS, "--landline", "--email")["flags"] == ["sweep-unplanned"]
    assert ok_json("staff", "add", "周军", "--center", "苏州育林中心", "--role", "走访",
                   "--role", "分管领导")["roles"] == ["visitor", "manager"]
    project = ok_json("direct-sales", "add", "--company", "南京甲公司", "--city", "南京",
                      "--contact", "周")["id"]
    assert ok_json("direct-sales", "settle", project, "--outcome", "合作",
                   "--by", "赵敏")["status"] == "cooperate"
    out = tmp_path / "客户.csv"
    assert ok_json("export", "--what", "客户", "--format", "CSV", "-o", out)["what"] == "prospects"
    rounds = tmp_path / "复核.csv"
    rounds.write_text("客户编号,复核人,身份,结果\n" + f"{pid},李娜,前台,确认\n", encoding="utf-8")
    assert ok_json("import", rounds, "--kind", "复核")["imported"] == 1
    refused = zh("verify", pid, "--by", "李娜", "--pretext", "老板", "--result", "确认")
    assert refused.exit_code == 2
    assert "采购、应聘、会议邀请、前台、其他" in refused.stderr


@pytest.mark.parametrize(("typed", "yuan"), [
    ("25万", 250_000), ("25万元", 250_000), ("25.5万", 255_000), ("二十五万", 250_000),
    ("25万5", 255_000),
    ("七万五", 75_000), ("25w", 250_000), ("25k", 25_000), ("250,000", 250_000),
    ("250000元", 250_000),
])
def test_money_as_people_write_it(team, typed, yuan):
    from conftest import add

    pid = add("苏州甲公司", "--deal-value", typed)
    assert ok_json("show", pid)["prospect"]["deal_value"] == yuan


@pytest.mark.parametrize("typed", ["2026-10-19", "2026/10/19", "2026.10.19", "2026年10月19日"])
def test_dates_as_people_write_them(team, typed):
    from conftest import add

    pid = add("苏州甲公司", found_on=typed)
    assert ok_json("show", pid)["prospect"]["found_on"] == "2026-10-19"
    assert ok_json("daily-report", "--date", typed)["date"] == "2026-10-19"
    assert [r["id"] for r in ok_json("list", "--from", typed, "--to", typed)] == [pid]


def test_a_local_landline_takes_the_area_code_of_the_city(team):
    doc = ok_json("add-prospect", "--company", "苏州甲公司", "--city", "苏州",
                  "--sourced-by", "李娜", "--landline", "6258 1240")
    assert doc["notes"] == [{"field": "landline", "area_code": "0512", "city": "苏州",
                             "message": "the landline had no area code: 苏州's, 0512, was added"}]
    assert ok_json("show", doc["id"])["prospect"]["landline"] == "+8651262581240"
    said = zh("update-prospect", doc["id"], "--landline", "62581241")
    assert "0512" in said.stdout
    # The same number with its area code is the same company.
    dup = run("add-prospect", "--company", "苏州乙公司", "--city", "苏州", "--sourced-by", "李娜",
              "--landline", "0512-62581241")
    assert dup.exit_code == 1


def test_a_local_landline_where_the_area_code_is_unknown_is_refused_with_a_hint(isolated):
    ok("center", "add", "测试中心", "--city", "无名镇")
    ok("staff", "add", "小王", "--center", "测试中心", "--role", "prospector")
    before = isolated.counts()
    result = zh("add-prospect", "--company", "无名镇甲公司", "--city", "无名镇",
                "--sourced-by", "小王", "--landline", "62581240")
    assert result.exit_code == 2
    assert "区号" in result.stderr and "0512-62581234" in result.stderr
    assert isolated.counts() == before


# --- the language itself -----------------------------------------------------------------


@pytest.mark.parametrize("value", ["zh", "ZH", "zh_CN", "zh-CN", "zh_TW", "zh_CN.UTF-8"])
def test_every_spelling_of_chinese_means_chinese(isolated, monkeypatch, value):
    assert "用法" in run("--lang", value, "--help").stdout
    monkeypatch.setenv("YULIN_LANG", value)
    assert "用法" in run("--help").stdout


def test_an_unknown_language_is_bad_input_from_the_option_or_the_variable(isolated, monkeypatch):
    result = run("--lang", "fr", "staff", "list")
    assert result.exit_code == 2 and "zh, en" in result.stderr
    monkeypatch.setenv("YULIN_LANG", "fr")
    result = run("staff", "list")
    assert result.exit_code == 2 and "zh, en" in result.stderr
    assert "YULIN_LANG" in result.stderr  # it names where the bad value came from
    # --lang wins over the variable.
    assert ok("--lang", "zh", "staff", "list").exit_code == 0
    # Refused in the language the user reads: the next setting that is known.
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = run("staff", "list")
    assert result.exit_code == 2 and result.stderr.startswith("错误：YULIN_LANG")
    assert "zh、en" in result.stderr
    monkeypatch.setenv("YULIN_LANG", "zh")
    result = run("--lang", "fr", "staff", "list")
    assert result.exit_code == 2 and result.stderr.startswith("错误：--lang")


def test_usage_mistakes_are_one_translated_line(team):
    for args, says in ((["add-prospect", "--company", "甲"], "缺少选项"),
                       (["list", "--limt", "3"], "是不是 --limit"),
                       (["lst"], "是不是 list"),
                       (["list", "--limit", "abc"], "须为整数")):
        result = zh(*args)
        assert result.exit_code == 2
        assert result.stderr.startswith("错误：") and says in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


# --- what the writing commands say ---------------------------------------------------------


# The writing commands, in the order a day goes, on a prospect ({pid}) found in Chinese.
WRITES = [
    ["outcome", "7", "丢单", "--by", "赵敏", "--reason", "价格"],
    ["log-visit", "7", "--by", "赵敏", "--followup", "宴请", "--date", "2026-10-16"],
    ["staff", "add", "周军", "--center", "苏州育林中心", "--role", "走访"],
    ["staff", "add", "周军", "--center", "苏州育林中心", "--role", "走访"],
    ["add-prospect", "--company", "苏州乙公司", "--city", "苏州", "--sourced-by", "李娜",
     "--industry", "机械"],
    ["add-prospect", "--company", "苏州甲公司", "--city", "苏州", "--sourced-by", "李娜"],
    ["add-prospect", "--company", "上海丙公司", "--city", "上海", "--sourced-by", "李娜"],
    ["update-prospect", "{pid}", "--address", "星湖街 1 号", "--contact-surname", "周"],
    ["verify", "{pid}", "--by", "王强", "--pretext", "采购", "--result", "确认"],
    ["verify", "{pid}", "--by", "李娜", "--pretext", "采购", "--result", "矛盾"],
    ["verify", "{pid}", "--by", "李娜", "--pretext", "采购", "--result", "确认", "--address",
     "--date", "2026-10-15"],
    ["check-visit", "{pid}"],
    ["plan-visit", "{pid}", "--visitor", "张伟"],
    ["verify", "{pid}", "--by", "李娜", "--pretext", "应聘", "--result", "确认", "--scale",
     "--date", "2026-10-15"],
    ["plan-visit", "{pid}", "--visitor", "张伟", "--date", "2026-10-16"],
    ["log-visit", "{pid}", "--by", "张伟", "--outcome", "见到", "--items", "1-5", "--landline",
     "--date", "2026-10-16"],
    ["log-visit", "{pid}", "--by", "刘洋", "--outcome", "不达标", "--date", "2026-10-16"],
    ["log-visit", "{pid}", "--by", "刘洋", "--outcome", "被拒", "--date", "2026-10-17"],
    ["log-visit", "{pid}", "--by", "张伟", "--outcome", "见到", "--kind", "扫楼",
     "--items", "{all_items}", "--landline", "--email", "--date", "2026-10-18"],
    ["redsea", "{pid}", "--cold"],
    ["redsea", "{pid}", "--clear"],
    ["inspect", "2", "--by", "赵敏", "--verdict", "推翻", "--note", "现场 150 人"],
    ["adjust-points", "李娜", "-3", "--reason", "迟到", "--by", "赵敏"],
    ["adjust-points", "李娜", "3", "--reason", "迟到", "--by", "李娜"],
    ["points", "李娜"], ["points", "王强"], ["rate", "{pid}"], ["show", "{pid}"],
    ["staff", "update", "王强", "--clear-industries"],
    ["center", "add", "苏州育林中心", "--city", "苏州"],
    ["show", "999"], ["update-prospect", "{pid}"],
]


def test_writing_commands_speak_chinese(team):
    from conftest import ALL_ITEMS

    names = command_names()
    said = []
    pid_doc = zh("add-prospect", "--company", "苏州甲公司", "--city", "苏州", "--sourced-by", "李娜",
                 "--employees", "150", "--pcs", "40", "--industry", "机械", "--found-on",
                 "2026-10-15", "--json")
    pid = pid_doc.json["id"]
    ok("staff", "update", "王强", "--industry", "机械")
    for args in WRITES:
        args = [a.format(pid=pid, all_items=ALL_ITEMS) for a in args]
        result = zh(*args)
        assert "Traceback" not in result.stdout + result.stderr, args
        words = english_words(result.stdout + result.stderr, names)
        if words:
            said.append((" ".join(map(str, args)), sorted(set(words))))
    assert not said, said


# Commands that move data in and out or keep the house, run in Chinese on the sample team.
HOUSEKEEPING = [
    ["export", "--what", "prospects", "-o", "{tmp}/客户.xlsx"],
    ["export", "--what", "visits", "--format", "csv", "-o", "{tmp}/走访.csv"],
    ["import", "{tmp}/客户.xlsx"],
    ["import", "{tmp}/新客户.csv", "--dry-run"],
    ["import", "{tmp}/新客户.csv"],
    ["dedupe"], ["dedupe", "--loose"],
    ["merge", "1", "{dup}", "--by", "赵敏", "--yes"],
    ["unmerge", "{dup}", "--by", "赵敏"],
    ["distinct", "1", "{dup}", "--by", "赵敏"],
    ["void", "visit", "1", "--by", "赵敏", "--reason", "记错了"],
    ["void", "points", "1", "--by", "赵敏", "--reason", "记错了"],
    ["direct-sales", "add", "--company", "南京新海有限公司", "--city", "南京", "--contact", "周"],
    ["direct-sales", "settle", "1", "--outcome", "合作", "--by", "赵敏"],
    ["direct-sales", "list"],
    ["backup", "{tmp}/备份.db"],
    ["policy", "init", "{tmp}/policy.toml"],
    ["upgrade"], ["copy", "--to", "{tmp}/副本.db"],
    ["team", "setup"], ["team", "login", "lina", "--staff", "李娜"], ["team", "logins"],
    ["team", "logout", "lina"],
    ["policy", "show"],
    ["policy", "simulate", "{tmp}/sweep5.toml", "--from", "2026-10-01", "--to", "2026-10-31"],
    ["policy", "simulate", "{tmp}/sweep5.toml", "--from", "2026-10-01", "--to", "2026-10-31",
     "--vary", "points.sweep=3..6"],
    ["policy", "set", "{tmp}/sweep5.toml", "--from", "2026-10-15", "--by", "赵敏"],
    ["policy", "set", "{tmp}/sweep5.toml", "--from", "2026-10-15", "--by", "赵敏",
     "--retroactive"],
    ["policy", "history"],
    ["show", "1", "--history"],
    ["doctor"],
    ["doctor", "--recompute"],
    ["demo"],
]


def test_housekeeping_commands_speak_chinese(demo, tmp_path):
    names = command_names()
    (tmp_path / "新客户.csv").write_text(
        "公司名称,城市,开拓人,员工数,电脑数,固定电话\n"
        "苏州新海精密有限公司,苏州,李娜,120,30,62581240\n"
        "苏州恒瑞精密机械有限公司,苏州,李娜,260,85,\n", encoding="utf-8")
    dup = ok_json("add-prospect", "--company", "恒瑞精密机械", "--city", "苏州", "--sourced-by",
                  "李娜", "--force")["id"]
    (tmp_path / "sweep5.toml").write_text("[points]\nsweep = 5\n[quota]\nper_day = 3\n",
                                          encoding="utf-8")
    ok("update-prospect", "1", "--pcs", "90", "--by", "李娜", "--date", "2026-10-20")
    said = {}
    for args in HOUSEKEEPING:
        args = [a.format(tmp=tmp_path, dup=dup) for a in args]
        result = zh(*args)
        assert "Traceback" not in result.stdout + result.stderr, args
        # Team mode needs a server and backup a SQLite file: the other says so (exit 2).
        assert result.exit_code in ((0, 1, 2) if args[0] in ("team", "backup") else (0, 1)), (
            args, result.stdout, result.stderr)
        words = english_words(result.stdout + result.stderr, names)
        if words:
            said[" ".join(args)] = sorted(set(words))
    assert not said, said


@pytest.mark.parametrize("what", ["prospects", "rounds", "visits", "points", "notices", "report"])
def test_a_chinese_export_reads_chinese(demo, tmp_path, what):
    """Headers and cells alike: choice words, 是/否, rule, flag and notice names; the workbook's
    tab says what it holds. (The prospects file still imports: see test_data.)"""
    ok("void", "visit", "8", "--by", "赵敏", "--reason", "录错")  # a give-back entry: rule void
    text = zh("export", "--what", what, "--date", "2026-10-15").stdout
    assert len(text.splitlines()) > 2, text
    assert not english_words(text, set()), sorted(set(english_words(text, set())))
    # English exports keep the stored values that scripts read.
    english = ok("export", "--what", what, "--date", "2026-10-15").stdout
    assert english.lstrip("\ufeff").split(",")[0] in ("id", "date", "name")
    from openpyxl import load_workbook

    out = tmp_path / "导出.xlsx"
    ok("--lang", "zh", "export", "--what", what, "-o", str(out))
    book = load_workbook(out)
    assert book.sheetnames == [{"prospects": "客户", "rounds": "复核", "visits": "走访",
                                "points": "积分", "notices": "通报", "report": "日报"}[what]]
    cells = " ".join(str(v) for row in book.worksheets[0].iter_rows(values_only=True)
                     for v in row if v is not None)
    assert not english_words(cells, set()), sorted(set(english_words(cells, set())))


def _complete(words: str, env: dict[str, str]) -> list[str]:
    """What bash completion offers after ``words`` (the console script, as a shell runs it)."""
    script = Path(sys.executable).with_name("yulin")
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    done = subprocess.run([str(script)], capture_output=True, text=True, check=True, env={
        **os.environ, **env, "_YULIN_COMPLETE": "complete_bash", "COMP_WORDS": words,
        "COMP_CWORD": str(cword)})
    return done.stdout.split()


def test_completion_offers_commands_options_and_choices_in_both_languages(monkeypatch):
    monkeypatch.delenv("YULIN_LANG", raising=False)
    assert "check-visit" in _complete("yulin che", {})
    assert _complete("yulin verify --pre", {}) == ["--pretext"]
    english = _complete("yulin verify 1 --pretext ", {})
    assert english[:5] == ["buyer", "applicant", "invitation", "front-desk", "other"]
    assert "采购" in english
    chinese = _complete("yulin verify 1 --pretext ", {"YULIN_LANG": "zh"})
    assert chinese[0] == "采购" and "buyer" in chinese  # the reader's words first
    assert _complete("yulin void 走", {}) == ["走访"]
    # A --lang typed before the command counts, as when the command runs.
    assert _complete("yulin --lang zh log-visit 1 --outcome ", {})[0] == "见到"
    script = run("--show-completion", "bash")
    assert "_yulin_completion" in script.stdout, script.stdout


def test_zsh_completion_describes_commands_and_options_in_chinese(monkeypatch):
    script = Path(sys.executable).with_name("yulin")

    def offered(typed: str) -> str:
        return subprocess.run([str(script)], capture_output=True, text=True, check=True, env={
            **os.environ, "YULIN_LANG": "zh", "_YULIN_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": typed}).stdout

    assert '"export":"导出为' in offered("yulin ex")
    options = offered("yulin export --")
    assert '"--redact":"遮住电话' in options and '"--help":"显示本帮助' in options
    assert '"add":"添加伙伴' in offered("yulin staff a")


def test_the_chinese_runs_cover_every_command():
    """READS, WRITES and HOUSEKEEPING together run every command there is."""
    root = typer.main.get_command(build_app("en"))
    assert isinstance(root, TyperGroup)
    ran = [tuple(args) for args in READS + WRITES + HOUSEKEEPING]
    leaves = [path for path in _commands(root)
              if not hasattr(root.commands[path[0]], "commands") or len(path) == 2]
    missing = [" ".join(path) for path in leaves
               if not any(args[:len(path)] == path for args in ran)]
    assert not missing, missing


# --- lines as a Chinese reader expects them ---------------------------------------------------

CLOSING = tuple("，。、；：！？）」』】》”’")


@pytest.mark.parametrize("width", [80, 120])
def test_lines_break_the_chinese_way(demo, monkeypatch, width):
    from yulin_cli.wrapping import cells

    monkeypatch.setenv("COLUMNS", str(width))
    companies = [r["company"] for r in ok_json("list")]
    for args in (["check-visit", "2"], ["show", "7"], ["advise", "19"], ["rate", "8"],
                 ["daily-report", "--date", "2026-10-15"], ["playbook", "q16"], ["rate", "--all"],
                 ["notices", "--to", "2026-10-31"], ["manager"], ["--help"],
                 ["add-prospect", "--help"]):
        out = zh(*args).stdout
        lines = out.splitlines()
        for line in lines:
            assert cells(line) <= width, (args, line)
            assert "..." not in line or args[-1] == "--help", (args, line)
            assert not line.strip().startswith(CLOSING), (args, line)
            assert "…" not in line, (args, line)  # nothing is cut short
            assert not re.search(r"[（(]Q?\d*$", line), (args, line)  # a clause stays whole
        # A command is never split: each one stands whole on a line of its own.
        for command in re.findall(r"→ (yulin [^\n]+)", out):
            assert command.strip() in out
        # Every company in a table is there in full, perhaps over two lines.
        joined = re.sub(r"\s+", "", out)
        shown = [c for c in companies if c in joined]
        assert args[0] not in ("rate", "notices", "manager") or shown, args


@settings(max_examples=200, deadline=None)
@given(ids=st.lists(st.integers(1, 10**6), min_size=1, max_size=8),
       width=st.integers(14, 60), chinese=st.booleans())
def test_an_id_is_never_split_from_its_hash(ids, width, chinese):
    """``#56221`` stays whole at any width that holds it: a line never ends with a lone # (the
    list of the day's finds, in either language)."""
    from yulin_cli.wrapping import wrap

    joiner, company = ("、", "苏州喜鼎诚庆精密机械有限公司") if chinese else (", ", "Acme Ltd")
    text = "员工003：" + joiner.join(f"#{i} {company}" for i in ids)
    lines = wrap(text, width, indent=4)
    assert not any(line.rstrip().endswith("#") for line in lines), lines
    shown = " ".join(lines)
    assert all(re.search(rf"#{i}(?!\d)", shown) for i in ids), lines


@settings(max_examples=200, deadline=None)
@given(names=st.lists(st.text(alphabet="张王李赵刘陈欧阳伟强娜敏洋丽静员工0123456789", min_size=2,
                              max_size=5), min_size=1, max_size=10),
       width=st.integers(12, 60), chinese=st.booleans())
def test_a_name_kept_whole_is_never_split(names, width, chinese):
    """Names marked ``whole`` stay on one line at any width that holds them, read back
    exactly (the marks themselves never show), and the text breaks only between them."""
    from yulin_cli.wrapping import JOINER, cells, whole, wrap

    joiner = "、" if chinese else ", "
    lines = wrap("另有几人：" + joiner.join(whole(n) for n in names), width, indent=2,
                 first_indent=0)
    assert not any(JOINER in line for line in lines)
    assert all(cells(line) <= width for line in lines), lines
    assert lines[0].startswith("另有几人：")
    lines[0] = lines[0].removeprefix("另有几人：")
    pieces = [p.strip() for line in lines for p in line.split(joiner.strip()) if p.strip()]
    assert pieces == names, lines


@settings(max_examples=100, deadline=None)
@given(ids=st.lists(st.integers(1, 10**6), min_size=1, max_size=6), width=st.integers(40, 100))
def test_a_company_in_the_days_finds_stays_on_one_line(ids, width):
    """The day's finds keep each company name on one line when it fits one (the list of a
    busy prospector's finds broke 有限公/司)."""
    from yulin_cli.wrapping import whole, wrap

    company = "苏州癸宝康禧汽车零部件有限责任公司"
    lines = wrap("员工003：" + "、".join(f"#{i} {whole(company)}" for i in ids), width,
                 indent=4, first_indent=2)
    assert sum(line.count(company) for line in lines) == len(ids), lines


def _arrow_commands(out: str) -> list[str]:
    """The commands a view offers after an arrow, each joined again across its shell
    continuations (a line ending in a backslash), as a shell joins them."""
    found: list[str] = []
    lines = [line.strip().strip("│").strip() for line in out.splitlines()]  # in a panel too
    for n, line in enumerate(lines):
        if "→ yulin " not in line:
            continue
        command = line.split("→ ", 1)[1]
        while command.endswith(" \\"):
            n += 1
            command = command[:-1] + lines[n]
        found.append(command)
    return found


@pytest.mark.parametrize("width", [60, 44])
def test_a_narrow_screen_breaks_a_command_so_it_still_runs_whole(demo, monkeypatch, width):
    """Never cropped or cut inside a word: broken before an option, with a continuation."""
    from yulin_cli.wrapping import cells

    shown = 0
    for args in (["check-visit", "2"], ["check-visit", "8"], ["show", "7"], ["show", "11"],
                 ["daily-report", "--date", "2026-10-15"], ["dedupe"], ["attention"]):
        monkeypatch.setenv("COLUMNS", "200")
        wide = zh(*args).stdout
        monkeypatch.setenv("COLUMNS", str(width))
        narrow = zh(*args).stdout
        assert all(cells(line) <= width for line in narrow.splitlines()), args
        assert _arrow_commands(narrow) == _arrow_commands(wide), args
        shown += len(_arrow_commands(wide))
    assert shown >= 10


@settings(max_examples=300, deadline=None)
@given(head=st.lists(st.sampled_from(["verify", "7", "staff", "update", "'张 伟'", "李娜"]),
                     min_size=1, max_size=3),
       options=st.lists(st.tuples(
           st.sampled_from(["--by", "--pretext", "--result", "--address", "--all", "-n"]),
           st.lists(st.sampled_from(["确认", "采购", "维持|推翻", "2026-10-15", "'星湖街 1 号'",
                                     "苏州育林中心", "..."]), max_size=2)), max_size=6),
       width=st.integers(4, 90), lead=st.sampled_from(["", "  → ", "      → "]))
def test_a_broken_command_joins_back_to_itself(head, options, width, lead):
    """``command_lines``: the lines joined by the shell (a backslash, a newline, then the
    indent) give the same words; every line fits; only the last has no continuation."""
    import shlex

    from yulin_cli.wrapping import cells, command_lines

    command = " ".join(["yulin", *head, *(" ".join([o, *v]) for o, v in options)])
    lines = command_lines(command, width, lead, cells(lead) + 2)
    assert all(cells(line) <= width for line in lines), lines
    joined = "".join(line[:-2] + " " if line.endswith(" \\") else line + "\n"
                     for line in lines)
    longest = max(cells(w) for w in shlex.split(command, posix=False)) + cells(lead) + 2
    if width >= longest + 2:  # every word fits on a line: nothing was cut by characters
        assert all(not line.endswith("\\") for line in lines[-1:])
        assert shlex.split(joined[len(lead):]) == shlex.split(command), lines
        assert len(lines) == 1 or cells(lead + command) > width


# --- every verdict names its clause -----------------------------------------------------------


def test_every_verdict_names_its_clause_in_words_and_in_json(team):
    pid = ok_json("add-prospect", "--company", "苏州甲公司", "--city", "苏州", "--sourced-by",
                  "李娜", "--employees", "150", "--pcs", "40", "--found-on", "2026-10-15")["id"]
    # A visit, never made ready, found below the standard and not effective: unready (Q2),
    # criticism (Q1), inspection (Q15).
    doc = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "substandard", "--date",
                  "2026-10-16")
    assert doc["flags"] == ["unready", "inspect"]
    assert doc["flag_details"] == [
        {"flag": "unready", "rule": "readiness", "clause": "Q2"},
        {"flag": "inspect", "rule": "substandard", "clause": "Q15"}]
    assert doc["points"] == [{"staff": "李娜", "delta": -5, "rule": "substandard",
                              "clause": "Q1"}]
    assert {(r["rule"], r["clause"]) for r in doc["reasons"]} == {
        ("effective", "Q7, Q15"), ("readiness", "Q2"), ("substandard", "Q1"),
        ("substandard", "Q15")}
    # A sweep on a day with nothing planned (Q12).
    sweep = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "refused", "--kind", "sweep",
                    "--date", "2026-10-17")
    assert sweep["flag_details"] == [{"flag": "sweep-unplanned", "rule": "sweep",
                                      "clause": "Q12"}]
    notices = ok_json("notices", "--from", "2026-10-16", "--to", "2026-10-16")
    assert [(n["rule"], n["clause"]) for n in notices] == [("substandard", "Q1")]
    ok("adjust-points", "李娜", "2", "--reason", "补录", "--by", "赵敏")
    entries = ok_json("points", "李娜")["entries"]
    assert [(e["rule"], e["clause"]) for e in entries] == [("substandard", "Q1"),
                                                           ("adjustment", None)]
    # In words: each verdict line, flag and notice ends with its clause in the reader's
    # punctuation.
    out = zh("log-visit", pid, "--by", "张伟", "--outcome", "substandard", "--date",
             "2026-10-18").stdout
    verdicts = [line for line in out.splitlines() if line.strip().startswith("·")]
    assert verdicts and all(re.search(r"（Q\d+(、Q\d+)*）$", v) for v in verdicts), out
    assert "送检（Q15）" in out
    assert "不达标（Q1）" in zh("notices", "--from", "2026-10-16", "--to", "2026-10-18").stdout
    english = run("log-visit", pid, "--by", "张伟", "--outcome", "substandard", "--date",
                  "2026-10-19").stdout
    assert "inspect (Q15)" in english or "inspection (Q15)" in english, english
    for args in (["redsea", pid], ["rate", pid]):
        lines = [ln for ln in zh(*args).stdout.splitlines() if ln.strip().startswith("·")]
        assert lines and all("（Q" in ln for ln in lines), (args, lines)
    # check-visit: one row for each of its six checks, each naming its rule and clause.
    assert zh("check-visit", pid).stdout.count("（Q") == 6


# --- what a new user tried, and what it now says -----------------------------------------------


def test_suggested_commands_run_as_printed(team):
    from conftest import add

    pid = add("苏州甲公司", "--employees", "150", "--pcs", "40", by="王强")
    out = zh("check-visit", pid).stdout
    assert f"yulin verify {pid} --by 王强 --pretext 应聘 --result 确认" in out
    visit = ok_json("log-visit", pid, "--by", "张伟", "--outcome", "substandard", "--date",
                    "2026-10-16")["visit_id"]
    suggested = f"inspect {visit} --by 赵敏 --verdict 推翻"
    assert f"yulin {suggested}" in zh("show", pid).stdout
    assert zh(*suggested.split()).exit_code == 0  # it runs as printed
    assert "yulin inspect" not in zh("check-visit", pid).stdout  # settled: no longer offered
    # Upheld, the finding stands and no inspection is left to run: no command with a blank.
    other = add("苏州乙公司", "--employees", "150", "--pcs", "40", by="王强")
    visit = ok_json("log-visit", other, "--by", "张伟", "--outcome", "substandard", "--date",
                    "2026-10-16")["visit_id"]
    assert f"yulin inspect {visit} --by 赵敏" in zh("show", other).stdout
    ok("inspect", visit, "--by", "赵敏", "--verdict", "upheld")
    for command in ("show", "check-visit"):
        out = zh(command, other).stdout
        assert "yulin inspect" not in out and "走访编号" not in out, (command, out)
        assert "经分管领导核" in out, out
    fix = next(c["fix"] for c in run("check-visit", other, "--json").json["checks"]
               if c["rule"] == "standard")
    assert fix.startswith("an inspection upheld the finding")
    # A later finding on it cannot make it ready again, whatever its inspection says: still
    # no inspect command, and the advice stays to drop it.
    later = ok_json("log-visit", other, "--by", "刘洋", "--outcome", "substandard", "--date",
                    "2026-10-19")["visit_id"]
    assert "yulin inspect" not in zh("check-visit", other).stdout
    ok("inspect", later, "--by", "赵敏", "--verdict", "overturned")
    assert run("check-visit", other, "--json").json["ready"] is False


def test_unrecorded_facts_read_as_such(team):
    pid = ok_json("add-prospect", "--company", "苏州甲公司", "--city", "苏州",
                  "--sourced-by", "李娜")["id"]
    out = zh("check-visit", pid).stdout
    assert "未填" in out and "None" not in out
    assert "None" not in run("check-visit", pid).stdout


def test_policy_mistakes_in_the_readers_words(team, tmp_path):
    from dataclasses import fields

    from yulin_cli.policy import Policy

    for text, says in (("[standard]\nmin_employes = 3\n", "没有这一项"),
                       ("[standard]\nmin_employees = \"x\"\n", "须为整数"),
                       ("[standard]\nmin_employees = -3\n", "须不小于 0"),
                       ("[standard\n", "第 1 行"),
                       ("[quota]\ncampaign_start = 2026-12-01\ncampaign_end = 2026-01-01\n",
                        "campaign_start 不能晚于 campaign_end")):
        path = tmp_path / "policy.toml"
        path.write_text(text, encoding="utf-8")
        result = zh("--policy", str(path), "policy", "show")
        assert result.exit_code == 2 and says in result.stderr, (text, result.stderr)
        # Policy keys (sections and their keys) are names, allowed as they are.
        keys = {name for section in fields(Policy)
                for name in (section.name,
                             *(f.name for f in fields(getattr(Policy(), section.name))))}
        assert not english_words(result.stderr, command_names() | keys), result.stderr


def test_argument_mistakes_say_which(team):
    extra = zh("show", "1", "多余", "词")
    assert extra.exit_code == 2 and extra.stderr.strip() == "错误：多余的参数：多余 词"
    missing = zh("show")
    assert missing.exit_code == 2 and missing.stderr.strip() == "错误：缺少参数 编号"


def test_reports_name_companies_and_findings(demo):
    route = zh("route", "--start", "2026-10-19").stdout
    assert "远郊路线（Q6）" in route and "苏州锦绣丝绸织造有限公司" in route
    partners = zh("partners").stdout
    assert "（Q10）" in partners and "投入" in partners  # the flag's finding, not just "!"
    assert [t["topic"] for t in ok_json("playbook", "红海")] == ["q18"]
    assert [t["topic"] for t in ok_json("playbook", "星级")] == ["q5"]
    ok("center", "add", "南京中心", "--city", "南京")
    ok("staff", "add", "孙磊", "--center", "南京中心", "--role", "prospector",
       "--industry", "机械")
    rows = ok_json("industries")
    assert {(r["center"], r["industry"]) for r in rows if r["industry"] == "机械"} == {
        ("南京中心", "机械"), ("苏州育林中心", "机械")}
    assert next(r for r in rows if r["center"] == "南京中心")["owners"] == ["孙磊"]


def test_an_impure_prospect_is_advised_only_to_be_dropped(demo):
    impure = [p["prospect_id"] for p in ok_json("rate", "--all") if p["redsea"] == "impure"]
    assert impure
    advice = ok_json("advise", impure[0])["advice"]
    assert [(a["rule"], a["clause"]) for a in advice] == [("next-actions", "Q18")]


def test_help_lists_the_choices_and_kinds_in_the_readers_words():
    assert "--pretext [采购|应聘|会议邀请|前台|其他]" in zh("verify", "--help").stdout
    assert "--outcome [见到|被拒|不达标]" in zh("log-visit", "--help").stdout
    assert "--pretext [buyer|applicant|invitation|front-desk|other]" in run(
        "verify", "--help").stdout
    # And a number's kind: Typer before 0.29 names it on the Click type only.
    assert "--limit 整数" in zh("list", "--help").stdout
    assert "--limit INTEGER" in run("list", "--help").stdout
    # A count takes 300人 or 三百 too: its kind is a count, not a bare integer.
    assert "--employees 人数" in zh("add-prospect", "--help").stdout
    assert "--employees COUNT" in run("add-prospect", "--help").stdout


def test_continuation_lines_hang_under_their_first(demo):
    """A wrapped line continues a little further in than it starts, never further out
    (agenda's opener: it used to start at column 12 and continue at 7)."""
    agenda = zh("agenda", "--visitor", "刘洋", "--date", "2026-10-16").stdout.splitlines()
    # One opener for the day when every visit shares it, else one under each visit.
    openers = [(i, line.index("开场")) for i, line in enumerate(agenda)
               if line.lstrip().startswith("开场：")]
    assert [start for _i, start in openers] == [0]  # the demo's two visits share theirs
    for i, start in openers:
        follow = agenda[i + 1] if i + 1 < len(agenda) else ""
        if follow.strip() and not follow.lstrip().startswith("#") and start in (0, 5):
            hang = 2 if start == 0 else 7
            assert follow.startswith(" " * hang) and not follow.startswith(" " * (hang + 1)), (
                follow)
