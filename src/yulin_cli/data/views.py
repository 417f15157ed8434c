"""Data in and out: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from yulin_cli import rules
from yulin_cli.data.duplicates import DuplicateGroups, Merged
from yulin_cli.data.exporting import Exported
from yulin_cli.data.importing import ImportResult
from yulin_cli.i18n import cited, colon, current_lang, listed, t
from yulin_cli.render import (
    Prose,
    Screen,
    new_table,
    view,
)


@view.register
def _(result: ImportResult) -> Group:
    parts: list[RenderableType] = [Text(
        t("ui.imported", rows=result.rows, imported=result.imported)
        + ((" " if current_lang() == "en" else "") + t("ui.dry_run") if result.dry_run else ""))]
    if result.errors:
        table = new_table(t("ui.row"), t("ui.column"), t("ui.error"))
        for e in result.errors[:100]:
            table.add_row(str(e["row"]), e["column"], e["error"])
        parts.append(table)
        if len(result.errors) > 100:
            parts.append(Text(f"… +{len(result.errors) - 100}"))
    if result.duplicates:
        dups = ", ".join(f"{d['row']}→#{d['duplicate_of']}" for d in result.duplicates[:30])
        parts.append(Text(f"{t('ui.duplicates')}{colon()}{dups}"))
    return Group(*parts)


@view.register
def _(result: Exported) -> Screen:
    return Screen(err=(t("ui.exported", count=result.rows, path=result.path),))


@view.register
def _(result: DuplicateGroups) -> RenderableType:
    if not result.groups:
        return Text(t("ui.no_duplicates"))
    table = new_table(t("ui.id"), t("ui.company"), t("ui.reasons"), t("ui.confidence"),
                      title=cited(t("ui.likely_duplicates"), rules.CLAUSES["duplicate"]))
    for g in result.groups:
        table.add_row("\n".join(f"#{i}" for i in g.ids),
                      Group(*(Prose(c) for c in g.companies)),
                      Prose(listed([t(f"dup.{r}") for r in g.reasons])), f"{g.confidence:.0%}")
    return table


@view.register
def _(result: Merged) -> str:
    return t("ui.merged", drop=result.drop, keep=result.keep)
