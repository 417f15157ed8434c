"""The human view of every result: ``view`` dispatches on the result's type. Never queries.

Each slice's ``views`` module registers the views of its results; this module holds the
dispatcher and the pieces they share (tables, stars, readiness and rating views).

A view returns a Rich renderable, plain text (printed as is, never wrapped), or a ``Screen``
with parts for stdout and warnings for stderr. ``show`` prints it; ``--json`` never comes here.
A saved report (``--save``) is ``documents``' work, which renders the terminal view through
this module (never the other way round).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import singledispatch
from typing import TYPE_CHECKING, Any

import typer

from yulin_cli import rules
from yulin_cli.frozen import frozen
from yulin_cli.i18n import MESSAGES, cited, colon, current_lang, explain, listed, rule_name, t
from yulin_cli.records import Notice
from yulin_cli.results import Page, Result

if TYPE_CHECKING:  # Rich loads when a view draws: a one-line answer never pays for it
    from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

OK, NO = "✓", "✗"


@frozen
class Screen:
    """What a view prints: parts for stdout, and warnings for stderr."""

    out: tuple[RenderableType | str, ...] = ()
    err: tuple[str, ...] = ()


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def show(result: Result) -> None:
    """Prints the human view of ``result``."""
    try:
        shown = view(_with_views(result))
    except NotImplementedError:  # a view shows a result of another slice
        load_views()
        shown = view(result)
    screen = shown if isinstance(shown, Screen) else Screen((shown,))
    for warning in screen.err:
        typer.echo(warning, err=True)
    width = terminal_width()
    lines = words_only(screen.out, width) if width is not None else None
    if lines is not None:
        # Most writing commands' answers: printed as Rich would print them, without the
        # 25 ms Rich takes to load.
        for line in lines:
            typer.echo(line)
        return
    out = console()
    for part in screen.out:
        if isinstance(part, str):
            typer.echo(part)
        else:
            out.print(part)


def terminal_width() -> int | None:
    """The width Rich's console takes, where that is plain: ``COLUMNS`` when it is a number,
    else the first standard stream that is a terminal, else 80. None where Rich decides by
    more than that (a dumb terminal, forced colours, Windows' consoles): Rich prints there."""
    import os
    import sys

    env = os.environ
    if (sys.platform == "win32" or env.get("TERM", "").lower() in ("dumb", "unknown")
            or any(env.get(k) for k in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"))):
        return None
    columns = env.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns) or None
    for stream in range(3):
        try:
            return os.get_terminal_size(stream).columns or 80
        except (OSError, ValueError):
            continue
    return 80


# Characters Rich removes or expands before printing (all but the line break).
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def words_only(parts: Sequence[RenderableType | str], width: int) -> list[str] | None:
    """The lines of a view made only of words (strings, printed as they are, and unstyled
    ``Prose``), exactly as Rich prints them at ``width``; None when Rich must print it: a
    drawing or a style, a control character, or a line wider than the screen (Rich crops).
    ``tests/test_render.py`` holds the two equal."""
    from yulin_cli.wrapping import cells

    lines: list[str] = []
    for part in parts:
        if isinstance(part, str):
            lines.append(part)
            continue
        if type(part) is not Prose or part.style or _CONTROL.search(part.text):
            return None
        wrapped = part.lines(width)
        if any(cells(line) > width for line in wrapped):
            return None
        lines += wrapped
    return lines


def show_checks(checks: Sequence[rules.Reason]) -> None:
    """The failing checks of a refused plan, before its one-line refusal."""
    console().print(checks_table(checks))


@singledispatch
def view(result: Result) -> RenderableType | str | Screen:
    """The human view of a result; each slice's ``views`` module registers its own."""
    raise NotImplementedError(f"no view for {type(result).__name__}")


def _with_views(result: Result) -> Result:
    """Registers the views of the slice that made ``result`` (its package's ``views``, found
    through ``slices``): one slice's views load in a fraction of the time of all of them."""
    from yulin_cli.slices import load_for

    if not load_for(type(result).__module__, "views"):
        load_views()
    return result


def load_views() -> None:
    """Registers every slice's views (they import this module, so never at its top)."""
    from yulin_cli.slices import load

    load("views")


# --- pieces -------------------------------------------------------------------------------------


class Command:
    """A command to copy, after its arrow: on one line when it fits, else broken before its
    options with shell continuations (``wrapping.command_lines``). Never cropped: a command
    cut short would still run, and do something else."""

    def __init__(self, command: str, lead: str = "  → ", style: str = "") -> None:
        self.command, self.lead, self.style = command, lead, style

    def lines(self, width: int) -> list[str]:
        from yulin_cli.wrapping import cells, command_lines

        return command_lines(self.command, width, self.lead, cells(self.lead) + 2)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        from yulin_cli.wrapping import cells, shell_words

        widest = cells(self.lead + self.command)
        longest = max((cells(word) for word in shell_words(self.command)), default=0)
        return Measurement(min(widest, cells(self.lead) + 2 + longest), widest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        for line in self.lines(options.max_width):
            yield Text(line, style=self.style, no_wrap=True, overflow="ignore")


class Prose:
    """Text that wraps by the rules of ``wrapping``: by terminal cells, never starting a line
    with closing punctuation, never splitting a `yulin ...` command or an option, continuation
    lines keeping their indent. Rich's own wrapping knows none of that for Chinese."""

    def __init__(self, text: str, style: str = "", indent: int = 0,
                 first_indent: int | None = None) -> None:
        # ``indent`` for continuation lines; the first line gets ``first_indent`` (default the
        # same). Text that carries its own leading spaces wants ``first_indent=0``.
        self.text, self.style, self.indent = text, style, indent
        self.first_indent = first_indent

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        from yulin_cli.wrapping import cells, wrap

        widest = max((cells(p) for p in self.text.split("\n")), default=0)
        narrowest = max((cells(line) for line in wrap(self.text, 1, self.indent,
                                                      self.first_indent)), default=0)
        return Measurement(min(narrowest, widest), widest)

    def lines(self, width: int) -> list[str]:
        from yulin_cli.wrapping import wrap

        return wrap(self.text, width, self.indent, self.first_indent)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        for line in self.lines(options.max_width):
            yield Text(line, style=self.style, no_wrap=True, overflow="ignore")


def new_table(*headers: str, title: str | None = None) -> Table:
    from rich import box
    from rich.table import Table

    # Two spaces between columns, not three: an 80-column screen holds the daily report's
    # nine columns without breaking a header, and more of a Chinese company name.
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False,
                  expand=False, collapse_padding=True)
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def more_line(page: Page | None, key: str = "ui.more") -> list[Text]:
    """The line under a long list's first screen saying how many rows it left out."""
    from rich.text import Text

    if page is None or not page.more:
        return []
    return [Text(t(key, count=f"{page.more:,}"), style="dim")]


def with_login(name: str, login: str | None) -> str:
    """A person's name and, in team mode, the login that recorded the row: ``张伟（zhangwei）``."""
    if not login:
        return name
    return f"{name}（{login}）" if current_lang() == "zh" else f"{name} ({login})"


def lines_of(*lines: str) -> str:
    return "\n".join(lines)


def stars_text(stars: int) -> Text:
    from rich.text import Text

    return Text("★" * stars + "☆" * (5 - stars), style="yellow" if stars else "dim")


def quota_bar(found: int, per_day: int, width: int = 5) -> Text:
    """A small bar of quota progress: filled cells out of ``per_day`` (at most ``width``)."""
    from rich.text import Text

    cells = max(1, min(per_day, width))
    filled = cells if per_day == 0 else min(cells, round(cells * found / per_day))
    done = per_day == 0 or found >= per_day
    return Text("▮" * filled + "▯" * (cells - filled), style="green" if done else "red")


def verdict_line(reason: rules.Reason, mark: str = "·") -> Prose:
    """One verdict on a line of its own, with the manual's clause it comes from."""
    return Prose(f"  {mark} {cited(explain(reason), reason.clause)}", indent=4, first_indent=0)


def action_line(reason: rules.Reason) -> Prose:
    """A next action, marked done with its day when a follow-up carried it out (Q5)."""
    done = reason.params.get("done")
    if not done:
        return verdict_line(reason, "→")
    return Prose(f"  {OK} {cited(explain(reason), reason.clause)}"
                 f"{t('closing.action_done', day=done)}", indent=4, first_indent=0)


def rule_cell(reason: rules.Reason) -> str:
    """The rule and its clause, as a table shows them."""
    return cited(rule_name(reason.rule), reason.clause)


def fix_commands(checks: Sequence[rules.Reason], prospect_id: int,
                 fill: dict[str, Any] | None = None) -> list[str]:
    """The commands that settle failing checks, each once (shown on lines of their own), with
    the real finder, manager, visit and project where known, else a word to replace."""
    params = {name: t(f"fixcmd.placeholder.{name}")
              for name in ("finder", "manager", "visit", "project")}
    params.update(fill or {})
    found: list[str] = []
    for check in checks:
        key = f"fixcmd.{check.fix}"
        if not check.ok and check.fix and key in MESSAGES:
            command = t(key, id=prospect_id, **params)
            if command not in found:
                found.append(command)
    return found
def bar(value: int, most: int, width: int = 30, style: str = "cyan") -> Text:
    """A horizontal bar of ``value`` against ``most`` (the longest bar), ``width`` cells at
    most; a value above zero always shows. Negative values draw in red."""
    from rich.text import Text

    size = abs(value)
    cells = 0 if most <= 0 or size == 0 else max(1, round(width * size / most))
    return Text("█" * min(cells, width), style="red" if value < 0 else style)


def checks_table(checks: Sequence[rules.Reason]) -> Table:
    from rich.text import Text

    # The "next" column only when some check has a next step: an empty one takes width the
    # reasons need.
    fixes = any(check.fix and not check.ok for check in checks)
    headers = ("", t("ui.check"), t("ui.why"), *((t("ui.next"),) if fixes else ()))
    table = new_table(*headers)
    table.columns[0].width = 1
    table.columns[1].no_wrap = True
    if fixes:
        # Reasons are what people read first: they get three parts of the room to two.
        table.expand = True
        table.columns[2].ratio, table.columns[3].ratio = 3, 2
    for check in checks:
        mark = Text(OK, style="green") if check.ok else Text(NO, style="bold red")
        row: list[RenderableType] = [mark, rule_cell(check), Prose(explain(check))]
        if fixes:
            row.append(Prose(t(check.fix, **check.params)) if check.fix and not check.ok else "")
        table.add_row(*row)
    return table


def commands_block(commands: Sequence[str]) -> Group:
    from rich.console import Group

    return Group(*(Command(command) for command in commands))


def readiness_view(prospect_id: int, company: str, readiness: rules.Readiness,
                   fill: dict[str, Any] | None = None) -> Group:
    from rich.console import Group
    from rich.text import Text

    head = Text(f"#{prospect_id} {company}{colon()}", style="bold")
    head.append(t("ui.ready") if readiness.ready else t("ui.not_ready"),
                style="bold green" if readiness.ready else "bold red")
    parts: list[RenderableType] = [head, checks_table(readiness.checks)]
    commands = fix_commands(readiness.checks, prospect_id, fill)
    if commands:
        parts += [Text(t("ui.commands")), commands_block(commands)]
    return Group(*parts)


def rating_view(prospect_id: int, company: str, rating: rules.Rating) -> Group:
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = [Text.assemble((f"#{prospect_id} {company}  ", "bold"),
                                                 stars_text(rating.stars))]
    parts += [verdict_line(r) for r in rating.reasons]
    if rating.lift:
        parts.append(Text(t("ui.lift"), style="bold"))
        parts += [verdict_line(r, "↑") for r in rating.lift]
    if rating.next_actions:
        parts.append(Text(t("ui.next_actions"), style="bold"))
        parts += [action_line(r) for r in rating.next_actions]
    return Group(*parts)


def ranking_table(rated: Iterable[tuple[Any, rules.Rating]], title: str | None = None) -> Table:
    table = new_table(t("ui.id"), t("ui.company"), t("ui.stars"), t("ui.source"),
                      t("ui.found_on"), title=title)
    table.columns[2].no_wrap = True
    table.columns[4].no_wrap = True
    dropped = False
    for row, rating in rated:
        stars = stars_text(rating.stars)
        if not rating.worth_following:
            stars.append(f" {NO}", style="bold red")
            dropped = True
        table.add_row(str(row.id), Prose(row.company), stars, row.sourced_by, row.found_on)
    if dropped:
        table.caption = f"{NO} {cited(t('act.drop_impure'), rules.CLAUSES['redsea'])}"
        table.caption_justify = "left"
    return table


def notices_table(rows: Iterable[Notice]) -> Table:
    from rich.text import Text

    notices = list(rows)
    # Team mode: the login whose command wrote each notice, when any is known.
    logins = any(n.recorded_by_login for n in notices)
    headers = [t("ui.date"), t("ui.name"), t("ui.kind"), t("ui.delta"), t("ui.rule")]
    table = new_table(*headers, *([t("ui.recorded_by")] if logins else []), t("ui.prospect"),
                      title=t("ui.notices"))
    for col in table.columns[:-1]:
        col.no_wrap = True
    for n in notices:
        style = {"praise": "green", "criticism": "red"}.get(n.kind, "dim")  # voided: withdrawn
        login = [n.recorded_by_login or ""] if logins else []
        table.add_row(n.date, n.staff, Text(t(f"notice.{n.kind}"), style=style),
                      f"{n.delta:+d}", cited(rule_name(n.rule), n.clause), *login,
                      Prose(f"#{n.prospect_id} {n.company or ''}"))
    return table


def advice_table(items: Iterable[rules.Reason]) -> Table:
    table = new_table(t("ui.clause"), t("ui.rule"), t("ui.advice"))
    table.columns[0].no_wrap = True
    table.columns[1].no_wrap = True
    for item in items:
        done = item.params.get("done")  # a next action a follow-up carried out (Q5)
        table.add_row(item.clause, rule_name(item.rule), Prose(
            explain(item) + (t("closing.action_done", day=done) if done else "")))
    return table


def empty(key: str, **params: Any) -> Text:
    """What an empty list says, in words."""
    from rich.text import Text

    return Text(t(key, **params), style="dim")


def warnings_of(warnings: Iterable[rules.Reason]) -> tuple[str, ...]:
    return tuple(t("ui.warning_line", text=explain(w), clause=w.clause) for w in warnings)


def likely_why(reasons: Sequence[str]) -> str:
    """A likely duplicate's typo and the facts that agree, in words: 名称同音、电话相同."""
    typo, *facts = reasons
    return listed([t(f"dup.{typo}"), *(t(f"likely.fact.{f}") for f in facts)])


def record_words(record: str) -> str:
    """A record a difference names, in words: ``visit:12``, ``entry visit:12:sweep[:back]``,
    ``notice ...``, ``entry entry:5:back`` (what gives a manager's adjustment back)."""
    kind, _sp, key = record.partition(" ")
    if not key:  # visit:12
        return t("diff.visit", id=record.partition(":")[2])
    parts = key.split(":")
    back = t("diff.back") if parts[-1] == "back" else ""
    if parts[0] == "visit" and len(parts) >= 3:
        text = t(f"diff.{kind}_of", visit=parts[1], rule=rule_name(parts[2]))
    elif parts[0] == "entry" and len(parts) >= 2:
        text = t("diff.adjustment", id=parts[1])
    elif kind == "likely":  # likely 3-7: a kept pair of likely duplicates
        first, _dash, second = key.partition("-")
        text = t("diff.likely_of", first=first, second=second)
    else:
        text = f"{kind} {key}"
    return text + back


def difference_line(diff: Any, names: dict[int, str] | None = None,
                    key: str = "diff.line") -> str:
    """A difference between what is kept and what the rules derive (``outcomes.Difference``),
    in words: the record, what differs, kept and derived (``key``: as a check reports it, or
    ``diff.changed`` as a change made)."""
    what = t(f"diff.{diff.what}") if f"diff.{diff.what}" in MESSAGES else diff.what
    people = names or {}

    def shown(value: Any, key: str | None = None) -> str:
        if value is None:
            return t("diff.none")
        if isinstance(value, bool):
            return t("ui.yes") if value else t("ui.no")
        if isinstance(value, dict) and list(value) == ["delta"]:
            return shown(value["delta"], "delta")
        if isinstance(value, dict):
            return ("；" if current_lang() == "zh" else "; ").join(
                f"{t('diff.field.' + k) if 'diff.field.' + k in MESSAGES else k}"
                f"{colon()}{shown(v, k)}" for k, v in value.items())
        if isinstance(value, list):
            return "、".join(shown(v, key) for v in value) if value else t("diff.none")
        if key in ("staff_id", "by_id") and isinstance(value, int):
            return people.get(value, str(value))
        if key == "rule" and isinstance(value, str):
            return rule_name(value)
        if isinstance(value, str) and f"flag.{value}" in MESSAGES and diff.what == "flags":
            return t(f"flag.{value}")
        if isinstance(value, str) and diff.what == "likely_pair":  # same-sound:phone,...
            typo, _colon, facts = value.partition(":")
            return likely_why([typo, *facts.split(",")])
        if isinstance(value, str) and diff.what == "question":
            return t(f"question.{value}")
        if isinstance(value, str) and f"notice.{value}" in MESSAGES:
            return t(f"notice.{value}")
        if isinstance(value, int) and (key == "delta" or key is None and diff.what in (
                "entry", "notice")):
            return f"{value:+d}"
        return str(value)

    return t(key, record=record_words(diff.record), what=what, stored=shown(diff.stored),
             derived=shown(diff.derived))
