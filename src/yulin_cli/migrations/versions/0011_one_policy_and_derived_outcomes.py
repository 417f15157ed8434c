"""One policy for the team, facts with history, outcomes that re-derive.

- ``policy_version``: the team's policy as data, in versions with a first day. The first version
  is the policy file in force when this migration runs (``config.attributes["first_policy"]``),
  else the defaults; it covers every day before the second.
- ``prospect_change``: every later change of a prospect's facts, dated and attributed.
- ``redsea_signal`` gains its day, who saw it and when it was withdrawn (signals accumulate).
  Signals recorded before carry no day: they are dated the day their prospect was found.
- ``staff.since``: the day a person began as a prospector; for those who found prospects, the
  first day they found one.
- ``inspection`` holds one row per question (``finding`` or ``proof``), each answered apart.
- ``points_entry`` and ``notice`` gain ``derived_key``: which consequence of which record a
  rule-made row is, so that the rules can re-derive it and find it again. A manager's
  adjustment keeps none: it is a fact. No stored amount is rewritten.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import context, op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

PROOF = ("photo-reused", "photo-date", "photo-far", "no-photo", "sampled")


def _first_policy() -> dict[str, Any]:
    given = context.config.attributes.get("first_policy")
    if given is not None:
        first: dict[str, Any] = json.loads(given) if isinstance(given, str) else given
        return first
    from yulin_cli.policy import Policy, policy_dict

    return policy_dict(Policy())


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    login_default = sa.text("current_user") if postgres else None

    # --- staff.since ------------------------------------------------------------------------
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("since", sa.String(10), nullable=True))
    op.execute("UPDATE staff SET since = (SELECT MIN(p.found_on) FROM prospect p"
               " WHERE p.sourced_by_id = staff.id) WHERE roles LIKE '%prospector%'")

    # --- policy versions --------------------------------------------------------------------
    body_type = sa.JSON().with_variant(JSONB(), "postgresql")
    versions = op.create_table(
        "policy_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("valid_from", sa.String(10), nullable=True),
        sa.Column("body", body_type, nullable=False),
        sa.Column("set_by_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True),
        sa.Column("set_at", sa.String(32), nullable=False),
        sa.Column("source", sa.String(200), nullable=True),
        sa.Column("source_text", sa.String(20000), nullable=True),
        sa.Column("recorded_by_login", sa.String(63), nullable=True,
                  server_default=login_default),
    )
    from yulin_cli.clock import utc_stamp

    op.bulk_insert(versions, [{"valid_from": None, "body": _first_policy(),
                               "set_at": utc_stamp(),
                               "source": context.config.attributes.get("first_policy_source")}])

    # --- facts with history -----------------------------------------------------------------
    op.create_table(
        "prospect_change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("prospect_id", sa.Integer(), sa.ForeignKey("prospect.id"), nullable=False),
        sa.Column("field", sa.String(30), nullable=False),
        sa.Column("old_value", sa.String(1000), nullable=True),
        sa.Column("new_value", sa.String(1000), nullable=True),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("by_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True),
        sa.Column("visit_id", sa.Integer(), sa.ForeignKey("visit.id"), nullable=True),
        sa.Column("recorded_by_login", sa.String(63), nullable=True,
                  server_default=login_default),
    )
    op.create_index("ix_prospect_change_prospect_day", "prospect_change", ["prospect_id", "day"])

    with op.batch_alter_table("redsea_signal") as batch:
        batch.add_column(sa.Column("day", sa.String(10), nullable=True))
        batch.add_column(sa.Column("by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("recorded_at", sa.String(32), nullable=True))
        batch.add_column(sa.Column("cleared_on", sa.String(10), nullable=True))
        batch.add_column(sa.Column("cleared_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_redsea_signal_by_id_staff", "staff", ["by_id"], ["id"])
        batch.create_foreign_key("fk_redsea_signal_cleared_by_id_staff", "staff",
                                 ["cleared_by_id"], ["id"])
    op.execute("UPDATE redsea_signal SET day = (SELECT p.found_on FROM prospect p"
               " WHERE p.id = redsea_signal.prospect_id)")

    # --- rule-made points and notices, by the consequence they are ---------------------------
    for table in ("points_entry", "notice"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("derived_key", sa.String(80), nullable=True))
    _key_entries(bind)
    _key_notices(bind)
    op.create_index("ix_points_entry_derived_key", "points_entry", ["derived_key"], unique=True)
    op.create_index("ix_notice_derived_key", "notice", ["derived_key"], unique=True)
    op.create_index("ix_points_entry_visit_id", "points_entry", ["visit_id"])
    op.create_index("ix_notice_visit_id", "notice", ["visit_id"])

    # Readiness explains a planned visit (unready) and a refusal (Q17); no other visit keeps it.
    op.execute("UPDATE visit SET failing_checks = '' WHERE kind <> 'planned'"
               " AND outcome <> 'refused'")

    # --- one question per inspection row ----------------------------------------------------
    rows = [dict(r._mapping) for r in bind.execute(sa.text(
        "SELECT i.visit_id, i.status, i.decided_by, i.decided_on, i.note, i.flags,"
        " i.recorded_by_login FROM inspection i ORDER BY i.id"))]
    flags: dict[int, set[str]] = {}
    for row in bind.execute(sa.text("SELECT visit_id, flag FROM visit_flag")):
        flags.setdefault(int(row[0]), set()).add(str(row[1]))
    op.drop_table("inspection")
    new = op.create_table(
        "inspection",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("visit_id", sa.Integer(), sa.ForeignKey("visit.id"), nullable=False),
        sa.Column("question", sa.String(10), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("decided_by", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True),
        sa.Column("decided_on", sa.String(10), nullable=True),
        sa.Column("decided_at", sa.String(32), nullable=True),
        sa.Column("note", sa.String(2000), nullable=True),
        sa.Column("flags", sa.String(200), nullable=False),
        sa.Column("recorded_by_login", sa.String(63), nullable=True,
                  server_default=login_default),
        sa.UniqueConstraint("visit_id", "question", name="uq_inspection_question"),
    )
    op.create_index("ix_inspection_visit_id", "inspection", ["visit_id"])
    op.create_index("ix_inspection_status", "inspection", ["status"])
    op.bulk_insert(new, [q for row in rows for q in _questions(row, flags)])


def _questions(row: dict[str, Any], flags: dict[int, set[str]]) -> list[dict[str, Any]]:
    """An inspection as the questions it answered (RULES.md, "Inspections, migrating"): the
    ``inspect`` flag asked about the finding, photo flags and the sample about the proof. A
    proven visit whose ``inspect`` flag the proof verdict cleared also had its finding upheld;
    an unproven one made the finding moot. One closed because its visit was voided is no
    question any more (the void stays on the visit)."""
    status, judged = row["status"], set((row["flags"] or "").split(",")) - {""}
    now = flags.get(row["visit_id"], set()) | judged
    base = {"visit_id": row["visit_id"], "decided_by": row["decided_by"],
            "decided_on": row["decided_on"], "decided_at": None, "note": row["note"],
            "flags": "", "recorded_by_login": row["recorded_by_login"]}
    proof_flags = ",".join(sorted(f for f in now if f in PROOF))
    if status == "voided":
        return []
    if status in ("upheld", "overturned"):
        return [{**base, "question": "finding", "status": status}]
    if status == "proven":
        out = [{**base, "question": "proof", "status": "proven", "flags": proof_flags}]
        if "inspect" in now:
            out.append({**base, "question": "finding", "status": "upheld"})
        return out
    if status == "unproven":
        return [{**base, "question": "proof", "status": "unproven", "flags": proof_flags}]
    # Open: each question the visit's flags ask.
    open_ = {**base, "decided_by": None, "decided_on": None, "note": None, "status": "open"}
    out = []
    if "inspect" in now:
        out.append({**open_, "question": "finding"})
    if now & set(PROOF):
        out.append({**open_, "question": "proof"})
    return out or [{**open_, "question": "finding"}]


def _key_entries(bind: sa.engine.Connection) -> None:
    """Each rule-made entry named by its consequence: ``visit:V:RULE`` for what a visit earned
    or cost (or the fine of an unproven visit), ``KEY:back`` for what gave one back, and
    ``entry:E:back`` for what gave a manager's adjustment back."""
    rows = [dict(r._mapping) for r in bind.execute(sa.text(
        "SELECT id, staff_id, delta, rule, visit_id, reverses_id, by_id, reason"
        " FROM points_entry ORDER BY id"))]
    keys: dict[int, str] = {}
    taken: set[str] = set()
    updates: list[dict[str, Any]] = []

    def name(row: dict[str, Any], key: str, reverses: int | None = None) -> None:
        if key in taken:
            return
        taken.add(key)
        keys[row["id"]] = key
        updates.append({"id": row["id"], "key": key,
                        "reverses": reverses if reverses is not None else row["reverses_id"]})

    for row in rows:
        if row["reverses_id"] is None and row["visit_id"] is not None and row["rule"] in (
                "substandard", "sweep", "proof"):
            name(row, f"visit:{row['visit_id']}:{row['rule']}")
    for row in rows:
        if row["reverses_id"] is not None:
            original = keys.get(row["reverses_id"])
            name(row, f"{original}:back" if original else f"entry:{row['reverses_id']}:back")
        elif row["rule"] == "inspection" and row["visit_id"] is not None:
            # A give-back of an inspection: the visit's entry of the same person it undoes.
            for rule in ("substandard", "sweep"):
                key = f"visit:{row['visit_id']}:{rule}"
                undone = next((r for r in rows if keys.get(r["id"]) == key
                               and r["staff_id"] == row["staff_id"]), None)
                if undone is not None and f"{key}:back" not in taken:
                    name(row, f"{key}:back", undone["id"])
                    break
    for start in range(0, len(updates), 500):
        bind.execute(sa.text("UPDATE points_entry SET derived_key = :key, reverses_id = :reverses"
                             " WHERE id = :id"), updates[start:start + 500])


def _key_notices(bind: sa.engine.Connection) -> None:
    rows = [dict(r._mapping) for r in bind.execute(sa.text(
        "SELECT id, kind, rule, visit_id, reverses_id FROM notice ORDER BY id"))]
    keys: dict[int, str] = {}
    updates: list[dict[str, Any]] = []
    for row in rows:
        if row["reverses_id"] is None and row["visit_id"] is not None and row["kind"] in (
                "praise", "criticism"):
            key = f"visit:{row['visit_id']}:{row['rule']}"
            if key not in keys.values():
                keys[row["id"]] = key
                updates.append({"id": row["id"], "key": key})
    for row in rows:
        original = keys.get(row["reverses_id"]) if row["reverses_id"] is not None else None
        if original is not None and f"{original}:back" not in keys.values():
            keys[row["id"]] = f"{original}:back"
            updates.append({"id": row["id"], "key": f"{original}:back"})
    for start in range(0, len(updates), 500):
        bind.execute(sa.text("UPDATE notice SET derived_key = :key WHERE id = :id"),
                     updates[start:start + 500])


def downgrade() -> None:
    raise NotImplementedError("yulin only moves forward: restore a backup instead")
