"""The ``yulin`` command line: parse, call the workflow, render, exit. No SQL, no rule logic.

Start-up matters for a tool used dozens of times a day, so this module imports only Typer and
the standard library; each command imports what it needs (Pydantic, Rich, the database) inside.
"""

import datetime as dt
import functools
import json
import os
from collections.abc import Callable
from enum import Enum, StrEnum
from typing import Annotated, Any

import typer

from yulin_cli import __version__, choices
from yulin_cli.errors import BadInput, YulinError
from yulin_cli.i18n import reason_json, resolve_lang, set_lang, t

app = typer.Typer(
    help="Run a Yulin-centre prospecting team by its field manual. / 按育林中心手册管理开拓团队。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help and usage errors: Rich help costs a third of the start-up, and a usage error
    # then ends in one "Error: ..." line like every other bad input.
    rich_markup_mode=None,
)
center_app = typer.Typer(help="Service centres. / 服务中心。", no_args_is_help=True,
                        rich_markup_mode=None)
staff_app = typer.Typer(help="Staff and their roles. / 伙伴与角色。", no_args_is_help=True,
                       rich_markup_mode=None)
policy_app = typer.Typer(help="The policy in force. / 策略。", no_args_is_help=True,
                        rich_markup_mode=None)
app.add_typer(center_app, name="center")
app.add_typer(staff_app, name="staff")
app.add_typer(policy_app, name="policy")


class Lang(StrEnum):
    zh = "zh"
    en = "en"


def choice(name: str, values: tuple[str, ...]) -> type[StrEnum]:
    """An option type Typer can offer, holding exactly the values of ``choices``."""
    return StrEnum(name, [(value.replace("-", "_"), value) for value in values])  # type: ignore[return-value]


Role = choice("Role", choices.ROLES)


# --- global state -----------------------------------------------------------------------------


class State:
    """What the global options chose; the database opens on first use, once per run."""

    def __init__(self, db: str | None = None, policy: str | None = None) -> None:
        self.db_target = db
        self.policy_path = policy or os.environ.get("YULIN_POLICY") or None
        self._db: Any = None
        self._policy: Any = None

    def db(self) -> Any:
        if self._db is None:
            from yulin_cli.db import open_db

            self._db = open_db(self.db_target)
        return self._db

    def policy(self) -> Any:
        if self._policy is None:
            from yulin_cli.policy import load_policy

            self._policy = load_policy(self.policy_path)
        return self._policy

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


state = State()


def _show_version(value: bool) -> None:
    # Eager, so `yulin --version` alone answers before a command is looked for.
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option(
        "--db", envvar="YULIN_DB", help="SQLite file or SQLAlchemy URL.")] = None,
    policy: Annotated[str | None, typer.Option(
        "--policy", help="TOML file overriding policy defaults (or YULIN_POLICY).")] = None,
    lang: Annotated[Lang | None, typer.Option(
        "--lang", help="Language of human text (or YULIN_LANG).")] = None,
    version: Annotated[bool, typer.Option(
        "--version", help="Show the version.", is_eager=True, callback=_show_version)] = False,
) -> None:
    """Run a Yulin-centre prospecting team by its field manual."""
    global state
    set_lang(resolve_lang(lang.value if lang else None))
    state = State(db, policy)
    ctx.call_on_close(state.close)


# --- plumbing ---------------------------------------------------------------------------------

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
IdArg = Annotated[int, typer.Argument(metavar="ID", help="Prospect id.")]
DateOpt = Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default today).")]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Free text.")]


def today() -> str:
    """Today's date; YULIN_TODAY pins it for scripts and tests."""
    return os.environ.get("YULIN_TODAY") or dt.date.today().isoformat()


def emit_json(doc: Any) -> None:
    typer.echo(json.dumps(doc, ensure_ascii=False, indent=2, default=str))


def show(*renderables: Any) -> None:
    from yulin_cli.render import console

    console().print(*renderables)


def current() -> State:
    """This run's state; the callback replaces it on every run, so read it through here."""
    return state


def respond(doc: Any, json_output: bool, view: str) -> None:
    """Prints ``doc`` as JSON, or as the Rich view ``render.<view>`` built from the same data."""
    if json_output:
        emit_json(doc)
        return
    from yulin_cli import render

    show(getattr(render, view)(doc))


def error_text(err: YulinError) -> str:
    from yulin_cli.i18n import expand

    params = expand(err.params)
    if err.key == "input.invalid":
        params["why"] = t(params["code"]) if params.get("code") else params.get("detail")
        key = "input.invalid_row" if params.get("row") is not None else err.key
        return t(key, **params)
    return t(err.key, **params)


def fail(err: YulinError, json_mode: bool) -> None:
    """One line on stderr (and one JSON document in --json mode), then the error's exit code."""
    message = error_text(err)
    if json_mode:
        readiness = err.params.get("readiness")
        doc: dict[str, Any] = {"error": {"code": err.key, "message": message,
                                         "exit_code": err.exit_code}}
        if readiness is not None:
            doc.update(ready=False, checks=[reason_json(c) for c in readiness.checks])
        for key in ("duplicate_of", "id", "field"):
            if key in err.params and isinstance(err.params[key], (int, str)):
                doc[key] = err.params[key]
        doc.update(getattr(err, "doc", {}))  # e.g. an import's full report
        emit_json(doc)
    prefix = f"{t('error')}: " if err.exit_code == 2 else ""
    typer.echo(prefix + message, err=True)
    raise typer.Exit(err.exit_code)


def _refuse_nul(options: dict[str, Any]) -> None:
    """No text we keep or look up can hold a NUL (PostgreSQL refuses it outright), so an
    option carrying one is bad input for every command, filters included."""
    for name, value in options.items():
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and "\x00" in v for v in values):
            raise BadInput("input.invalid", option="--" + name.replace("_", "-"),
                           code="bad.control_chars", value=str(values[0]).replace("\x00", "?"))


def command(target: typer.Typer, name: str | None = None, **settings: Any) -> Callable:
    """Registers a command whose YulinErrors become a one-line message and an exit code.

    ``settings`` go to Click's context (e.g. to accept negative numbers as arguments).
    """

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                _refuse_nul(kwargs)
                return fn(*args, **kwargs)
            except YulinError as err:
                fail(err, bool(kwargs.get("json_output")))
            except Exception as exc:  # the database refused, not a bug of ours
                from yulin_cli.db import database_error

                err = database_error(exc, state.db_target)
                if err is None:
                    raise
                fail(err, bool(kwargs.get("json_output")))

        target.command(name, context_settings=settings or None)(run)
        return fn

    return decorate


def validated(model_name: str, data: dict) -> Any:
    from yulin_cli import inputs

    return inputs.validate(getattr(inputs, model_name), data)


def iso_date(value: str | None, option: str = "--date") -> str:
    """A validated ISO date from an option, today when it was not given."""
    if value is None:
        return today()
    from yulin_cli.inputs import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise BadInput("input.invalid", option=option, code=str(exc), value=value) from None


def text_option(value: str, option: str, limit: int) -> str:
    """Free text from an option: trimmed, not empty, no control characters, not too long."""
    from yulin_cli.inputs import clean_text

    try:
        text = clean_text(value, limit)
    except ValueError as exc:
        raise BadInput("input.invalid", option=option, code=str(exc), value=value) from None
    if not text:
        raise BadInput("input.invalid", option=option, code="bad.empty", value=value)
    return text


def enum_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [enum_value(v) for v in value]
    return value


# --- setup ------------------------------------------------------------------------------------


@command(center_app, "add")
def center_add(
    name: Annotated[str, typer.Argument(help="Centre name.")],
    city: Annotated[str, typer.Option("--city", help="The city it is responsible for.")],
    json_output: JsonOpt = False,
) -> None:
    """Add a service centre and the city it covers."""
    from yulin_cli import workflow

    data = validated("CenterIn", {"name": name, "city": city})
    with state.db().write() as tx:
        result = workflow.add_center(tx, data.name, data.city)
    if json_output:
        emit_json(result)
    else:
        typer.echo(t("ui.added_center", name=result["name"], city=result["city"]))


@command(center_app, "list")
def center_list(json_output: JsonOpt = False) -> None:
    """List the service centres."""
    from yulin_cli import store

    with state.db().read() as tx:
        rows = store.list_centers(tx)
    if json_output:
        emit_json(rows)
    else:
        for row in rows:
            typer.echo(f"{row['name']}  {row['city']}")


@command(staff_app, "add")
def staff_add(
    name: Annotated[str, typer.Argument(help="The person's name.")],
    center: Annotated[str, typer.Option("--center", help="Their centre.")],
    role: Annotated[list[Role], typer.Option("--role", help="A role; repeat for several.")],
    industry: Annotated[list[str] | None, typer.Option(
        "--industry", help="An industry they call; repeat for several.")] = None,
    json_output: JsonOpt = False,
) -> None:
    """Add a staff member with one or more roles."""
    from yulin_cli import workflow

    data = validated("StaffIn", {"name": name, "center": center, "roles": enum_value(role),
                                 "industries": industry or []})
    with state.db().write() as tx:
        result = workflow.add_staff(tx, data.name, data.center, data.roles, data.industries)
    if json_output:
        emit_json(result)
    else:
        typer.echo(t("ui.added_staff", name=result["name"]))


@command(staff_app, "list")
def staff_list(json_output: JsonOpt = False) -> None:
    """List the staff with their centre, roles and industries."""
    from yulin_cli import store

    with state.db().read() as tx:
        rows = store.list_staff(tx)
    respond([{k: r[k] for k in ("name", "center", "city", "roles", "industries")} for r in rows],
            json_output, "staff_table")


# --- policy -----------------------------------------------------------------------------------


@command(policy_app, "show")
def policy_show(json_output: JsonOpt = False) -> None:
    """Print the policy in force (defaults merged with --policy / YULIN_POLICY)."""
    from yulin_cli.policy import policy_dict, policy_toml

    policy = state.policy()
    if json_output:
        emit_json(policy_dict(policy))
    else:
        typer.echo(policy_toml(policy))


@command(policy_app, "init")
def policy_init(
    path: Annotated[str, typer.Argument(help="Where to write it.")] = "yulin-policy.toml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Write a commented policy file holding every default."""
    from pathlib import Path

    from yulin_cli.policy import Policy, policy_toml

    target = Path(path)
    try:
        if target.exists() and not force:
            raise BadInput("file.exists", path=path)
        target.write_text(policy_toml(Policy()), encoding="utf-8")
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise BadInput("policy.unreadable", path=path,
                       error=getattr(exc, "strerror", None) or str(exc)) from None
    if json_output:
        emit_json({"path": str(target)})
    else:
        typer.echo(t("ui.policy_written", path=path))


# The commands of each workflow live in their own module and register themselves on ``app``.
from yulin_cli import cli_prospects, cli_workflow, cli_playbook, cli_data  # noqa: E402, F401, I001


def main() -> None:
    app()
