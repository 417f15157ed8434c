"""The saved reports of this slice (``--save``): the evening report, attention, the period
summary, the ranking and the managers' view, each result's ``Doc`` (``documents.builders``)."""

from __future__ import annotations

from collections.abc import Sequence

from yulin_cli import rules
from yulin_cli.documents import Bar, Block, Cell, Chart, Doc, Item, Items, Line, Section, Table
from yulin_cli.documents.builders import NO, OK, build, center_of, day_of_report, num, star_line
from yulin_cli.i18n import cited, colon, current_lang, explain, listed, rule_name, t
from yulin_cli.records import Notice
from yulin_cli.reports.service import (
    ATTENTION_KINDS,
    AttentionItem,
    AttentionList,
    DailyReport,
    ManagerView,
    Ranking,
    Summary,
    found_heading,
    shell_word,
)

# --- attention, in the evening report and on its own ------------------------------------------


def _more_args(date: str, center: str | None) -> str:
    args = f" --date {date}"
    return args + (f" --center {shell_word(center)}" if center else "")


def _attention_sections(items: Sequence[AttentionItem], per_kind: int | None, more_args: str,
                        of: Sequence[AttentionItem] = ()) -> list[Items]:
    """Attention items by kind, as the terminal view groups them, with the command that lists
    the ones left out."""
    groups: list[Items] = []
    for kind in ATTENTION_KINDS:
        mine = [a for a in items if a.kind == kind]
        if not mine:
            continue
        total = sum(1 for a in of if a.kind == kind) if of else len(mine)
        name = kind.replace("-", "_")
        heading = f"{cited(t(f'attention.kind_{name}'), mine[0].clause)}{colon()}{total}"
        shown = mine if per_kind is None else mine[:per_kind]
        entries = []
        for a in shown:
            message = explain(a.message)
            if a.company and a.company not in message:
                message = f"#{a.prospect_id} {a.company} — {message}"
            entries.append(Item(message, a.staff or t("ui.any_manager"), a.command_in()))
        more = ""
        if len(mine) > len(shown):
            left = len(mine) - len(shown)
            every = " --all" if left > 50 else ""
            more = t("ui.and_more", count=left, command=(
                f"yulin attention --kind {kind}{more_args} --skip {len(shown)}{every}"))
        groups.append(Items(tuple(entries), heading, more))
    return groups


def _kind_name(kind: str) -> str:
    name = kind.replace("-", "_")
    return t(f"attention.kind_{name}")


def _attention_table(items: Sequence[AttentionItem]) -> Table:
    """Every item as a row, for the workbook."""
    rows = tuple((Cell(_kind_name(a.kind)), Cell(a.date),
                  num(a.prospect_id), Cell(a.company), Cell(explain(a.message)),
                  Cell(a.staff or t("ui.any_manager")), Cell(a.command_in())) for a in items)
    return Table((t("saved.col.kind"), t("ui.date"), t("ui.id"), t("ui.company"),
                  t("saved.col.what"), t("saved.col.who"), t("saved.col.command")), rows,
                 frozenset({2}), shown=False, sheet=t("ui.attention"))


# --- the evening report ------------------------------------------------------------------------


@build.register
def _(report: DailyReport) -> Doc:
    quota = report.quota
    doubted = any(p.flagged_visits for p in report.people)
    headers = [t("ui.name"), t("ui.roles"), t("ui.quality"), t("ui.rounds"), t("ui.visits"),
               t("ui.effective"), t("ui.points_today"), t("ui.points_total")]
    if doubted:
        headers.append(t("ui.flagged_visits"))
    rows = []
    joiner = "/" if current_lang() == "zh" else " "
    for p in report.people:
        if p.quota_met is not None:
            done = quota.per_day == 0 or p.quality_found >= quota.per_day
            quality = Cell(f"{p.quality_found}/{quota.per_day}", "good" if done else "bad",
                           p.quality_found,
                           1.0 if quota.per_day == 0 else min(1.0, p.quality_found / quota.per_day))
        else:
            quality = num(p.quality_found)
        cells = [Cell(p.name), Cell(joiner.join(t(f"role.short.{r}") for r in p.roles)), quality,
                 num(p.verifications), num(p.visits), num(p.effective_visits),
                 num(p.points_today, f"{p.points_today:+d}",
                      "good" if p.points_today > 0 else "bad" if p.points_today < 0 else ""),
                 num(p.points_total)]
        if doubted:
            cells.append(num(p.flagged_visits, str(p.flagged_visits or ""),
                              "warn" if p.flagged_visits else ""))
        rows.append(tuple(cells))
    people = Table(tuple(headers), tuple(rows), frozenset(range(2, len(headers))),
                   sheet=t("saved.people"))
    totals = report.team
    team_met = (t("ui.team_quota", met=totals.prospectors_meeting_quota, of=totals.prospectors)
                if totals.prospectors_meeting_quota is not None else t("ui.quota_off"))
    team_line = Line(t("ui.team_line", quality=totals.quality_found, met=team_met,
                       visits=totals.visits, effective=totals.effective_visits,
                       points=totals.points_today))
    found = tuple((Cell(p.name), Cell(listed([f"#{f.prospect_id} {f.company}"
                                               for f in p.found_today if f.quality])))
                  for p in report.people if any(f.quality for f in p.found_today))
    sections = [
        Section(t("saved.people"), (people, team_line)),
        Section(t(found_heading(report.date)), (Table((t("ui.name"), t("ui.prospect")), found,
                                             sheet=t("saved.found_sheet")),)
                if found else (Line(t("ui.none"), "muted"),)),
        Section(t("ui.notices"), (_notices(report.notices),) if report.notices
                else (Line(t("ui.none"), "muted"),)),
    ]
    if report.attention:
        sections.append(Section(t("ui.attention"), (
            *_attention_sections(report.attention, report.per_kind,
                                 _more_args(report.date, report.center)),
            _attention_table(report.attention))))
    else:
        sections.append(Section(t("ui.attention"), (Line(t("ui.none"), "muted"),)))
    sections.append(_tomorrow(report))
    lead = Line(t("ui.quota_active", per_day=quota.per_day) if quota.active
                else t("ui.quota_off"), "muted")
    return Doc("daily-report", t("saved.name.daily-report"), center_of(report.center),
               report.date, tuple(sections), (lead,))


def _notices(notices: Sequence[Notice]) -> Table:
    rows = []
    for n in notices:
        tone = {"praise": "good", "criticism": "bad"}.get(n.kind, "muted")  # voided: withdrawn
        rows.append((Cell(n.date), Cell(n.staff), Cell(t(f"notice.{n.kind}"), tone),
                     num(n.delta, f"{n.delta:+d}", tone), Cell(cited(rule_name(n.rule), n.clause)),
                     Cell(f"#{n.prospect_id} {n.company or ''}")))
    return Table((t("ui.date"), t("ui.name"), t("ui.kind"), t("ui.delta"), t("ui.rule"),
                  t("ui.prospect")), tuple(rows), frozenset({3}), sheet=t("ui.notices"))


def _tomorrow(report: DailyReport) -> Section:
    heading = cited(t("ui.tomorrow"), rules.CLAUSES["readiness"])
    if not report.tomorrow:
        return Section(heading, (Line(t("ui.none"), "muted"),))
    rows = tuple((Cell(v.date), Cell(v.visitor), Cell(f"#{v.prospect_id} {v.company}"),
                  Cell(OK, "good") if v.ready
                  else Cell(f"{NO} " + listed([rule_name(r) for r in v.failing]), "bad"))
                 for v in report.tomorrow)
    not_ready = sum(1 for v in report.tomorrow if not v.ready)
    return Section(heading, (Table(
        (t("ui.date"), t("ui.visitor"), t("ui.prospect"), t("ui.ready_col")), rows,
        caption=t("ui.tomorrow_not_ready", count=not_ready) if not_ready else "",
        sheet=t("saved.tomorrow_sheet")),))


@build.register
def _(result: AttentionList) -> Doc:
    shown = result.items if result.limit is None else result.items[:result.limit]
    blocks: list[Block] = [*_attention_sections(shown, None, _more_args(result.date, result.center),
                                         of=result.items)]
    if not result.items:
        blocks.append(Line(t("ui.none"), "muted"))
    if len(result.items) > len(shown):
        rule = f" --rule {result.rule}" if result.rule else ""
        kind = f" --kind {result.kind}" if result.kind else ""
        blocks.append(Line(t("ui.and_more", count=len(result.items) - len(shown),
                             command=f"yulin attention{rule}{kind}"
                             f"{_more_args(result.date, result.center)}"
                             f" --skip {result.skip + len(shown)} --all"), "warn"))
    if shown:
        blocks.append(_attention_table(shown))
    lead = (Line(cited(rule_name(result.rule), rules.CLAUSES.get(result.rule)), "muted"),) \
        if result.rule else ()
    return Doc("attention", t("saved.name.attention"), center_of(result.center), result.date,
               (Section(t("ui.attention"), tuple(blocks)),), lead)


# --- the period summary ------------------------------------------------------------------------


@build.register
def _(result: Summary) -> Doc:
    sections = [Section(t("ui.funnel", date=result.date_to), (Chart(tuple(
        Bar(t(f"funnel.{stage}"), count, str(count)) for stage, count in result.funnel.items()),
        "info", t("saved.col.count")),))]
    if result.prospectors:
        bars = []
        rows = []
        for p in result.prospectors:
            met, of = p.days_met
            days = t("ui.days_met", met=met, of=of) if of else ""
            bars.append(Bar(p.name, p.quality_found,
                            f"{p.quality_found}" + (f"  {days}" if days else "")))
            rows.append((Cell(p.name), num(p.quality_found),
                         num(met) if of else Cell(""), num(of) if of else Cell("")))
        days_table = Table((t("ui.name"), t("ui.quality"), t("saved.col.days_met"),
                            t("saved.col.days")), tuple(rows), frozenset({1, 2, 3}),
                           shown=False, sheet=t("saved.prospectors_sheet"))
        sections.append(Section(t("ui.prospectors_period"),
                                (Chart(tuple(bars), "good"), days_table)))
    if result.visitors:
        sections.append(Section(t("ui.visitors_period"), (Chart(tuple(
            Bar(v.name, v.effective_visits, f"{v.effective_visits} ({v.visits})")
            for v in result.visitors), "good", t("ui.effective")),)))
    if result.points:
        sections.append(Section(t("ui.points_period"), (Chart(tuple(
            Bar(p.name, p.delta, f"{p.delta:+d}") for p in result.points), "warn",
            t("ui.delta")),)))
    return Doc("summary", t("saved.name.summary"), center_of(result.center),
               t("saved.period", date_from=result.date_from, date_to=result.date_to),
               tuple(sections))


# --- the ranking and the managers' view (as of today) ------------------------------------------


@build.register
def _(result: Ranking) -> Doc:
    rows = []
    dropped = False
    for p, rating in result.rated:
        stars = star_line(rating.stars)
        tone = "warn" if rating.stars else "muted"
        if not rating.worth_following:
            stars += f" {NO}"
            tone = "bad"
            dropped = True
        rows.append((num(p.id), Cell(p.company), Cell(stars, tone, rating.stars),
                     Cell(p.sourced_by), Cell(p.found_on)))
    blocks: list[Block] = []
    if rows:
        blocks.append(Table((t("ui.id"), t("ui.company"), t("ui.stars"), t("ui.source"),
                             t("ui.found_on")), tuple(rows), frozenset({0}),
                            caption=f"{NO} {cited(t('act.drop_impure'), rules.CLAUSES['redsea'])}"
                            if dropped else "", sheet=t("ui.ranking")))
    else:
        blocks.append(Line(t("empty.ranking"), "muted"))
    if result.page is not None and result.page.more:
        blocks.append(Line(t("saved.more_ranking", count=f"{result.page.more:,}",
                             total=f"{result.page.total:,}"), "muted"))
    if result.unvisited:
        blocks.append(Line(cited(t("ui.unvisited", count=result.unvisited), "Q5")))
    return Doc("rate", t("saved.name.rate"), center_of(None), day_of_report(),
               (Section(t("ui.ranking"), tuple(blocks)),))


@build.register
def _(result: ManagerView) -> Doc:
    sections = []
    if result.take_now:
        rows = []
        actions: list[rules.Reason] = []
        for p, rating in result.take_now:
            rows.append((num(p.id), Cell(p.company), Cell(star_line(rating.stars), "warn",
                                                          rating.stars),
                         num(p.deal_value or 0, f"{p.deal_value or 0:,}")))
            actions += [a for a in rating.next_actions if a not in actions]
        sections.append(Section(t("ui.take_now"), (Table(
            (t("ui.id"), t("ui.company"), t("ui.stars"), t("ui.deal_value")), tuple(rows),
            frozenset({0, 3}), sheet=t("saved.take_now_sheet")),)))
        sections.append(Section(t("ui.next_actions"), (Items(tuple(
            Item(cited(explain(a), a.clause)) for a in actions)),)))
    elif result.upgrade_visits:
        tasks = tuple(("", cited(explain(task), task.clause)) for task in result.tasks)
        sections.append(Section(t("ui.upgrade_visits"), (Items(tuple(
            Item(f"#{u.prospect_id} {u.company}", lines=tasks,
                 status=t("ui.pcs", count=u.pcs)) for u in result.upgrade_visits)),)))
    else:
        sections.append(Section(t("saved.name.manager"),
                                (Line(t("ui.nothing_for_managers"), "muted"),)))
    return Doc("manager", t("saved.name.manager"), center_of(getattr(result, "center", None)),
               day_of_report(), tuple(sections))


# --- a visitor's agenda ------------------------------------------------------------------------
