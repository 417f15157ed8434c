"""Mistakes that can be undone, and nothing deleted: rounds, visits and points entries can be
voided (who, when, why) and reversing entries point at what they reverse; a merge records the
rows it moved so that `unmerge` can move them back; planned visits are found by day.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _void_columns(table: str) -> None:
    with op.batch_alter_table(table) as batch:
        batch.add_column(sa.Column("voided_at", sa.String(32), nullable=True))
        batch.add_column(sa.Column("voided_by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("void_reason", sa.String(500), nullable=True))
        batch.create_foreign_key(f"fk_{table}_voided_by_id_staff", "staff", ["voided_by_id"],
                                 ["id"])


def upgrade() -> None:
    for table in ("verification_round", "visit"):
        # When it was typed in (the wall clock, not the day it is about): its recorder may void
        # it on that calendar day. Older rows have none, so only a manager may void them.
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("recorded_at", sa.String(32), nullable=True))
        _void_columns(table)
    _void_columns("points_entry")
    for table in ("points_entry", "notice"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("reverses_id", sa.Integer(), nullable=True))
            batch.create_foreign_key(f"fk_{table}_reverses_id_{table}", table, ["reverses_id"],
                                     ["id"])
    op.create_index("ix_planned_visit_day", "planned_visit", ["day"])
    op.create_table(
        "prospect_merge",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("keep_id", sa.Integer(), sa.ForeignKey("prospect.id"), nullable=False),
        sa.Column("drop_id", sa.Integer(), sa.ForeignKey("prospect.id"), nullable=False),
        sa.Column("by_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("merged_at", sa.String(32), nullable=False),
        sa.Column("filled", sa.String(300), nullable=False),
        sa.Column("unmerged_at", sa.String(32), nullable=True),
        sa.Column("unmerged_by_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True),
    )
    op.create_index("ix_prospect_merge_drop_id", "prospect_merge", ["drop_id"])
    op.create_table(
        "merge_moved",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("merge_id", sa.Integer(), sa.ForeignKey("prospect_merge.id"), nullable=False),
        sa.Column("table_name", sa.String(30), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("round_no", sa.Integer(), nullable=True),
    )
    op.create_index("ix_merge_moved_merge_id", "merge_moved", ["merge_id"])


def downgrade() -> None:
    op.drop_index("ix_merge_moved_merge_id", table_name="merge_moved")
    op.drop_table("merge_moved")
    op.drop_index("ix_prospect_merge_drop_id", table_name="prospect_merge")
    op.drop_table("prospect_merge")
    op.drop_index("ix_planned_visit_day", table_name="planned_visit")
    for table in ("points_entry", "notice"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f"fk_{table}_reverses_id_{table}", type_="foreignkey")
            batch.drop_column("reverses_id")
    for table in ("verification_round", "visit", "points_entry"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f"fk_{table}_voided_by_id_staff", type_="foreignkey")
            batch.drop_column("void_reason")
            batch.drop_column("voided_by_id")
            batch.drop_column("voided_at")
    for table in ("verification_round", "visit"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("recorded_at")
