"""How the house stands (issue 23): imports inside functions, imports against the slice order,
slice pairs importing each other, package-level cycles, the largest module and function.

    python tools/house_metrics.py [SOURCE]   # SOURCE: a yulin_cli directory (default: src's)

The slice order is ``slices.SLICES`` read from SOURCE's ``slices.py`` (its syntax tree, so an old
checkout can be measured too; without one, the order the registry declared when it was made).
``tests/test_architecture.py`` holds the same rules to zero; this tool counts, it never fails.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = {"app", "__main__"}
# The registry's order when it was introduced: for a source tree that has no slices.py.
FALLBACK_ORDER = ("outcomes", "team", "prospects", "visits", "reports", "notify", "guidance",
                  "deals", "closing", "data", "policies", "corrections", "server", "admin")


def modules_of(source: Path) -> dict[str, Path]:
    found = {}
    for path in source.rglob("*.py"):
        if "migrations" in path.relative_to(source).parts:
            continue
        parts = path.relative_to(source.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def slice_order(source: Path) -> tuple[str, ...]:
    registry = source / "slices.py"
    if not registry.exists():
        return FALLBACK_ORDER
    names = []
    for node in ast.walk(ast.parse(registry.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "Slice" and node.args
                and isinstance(node.args[0], ast.Constant)):
            names.append(str(node.args[0].value))
    return tuple(names)


def part(module: str) -> str:
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else pieces[0]


def measure(source: Path) -> dict[str, object]:
    mods = modules_of(source)
    package = source.name
    order = slice_order(source)
    rank = {name: n for n, name in enumerate(order)}
    inner = inner_own = 0
    largest_fn = (0, "")
    edges: list[tuple[str, str, bool]] = []  # importer, imported, for types only

    for name, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                       and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
                       for child in node.body for n in ast.walk(child)}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > largest_fn[0]:
                    largest_fn = (size, f"{name}.{node.name}")
                for sub in ast.walk(node):
                    if isinstance(sub, (ast.Import, ast.ImportFrom)):
                        inner += 1
                        target = (sub.module if isinstance(sub, ast.ImportFrom)
                                  else sub.names[0].name) or ""
                        inner_own += target.startswith(package)
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets.append(node.module)
                targets += [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets += [a.name for a in node.names]
            edges += [(name, t, id(node) in typing_only) for t in targets
                      if t in mods and t != name]

    parts = {(part(a), part(b), types) for a, b, types in edges if part(a) != part(b)}
    shared_up = sorted({(a, b) for a, b, types in edges if part(a) not in rank
                        and part(a) not in ROOT and part(b) in rank})
    upward = sorted({(a, b) for a, b, types in edges if part(a) in rank and part(b) in rank
                     and rank[part(b)] > rank[part(a)]})
    pairs = {(a, b) for a, b, _ in parts if a in rank and b in rank}
    both = sorted({tuple(sorted(p)) for p in pairs if (p[1], p[0]) in pairs})
    largest_mod = max((len(p.read_text(encoding="utf-8").splitlines()), n)
                      for n, p in mods.items())
    return {
        "imports inside functions": inner,
        f"  of {package}'s own modules": inner_own,
        "shared layer -> slice imports": len(shared_up),
        "slice -> higher slice imports": len(upward),
        "slice pairs importing both ways": both,
        "package cycles (every import)": cycles({(a, b) for a, b, _ in parts}),
        "package cycles (types aside)": cycles({(a, b) for a, b, types in parts if not types}),
        "largest module": largest_mod,
        "largest function": largest_fn,
        "  detail: shared -> slice": shared_up,
        "  detail: upward": upward,
    }


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """Strongly connected components of more than one package (Tarjan)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else (
        Path(__file__).resolve().parents[1] / "src" / "yulin_cli")
    for key, value in measure(source).items():
        if key.startswith("  detail") and not value:
            continue
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
