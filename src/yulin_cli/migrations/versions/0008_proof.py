"""Proof (Q15, Q8): a prospect's unified social credit code and location, the photos of each
visit, what raised each visit flag, and the flags a proof inspection judged.

Every new column is empty on old rows: no prospect has a code or a location, and no visit a
photo, until someone records them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("prospect") as batch:
        batch.add_column(sa.Column("credit_code", sa.String(18)))
        batch.add_column(sa.Column("latitude", sa.Float()))
        batch.add_column(sa.Column("longitude", sa.Float()))
    op.create_index("ix_prospect_credit_code", "prospect", ["credit_code"])
    with op.batch_alter_table("visit_flag") as batch:
        batch.add_column(sa.Column("detail", sa.String(100)))
    with op.batch_alter_table("inspection") as batch:
        batch.add_column(sa.Column("flags", sa.String(200), nullable=False, server_default=""))
    op.create_table(
        "visit_photo",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("visit_id", sa.Integer(), sa.ForeignKey("visit.id"), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(1000), nullable=False),
        sa.Column("taken_at", sa.String(19)),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
    )
    op.create_index("ix_visit_photo_visit_id", "visit_photo", ["visit_id"])
    op.create_index("ix_visit_photo_sha256", "visit_photo", ["sha256"])


def downgrade() -> None:
    op.drop_index("ix_visit_photo_sha256", table_name="visit_photo")
    op.drop_index("ix_visit_photo_visit_id", table_name="visit_photo")
    op.drop_table("visit_photo")
    with op.batch_alter_table("inspection") as batch:
        batch.drop_column("flags")
    with op.batch_alter_table("visit_flag") as batch:
        batch.drop_column("detail")
    op.drop_index("ix_prospect_credit_code", table_name="prospect")
    with op.batch_alter_table("prospect") as batch:
        batch.drop_column("longitude")
        batch.drop_column("latitude")
        batch.drop_column("credit_code")
