"""Likely duplicates kept as pairs (issue 21): the evening reads them instead of judging the
whole table; two indexes find a prospect's look-alikes by its scale and its mail domain.
Filled from the prospects already stored by the migration hook
(``prospects.likely.rebuild``), since the rule needs Python (pinyin).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "likely_pair",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("first_id", sa.Integer(), sa.ForeignKey("prospect.id"), nullable=False),
        sa.Column("second_id", sa.Integer(), sa.ForeignKey("prospect.id"), nullable=False),
        sa.Column("typo", sa.String(20), nullable=False),
        sa.Column("facts", sa.String(100), nullable=False),
        sa.Column("recorded_by_login", sa.String(63), nullable=True,
                  server_default=sa.text("current_user") if postgres else None),
        sa.UniqueConstraint("first_id", "second_id", name="uq_likely_pair"),
    )
    op.create_index("ix_likely_pair_second_id", "likely_pair", ["second_id"])
    # What a likely duplicate is found by: the contact's surname with the scale, the domain of
    # the company's own mail (prospects.likely.MAIL_SQL, without its table's alias).
    op.create_index("ix_prospect_scale", "prospect", ["contact_surname", "employees", "pcs"])
    op.create_index("ix_prospect_mail_domain", "prospect", [sa.text(
        "LOWER(SUBSTR(email, LENGTH(RTRIM(email, REPLACE(email, '@', ''))) + 1))")])


def downgrade() -> None:
    raise NotImplementedError("yulin only moves forward: restore a backup instead")
