"""The team's policy: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from yulin_cli.i18n import cited, colon, rule_name, t
from yulin_cli.policies.service import (
    PolicyHistory,
    PolicySet,
    PolicyShown,
    PolicyWritten,
    VersionInfo,
)
from yulin_cli.policies.simulate import Simulation, totals
from yulin_cli.render import Prose, Screen, difference_line, empty, new_table, stars_text, view

SHOWN_CHANGES = 20  # changes listed on a screen; --json holds them all


def _record(record: str) -> str:
    """``visit 12`` as people read it; a day stays as it is."""
    kind, _sp, number = record.partition(" ")
    return t("simulate.visit", id=number) if kind == "visit" else record


def _key(key: str) -> str:
    """A policy key as people read it: its description in Chinese, its name in English."""
    from yulin_cli.i18n import MESSAGES, current_lang

    if current_lang() == "zh" and f"policy.{key}" in MESSAGES:
        return t(f"policy.{key}")
    return key


def _from(version: VersionInfo) -> str:
    return version.valid_from or t("policy.from_start")


def _value(value: object) -> str:
    if isinstance(value, bool):
        return t("ui.yes") if value else t("ui.no")
    if isinstance(value, list):
        return "、".join(map(str, value)) if value else "-"
    return str(value)


@view.register
def _(result: PolicyShown) -> str:
    from yulin_cli.policy import policy_toml

    head = ""
    if result.version is not None:
        v = result.version
        head = "# " + t("policy.version_line", at=result.at, first=_from(v),
                        by=v.set_by or "-", set_at=v.set_at[:10] or "-") + "\n"
    return head + policy_toml(result.policy)


@view.register
def _(result: PolicyWritten) -> str:
    return t("ui.policy_written", path=result.path)


@view.register
def _(result: PolicyHistory) -> Table:
    table = new_table(t("policy.first_day"), t("ui.by"), t("policy.set_at"),
                      t("policy.changed"), title=t("policy.history_title"))
    for entry in result.versions:
        v = entry.version
        changed = "\n".join(f"{_key(c.key)}{colon()}{_value(c.old)} → {_value(c.new)}"
                            for c in entry.changes)
        table.add_row(_from(v), v.set_by or "-", v.set_at[:10],
                      Prose(changed or (v.source or t("policy.defaults"))))
    return table


@view.register
def _(result: PolicySet) -> Screen:
    v = result.version
    parts: list[RenderableType | str] = [t("policy.set_line", first=v.valid_from, by=v.set_by)]
    for change in result.changes:
        parts.append(Prose(f"  {_key(change.key)}{colon()}{_value(change.old)} → "
                           f"{_value(change.new)}", indent=4, first_indent=0))
    if not result.changes:
        parts.append("  " + t("policy.no_change"))
    if result.retroactive:
        if result.rejudged:
            parts.append(t("policy.rejudged", count=len(result.rejudged)))
            parts += [Prose("  " + difference_line(d, result.names, "diff.changed"), indent=4,
                           first_indent=0)
                      for d in result.rejudged[:SHOWN_CHANGES]]
            if len(result.rejudged) > SHOWN_CHANGES:
                parts.append(t("ui.more", count=len(result.rejudged) - SHOWN_CHANGES))
        else:
            parts.append(t("policy.rejudged_none"))
    return Screen(tuple(parts))


def _pair(pair: tuple[int | None, int | None], signed: bool = False) -> Text:
    a, b = pair
    if a is None:
        return Text("-")

    def fmt(x: int | None) -> str:
        return "-" if x is None else (f"{x:+d}" if signed else str(x))

    if a == b:
        return Text(fmt(a), style="dim")
    return Text(f"{fmt(a)} → {fmt(b)}", style="bold")


@view.register
def _(result: Simulation) -> Screen:
    head = cited(t("simulate.title", file=result.candidate, first=result.date_from,
                   last=result.date_to), "Q3, Q12, Q15")
    if result.vary is not None:
        table = new_table(result.vary, t("simulate.points"), t("simulate.quota_days"),
                          t("simulate.effective"), t("simulate.people_changed"), title=head)
        for row in result.rows:
            points, quota, effective = totals(row.people)
            table.add_row(str(row.value), _pair(points, True), _pair(quota), _pair(effective),
                          str(sum(1 for p in row.people if p.changed)))
        return Screen((table,))
    table = new_table(t("ui.name"), t("simulate.points"), t("simulate.quota_days"),
                      t("simulate.effective"), t("simulate.praise"), t("simulate.criticism"),
                      title=head)
    for p in result.people:
        table.add_row(p.name, _pair(p.points, True), _pair(p.quota_days_met),
                      _pair(p.effective_visits), _pair(p.praise), _pair(p.criticism),
                      style=None if p.changed else "dim")
    parts: list[RenderableType | str] = [table]
    changes = [(p.name, c) for p in result.people for c in p.changes]
    if not changes and not result.prospects:
        parts.append(empty("simulate.nothing_changes"))
    if changes:
        parts.append(Text(t("simulate.changes", count=len(changes)), style="bold"))
        for name, c in changes[:SHOWN_CHANGES]:
            rule = cited(rule_name(c.rule), c.clause)
            parts.append(Prose(f"  {name} · {_record(c.record)} · {rule}{colon()}"
                               f"{_value(c.in_force)} → {_value(c.candidate)}", indent=4,
                               first_indent=0))
        if len(changes) > SHOWN_CHANGES:
            parts.append(t("ui.more", count=len(changes) - SHOWN_CHANGES))
    if result.prospects:
        parts.append(Text(cited(t("simulate.stars", count=len(result.prospects)), "Q5"),
                          style="bold"))
        for s in result.prospects[:SHOWN_CHANGES]:
            line = Text(f"  #{s.id} {s.company}  ")
            line.append_text(stars_text(s.stars[0]))
            line.append(" → ")
            line.append_text(stars_text(s.stars[1]))
            parts.append(line)
        if len(result.prospects) > SHOWN_CHANGES:
            parts.append(t("ui.more", count=len(result.prospects) - SHOWN_CHANGES))
    return Screen(tuple(parts))
