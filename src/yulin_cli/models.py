"""The tables, as SQLModel classes: the schema of record.

Migrations under ``migrations/versions`` build exactly this schema (a test compares them).
Commands do not import this module: their SQL runs through ``db.Db`` so that a command starts
without loading the ORM; the queries of each slice turn rows into ``records``. Dates are ISO
text (YYYY-MM-DD): they sort and compare the same on SQLite and PostgreSQL. Table models do not
validate; ``inputs.py`` does that first.

Every table a command writes has ``recorded_by_login``: the database login that wrote the row.
On PostgreSQL it defaults to ``current_user`` (set by migration 0008, per dialect, so it is not
declared here) and row-level security checks it (``server/setup.py``); on SQLite it stays empty.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel


class Meta(SQLModel, table=True):
    """Facts about the database itself, such as whether the demo data was loaded."""

    key: str = Field(primary_key=True, max_length=50)
    value: str = Field(max_length=200)


class Center(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=100)
    city: str = Field(max_length=100)
    recorded_by_login: str | None = Field(default=None, max_length=63)


class Staff(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=100)
    center_id: int = Field(foreign_key="center.id", index=True)
    # Comma-separated: roles are few and fixed; industries are read with the person.
    roles: str = Field(max_length=100)
    industries: str = Field(default="", max_length=1000)
    # The PostgreSQL login this person works under (team mode); a command run by it acts as them.
    login: str | None = Field(default=None, max_length=63, unique=True, index=True)
    # The day they began as a prospector: the quota counts from it (Q3).
    since: str | None = Field(default=None, max_length=10)
    recorded_by_login: str | None = Field(default=None, max_length=63)


class Prospect(SQLModel, table=True):
    __table_args__ = (Index("ix_prospect_merged_into", "merged_into",
                            sqlite_where=text("merged_into IS NOT NULL"),
                            postgresql_where=text("merged_into IS NOT NULL")),
                      Index("ix_prospect_source_day", "sourced_by_id", "found_on"),
                      Index("ix_prospect_found_on", "found_on"),
                      # What a likely duplicate is found by (prospects.likely): the contact's
                      # surname with the scale, the domain of the company's own mail.
                      Index("ix_prospect_scale", "contact_surname", "employees", "pcs"),
                      Index("ix_prospect_mail_domain", text(
                          "LOWER(SUBSTR(email, LENGTH(RTRIM(email, REPLACE(email, '@', '')))"
                          " + 1))")))

    id: int | None = Field(default=None, primary_key=True)
    company: str = Field(max_length=200)
    name_key: str = Field(max_length=200, index=True)
    city: str = Field(max_length=100)
    district: str | None = Field(default=None, max_length=200)
    suburban: bool = False
    address: str | None = Field(default=None, max_length=200)
    industry: str | None = Field(default=None, max_length=200)
    ownership: str = Field(default="private", max_length=20)
    employees: int | None = None
    pcs: int | None = None
    contact_surname: str | None = Field(default=None, max_length=20)
    landline: str | None = Field(default=None, max_length=20, index=True)
    mobile: str | None = Field(default=None, max_length=20, index=True)
    email: str | None = Field(default=None, max_length=254)
    qq: str | None = Field(default=None, max_length=20)
    landline_ext: str | None = Field(default=None, max_length=10)  # 0510-85201292 转 8001
    found_on: str = Field(max_length=10)
    deal_value: int | None = Field(default=None, index=True)
    need: str | None = Field(default=None, max_length=10)
    yulin_interest: str | None = Field(default=None, max_length=10)
    platform_interest: bool = False
    has_oa: bool = False
    erp_need: bool = False
    in_selection: bool = False
    existing_customer: bool = False
    partner: str | None = Field(default=None, max_length=200)
    vendor_share: int | None = None
    sourced_by_id: int = Field(foreign_key="staff.id")
    duplicate_of: int | None = Field(default=None, foreign_key="prospect.id")
    merged_into: int | None = Field(default=None, foreign_key="prospect.id")
    created_at: str = Field(max_length=32)
    # Unified social credit code (统一社会信用代码), upper-case: who the company is (Q8).
    credit_code: str | None = Field(default=None, max_length=18, index=True)
    # Where the company is, WGS-84 degrees: photos are judged against it (Q15).
    latitude: float | None = None
    longitude: float | None = None
    recorded_by_login: str | None = Field(default=None, max_length=63)


class VerificationRound(SQLModel, table=True):
    __tablename__ = "verification_round"
    __table_args__ = (Index("ix_round_staff_day", "staff_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    prospect_id: int = Field(foreign_key="prospect.id", index=True)
    staff_id: int = Field(foreign_key="staff.id")
    round_no: int
    pretext: str = Field(max_length=20)
    result: str = Field(max_length=20)
    address_confirmed: bool = False
    scale_checked: bool = False
    day: str = Field(max_length=10)
    note: str | None = Field(default=None, max_length=2000)
    # The facts as recorded when the round was made: it confirms these, not later ones (Q2).
    address_seen: str | None = Field(default=None, max_length=200)
    employees_seen: int | None = None
    pcs_seen: int | None = None
    # When it was typed in (wall clock): its recorder may void it that calendar day.
    recorded_at: str | None = Field(default=None, max_length=32)
    voided_at: str | None = Field(default=None, max_length=32)
    voided_by_id: int | None = Field(default=None, foreign_key="staff.id")
    void_reason: str | None = Field(default=None, max_length=500)
    recorded_by_login: str | None = Field(default=None, max_length=63)


class PlannedVisit(SQLModel, table=True):
    __tablename__ = "planned_visit"
    __table_args__ = (Index("ix_planned_visitor_day", "visitor_id", "day"),
                      Index("ix_planned_visit_day", "day"))

    id: int | None = Field(default=None, primary_key=True)
    prospect_id: int = Field(foreign_key="prospect.id", index=True)
    visitor_id: int = Field(foreign_key="staff.id")
    day: str = Field(max_length=10)
    # Set when the visit is logged; an unset one on a past day was never made.
    visit_id: int | None = Field(default=None, foreign_key="visit.id")
    recorded_by_login: str | None = Field(default=None, max_length=63)


# Visits that found a prospect below the standard: few, and asked for on every rating.
_SUBSTANDARD = text("outcome = 'substandard'")


class Visit(SQLModel, table=True):
    # The day's live visits from the index alone (migration 0016).
    __table_args__ = (Index("ix_visit_staff_day_live", "staff_id", "day", "voided_at",
                            "effective", "kind"),
                      Index("ix_visit_day_live", "day", "voided_at", "outcome", "prospect_id"),
                      Index("ix_visit_substandard", "prospect_id", sqlite_where=_SUBSTANDARD,
                            postgresql_where=_SUBSTANDARD),
                      Index("ix_visit_voided", "prospect_id",
                            sqlite_where=text("voided_at IS NOT NULL"),
                            postgresql_where=text("voided_at IS NOT NULL")))

    id: int | None = Field(default=None, primary_key=True)
    prospect_id: int = Field(foreign_key="prospect.id", index=True)
    staff_id: int = Field(foreign_key="staff.id")
    day: str = Field(max_length=10)
    kind: str = Field(max_length=10)
    outcome: str = Field(max_length=20)
    items: str = Field(default="", max_length=200)
    contacts: str = Field(default="", max_length=100)
    effective: bool = False
    # Readiness checks failing when the visit happened (Q17: why it was refused).
    failing_checks: str = Field(default="", max_length=200)
    note: str | None = Field(default=None, max_length=2000)
    recorded_at: str | None = Field(default=None, max_length=32)
    # A voided visit stays, struck through, and stops counting everywhere.
    voided_at: str | None = Field(default=None, max_length=32)
    voided_by_id: int | None = Field(default=None, foreign_key="staff.id")
    void_reason: str | None = Field(default=None, max_length=500)
    recorded_by_login: str | None = Field(default=None, max_length=63)
    # A follow-up's occasion (Q5): demo, meal, executives, material, reference-visit.
    followup: str | None = Field(default=None, max_length=20)


class VisitFlag(SQLModel, table=True):
    """A flag on a visit (unready, inspect, sweep-early, ...): one row each, found by index."""

    __tablename__ = "visit_flag"
    # Whether a visit carries a flag, from the index alone (migration 0016).
    __table_args__ = (Index("ix_visit_flag_visit", "visit_id", "flag"),)

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int = Field(foreign_key="visit.id")
    flag: str = Field(max_length=30, index=True)
    # What raised a proof flag: the other visit, the photo's date, the distance in metres.
    detail: str | None = Field(default=None, max_length=100)
    recorded_by_login: str | None = Field(default=None, max_length=63)


class VisitPhoto(SQLModel, table=True):
    """A photo taken at a visit (Q15): the file stays where the user keeps it; its content hash
    finds a photo used twice, its EXIF date and GPS position are judged against the visit."""

    __tablename__ = "visit_photo"

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int = Field(foreign_key="visit.id", index=True)
    sha256: str = Field(max_length=64, index=True)
    size: int
    path: str = Field(max_length=1000)
    taken_at: str | None = Field(default=None, max_length=19)
    latitude: float | None = None
    longitude: float | None = None
    recorded_by_login: str | None = Field(default=None, max_length=63)


class RedseaSignal(SQLModel, table=True):
    """A competitor signal seen on a prospect in a vendor selection (Q18): dated, attributed,
    and withdrawn (cleared) on a later day rather than deleted."""

    __tablename__ = "redsea_signal"

    id: int | None = Field(default=None, primary_key=True)
    prospect_id: int = Field(foreign_key="prospect.id", index=True)
    signal: str = Field(max_length=30)
    day: str | None = Field(default=None, max_length=10)
    by_id: int | None = Field(default=None, foreign_key="staff.id")
    recorded_at: str | None = Field(default=None, max_length=32)
    cleared_on: str | None = Field(default=None, max_length=10)
    cleared_by_id: int | None = Field(default=None, foreign_key="staff.id")
    recorded_by_login: str | None = Field(default=None, max_length=63)


class PointsEntry(SQLModel, table=True):
    """The points ledger. A manager's adjustment is a fact; every other entry is what the rules
    derive from the facts (``derived_key`` names which consequence it is) and is kept equal to
    that derivation (``outcomes``)."""

    __tablename__ = "points_entry"
    __table_args__ = (Index("ix_points_staff_day", "staff_id", "day", "delta"),
                      Index("ix_points_entry_visit_id", "visit_id"))

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff.id")
    day: str = Field(max_length=10)
    delta: int
    rule: str = Field(max_length=30)
    prospect_id: int | None = Field(default=None, foreign_key="prospect.id")
    visit_id: int | None = Field(default=None, foreign_key="visit.id")
    reason: str | None = Field(default=None, max_length=500)
    # The manager behind a manual adjustment; empty for points a rule gave.
    by_id: int | None = Field(default=None, foreign_key="staff.id")
    voided_at: str | None = Field(default=None, max_length=32)
    voided_by_id: int | None = Field(default=None, foreign_key="staff.id")
    void_reason: str | None = Field(default=None, max_length=500)
    # The entry this one gives back (a void's reversal): the sum stays the ledger's truth.
    reverses_id: int | None = Field(default=None, foreign_key="points_entry.id")
    derived_key: str | None = Field(default=None, max_length=80, unique=True, index=True)
    recorded_by_login: str | None = Field(default=None, max_length=63)


class Notice(SQLModel, table=True):
    """The notice board (通报): praise and criticism with the rule behind each, all derived
    from the facts like the points that go with them (``derived_key``)."""

    __table_args__ = (Index("ix_notice_visit_id", "visit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff.id")
    day: str = Field(max_length=10, index=True)
    kind: str = Field(max_length=10)
    delta: int
    rule: str = Field(max_length=30)
    prospect_id: int | None = Field(default=None, foreign_key="prospect.id")
    visit_id: int | None = Field(default=None, foreign_key="visit.id")
    # A "voided" notice says which notice's praise or criticism no longer holds.
    reverses_id: int | None = Field(default=None, foreign_key="notice.id")
    derived_key: str | None = Field(default=None, max_length=80, unique=True, index=True)
    recorded_by_login: str | None = Field(default=None, max_length=63)


class Inspection(SQLModel, table=True):
    """One question a manager must answer about a visit (Q15 closed loop): ``finding`` (does
    the substandard finding hold? upheld | overturned) or ``proof`` (did the visit happen as
    recorded? proven | unproven). An open question is derived from the visit's flags; an answer
    is a fact."""

    __table_args__ = (UniqueConstraint("visit_id", "question", name="uq_inspection_question"),)

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int = Field(foreign_key="visit.id", index=True)
    question: str = Field(default="finding", max_length=10)
    status: str = Field(default="open", max_length=12, index=True)
    decided_by: int | None = Field(default=None, foreign_key="staff.id")
    decided_on: str | None = Field(default=None, max_length=10)
    decided_at: str | None = Field(default=None, max_length=32)  # wall clock: orders verdicts
    note: str | None = Field(default=None, max_length=2000)
    # The proof flags a proof question judged (a proven visit's flags leave it).
    flags: str = Field(default="", max_length=200)
    recorded_by_login: str | None = Field(default=None, max_length=63)


class DirectSalesProject(SQLModel, table=True):
    """A project the direct-sales branch pursues in its city (Q11)."""

    __tablename__ = "direct_sales_project"

    id: int | None = Field(default=None, primary_key=True)
    company: str = Field(max_length=200)
    name_key: str = Field(max_length=200, index=True)
    city: str = Field(max_length=100)
    contact: str = Field(max_length=100)
    # open, or how a shared contact was settled: cooperate | we-withdraw | they-withdraw
    status: str = Field(default="open", max_length=20)
    created_at: str = Field(max_length=32)
    recorded_by_login: str | None = Field(default=None, max_length=63)


class ProspectMerge(SQLModel, table=True):
    """A merge of one prospect into another, and whether it was undone (`unmerge`)."""

    __tablename__ = "prospect_merge"

    id: int | None = Field(default=None, primary_key=True)
    keep_id: int = Field(foreign_key="prospect.id")
    drop_id: int = Field(foreign_key="prospect.id", index=True)
    by_id: int = Field(foreign_key="staff.id")
    merged_at: str = Field(max_length=32)
    filled: str = Field(default="", max_length=300)  # KEEP's empty facts filled from DROP
    unmerged_at: str | None = Field(default=None, max_length=32)
    unmerged_by_id: int | None = Field(default=None, foreign_key="staff.id")
    recorded_by_login: str | None = Field(default=None, max_length=63)


class MergeMoved(SQLModel, table=True):
    """A row a merge moved from DROP to KEEP, so that `unmerge` moves exactly it back."""

    __tablename__ = "merge_moved"

    id: int | None = Field(default=None, primary_key=True)
    merge_id: int = Field(foreign_key="prospect_merge.id", index=True)
    table_name: str = Field(max_length=30)
    row_id: int
    round_no: int | None = None  # a round's number under DROP
    recorded_by_login: str | None = Field(default=None, max_length=63)


class PolicyVersion(SQLModel, table=True):
    """A version of the team's policy, in force from ``valid_from`` (NULL: the first version,
    which covers every day before the second) until the next version's first day. ``body`` is
    the whole policy as JSON (JSONB on PostgreSQL, so the server can read the amounts)."""

    __tablename__ = "policy_version"

    id: int | None = Field(default=None, primary_key=True)
    valid_from: str | None = Field(default=None, max_length=10)
    body: dict[str, Any] = Field(sa_column=Column(JSON().with_variant(JSONB(), "postgresql"),
                                                  nullable=False))
    set_by_id: int | None = Field(default=None, foreign_key="staff.id")
    set_at: str = Field(max_length=32)
    source: str | None = Field(default=None, max_length=200)  # the file's name
    source_text: str | None = Field(default=None, max_length=20000)  # the file as given
    recorded_by_login: str | None = Field(default=None, max_length=63)


class ProspectChange(SQLModel, table=True):
    """One change of one fact of a prospect: the value before and after, the day it took
    effect, who made it (a person, or a visit that found it out) and when it was typed in.
    A prospect's values at creation are its first state; "as of a day" undoes the changes
    dated after it."""

    __tablename__ = "prospect_change"
    __table_args__ = (Index("ix_prospect_change_prospect_day", "prospect_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    prospect_id: int = Field(foreign_key="prospect.id")
    field: str = Field(max_length=30)
    old_value: str | None = Field(default=None, max_length=1000)
    new_value: str | None = Field(default=None, max_length=1000)
    day: str = Field(max_length=10)
    at: str = Field(max_length=32)
    by_id: int | None = Field(default=None, foreign_key="staff.id")
    visit_id: int | None = Field(default=None, foreign_key="visit.id")
    recorded_by_login: str | None = Field(default=None, max_length=63)


class TeamLogin(SQLModel, table=True):
    """A database login `team login` made for this team: only these are ever mapped to a
    person, reset or taken away (a group role, or another team's login, never is)."""

    __tablename__ = "team_login"

    login: str = Field(primary_key=True, max_length=63)
    staff_id: int | None = Field(default=None, foreign_key="staff.id")
    created_at: str = Field(max_length=32)
    disabled_at: str | None = Field(default=None, max_length=32)
    recorded_by_login: str | None = Field(default=None, max_length=63)


class DealOutcome(SQLModel, table=True):
    """How a prospect's deal ended: won (with its value) or lost (with a reason), recorded by
    a manager or its finder; voidable like any record. One live outcome per prospect."""

    __tablename__ = "deal_outcome"

    id: int | None = Field(default=None, primary_key=True)
    prospect_id: int = Field(foreign_key="prospect.id", index=True)
    result: str = Field(max_length=4)  # won | lost
    value: int | None = None  # yuan
    reason: str | None = Field(default=None, max_length=500)
    day: str = Field(max_length=10)
    by_id: int = Field(foreign_key="staff.id")
    recorded_at: str | None = Field(default=None, max_length=32)
    voided_at: str | None = Field(default=None, max_length=32)
    voided_by_id: int | None = Field(default=None, foreign_key="staff.id")
    void_reason: str | None = Field(default=None, max_length=500)
    recorded_by_login: str | None = Field(default=None, max_length=63)


class DistinctPair(SQLModel, table=True):
    """Two look-alike prospects a manager recorded as different companies: the likely-duplicate
    warning stops naming them together (``first_id`` < ``second_id``)."""

    __tablename__ = "distinct_pair"
    __table_args__ = (UniqueConstraint("first_id", "second_id", name="uq_distinct_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    first_id: int = Field(foreign_key="prospect.id")
    second_id: int = Field(foreign_key="prospect.id")
    by_id: int = Field(foreign_key="staff.id")
    day: str = Field(max_length=10)
    recorded_at: str | None = Field(default=None, max_length=32)
    recorded_by_login: str | None = Field(default=None, max_length=63)


class LikelyPair(SQLModel, table=True):
    """Two live prospects the likely-duplicate rule joins (``first_id`` < ``second_id``), kept
    up to date in every transaction that changes either one's facts (``prospects.likely``), so
    the evening reads them instead of judging the whole table. What the rule derives, never
    typed: ``doctor --recompute`` derives them again and lists what differs."""

    __tablename__ = "likely_pair"
    __table_args__ = (UniqueConstraint("first_id", "second_id", name="uq_likely_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    first_id: int = Field(foreign_key="prospect.id")
    second_id: int = Field(foreign_key="prospect.id", index=True)
    typo: str = Field(max_length=20)  # same-sound | similar-name
    facts: str = Field(max_length=100)  # the agreeing facts, comma-joined
    recorded_by_login: str | None = Field(default=None, max_length=63)


class NotifyOutbox(SQLModel, table=True):
    """A message for a group chat's robot (企业微信, 钉钉): one part of a report, kept until the
    robot accepted it; ``sent_at`` is when (the rate limit counts those). The webhook's address
    is a secret, read from the environment on each run and never stored."""

    __tablename__ = "notify_outbox"
    __table_args__ = (Index("ix_notify_outbox_platform_sent", "platform", "sent_at"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=10)  # wecom | dingtalk
    report: str = Field(max_length=20)  # daily-report | attention | summary
    day: str = Field(max_length=10)
    part: int
    parts: int
    payload: str = Field(sa_column=Column(Text(), nullable=False))  # the JSON body sent
    created_at: str = Field(max_length=32)
    tried_at: str | None = Field(default=None, max_length=32)
    sent_at: str | None = Field(default=None, max_length=32)
    attempts: int = 0
    last_error: str | None = Field(default=None, max_length=500)
    recorded_by_login: str | None = Field(default=None, max_length=63)
