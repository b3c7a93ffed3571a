"""Calls for help: "Ask a member of staff" on a kiosk, seen on the staff screens of every kiosk.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.store.models import UTCDateTime

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "help_requests",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("screen", sa.String(32), nullable=False),
        sa.Column("requested_at", UTCDateTime(), nullable=False),
        sa.Column("answered_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_help_requests"),
    )
    op.create_index("ix_help_requests_requested_at", "help_requests", ["requested_at"])


def downgrade() -> None:
    op.drop_index("ix_help_requests_requested_at", table_name="help_requests")
    op.drop_table("help_requests")
