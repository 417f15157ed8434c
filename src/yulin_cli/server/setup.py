"""What the server itself enforces in team mode: the group roles, their grants and the row-level
security policies (`yulin team setup`, renewed by every upgrade).

Every person works under their own login, a member of ``yulin_staff``; managers' logins are
also members of ``yulin_managers``. The CLI refuses what a role may not do; these grants and
policies make the server refuse it too, even for SQL typed by hand in psql:

- staff read everything; they add prospects, rounds, plans, visits, flags, red-sea signals and
  direct-sales projects, change a prospect's facts, close their plans, and replace red-sea
  signals. Each row they add must carry their own login (``recorded_by_login``), and rounds and
  visits their own staff id.
- the points and notices a rule writes when a staff member logs a visit (a substandard penalty,
  a sweep reward) are the only ones they may add: tied to a visit that login wrote, with the
  rule's sign, the right person and one entry per visit. An inspection they may only open.
- a staff member may void their own round or visit: mark it (the void columns of their own
  rows), give back its entries and notices (the exact opposite, once) and close its open
  inspection as voided. Voiding anyone else's record, or a points entry, is managers'.
- managers may also add centres and staff, change roles, adjust points, settle inspections and
  merge prospects (they update any column but ``id``, ``login`` and ``recorded_by_login``).
- nobody but the administrator (the schema's owner) writes ``meta`` or ``alembic_version``, maps
  logins (``staff.login``) or migrates.

The amounts stay policy, defined in Python (``rules``); the server checks who, which rule and
which sign, not the number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yulin_cli.db import Tx

STAFF, MANAGERS = "yulin_staff", "yulin_managers"

# Tables with rows written by commands (each has recorded_by_login), and what staff may do there:
# "insert", "delete", and the columns they may update ("*" = all but the protected ones).
RECORDED: dict[str, dict[str, tuple[str, ...]]] = {
    "center": {},
    "staff": {},
    "prospect": {"insert": (), "update": ("*",)},
    "verification_round": {"insert": ()},
    "planned_visit": {"insert": (), "update": ("visit_id",)},
    "visit": {"insert": ()},
    "visit_flag": {"insert": (), "delete": ()},
    "redsea_signal": {"insert": (), "delete": ()},
    "points_entry": {"insert": ()},
    "notice": {"insert": ()},
    "inspection": {"insert": (), "delete": ()},
    "direct_sales_project": {"insert": (), "update": ("status",)},
    # A photo of a visit the login logged (Q15).
    "visit_photo": {"insert": ()},
    # Merges are managers' (and undone by them).
    "prospect_merge": {},
    "merge_moved": {},
    # Every change of a prospect's facts, by whoever made it.
    "prospect_change": {"insert": ()},
    # The team's policy: managers set versions.
    "policy_version": {},
}
# Voiding (`yulin void`): the recorder voids their own round or visit; its reversing entries
# and notices, and the closing of its open inspection, follow. Whose row and which columns,
# for staff: (columns, USING, WITH CHECK).
_VOID_COLUMNS = ("voided_at", "voided_by_id", "void_reason")
STAFF_UPDATES: dict[str, list[tuple[str, tuple[str, ...], str, str]]] = {
    "verification_round": [("void", _VOID_COLUMNS, "recorded_by_login = current_user", "true")],
    "visit": [("void", _VOID_COLUMNS, "recorded_by_login = current_user", "true"),
              # What the rules derive for a visit, kept up to date by whoever's command
              # changed a fact it is judged on.
              ("judged", ("effective", "failing_checks"), "true", "true")],
    # A signal is withdrawn, dated, never deleted.
    "redsea_signal": [("clear", ("cleared_on", "cleared_by_id"), "true", "true")],
}
# Rows staff may delete: what the rules no longer derive (a flag, an unanswered question).
STAFF_DELETES: dict[str, str] = {
    "visit_flag": "true",
    "redsea_signal": "true",
    "inspection": "status = 'open'",
}
# Only the administrator writes these.
ADMIN_ONLY = ("meta", "alembic_version")
# Columns nobody but the administrator changes once a row exists.
PROTECTED = ("id", "recorded_by_login", "login", "created_at")
STAFF_PROTECTED = (*PROTECTED, "merged_into")

_MINE = "recorded_by_login = current_user"
_MY_STAFF_ID = "staff_id = (SELECT s.id FROM staff s WHERE s.login = current_user)"
_MY_VISIT = ("EXISTS (SELECT 1 FROM visit v WHERE v.id = {t}.visit_id"
             " AND v.recorded_by_login = current_user{more})")
# What a rule writes when a staff member logs a visit (RULES.md `substandard`, `sweep`): the
# penalty goes to the prospect's finder, the reward to the visitor of an effective sweep.
_RULE_ENTRY = (
    "{t}.rule IN ('substandard', 'sweep') AND {t}.prospect_id = v.prospect_id"
    " AND ({t}.rule = 'sweep' AND v.kind = 'sweep' AND v.effective AND {t}.delta >= 0"
    "      AND {t}.staff_id = v.staff_id"
    "  OR {t}.rule = 'substandard' AND v.outcome = 'substandard' AND {t}.delta <= 0"
    "      AND {t}.staff_id = (SELECT p.sourced_by_id FROM prospect p WHERE p.id = v.prospect_id))"
    " AND NOT EXISTS (SELECT 1 FROM {t} e WHERE e.visit_id = {t}.visit_id AND e.rule = {t}.rule)"
)
# A void's reversal: the exact opposite of an entry (or notice) of a visit that login wrote,
# once.
_GIVES_BACK = (
    "EXISTS (SELECT 1 FROM {t} o JOIN visit v ON v.id = o.visit_id WHERE o.id = {t}.reverses_id"
    " AND v.recorded_by_login = current_user AND o.delta = -{t}.delta"
    " AND o.staff_id = {t}.staff_id)"
    " AND NOT EXISTS (SELECT 1 FROM {t} r WHERE r.reverses_id = {t}.reverses_id)"
)
# A rule-made row names the consequence it is (``derived_key``, see ``rules.outcomes``).
# (No ":name" in these texts: SQLAlchemy would read it as a parameter, quotes or not.)
_KEYED = "{t}.derived_key = 'visit:' || {t}.visit_id || ':' || {t}.rule"
_KEYED_BACK = ("{t}.derived_key = (SELECT o.derived_key FROM {t} o WHERE o.id = {t}.reverses_id)"
               " || ':' || 'back'")
STAFF_CHECKS = {
    "verification_round": _MY_STAFF_ID,
    "visit": _MY_STAFF_ID,
    "visit_flag": "true",
    "visit_photo": _MY_VISIT.format(t="visit_photo", more=""),
    "points_entry": "(by_id IS NULL AND " + _KEYED.format(t="points_entry") + " AND "
        + _MY_VISIT.format(t="points_entry", more=" AND " + _RULE_ENTRY.format(t="points_entry"))
        + ") OR (points_entry.rule = 'void' AND points_entry.by_id = (SELECT s.id FROM staff s"
        " WHERE s.login = current_user) AND " + _KEYED_BACK.format(t="points_entry") + " AND "
        + _GIVES_BACK.format(t="points_entry") + ")",
    "notice": "(" + _KEYED.format(t="notice") + " AND "
              + _MY_VISIT.format(t="notice", more=" AND " + _RULE_ENTRY.format(t="notice")
                                 + " AND notice.kind = CASE notice.rule WHEN 'sweep'"
                                 " THEN 'praise' ELSE 'criticism' END") + ")"
              " OR (notice.kind = 'voided' AND " + _KEYED_BACK.format(t="notice") + " AND "
              + _GIVES_BACK.format(t="notice") + ")",
    "prospect_change": "by_id IS NULL OR by_id = (SELECT s.id FROM staff s"
                       " WHERE s.login = current_user)",
    # Opened by a flag on a visit: a substandard finding without an effective visit, or a
    # photo that proves nothing (Q15); answered only by a manager.
    "inspection": "status = 'open' AND decided_by IS NULL AND decided_on IS NULL",
}


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
    tx.run(f"GRANT {STAFF} TO {MANAGERS}")
    return created


def apply(tx: Tx) -> int:
    """Grants, default privileges and policies on the current schema, replacing earlier ones
    (idempotent); returns the number of policies in force."""
    schema = _ident(tx.scalar("SELECT current_schema()"))
    tables = {r["table_name"] for r in tx.all(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        " AND table_type = 'BASE TABLE'")}
    columns: dict[str, list[str]] = {}
    for r in tx.all("SELECT table_name, column_name FROM information_schema.columns"
                    " WHERE table_schema = current_schema() ORDER BY ordinal_position"):
        columns.setdefault(r["table_name"], []).append(r["column_name"])
    both = f"{STAFF}, {MANAGERS}"
    tx.run(f"GRANT USAGE ON SCHEMA {schema} TO {STAFF}")
    tx.run(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {both}")
    tx.run(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {both}")
    tx.run(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {STAFF}")
    # UPDATE on sequences: an import gives its rows their ids and moves the sequence past them.
    tx.run(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {STAFF}")
    # Tables a later upgrade adds are readable at once; `yulin upgrade` renews the rest.
    tx.run(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES TO {STAFF}")
    tx.run(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema}"
           f" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {STAFF}")
    policies = 0
    for table, allowed in RECORDED.items():
        if table not in tables:
            continue
        cols = columns.get(table, [])
        _drop_policies(tx, table)
        tx.run(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        statements = [f"CREATE POLICY yulin_read ON {table} FOR SELECT TO {STAFF} USING (true)",
                      f"CREATE POLICY yulin_manager_insert ON {table} FOR INSERT TO {MANAGERS}"
                      f" WITH CHECK ({_MINE})",
                      f"CREATE POLICY yulin_manager_update ON {table} FOR UPDATE TO {MANAGERS}"
                      " USING (true) WITH CHECK (true)"]
        tx.run(f"GRANT INSERT ON {table} TO {MANAGERS}")
        changeable = ", ".join(c for c in cols if c not in PROTECTED)
        tx.run(f"GRANT UPDATE ({changeable}) ON {table} TO {MANAGERS}")
        if "insert" in allowed:
            check = _MINE + (f" AND {STAFF_CHECKS[table]}" if table in STAFF_CHECKS else "")
            tx.run(f"GRANT INSERT ON {table} TO {STAFF}")
            statements.append(f"CREATE POLICY yulin_staff_insert ON {table} FOR INSERT"
                              f" TO {STAFF} WITH CHECK ({check})")
        if "update" in allowed:
            wanted = allowed["update"]
            mine = [c for c in cols if c not in STAFF_PROTECTED] if wanted == ("*",) else [
                c for c in wanted if c in cols]
            tx.run(f"GRANT UPDATE ({', '.join(mine)}) ON {table} TO {STAFF}")
            statements.append(f"CREATE POLICY yulin_staff_update ON {table} FOR UPDATE"
                              f" TO {STAFF} USING (true) WITH CHECK (true)")
        for name, some_cols, using, check in STAFF_UPDATES.get(table, []):
            # These columns, these rows only (one's own record to void, ...).
            present = [c for c in some_cols if c in cols]
            if present:
                tx.run(f"GRANT UPDATE ({', '.join(present)}) ON {table} TO {STAFF}")
                statements.append(f"CREATE POLICY yulin_staff_{name} ON {table} FOR UPDATE"
                                  f" TO {STAFF} USING ({using}) WITH CHECK ({check})")
        if "delete" in allowed:
            tx.run(f"GRANT DELETE ON {table} TO {STAFF}")
            statements.append(f"CREATE POLICY yulin_staff_delete ON {table} FOR DELETE"
                              f" TO {STAFF} USING ({STAFF_DELETES.get(table, 'true')})")
        for statement in statements:
            tx.run(statement)
        policies += len(statements)
    return policies


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
    """Puts a login in its groups and lets it connect to this database; returns its group."""
    database = _ident(tx.scalar("SELECT current_database()"))
    name = _ident(login)
    tx.run(f"GRANT CONNECT ON DATABASE {database} TO {name}")
    tx.run(f"GRANT {STAFF} TO {name}")
    tx.run(f"{'GRANT' if manager else 'REVOKE'} {MANAGERS} {'TO' if manager else 'FROM'} {name}")
    return MANAGERS if manager else STAFF


def renew_if_set_up(tx: Tx) -> None:
    """After an upgrade: the grants and policies again, when this cluster has team roles."""
    if roles_exist(tx):
        apply(tx)
