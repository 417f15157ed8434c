"""Ratings and reports: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from yulin_cli import rules
from yulin_cli.i18n import cited, colon, current_lang, explain, listed, rule_name, t
from yulin_cli.render import (
    NO,
    OK,
    Command,
    Prose,
    Screen,
    bar,
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
from yulin_cli.reports.service import (
    ATTENTION_KINDS,
    AttentionItem,
    AttentionList,
    DailyReport,
    ManagerView,
    NoticeBoard,
    PersonDay,
    Ranking,
    RatingResult,
    Summary,
    found_heading,
    shell_word,
)
from yulin_cli.results import Page
from yulin_cli.wrapping import whole


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


def attention_groups(items: Sequence[AttentionItem], per_kind: int | None,
                     more_args: str = "", of: Sequence[AttentionItem] = ()
                     ) -> list[RenderableType]:
    """Attention items by kind, oldest first, ``per_kind`` of each (None: all), then how many
    more there are and the command that lists them. Counts are of ``of`` when the items are
    one screen of a longer list."""
    parts: list[RenderableType] = []
    for kind in ATTENTION_KINDS:
        mine = [a for a in items if a.kind == kind]
        if not mine:
            continue
        name = kind.replace("-", "_")
        total = sum(1 for a in of if a.kind == kind) if of else len(mine)
        head = cited(t(f"attention.kind_{name}"), mine[0].clause)
        parts.append(Text(f"{head}{colon()}{total:,}", style="bold"))
        shown = mine if per_kind is None else mine[:per_kind]
        for a in shown:
            message = explain(a.message)
            if a.company and a.company not in message:
                message = f"#{a.prospect_id} {a.company} — {message}"
            parts.append(Prose(f"• {message}", indent=4, first_indent=2))
            who = a.staff or t("ui.any_manager")
            # The command on a line of its own, broken only with shell continuations.
            parts.append(Text(f"    {t('ui.who_acts', who=who)}", style="dim"))
            parts.append(Command(a.command_in(), lead="      → ", style="dim"))
        if len(mine) > len(shown):
            # The command lists exactly the items left out: this kind, after those shown.
            more = len(mine) - len(shown)
            every = " --all" if more > SCREEN else ""
            parts.append(Prose(t("ui.and_more", count=f"{more:,}", command=(
                f"yulin attention --kind {kind}{more_args} --skip {len(shown)}{every}")),
                style="yellow"))
    return parts


# Items the `attention` command shows on one screen (its --limit by default).
SCREEN = 50


def _more_args(date: str, center: str | None) -> str:
    args = f" --date {date}"
    return args + (f" --center {shell_word(center)}" if center else "")


@view.register
def _(result: AttentionList) -> Group:
    title = Text(t("ui.attention_of", date=result.date), style="bold")
    if result.center:
        title.append(f"  {result.center}")
    if not result.items:
        return Group(title, Text(t("ui.none")))
    shown = result.items if result.limit is None else result.items[:result.limit]
    parts: list[RenderableType] = [title, *attention_groups(shown, None, of=result.items)]
    if len(result.items) > len(shown):
        # The rest of this list, exactly: the same filters, after the items shown.
        rule = f" --rule {result.rule}" if result.rule else ""
        kind = f" --kind {result.kind}" if result.kind else ""
        parts.append(Prose(t("ui.and_more", count=f"{len(result.items) - len(shown):,}",
                             command=f"yulin attention{rule}{kind}"
                             f"{_more_args(result.date, result.center)}"
                             f" --skip {result.skip + len(shown)} --all"),
                           style="yellow"))
        # Kinds the screen never reached, each with its count and its own list.
        hidden = [kind for kind in ATTENTION_KINDS
                  if not any(a.kind == kind for a in shown)
                  and any(a.kind == kind for a in result.items)]
        if hidden:
            parts.append(Text(t("ui.attention_rest"), style="bold"))
        for kind in hidden:
            mine = [a for a in result.items if a.kind == kind]
            head = cited(t(f"attention.kind_{kind.replace('-', '_')}"), mine[0].clause)
            parts.append(Text(f"  {head}{colon()}{len(mine):,}"))
            parts.append(Command(f"yulin attention --kind {kind}"
                                 f"{_more_args(result.date, result.center)}", lead="    → "))
    return Group(*parts)


def _found_today(report: DailyReport) -> RenderableType:
    lines: list[RenderableType] = [Text(t(found_heading(report.date)), style="bold")]
    for p in report.people:
        quality = [f"#{f.prospect_id} {whole(f.company)}" for f in p.found_today if f.quality]
        if quality:
            lines.append(Prose(f"  {p.name}{colon()}" + listed(quality), indent=4,
                               first_indent=0))
    if len(lines) == 1:
        lines.append(Text(f"  {t('ui.none')}", style="dim"))
    return Group(*lines)


# People folded into the daily report's "nothing recorded" line that it names.
IDLE_NAMES = 8


def _idle(p: PersonDay) -> bool:
    """Not a prospector, and every figure of the report's day 0 (follow-ups, inspections and
    plans are not among them)."""
    return ("prospector" not in p.roles and not p.found_today
            and not (p.quality_found or p.verifications or p.visits or p.effective_visits
                     or p.points_today or p.flagged_visits))


def _team_line(report: DailyReport) -> Text:
    totals = report.team
    met = (t("ui.team_quota", met=totals.prospectors_meeting_quota, of=totals.prospectors)
           if totals.prospectors_meeting_quota is not None else t("ui.quota_off"))
    return Text(t("ui.team_line", quality=totals.quality_found, met=met, visits=totals.visits,
                  effective=totals.effective_visits, points=totals.points_today))


def _tomorrow(report: DailyReport) -> RenderableType:
    if not report.tomorrow:
        return Text(f"{t('ui.tomorrow')}{colon()}{t('ui.none')}")
    table = new_table(t("ui.date"), t("ui.visitor"), t("ui.prospect"), t("ui.ready_col"),
                      title=cited(t("ui.tomorrow"), rules.CLAUSES["readiness"]))
    table.columns[0].no_wrap = True
    for v in report.tomorrow:
        ready = (Text(OK, style="green") if v.ready
                 else Prose(f"{NO} " + listed([rule_name(r) for r in v.failing]),
                            style="bold red"))
        table.add_row(v.date, v.visitor, Prose(f"#{v.prospect_id} {v.company}"), ready)
    not_ready = sum(1 for v in report.tomorrow if not v.ready)
    if not_ready:
        table.caption = t("ui.tomorrow_not_ready", count=not_ready)
        table.caption_justify = "left"
    return table


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
    # Someone who does not prospect and whose every figure is 0 that day has no row to read:
    # a big centre's managers would fill a screen with zeros. One line names them (the quota
    # makes a prospector's empty day news, so prospectors always keep their rows).
    idle: list[PersonDay] = []
    for p in report.people:
        if _idle(p):
            idle.append(p)
            continue
        quality = Text(f"{p.quality_found} ")
        if p.quota_met is not None:
            quality = Text(f"{p.quality_found}/{quota.per_day} ")
            quality.append_text(quota_bar(p.quality_found, quota.per_day))
        # Short words keep the table narrow: 领导/走访 in Chinese, MV in English.
        roles = ("/" if current_lang() == "zh" else "").join(t(f"role.short.{r}")
                                                           for r in p.roles)
        row: list[RenderableType] = [
            p.name, roles, quality, str(p.verifications), str(p.visits),
            str(p.effective_visits), f"{p.points_today:+d}", str(p.points_total)]
        if doubted:
            row.append(str(p.flagged_visits or ""))
        people.add_row(*row)
    parts: list[RenderableType] = [title, quota_line, people]
    if idle:
        names = listed([whole(p.name) for p in idle[:IDLE_NAMES]])
        if len(idle) > IDLE_NAMES:
            names = t("ui.names_more", names=names, more=len(idle) - IDLE_NAMES)
        parts.append(Prose(t("ui.people_idle", count=len(idle), date=report.date,
                             names=names), style="dim"))
    parts += [_team_line(report), _found_today(report)]
    parts.append(notices_table(report.notices) if report.notices
                 else Text(f"{t('ui.notices')}{colon()}{t('ui.none')}"))
    if report.attention:
        parts.append(Panel(Group(*attention_groups(report.attention, report.per_kind,
                                                   _more_args(report.date, report.center))),
                           title=t("ui.attention"), title_align="left", border_style="yellow",
                           expand=False))
    else:
        parts.append(Text(f"{t('ui.attention')}{colon()}{t('ui.none')}"))
    parts.append(_tomorrow(report))
    return Group(*parts)


def _bars(title: str, rows: Sequence[tuple[str, int, str]], style: str = "cyan",
          notes: Sequence[str] | None = None) -> Group:
    """A bar chart under its title: label, figure, bar (the longest bar 30 cells); with
    ``notes``, a column of words after each figure (the days a prospector met the quota)."""
    table = new_table("", "", *([""] if notes is not None else []), "")
    table.show_header = False
    table.columns[1].justify = "right"
    most = max((abs(value) for _label, value, _shown in rows), default=0)
    for n, (label, value, shown) in enumerate(rows):
        table.add_row(label, shown, *([notes[n]] if notes is not None else []),
                      bar(value, most, style=style))
    return Group(Text(title, style="bold"), table)


@view.register
def _(result: Summary) -> Group:
    title = Text(t("ui.summary", date_from=result.date_from, date_to=result.date_to),
                 style="bold")
    if result.center:
        title.append(f"  {result.center}")
    parts: list[RenderableType] = [title, _bars(
        t("ui.funnel", date=result.date_to),
        [(t(f"funnel.{stage}"), count, str(count)) for stage, count in result.funnel.items()])]
    if result.prospectors:
        # The days met in a column of their own (blank for someone with no quota day in the
        # period), so the figures before them line up.
        days = [t("ui.days_met", met=p.days_met[0], of=p.days_met[1]) if p.days_met[1] else ""
                for p in result.prospectors]
        parts.append(_bars(t("ui.prospectors_period"),
                           [(p.name, p.quality_found, str(p.quality_found))
                            for p in result.prospectors], style="green", notes=days))
    if result.visitors:
        parts.append(_bars(t("ui.visitors_period"),
                           [(v.name, v.effective_visits, f"{v.effective_visits} ({v.visits})")
                            for v in result.visitors], style="green"))
    moved = [p for p in result.points if p.delta]
    if moved:
        # Those whose points moved; the rest in one line (JSON lists everyone).
        parts.append(_bars(t("ui.points_period"),
                           [(p.name, p.delta, f"{p.delta:+d}") for p in moved],
                           style="yellow"))
    if len(moved) < len(result.points):
        parts.append(Text(t("ui.points_unchanged", count=len(result.points) - len(moved)),
                          style="dim"))
    return Group(*parts)


@view.register
def _(result: ManagerView) -> Group:
    parts: list[RenderableType] = []
    limit = result.limit
    if result.take_now:
        table = new_table(t("ui.id"), t("ui.company"), t("ui.stars"), t("ui.deal_value"),
                       title=t("ui.take_now"))
        actions: list[rules.Reason] = []
        shown = result.take_now[:limit]
        for p, rating in shown:
            table.add_row(str(p.id), Prose(p.company), stars_text(rating.stars),
                          f"{p.deal_value or 0:,}")
            actions += [a for a in rating.next_actions if a not in actions]
        parts.append(table)
        parts += more_line(Page(len(shown), len(result.take_now)))
        parts.append(Text(t("ui.next_actions"), style="bold"))
        parts += [verdict_line(a, "→") for a in actions]
    elif result.upgrade_visits:
        parts.append(Text(t("ui.upgrade_visits"), style="bold"))
        upgrades = result.upgrade_visits[:limit]
        for u in upgrades:
            parts.append(Prose(f"#{u.prospect_id} {u.company}（{t('ui.pcs', count=u.pcs)}）"))
            parts += [verdict_line(task, "→") for task in result.tasks]
        parts += more_line(Page(len(upgrades), len(result.upgrade_visits)))
    else:
        parts.append(Text(t("ui.nothing_for_managers")))
    return Group(*parts)


@view.register
def _(result: NoticeBoard) -> RenderableType:
    shown = tuple(result.notices)
    if not shown:
        return Text(f"{t('ui.notices')}{colon()}{t('ui.none')}")
    return Group(notices_table(shown), *more_line(result.page, "ui.earlier"))
