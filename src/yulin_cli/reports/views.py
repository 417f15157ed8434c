"""Ratings and reports: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from yulin_cli.i18n import explain, t
from yulin_cli.render import (
    Screen,
    new_table,
    notices_table,
    quota_bar,
    ranking_table,
    rating_view,
    stars_text,
    view,
)
from yulin_cli.reports.service import DailyReport, ManagerView, NoticeBoard, Ranking, RatingResult


@view.register
def _(result: RatingResult) -> Group:
    return rating_view(result.prospect_id, result.company, result.rating)


@view.register
def _(result: Ranking) -> Screen:
    parts: list[RenderableType | str] = [ranking_table(result.rated, title=t("ui.ranking"))]
    if result.unvisited:
        parts.append(Text(t("ui.unvisited", count=result.unvisited)))
    return Screen(tuple(parts))


@view.register
def _(report: DailyReport) -> Group:
    quota = report.quota
    title = Text(t("ui.daily_report", date=report.date), style="bold")
    if report.center:
        title.append(f"  {report.center}")
    quota_line = Text(t("ui.quota_active", per_day=quota.per_day) if quota.active
                      else t("ui.quota_off"), style="dim")
    people = new_table(t("ui.name"), t("ui.roles"), t("ui.quality"), t("ui.rounds"),
                    t("ui.visits"), t("ui.effective"), t("ui.points_today"),
                    t("ui.points_total"))
    doubted = any(p.flagged_visits for p in report.people)
    if doubted:  # only on a day with doubted visits: the table stays within 80 columns
        people.add_column(t("ui.flagged_visits"))
    for col in people.columns[3:]:
        col.justify = "right"
    for p in report.people:
        quality = Text(f"{p.quality_found} ")
        if p.quota_met is not None:
            quality = Text(f"{p.quality_found}/{quota.per_day} ")
            quality.append_text(quota_bar(p.quality_found, quota.per_day))
        roles = "".join(r[0].upper() for r in p.roles)  # P V M: keeps the table narrow
        cells: list[RenderableType] = [
            p.name, roles, quality, str(p.verifications), str(p.visits),
            str(p.effective_visits), f"{p.points_today:+d}", str(p.points_total)]
        if doubted:
            cells.append(str(p.flagged_visits or ""))
        people.add_row(*cells)
    parts: list[RenderableType] = [title, quota_line, people]
    parts.append(notices_table(report.notices) if report.notices
                 else Text(f"{t('ui.notices')}: {t('ui.none')}"))
    if report.attention:
        lines = [Text(f"• {explain(a.message)}") for a in report.attention]
        parts.append(Panel(Group(*lines), title=t("ui.attention"), title_align="left",
                           border_style="yellow", expand=False))
    else:
        parts.append(Text(f"{t('ui.attention')}: {t('ui.none')}"))
    return Group(*parts)


@view.register
def _(result: ManagerView) -> Group:
    parts: list[RenderableType] = []
    if result.take_now:
        table = new_table(t("ui.id"), t("ui.company"), t("ui.stars"), t("ui.deal_value"),
                       title=t("ui.take_now"))
        actions: list[str] = []
        for p, rating in result.take_now:
            table.add_row(str(p.id), p.company, stars_text(rating.stars),
                          f"{p.deal_value or 0:,}")
            actions += [a for a in map(explain, rating.next_actions) if a not in actions]
        parts.append(table)
        parts.append(Text(t("ui.next_actions"), style="bold"))
        parts += [Text(f"  → {a}") for a in actions]
    elif result.upgrade_visits:
        parts.append(Text(t("ui.upgrade_visits"), style="bold"))
        tasks = [explain(task) for task in result.tasks]
        for u in result.upgrade_visits:
            parts.append(Text(f"#{u.prospect_id} {u.company} ({u.pcs} PCs)"))
            parts += [Text(f"  → {task}") for task in tasks]
    else:
        parts.append(Text(t("ui.nothing_for_managers")))
    return Group(*parts)


@view.register
def _(result: NoticeBoard) -> RenderableType:
    return notices_table(result.notices) if result.notices else Text(
        f"{t('ui.notices')}: {t('ui.none')}")
