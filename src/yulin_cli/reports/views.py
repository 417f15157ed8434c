"""Ratings and reports: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from yulin_cli import rules
from yulin_cli.i18n import cited, colon, explain, t
from yulin_cli.render import (
    Prose,
    Screen,
    empty,
    more_line,
    new_table,
    notices_table,
    quota_bar,
    ranking_table,
    rating_view,
    stars_text,
    verdict_line,
    view,
)
from yulin_cli.reports.service import DailyReport, ManagerView, NoticeBoard, Ranking, RatingResult


@view.register
def _(result: RatingResult) -> Group:
    return rating_view(result.prospect_id, result.company, result.rating)


@view.register
def _(result: Ranking) -> Screen:
    if not result.rated:
        return Screen((empty("empty.ranking"),))
    parts: list[RenderableType | str] = [ranking_table(result.rated, title=t("ui.ranking"))]
    parts += more_line(result.page, "ui.more_ranking")
    if result.unvisited:
        parts.append(Prose(cited(t("ui.unvisited", count=result.unvisited), "Q5")))
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
    for col in people.columns[3:]:
        col.justify = "right"
    for p in report.people:
        quality = Text(f"{p.quality_found} ")
        if p.quota_met is not None:
            quality = Text(f"{p.quality_found}/{quota.per_day} ")
            quality.append_text(quota_bar(p.quality_found, quota.per_day))
        roles = "".join(t(f"role.short.{r}") for r in p.roles)  # keeps the table narrow
        people.add_row(p.name, roles, quality, str(p.verifications), str(p.visits),
                       str(p.effective_visits), f"{p.points_today:+d}", str(p.points_total))
    parts: list[RenderableType] = [title, quota_line, people]
    parts.append(notices_table(report.notices) if report.notices
                 else Text(f"{t('ui.notices')}{colon()}{t('ui.none')}"))
    if report.attention:
        lines = [Prose(f"• {cited(explain(a.message), a.clause)}", indent=2)
                 for a in report.attention]
        parts.append(Panel(Group(*lines), title=t("ui.attention"), title_align="left",
                           border_style="yellow", expand=False))
    else:
        parts.append(Text(f"{t('ui.attention')}{colon()}{t('ui.none')}"))
    return Group(*parts)


@view.register
def _(result: ManagerView) -> Group:
    parts: list[RenderableType] = []
    if result.take_now:
        table = new_table(t("ui.id"), t("ui.company"), t("ui.stars"), t("ui.deal_value"),
                       title=t("ui.take_now"))
        actions: list[rules.Reason] = []
        for p, rating in result.take_now:
            table.add_row(str(p.id), Prose(p.company), stars_text(rating.stars),
                          f"{p.deal_value or 0:,}")
            actions += [a for a in rating.next_actions if a not in actions]
        parts.append(table)
        parts.append(Text(t("ui.next_actions"), style="bold"))
        parts += [verdict_line(a, "→") for a in actions]
    elif result.upgrade_visits:
        parts.append(Text(t("ui.upgrade_visits"), style="bold"))
        for u in result.upgrade_visits:
            parts.append(Prose(f"#{u.prospect_id} {u.company}（{t('ui.pcs', count=u.pcs)}）"))
            parts += [verdict_line(task, "→") for task in result.tasks]
    else:
        parts.append(Text(t("ui.nothing_for_managers")))
    return Group(*parts)


@view.register
def _(result: NoticeBoard) -> RenderableType:
    shown = tuple(result.notices)
    if not shown:
        return Text(f"{t('ui.notices')}{colon()}{t('ui.none')}")
    return Group(notices_table(shown), *more_line(result.page, "ui.earlier"))
