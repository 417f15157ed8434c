"""Commands of corrections: `void`."""

from typing import Annotated

import typer

from yulin_cli.choices import VoidKind
from yulin_cli.runtime import (
    ByOpt,
    JsonOpt,
    acting,
    answer,
    choice_argument,
    command,
    current,
    sub_app,
    text_option,
    wall_clock,
)

app = sub_app("Corrections: void a mistaken record.")


@command(app, "void")
def void(
    what: Annotated[VoidKind, choice_argument(VoidKind, "KIND",
                                              help="round, visit or points.")],
    record_id: Annotated[int, typer.Argument(
        metavar="ID", help="Its id: round_id, visit_id or a points entry_id.")],
    reason: Annotated[str, typer.Option("--reason", help="Why; kept with the record.")],
    by: ByOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Void a mistaken round, visit or points entry: it stays, struck through, and what it
    earned or cost is given back by new entries. The recorder may void a round or visit the day
    they typed it in; otherwise, for points, and for a visit under inspection, a manager."""
    from yulin_cli.corrections import service

    why = text_option(reason, "--reason", 500)
    name = acting(by)
    answer(lambda tx: service.void(tx, current().book(), what.value, record_id, name, why,
                                   wall_clock()), json_output, write=True)
