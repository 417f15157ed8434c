"""The message catalogue is complete in both languages, and every command explains itself."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import yulin_cli
from conftest import ok
from yulin_cli.app import build_app
from yulin_cli.i18n import MESSAGES, PARTS, TOPICS, part_of

pytestmark = pytest.mark.once  # help and catalogue: the backend does not matter

SOURCE = Path(yulin_cli.__file__).parent
NAMESPACES = {key.split(".")[0] for key in MESSAGES if "." in key}


def _fields(text: str) -> set[str]:
    """The parameters a text uses; "{count|round|rounds}" (an English plural) uses count."""
    text = re.sub(r"\{(\w+)\|[^|{}]*\|[^|{}]*\}", r"{\1}", text)
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _part_keys() -> dict[str, list[str]]:
    """Each part's keys as its source file writes them, repeats kept (a dict literal that names a
    key twice keeps the last one silently, so the module's MESSAGES cannot show it)."""
    keys: dict[str, list[str]] = {}
    for part in PARTS:
        assert part.__file__ is not None
        tree = ast.parse(Path(part.__file__).read_text(encoding="utf-8"))
        found = [n.value for n in ast.walk(tree) if isinstance(n, ast.AnnAssign)
                 and isinstance(n.target, ast.Name) and n.target.id == "MESSAGES"]
        assert len(found) == 1 and isinstance(found[0], ast.Dict), part.__name__
        keys[part.__name__.rsplit(".", 1)[1]] = [
            k.value for k in found[0].keys
            if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        assert len(keys[part.__name__.rsplit(".", 1)[1]]) == len(found[0].keys), (
            f"{part.__name__}: every key is a literal string")
    return keys


def test_every_part_of_the_catalogue_is_loaded_and_every_prefix_has_one_part():
    modules = {path.stem for path in (SOURCE / "i18n").glob("*.py") if path.stem != "__init__"}
    assert modules == {part.__name__.rsplit(".", 1)[1] for part in PARTS} == set(TOPICS)
    prefixes = [prefix for owned in TOPICS.values() for prefix in owned]
    assert len(prefixes) == len(set(prefixes)), "a prefix is claimed by two parts"


def test_no_key_is_in_two_parts_of_the_catalogue():
    seen: dict[str, str] = {}
    for part, keys in _part_keys().items():
        for key in keys:
            assert key not in seen, f"{key} is defined in i18n/{seen[key]}.py and i18n/{part}.py"
            seen[key] = part


def test_every_key_sits_in_the_part_its_prefix_names():
    wrong = [f"{key} is in i18n/{part}.py but its prefix belongs in "
             f"{'i18n/' + str(part_of(key)) + '.py' if part_of(key) else 'no part (add it to TOPICS)'}"
             for part, keys in _part_keys().items() for key in keys if part_of(key) != part]
    assert not wrong, "\n".join(wrong)


def test_every_key_has_both_languages():
    for part in PARTS:
        for key, pair in part.MESSAGES.items():
            assert isinstance(pair, tuple) and len(pair) == 2, (
                f"{key} in {part.__name__} needs (zh, en), not {pair!r}")
            assert all(isinstance(text, str) and text.strip() for text in pair), (
                f"{key} in {part.__name__} has an empty language")


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_with_the_same_placeholders(key):
    zh, en = MESSAGES[key]
    assert zh.strip() and en.strip()
    assert _fields(zh) == _fields(en)
    # The Chinese text is Chinese, unless the words are the same in both (`zh|en`).
    assert re.search(r"[\u4e00-\u9fff]", zh) or zh == en, "the Chinese text is Chinese"


def test_every_code_in_the_source_is_in_the_catalogue():
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts or path.name == "models.py":
            continue  # table and column names such as "visit.id", not messages
        tree = ast.parse(path.read_text(encoding="utf-8"))
        pieces = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if id(node) in pieces:
                continue  # part of an f-string such as f"stars.level{n}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value
                if re.fullmatch(r"[a-z_]+\.[a-z0-9_]+", value) and (
                        value.split(".")[0] in NAMESPACES):
                    used.add(value)
    missing = {code for code in used if code not in MESSAGES}
    # Codes built at run time (f"stars.level{n}", f"refusal.{rule}") are checked by the rules
    # tests; literal ones must all exist.
    assert not missing


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        path = (*prefix, name)
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, path)
        else:
            yield path, cmd


def test_every_command_has_help_and_json():
    from yulin_cli.typer_seams import click_command

    root = click_command(build_app("en"))
    commands = list(_commands(root))
    assert len(commands) >= 17
    for path, cmd in commands:
        assert cmd.help, path
        assert "--json" in {opt for p in cmd.params for opt in p.opts}, path
        out = ok(*path, "--help").stdout
        assert "Usage" in out
