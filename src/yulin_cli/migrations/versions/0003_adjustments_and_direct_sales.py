"""Who made a manual points adjustment; direct-sales branch projects (Q11).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("points_entry") as batch:
        batch.add_column(sa.Column("by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_points_entry_by_id_staff", "staff", ["by_id"], ["id"])
    op.create_table(
        "direct_sales_project",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("company", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("city", sa.String(100), nullable=False),
        sa.Column("contact", sa.String(100), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_direct_sales_project_name_key", "direct_sales_project", ["name_key"])


def downgrade() -> None:
    op.drop_index("ix_direct_sales_project_name_key", table_name="direct_sales_project")
    op.drop_table("direct_sales_project")
    with op.batch_alter_table("points_entry") as batch:
        batch.drop_constraint("fk_points_entry_by_id_staff", type_="foreignkey")
        batch.drop_column("by_id")
