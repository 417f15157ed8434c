"""Commands of team mode: `team setup`, `team login`, `team logins` and `team logout`
(PostgreSQL, run by the administrator)."""

import os
from typing import Annotated

import typer

from yulin_cli.runtime import JsonOpt, command, current, respond, sub_app

app = sub_app("Team mode on PostgreSQL.")
team_app = sub_app("Team mode on PostgreSQL: roles, policies and logins. / 团队模式。")
app.add_typer(team_app, name="team")


@command(team_app, "setup")
def setup(json_output: JsonOpt = False) -> None:
    """Create the group roles, grants and row-level security; run again after upgrades."""
    from yulin_cli.server import service

    respond(service.set_up(current().db()), json_output)


@command(team_app, "login")
def login(
    name: Annotated[str, typer.Argument(metavar="LOGIN", help="The database login to create.")],
    staff: Annotated[str, typer.Option("--staff", help="The staff member it belongs to.")],
    json_output: JsonOpt = False,
) -> None:
    """Give a staff member a login; the password comes from YULIN_PASSWORD or a prompt."""
    from yulin_cli.errors import BadInput
    from yulin_cli.i18n import t
    from yulin_cli.server import service

    db = current().db()
    service.require_server(db)
    service.check_login_name(name)  # before asking for a password it could not use
    password = os.environ.get("YULIN_PASSWORD")
    if password is None:
        try:
            password = typer.prompt(t("login.prompt", login=name), hide_input=True,
                                    confirmation_prompt=t("login.prompt_again"), err=True)
        except typer.Abort:  # no terminal, or the input ended: nothing was asked of the server
            raise BadInput("login.no_password", login=name) from None
    respond(service.add_login(db, name, staff, password), json_output)


@command(team_app, "logins")
def logins(json_output: JsonOpt = False) -> None:
    """The logins made for this team: whose each is, and when it last wrote."""
    from yulin_cli.server import service

    respond(service.logins(current().db()), json_output)


@command(team_app, "logout")
def logout(
    name: Annotated[str, typer.Argument(metavar="LOGIN", help="The login to take away.")],
    disable: Annotated[bool, typer.Option(
        "--disable", help="Also stop it logging in anywhere (someone who left).")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Take a login away from its person: it leaves the team's groups and this database."""
    from yulin_cli.server import service

    respond(service.logout(current().db(), name, disable), json_output)
