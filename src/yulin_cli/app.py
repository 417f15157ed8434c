"""The root of the ``yulin`` command line: the global options and one ``add_typer`` per slice.

The app is built once the language is known (from ``--lang``, ``YULIN_LANG`` or ``LANG``), so
every help text and choice shows in the language in force. Each slice (declared once, in
``slices.SLICES``) owns its Typer app, its services and its queries; errors become exit codes
in ``runtime.YulinCommand``.
"""

import inspect
import os
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from yulin_cli import __version__
from yulin_cli.i18n import LANGS, fallback_language, language_from, listed, set_lang, t
from yulin_cli.runtime import YulinGroup, begin, sub_app
from yulin_cli.slices import Slice, owner, with_commands


def _show_version(value: bool) -> None:
    # Eager, so `yulin --version` alone answers before a command is looked for.
    if value:
        typer.echo(__version__)
        raise typer.Exit()


def _check_lang(ctx: typer.Context, value: str | None) -> str | None:
    if value is not None and language_from(value) is None:
        # Name where the value came from: the option, or the variable.
        source = ctx.get_parameter_source("lang")
        from_env = source is not None and source.name == "ENVIRONMENT"
        error = typer.BadParameter(t("bad.lang", value=value, langs=listed(list(LANGS))),
                                   param_hint="YULIN_LANG" if from_env else None)
        error.translated = True  # type: ignore[attr-defined]  # read by helptext
        raise error
    return value


def main_options(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option(
        "--db", envvar="YULIN_DB", help="SQLite file or SQLAlchemy URL.")] = None,
    policy: Annotated[str | None, typer.Option(
        "--policy", help="TOML file overriding policy defaults (or YULIN_POLICY).")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", envvar="YULIN_LANG", help="Language of human text: zh or en (or YULIN_LANG).",
        callback=_check_lang)] = None,
    version: Annotated[bool, typer.Option(
        "--version", help="Show the version.", is_eager=True, callback=_show_version)] = False,
) -> None:
    """Run a Yulin-centre prospecting team by its field manual."""
    state = begin(db, policy)
    ctx.call_on_close(state.close)


def _apps(entries: Sequence[Slice]) -> tuple[typer.Typer, ...]:
    """The Typer apps of these slices (``slices.SLICES`` names them and their commands)."""
    return tuple(entry.app() for entry in entries)


def build_app(lang: str, command: str | None = None, *, listing: bool = False) -> typer.Typer:
    """The command line, in ``lang``. Given the ``command`` a run will invoke, only the slice
    that owns it is built: Typer builds every command it holds on each run, and one slice
    costs a fraction of all of them. Otherwise every slice is built; with ``listing`` (a run
    that shows the root's help or names no known command) only their names and help."""
    set_lang(lang)
    root = typer.Typer(
        help="Run a Yulin-centre prospecting team by its field manual.",
        cls=YulinGroup,
        no_args_is_help=True,
        # --install-completion / --show-completion; completing lists commands and choices.
        add_completion=True,
        pretty_exceptions_enable=False,
        # Plain help and usage errors: Rich help costs a third of the start-up, and a usage
        # error then ends in one "Error: ..." line like every other bad input.
        rich_markup_mode=None,
    )
    root.callback()(main_options)
    found = owner(command)
    if found is not None:  # only the slice that owns the command is imported and built
        root.add_typer(found.app())
        return root
    parts = _apps(with_commands())
    for part in [_listing(parts)] if listing else parts:
        root.add_typer(part)
    return root


def _listing(parts: tuple[typer.Typer, ...]) -> typer.Typer:
    """Every command and group by name and help text only, for the root's help (and an
    unknown command's error): that is all they show, and Typer would otherwise build every
    option of every command first, a third of the help's start-up."""
    from yulin_cli.typer_seams import group_help, listed_command

    listing = sub_app("")
    for part in parts:
        listing.registered_commands += [
            listed_command(c.name, c.help or inspect.getdoc(c.callback), _listed, c.hidden)
            for c in part.registered_commands]
        listing.registered_commands += [
            listed_command(g.name, group_help(g), _listed) for g in part.registered_groups]
    return listing


def _listed() -> None:
    # Never run: a run that names a command builds its slice (``build_app``).
    raise typer.Exit(2)


def command_of(argv: Sequence[str]) -> str | None:
    """The command a run invokes: the first word after the global options."""
    args = list(argv)
    while args and args[0].startswith("-"):
        name, eq, _value = args.pop(0).partition("=")
        if name in _GLOBAL_WITH_VALUE and not eq and args:
            args.pop(0)
    return args[0] if args else None


_GLOBAL_WITH_VALUE = ("--db", "--policy", "--lang")


def language_of(argv: Sequence[str]) -> str:
    """The language a run will speak: ``--lang`` before the command, else the environment.
    An unknown value falls back to the next setting (``YULIN_LANG``, then ``LANG``) so that
    the option's own check refuses it in words the user reads."""
    args = list(argv)
    while args and args[0].startswith("-"):
        arg = args.pop(0)
        name, eq, value = arg.partition("=")
        if name in _GLOBAL_WITH_VALUE and not eq:
            value = args.pop(0) if args else ""
        if name == "--lang" and language_from(value):
            return language_from(value) or "en"
    return language_from(None) or fallback_language()


def app_for(argv: Sequence[str]) -> typer.Typer:
    """The app a run with these arguments needs. A shell asking for completions passes the
    words typed in its environment, not as arguments: it gets every command with its options."""
    import os

    if os.environ.get("_YULIN_COMPLETE"):
        import shlex

        # The words typed so far (bash, or zsh/fish through Typer): a `--lang zh` among them
        # counts, as it would when the command runs.
        typed = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or ""
        try:
            words = shlex.split(typed)[1:]
        except ValueError:  # an open quote: the words as typed
            words = typed.split()[1:]
        return build_app(language_of(words))
    return build_app(language_of(argv), command_of(argv), listing=True)


def main() -> None:
    # We use no Pydantic plugins: skip its scan of every installed package's entry points.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A command builds many short-lived rows and records and few cycles: the cycle collector's
    # passes every 700 new objects (Python's default) cost a busy evening's report 8% of its
    # time and freed 704 objects in 105 passes. Every 20,000 still bounds what cycles hold.
    import gc

    gc.set_threshold(20_000, 20, 20)
    app_for(sys.argv[1:])()
