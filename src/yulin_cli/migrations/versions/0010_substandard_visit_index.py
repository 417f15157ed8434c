"""Indexes for a big centre's lists. The visits that found a prospect below the standard:
whether a prospect is a quality customer asks for them on every ranking, list and rating, and
only a few visits in fifty do, so a partial index answers at once where the index of all
visits read them all. Prospects by deal value: the first screen of the ranking looks only at
the most valuable (``prospects.queries.ranked_ids``). The few merged prospects and voided
visits: live prospects are counted, and live visits counted per prospect, as all of them less
these, from indexes alone.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_WHERE = sa.text("outcome = 'substandard'")
_MERGED = sa.text("merged_into IS NOT NULL")
_VOIDED = sa.text("voided_at IS NOT NULL")


def upgrade() -> None:
    op.create_index("ix_visit_substandard", "visit", ["prospect_id"], sqlite_where=_WHERE,
                    postgresql_where=_WHERE)
    op.create_index("ix_prospect_deal_value", "prospect", ["deal_value"])
    # Partial, of the few rows that have one: an index of every row would draw the planner
    # into reading the whole table through it for "merged_into IS NULL".
    op.create_index("ix_prospect_merged_into", "prospect", ["merged_into"], sqlite_where=_MERGED,
                    postgresql_where=_MERGED)
    op.create_index("ix_visit_voided", "visit", ["prospect_id"], sqlite_where=_VOIDED,
                    postgresql_where=_VOIDED)


def downgrade() -> None:
    op.drop_index("ix_visit_voided", table_name="visit")
    op.drop_index("ix_prospect_merged_into", table_name="prospect")
    op.drop_index("ix_prospect_deal_value", table_name="prospect")
    op.drop_index("ix_visit_substandard", table_name="visit")
