"""Commands of closing: how deals ended and how well the stars predicted them (`outcome`,
`calibrate`), and the day's loop around them (`find`, `todo`)."""

from typing import Annotated

import typer

from yulin_cli.choices import CalibrateBy, DealResult
from yulin_cli.errors import BadInput
from yulin_cli.runtime import (
    AllRowsOpt,
    ByOpt,
    DateOpt,
    IdArg,
    JsonOpt,
    LimitOpt,
    acting,
    answer,
    choice,
    choice_argument,
    command,
    current,
    iso_date,
    sub_app,
    text_option,
    today,
)

app = sub_app("Results: deals won or lost, and how well the stars predict them.")


@command(app, "outcome")
def outcome(
    prospect_id: IdArg,
    result: Annotated[DealResult, choice_argument(DealResult, "RESULT",
                                                  help="How the deal ended.")],
    value: Annotated[str | None, typer.Option(
        "--value", help="The deal's value (won), e.g. 25万.")] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why; kept with it.")] = None,
    by: ByOpt = None,
    date: DateOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Record how a prospect's deal ended (Q5, Q13): a manager or its finder; one stands per
    prospect (`void outcome ID` to correct it)."""
    from yulin_cli.closing import service

    amount = None
    if value is not None:
        from yulin_cli.parsers import parse_money

        try:
            amount = parse_money(value)
        except ValueError as exc:
            raise BadInput("input.invalid", option="--value", code=str(exc),
                           value=value) from None
    why = text_option(reason, "--reason", 500) if reason is not None else None
    day = iso_date(date)
    name = acting(by)
    answer(lambda tx: service.record_outcome(tx, prospect_id, result.value, amount, why, day, name),
           json_output, write=True)


@command(app, "calibrate")
def calibrate(
    date_from: Annotated[str | None, typer.Option(
        "--from", help="First day of the first effective visits counted.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Their last day.")] = None,
    by: Annotated[CalibrateBy | None, choice(
        CalibrateBy, "--by", help="One table per prospector, district or industry.")] = None,
    propose: Annotated[str | None, typer.Option(
        "--propose", metavar="FILE",
        help="Write star thresholds that rank these deals best, for policy simulate.")] = None,
    json_output: JsonOpt = False,
) -> None:
    """How well the stars foretell deals (Q5, Q13): each level as rated at the first effective
    visit, its win rate, AUC and Brier score; below 30 decided deals, counts only."""
    from yulin_cli.closing import service

    first = iso_date(date_from, "--from") if date_from is not None else None
    last = iso_date(date_to, "--to") if date_to is not None else None
    answer(lambda tx: service.calibrate(tx, current().book(), first, last,
                                        by.value if by is not None else None, propose),
           json_output)


@command(app, "find")
def find(
    text: Annotated[list[str], typer.Argument(
        metavar="TEXT", help="A phone, a credit code, part of a name or its pinyin initials.")],
    limit: LimitOpt = None,
    every: AllRowsOpt = False,
    json_output: JsonOpt = False,
) -> None:
    """Is this company known already? Check before calling (Q8): by phone in any spelling,
    credit code, part of the name or its pinyin initials."""
    from yulin_cli.closing import finding
    from yulin_cli.runtime import rows_to_show

    wanted = text_option(" ".join(text), "TEXT", 200)  # 0512 6258 1234 unquoted, too
    answer(lambda tx: finding.find(tx, current().book().at(today()), wanted,
                                   rows_to_show(limit, every, json_output)), json_output)


@command(app, "todo")
def todo(
    by: ByOpt = None,
    date: DateOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Your open work, each line with its command: a prospector's prospects missing rounds,
    address, contact or a quota decision; a visitor's week; a manager's take-overs,
    inspections, possible duplicates and every visitor's next day."""
    from yulin_cli.closing import todos

    name = acting(by)
    day = iso_date(date, ahead=True)
    answer(lambda tx: todos.todo(tx, current().book(), name, day), json_output)
