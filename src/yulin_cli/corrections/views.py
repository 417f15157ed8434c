"""Corrections: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from yulin_cli.corrections.service import Voided
from yulin_cli.i18n import t
from yulin_cli.render import lines_of, view


@view.register
def _(result: Voided) -> str:
    # Name the prospect: a mistyped id voids another prospect's record, and this line shows it.
    lines = [t("ui.voided_of" if result.prospect_id is not None else "ui.voided",
               kind=t(f"void.kind_{result.kind}"), id=result.id, prospect=result.prospect_id,
               by=result.voided_by, reason=result.reason)]
    lines += ["  " + t("ui.given_back", staff=g.staff, delta=g.delta, entry=g.reverses)
              for g in result.points]
    if result.notices:
        lines.append("  " + t("ui.notices_voided", count=result.notices))
    if result.inspection_closed:
        lines.append("  " + t("ui.inspection_closed"))
    if result.plans_reopened:
        lines.append("  " + t("ui.plan_reopened"))
    return lines_of(*lines)
