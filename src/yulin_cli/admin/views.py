"""Administration: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import RenderableType

from yulin_cli.admin.copying import Copied
from yulin_cli.admin.service import (
    BackedUp,
    DemoResult,
    Health,
    Upgraded,
)
from yulin_cli.i18n import cited, colon, t
from yulin_cli.render import (
    NO,
    OK,
    Prose,
    Screen,
    difference_line,
    ranking_table,
    view,
)
from yulin_cli.reports import views as _reports  # noqa: F401  (the demo shows the report)


@view.register
def _(result: BackedUp) -> str:
    return t("ui.backed_up", path=result.path, size=result.bytes)


SHOWN_DIFFERENCES = 50  # --json holds every one


@view.register
def _(result: Health) -> Screen:
    lines: list[RenderableType | str] = [
        f"{OK if c.ok else NO} {t('check.' + c.check)}{colon()}"
        + (t(c.code, **(c.params or {})) if c.code else c.detail) for c in result.checks]
    if result.upgrade_needed:
        lines.append(t("ui.upgrade_needed"))
    for diff in (result.differences or ())[:SHOWN_DIFFERENCES]:
        lines.append(Prose("  " + difference_line(diff, result.names), indent=4, first_indent=0))
    if result.differences and len(result.differences) > SHOWN_DIFFERENCES:
        lines.append(t("ui.more", count=len(result.differences) - SHOWN_DIFFERENCES))
    return Screen(tuple(lines))


@view.register
def _(result: Upgraded) -> str:
    return t("ui.upgraded" if result.upgraded else "ui.up_to_date",
             before=result.before or "-", after=result.after)


@view.register
def _(result: Copied) -> str:
    return t("ui.copied", rows=result.rows, tables=len(result.tables), target=result.target)


@view.register
def _(result: DemoResult) -> Screen:
    ranked = [(p, r) for p, r in result.ranking.rated if r.stars > 0]
    parts: list[RenderableType | str] = [
        t("ui.demo_loaded" if result.loaded else "ui.demo_already", target=result.target),
        view(result.daily_report),  # type: ignore[list-item]
        ranking_table(ranked, title=t("ui.ranking"))]
    if result.ranking.unvisited:
        parts.append(Prose(cited(t("ui.unvisited", count=result.ranking.unvisited), "Q5")))
    return Screen(tuple(parts))
