"""Team mode: setting up the server's roles and policies, and giving a person a login."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from yulin_cli.errors import BadInput, RuleRefusal
from yulin_cli.frozen import frozen
from yulin_cli.results import Result
from yulin_cli.server import queries, setup
from yulin_cli.team import queries as team

if TYPE_CHECKING:
    from yulin_cli.db import Db, Tx

# Logins are typed unquoted in psql and in URLs: plain lowercase identifiers only.
LOGIN_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")


@frozen
class MappedLogin:
    login: str
    group: str


@frozen
class TeamSetUp(Result):
    roles_created: tuple[str, ...]
    policies: int
    tables: int
    logins: tuple[MappedLogin, ...]


@frozen
class LoginMapped(Result):
    login: str
    staff: str
    group: str
    created: bool


@frozen
class TeamLogin:
    login: str
    staff: str | None
    created_at: str
    disabled_at: str | None
    last_use: str | None  # when it last wrote a row


@frozen
class TeamLogins(Result):
    logins: tuple[TeamLogin, ...]

    def to_json(self) -> object:
        from yulin_cli.results import jsonable

        return [jsonable(login) for login in self.logins]


@frozen
class LoggedOut(Result):
    login: str
    staff: str | None
    disabled: bool


def require_server(db: Db) -> None:
    from yulin_cli.db import is_psycopg

    if not is_psycopg(db.target):
        raise BadInput("team.needs_postgres")


def set_up(db: Db) -> TeamSetUp:
    """Group roles, grants, default privileges, policies and each mapped login's groups, in one
    transaction; run again after changing someone's roles (and `yulin upgrade` renews it)."""
    require_server(db)
    with db.write() as tx:
        created = setup.create_roles(tx)
        policies = setup.apply(tx)
        logins = setup.sync_logins(tx)
    return TeamSetUp(tuple(created), policies, len(setup.RECORDED),
                     tuple(MappedLogin(login, group) for login, group in logins))


def check_login_name(login: str) -> str:
    if not LOGIN_NAME.fullmatch(login):
        raise BadInput("login.bad_name", login=login)
    return login


def check_password(password: str) -> str:
    if not 8 <= len(password) <= 128 or any(ord(c) < 32 or ord(c) == 127 for c in password):
        raise BadInput("login.bad_password")
    return password


def add_login(db: Db, login: str, staff: str, password: str) -> LoginMapped:
    """Creates (or resets) a person's login in the right group and maps it to them; the
    password goes to the server already hashed (SCRAM), so no statement log ever holds it."""
    require_server(db)
    check_login_name(login)
    check_password(password)
    from yulin_cli.clock import utc_stamp
    from yulin_cli.db import scram_verifier

    with db.write() as tx:
        if not setup.roles_exist(tx):
            raise BadInput("login.no_roles")
        person = team.staff_by_name(tx, staff)
        holder = queries.holder_of(tx, login)
        if holder is not None and holder != staff:
            raise RuleRefusal("login.taken", login=login, staff=holder)
        role = queries.server_role(tx, login)
        if role is not None and role.reserved:
            raise RuleRefusal("login.reserved", login=login)
        ours = queries.is_ours(tx, login)
        if role is not None and (role.grouped or login in (setup.STAFF, setup.MANAGERS)):
            # A group role made a login would let anyone logged in as it act as the group.
            raise RuleRefusal("login.group", login=login)
        if role is not None and not ours:
            # Another team's login on the same cluster (or anyone's): never reset or taken.
            raise RuleRefusal("login.foreign", login=login)
        verifier = scram_verifier(tx, login, password)
        queries.set_password(tx, login, verifier, exists=role is not None)
        old = queries.login_of(tx, person.id)
        if old and old != login:
            _retire(tx, old)
        group = setup.grant_login(tx, login, person.has_role("manager"))
        queries.map_login(tx, person.id, login)
        if ours:
            queries.remap_team_login(tx, login, person.id)
        else:
            queries.add_team_login(tx, login, person.id, utc_stamp())
    return LoginMapped(login, staff, group, role is None)


def logins(db: Db) -> TeamLogins:
    """The logins `team login` made for this team, whose they are and when each last wrote."""
    require_server(db)
    with db.read() as tx:
        return TeamLogins(tuple(TeamLogin(r.login, r.staff, r.created_at, r.disabled_at,
                                          queries.last_use(tx, r.login))
                                for r in queries.team_logins(tx)))


def logout(db: Db, login: str, disable: bool) -> LoggedOut:
    """Takes a login away: it is mapped to nobody and leaves the groups and this database;
    with ``disable`` it can no longer log in anywhere. Offboarding a person is this."""
    from yulin_cli.clock import utc_stamp

    require_server(db)
    check_login_name(login)
    with db.write() as tx:
        if not queries.is_ours(tx, login):
            raise RuleRefusal("login.foreign", login=login)
        staff = queries.holder_of(tx, login)
        queries.unmap_login(tx, login)
        _retire(tx, login)
        if disable:
            queries.disable_login(tx, login)
        queries.mark_disabled(tx, login, utc_stamp())
    return LoggedOut(login, staff, disable)


def _retire(tx: Tx, login: str) -> None:
    """A person's previous login loses its groups and this database: it no longer acts."""
    if not queries.role_exists(tx, login):
        return
    queries.revoke_access(tx, login, (setup.STAFF, setup.MANAGERS))
