"""What every command shares: the run's state (database, policy, today), the options they declare,
the command class that turns a user's mistake into one line and an exit code, and the one path
from a result to the terminal or to JSON.

Start-up matters for a tool used dozens of times a day, so this module imports only Typer and
the standard library; the database, Pydantic and Rich load inside the commands that need them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, overload

import typer

from yulin_cli import clock
from yulin_cli.errors import BadInput, Interrupted, RuleRefusal, YulinError
from yulin_cli.i18n import t
from yulin_cli.typer_seams import TyperCommand, TyperGroup

if TYPE_CHECKING:
    from enum import StrEnum

    from pydantic import BaseModel

    from yulin_cli.db import Db, Tx
    from yulin_cli.policy import Policy, PolicyBook
    from yulin_cli.results import Result

    M = TypeVar("M", bound=BaseModel)

F = TypeVar("F", bound=Callable[..., Any])


# --- the run's state ----------------------------------------------------------------------------


class State:
    """What the global options chose; the database opens on first use, once per run. Commands
    open their transaction here (``read``, ``write``): the team's policy versions come with it
    (``book``), with the ``--policy`` file checked against them."""

    def __init__(self, db: str | None = None, policy: str | None = None) -> None:
        self.db_target = db
        self.policy_path = policy or os.environ.get("YULIN_POLICY") or None
        self._db: Db | None = None
        self._book: PolicyBook | None = None
        self._overrides: dict[str, Any] | None = None
        self.what_if: str | None = None  # the file a read was computed under, if it differs

    def db(self, migrate: bool = True) -> Db:
        """The database, opened on first use; ``migrate=False`` (doctor) never writes, not even
        to bring an older schema up to date. A new database starts with the policy file in
        force, else the defaults."""
        if self._db is None:
            from yulin_cli.db import open_db

            self._db = open_db(self.db_target, migrate, first_policy=self._first_policy)
        return self._db

    def _first_policy(self) -> tuple[dict[str, Any], str | None]:
        from pathlib import Path

        from yulin_cli.policy import load_policy, policy_dict

        path = self.policy_path
        return policy_dict(load_policy(path)), Path(path).name if path else None

    def overrides(self) -> dict[str, Any] | None:
        """The keys the ``--policy`` file sets, checked; None without one."""
        if self.policy_path and self._overrides is None:
            from yulin_cli.policy import load_overrides

            self._overrides = load_overrides(self.policy_path)
        return self._overrides

    def saved(self) -> bool:
        """Whether a write of this run has committed."""
        return self._db is not None and self._db.saved

    def secrets(self) -> tuple[str, ...]:
        """The passwords this run knows of, masked in every message."""
        from yulin_cli.db import chosen_target, secrets_of

        return secrets_of(chosen_target(self.db_target))

    @contextmanager
    def write(self, what_if: bool = True) -> Iterator[Tx]:
        """A write transaction under the team's policy. A ``--policy`` file that would judge
        today differently from the version in force is refused: the team's policy changes only
        by ``policy set`` (exit 2, nothing written). ``what_if=False``: the file plays no part
        (``policy set``)."""
        from yulin_cli.policy import load_book

        overrides = self.overrides() if what_if else None
        with self.db().write() as tx:
            book = load_book(tx)
            if overrides and book.with_file(overrides, str(self.policy_path)).changes_on(
                    today()):
                raise BadInput("policy.file_differs", path=self.policy_path)
            self._book = book
            yield tx

    @contextmanager
    def read(self, what_if: bool = True) -> Iterator[Tx]:
        """A read transaction. With a ``--policy`` file that differs from the team's versions,
        the answer is computed under it (the file overriding each version key by key): the
        outcomes are derived again inside a transaction that is then rolled back, and the
        answer says it is a what-if. ``what_if=False``: the team's own policy, file or not."""
        from yulin_cli.policy import load_book

        overrides = self.overrides() if what_if else None
        db = self.db()
        if not overrides:
            with db.read() as tx:
                self._book = load_book(tx)
                yield tx
            return
        with db.scratch() as tx:
            book = load_book(tx)
            candidate = book.with_file(overrides, str(self.policy_path))
            if any(candidate.changes_on(v.valid_from or "0001-01-01") for v in book.versions):
                from yulin_cli.slices import call

                call("derive_again", tx, candidate)  # outcomes.service.reconcile_all
                self._book, self.what_if = candidate, str(self.policy_path)
            else:
                self._book = book
            yield tx

    def book(self) -> PolicyBook:
        """The team's policy versions (with a what-if file over them), as the transaction
        opened by ``read`` or ``write`` found them. A command that opens none (`playbook`)
        reads them on its own, or uses the defaults when there is no database yet."""
        if self._book is None:
            from yulin_cli.policy import PolicyBook, load_book

            db = self.db()
            book = PolicyBook([])
            if db.exists:
                with db.read() as tx:
                    book = load_book(tx)
            overrides = self.overrides()
            if overrides and any(book.with_file(overrides, str(self.policy_path)).changes_on(
                    v.valid_from or "0001-01-01") for v in book.versions):
                book, self.what_if = book.with_file(overrides, str(self.policy_path)), str(
                    self.policy_path)
            self._book = book
        return self._book

    def policy(self, day: str | None = None) -> Policy:
        """The policy that judges ``day`` (today by default)."""
        return self.book().at(day or today())

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


_state = State()


def current() -> State:
    """This run's state; the root callback replaces it on every run."""
    return _state


def begin(db: str | None, policy: str | None) -> State:
    global _state
    from yulin_cli import clock

    clock.use_server_date(None)  # a new command: its database says again whose day it is
    _state = State(db, policy)
    return _state


@overload
def acting(by: str | None, option: str = ..., *, optional: Literal[False] = ...) -> str: ...
@overload
def acting(by: str | None, option: str = ..., *, optional: bool) -> str | None: ...


def acting(by: str | None, option: str = "--by", *, optional: bool = False) -> str | None:
    """The staff member a command acts as. In team mode a login mapped to a staff member acts as
    them (``--by`` may be left out; someone else's name is refused unless a manager's login);
    anywhere else ``--by`` names the person and is required, unless ``optional`` (then None).
    Every command with ``--by`` asks here."""
    from yulin_cli.rules import acting_as

    login = current().db().login
    verdict = acting_as(by, login.staff if login else None, login.roles if login else ())
    if verdict.refusal is not None:
        raise RuleRefusal(verdict.refusal.code, **verdict.refusal.params)
    if verdict.name is None and not optional:
        raise BadInput("input.missing", option=option)
    return verdict.name


# The one clock (``clock``), named here too for the commands that ask for it.
today = clock.today
wall_clock = clock.wall_clock


# --- options shared by many commands ------------------------------------------------------------

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
IdArg = Annotated[int, typer.Argument(metavar="ID", help="Prospect id.")]
DateOpt = Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default today).")]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Free text.")]
CenterOpt = Annotated[str | None, typer.Option("--center", help="One centre only.")]
LimitOpt = Annotated[int | None, typer.Option(
    "--limit", min=1, max=10**9, help="How many to show (default 50); --json has them all.")]
AllRowsOpt = Annotated[bool, typer.Option("--all", help="Show every row.")]


def rows_to_show(limit: int | None, every: bool, json_output: bool) -> int | None:
    """How many rows of a long list to read: one screen by default, ``--limit N``, or every
    row (None) for ``--all`` and for ``--json``, which always holds them all."""
    from yulin_cli.results import SCREEN

    if json_output or every:
        return None
    return limit or SCREEN
SaveOpt = Annotated[str | None, typer.Option(
    "--save", metavar="FILE", help="Also write the report to FILE.html, FILE.svg or FILE.xlsx.")]
# Who did it: required on a SQLite file; in team mode it defaults to the login's staff member.
ByOpt = Annotated[str | None, typer.Option(
    "--by", help="Who did it (team mode: you, by default).")]


# --- from a result to the terminal --------------------------------------------------------------


def emit_json(doc: Any) -> None:
    """One JSON document on stdout, never through Rich. A long list (``results.JsonRows``)
    streams one compact row a line as its rows are read."""
    from yulin_cli.results import JsonRows

    if isinstance(doc, JsonRows):
        _stream_rows(doc)
        return
    typer.echo(readable_json(doc))


def _compact_encoder() -> Callable[[Any], str]:
    """``json.JSONEncoder(ensure_ascii=False, default=str).encode``, calling its C encoder
    straight: a report's thousands of rows skip the wrapper's set-up for each (a sixth of the
    time). Our documents hold no cycles, so the cycle check is left out."""
    import datetime as dt
    import json.encoder

    library = json.JSONEncoder(ensure_ascii=False, default=str).encode
    make = getattr(json.encoder, "c_make_encoder", None)  # private: not in the stubs
    try:
        chunks = make(None, str, json.encoder.encode_basestring, None, ": ", ", ", False,
                      False, True) if make is not None else None
        sample = {"a": [1, 2.5, None, True, "é\n"], "b": {"c": dt.date(2026, 1, 1)}}
        if chunks is None or "".join(chunks(sample, 0)) != library(sample):
            return library
    except TypeError:  # another interpreter's arguments: the library's own way
        return library
    return lambda value: "".join(chunks(value, 0))


_COMPACT = _compact_encoder()
LONG_LIST = 20


def readable_json(value: Any, depth: int = 0) -> str:
    """JSON indented by two spaces, as ``json.dumps(indent=2)`` writes it, except that each
    item of a list longer than ``LONG_LIST`` stands compact on its own line, as streamed lists
    do. Indenting runs in Python and the compact encoder in C: a busy day's report (thousands
    of attention items) is written in a tenth of the time, and still reads a line an item."""
    if isinstance(value, dict) and value:
        pad = "  " * (depth + 1)
        body = [f"{pad}{_COMPACT(str(key))}: {readable_json(item, depth + 1)}"
                for key, item in value.items()]
        return "{\n" + ",\n".join(body) + "\n" + "  " * depth + "}"
    if isinstance(value, (list, tuple)) and value:
        pad = "  " * (depth + 1)
        if len(value) > LONG_LIST:
            body = [pad + _COMPACT(item) for item in value]
        else:
            body = [pad + readable_json(item, depth + 1) for item in value]
        return "[\n" + ",\n".join(body) + "\n" + "  " * depth + "]"
    return _COMPACT(value)


def _stream_rows(doc: Any) -> None:
    import sys

    out = sys.stdout
    chunk: list[str] = []
    opened = False
    for row in doc.rows:
        chunk.append(("[\n" if not opened else ",\n") + (row if doc.encoded else _COMPACT(row)))
        opened = True
        if len(chunk) >= 1000:
            out.write("".join(chunk))
            chunk = []
    out.write("".join(chunk) + ("\n]\n" if opened else "[]\n"))
    out.flush()


def save_path(value: str | None) -> str | None:
    """The file ``--save`` names, checked before any work: .html, .svg or .xlsx."""
    if value is None:
        return None
    if not value.lower().endswith((".html", ".htm", ".svg", ".xlsx")):
        raise BadInput("save.bad_ext", path=value)
    return value


def respond(result: Result, json_output: bool, save: str | None = None) -> None:
    """Every command's output: the result as JSON, or its Rich view (chosen by its type).
    With ``save``, the report is also written as a file to forward (``documents``)."""
    what_if = current().what_if
    if save is not None:
        from yulin_cli.documents import save as save_document

        save_document(result, save)
        typer.echo(t("ui.saved", path=save), err=True)
    if json_output:
        doc = result.to_json()
        if what_if and isinstance(doc, dict):
            doc = {**doc, "policy": {"what_if": what_if}}
        elif what_if:  # an array holds only its items: the note goes to stderr
            typer.echo(t("policy.what_if", path=what_if), err=True)
        emit_json(doc)
        return
    from yulin_cli.render import show

    if what_if:
        typer.echo(t("policy.what_if", path=what_if))
    show(result)


def answer(work: Callable[[Tx], Result], json_output: bool, *, write: bool = False,
           save: str | None = None, what_if: bool = True, streamed: bool = False) -> None:
    """Most commands, once their input is checked: one transaction, one service, ``respond``.
    ``work`` is that service called with the transaction (``lambda tx: service.x(tx, ...)``).

    The transaction is ``current().write()`` with ``write``, else ``current().read()``
    (``what_if`` as they take it). The result is answered once the transaction has ended, so a
    write is committed before anything is shown, and nothing is shown when it fails. With
    ``streamed`` (a long list whose ``to_json`` is ``results.JsonRows``, read as it is written)
    the answer is given inside the transaction instead, which its rows need.

    Keeping this shape in one place is what keeps ~40 commands alike: ``commands.py`` files
    call it rather than spell it out (``tests/test_command_shape.py``)."""
    state = current()
    with state.write(what_if) if write else state.read(what_if) as tx:
        result = work(tx)
        if streamed:
            respond(result, json_output, save)
            return
    respond(result, json_output, save)


# --- from a mistake to one line and an exit code ------------------------------------------------


def error_text(err: YulinError) -> str:
    from yulin_cli.i18n import expand

    params = expand(err.params)
    if err.key == "input.invalid":
        params["why"] = t(params["code"], **params) if params.get("code") else params.get(
            "detail")
        key = "input.invalid_row" if params.get("row") is not None else err.key
        return t(key, **params)
    return t(err.key, **params)


def _scrub(value: Any, secrets: tuple[str, ...]) -> Any:
    """``value`` with every password masked, through lists and dicts."""
    from yulin_cli.db import hide_secrets

    if isinstance(value, str):
        return hide_secrets(value, *secrets)
    if isinstance(value, dict):
        return {k: _scrub(v, secrets) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_scrub(v, secrets) for v in value]
    return value


def fail(err: YulinError, json_mode: bool) -> None:
    """One line on stderr (and one JSON document in --json mode), then the error's exit code.
    Neither ever holds a password (a URL's user part or ``password=``)."""
    secrets = current().secrets()
    message = _scrub(error_text(err), secrets)
    if json_mode:
        doc: dict[str, Any] = {"error": {"code": err.key, "message": message,
                                         "exit_code": err.exit_code}}
        for key in ("duplicate_of", "id", "field"):
            if key in err.params and isinstance(err.params[key], (int, str)):
                doc[key] = err.params[key]
        doc.update(err.doc)  # e.g. an import's full report
        emit_json(_scrub(doc, secrets))
    prefix = t("error") if err.exit_code == 2 else ""
    typer.echo(prefix + message, err=True)
    raise typer.Exit(err.exit_code)


def _refuse_nul(params: dict[str, Any]) -> None:
    """No text we keep or look up can hold a NUL (PostgreSQL refuses it outright), so an
    option carrying one is bad input for every command, filters included."""
    for name, value in params.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        if any(isinstance(v, str) and "\x00" in v for v in values):
            raise BadInput("input.invalid", option="--" + name.replace("_", "-"),
                           code="bad.control_chars", value=str(values[0]).replace("\x00", "?"))


def _usage_mistake(make_context: Callable[..., Any], args: list[str], *rest: Any,
                   **extra: Any) -> Any:
    """Parses a command line; a usage mistake becomes one translated line and exit 2 (and,
    with --json, one JSON document)."""
    # Click's error, named where Typer vendors it; the words (helptext) load only for a mistake.
    from yulin_cli.typer_seams import UsageError

    wants_json = "--json" in args  # read first: Click consumes ``args`` as it parses them
    typed = list(args)
    try:
        return make_context(*rest, args, **extra)
    except (UsageError, ValueError) as error:
        from yulin_cli.helptext import usage_message

        if isinstance(error, UsageError):
            message = usage_message(error, typed, getattr(make_context, "__self__", None))
        elif "null" in str(error):  # a NUL in a path: Typer before 0.29 stats it unchecked
            message = t("usage.bad", detail=t("bad.control_chars"))
        else:
            raise
        if message is None:  # no arguments at all: the help, as Click shows it
            raise
        if wants_json:
            emit_json({"error": {"code": "usage", "message": message, "exit_code": 2}})
        typer.echo(t("error") + message, err=True)
        raise typer.Exit(2) from None


class YulinCommand(TyperCommand):
    """Every yulin command: its help and usage mistakes in the language in force, and a
    YulinError, or the database refusing, as one line on stderr and its exit code (never a
    traceback); anything else is a bug and propagates."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None,
                     **extra: Any) -> Any:
        return _usage_mistake(super().make_context, args, info_name, parent=parent, **extra)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from yulin_cli.helptext import format_command

        format_command(self, ctx, formatter)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        # zsh and fish show each option's help beside it: in the language in force.
        from yulin_cli.helptext import key_of, param_help

        items = super().shell_complete(ctx, incomplete)
        params = {name: p for p in self.get_params(ctx) for name in (*p.opts, *p.secondary_opts)}
        for item in items:
            if item.value in params:
                param = params[item.value]
                item.help = (t("help.help") if param.name == "help"
                             else param_help(key_of(ctx), param))
        return items

    # ``ctx`` is Click's context; Typer vendors Click privately, so it is not named here.
    def invoke(self, ctx: Any) -> Any:
        json_mode = bool(ctx.params.get("json_output"))
        try:
            _refuse_nul(ctx.params)
            return super().invoke(ctx)
        except YulinError as err:
            fail(err, json_mode)
        except KeyboardInterrupt:
            # Ctrl-C: every write is one transaction, rolled back on the way out; one that
            # had already committed is saved, and the message says so.
            fail(Interrupted("interrupted_saved" if current().saved() else "interrupted"),
                 json_mode)
        except Exception as exc:  # the database refused, not a bug of ours
            from yulin_cli.db import database_error

            found = database_error(exc, current().db_target)
            if found is None:
                raise
            fail(found, json_mode)


class YulinGroup(TyperGroup):
    """The root and the named groups (`staff`, `center`, ...): help in the language in force,
    usage mistakes (an unknown command) as one translated line."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None,
                     **extra: Any) -> Any:
        return _usage_mistake(super().make_context, args, info_name, parent=parent, **extra)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        # zsh and fish show each command's help beside it: in the language in force.
        from yulin_cli.helptext import command_help, key_of

        items = super().shell_complete(ctx, incomplete)
        here = key_of(ctx)
        for item in items:
            if item.value in self.commands:
                path = item.value if here == "root" else f"{here}.{item.value}"
                item.help = command_help(path, item.help)
        return items

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if args and self.get_command(ctx, name) is None and not name.startswith("-"):
            from yulin_cli.helptext import no_such_command

            typer.echo(t("error") + no_such_command(name, list(self.commands)), err=True)
            raise typer.Exit(2)
        return super().resolve_command(ctx, args)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from yulin_cli.helptext import format_command

        format_command(self, ctx, formatter)


def command(app: typer.Typer, name: str, **settings: Any) -> Callable[[F], F]:
    """Registers a yulin command on a slice's app. ``settings`` go to Click's context (e.g. to
    accept negative numbers as arguments)."""
    return app.command(name, cls=YulinCommand, context_settings=settings or None)


def sub_app(help_text: str) -> typer.Typer:
    """A slice's own Typer app (commands merged into the root, or a named group). Its help
    shown to users comes from the catalogue (``help.cmd.<group>``)."""
    return typer.Typer(help=help_text, no_args_is_help=True, rich_markup_mode=None,
                       add_completion=False, cls=YulinGroup)


class _Choice:
    """Parses a choice from its English value or any of its Chinese words (``choices``)."""

    def __init__(self, enum: type[StrEnum]) -> None:
        self.enum = enum

    def __call__(self, value: Any) -> StrEnum:
        from yulin_cli import choices

        if isinstance(value, self.enum):
            return value
        member = choices.parse(self.enum, str(value))
        if member is None:
            shown = "、".join(choices.word(m) for m in self.enum) if _zh() else ", ".join(
                m.value for m in self.enum)
            error = typer.BadParameter(t("usage.choose", value=value, choices=shown))
            error.translated = True  # type: ignore[attr-defined]  # read by helptext
            raise error
        return member

    def complete(self, incomplete: str) -> list[str]:
        from yulin_cli import choices

        english = [m.value for m in self.enum]
        chinese = [w for m in self.enum for w in choices.WORDS.get(m, ())]
        # The reader's own words first.
        offered = chinese + english if _zh() else english + chinese
        return [word for word in offered if word.startswith(incomplete)]


def _zh() -> bool:
    from yulin_cli.i18n import current_lang

    return current_lang() == "zh"


def choice(enum: type[StrEnum], *decls: str, help: str = "") -> Any:
    """An option taking one value of ``enum``, typed in English or Chinese (`--pretext 采购`);
    help shows the words of the language in force, completion offers both."""
    parser = _Choice(enum)
    return typer.Option(*decls, help=help, parser=parser, autocompletion=parser.complete)


def choice_argument(enum: type[StrEnum], metavar: str, help: str = "") -> Any:
    """An argument taking one value of ``enum``, in English or Chinese (`void 走访 3`)."""
    parser = _Choice(enum)
    return typer.Argument(metavar=metavar, help=help, parser=parser,
                          autocompletion=parser.complete)


# Answers that mean yes, in either language; anything else (or no answer) means no.
YES = frozenset({"y", "yes", "是", "是的", "好", "对", "确认", "确定"})


def confirmed(question: str) -> bool:
    """A yes-or-no question on the terminal, in the reader's words: 是 or y agrees, anything
    else, an empty answer or the end of input declines. Ctrl-C is not an answer: it
    interrupts the command (exit 130), which Click's prompt would turn into a no."""
    typer.echo(f"{question} {t('ask.yes_no')}: ", nl=False)
    try:
        answer = input()
    except EOFError:  # the end of input: no answer
        return False
    return answer.strip().lower() in YES


# --- input from options -------------------------------------------------------------------------


def validated(model: type[M], data: dict[str, Any]) -> M:
    """``model`` built from ``data``, or a BadInput naming the first bad option."""
    from yulin_cli.inputs import validate

    return validate(model, data)


def iso_date(value: str | None, option: str = "--date", *, ahead: bool = False) -> str:
    """A validated ISO date from an option, today when it was not given. A day typed
    without its year is the latest such day, or with ``ahead`` (plans) the next one."""
    if value is None:
        return today()
    from yulin_cli.values import parse_date

    try:
        return parse_date(value, ahead=ahead)
    except ValueError as exc:
        raise BadInput("input.invalid", option=option, code=str(exc), value=value) from None


def text_option(value: str, option: str, limit: int) -> str:
    """Free text from an option: trimmed, not empty, no control characters, not too long."""
    from yulin_cli.values import clean_text

    try:
        text = clean_text(value, limit)
    except ValueError as exc:
        raise BadInput("input.invalid", option=option, code=str(exc), value=value) from None
    if not text:
        raise BadInput("input.invalid", option=option, code="bad.empty", value=value)
    return text
