"""A round remembers the facts it confirmed (Q2), and name keys drop the city and the legal form
only where they stand, never from inside a trade name (Q8).

Rounds recorded before this migration are taken to have confirmed the facts recorded now, so no
prospect changes its readiness by the upgrade alone.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

from yulin_cli.rules import name_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("verification_round") as batch:
        batch.add_column(sa.Column("address_seen", sa.String(200)))
        batch.add_column(sa.Column("employees_seen", sa.Integer()))
        batch.add_column(sa.Column("pcs_seen", sa.Integer()))
    op.execute(
        "UPDATE verification_round SET"
        " address_seen = (SELECT address FROM prospect p WHERE p.id = prospect_id),"
        " employees_seen = (SELECT employees FROM prospect p WHERE p.id = prospect_id),"
        " pcs_seen = (SELECT pcs FROM prospect p WHERE p.id = prospect_id)"
    )
    conn = op.get_bind()
    for table in ("prospect", "direct_sales_project"):
        rows = conn.execute(sa.text(f"SELECT id, company, city, name_key FROM {table}")).all()
        changed = [{"id": r.id, "key": name_key(r.company, r.city)} for r in rows
                   if name_key(r.company, r.city) != r.name_key]
        if changed:
            conn.execute(sa.text(f"UPDATE {table} SET name_key = :key WHERE id = :id"), changed)


def downgrade() -> None:
    with op.batch_alter_table("verification_round") as batch:
        batch.drop_column("pcs_seen")
        batch.drop_column("employees_seen")
        batch.drop_column("address_seen")
