"""What the server itself enforces in team mode: the group roles, their grants, row-level
security and the guard's triggers (`yulin team setup`, renewed by every upgrade).

Every person works under their own login, a member of ``yulin_staff``; managers' logins are
also members of ``yulin_managers``, but what a manager may do comes from the ``staff`` row
mapped to the login (``guard.yulin_manager``), so a demotion takes effect at once. The CLI
refuses what a person may not do; the server refuses it too, even for SQL typed in psql:

- grants say which tables and columns a staff login may write at all (``RECORDED``): never
  ``id``, ``recorded_by_login``, ``login``, ``meta`` or ``alembic_version``; sequences only to
  draw from (``nextval``), never to move;
- row-level security says each row a login adds carries its own login (``recorded_by_login``);
- the triggers of ``guard`` say what each row may hold: rule-made points and notices exactly as
  the rules and the policy version in force make them, a visit's effectiveness as its survey
  says, answers, adjustments, merges, policy versions, centres and people only by managers, a
  prospect of someone else's changed only in what a visit finds out, with its history;
- nobody but the administrator (the schema's owner) writes ``meta`` or ``alembic_version``, maps
  logins (``staff.login``) or migrates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yulin_cli.db import Tx

STAFF, MANAGERS = "yulin_staff", "yulin_managers"

# Tables with rows written by commands (each has recorded_by_login), and what staff logins may
# do there: "insert", "delete", and the columns they may update ("*": all but PROTECTED). The
# triggers of ``guard`` decide which rows and which values (managers' acts included).
RECORDED: dict[str, dict[str, tuple[str, ...]]] = {
    "center": {"insert": (), "update": ("name", "city")},
    "staff": {"insert": (), "update": ("name", "center_id", "roles", "industries", "since")},
    "prospect": {"insert": (), "update": ("*",)},
    # prospect_id (and a round's number): what a manager's merge moves.
    "verification_round": {"insert": (), "update": ("voided_at", "voided_by_id", "void_reason",
                                                    "prospect_id", "round_no")},
    "planned_visit": {"insert": (), "update": ("visit_id", "prospect_id")},
    "visit": {"insert": (), "update": ("effective", "failing_checks", "voided_at",
                                       "voided_by_id", "void_reason", "prospect_id")},
    "visit_flag": {"insert": (), "delete": ()},
    "visit_photo": {"insert": ()},
    "redsea_signal": {"insert": (), "update": ("cleared_on", "cleared_by_id", "prospect_id")},
    "points_entry": {"insert": (), "update": ("*",), "delete": ()},
    "notice": {"insert": (), "update": ("*",), "delete": ()},
    "inspection": {"insert": (), "update": ("status", "decided_by", "decided_on", "decided_at",
                                            "note", "flags"), "delete": ()},
    "direct_sales_project": {"insert": (), "update": ("status",)},
    "prospect_merge": {"insert": (), "update": ("unmerged_at", "unmerged_by_id")},
    "merge_moved": {"insert": ()},
    "prospect_change": {"insert": ()},
    "policy_version": {"insert": ()},
    "team_login": {},
    "deal_outcome": {"insert": (), "update": ("voided_at", "voided_by_id", "void_reason")},
    "distinct_pair": {"insert": ()},
    # Pairs of likely duplicates, judged again by any write that changes a prospect's facts.
    "likely_pair": {"insert": (), "delete": ()},
    # Anyone may send a report to the team's chat (`notify`): queue it, and mark it sent.
    "notify_outbox": {"insert": (), "update": ("tried_at", "sent_at", "attempts", "last_error")},
}
# Columns nobody but the administrator writes once a row exists.
PROTECTED = ("id", "recorded_by_login", "login", "created_at", "derived_key")
_MINE = "recorded_by_login = current_user"
# Settings of every team login: a lock held elsewhere (a forgotten transaction, a LOCK TABLE
# typed in psql, an advisory lock) makes a command fail in seconds instead of hanging.
TIMEOUTS = {"lock_timeout": "5s", "statement_timeout": "60s",
            "idle_in_transaction_session_timeout": "60s"}


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def roles_exist(tx: Tx) -> bool:
    return bool(tx.scalar("SELECT COUNT(*) FROM pg_roles WHERE rolname IN (:s, :m)",
                          s=STAFF, m=MANAGERS) == 2)


def create_roles(tx: Tx) -> list[str]:
    """The two group roles, when missing (needs CREATEROLE); returns those created."""
    created = []
    existing = {r["rolname"] for r in tx.all(
        "SELECT rolname FROM pg_roles WHERE rolname IN (:s, :m)", s=STAFF, m=MANAGERS)}
    for role in (STAFF, MANAGERS):
        if role not in existing:
            tx.run(f"CREATE ROLE {role} NOLOGIN")
            created.append(role)
        else:
            tx.run(f"ALTER ROLE {role} NOLOGIN")  # a group is never a login
    tx.run(f"GRANT {STAFF} TO {MANAGERS}")
    return created


def apply(tx: Tx) -> int:
    """Grants, default privileges, policies and the guard's triggers on the current schema,
    replacing earlier ones (idempotent); returns the number of policies and triggers."""
    from yulin_cli.server import guard

    schema = _ident(tx.scalar("SELECT current_schema()"))
    tables = {r["table_name"] for r in tx.all(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        " AND table_type = 'BASE TABLE'")}
    columns: dict[str, list[str]] = {}
    for r in tx.all("SELECT table_name, column_name FROM information_schema.columns"
                    " WHERE table_schema = current_schema() ORDER BY ordinal_position"):
        columns.setdefault(r["table_name"], []).append(r["column_name"])
    tx.run(f"GRANT USAGE ON SCHEMA {schema} TO {STAFF}")
    # Only the groups hold rights here: whatever else was granted, to a login or to PUBLIC, goes.
    strays = {r["grantee"] for r in tx.all(
        "SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident("
        "pg_get_userbyid(a.grantee)) END AS grantee FROM pg_class c, aclexplode(c.relacl) a"
        " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'S')"
        " AND a.grantee <> c.relowner UNION SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC'"
        " ELSE quote_ident(pg_get_userbyid(a.grantee)) END FROM pg_attribute att"
        " JOIN pg_class c ON c.oid = att.attrelid, aclexplode(att.attacl) a"
        " WHERE c.relnamespace = current_schema()::regnamespace AND a.grantee <> c.relowner")}
    for grantee in sorted(strays | {STAFF, MANAGERS}):
        tx.run(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {grantee}")
        tx.run(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {grantee}")
    tx.run(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {STAFF}")
    # Drawing ids only: moving a sequence (setval) would break every later insert.
    tx.run(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {STAFF}")
    # Tables a later upgrade adds are readable at once; `yulin upgrade` renews the rest.
    tx.run(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES TO {STAFF}")
    tx.run(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema}"
           f" GRANT USAGE, SELECT ON SEQUENCES TO {STAFF}")
    policies = 0
    for table, (privileges, updatable) in wanted_grants(tables, columns).items():
        if table not in RECORDED:
            continue
        _drop_policies(tx, table)
        tx.run(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        statements = [f"CREATE POLICY yulin_read ON {table} FOR SELECT TO {STAFF} USING (true)"]
        if "INSERT" in privileges:
            tx.run(f"GRANT INSERT ON {table} TO {STAFF}")
            statements.append(f"CREATE POLICY yulin_insert ON {table} FOR INSERT TO {STAFF}"
                              f" WITH CHECK ({_MINE})")
        if updatable:
            tx.run(f"GRANT UPDATE ({', '.join(updatable)}) ON {table} TO {STAFF}")
            statements.append(f"CREATE POLICY yulin_update ON {table} FOR UPDATE TO {STAFF}"
                              " USING (true) WITH CHECK (true)")
        if "DELETE" in privileges:
            tx.run(f"GRANT DELETE ON {table} TO {STAFF}")
            statements.append(f"CREATE POLICY yulin_delete ON {table} FOR DELETE TO {STAFF}"
                              " USING (true)")
        for statement in statements:
            tx.run(statement)
        policies += len(statements)
    return policies + guard.install(tx, tables)


def wanted_grants(tables: set[str], columns: dict[str, list[str]]
                  ) -> dict[str, tuple[set[str], list[str]]]:
    """What ``yulin_staff`` holds on each table: its table-wide privileges and the columns it
    may update (``apply`` grants exactly this; ``drift`` checks nothing else is there)."""
    grants: dict[str, tuple[set[str], list[str]]] = {}
    for table in sorted(tables):
        allowed = RECORDED.get(table, {})
        privileges = {"SELECT"} | {p.upper() for p in ("insert", "delete") if p in allowed}
        wanted = allowed.get("update", ())
        cols = columns.get(table, [])
        updatable = [c for c in cols if c not in PROTECTED] if wanted == ("*",) else [
            c for c in wanted if c in cols]
        grants[table] = (privileges, updatable)
    return grants


def is_set_up(tx: Tx) -> bool:
    """Whether `team setup` ran on this database (the group roles are the cluster's, shared
    by every team and test database on it: the policies it made are this database's)."""
    return bool(tx.scalar("SELECT COUNT(*) FROM pg_policies WHERE schemaname = current_schema()"
                          " AND policyname LIKE 'yulin%'"))


def drift(tx: Tx) -> list[str]:
    """What differs from what `team setup` made, language-free ("rls:visit",
    "grant:points_entry:lina:UPDATE", ...): row-level security on every table of record, the
    guard's triggers, the grants (nothing more, nothing less), groups that cannot log in, and
    the timeouts of every login mapped to a person. Empty when all holds."""
    from yulin_cli.server import guard

    found: list[str] = []
    tables = {r["relname"]: r for r in tx.all(
        "SELECT c.relname, c.relrowsecurity, c.relkind, pg_get_userbyid(c.relowner) AS owner"
        " FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace"
        " AND c.relkind IN ('r', 'S')")}
    base = {name for name, r in tables.items() if r["relkind"] == "r"}
    columns: dict[str, list[str]] = {}
    for r in tx.all("SELECT table_name, column_name FROM information_schema.columns"
                    " WHERE table_schema = current_schema() ORDER BY ordinal_position"):
        columns.setdefault(r["table_name"], []).append(r["column_name"])
    found += [f"rls:{t}" for t in sorted(base & set(RECORDED)) if not tables[t]["relrowsecurity"]]
    triggers = {(r["relname"], r["tgname"]) for r in tx.all(
        "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
        " WHERE c.relnamespace = current_schema()::regnamespace AND t.tgname LIKE 'yulin%'"
        " AND t.tgenabled <> 'D'")}
    expected = {(t, "yulin_guard") for t in guard.GUARDS if t in base} | {
        (t, "yulin_history") for t in guard.AFTER if t in base}
    found += [f"trigger:{t}" for t, _n in sorted(expected - triggers)]
    # Every privilege held on this schema's tables and sequences by anyone but their owner.
    held: set[tuple[str, str, str, str]] = set()
    for r in tx.all(
            "SELECT c.relname, '' AS col, CASE WHEN a.grantee = 0 THEN 'PUBLIC'"
            " ELSE pg_get_userbyid(a.grantee) END AS grantee, a.privilege_type"
            " FROM pg_class c, aclexplode(c.relacl) a WHERE c.relnamespace ="
            " current_schema()::regnamespace AND c.relkind IN ('r', 'S')"
            " AND a.grantee <> c.relowner"
            " UNION ALL SELECT c.relname, att.attname, CASE WHEN a.grantee = 0 THEN 'PUBLIC'"
            " ELSE pg_get_userbyid(a.grantee) END, a.privilege_type FROM pg_attribute att"
            " JOIN pg_class c ON c.oid = att.attrelid, aclexplode(att.attacl) a"
            " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'"
            " AND att.attnum > 0 AND NOT att.attisdropped AND a.grantee <> c.relowner"):
        held.add((r["relname"], r["col"], r["grantee"], r["privilege_type"]))
    want: set[tuple[str, str, str, str]] = set()
    for table, (privileges, updatable) in wanted_grants(base, columns).items():
        want |= {(table, "", STAFF, p) for p in privileges}
        want |= {(table, c, STAFF, "UPDATE") for c in updatable}
    want |= {(name, "", STAFF, p) for name, r in tables.items() if r["relkind"] == "S"
             for p in ("USAGE", "SELECT")}
    for table, col, grantee, privilege in sorted(held - want):
        found.append(f"grant:{table}{'.' + col if col else ''}:{grantee}:{privilege}")
    for table, col, grantee, privilege in sorted(want - held):
        found.append(f"missing-grant:{table}{'.' + col if col else ''}:{grantee}:{privilege}")
    found += [f"login:{r['rolname']}" for r in tx.all(
        "SELECT rolname FROM pg_roles WHERE rolname IN (:s, :m) AND rolcanlogin ORDER BY 1",
        s=STAFF, m=MANAGERS)]
    settings: dict[str, set[str]] = {}
    for r in tx.all(
            "SELECT r.rolname, unnest(s.setconfig) AS setting FROM pg_db_role_setting s"
            " JOIN pg_roles r ON r.oid = s.setrole JOIN pg_database d ON d.oid = s.setdatabase"
            " WHERE d.datname = current_database()"):
        settings.setdefault(r["rolname"], set()).add(r["setting"])
    wanted_settings = {f"{k}={v}" for k, v in TIMEOUTS.items()}
    for r in tx.all("SELECT s.login FROM staff s JOIN pg_roles r ON r.rolname = s.login"
                    " ORDER BY s.login"):
        if not wanted_settings <= settings.get(r["login"], set()):
            found.append(f"timeouts:{r['login']}")
    return found


def _drop_policies(tx: Tx, table: str) -> None:
    for r in tx.all("SELECT policyname FROM pg_policies WHERE schemaname = current_schema()"
                    " AND tablename = :t AND policyname LIKE 'yulin%'", t=table):
        tx.run(f"DROP POLICY {_ident(r['policyname'])} ON {table}")


def sync_logins(tx: Tx) -> list[tuple[str, str]]:
    """Each mapped login in the right groups, allowed to connect; (login, group) of each."""
    database = _ident(tx.scalar("SELECT current_database()"))
    tx.run(f"REVOKE CONNECT ON DATABASE {database} FROM PUBLIC")
    synced = []
    for r in tx.all("SELECT s.login, s.roles FROM staff s JOIN pg_roles r ON r.rolname = s.login"
                    " WHERE s.login IS NOT NULL ORDER BY s.login"):
        synced.append((r["login"], grant_login(tx, r["login"], "manager" in (r["roles"] or "")
                                               .split(","))))
    return synced


def grant_login(tx: Tx, login: str, manager: bool) -> str:
    """Puts a login in its groups, with the team's timeouts, and lets it connect to this
    database; returns its group."""
    database = _ident(tx.scalar("SELECT current_database()"))
    name = _ident(login)
    tx.run(f"GRANT CONNECT ON DATABASE {database} TO {name}")
    tx.run(f"GRANT {STAFF} TO {name}")
    tx.run(f"{'GRANT' if manager else 'REVOKE'} {MANAGERS} {'TO' if manager else 'FROM'} {name}")
    for setting, value in TIMEOUTS.items():
        tx.run(f"ALTER ROLE {name} IN DATABASE {database} SET {setting} = '{value}'")
    return MANAGERS if manager else STAFF


def renew_if_set_up(tx: Tx) -> None:
    """After an upgrade: the grants, policies and guard again, when this database is a
    team's."""
    if roles_exist(tx) and is_set_up(tx):
        apply(tx)
