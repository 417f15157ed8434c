"""Team mode: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations

from yulin_cli.i18n import t
from yulin_cli.render import lines_of, view
from yulin_cli.server.service import LoginMapped, TeamSetUp


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
