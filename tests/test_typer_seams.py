"""Each private part of Typer (and its vendored Click) that yulin depends on, checked one by one
(``yulin_cli.typer_seams``): it exists, takes what we pass it, and works once for real. After a
Typer upgrade a failure here names the seam that moved or changed."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import typer

from yulin_cli import typer_seams as seams

pytestmark = pytest.mark.once  # the command line's machinery: the backend does not matter


@contextmanager
def seam(name: str) -> Iterator[None]:
    """Any failure inside becomes one line naming the seam and where it is used."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - whatever broke, the seam's name is the news
        raise AssertionError(
            f"Typer seam `{name}` (yulin_cli.typer_seams) no longer works as yulin uses it, "
            f"probably after a Typer/Click upgrade: {type(exc).__name__}: {exc}") from exc


def accepts(function: Any, *args: Any, **kwargs: Any) -> None:
    """The function's signature takes these arguments (raises TypeError if not)."""
    inspect.signature(function).bind(*args, **kwargs)


def _app(**settings: Any) -> typer.Typer:
    app = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, **settings)

    @app.command("go", cls=seams.TyperCommand)
    def go(name: str, count: int = typer.Option(1, "--count"),
           label: str = typer.Option("x", "--label")) -> None:
        """Go somewhere."""
        typer.echo(f"{name} {count} {label}")

    @app.command("stay", cls=seams.TyperCommand)
    def stay() -> None:
        """Stay here."""

    return app


def _group() -> Any:
    group = seams.click_command(_app(cls=seams.TyperGroup, no_args_is_help=True))
    assert isinstance(group, seams.TyperGroup)
    return group


def _mistake(args: list[str]) -> seams.UsageError:
    """What parsing ``go`` with these arguments raises."""
    command = _group().commands["go"]
    with pytest.raises(seams.UsageError) as caught:
        command.make_context("go", args)
    return caught.value


def check_typer_command() -> None:
    # runtime.YulinCommand overrides these, calling super() with what Click passes.
    base = seams.TyperCommand
    assert inspect.isclass(base)
    accepts(base.make_context, None, "go", [], parent=None, resume_parsing=False)
    accepts(base.format_help, None, object(), object())
    accepts(base.shell_complete, None, object(), "--c")
    accepts(base.invoke, None, object())
    accepts(base.get_params, None, object())
    accepts(base.collect_usage_pieces, None, object())
    command = _group().commands["go"]
    assert isinstance(command, base)
    ctx = command.make_context("go", ["there", "--count", "2"])
    assert ctx.params == {"name": "there", "count": 2, "label": "x"}
    assert "--count" in {o for p in command.get_params(ctx) for o in (*p.opts, *p.secondary_opts)}
    assert [item.value for item in command.shell_complete(ctx, "--l")] == ["--label"]
    assert command.collect_usage_pieces(ctx)
    assert ctx.command_path == "go"


def check_typer_group() -> None:
    base = seams.TyperGroup
    assert inspect.isclass(base)
    accepts(base.make_context, None, "root", [], parent=None)
    accepts(base.format_help, None, object(), object())
    accepts(base.shell_complete, None, object(), "g")
    accepts(base.resolve_command, None, object(), ["go"])
    accepts(base.get_command, None, object(), "go")
    group = _group()
    ctx = group.make_context("root", ["go", "there"])
    assert sorted(group.commands) == ["go", "stay"]
    assert group.get_command(ctx, "go") is group.commands["go"]
    assert group.get_command(ctx, "nowhere") is None
    name, found, _rest = group.resolve_command(ctx, ["stay"])
    assert (name, found) == ("stay", group.commands["stay"])
    assert {item.value for item in group.shell_complete(ctx, "s")} == {"stay"}


def check_usage_error() -> None:
    error = _mistake(["there", "extra"])  # "Got unexpected extra argument (extra)"
    assert type(error) is seams.UsageError
    assert "extra" in error.message and error.ctx is not None


def check_bad_option_usage() -> None:
    error = _mistake(["there", "--label"])  # an option with no value after it
    assert isinstance(error, seams.BadOptionUsage) and error.option_name == "--label"


def check_bad_parameter() -> None:
    error = _mistake(["there", "--count", "many"])
    assert isinstance(error, seams.BadParameter) and error.param is not None
    assert error.param.name == "count" and hasattr(error, "param_hint") and error.message
    assert seams.BadParameter is typer.BadParameter  # our parsers raise typer's, we catch this


def check_missing_parameter() -> None:
    error = _mistake([])
    assert isinstance(error, seams.MissingParameter)
    assert error.param is not None and error.param.param_type_name == "argument"
    assert hasattr(error, "param_type")


def check_no_such_option() -> None:
    error = _mistake(["there", "--cont", "2"])
    assert isinstance(error, seams.NoSuchOption) and error.option_name == "--cont"
    assert "--count" in (error.possibilities or [])


def check_no_args_is_help_error() -> None:
    group = _group()
    with pytest.raises(seams.NoArgsIsHelpError):
        group.make_context("root", [])
    assert issubclass(seams.NoArgsIsHelpError, seams.UsageError)


def check_command_info() -> None:
    accepts(seams.CommandInfo, name="go", help="Go.", hidden=False, callback=lambda: None)
    app = _app()
    assert isinstance(app.registered_commands[0], seams.CommandInfo)
    # What app._listing reads of each registered command.
    info = app.registered_commands[0]
    assert (info.name, info.hidden, info.help) == ("go", False, None)
    assert inspect.getdoc(info.callback) == "Go somewhere."


def check_listed_command() -> None:
    app = typer.Typer(rich_markup_mode=None)
    app.callback()(lambda: None)
    app.registered_commands += [seams.listed_command("far", "Go far.", lambda: None),
                                seams.listed_command("secret", "Not shown.", lambda: None, True)]
    group = seams.click_command(app)
    assert group.commands["far"].help == "Go far." and group.commands["far"].params == []
    assert group.commands["secret"].hidden


def check_group_help() -> None:
    root, sub, quiet = typer.Typer(), typer.Typer(), typer.Typer()

    @quiet.callback()
    def quiet_help() -> None:
        """Said by the callback."""

    root.add_typer(sub, name="sub", help="Said by add_typer.")
    root.add_typer(quiet, name="quiet")
    # What app.py reads of a slice's registered groups.
    first, second = root.registered_groups
    assert first.name == "sub" and first.typer_instance is sub
    assert seams.group_help(first) == "Said by add_typer."
    assert seams.group_help(second) == "Said by the callback."
    assert not root.info.name and typer.Typer(name="x").info.name == "x"  # app.sections


def check_parser_of() -> None:
    def parse(value: str) -> str:
        return value.upper()

    app = typer.Typer()

    @app.command()
    def one(word: str = typer.Option("a", parser=parse)) -> None:
        typer.echo(word)

    command = seams.click_command(app)
    param = next(p for p in command.params if p.name == "word")
    assert seams.parser_of(param) is parse
    assert seams.parser_of(object()) is None
    # For real: a choice declared by runtime.choice shows its enum's words in the help.
    from yulin_cli import helptext
    from yulin_cli.app import build_app

    verdict = next(p for p in seams.click_command(build_app("en", "inspect")).commands[
        "inspect"].params if p.name == "verdict")
    assert helptext.choice_enum(verdict) is not None


def check_click_command() -> None:
    accepts(seams.click_command, typer.Typer())
    group = seams.click_command(_app())
    assert set(group.commands) == {"go", "stay"}
    single = typer.Typer()
    single.command()(lambda: None)
    assert not hasattr(seams.click_command(single), "commands")  # one command is no group


CHECKS: dict[str, Callable[[], None]] = {
    "TyperCommand": check_typer_command,
    "TyperGroup": check_typer_group,
    "UsageError": check_usage_error,
    "BadOptionUsage": check_bad_option_usage,
    "BadParameter": check_bad_parameter,
    "MissingParameter": check_missing_parameter,
    "NoArgsIsHelpError": check_no_args_is_help_error,
    "NoSuchOption": check_no_such_option,
    "CommandInfo": check_command_info,
    "group_help": check_group_help,
    "listed_command": check_listed_command,
    "parser_of": check_parser_of,
    "click_command": check_click_command,
}


def test_every_seam_has_a_check():
    assert set(CHECKS) == set(seams.SEAMS)
    assert set(seams.SEAMS) <= set(seams.__all__)


@pytest.mark.parametrize("name", seams.SEAMS)
def test_seam(name):
    with seam(name):
        assert hasattr(seams, name), f"yulin_cli.typer_seams has no {name}"
        CHECKS[name]()


def test_no_other_module_reaches_into_typer():
    """Typer's private modules are named in typer_seams only."""
    import re
    from pathlib import Path

    import yulin_cli

    private = re.compile(r"\btyper\.(core|main|models|_click|rich_utils|_completion\w*|utils)\b")
    found = [f"{path.name}: {line.strip()}"
             for path in Path(yulin_cli.__file__).parent.rglob("*.py")
             if path.name != "typer_seams.py"
             for line in path.read_text(encoding="utf-8").splitlines()
             if private.search(line)]
    assert not found, found


def test_the_command_line_through_the_seams():
    """Once for real: the root help (the listing), a command's help, a usage mistake."""
    from conftest import run

    listing = run("--help")
    assert listing.exit_code == 0 and "add-prospect" in listing.stdout
    help_text = run("add-prospect", "--help")
    assert help_text.exit_code == 0 and "--company" in help_text.stdout
    mistake = run("add-prospect", "--no-such-option")
    assert mistake.exit_code == 2 and "--no-such-option" in mistake.stderr
