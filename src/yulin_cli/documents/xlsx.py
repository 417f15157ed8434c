"""A saved report's tables as a workbook: a first sheet naming the report, its centre and
date, then a sheet per table or chart, each with a bold, frozen header row and filters."""

from __future__ import annotations

from typing import Any

from yulin_cli.documents import Cell, Chart, Doc, Table
from yulin_cli.i18n import t
from yulin_cli.wrapping import cells

_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


def _sheet_name(wanted: str, taken: set[str]) -> str:
    """A unique name Excel accepts: at most 31 characters, none of []:*?/\\."""
    base = (wanted.translate(_BAD_SHEET_CHARS).strip() or "Sheet")[:31]
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _sheets(doc: Doc) -> list[tuple[str, tuple[str, ...], list[list[Any]]]]:
    """(sheet name, headers, rows) for each table and chart of the document."""
    found = []
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Table) and block.rows:
                rows = [[_value(c) for c in row] for row in block.rows]
                found.append((block.sheet or section.heading, block.headers, rows))
            elif isinstance(block, Chart) and block.bars:
                rows = [[b.label, b.value, b.shown] for b in block.bars]
                found.append((section.heading, (t("saved.col.label"),
                                                block.value_header or t("saved.col.count"),
                                                t("saved.col.shown")), rows))
    return found


def _value(cell: Cell) -> Any:
    return cell.value if cell.value is not None and str(cell.value) == cell.text else cell.text


def write_xlsx(doc: Doc, path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.properties.title = doc.title
    book.properties.creator = "yulin"
    taken: set[str] = set()
    about = book.active
    about.title = _sheet_name(t("saved.about_sheet"), taken)
    facts: list[list[Any]] = [[t("saved.col.report"), doc.name], [t("saved.center"), doc.center],
                              [t("saved.date"), doc.date], *[["", line.text] for line in doc.lead]]
    sheets: list[tuple[Any, tuple[str, ...], list[list[Any]]]] = [
        (about, (t("saved.col.field"), t("saved.col.value")), facts)]
    for name, headers, rows in _sheets(doc):
        sheets.append((book.create_sheet(_sheet_name(name, taken)), headers, rows))
    bold = Font(bold=True)
    for sheet, headers, rows in sheets:
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = bold
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for n, header in enumerate(headers, start=1):
            # Columns as wide as their text in terminal cells (a CJK character is two).
            widest = max([cells(str(header))] + [cells(str(r[n - 1])) for r in rows
                                                 if n - 1 < len(r)])
            sheet.column_dimensions[get_column_letter(n)].width = min(60, max(6, widest + 2))
    book.save(path)
