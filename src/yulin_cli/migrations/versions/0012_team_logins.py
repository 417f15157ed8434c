"""The logins `team login` made for this team, so that only they are ever mapped, reset or taken
away; a login mapped before this upgrade is recorded as the team's.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    table = op.create_table(
        "team_login",
        sa.Column("login", sa.String(63), primary_key=True),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("disabled_at", sa.String(32), nullable=True),
        sa.Column("recorded_by_login", sa.String(63), nullable=True,
                  server_default=sa.text("current_user") if postgres else None),
    )
    rows = op.get_bind().execute(sa.text(
        "SELECT id, login FROM staff WHERE login IS NOT NULL")).fetchall()
    from yulin_cli.clock import utc_stamp

    op.bulk_insert(table, [{"login": login, "staff_id": staff_id, "created_at": utc_stamp()}
                           for staff_id, login in rows])


def downgrade() -> None:
    raise NotImplementedError("yulin only moves forward: restore a backup instead")
