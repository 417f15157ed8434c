"""Inspections (Q15 closed loop) and the covering indexes the daily report reads.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# One index per (person, day) lookup of the daily report; see models.py.
REPORT_INDEXES = {
    "ix_prospect_source_day": ("prospect", ["sourced_by_id", "found_on"]),
    "ix_round_staff_day": ("verification_round", ["staff_id", "day"]),
    "ix_visit_staff_day": ("visit", ["staff_id", "day", "effective"]),
    "ix_points_staff_day": ("points_entry", ["staff_id", "day", "delta"]),
    "ix_planned_visitor_day": ("planned_visit", ["visitor_id", "day"]),
}


def upgrade() -> None:
    op.create_table(
        "inspection",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("visit_id", sa.Integer(), sa.ForeignKey("visit.id"), nullable=False,
                  unique=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("decided_by", sa.Integer(), sa.ForeignKey("staff.id")),
        sa.Column("decided_on", sa.String(10)),
        sa.Column("note", sa.String(2000)),
    )
    # Findings flagged for inspection before this table existed stay open until settled.
    op.execute("INSERT INTO inspection (visit_id, status)"
               " SELECT id, 'open' FROM visit WHERE flags LIKE '%inspect%'")
    for name, (table, columns) in REPORT_INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in REPORT_INDEXES.items():
        op.drop_index(name, table_name=table)
    op.drop_table("inspection")
