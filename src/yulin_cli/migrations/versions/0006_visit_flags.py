"""A visit's flags (unready, inspect, sweep-early, ...) become rows of their own, so reports find
flagged visits by an index instead of matching text.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visit_flag",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("visit_id", sa.Integer(), sa.ForeignKey("visit.id"), nullable=False),
        sa.Column("flag", sa.String(30), nullable=False),
    )
    op.create_index("ix_visit_flag_visit_id", "visit_flag", ["visit_id"])
    op.create_index("ix_visit_flag_flag", "visit_flag", ["flag"])
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, flags FROM visit WHERE flags <> '' ORDER BY id")).all()
    flags = [{"visit_id": r.id, "flag": f} for r in rows for f in r.flags.split(",") if f]
    if flags:
        conn.execute(sa.text("INSERT INTO visit_flag (visit_id, flag) VALUES (:visit_id, :flag)"),
                     flags)
    with op.batch_alter_table("visit") as batch:
        batch.drop_column("flags")


def downgrade() -> None:
    with op.batch_alter_table("visit") as batch:
        batch.add_column(sa.Column("flags", sa.String(100), nullable=False, server_default=""))
    op.drop_index("ix_visit_flag_flag", table_name="visit_flag")
    op.drop_index("ix_visit_flag_visit_id", table_name="visit_flag")
    op.drop_table("visit_flag")
