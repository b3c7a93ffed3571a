"""The database tables: one row per visit (its record, from the session screen to finished or walked away), the
clinic's branches and each branch's settings.

A check-in row holds the minimum the front desk needs and nothing that identifies the client further:
first name and last initial only, never an email address or a phone number. `uid` is made by the kiosk
before the first write attempt, so a check-in replayed from the spool is never stored twice; each later state
of the visit updates that row when its `revision` is higher (kiosk.core.visit_record has the states).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.expression import true
from sqlalchemy.types import TypeDecorator

from kiosk.core.visit_record import VisitOutcome, VisitStep
from kiosk.settings.schema import DEFAULT_BRANCH

CHAIN = "_chain"  # the settings of the whole chain; no branch id can start with "_"
OUTCOME_CHECK = "outcome IN ({})".format(", ".join(f"'{o.value}'" for o in VisitOutcome))
STEP_CHECK = "step IN ({})".format(", ".join(f"'{s.value}'" for s in VisitStep))
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC datetime on every backend (SQLite keeps no time zone, so it is stored as naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("times stored in the database must be timezone-aware")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CheckInRow(Base):
    __tablename__ = "check_ins"
    __table_args__ = (
        CheckConstraint("hair IN ('buzz', 'long')", name="hair_choice"),
        CheckConstraint(OUTCOME_CHECK, name="visit_outcome"),
        CheckConstraint(STEP_CHECK, name="visit_step"),
        Index("ix_check_ins_checked_in_at", "checked_in_at"),
        Index("ix_check_ins_branch_id", "branch_id", "checked_in_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_initial: Mapped[str] = mapped_column(String(8))
    session: Mapped[str] = mapped_column(String(16))  # "1".."9" or "touch-up"
    session_date: Mapped[dt.date] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(16))
    moisturised: Mapped[bool | None] = mapped_column(Boolean)
    hair: Mapped[str | None] = mapped_column(String(8))  # "buzz", "long" or None (not answered)
    receipt_required: Mapped[bool] = mapped_column(Boolean)
    signature_strokes: Mapped[str | None] = mapped_column(Text)  # JSON, see kiosk.store.receipt.Signature
    signature_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    checked_in_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())  # UTC
    kiosk_id: Mapped[str] = mapped_column(String(64))
    # The visit's life (migration 0002): where it is or ended, and what the client took with them.
    step: Mapped[str] = mapped_column(String(16), server_default="finish")
    outcome: Mapped[str] = mapped_column(String(16), server_default="finished")
    calendar_made: Mapped[bool] = mapped_column(Boolean, server_default=true())
    printed: Mapped[bool | None] = mapped_column(Boolean)  # None: a record from before 0002
    emailed: Mapped[bool | None] = mapped_column(Boolean)
    revision: Mapped[int] = mapped_column(Integer, server_default="1")
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    branch_id: Mapped[str] = mapped_column(String(32), default=DEFAULT_BRANCH, server_default=DEFAULT_BRANCH)


class BranchRow(Base):
    """One clinic branch of a chain sharing the database; its settings are the SettingRows with its id."""

    __tablename__ = "branches"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class HelpRequestRow(Base):
    """A client tapped "Ask a member of staff": which kiosk, on which screen, when; and when staff answered.
    Nothing about the client: the staff screens of every kiosk of its branch show it as a call."""

    __tablename__ = "help_requests"
    __table_args__ = (
        Index("ix_help_requests_requested_at", "requested_at"),
        Index("ix_help_requests_branch_id", "branch_id", "requested_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    screen: Mapped[str] = mapped_column(String(32))  # the flow's step, e.g. "before-care"
    requested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    branch_id: Mapped[str] = mapped_column(String(32), default=DEFAULT_BRANCH, server_default=DEFAULT_BRANCH)


class SettingRow(Base):
    """One setting of one branch as JSON text; every kiosk of the branch reads the same values. The chain's own
    settings (the owner PIN) have the branch id CHAIN."""

    __tablename__ = "clinic_settings"

    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True, default=DEFAULT_BRANCH)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
