"""The saved report of this slice (``--save``): a visitor's agenda as a ``Doc``
(``documents.builders``)."""

from __future__ import annotations

from yulin_cli import rules
from yulin_cli.documents import Cell, Doc, Item, Items, Line, Section, Table
from yulin_cli.documents.builders import NO, OK, build, center_of, num
from yulin_cli.i18n import cited, colon, explain, rule_name, t, to_capture
from yulin_cli.visits.service import Agenda


@build.register
def _(result: Agenda) -> Doc:
    sections: list[Section] = []
    rows = []
    group: list[Item] = []
    district: str | None = None
    for n, v in enumerate(result.visits):
        if n and v.district != district:
            sections.append(Section(district or t("ui.district_unknown"), (Items(tuple(group)),)))
            group = []
        district = v.district
        if v.done:
            status, tone = t("ui.done"), "muted"
        elif v.ready:
            status, tone = f"{OK} {t('ui.ready')}", "good"
        else:
            status, tone = f"{NO} {t('ui.not_ready')}", "bad"
        phone = rules.phone_display(v.landline, v.landline_ext)
        contact = " · ".join(x for x in (v.address, v.contact_surname, phone) if x)
        lines: list[tuple[str, str]] = []
        if contact:
            lines.append(("", contact))
        for reason in v.failing:
            text = f"{NO} {cited(rule_name(reason.rule), reason.clause)}{colon()}{explain(reason)}"
            if reason.fix:
                text += f" → {t(reason.fix, **reason.params)}"
            lines.append(("bad", text))
        captured = to_capture(v.to_capture)
        if v.to_capture:
            lines.append(("", f"{cited(t('ui.to_capture'), rules.CLAUSES['effective'])}"
                              f"{colon()}{captured}"))
        opener = cited(explain(v.opener), v.opener.clause)
        lines.append(("muted", f"{t('ui.opener')}{colon()}{opener}"))
        group.append(Item(f"#{v.prospect_id} {v.company}", lines=tuple(lines), status=status,
                          status_tone=tone))
        rows.append((Cell(v.district or t("ui.district_unknown")), num(v.prospect_id),
                     Cell(v.company), Cell(status, tone), Cell(v.address or ""),
                     Cell(v.contact_surname or ""), Cell(phone), Cell(captured), Cell(opener)))
    if group:
        sections.append(Section(district or t("ui.district_unknown"), (Items(tuple(group)),)))
    if rows:
        sections.append(Section(t("saved.name.agenda"), (Table(
            (t("saved.col.district"), t("ui.id"), t("ui.company"), t("ui.status"),
             t("saved.col.address"), t("ui.contact"), t("saved.col.phone"), t("ui.to_capture"),
             t("ui.opener")), tuple(rows), frozenset({1}), shown=False,
            sheet=t("saved.agenda_sheet")),)))
    else:
        sections.append(Section(t("saved.name.agenda"), (Line(t("ui.no_plans"), "muted"),)))
    lead = (Line(t("saved.agenda_lead", visitor=result.visitor, count=len(result.visits))),)
    return Doc("agenda", t("saved.name.agenda_of", visitor=result.visitor),
               center_of(getattr(result, "center", None)), result.date, tuple(sections), lead)
