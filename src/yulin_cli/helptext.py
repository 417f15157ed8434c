"""`--help` and usage errors in the language in force.

Help texts come from the catalogue (``i18n/help.py``): ``help.cmd.<path>`` for a command or
group (``help.cmd.staff.add``), ``help.cmd.<path>.<param>`` or else ``help.opt.<param>`` for an
option or argument. Lines wrap by terminal cells (a Chinese character takes two), by the rules
of ``wrapping``. This module never loads Rich, so `yulin --help` stays quick. A usage mistake
(a missing or unknown option, a bad value) becomes one translated line and exit code 2.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from yulin_cli.i18n import MESSAGES, t

# Click's usage errors, named where Typer vendors them privately, to translate them.
from yulin_cli.typer_seams import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
    parser_of,
)
from yulin_cli.wrapping import cells, wrap

if TYPE_CHECKING:
    from enum import StrEnum

OPTION_COLUMN = 28  # widest option column; longer ones put their help on the next line


def key_of(ctx: Any) -> str:
    """``add-prospect`` or ``staff.add``: the command's path below the root."""
    return ".".join(ctx.command_path.split()[1:]) or "root"


def text(key: str, fallback: str | None = None) -> str:
    """The catalogue text for ``key``, else ``fallback`` (an English help string)."""
    return t(key) if key in MESSAGES else (fallback or "")


def command_help(path: str, fallback: str | None) -> str:
    return text(f"help.cmd.{path}", _first_paragraph(fallback))


def param_help(path: str, param: Any) -> str:
    name = param.name or ""
    if f"help.cmd.{path}.{name}" in MESSAGES:
        return t(f"help.cmd.{path}.{name}")
    return text(f"help.opt.{name}", getattr(param, "help", None))


def _first_paragraph(help_text: str | None) -> str:
    return (help_text or "").strip().split("\n\n")[0].replace("\n", " ")


def choice_enum(param: Any) -> type[StrEnum] | None:
    """The enum a choice option offers (see ``runtime.choice``), if it is one: Typer makes the
    option's parser the function of its Click type."""
    return getattr(parser_of(param), "enum", None)


def metavar(path: str, param: Any) -> str:
    """What follows an option in the help: its choices, or the kind of value it takes."""
    enum = choice_enum(param)
    if enum is not None:
        from yulin_cli.choices import word

        return "[" + "|".join(word(member) for member in enum) + "]"
    name = param.name or ""
    for key in (f"help.cmd.{path}.{name}.metavar", f"help.metavar.{name}"):
        if key in MESSAGES:
            return t(key)
    # Click's own name for the value's type: "int", "int range", "path", "text", ...
    kind = str(getattr(getattr(param, "type", None), "name", "text"))
    if kind.startswith("int"):
        return t("help.type.integer")
    return t("help.type.path" if kind in ("path", "file") else "help.type.text")


def _option_label(path: str, param: Any) -> str:
    names = ", ".join(param.opts)
    if param.secondary_opts:
        names += " / " + ", ".join(param.secondary_opts)
    if param.is_flag or getattr(param, "count", False):
        return names
    return f"{names} {metavar(path, param)}"


def _joined(*parts: str) -> str:
    """Sentences run together: no space after Chinese punctuation."""
    out = ""
    for part in (p for p in parts if p):
        out += part if not out or out[-1] in "。）；：，" or part[0] in "（" else " " + part
    return out


def _notes(param: Any) -> str:
    notes = []
    if getattr(param, "required", False) and param.param_type_name == "option":
        notes.append(t("help.required"))
    envvar = getattr(param, "envvar", None)
    if isinstance(envvar, str):
        notes.append(t("help.env", name=envvar))
    return " ".join(notes)


def _rows(width: int, rows: list[tuple[str, str]]) -> list[str]:
    """Two columns, the second wrapped by cells; a wide first column puts it below."""
    if not rows:
        return []
    first = min(max(cells(label) for label, _ in rows), OPTION_COLUMN)
    lines: list[str] = []
    for label, help_text in rows:
        start = 2 + first + 2
        if cells(label) > first:
            lines.append(f"  {label}")
            lines += wrap(help_text, width, indent=start) if help_text else []
            continue
        pad = " " * (first - cells(label))
        body = wrap(help_text, width, indent=start, first_indent=start) if help_text else [""]
        lines.append(f"  {label}{pad}  {body[0].lstrip()}".rstrip())
        lines += body[1:]
    return lines


def _usage(ctx: Any, command: Any) -> str:
    pieces = []
    for piece in command.collect_usage_pieces(ctx):
        if piece == "[OPTIONS]":
            pieces.append(t("help.options_metavar"))
        elif piece == "COMMAND [ARGS]...":
            pieces.append(t("help.command_metavar"))
        else:
            pieces.append(_argument_metavar(piece))
    return t("help.usage", line=f"{ctx.command_path} {' '.join(pieces)}")


def _argument_metavar(piece: str) -> str:
    """An argument's name in the usage line: ``{ID}`` or ``[ID]`` -> 编号 or [编号]."""
    bare = piece.strip("[]{}.")
    if not bare or bare.startswith("-"):
        return piece
    key = f"help.arg.{bare.upper()}"
    shown = t(key) if key in MESSAGES else bare.upper()
    return f"[{shown}]" if piece.startswith("[") else shown + ("..." if piece.endswith("...")
                                                                else "")


def format_command(command: Any, ctx: Any, formatter: Any) -> None:
    """The help of one command: usage, what it does, its arguments and options."""
    width = max(40, formatter.width or 80)
    path = key_of(ctx)
    lines = [_usage(ctx, command), ""]
    lines += wrap(command_help(path, command.help), width, indent=2)
    arguments = [(_argument_metavar(_argument_name(p)), param_help(path, p))
                 for p in command.get_params(ctx) if p.param_type_name == "argument"]
    options = []
    for param in command.get_params(ctx):
        if param.param_type_name != "option" or getattr(param, "hidden", False):
            continue
        help_text = t("help.help") if param.name == "help" else param_help(path, param)
        options.append((_option_label(path, param), _joined(help_text, _notes(param))))
    if arguments:
        lines += ["", t("help.arguments")] + _rows(width, arguments)
    if options:
        lines += ["", t("help.options")] + _rows(width, options)
    commands = getattr(command, "commands", None)
    if commands:
        lines += _command_rows(path, commands, width)
    formatter.write("\n".join(lines) + "\n")


def _command_rows(path: str, commands: dict[str, Any], width: int) -> list[str]:
    """The commands of a group; the root's by the slice they belong to."""
    def row(name: str) -> tuple[str, str]:
        sub_path = name if path == "root" else f"{path}.{name}"
        return name, _first_sentence(command_help(sub_path, commands[name].help))

    shown = [n for n, c in commands.items() if not getattr(c, "hidden", False)]
    if path != "root":
        return ["", t("help.commands")] + _rows(width, [row(n) for n in shown])
    from yulin_cli.slices import with_commands

    lines: list[str] = []
    names_width = max(cells(n) for n in shown)
    for entry in with_commands():
        section, names = entry.name, [n for n in entry.commands if n in shown]
        if names:
            rows = [row(n) for n in names]
            # The same first column in every section, so the list reads as one table.
            rows[0] = (rows[0][0] + " " * (names_width - cells(rows[0][0])), rows[0][1])
            lines += ["", t(f"help.section.{section}")] + _rows(width, rows)
    return lines


def _argument_name(param: Any) -> str:
    return str(param.metavar or (param.name or "").upper())


_SENTENCE_END = re.compile(r"。|(?<!\be\.g)(?<!\bi\.e)\.(?=\s|$)")


def _first_sentence(help_text: str) -> str:
    """A command's description in the list: its first whole sentence. Never cut at a ``;`` or
    inside ``e.g.``: a clause alone reads as a broken line."""
    found = _SENTENCE_END.search(help_text)
    return help_text[: found.end()] if found else help_text


# --- usage mistakes -----------------------------------------------------------------------------


def usage_message(error: UsageError, typed: list[str] | None = None,
                  command: Any = None) -> str | None:
    """One translated line for a usage mistake; None for "no arguments: show the help".
    ``typed`` and ``command``: the arguments as given to that command, to see a yes/no flag
    given a value."""
    if isinstance(error, NoArgsIsHelpError):
        return None
    flagged = _flag_given_value(error, typed or [], command)
    if flagged is not None:
        return flagged
    if isinstance(error, MissingParameter):
        param = error.param
        name = _param_name(param)
        argument = getattr(param, "param_type_name", None) == "argument" or (
            error.param_type == "argument")
        key = "input.missing_argument" if argument else "input.missing"
        return t(key, option=name)
    if isinstance(error, NoSuchOption):
        import difflib  # only for a mistake, never on the way to a command

        near = difflib.get_close_matches(error.option_name, error.possibilities or [], n=1)
        if near:
            return t("usage.no_such_option_near", option=error.option_name, near=near[0])
        return t("usage.no_such_option", option=error.option_name)
    if isinstance(error, BadOptionUsage):
        return t("usage.needs_value", option=error.option_name)
    if isinstance(error, BadParameter):
        return _bad_value(error)
    message = error.message
    if message.startswith("Got unexpected extra argument"):
        # "Got unexpected extra argument(s) (a b)": the words are in the last brackets.
        found = re.search(r"\(([^()]*)\)\s*$", message)
        extra = found.group(1) if found else message
        return t("usage.extra_argument", value=extra)
    if message.startswith("Missing command"):
        return t("usage.missing_command")
    if message.startswith("No such command"):
        return message  # replaced by the group, which knows the commands (see no_such_command)
    return t("usage.bad", detail=message)


def _flag_given_value(error: UsageError, typed: list[str], command: Any) -> str | None:
    """`log-visit --landline 0510-85201292`: --landline only says the number was got; the
    number itself goes to --landline-number. The line names that option, when the value
    after the flag is what the parser choked on."""
    command = getattr(getattr(error, "ctx", None), "command", None) or command
    if command is None or not hasattr(command, "params"):
        return None
    options = [p for p in command.params if getattr(p, "param_type_name", "") == "option"]
    flags = {o for p in options if p.is_flag and not getattr(p, "count", False) for o in p.opts}
    takers = [o for p in options if not p.is_flag for o in p.opts]
    message = str(getattr(error, "message", ""))
    for n, token in enumerate(typed):
        name, equals, value = token.partition("=")
        if name not in flags:
            continue
        if not equals:
            if n + 1 >= len(typed) or typed[n + 1].startswith("-"):
                continue
            value = typed[n + 1]
            if value not in message:  # the parser choked on something else
                continue
        instead = next((o for o in takers if o.startswith(name + "-")), None)
        if instead is not None:
            return t("usage.flag_given_value", option=name, value=value, instead=instead)
    return None


def no_such_command(name: str, known: list[str]) -> str:
    import difflib

    near = difflib.get_close_matches(name, known, n=1)
    if near:
        return t("usage.no_such_command_near", command=name, near=near[0])
    return t("usage.no_such_command", command=name)


def _param_name(param: Any) -> str:
    if param is None:
        return "?"
    if param.param_type_name == "argument":
        return _argument_metavar(_argument_name(param))
    name: str = param.opts[-1] if param.opts else param.name
    return name


def _bad_value(error: BadParameter) -> str:
    param = error.param
    name = _param_name(param) if param is not None else (error.param_hint or "?")
    if getattr(error, "translated", False) and isinstance(error.param_hint, str):
        name = error.param_hint  # e.g. YULIN_LANG: the value came from the variable
    if isinstance(name, (list, tuple)):
        name = name[0]
    # Our own parsers (choices, dates) raise BadParameter with a translated message already.
    if getattr(error, "translated", False):
        return t("usage.bad_value", option=name, why=error.message)
    # Typer before 0.29 checks ranges in Click's IntRange type (its message: "... is not a
    # valid int range"); later ones on the parameter, through Pydantic.
    kind = getattr(param, "type", None)
    low = getattr(param, "min", None)
    high = getattr(param, "max", None)
    low = getattr(kind, "min", None) if low is None else low
    high = getattr(kind, "max", None) if high is None else high
    if any(s in error.message for s in ("valid integer", "int_parsing", "valid int")):
        return t("usage.not_integer", option=name)
    if low is not None or high is not None:
        return t("usage.out_of_range", option=name, low="" if low is None else low,
                 high="" if high is None else high)
    return t("usage.bad_value", option=name, why=t("usage.invalid"))
