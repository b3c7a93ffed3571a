"""Branches: several clinics of a chain on one database. Every existing row becomes branch "main".

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

from kiosk.store.models import UTCDateTime

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    branches = op.create_table(
        "branches",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_branches"),
    )
    op.bulk_insert(branches, [{"id": "main", "created_at": dt.datetime.now(dt.UTC)}])
    with op.batch_alter_table("check_ins") as batch:
        batch.add_column(sa.Column("branch_id", sa.String(32), nullable=False, server_default="main"))
    op.create_index("ix_check_ins_branch_id", "check_ins", ["branch_id", "checked_in_at"])
    with op.batch_alter_table("clinic_settings", recreate="always") as batch:
        batch.add_column(sa.Column("branch_id", sa.String(32), nullable=False, server_default="main"))
        batch.drop_constraint("pk_clinic_settings", type_="primary")
        batch.create_primary_key("pk_clinic_settings", ["branch_id", "key"])


def downgrade() -> None:
    op.execute("DELETE FROM clinic_settings WHERE branch_id <> 'main'")
    with op.batch_alter_table("clinic_settings", recreate="always") as batch:
        batch.drop_constraint("pk_clinic_settings", type_="primary")
        batch.drop_column("branch_id")
        batch.create_primary_key("pk_clinic_settings", ["key"])
    op.drop_index("ix_check_ins_branch_id", table_name="check_ins")
    with op.batch_alter_table("check_ins") as batch:
        batch.drop_column("branch_id")
    op.drop_table("branches")
