"""The notification outbox: each message a report was split into for a group chat (企业微信,
钉钉), kept until the chat's robot accepted it, with when it was sent (the rate limit counts
those). The webhook's address is a secret and is never stored.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "notify_outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(10), nullable=False),
        sa.Column("report", sa.String(20), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("parts", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("tried_at", sa.String(32), nullable=True),
        sa.Column("sent_at", sa.String(32), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("recorded_by_login", sa.String(63), nullable=True,
                  server_default=sa.text("current_user") if postgres else None),
    )
    op.create_index("ix_notify_outbox_platform_sent", "notify_outbox", ["platform", "sent_at"])


def downgrade() -> None:
    raise NotImplementedError("yulin only moves forward: restore a backup instead")
