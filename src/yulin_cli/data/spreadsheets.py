"""Reading and writing spreadsheets: CSV in any common Chinese encoding, and XLSX.

Rows are streamed, never loaded whole, so a 100,000-row file costs little memory. Headers may be
Chinese (as teams type them in Excel) or English (the add-prospect option names).
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from yulin_cli import choices
from yulin_cli.errors import BadInput

# Field -> (Chinese header, English header). The first Chinese name is the one we write.
PROSPECT_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("编号",),
    "company": ("公司名称", "公司", "企业名称"),
    "city": ("城市",),
    "sourced_by": ("开拓人",),
    "district": ("区县", "区域"),
    "suburban": ("远郊",),
    "address": ("详细地址", "地址"),
    "industry": ("行业",),
    "ownership": ("企业性质", "所有制"),
    "employees": ("员工人数", "员工数"),
    "pcs": ("电脑台数", "电脑数"),
    "contact_surname": ("接口人姓氏", "接口人"),
    "landline": ("座机", "固定电话"),
    "mobile": ("手机", "手机号"),
    "email": ("邮箱", "电子邮箱"),
    "qq": ("QQ", "QQ号"),
    "found_on": ("发现日期",),
    "deal_value": ("预计金额",),
    "need": ("需求",),
    "yulin_interest": ("育林计划兴趣",),
    "platform_interest": ("平台兴趣",),
    "has_oa": ("已有OA",),
    "erp_need": ("ERP需求",),
    "in_selection": ("选型中",),
    "existing_customer": ("老客户",),
    "partner": ("合作伙伴",),
    "vendor_share": ("我方分成",),
    "credit_code": ("统一社会信用代码", "信用代码", "社会信用代码"),
    "location": ("位置", "经纬度", "坐标"),
    "duplicate_of": ("重复于",),
    "stars": ("星级",),
}
ROUND_HEADERS: dict[str, tuple[str, ...]] = {
    "prospect_id": ("客户编号",), "by": ("复核人",), "pretext": ("身份",), "result": ("结果",),
    "address": ("确认地址",), "scale": ("核实规模",), "date": ("日期",), "note": ("备注",),
}
VISIT_HEADERS: dict[str, tuple[str, ...]] = {
    "prospect_id": ("客户编号",), "by": ("走访人",), "outcome": ("结果",), "kind": ("类型",),
    "items": ("问卷题号",), "landline": ("座机",), "email": ("邮箱",), "mobile": ("手机",),
    "qq": ("QQ",), "date": ("日期",), "note": ("备注",),
}
# Columns an export of rounds or visits writes for reading (the import passes over them), so
# that the file imports back as it is.
_READ_ONLY: dict[str, tuple[str, ...]] = {
    "id": ("编号",), "company": ("公司名称",), "voided_at": ("作废时间",),
}
ROUND_HEADERS.update({**_READ_ONLY, "round": ("轮次",)})
VISIT_HEADERS.update({**_READ_ONLY, "effective": ("有效",), "flags": ("标记",),
                      "contacts": ("联系方式",)})
READ_ONLY = frozenset((*_READ_ONLY, "round", "effective", "flags", "contacts"))
HEADERS = {"prospects": PROSPECT_HEADERS, "rounds": ROUND_HEADERS, "visits": VISIT_HEADERS}

# The choice each column holds: a cell may name a value in English or Chinese, as the command
# line accepts it (``choices.WORDS``); we always store the English value.
CHOICES: dict[str, type[StrEnum]] = {
    "ownership": choices.Ownership, "need": choices.Need, "yulin_interest": choices.Interest,
    "pretext": choices.Pretext, "result": choices.RoundResult, "outcome": choices.Outcome,
    "kind": choices.VisitKind,
}


def choice_value(field_name: str, text: Any) -> Any:
    """The stored value of a choice cell (English or Chinese); other cells unchanged."""
    enum = CHOICES.get(field_name)
    if enum is None or not isinstance(text, str):
        return text
    member = choices.parse(enum, text)
    return member.value if member is not None else text
_TRUE = {"1", "y", "yes", "true", "是", "有", "x", "✓", "√"}
_FALSE = {"", "0", "n", "no", "false", "否", "无", "没有"}
_FORMULA_START = ("=", "+", "-", "@")
_FORMULA_CHARS = "=+-@"


def header_map(headers: list[str], kind: str) -> dict[int, str]:
    """Column index -> field, from Chinese or English headers; unknown headers are an error."""
    names: dict[str, str] = {}
    for field, chinese in HEADERS[kind].items():
        for name in (*chinese, field, field.replace("_", "-")):
            names[_squash(name)] = field
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        key = _squash(header)
        if not key:
            continue
        if key not in names:
            raise BadInput("import.unknown_header", header=header)
        mapping[index] = names[key]
    return mapping


def _squash(text: str) -> str:
    return re.sub(r"[\s_\-（）()]", "", str(text).strip().lstrip("\ufeff")).lower()


def truthy(value: Any) -> bool | None:
    """A spreadsheet boolean; None when the cell says neither yes nor no."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def unneutralise(value: str) -> str:
    """Undo the quote an export put before text that a spreadsheet would run as a formula."""
    if len(value) > 1 and value[0] == "'" and value[1] in _FORMULA_START:
        return value[1:]
    return value


def neutralise(value: Any) -> Any:
    """Text starting with = + - @ gets a leading quote so a spreadsheet shows, never runs, it."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# --- reading ----------------------------------------------------------------------------------


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM), else whatever charset-normalizer finds (GBK, GB18030...)."""
    with path.open("rb") as handle:
        head = handle.read(256 * 1024)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:  # a character cut by the sample's end
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    if best is None:
        raise BadInput("import.encoding", path=str(path))
    # GB18030 is a superset of GBK and GB2312: decoding with it never loses a character.
    return "gb18030" if best.encoding in ("gbk", "gb2312", "gb18030", "hz") else best.encoding


def read_rows(path: Path) -> tuple[list[str], Iterator[list[Any]]]:
    """Headers and a stream of rows from a CSV or XLSX file."""
    try:
        if not path.is_file():
            raise BadInput("import.missing", path=str(path))
        with path.open("rb") as handle:
            magic = handle.read(4)
    except (OSError, ValueError) as exc:  # unreadable, or a NUL in the name
        raise BadInput("import.unreadable", path=str(path), error=str(exc)[:120]) from None
    if magic == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    if b"\x00" in magic[:2]:
        raise BadInput("import.binary", path=str(path))
    return _csv_rows(path)


def is_team_workbook(path: Path) -> bool:
    """Whether a file is a whole-team workbook (`export --what all`): its first sheet says so."""
    try:
        with path.open("rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return False
    except (OSError, ValueError):
        return False
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # not a workbook after all: the ordinary reader says why
        return False
    try:
        sheet = book.worksheets[0]
        if sheet.title != "yulin":
            return False
        cells = {str(r[0]): r[1] for r in sheet.iter_rows(min_row=2, max_row=5,
                                                          values_only=True) if r and r[0]}
        return cells.get("format") == "yulin-team-workbook"
    finally:
        book.close()


def _csv_rows(path: Path) -> tuple[list[str], Iterator[list[Any]]]:
    encoding = detect_encoding(path)
    handle: IO[str] = path.open(encoding=encoding, newline="", errors="strict")
    csv.field_size_limit(16 * 1024 * 1024)
    reader = csv.reader(handle)
    try:
        headers = next(reader)
    except StopIteration:
        handle.close()
        raise BadInput("import.empty", path=str(path)) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        handle.close()
        raise BadInput("import.unreadable", path=str(path), error=str(exc)[:120]) from None

    def rows() -> Iterator[list[Any]]:
        try:
            for row in reader:
                # unneutralise(), inlined: this runs for every cell of big files, and only
                # for rows with a quote in them (one search in C finds the others).
                if "'" not in "".join(row):
                    yield row
                    continue
                yield [c[1:] if c[:1] == "'" and c[1:2] in _FORMULA_CHARS and len(c) > 1
                       else c for c in row]
        except (UnicodeDecodeError, csv.Error) as exc:
            raise BadInput("import.unreadable", path=str(path), error=str(exc)[:120]) from None
        finally:
            handle.close()

    return headers, rows()


def _xlsx_rows(path: Path) -> tuple[list[str], Iterator[list[Any]]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    broken = (BadZipFile, InvalidFileException, KeyError, OSError, ValueError, IndexError,
              TypeError, EOFError)
    # A file object, so the content decides (a workbook saved as .csv still opens).
    handle = path.open("rb")
    try:
        book = load_workbook(handle, read_only=True, data_only=True)
        sheet = book.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        headers = [("" if v is None else str(v)) for v in next(values)]
    except StopIteration:
        handle.close()
        raise BadInput("import.empty", path=str(path)) from None
    except broken as exc:
        handle.close()
        raise BadInput("import.unreadable", path=str(path), error=str(exc)[:120]) from None

    def rows() -> Iterator[list[Any]]:
        try:
            for row in values:
                yield ["" if v is None else _cell_text(v) for v in row]
        except broken as exc:
            raise BadInput("import.unreadable", path=str(path), error=str(exc)[:120]) from None
        finally:
            book.close()
            handle.close()

    return headers, rows()


def _cell_text(value: Any) -> Any:
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unneutralise(str(value)) if isinstance(value, str) else str(value)


# --- writing ----------------------------------------------------------------------------------


def write_csv(out: IO[str], headers: list[str], rows: Iterator[list[Any]]) -> int:
    """UTF-8 with a BOM, so Excel on Chinese Windows opens it right."""
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(headers)
    count = 0
    for row in rows:
        writer.writerow(["" if v is None else neutralise(v) for v in row])
        count += 1
    return count


def write_xlsx(path: Path, headers: list[str], rows: Iterator[list[Any]], title: str,
               dates: frozenset[int] = frozenset()) -> int:
    """One sheet; the columns at ``dates`` hold ISO dates, written as date cells."""
    from openpyxl import Workbook

    with open(path, "wb") as handle:  # a bad path fails here, before any work
        book = Workbook(write_only=True)
        count = _write_sheet(book, headers, rows, title, dates)
        book.save(handle)
        return count


def write_xlsx_sheets(path: str, sheets: list[tuple[str, list[str], Iterator[list[Any]]]],
                      date_names: set[str]) -> int:
    """Several sheets, one per (title, headers, rows); a column named in ``date_names`` holds
    date cells. Returns the rows written under the headers."""
    from openpyxl import Workbook

    with open(path, "wb") as handle:
        book = Workbook(write_only=True)
        count = 0
        for title, headers, rows in sheets:
            dates = frozenset(i for i, h in enumerate(headers) if h in date_names)
            count += _write_sheet(book, headers, rows, title, dates)
        book.save(handle)
        return count


def _date_cell(value: Any) -> Any:
    import datetime as dt

    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _write_sheet(book: Any, headers: list[str], rows: Iterator[list[Any]], title: str,
                 dates: frozenset[int]) -> int:
    """A sheet whose header row is bold, frozen and filtered; text stays text (item codes,
    phones: never numbers, dates or formulas), dates are date cells."""
    import datetime as dt

    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"  # written before the rows: set before the first one
    # Widths come from the first rows (they must be set before a write-only sheet's first
    # row); the rest streams through.
    sample = list(itertools.islice(rows, 1000))
    widths = [_width(h) for h in headers]
    for row in sample:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], min(_width(value), 50))
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width + 2
    bold = Font(bold=True)
    head = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        head.append(cell)
    sheet.append(head)
    count = 0
    for row in itertools.chain(sample, rows):
        count += 1
        cells = []
        for i, value in enumerate(row):
            if i in dates:
                value = _date_cell(value)
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text: never a formula
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    return count


def _width(value: Any) -> int:
    from rich.cells import cell_len

    return cell_len("" if value is None else str(value))


@contextmanager
def text_stream(path: str | None) -> Iterator[IO[str]]:
    """A UTF-8 text file, or standard output when ``path`` is empty or ``-``."""
    if path is None or path == "-":
        import sys

        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        try:
            yield out
        finally:
            out.flush()
            out.detach()  # leave standard output open for whoever prints next
        return
    with open(path, "w", encoding="utf-8", newline="") as out:
        yield out
