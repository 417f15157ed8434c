"""Team mode: a staff member's database login, and on every table of record the login that
wrote each row.

On PostgreSQL the column defaults to the server's ``current_user``, set after the column is
added, so rows written before this upgrade stay unknown (NULL) rather than being credited to
whoever ran it. SQLite has no logins: there the column stays empty.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Every table a command writes rows to; meta and alembic_version are the administrator's.
RECORDED = ("center", "staff", "prospect", "verification_round", "planned_visit", "visit",
            "visit_flag", "redsea_signal", "points_entry", "notice", "inspection",
            "direct_sales_project", "visit_photo", "prospect_merge", "merge_moved")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in RECORDED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("recorded_by_login", sa.String(63), nullable=True))
        if postgres:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN recorded_by_login"
                       " SET DEFAULT current_user")
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("login", sa.String(63), nullable=True))
    op.create_index("ix_staff_login", "staff", ["login"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_staff_login", table_name="staff")
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("login")
    for table in RECORDED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("recorded_by_login")
