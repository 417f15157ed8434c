"""Exports: prospects, visits, points, notices and a day's report as CSV or XLSX, headers and
cells in the language in force (a prospects file, Chinese or English, imports back to the same
data), contact details masked on request."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from yulin_cli import choices, rules
from yulin_cli.data import queries, spreadsheets
from yulin_cli.frozen import frozen
from yulin_cli.i18n import current_lang, flag_word, label, listed, rule_name, t
from yulin_cli.parsers import location_text
from yulin_cli.records import FLAG_COLUMNS, join_list, split_list
from yulin_cli.reports.service import daily_report
from yulin_cli.results import Result
from yulin_cli.team import queries as team

if TYPE_CHECKING:
    from yulin_cli.db import Tx
    from yulin_cli.policy import Policy, PolicyBook

@frozen
class Exported(Result):
    what: str
    format: str
    rows: int
    path: str | None


EXPORTS = {
    "prospects": list(spreadsheets.PROSPECT_HEADERS),
    # A rounds file carries the columns `import --kind rounds` reads, and a few to read by.
    "rounds": ["id", "prospect_id", "company", "round", "by", "pretext", "result", "address",
               "scale", "date", "note", "voided_at"],
    # The contact details a visit captured, one yes/no column each, as the import reads them.
    "visits": ["id", "prospect_id", "company", "date", "by", "kind", "outcome", "items",
               "landline", "email", "mobile", "qq", "effective", "flags", "note", "voided_at"],
    "points": ["date", "staff", "delta", "rule", "prospect_id", "visit_id", "reason", "by",
               "voided_at"],
    "notices": ["date", "staff", "kind", "delta", "rule", "prospect_id", "company"],
    "report": ["name", "center", "roles", "quality_found", "quota_met", "verifications",
               "visits", "effective_visits", "points_today", "points_total", "flagged_visits"],
}
# Chinese headers of the fields that prospects do not already name.
_ZH = {"id": "编号", "company": "公司名称", "prospect_id": "客户编号", "date": "日期",
       "by": "经办人", "kind": "类型",
       "outcome": "结果", "items": "问卷题号", "contacts": "联系方式", "effective": "有效",
       "flags": "标记", "note": "备注", "staff": "伙伴", "delta": "分数", "rule": "规则",
       "visit_id": "走访编号", "reason": "理由", "name": "伙伴", "center": "服务中心",
       "roles": "角色", "quality_found": "优质客户", "quota_met": "完成任务",
       "verifications": "复核", "visits": "走访", "effective_visits": "有效走访",
       "points_today": "今日分", "points_total": "累计分", "voided_at": "作废时间",
       "flagged_visits": "存疑走访", "round": "轮次"}


def export_headers(what: str, lang: str) -> list[str]:
    fields = EXPORTS[what]
    if lang != "zh":
        return fields
    # A rounds or visits file names the columns it shares with that import as the import does
    # (复核人, 走访人, not 经办人); its other columns (id, effective, flags, ...) are for reading.
    named = spreadsheets.HEADERS.get(what, {})
    return [named[f][0] if f in named else _ZH.get(f, f) for f in fields]


def sheet_title(what: str) -> str:
    """The workbook's tab: what it holds, in the reader's language."""
    return choices.word(choices.ExportWhat(what))


# Cells that say yes or no; in Chinese they read 是 / 否 (the importer reads both back).
_YES_NO = {"effective", "quota_met", *FLAG_COLUMNS}
_CHOICE_OF: dict[str, type[StrEnum]] = {**spreadsheets.CHOICES, "roles": choices.Role}


def _in_chinese(what: str, name: str, value: Any) -> Any:
    """A cell as a Chinese reader reads it: choice words, 是/否, rule, flag and notice names.
    English exports keep the stored values, which scripts read."""
    if value is None or value == "":
        return value
    if what == "notices" and name == "kind":  # praise, criticism, withdrawn: not a visit's kind
        return t(f"notice.{value}")
    if name in _YES_NO or (what == "rounds" and name in ("address", "scale")):
        return t("export.yes") if value else ("" if name in FLAG_COLUMNS else t("export.no"))
    enum = _CHOICE_OF.get(name)
    if enum is not None:
        members = [(choices.parse(enum, v), v) for v in split_list(str(value))]
        return listed([choices.word(m) if m else v for m, v in members])
    if name == "flags":
        return listed([flag_word(f) for f in split_list(str(value))])
    if name == "contacts":
        return listed([label(f) for f in split_list(str(value))])
    if name == "rule":
        return rule_name(value)
    return value


def redact(field_name: str, value: Any) -> Any:
    """Masks contact details: the middle of a phone, most of an email and a QQ number."""
    if not value or field_name not in ("landline", "mobile", "email", "qq"):
        return value
    text = str(value)
    if field_name == "email":
        user, _, domain = text.partition("@")
        return f"{user[:1]}***@{domain}"
    return text[:3] + "*" * max(0, len(text) - 7) + text[-4:] if len(text) > 7 else "****"


def export_rows(tx: Tx, book: PolicyBook, what: str, day: str,
                redacted: bool, csv: bool = False) -> Iterator[list[Any]]:
    """The rows of an export, streamed: a 100,000-row export never sits in memory. In CSV,
    survey items get a leading quote, so a spreadsheet never reads ``1-5`` as 5 January (the
    import takes it off)."""
    fields = EXPORTS[what]
    chinese = current_lang() == "zh"
    visits = what == "visits"
    source: Iterator[dict[str, Any]]
    if what == "prospects":
        source = _prospect_rows(tx, book.at(day))
    elif what == "visits":
        source = _visit_rows(tx)
    elif what == "rounds":
        source = queries.export_rounds(tx)
    elif what == "points":
        source = queries.export_points(tx)
    elif what == "notices":
        source = (asdict(n) for n in team.notices(tx, "0000-01-01", "9999-12-31", None))
    else:
        people = daily_report(tx, book, day, None).people
        source = ({f: getattr(person, f) for f in fields} for person in people)
    for row in source:
        values = []
        for name in fields:
            value = row.get(name)
            if isinstance(value, (list, tuple)):
                value = join_list(value)
            if visits and name in CONTACT_COLUMNS:  # captured or not, not the number
                value = (t("export.yes") if value else "") if chinese else (
                    "yes" if value else "")
            elif csv and name == "items" and value:
                value = "'" + str(value)
            elif name in ("landline", "mobile"):
                # 0510-85201292 转 8001: the extension in the cell, as import reads it back
                value = rules.phone_display(
                    value, row.get("landline_ext") if name == "landline" else None)
            elif chinese:
                value = _in_chinese(what, name, value)
            values.append(redact(name, value) if redacted else value)
        yield values


def _visit_rows(tx: Tx) -> Iterator[dict[str, Any]]:
    """Visits with their flags, both read in visit order and zipped as they stream."""
    flags = queries.export_visit_flags(tx)
    pending = next(flags, None)
    for row in queries.export_visits(tx):
        mine = []
        while pending is not None and pending["visit_id"] <= row["id"]:
            if pending["visit_id"] == row["id"]:
                mine.append(pending["flag"])
            pending = next(flags, None)
        got = set(split_list(row["contacts"] or ""))
        yield {**row, "flags": join_list(mine), **{c: c in got for c in CONTACT_COLUMNS}}


def _prospect_rows(tx: Tx, policy: Policy) -> Iterator[dict[str, Any]]:
    for row in queries.export_prospects(tx, policy):
        for flag in FLAG_COLUMNS:
            row[flag] = "yes" if row[flag] else ""
        row["location"] = location_text(row["latitude"], row["longitude"])
        yield row


# --- the whole team (`export --what all`) -------------------------------------------------------

# Every table of record, parents first, as a sheet of the same name; ids are kept. What the
# rules derive (rule-made points, notices, visit flags, a visit's effectiveness) is left out:
# the import derives it again from these.
TEAM_FORMAT = "yulin-team-workbook"
TEAM_TABLES = ("center", "staff", "policy_version", "prospect", "verification_round", "visit",
               "planned_visit", "prospect_change", "visit_photo", "redsea_signal", "inspection",
               "points_entry", "direct_sales_project", "prospect_merge", "merge_moved",
               "deal_outcome", "distinct_pair")
# Columns never carried: who wrote a row is the database's own fact; the rest is derived.
TEAM_LEFT_OUT = {"recorded_by_login", "effective", "failing_checks", "derived_key", "login"}
# A visit's captured contact details, one yes/no column each (as `import --kind visits` reads).
CONTACT_COLUMNS = ("landline", "email", "mobile", "qq")
# Which rows of a table are records: a manager's adjustments, not what a rule gave.
TEAM_WHERE = {"points_entry": "derived_key IS NULL AND rule = 'adjustment'"}
DATE_COLUMNS = {"day", "found_on", "valid_from", "decided_on", "cleared_on", "since", "date"}


def team_columns(table: str) -> list[str]:
    from yulin_cli.models import SQLModel

    names = [c.name for c in SQLModel.metadata.tables[table].columns
             if c.name not in TEAM_LEFT_OUT]
    if table == "visit":
        at = names.index("contacts")
        names[at:at + 1] = list(CONTACT_COLUMNS)
    return names


def team_sheets(tx: Tx) -> Iterator[tuple[str, list[str], Iterator[list[Any]]]]:
    """(sheet, headers, rows) for each table of record, streamed."""
    import json

    for table in TEAM_TABLES:
        columns = team_columns(table)
        stored = [c for c in columns if c not in CONTACT_COLUMNS or table != "visit"]
        if table == "visit":
            stored.insert(stored.index("kind"), "contacts")

        def rows(table: str = table, stored: list[str] = stored,
                 columns: list[str] = columns) -> Iterator[list[Any]]:
            for row in queries.table_rows(tx, table, stored, TEAM_WHERE.get(table)):
                if table == "visit":
                    got = set(split_list(row.pop("contacts") or ""))
                    row.update({c: c in got for c in CONTACT_COLUMNS})
                if table == "policy_version" and not isinstance(row["body"], str):
                    row["body"] = json.dumps(row["body"], ensure_ascii=False, sort_keys=True)
                yield [row[c] for c in columns]

        yield table, columns, rows()


def write_team(tx: Tx, path: str) -> tuple[int, int]:
    """The whole team as one workbook: an about sheet naming the format, then one sheet per
    table of record. Returns (tables, rows)."""
    about: list[list[Any]] = [["format", TEAM_FORMAT], ["version", 1]]
    sheets = [("yulin", ["key", "value"], iter(about))]
    sheets += list(team_sheets(tx))
    rows = spreadsheets.write_xlsx_sheets(path, sheets, DATE_COLUMNS)
    return len(sheets) - 1, rows - 2
