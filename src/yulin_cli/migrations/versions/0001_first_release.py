"""First release: centres, staff, prospects, rounds, visits, signals, points, notices.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _text(name: str, length: int, nullable: bool = True, **kw) -> sa.Column[str]:
    return sa.Column(name, sa.String(length), nullable=nullable, **kw)


def _flag(name: str) -> sa.Column[bool]:
    return sa.Column(name, sa.Boolean(), nullable=False)


def _ref(name: str, target: str, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target), nullable=nullable)


def upgrade() -> None:
    op.create_table("meta", _text("key", 50, False, primary_key=True), _text("value", 200, False))
    op.create_table("center", _id(), _text("name", 100, False, unique=True),
                    _text("city", 100, False))
    op.create_table("staff", _id(), _text("name", 100, False, unique=True),
                    _ref("center_id", "center.id"), _text("roles", 100, False),
                    _text("industries", 1000, False))
    op.create_index("ix_staff_center_id", "staff", ["center_id"])
    op.create_table(
        "prospect", _id(),
        _text("company", 200, False), _text("name_key", 200, False), _text("city", 100, False),
        _text("district", 200), _flag("suburban"), _text("address", 200), _text("industry", 200),
        _text("ownership", 20, False), sa.Column("employees", sa.Integer()),
        sa.Column("pcs", sa.Integer()), _text("contact_surname", 20), _text("landline", 20),
        _text("mobile", 20), _text("email", 254), _text("qq", 20), _text("found_on", 10, False),
        sa.Column("deal_value", sa.Integer()), _text("need", 10), _text("yulin_interest", 10),
        _flag("platform_interest"), _flag("has_oa"), _flag("erp_need"), _flag("in_selection"),
        _flag("existing_customer"), _text("partner", 200), sa.Column("vendor_share", sa.Integer()),
        _ref("sourced_by_id", "staff.id"), _ref("duplicate_of", "prospect.id", True),
        _ref("merged_into", "prospect.id", True), _text("created_at", 32, False),
    )
    for column in ("name_key", "landline", "mobile"):
        op.create_index(f"ix_prospect_{column}", "prospect", [column])
    op.create_table(
        "verification_round", _id(), _ref("prospect_id", "prospect.id"),
        _ref("staff_id", "staff.id"), sa.Column("round_no", sa.Integer(), nullable=False),
        _text("pretext", 20, False), _text("result", 20, False), _flag("address_confirmed"),
        _flag("scale_checked"), _text("day", 10, False), _text("note", 2000),
    )
    op.create_index("ix_verification_round_prospect_id", "verification_round", ["prospect_id"])
    op.create_table(
        "visit", _id(), _ref("prospect_id", "prospect.id"), _ref("staff_id", "staff.id"),
        _text("day", 10, False), _text("kind", 10, False), _text("outcome", 20, False),
        _text("items", 200, False), _text("contacts", 100, False), _flag("effective"),
        _text("flags", 100, False), _text("failing_checks", 200, False), _text("note", 2000),
    )
    op.create_index("ix_visit_prospect_id", "visit", ["prospect_id"])
    op.create_table(
        "planned_visit", _id(), _ref("prospect_id", "prospect.id"),
        _ref("visitor_id", "staff.id"), _text("day", 10, False),
        _ref("visit_id", "visit.id", True),
    )
    op.create_index("ix_planned_visit_prospect_id", "planned_visit", ["prospect_id"])
    op.create_table("redsea_signal", _id(), _ref("prospect_id", "prospect.id"),
                    _text("signal", 30, False))
    op.create_index("ix_redsea_signal_prospect_id", "redsea_signal", ["prospect_id"])
    op.create_table(
        "points_entry", _id(), _ref("staff_id", "staff.id"), _text("day", 10, False),
        sa.Column("delta", sa.Integer(), nullable=False), _text("rule", 30, False),
        _ref("prospect_id", "prospect.id", True), _ref("visit_id", "visit.id", True),
        _text("reason", 500),
    )
    op.create_table(
        "notice", _id(), _ref("staff_id", "staff.id"), _text("day", 10, False),
        _text("kind", 10, False), sa.Column("delta", sa.Integer(), nullable=False),
        _text("rule", 30, False), _ref("prospect_id", "prospect.id", True),
        _ref("visit_id", "visit.id", True),
    )
    op.create_index("ix_notice_day", "notice", ["day"])


def downgrade() -> None:
    for table in ("notice", "points_entry", "redsea_signal", "planned_visit", "visit",
                  "verification_round", "prospect", "staff", "center", "meta"):
        op.drop_table(table)
