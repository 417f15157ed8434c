"""The private parts of Typer (and the Click it vendors as ``typer._click``) that yulin depends on,
in one place.

Typer's public API (``typer.Typer``, ``typer.Option``, ``typer.Exit``, ...) does not cover what
yulin does with its command line: help and usage mistakes in the reader's language, a root
help that lists every command without building its options, choices shown in Chinese. Those
need a few names Typer keeps private or undocumented; every one is imported or touched here and
nowhere else, with why we need it, and ``tests/test_typer_seams.py`` checks each one (that it
exists, takes what we pass, and works once for real) so that a Typer upgrade that moves or
changes one fails there, naming it, rather than somewhere in the help.

Everything here is loaded by ``import typer`` already: this module costs no start-up time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
import typer.main
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandInfo, TyperInfo

__all__ = [
    "SEAMS",
    "BadOptionUsage",
    "BadParameter",
    "CommandInfo",
    "MissingParameter",
    "NoArgsIsHelpError",
    "NoSuchOption",
    "TyperCommand",
    "TyperGroup",
    "UsageError",
    "click_command",
    "group_help",
    "listed_command",
    "parser_of",
]

# --- classes we subclass ---------------------------------------------------------------------
# ``TyperCommand`` and ``TyperGroup`` (``typer.core``): the classes Typer builds commands and
# groups from. ``runtime.YulinCommand`` and ``runtime.YulinGroup`` subclass them (``cls=``) to
# take over ``make_context`` (a usage mistake as one translated line), ``format_help`` (help from
# the catalogue), ``shell_complete`` (completions' help in the language), ``invoke`` (a
# YulinError as one line and its exit code) and ``resolve_command`` (an unknown command).

# --- Click's usage errors --------------------------------------------------------------------
# Typer vendors Click privately and re-exports only BadParameter: ``runtime`` catches
# ``UsageError`` while a command line is parsed, and ``helptext.usage_message`` tells the kinds
# apart (and reads their ``param``, ``param_type``, ``option_name``, ``possibilities``,
# ``param_hint``, ``message``, ``ctx``) to say each mistake in the reader's language.

# --- the root help's listing -----------------------------------------------------------------
# ``CommandInfo`` (``typer.models``): what ``Typer.command`` records. ``app._listing`` fills a
# stand-in app's ``registered_commands`` with one per command and group, holding its name and
# help only, so the root's help does not build every option of every command.


def group_help(info: TyperInfo) -> str | None:
    """The help Typer gives a group added with ``add_typer`` (its ``help=``, else its callback's
    docstring): ``typer.main.solve_typer_info_help``, for the root help's listing
    (``app._listing``), which shows groups without building them."""
    return typer.main.solve_typer_info_help(info)


def listed_command(name: str | None, help: str | None, callback: Callable[..., Any],
                   hidden: bool = False) -> CommandInfo:
    """A command known by its name and help only, as ``Typer.command`` would record it: the root
    help's listing (``app._listing``) registers one per command and group."""
    return CommandInfo(name=name, help=help, hidden=hidden, callback=callback)


def parser_of(param: Any) -> Callable[[Any], Any] | None:
    """The function an option was declared with as ``parser=`` (``runtime.choice``'s parsers):
    Typer makes it the ``func`` of Click's ``FuncParamType``. ``helptext`` reads it to show a
    choice's words (in Chinese or English) instead of Click's name for the type."""
    return getattr(getattr(param, "type", None), "func", None)


def click_command(app: typer.Typer) -> Any:
    """The Click command (a group for the root) that Typer builds from ``app``:
    ``typer.main.get_command``, to walk every command and option (``tools/make_docs.py``, tests).
    """
    return typer.main.get_command(app)


# Every seam by name, for the test that checks each one.
SEAMS = ("TyperCommand", "TyperGroup", "UsageError", "BadOptionUsage", "BadParameter",
         "MissingParameter", "NoArgsIsHelpError", "NoSuchOption", "CommandInfo", "group_help",
         "listed_command", "parser_of", "click_command")
