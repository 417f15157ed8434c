"""The day's live visits read from their indexes alone (issue 21): the evening asks, for each
person, how many live visits they made and how many were effective, which prospects were
visited that day, which visits were refused and which carry a flag; with ``voided_at`` (and
the columns asked for) in the index, SQLite answers without reading a million visit rows.
Each replaces the narrower index it extends, so a visit costs no more to write.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_visit_day", table_name="visit")
    op.drop_index("ix_visit_staff_day", table_name="visit")
    op.drop_index("ix_visit_flag_visit_id", table_name="visit_flag")
    op.create_index("ix_visit_day_live", "visit", ["day", "voided_at", "outcome", "prospect_id"])
    op.create_index("ix_visit_staff_day_live", "visit",
                    ["staff_id", "day", "voided_at", "effective", "kind"])
    op.create_index("ix_visit_flag_visit", "visit_flag", ["visit_id", "flag"])


def downgrade() -> None:
    raise NotImplementedError("yulin only moves forward: restore a backup instead")
