"""Writes docs/rules.md and docs/cli.md from the code, so the project's own account of its
rules and of its command line is never older than the code. tests/test_docs.py fails when
they are stale.

    python tools/make_docs.py

docs/rules.md indexes each rule id (rules.reasons.CLAUSES): the manual's clauses, the pure
functions that give its reasons, their SQL restatements (``sql_rules``), the server's
row-level restatements (``server/guard.py``), the policy keys they read, the message keys
of its reasons, and the tests that name its functions. docs/cli.md lists every command with
its arguments and options, as `--help` shows them in English.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "yulin_cli"
DOCS = ROOT / "docs"
# How rule functions make a reason: the rule id is the first argument (or ``rule=``).
REASON_MAKERS = {"_reason", "reason", "Reason", "_advice"}
# Helpers that make the reasons of one rule.
RULE_HELPERS = {"_proof": "proof"}


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else (
        func.attr if isinstance(func, ast.Attribute) else "")


def _rule_of(node: ast.Call) -> str | None:
    name = _called(node)
    if name in RULE_HELPERS:
        return RULE_HELPERS[name]
    if name not in REASON_MAKERS:
        return None
    for kw in node.keywords:
        if kw.arg == "rule" and isinstance(kw.value, ast.Constant):
            return str(kw.value.value)
    if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value,
                                                                            str):
        return node.args[0].value
    return None


def _policy_keys(func: ast.FunctionDef) -> set[str]:
    """``policy.section.key`` read anywhere in the function."""
    keys = set()
    for node in ast.walk(func):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
                and isinstance(node.value.value, ast.Name) and node.value.value.id == "policy"):
            keys.add(f"{node.value.attr}.{node.attr}")
    return keys


def rule_functions() -> tuple[dict[str, list[str]], dict[str, set[str]], dict[str, set[str]]]:
    """rule id -> the functions giving its reasons, the policy keys they read, and the
    message codes of those reasons."""
    functions: dict[str, list[str]] = defaultdict(list)
    keys: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, set[str]] = defaultdict(set)
    for path in sorted((SRC / "rules").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
            found = set()
            for node in ast.walk(func):
                if isinstance(node, ast.Call) and (rule := _rule_of(node)):
                    found.add(rule)
                    args = node.args[1:] if _called(node) not in RULE_HELPERS else node.args
                    for arg in args:
                        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and (
                                "." in arg.value):
                            codes[rule].add(arg.value)
            for rule in found:
                name = f"rules.{path.stem}.{func.name}"
                if name not in functions[rule] and not func.name.startswith("_"):
                    functions[rule].append(name)
                keys[rule] |= _policy_keys(func)
        # A module named after its rule (rules/quota.py): its public functions are that rule.
        for func in tree.body:
            if isinstance(func, ast.FunctionDef) and not func.name.startswith("_"):
                name = f"rules.{path.stem}.{func.name}"
                if name not in functions[path.stem]:
                    functions[path.stem].append(name)
                    keys[path.stem] |= _policy_keys(func)
    return functions, keys, codes


def restatements(path: Path, pattern: str) -> dict[str, list[str]]:
    """function name -> the SQL pieces that say they restate ``rules.<function>``."""
    found: dict[str, list[str]] = defaultdict(list)
    text = path.read_text(encoding="utf-8")
    if path.name == "guard.py":
        # The comment lines right above a CREATE FUNCTION name the rules it restates.
        for match in re.finditer(r"((?:--[^\n]*\n)+)CREATE OR REPLACE FUNCTION (\w+)", text):
            for name in re.findall(r"rules\.([\w.]+\w)", match.group(1)):
                found[name.split(".")[-1]].append(f"server/guard.py {match.group(2)}")
        return found
    tree = ast.parse(text)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            doc = ast.get_docstring(node) or ""
            for name in re.findall(pattern, doc):
                found[name.split(".")[-1]].append(f"sql_rules.{node.name}")
    return found


def tests_naming(names: list[str]) -> list[str]:
    bare = {n.split(".")[-1] for n in names}
    out = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        text = path.read_text(encoding="utf-8")
        if any(re.search(rf"\b{re.escape(n)}\b", text) for n in bare):
            out.append(path.name)
    return out


def rules_md() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from yulin_cli.i18n import MESSAGES
    from yulin_cli.rules.reasons import CLAUSES

    functions, keys, codes = rule_functions()
    sql = restatements(SRC / "sql_rules.py", r"``rules\.(\w+)``")
    guard = restatements(SRC / "server" / "guard.py", "")
    lines = ["# The rules, as the code states them", "",
             "Generated by `python tools/make_docs.py` from the code; `tests/test_docs.py` "
             "fails when it is stale. Each rule id is what a verdict's reason names (JSON "
             "`rule`), with the manual's clauses it comes from.", ""]
    for rule, clauses in CLAUSES.items():
        funcs = functions.get(rule, [])
        lines += [f"## `{rule}` ({clauses})", ""]
        lines.append("- functions: " + (", ".join(f"`{f}`" for f in funcs) or "none"))
        restated = sorted({s for f in funcs for s in sql.get(f.split(".")[-1], [])})
        if restated:
            lines.append("- in SQL: " + ", ".join(f"`{s}`" for s in restated))
        guarded = sorted({s for f in funcs for s in guard.get(f.split(".")[-1], [])})
        if guarded:
            lines.append("- on the server: " + ", ".join(f"`{s}`" for s in guarded))
        if keys.get(rule):
            lines.append("- policy keys: " + ", ".join(f"`{k}`" for k in sorted(keys[rule])))
        messages = sorted(c for c in codes.get(rule, set()) if c in MESSAGES)
        if messages:
            lines.append("- messages: " + ", ".join(f"`{m}`" for m in messages))
        tests = tests_naming(funcs)
        if tests:
            lines.append("- tests: " + ", ".join(f"`{t}`" for t in tests))
        lines.append("")
    return "\n".join(lines)


def cli_md() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from yulin_cli import errors
    from yulin_cli.app import build_app
    from yulin_cli.typer_seams import click_command

    root = click_command(build_app("en"))
    lines = ["# The command line", "",
             "Generated by `python tools/make_docs.py` from the code (English help; every "
             "command speaks Chinese with `--lang zh`). Every command takes `--json`, where it "
             "prints, as one JSON document with English keys.", "", "## Exit codes", ""]
    lines.append("- `0`: done, or the verdict is yes.")
    for name in sorted(vars(errors)):
        kind = getattr(errors, name)
        if isinstance(kind, type) and "exit_code" in vars(kind):
            first = (kind.__doc__ or "").strip().splitlines()[0]
            lines.append(f"- `{kind.exit_code}` (`{name}`): {first}")
    lines.append("")

    def walk(group, prefix):
        for name in sorted(group.commands):
            command = group.commands[name]
            path = [*prefix, name]
            if hasattr(command, "commands"):
                walk(command, path)
                continue
            lines.extend([f"## `yulin {' '.join(path)}`", "",
                          " ".join((command.help or "").split()), ""])
            for param in command.params:
                if param.name == "help":
                    continue
                names = " / ".join([*param.opts, *param.secondary_opts]) if param.opts else ""
                kind = "argument" if param.param_type_name == "argument" else "option"
                text = " ".join((getattr(param, "help", None) or "").split())
                shown = names if kind == "option" else param.human_readable_name
                lines.append(f"- `{shown}`" + (f": {text}" if text else ""))
            lines.append("")

    walk(root, [])
    return "\n".join(lines)


def documents() -> dict[Path, str]:
    return {DOCS / "rules.md": rules_md(), DOCS / "cli.md": cli_md()}


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    for path, text in documents().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
