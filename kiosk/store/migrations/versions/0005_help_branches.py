"""Calls for help belong to a branch: a kiosk's call rings on the staff screens of its own branch only, when
several branches share one database. Calls made before this belong to branch "main", as the check-ins did.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("help_requests") as batch:
        batch.add_column(sa.Column("branch_id", sa.String(32), nullable=False, server_default="main"))
    op.create_index("ix_help_requests_branch_id", "help_requests", ["branch_id", "requested_at"])


def downgrade() -> None:
    op.drop_index("ix_help_requests_branch_id", table_name="help_requests")
    with op.batch_alter_table("help_requests") as batch:
        batch.drop_column("branch_id")
