"""Indexes for the daily report's lookups by day alone (refused and unready visits, prospects
found that day) and for open inspections, so the report stays fast at a million visits.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_visit_day": ("visit", ["day"]),
    "ix_prospect_found_on": ("prospect", ["found_on"]),
    "ix_inspection_status": ("inspection", ["status"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
