"""Prospects: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from yulin_cli.choices import (
    Interest,
    Need,
    Outcome,
    Ownership,
    Pretext,
    RoundResult,
    VisitKind,
    parse,
    word,
)
from yulin_cli.i18n import cited, colon, explain, flag_word, label, listed, t
from yulin_cli.prospects.queries import FactChangeRow
from yulin_cli.prospects.service import ProspectAdded, ProspectList, ProspectPage, ProspectUpdated
from yulin_cli.records import VisitPhoto
from yulin_cli.render import (
    NO,
    OK,
    Prose,
    Screen,
    advice_table,
    empty,
    more_line,
    new_table,
    rating_view,
    readiness_view,
    stars_text,
    view,
    warnings_of,
    with_login,
)
from yulin_cli.rules import phone_display

if TYPE_CHECKING:  # Rich loads when a view draws (see render.show)
    from rich.console import Group, RenderableType
    from rich.table import Table


@view.register(ProspectAdded)
def _(result: ProspectAdded) -> Screen:
    line = (t("ui.added_duplicate", id=result.id, dup=result.duplicate_of) if result.duplicate_of
            else t("ui.added_prospect", id=result.id, company=result.company))
    from yulin_cli.prospects.likely import warning

    return Screen((line, *(n.message() for n in result.notes)), warnings_of(result.warnings)
                  + tuple(warning(p, result.id) for p in result.possible_duplicates))


@view.register(ProspectUpdated)
def _(result: ProspectUpdated) -> Screen:
    line = (t("ui.changed", id=result.id, fields=listed([label(f) for f in result.changed]))
            if result.changed else t("field.unchanged", id=result.id))
    lost: list[RenderableType | str] = []
    if result.readiness_lost:
        lost.append(Prose(cited(t("ui.readiness_lost", id=result.id), "Q2")))
        for reason in result.readiness_lost:
            lost.append(Prose(f"  {NO} {explain(reason)}"
                              + (f" → {t(reason.fix, **reason.params)}" if reason.fix else ""), indent=4,
                              first_indent=0))
    return Screen((line, *(n.message() for n in result.notes), *lost),
                  warnings_of(result.warnings))


@view.register(ProspectList)
def _(result: ProspectList) -> RenderableType:
    from rich.console import Group

    shown = tuple(result.prospects)
    if not shown:
        return empty("empty.prospects")
    # The duplicate-of column only when a row on the screen has one: empty, it takes the
    # room a company's name needs.
    duplicates = any(p.duplicate_of for p in shown)
    table = new_table(t("ui.id"), t("ui.company"), t("ui.city"), t("ui.source"),
                      t("ui.found_on"), t("ui.stars"),
                      *((t("ui.duplicate_of"),) if duplicates else ()))
    table.columns[4].no_wrap = True
    table.columns[5].no_wrap = True
    for p in shown:
        table.add_row(str(p.id), Prose(p.company), p.city, p.sourced_by, p.found_on,
                      stars_text(p.stars),
                      *((f"#{p.duplicate_of}" if p.duplicate_of else "",) if duplicates else ()))
    return Group(table, *more_line(result.page))


# Facts whose values are choices: shown in the reader's words.
_CHOICE_FIELDS = {"ownership": Ownership, "need": Need, "yulin_interest": Interest}


def _fact(key: str, value: object) -> str:
    if key in ("landline", "mobile"):
        return phone_display(str(value))
    if key in _CHOICE_FIELDS:
        member = parse(_CHOICE_FIELDS[key], str(value))
        return word(member) if member is not None else str(value)
    if key == "deal_value" and isinstance(value, int):
        return t("ui.yuan", amount=value)
    if key == "duplicate_of":
        return f"#{value}"
    return str(value)


def _choice(enum: type[StrEnum], value: str) -> str:
    member = parse(enum, value)
    return word(member) if member is not None else value


@view.register(ProspectPage)
def _(result: ProspectPage) -> Group:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    p = result.prospect
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column()
    shown = ("city", "district", "address", "industry", "ownership", "employees", "pcs",
             "contact_surname", "landline", "mobile", "email", "qq", "found_on", "deal_value",
             "need", "yulin_interest", "sourced_by", "duplicate_of", "partner",
             "recorded_by_login")
    for key in shown:
        value = getattr(p, key)
        if value not in (None, ""):
            shown_value = (phone_display(value, p.landline_ext) if key == "landline"
                           else _fact(key, value))
            facts.add_row(label(key), Prose(shown_value))
    if p.credit_code:
        facts.add_row(label("credit_code"), p.credit_code)
    if p.location is not None:
        facts.add_row(label("location"), f"{p.location[0]:.6f},{p.location[1]:.6f} (WGS-84)")
    flags = [label(k) for k in ("suburban", "platform_interest", "has_oa", "erp_need",
                                "in_selection", "existing_customer") if getattr(p, k)]
    if flags:
        facts.add_row(label("flags"), Prose(listed(flags)))
    parts: list[RenderableType] = [Panel(facts, title=f"#{p.id} {p.company}", title_align="left",
                                         expand=False)]
    if p.merged_into is not None:
        parts.append(Prose(t("field.merged_note", id=p.id, into=p.merged_into),
                           style="bold yellow"))
    if result.rounds:
        # "#" is the id `void 复核` takes, as for visits; the round's number comes beside it.
        rounds = new_table("#", t("ui.round_no"), t("ui.by"), t("ui.pretext"), t("ui.result"),
                           t("ui.date"), title=t("ui.rounds_title"))
        for r in result.rounds:
            outcome = _choice(RoundResult, r.result)
            rounds.add_row(str(r.id), str(r.round_no), with_login(r.by, r.recorded_by_login),
                           _choice(Pretext, r.pretext),
                           listed([outcome, t("ui.voided_mark")]) if r.voided else outcome,
                           r.day, style="strike dim" if r.voided else None)
        parts.append(rounds)
    if result.visits:
        visits = new_table("#", t("ui.date"), t("ui.by"), t("ui.kind"), t("ui.outcome"),
                        t("ui.effective"), t("ui.flags"), title=t("ui.visits_title"))
        for v in result.visits:
            marks = ((t("ui.voided_mark"),) if v.voided else ()) + tuple(
                flag_word(f) for f in v.flags)
            visits.add_row(str(v.id), v.day, with_login(v.by, v.recorded_by_login),
                           _choice(VisitKind, v.kind),
                           _choice(Outcome, v.outcome), OK if v.effective else NO,
                           Prose(listed(list(marks))),
                           style="strike dim" if v.voided else None)
        parts.append(visits)
        photos = [(v.id, ph) for v in result.visits for ph in v.photos]
        if photos:
            parts.append(photos_table(photos))
    voided = [*((f"{t('void.kind_round')} #{r.id}", r.voided) for r in result.rounds
                if r.voided),
              *((f"{t('void.kind_visit')} #{v.id}", v.voided) for v in result.visits
                if v.voided)]
    for which, void in voided:
        assert void is not None
        parts.append(Prose(f"  {which} {t('ui.voided_mark')} {void.at[:10]} {void.by}"
                           f"{colon()}{void.reason}", style="dim", indent=4))
    parts.append(Text(t("ui.readiness"), style="bold"))
    parts.append(readiness_view(p.id, p.company, result.readiness, result.fill))
    parts.append(Text(t("ui.rating"), style="bold"))
    parts.append(rating_view(p.id, p.company, result.rating))
    if result.advice:
        parts.append(advice_table(result.advice))
    if result.history is not None:
        parts.append(history_table(result.history))
    return Group(*parts)


def _history_value(key: str, value: object) -> str:
    if value is None:
        return "-"
    if key == "location" and isinstance(value, list):
        return f"{value[0]:.6f},{value[1]:.6f}"
    if isinstance(value, bool):
        return t("ui.yes") if value else t("ui.no")
    return _fact(key, value) if isinstance(value, str) else str(value)


def history_table(history: tuple[FactChangeRow, ...]) -> RenderableType:
    """Every change of the prospect's facts: when, what, from and to, and who (a person, or
    the visit that found it out)."""
    if not history:
        return empty("empty.history")
    table = new_table(t("ui.date"), t("ui.field"), t("ui.old"), t("ui.new"), t("ui.by"),
                      title=t("ui.history_title"))
    for h in history:
        who = h.by or "-"
        if h.visit_id is not None:
            who = t("ui.by_visit", by=who, visit=h.visit_id)
        table.add_row(h.date, label(h.field), Prose(_history_value(h.field, h.old)),
                      Prose(_history_value(h.field, h.new)), Prose(with_login(who,
                                                                    h.recorded_by_login)))
    return table


def photos_table(photos: list[tuple[int, VisitPhoto]]) -> Table:
    """Each visit's photos (Q15): a short hash to compare, the EXIF date and GPS, the file."""
    table = new_table("#", t("ui.photo_hash"), t("ui.date"), t("ui.photo_place"), t("ui.file"),
                      title=cited(t("ui.photos"), "Q15"))
    for visit_id, ph in photos:
        gps = ("" if ph.latitude is None or ph.longitude is None
               else f"{ph.latitude:.4f},{ph.longitude:.4f}")
        table.add_row(str(visit_id), ph.sha256[:10], (ph.taken_at or "-").replace("T", " "),
                      gps, Prose(ph.path))
    return table
