"""Check-ins and clinic settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.store.models import UTCDateTime

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "check_ins",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("first_name", sa.String(80), nullable=False),
        sa.Column("last_initial", sa.String(8), nullable=False),
        sa.Column("session", sa.String(16), nullable=False),
        sa.Column("session_date", sa.Date(), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("moisturised", sa.Boolean(), nullable=True),
        sa.Column("hair", sa.String(8), nullable=True),
        sa.Column("receipt_required", sa.Boolean(), nullable=False),
        sa.Column("signature_strokes", sa.Text(), nullable=True),
        sa.Column("signature_png", sa.LargeBinary(), nullable=True),
        sa.Column("checked_in_at", UTCDateTime(), nullable=False),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_check_ins"),
        sa.UniqueConstraint("uid", name="uq_check_ins_uid"),
        sa.CheckConstraint("hair IN ('buzz', 'long')", name="ck_check_ins_hair_choice"),
    )
    op.create_index("ix_check_ins_checked_in_at", "check_ins", ["checked_in_at"])
    op.create_table(
        "clinic_settings",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_clinic_settings"),
    )


def downgrade() -> None:
    op.drop_table("clinic_settings")
    op.drop_index("ix_check_ins_checked_in_at", table_name="check_ins")
    op.drop_table("check_ins")
