"""Each saved report's ``Doc``, built from its result, in the language in force.

``build`` dispatches on the result's type to the builder its slice registered (``saved``
modules: ``reports.saved`` for the evening report, attention, the period summary, the ranking
and the managers' view; ``visits.saved`` for a visitor's agenda), loaded through ``slices``;
this module holds the dispatcher and the pieces builders share.
"""

from __future__ import annotations

from functools import singledispatch

from yulin_cli.documents import Cell, Doc
from yulin_cli.i18n import t

OK, NO = "✓", "✗"


@singledispatch
def build(result: object) -> Doc:
    """The document of a result that has none of its own: its terminal view's lines."""
    from yulin_cli.clock import today

    return Doc("view", "yulin", t("saved.all_centers"), today(), ())


def center_of(center: str | None) -> str:
    return center or t("saved.all_centers")


def num(value: int, shown: str | None = None, tone: str = "") -> Cell:
    return Cell(shown if shown is not None else str(value), tone, value)


def star_line(stars: int) -> str:
    return "★" * stars + "☆" * (5 - stars)


def day_of_report() -> str:
    from yulin_cli.clock import today

    return today()
