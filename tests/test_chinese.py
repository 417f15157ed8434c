"""Chinese first: every command, run in `--lang zh` at 80 columns against the sample team, shows
no English word outside command names, option names, emails, identifiers and the allowed product
words; and what users type in Chinese (choices, money, dates, local numbers) is understood."""

from __future__ import annotations

import re

import pytest
import typer.main

from conftest import ok, run
from yulin_cli.app import build_app

ALLOWED = {"yulin", "IOAS", "OA", "ERP", "QQ", "IT", "PC", "PCs", "SQLite", "PostgreSQL", "JSON",
           "CSV", "XLSX", "TOML", "Excel", "WPS", "zh", "en", "UTF", "GBK", "pg_dump", "psycopg",
           "postgresql", "sqlite", "MIIT"}
WORD = re.compile(r"[A-Za-z][A-Za-z_'-]*[A-Za-z]")
# Things that are not words of a sentence: emails, option names, policy keys, paths, URLs,
# clause and id codes.
NOT_WORDS = re.compile(
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+"  # emails
    r"|(?<![\w-])--?[a-z][\w-]*"  # options
    r"|\bYULIN_[A-Z_]+\b"  # environment variables
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


def zh(*args: str):
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
    ["industries"], ["partners"], ["direct-sales", "list"], ["advise", "1"], ["advise", "8"],
    ["advise", "19"], ["playbook"], ["playbook", "q5"], ["route", "--start", "2026-10-19"],
    ["dedupe"], ["doctor"], ["policy", "show"],
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
