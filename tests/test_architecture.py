"""The shape of the house (ARCHITECTURE.md), checked on the syntax tree, imports inside
functions included: slices in one declared order (``slices.SLICES``) importing only downward,
shared layers importing no slice, no module-level import cycle, a rules layer that imports no
framework, one clock, and every command printing through `runtime.respond`."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

import yulin_cli
from yulin_cli.slices import NAMES, SLICES, owner, with_commands

pytestmark = pytest.mark.once  # the source does not depend on the backend

SOURCE = Path(yulin_cli.__file__).parent
FRAMEWORKS = {"typer", "rich", "sqlalchemy", "sqlmodel", "alembic", "pydantic", "click",
              "psycopg", "sqlite3"}
ROOT = {"app", "__main__"}  # the command line's root: it builds the slices from the registry


def _modules(source: Path = SOURCE) -> dict[str, Path]:
    """Every module of the package at ``source`` by dotted name (migrations aside: Alembic's)."""
    found = {}
    for path in source.rglob("*.py"):
        if "migrations" in path.relative_to(source).parts:
            continue
        parts = path.relative_to(source.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


@dataclass(frozen=True, slots=True)
class Import:
    importer: str
    imported: str
    line: int
    in_function: bool  # runs when the function does, not when the module is imported
    for_types: bool  # under `if TYPE_CHECKING:`: never runs

    def __str__(self) -> str:
        where = " (inside a function)" if self.in_function else ""
        return f"{self.importer}:{self.line} imports {self.imported}{where}"


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> Iterator[Import]:
    """Every import of the package's own modules in one module, wherever it stands."""

    def visit(node: ast.AST, in_function: bool, for_types: bool) -> Iterator[Import]:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, node.lineno, in_function, for_types)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield Import(name, node.module, node.lineno, in_function, for_types)
            # `from yulin_cli import rules` imports the module yulin_cli.rules.
            for alias in node.names:
                if f"{node.module}.{alias.name}" in modules:
                    yield Import(name, f"{node.module}.{alias.name}", node.lineno, in_function,
                                 for_types)
        for child in ast.iter_child_nodes(node):
            yield from visit(
                child,
                in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                 ast.Lambda)),
                for_types or (isinstance(node, ast.If) and _is_type_checking(node)
                              and child in node.body))

    tree = ast.parse(path.read_text(encoding="utf-8"))
    for found in visit(tree, False, False):
        if found.imported in modules and found.imported != found.importer:
            yield found


def _part(module: str) -> str:
    """The slice or shared layer a module belongs to: the package's first level under it."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def layer_violations(source: Path, slices: Sequence[str]) -> list[str]:
    """Imports against the order of the house, for the package at ``source`` whose slices are
    ``slices`` from the bottom up: a slice importing a slice declared after it (higher), a
    shared layer importing any slice, anything but the root importing the root. Imports inside
    functions and for types only count too: they couple the code all the same."""
    modules = _modules(source)
    rank = {name: n for n, name in enumerate(slices)}
    found = []
    for name, path in sorted(modules.items()):
        for imp in imports_of(name, path, modules):
            src, dst = _part(imp.importer), _part(imp.imported)
            if src == dst or src in ROOT:
                continue
            if dst in ROOT:
                found.append(f"{imp}: only the root may import the root")
            elif src in rank and dst in rank and rank[dst] > rank[src]:
                found.append(f"{imp}: slice {src} imports {dst}, a slice above it")
            elif src not in rank and dst in rank:
                found.append(f"{imp}: shared layer {src} imports slice {dst}")
    return found


def test_slices_import_only_downward_and_shared_layers_import_no_slice():
    assert layer_violations(SOURCE, NAMES) == []


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "toy"


def test_the_layer_check_finds_upward_imports_inside_functions(tmp_path):
    """The check itself, on a toy package: each kind of wrong import is found, hidden in a
    function or not, and a downward one passes."""
    toy = _write(tmp_path, {
        "toy/__init__.py": "",
        "toy/app.py": "from toy.high import service\n",
        "toy/render.py": "def show():\n    from toy.low import views\n",
        "toy/helper.py": "from toy import app\n",
        "toy/low/__init__.py": "",
        "toy/low/views.py": "",
        "toy/low/service.py": (
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from toy.high.service import Thing\n"
            "def f():\n    def g():\n        from toy.high import service\n"),
        "toy/high/__init__.py": "",
        "toy/high/service.py": "from toy.low import service\nfrom toy import render\n",
    })
    found = layer_violations(toy, ("low", "high"))
    assert found == [
        "toy.helper:1 imports toy.app: only the root may import the root",
        "toy.low.service:3 imports toy.high.service: slice low imports high, a slice above it",
        "toy.low.service:6 imports toy.high (inside a function): slice low imports high, a slice"
        " above it",
        "toy.low.service:6 imports toy.high.service (inside a function): slice low imports high,"
        " a slice above it",
        "toy.render:2 imports toy.low (inside a function): shared layer render imports slice low",
        "toy.render:2 imports toy.low.views (inside a function): shared layer render imports"
        " slice low",
    ]
    # The declared order decides what is upward: turned over, high's import of low is.
    upside_down = layer_violations(toy, ("high", "low"))
    assert [f for f in upside_down if "slice high imports low" in f] == [
        "toy.high.service:1 imports toy.low: slice high imports low, a slice above it",
        "toy.high.service:1 imports toy.low.service: slice high imports low, a slice above it",
    ]
    assert not any(f.startswith("toy.low.service") for f in upside_down)


def test_the_registry_is_the_slices_and_their_commands():
    """``slices.SLICES`` names every slice package once, and each slice's commands as its Typer
    app holds them (groups first): the root is built, and its help grouped, from it alone."""
    packages = {p.parent.name for p in SOURCE.glob("*/__init__.py")}
    shared_packages = {"rules", "i18n", "documents", "migrations"}
    assert set(NAMES) == packages - shared_packages
    assert len(set(NAMES)) == len(NAMES)
    for entry in SLICES:
        if not entry.commands:
            assert entry.module("commands") is None, entry.name
            continue
        part = entry.app()
        held = ([g.name for g in part.registered_groups]
                + [c.name for c in part.registered_commands])
        assert tuple(held) == entry.commands, entry.name
        assert all(owner(name) is entry for name in entry.commands)
    names = [n for entry in with_commands() for n in entry.commands]
    assert len(names) == len(set(names))


def _module_level_imports(path: Path, modules: dict[str, Path], name: str) -> set[str]:
    """What a module imports when it is imported: not inside functions, not for types only."""
    return {i.imported for i in imports_of(name, path, modules)
            if not i.in_function and not i.for_types}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of ``graph`` (each node's successors), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    stack: list[str] = []

    def walk(name: str) -> list[str] | None:
        state[name] = 1
        stack.append(name)
        for dep in sorted(graph.get(name, ())):
            if state.get(dep) == 1:
                return stack[stack.index(dep):] + [dep]
            if dep not in state:
                found = walk(dep)
                if found:
                    return found
        stack.pop()
        state[name] = 2
        return None

    for name in sorted(graph):
        if name not in state:
            found = walk(name)
            if found:
                return found
    return None


def test_no_module_level_import_cycle():
    modules = _modules()
    graph = {name: _module_level_imports(path, modules, name) for name, path in modules.items()}
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def _package(module: str) -> str:
    """yulin_cli.visits.service -> visits; yulin_cli.db -> db."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_no_loop_between_packages_even_inside_functions_or_for_types():
    """The packages and shared modules never reach back to themselves through one another,
    whatever the kind of import: a loop hidden inside a function or behind TYPE_CHECKING
    couples them all the same."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        for i in imports_of(name, path, modules):
            if _package(i.imported) != _package(name):
                graph.setdefault(_package(name), set()).add(_package(i.imported))
    cycle = _cycle(graph)
    assert cycle is None, "loop: " + " -> ".join(cycle or [])


def test_the_loop_check_finds_a_loop():
    assert _cycle({"rules": {"policy"}, "policy": {"db"}, "db": {"rules"}}) == [
        "db", "rules", "policy", "db"]
    assert _cycle({"rules": set(), "policy": {"rules"}, "db": {"policy", "rules"}}) is None


def _framework_imports(path: Path) -> set[str]:
    """Top-level packages outside yulin_cli a module imports, anywhere in it but for types."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            typing_only.update(id(n) for child in node.body for n in ast.walk(child))
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


# What every layer may build on: ``@frozen`` (the standard library's dataclasses, made cheap to
# define), which itself imports nothing of ours.
FOUNDATIONS = {"yulin_cli.frozen"}


def test_the_rules_import_no_framework_and_no_other_layer():
    modules = _modules()
    for name in FOUNDATIONS:
        assert not list(imports_of(name, modules[name], modules)), name
    for name, path in modules.items():
        if not name.startswith("yulin_cli.rules"):
            continue
        assert not _framework_imports(path) & FRAMEWORKS, name
        others = {i.imported for i in imports_of(name, path, modules) if not i.for_types
                  and not i.imported.startswith("yulin_cli.rules")
                  and i.imported != "yulin_cli" and i.imported not in FOUNDATIONS}
        assert not others, (name, others)


# --- one clock ----------------------------------------------------------------------------------

# Calls that ask the system for the date or the time, by the last two parts of their name
# (`dt.date.today()`, `datetime.now()`, `time.time()`, ...).
CLOCK_CALLS = {("date", "today"), ("datetime", "today"), ("datetime", "now"),
               ("datetime", "utcnow"), ("time", "time"), ("time", "time_ns"),
               ("time", "localtime"), ("time", "gmtime"), ("time", "ctime"),
               ("time", "strftime")}
CLOCK_NAMES = {"time": {"time", "time_ns", "localtime", "gmtime", "ctime", "strftime"},
               "datetime": set(), "date": set()}


def _dotted(node: ast.AST) -> list[str]:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.insert(0, node.id)
    elif isinstance(node, ast.Call):  # `dt.datetime.now(dt.UTC).date()`: the inner call counts
        return []
    return parts


def clock_calls(tree: ast.AST) -> list[int]:
    """Lines that ask the system for today's date or the time, however spelt: through the
    module (`time.time()`), or a name imported from it (`from time import time`)."""
    imported = {alias.asname or alias.name for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module == "time"
                for alias in node.names if alias.name in CLOCK_NAMES["time"]}
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func)
        if tuple(name[-2:]) in CLOCK_CALLS or (len(name) == 1 and name[0] in imported):
            lines.append(node.lineno)
    return sorted(lines)


def test_one_clock():
    """Only ``clock.py`` asks the system for the date or the time; everything else asks it (so
    ``YULIN_TODAY`` and a server's date hold everywhere)."""
    found = {name: clock_calls(ast.parse(path.read_text(encoding="utf-8")))
             for name, path in _modules().items() if name != "yulin_cli.clock"}
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_the_clock_check_finds_every_spelling():
    text = ("import datetime as dt\nimport time\nfrom time import time as now\n"
            "from datetime import date, datetime\n"
            "a = dt.date.today()\nb = datetime.now(dt.UTC).date()\nc = time.time()\n"
            "d = now()\ne = date.today()\nf = dt.datetime.utcnow()\n"
            "g = dt.date.fromisoformat('2026-01-01')\nh = time.sleep(0)\n")
    assert clock_calls(ast.parse(text)) == [5, 6, 7, 8, 9, 10]


# --- commands print through respond -------------------------------------------------------------

PRINTING = {("print",), ("echo",), ("secho",), ("emit_json",), ("console",),
            ("typer", "echo"), ("typer", "secho"), ("click", "echo"), ("runtime", "emit_json"),
            ("render", "console"), ("stdout", "write"), ("stderr", "write")}


def printing_calls(tree: ast.AST) -> list[tuple[int, str]]:
    """Calls that write to the terminal by themselves: print, echo, emit_json, a console or
    its ``print``, sys.stdout/stderr."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Attribute) and node.func.attr in {"print", "log", "rule"} \
                and isinstance(node.func.value, ast.Call):  # console().print(...)
            found.append((node.lineno, "console().print"))
        name = tuple(_dotted(node.func))
        if name[-1:] in PRINTING or name[-2:] in PRINTING:
            found.append((node.lineno, ".".join(name)))
    return sorted(found)


def test_every_command_prints_through_respond():
    """A command never prints by itself: its result goes through `runtime.respond` (JSON or
    the Rich view of its type), so the two cannot disagree."""
    found = {str(path.relative_to(SOURCE)): printing_calls(ast.parse(path.read_text("utf-8")))
             for path in SOURCE.rglob("commands.py")}
    assert {k: v for k, v in found.items() if v} == {}
    assert printing_calls(ast.parse(
        "import typer\nfrom yulin_cli.runtime import emit_json\n"
        "def f(c):\n    typer.echo('x')\n    emit_json({})\n    print(1)\n"
        "    console().print(2)\n    sys.stdout.write('y')\n    respond(c)\n")) == [
        (4, "typer.echo"), (5, "emit_json"), (6, "print"), (7, "console"), (7, "console().print"),
        (8, "sys.stdout.write")]
