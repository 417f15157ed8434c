"""Validating the rows of a prospect import: spreadsheet cells to the values ``add-prospect``
stores, with every error of a row. Big files are validated here by worker processes, so this
module loads only what validating needs (not the services, views or database).
"""

from __future__ import annotations

import functools
from typing import Any

from yulin_cli import forms
from yulin_cli.data import spreadsheets
from yulin_cli.errors import BadInput
from yulin_cli.prospects.service import normalised
from yulin_cli.records import FLAG_COLUMNS
from yulin_cli.rules.dates import dating_problem
from yulin_cli.values import clean_text

_NOT_IMPORTED = ("id", "duplicate_of", "stars")


def error_text(err: BadInput) -> str:
    from yulin_cli.i18n import t

    if err.key == "input.missing":
        return t("bad.required")
    code = err.params.get("code")
    return t(code) if isinstance(code, str) and code else str(err.params.get("detail"))


def _prepare(cells: list[Any], plan: list[tuple[int, str, str]],
             today: str) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Spreadsheet cells -> input-model data: yes/no cells, Chinese enum words, defaults."""
    data: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for index, key, kind in plan:
        if index >= len(cells):
            break
        value = cells[index]
        text = value.strip() if isinstance(value, str) else value
        if kind is _FLAG:
            flag = spreadsheets.truthy(text)
            if flag is None:
                problems.append((key, "bad.yes_no"))
            data[key] = bool(flag)
        elif text not in ("", None):
            data[key] = _choice_value(key, text) if kind is _CHOICE else text
    data.setdefault("found_on", today)
    return data, problems


_FLAG, _CHOICE, _TEXT = "flag", "choice", "text"


def _plan(columns: dict[int, str]) -> list[tuple[int, str, str]]:
    """(index, field, kind) of each column a row is read from, in order: worked out once per
    batch of rows, not once per cell."""
    return [(index, key, _FLAG if key in FLAG_COLUMNS else
             _CHOICE if key in _CHOICE_COLUMNS else _TEXT)
            for index, key in sorted(columns.items()) if key not in _NOT_IMPORTED]


_CHOICE_COLUMNS = frozenset(("ownership", "need", "yulin_interest"))
# A column holds a few distinct words: each is looked up once, not once a row.
_choice_value = functools.lru_cache(maxsize=4096)(spreadsheets.choice_value)


Validated = tuple[int, dict[str, Any] | None, list[tuple[str, str]], str | None]


def validate_rows(rows: list[tuple[int, list[Any]]], columns: dict[int, str],
                  today: str) -> list[Validated]:
    """(row, values or None, [(field, reason)], finder's name) for each (row, cells): the
    add-prospect input model. The finder's name comes back even from a bad row, so an
    unknown one is reported with the row's other errors.

    Runs in worker processes for big files, so it touches no database and no shared state.
    """
    from yulin_cli.i18n import t
    from yulin_cli.values import pinned_today

    with pinned_today(today):  # 10/19 and 昨天 are read against the import's day
        return _validate_rows(rows, columns, today, t)


def _validate_rows(rows: list[tuple[int, list[Any]]], columns: dict[int, str], today: str,
                   t: Any) -> list[Validated]:
    out: list[Validated] = []
    plan = _plan(columns)
    for number, cells in rows:
        data, problems = _prepare(cells, plan, today)
        errors = [(key, t(code)) for key, code in problems]
        # A plain row takes the quick path; any other gets the model and every error.
        checked = forms.quick_prospect(data)
        if checked is None:
            from pydantic import ValidationError

            from yulin_cli import inputs  # Pydantic: only for a row that is not plain

            try:
                checked = inputs.ProspectIn.model_validate(data).model_dump()
            except ValidationError as exc:
                errors += [(str(e.params["field"]), error_text(e))
                           for e in inputs.input_errors(exc, row=number)]
        # Pure work done here too, off the process that writes.
        if checked is not None and dating_problem(str(checked["found_on"]), today):
            errors.append(("found_on", t("bad.future_found", day=checked["found_on"],
                                         today=today)))
        values = None
        if checked is not None and not errors:
            try:
                values = normalised(checked)
            except BadInput as exc:  # a local landline in a city without a known area code
                errors.append((str(exc.params["field"]), error_text(exc)))
        try:
            source = (checked["sourced_by"] if checked is not None
                      else clean_text(data.get("sourced_by") or "", 100) or None)
        except ValueError:
            source = None  # already an error of the row
        out.append((number, values, errors, source))
    return out


def worker_start(lang: str) -> None:
    import signal

    from yulin_cli.i18n import set_lang
    from yulin_cli.workers import die_with_parent

    # Ctrl-C in a terminal reaches every process of the group: the import stops in the main
    # process, which rolls back and says so; a worker just stops with it, without a word.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()  # a killed import (SIGKILL too) leaves no worker behind
    set_lang(lang)
