"""The shape of the house (ARCHITECTURE.md), checked: no module-level import cycle, a rules layer
that imports no framework, and every command printing through `runtime.respond`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import yulin_cli

pytestmark = pytest.mark.once  # the source does not depend on the backend

SOURCE = Path(yulin_cli.__file__).parent
FRAMEWORKS = {"typer", "rich", "sqlalchemy", "sqlmodel", "alembic", "pydantic", "click",
              "psycopg", "sqlite3"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(SOURCE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _module_level_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """What a module imports when it is imported: not inside functions, not for types only."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and not _is_type_checking(node):
                visit(node.body + node.orelse)
            elif isinstance(node, (ast.Try,)):
                visit(node.body)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                # `from yulin_cli import rules` imports the module yulin_cli.rules.
                found.update(f"{node.module}.{a.name}" for a in node.names
                             if f"{node.module}.{a.name}" in modules)

    visit(tree.body)
    return found


def test_no_module_level_import_cycle():
    modules = _modules()
    # A package importing its own submodules (`from yulin_cli.i18n import errors`) names
    # itself too; that is not a cycle.
    graph = {name: {m for m in _module_level_imports(path, modules) if m in modules and m != name}
             for name, path in modules.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    stack: list[str] = []

    def walk(name: str) -> None:
        state[name] = 1
        stack.append(name)
        for dep in sorted(graph[name]):
            if state.get(dep) == 1:
                cycle = stack[stack.index(dep):] + [dep]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if dep not in state:
                walk(dep)
        stack.pop()
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            walk(name)


def test_the_rules_import_no_framework_and_no_other_layer():
    modules = _modules()
    for name, path in modules.items():
        if not name.startswith("yulin_cli.rules"):
            continue
        imported = _module_level_imports(path, modules)
        assert not {m.split(".")[0] for m in imported} & FRAMEWORKS, name
        others = {m for m in imported if m.startswith("yulin_cli")
                  and not m.startswith("yulin_cli.rules")}
        assert not others, (name, others)


def test_every_command_prints_through_respond():
    """A command never prints by itself: its result goes through `runtime.respond` (JSON or
    the Rich view of its type), so the two cannot disagree."""
    for path in SOURCE.rglob("commands.py"):
        text = path.read_text(encoding="utf-8")
        for forbidden in ("typer.echo(", "emit_json(", "print(", "console("):
            assert forbidden not in text, (path.name, forbidden)
