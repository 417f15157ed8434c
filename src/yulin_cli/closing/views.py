"""Closing: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from yulin_cli.closing.finding import Found
from yulin_cli.closing.service import CalibrationResult, OutcomeRecorded
from yulin_cli.closing.todos import Todo
from yulin_cli.i18n import cited, explain, t
from yulin_cli.render import Prose, bar, empty, more_line, new_table, stars_text, view
from yulin_cli.rules import calibration


@view.register
def _(result: OutcomeRecorded) -> str:
    if result.result == "won":
        line = t("outcome.recorded_won", id=result.prospect_id, company=result.company,
                 value=f"{result.value:,}" if result.value is not None else "-",
                 outcome=result.outcome_id)
    else:
        line = t("outcome.recorded_lost", id=result.prospect_id, company=result.company,
                 outcome=result.outcome_id)
    if result.reason:
        line += "\n  " + t("outcome.reason_line", reason=result.reason)
    return line


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _calibration_view(c: calibration.Calibration, title: str | None = None) -> RenderableType:
    table = new_table(t("calib.stars"), t("calib.prospects"), t("calib.decided"),
                      t("calib.won"), t("calib.rate"), t("calib.interval"), "", title=title)
    for column in table.columns[1:6]:
        column.justify = "right"
    for lv in c.levels:
        if lv.stars == 0 and not lv.prospects:
            continue
        shown = t("calib.below") if lv.stars == 0 else stars_text(lv.stars)
        interval = "-" if lv.low is None else f"{_pct(lv.low)}-{_pct(lv.high)}"
        rate = _pct(lv.rate) if lv.rate is not None else (
            t("calib.few") if lv.decided else "-")
        drawn = bar(round(100 * lv.rate), 100, 20, "green") if lv.rate is not None else Text(
            "·" * lv.decided if lv.decided else "", style="dim")
        table.add_row(shown, str(lv.prospects), str(lv.decided), str(lv.won), rate, interval,
                      drawn)
    lines: list[RenderableType] = [table]
    lines.append(Prose(t("calib.totals", decided=c.decided, won=c.won, undecided=c.undecided),
                       indent=2))
    if not c.enough:
        lines += [Prose(cited(explain(r), r.clause), indent=2, style="yellow")
                  for r in c.reasons]
        return Group(*lines)
    if c.auc.value is not None:
        lines.append(Prose(t("calib.auc", value=f"{c.auc.value:.2f}",
                             low=f"{c.auc.low:.2f}" if c.auc.low is not None else "-",
                             high=f"{c.auc.high:.2f}" if c.auc.high is not None else "-"),
                           indent=2))
    if c.brier is not None:
        lines.append(Prose(t("calib.brier", value=f"{c.brier:.3f}", base=f"{c.base:.3f}"),
                           indent=2))
    if c.top_share is not None:
        lines.append(Prose(t("calib.top_share", share=_pct(c.top_share)), indent=2))
    lines += [Prose("! " + cited(explain(r), r.clause), indent=4, first_indent=2,
                    style="" if r.ok else "yellow") for r in c.reasons]
    return Group(*lines)


@view.register
def _(result: CalibrationResult) -> RenderableType:
    period = t("calib.period", date_from=result.date_from or t("calib.start"),
               date_to=result.date_to or t("calib.now"))
    parts: list[RenderableType] = [Text(t("calib.title") + " " + period, style="bold")]
    parts.append(_calibration_view(result.overall))
    for g in result.groups:
        parts += [Text(""), Text(t("calib.group", by=t(f"calib.by_{result.by}"), name=g.name),
                                 style="bold"),
                  _calibration_view(g.result)]
    if result.proposal is not None:
        p = result.proposal
        parts += [Text(""), Prose(t("calib.proposed", path=p.path,
                                    now="-" if p.auc_now is None else f"{p.auc_now:.2f}",
                                    then="-" if p.auc_proposed is None
                                    else f"{p.auc_proposed:.2f}"), indent=2),
                  Prose("  " + ", ".join(f"{k} = {v:,}" for k, v in p.thresholds.items()),
                        indent=4, first_indent=0),
                  Prose("  yulin policy simulate " + p.path, indent=4, first_indent=0)]
    return Group(*parts)


@view.register
def _(result: Found) -> RenderableType:
    if not result.matches:
        return empty("find.none", text=result.text)
    table = new_table(t("ui.id"), t("ui.company"), t("find.finder"), t("find.stars"),
                      t("find.last"))
    for m in result.matches[:result.shown]:
        table.add_row(str(m.id), Prose(m.company + (f" → #{m.duplicate_of}"
                                                    if m.duplicate_of else "")),
                      m.finder, stars_text(m.stars) if m.stars else Text("-", style="dim"),
                      m.last_activity or "-")
    lines: list[RenderableType] = [table, *more_line(result.page)]
    lines.append(Text(t("find.how", how=t(f"find.by_{result.matched_by}")), style="dim"))
    return Group(*lines)


@view.register
def _(result: Todo) -> RenderableType:
    if not result.items:
        return empty("todo.none", name=result.name, date=result.date)
    parts: list[RenderableType] = [Text(t("todo.title", name=result.name, date=result.date),
                                        style="bold")]
    section = None
    for item in result.items:
        if item.section != section:
            section = item.section
            parts.append(Text(t(f"todo.section.{section}"), style="bold cyan"))
        parts.append(Prose("• " + cited(explain(item.reason), item.reason.clause), indent=4,
                           first_indent=2))
        if item.command is not None:
            parts.append(Prose(item.command_in(), indent=6, first_indent=4, style="green"))
    return Group(*parts)
