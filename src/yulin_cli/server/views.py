"""Team mode: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from rich.console import RenderableType

from yulin_cli.i18n import t
from yulin_cli.render import empty, lines_of, new_table, view
from yulin_cli.server.service import LoggedOut, LoginMapped, TeamLogins, TeamSetUp


@view.register
def _(result: TeamSetUp) -> str:
    lines = [t("ui.team_setup", policies=result.policies, tables=result.tables)]
    if result.roles_created:
        lines.append(t("ui.roles_created", roles=", ".join(result.roles_created)))
    if result.logins:
        lines.append(t("ui.logins_synced", logins=", ".join(
            f"{m.login} ({m.group})" for m in result.logins)))
    return lines_of(*lines)


@view.register
def _(result: LoginMapped) -> str:
    return t("ui.login_mapped", login=result.login, staff=result.staff, group=result.group)


@view.register
def _(result: TeamLogins) -> RenderableType:
    if not result.logins:
        return empty("empty.logins")
    table = new_table(t("ui.login"), t("ui.name"), t("ui.login_made"), t("ui.login_last_use"),
                      title=t("ui.logins_title"))
    for login in result.logins:
        staff = login.staff or (t("ui.login_disabled") if login.disabled_at else "-")
        table.add_row(login.login, staff, login.created_at[:10],
                      (login.last_use or "-").replace("T", " ")[:16])
    return table


@view.register
def _(result: LoggedOut) -> str:
    return t("ui.logged_out_disabled" if result.disabled else "ui.logged_out",
             login=result.login, staff=result.staff or "-")
