"""Commands of guidance: `show` (one prospect's page), `advise` and `playbook`."""

from typing import Annotated

import typer

from yulin_cli.errors import BadInput
from yulin_cli.runtime import IdArg, JsonOpt, answer, command, current, respond, sub_app

app = sub_app("Guidance: advice for one prospect, and the playbook.")


@command(app, "show")
def show_prospect(
    prospect_id: IdArg,
    history: Annotated[bool, typer.Option(
        "--history", help="Also list every change of its facts.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Everything about one prospect: facts, rounds, visits, readiness and rating."""
    from yulin_cli.guidance import service

    answer(lambda tx: service.page(tx, current().policy(), prospect_id, history=history), json_output)


@command(app, "advise")
def advise(prospect_id: IdArg, json_output: JsonOpt = False) -> None:
    """The guidance that applies to this prospect, each with its rule and clause."""
    from yulin_cli.guidance import service

    answer(lambda tx: service.advise(tx, current().policy(), prospect_id), json_output)


@command(app, "playbook")
def playbook(
    topic: Annotated[str | None, typer.Argument(help="A clause (q5) or rule id (stars).")] = None,
    search: Annotated[str | None, typer.Option("--search", help="Topics containing a word.")] = (
        None),
    json_output: JsonOpt = False,
) -> None:
    """Browse the playbook, Q1-Q18, in our own words (zh and en)."""
    from yulin_cli.guidance import service
    from yulin_cli.guidance.playbook import find
    from yulin_cli.i18n import current_lang

    topics = find(topic, search)
    if topic and not topics:
        raise BadInput("bad.no_topic", topic=topic)
    respond(service.playbook(topics, current_lang(), current().policy()), json_output)
