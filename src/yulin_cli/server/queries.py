"""Team mode's SQL about logins: who holds one, the server's role of that name, the logins
`team login` made (``team_login``), when each last wrote, and taking one away.

The server's roles, grants and policies (``setup.py``) and its triggers (``guard.py``) keep
their own SQL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yulin_cli.frozen import frozen

if TYPE_CHECKING:
    from yulin_cli.db import Tx


@frozen
class ServerRole:
    """A role of the login's name on the server (``pg_roles``)."""

    reserved: bool  # a superuser, one that creates roles, or the login running this
    grouped: bool  # it cannot log in: a group role


@frozen
class LoginRow:
    """A login `team login` made (``team_login``), and whose it is now."""

    login: str
    staff: str | None
    created_at: str
    disabled_at: str | None


def holder_of(tx: Tx, login: str) -> str | None:
    """The staff member mapped to ``login``, by name."""
    name: str | None = tx.scalar("SELECT name FROM staff WHERE login = :l", l=login)
    return name


def server_role(tx: Tx, login: str) -> ServerRole | None:
    role = tx.one("SELECT rolsuper OR rolname = current_user OR rolcreaterole AS reserved,"
                  " NOT rolcanlogin AS grouped FROM pg_roles WHERE rolname = :l", l=login)
    return None if role is None else ServerRole(bool(role["reserved"]), bool(role["grouped"]))


def is_ours(tx: Tx, login: str) -> bool:
    """Whether `team login` made this login for this team."""
    return tx.scalar("SELECT login FROM team_login WHERE login = :l", l=login) is not None


def set_password(tx: Tx, login: str, verifier: str, exists: bool) -> None:
    """Creates the login (or resets an existing one) with a SCRAM ``verifier``, never the
    password itself. ``login`` is a checked plain identifier (``service.LOGIN_NAME``)."""
    tx.run(f"{'ALTER' if exists else 'CREATE'} ROLE {login} LOGIN PASSWORD '{verifier}'")


def login_of(tx: Tx, staff_id: int) -> str | None:
    """The login a staff member is mapped to."""
    login: str | None = tx.scalar("SELECT login FROM staff WHERE id = :id", id=staff_id)
    return login


def map_login(tx: Tx, staff_id: int, login: str) -> None:
    tx.run("UPDATE staff SET login = :l WHERE id = :id", l=login, id=staff_id)


def remap_team_login(tx: Tx, login: str, staff_id: int) -> None:
    """One of ours, given to ``staff_id`` and enabled again."""
    tx.run("UPDATE team_login SET staff_id = :s, disabled_at = NULL WHERE login = :l",
           s=staff_id, l=login)


def add_team_login(tx: Tx, login: str, staff_id: int, created_at: str) -> None:
    tx.run("INSERT INTO team_login (login, staff_id, created_at) VALUES (:l, :s, :c)",
           l=login, s=staff_id, c=created_at)


def team_logins(tx: Tx) -> list[LoginRow]:
    """Every login `team login` made, by name."""
    return [LoginRow(r["login"], r["staff"], r["created_at"], r["disabled_at"]) for r in tx.all(
        "SELECT t.login, s.name AS staff, t.created_at, t.disabled_at FROM team_login t"
        " LEFT JOIN staff s ON s.login = t.login ORDER BY t.login")]


# Tables whose rows say when they were written, and the column that does.
_WRITTEN_AT = {"visit": "recorded_at", "verification_round": "recorded_at",
               "prospect": "created_at", "prospect_change": "at",
               "redsea_signal": "recorded_at", "inspection": "decided_at",
               "policy_version": "set_at"}


def last_use(tx: Tx, login: str) -> str | None:
    """When the login last wrote a row (RULES.md: a login's last use is its latest row)."""
    found = [tx.scalar(f"SELECT MAX({column}) FROM {table} WHERE recorded_by_login = :l",
                       l=login) for table, column in _WRITTEN_AT.items()]
    return max((str(f) for f in found if f), default=None)


def unmap_login(tx: Tx, login: str) -> None:
    tx.run("UPDATE staff SET login = NULL WHERE login = :l", l=login)


def disable_login(tx: Tx, login: str) -> None:
    """The login can no longer log in anywhere on the server."""
    tx.run(f'ALTER ROLE "{login}" NOLOGIN')


def mark_disabled(tx: Tx, login: str, at: str) -> None:
    tx.run("UPDATE team_login SET disabled_at = :at WHERE login = :l", at=at, l=login)


def role_exists(tx: Tx, login: str) -> bool:
    return tx.scalar("SELECT 1 FROM pg_roles WHERE rolname = :l", l=login) is not None


def revoke_access(tx: Tx, login: str, groups: tuple[str, ...]) -> None:
    """The login leaves ``groups`` and may no longer connect to this database."""
    database = tx.scalar("SELECT current_database()")
    tx.run(f'REVOKE {", ".join(groups)} FROM "{login}"')
    tx.run(f'REVOKE CONNECT ON DATABASE "{database}" FROM "{login}"')
