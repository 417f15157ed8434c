"""What the field finds and what deals come to: a landline's extension kept apart, what a
follow-up visit was, the end of a deal (won or lost), and two look-alike prospects a manager
recorded as distinct companies.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _recorded_by() -> sa.Column[Any]:
    postgres = op.get_bind().dialect.name == "postgresql"
    return sa.Column("recorded_by_login", sa.String(63), nullable=True,
                     server_default=sa.text("current_user") if postgres else None)


def upgrade() -> None:
    with op.batch_alter_table("prospect") as batch:
        batch.add_column(sa.Column("landline_ext", sa.String(10), nullable=True))
    with op.batch_alter_table("visit") as batch:
        batch.add_column(sa.Column("followup", sa.String(20), nullable=True))
    op.create_table(
        "deal_outcome",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("prospect_id", sa.Integer(), sa.ForeignKey("prospect.id"), nullable=False),
        sa.Column("result", sa.String(4), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("by_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=True),
        sa.Column("voided_at", sa.String(32), nullable=True),
        sa.Column("voided_by_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True),
        sa.Column("void_reason", sa.String(500), nullable=True),
        _recorded_by(),
    )
    op.create_index("ix_deal_outcome_prospect_id", "deal_outcome", ["prospect_id"])
    op.create_table(
        "distinct_pair",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("first_id", sa.Integer(), sa.ForeignKey("prospect.id"), nullable=False),
        sa.Column("second_id", sa.Integer(), sa.ForeignKey("prospect.id"), nullable=False),
        sa.Column("by_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=True),
        _recorded_by(),
        sa.UniqueConstraint("first_id", "second_id", name="uq_distinct_pair"),
    )


def downgrade() -> None:
    raise NotImplementedError("yulin only moves forward: restore a backup instead")
