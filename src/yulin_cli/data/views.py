"""Data in and out: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from yulin_cli import rules
from yulin_cli.data.duplicates import (
    DuplicateGroups,
    MarkedDistinct,
    Merged,
    MergePreview,
    Unmerged,
)
from yulin_cli.data.exporting import Exported
from yulin_cli.data.importing import ImportResult
from yulin_cli.i18n import cited, colon, label, listed, t
from yulin_cli.render import (
    Command,
    Prose,
    Screen,
    more_line,
    new_table,
    view,
)
from yulin_cli.results import Page
from yulin_cli.rules import phone_display


@view.register
def _(result: ImportResult) -> Group:
    parts: list[RenderableType] = [Text(
        t("ui.would_import", rows=f"{result.rows:,}", count=f"{result.would_import:,}")
        if result.dry_run else t("ui.imported", rows=f"{result.rows:,}",
                                 imported=f"{result.imported:,}"))]
    if result.errors:
        table = new_table(t("ui.row"), t("ui.column"), t("ui.error"))
        for e in result.errors[:100]:
            table.add_row(str(e["row"]), e["column"], e["error"])
        parts.append(table)
        if len(result.errors) > 100:
            parts.append(Text(f"… +{len(result.errors) - 100}"))
    if result.duplicates:
        dups = listed([
            f"{d['row']}→" + (t("ui.file_row", row=d["duplicate_of_row"])
                              if "duplicate_of_row" in d else f"#{d['duplicate_of']}")
            for d in result.duplicates[:30]])
        parts.append(Prose(f"{t('ui.duplicates')}{colon()}{dups}"))
    if result.possible_duplicates:
        from yulin_cli.render import likely_why as why

        dry = result.possible_duplicates[0]["prospect_id"] is None
        head = "likely.dry_run_head" if dry else "likely.import_head"
        parts.append(Text(f"{t(head)}{colon()}", style="yellow"))
        for d in result.possible_duplicates[:30]:
            # A dry run's rows have no prospect a user could look up: name the file's row.
            key = ("likely.import_row" if "earlier_row" not in d
                   else "likely.dry_file_row" if dry else "likely.import_file_row")
            parts.append(Prose("  " + t(key, row=d["row"], earlier=d.get("earlier_row"),
                                        id=d["id"], company=d["company"],
                                        why=why(d["reasons"])), indent=4, first_indent=0))
        if len(result.possible_duplicates) > 30:
            parts.append(Text(f"  … +{len(result.possible_duplicates) - 30}"))
        first = result.possible_duplicates[0]
        if first["prospect_id"] is not None:  # a dry run wrote no prospect to merge
            parts.append(Prose(t("ui.merge_hint")))
            for key, params in (("cmd.merge", {"keep": first["id"], "drop": first["prospect_id"]}),
                                ("cmd.distinct", {"first": first["id"],
                                                  "second": first["prospect_id"]})):
                parts.append(Command(t(key, **params)))
    return Group(*parts)


@view.register
def _(result: Exported) -> Screen:
    return Screen(err=(t("ui.exported", count=result.rows, path=result.path),))


@view.register
def _(result: DuplicateGroups) -> RenderableType:
    if not result.groups:
        return Text(t("ui.no_duplicates"))
    first = result.groups[0]
    table = new_table(t("ui.id"), t("ui.company"), t("ui.reasons"), t("ui.confidence"),
                      title=cited(t("ui.likely_duplicates"), rules.CLAUSES["duplicate"]))
    table.columns[3].justify = "right"
    shown = result.groups[:result.limit]
    for g in shown:
        # A row for each prospect, so an id stays beside its name however the names wrap;
        # the group's reasons on its first row, and a line under the group.
        why = Prose(listed([t(f"dup.{r}") for r in g.reasons]))
        for n, (pid, company) in enumerate(zip(g.ids, g.companies, strict=True)):
            table.add_row(f"#{pid}", Prose(company), why if n == 0 else "",
                          f"{g.confidence:.0%}" if n == 0 else "",
                          end_section=n == len(g.ids) - 1)
    # What to do about a group: the first one's command, which shows both side by side first.
    drop = next(i for i in first.ids if i != first.keep)
    return Group(table, *more_line(Page(len(shown), len(result.groups)), "ui.more_groups"),
                 Prose(t("ui.merge_hint")), Command(t("cmd.merge", keep=first.keep, drop=drop)))


@view.register
def _(result: Merged) -> str:
    return t("ui.merged", drop=result.drop, keep=result.keep)


# What the side-by-side view compares, in this order.
_SIDE_BY_SIDE = ("company", "city", "district", "address", "landline", "mobile",
                 "contact_surname", "employees", "pcs", "industry", "sourced_by", "found_on",
                 "duplicate_of")


@view.register
def _(result: MergePreview) -> Group:
    table = new_table("", f"#{result.keep.id} {t('ui.keep')}", f"#{result.drop.id} {t('ui.drop')}",
                      title=t("ui.merge_preview", keep=result.keep.id, drop=result.drop.id))
    table.columns[0].style = "dim"
    table.columns[0].no_wrap = True
    for name in _SIDE_BY_SIDE:
        a, b = getattr(result.keep, name), getattr(result.drop, name)
        if a in (None, "") and b in (None, ""):
            continue
        shown = [phone_display(v, p.landline_ext if name == "landline" else None)
                 if name in ("landline", "mobile") else str(v or "")
                 for v, p in ((a, result.keep), (b, result.drop))]
        style = "green" if a == b else ""
        table.add_row(label(name), Prose(shown[0], style=style), Prose(shown[1], style=style))
    evidence = (listed([t(f"evidence.{e.replace('-', '_')}") for e in result.evidence])
                if result.evidence else t("evidence.none"))
    return Group(table, Prose(cited(f"{t('ui.evidence')}{colon()}{evidence}",
                                    rules.CLAUSES["duplicate"]),
                              style="bold" if result.evidence else "bold red"))


@view.register
def _(result: Unmerged) -> str:
    moved = sum(result.moved.values())
    return t("ui.unmerged", id=result.prospect_id, keep=result.restored_from, rows=moved)


@view.register
def _(result: MarkedDistinct) -> str:
    if not result.recorded:
        return t("ui.distinct_already", first=result.first, second=result.second)
    return t("ui.distinct", first=result.first, first_company=result.first_company,
             second=result.second, second_company=result.second_company)
