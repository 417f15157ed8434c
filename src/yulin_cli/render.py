"""The human view of every result: ``view`` dispatches on the result's type. Never queries.

Each slice's ``views`` module registers the views of its results; this module holds the
dispatcher and the pieces they share (tables, stars, readiness and rating views).

A view returns a Rich renderable, plain text (printed as is, never wrapped), or a ``Screen``
with parts for stdout and warnings for stderr. ``show`` prints it; ``--json`` never comes here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import singledispatch
from typing import Any

import typer
from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from yulin_cli import rules
from yulin_cli.i18n import explain, t
from yulin_cli.results import Result
from yulin_cli.team.queries import Notice

OK, NO = "✓", "✗"


@dataclass(frozen=True, slots=True)
class Screen:
    """What a view prints: parts for stdout, and warnings for stderr."""

    out: tuple[RenderableType | str, ...] = ()
    err: tuple[str, ...] = ()


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def show(result: Result) -> None:
    """Prints the human view of ``result``."""
    _load_views()
    shown = view(result)
    screen = shown if isinstance(shown, Screen) else Screen((shown,))
    for warning in screen.err:
        typer.echo(warning, err=True)
    out = console()
    for part in screen.out:
        if isinstance(part, str):
            typer.echo(part)
        else:
            out.print(part)


def show_checks(checks: Sequence[rules.Reason]) -> None:
    """The failing checks of a refused plan, before its one-line refusal."""
    console().print(checks_table(checks))


@singledispatch
def view(result: Result) -> RenderableType | str | Screen:
    """The human view of a result; each slice's ``views`` module registers its own."""
    raise NotImplementedError(f"no view for {type(result).__name__}")


def _load_views() -> None:
    """Registers every slice's views (they import this module, so not at the top)."""
    from yulin_cli.admin import views as _admin  # noqa: F401
    from yulin_cli.data import views as _data  # noqa: F401
    from yulin_cli.deals import views as _deals  # noqa: F401
    from yulin_cli.guidance import views as _guidance  # noqa: F401
    from yulin_cli.prospects import views as _prospects  # noqa: F401
    from yulin_cli.reports import views as _reports  # noqa: F401
    from yulin_cli.server import views as _server  # noqa: F401
    from yulin_cli.team import views as _team  # noqa: F401
    from yulin_cli.visits import views as _visits  # noqa: F401


# --- pieces -------------------------------------------------------------------------------------


def new_table(*headers: str, title: str | None = None) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False,
                  expand=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def with_login(name: str, login: str | None) -> str:
    """A person's name and, in team mode, the login that recorded the row: ``张伟 (zhangwei)``."""
    return f"{name} ({login})" if login else name


def lines_of(*lines: str) -> str:
    return "\n".join(lines)


def stars_text(stars: int) -> Text:
    return Text("★" * stars + "☆" * (5 - stars), style="yellow" if stars else "dim")


def quota_bar(found: int, per_day: int, width: int = 5) -> Text:
    """A small bar of quota progress: filled cells out of ``per_day`` (at most ``width``)."""
    cells = max(1, min(per_day, width))
    filled = cells if per_day == 0 else min(cells, round(cells * found / per_day))
    done = per_day == 0 or found >= per_day
    return Text("▮" * filled + "▯" * (cells - filled), style="green" if done else "red")


def checks_table(checks: Sequence[rules.Reason]) -> Table:
    table = new_table("", t("ui.check"), t("ui.why"), t("ui.next"))
    table.columns[0].width = 1
    table.columns[1].no_wrap = True
    for check in checks:
        mark = Text(OK, style="green") if check.ok else Text(NO, style="bold red")
        table.add_row(mark, check.rule, explain(check), t(check.fix) if check.fix else "")
    return table


def readiness_view(prospect_id: int, company: str, readiness: rules.Readiness) -> Group:
    head = Text(f"#{prospect_id} {company}: ", style="bold")
    head.append(t("ui.ready") if readiness.ready else t("ui.not_ready"),
                style="bold green" if readiness.ready else "bold red")
    return Group(head, checks_table(readiness.checks))


def rating_view(prospect_id: int, company: str, rating: rules.Rating) -> Group:
    parts: list[RenderableType] = [Text.assemble((f"#{prospect_id} {company}  ", "bold"),
                                                 stars_text(rating.stars))]
    parts += [Text(f"  · {explain(r)}") for r in rating.reasons]
    if rating.lift:
        parts.append(Text(t("ui.lift"), style="bold"))
        parts += [Text(f"  ↑ {explain(r)}") for r in rating.lift]
    if rating.next_actions:
        parts.append(Text(t("ui.next_actions"), style="bold"))
        parts += [Text(f"  → {explain(r)}") for r in rating.next_actions]
    return Group(*parts)


def ranking_table(rated: Iterable[tuple[Any, rules.Rating]], title: str | None = None) -> Table:
    table = new_table(t("ui.id"), t("ui.company"), t("ui.stars"), t("ui.source"), t("ui.found_on"),
                   title=title)
    dropped = False
    for row, rating in rated:
        stars = stars_text(rating.stars)
        if not rating.worth_following:
            stars.append(f" {NO}", style="bold red")
            dropped = True
        table.add_row(str(row.id), row.company, stars, row.sourced_by, row.found_on)
    if dropped:
        table.caption = f"{NO} {t('act.drop_impure')} (Q18)"
        table.caption_justify = "left"
    return table


def notices_table(rows: Iterable[Notice]) -> Table:
    notices = list(rows)
    # Team mode: the login whose command wrote each notice, when any is known.
    logins = any(n.recorded_by_login for n in notices)
    headers = [t("ui.date"), t("ui.name"), t("ui.kind"), t("ui.delta"), t("ui.rule")]
    table = new_table(*headers, *([t("ui.recorded_by")] if logins else []), t("ui.prospect"),
                      title=t("ui.notices"))
    for col in table.columns[:-1]:
        col.no_wrap = True
    table.columns[-1].overflow = "ellipsis"
    table.columns[-1].no_wrap = True
    table.columns[-1].max_width = 14 if logins else 22
    for n in notices:
        style = "green" if n.kind == "praise" else "red"
        login = [n.recorded_by_login or ""] if logins else []
        table.add_row(n.date, n.staff, Text(t(f"notice.{n.kind}"), style=style),
                      f"{n.delta:+d}", n.rule, *login, f"#{n.prospect_id} {n.company or ''}")
    return table


def advice_table(items: Iterable[rules.Reason]) -> Table:
    table = new_table(t("ui.clause"), t("ui.rule"), t("ui.advice"))
    table.columns[0].no_wrap = True
    for item in items:
        table.add_row(item.clause, item.rule, explain(item))
    return table


def warnings_of(warnings: Iterable[rules.Reason]) -> tuple[str, ...]:
    return tuple(f"{t('ui.warning')}: {explain(w)}" for w in warnings)
