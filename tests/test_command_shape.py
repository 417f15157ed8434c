"""Commands answer through `runtime.answer`, not by spelling out its shape (issue 23).

The shape: a command that ends by opening ``current().read()`` or ``current().write()``, calling
one thing inside, and handing what it got to ``respond`` (after the transaction, or inside it as
its last statement). Such a command is ``answer(lambda tx: ..., json_output, ...)`` instead, so
the ~40 of them stay alike. A command that does more (two calls in its transaction, work
between the transaction and ``respond``, an exit code after it) is not this shape and is left
alone; this test reads the syntax tree of every ``commands.py`` and checks its own checker on
snippets."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import yulin_cli

pytestmark = pytest.mark.once  # the source does not depend on the backend

SOURCE = Path(yulin_cli.__file__).parent


def _is_transaction(node: ast.expr) -> bool:
    """``current().read(...)`` or ``current().write(...)``, or a choice between them."""
    if isinstance(node, ast.IfExp):
        return _is_transaction(node.body) and _is_transaction(node.orelse)
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"read", "write"}
            and isinstance(node.func.value, ast.Call)
            and isinstance(node.func.value.func, ast.Name)
            and node.func.value.func.id == "current")


def _assigned(node: ast.stmt) -> str | None:
    """The one name a plain ``x = ...`` (or ``x: T = ...``) sets."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1 \
            and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
            and node.value is not None:
        return node.target.id
    return None


def _responds(node: ast.stmt, name: str | None) -> bool:
    """``respond(name, ...)`` as a statement (any first argument when ``name`` is None)."""
    if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
        return False
    call = node.value
    if not (isinstance(call.func, ast.Name) and call.func.id == "respond" and call.args):
        return False
    first = call.args[0]
    return name is None or (isinstance(first, ast.Name) and first.id == name)


def plain_shape(function: ast.FunctionDef) -> bool:
    """Whether a function ends with the shape ``answer`` stands for."""
    body = function.body
    if _responds(body[-1], None) and len(body) >= 2:
        tail, last = body[-2], body[-1]  # with ...: x = call(tx)  /  respond(x, ...)
        inside = [s for s in tail.body if not isinstance(s, ast.Delete)] if isinstance(
            tail, ast.With) else []
        return (isinstance(tail, ast.With) and len(tail.items) == 1
                and _is_transaction(tail.items[0].context_expr) and len(inside) == 1
                and _assigned(inside[0]) is not None
                and _responds(last, _assigned(inside[0])))
    last = body[-1]  # with ...: x = call(tx); respond(x, ...)  (a streamed answer)
    if isinstance(last, ast.With) and len(last.items) == 1 \
            and _is_transaction(last.items[0].context_expr):
        inside = [s for s in last.body if not isinstance(s, ast.Delete)]
        if len(inside) == 2 and _assigned(inside[0]) is not None:
            return _responds(inside[1], _assigned(inside[0]))
        if len(inside) == 1:
            return _responds(inside[0], None)
    return False


def spelled_out(tree: ast.AST) -> list[tuple[int, str]]:
    """The functions of a module in the plain shape: (line, name)."""
    return sorted((node.lineno, node.name) for node in ast.walk(tree)
                  if isinstance(node, ast.FunctionDef) and plain_shape(node))


def test_commands_answer_through_the_helper():
    found = {str(path.relative_to(SOURCE)): spelled_out(ast.parse(path.read_text("utf-8")))
             for path in sorted(SOURCE.rglob("commands.py"))}
    assert {k: v for k, v in found.items() if v} == {}, (
        "use runtime.answer(lambda tx: ..., json_output, ...) for these")


SNIPPET = '''
def after(json_output):
    day = iso_date(None)
    with current().read() as tx:
        result = service.x(tx, current().book(), day)
    respond(result, json_output)

def inside(json_output):
    with current().read() as tx:
        result: Result = service.rows(tx)
        respond(result, json_output)  # streamed

def either(writing, json_output):
    with current().write() if writing else current().read(what_if=False) as tx:
        del tx
        result = service.show(current().book())
    respond(result, json_output, target)

def direct(json_output):
    with current().write() as tx:
        respond(service.add(tx), json_output)

def helper(json_output):
    answer(lambda tx: service.x(tx), json_output)

def exit_after(json_output):
    with current().read() as tx:
        result = service.check(tx)
    respond(result, json_output)
    if not result.ready:
        raise typer.Exit(1)

def two_calls(json_output):
    with current().write() as tx:
        manager = require_manager(tx)
        result = service.merge(tx, manager)
    respond(result, json_output)

def work_between(json_output):
    with current().read() as tx:
        result = service.route(tx)
    result = replace(result, ics="x")
    respond(result, json_output)

def other_name(json_output):
    with current().read() as tx:
        result = service.x(tx)
    respond(preview, json_output)

def no_transaction(json_output):
    respond(service.backup(current().db()), json_output)

def in_try(json_output):
    try:
        with current().write() as tx:
            result = service.plan(tx)
    except NotReady:
        raise
    respond(result, json_output)
'''


def test_the_checker_finds_the_plain_shape_only():
    assert [name for _, name in spelled_out(ast.parse(SNIPPET))] == [
        "after", "inside", "either", "direct"]
