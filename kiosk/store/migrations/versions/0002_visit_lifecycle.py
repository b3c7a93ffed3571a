"""A visit record with a life: its step, how it ended, what was handed over, and a revision for upserts.

Rows from before are finished check-ins (only those were stored): step "finish", outcome "finished", the
calendar made; whether they printed or emailed was never kept, so those stay NULL (not known).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.store.models import UTCDateTime

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

# The values as this revision knows them (kiosk.core.visit_record may grow; a later migration follows it).
OUTCOMES = ("in-progress", "finished", "walked-away")
STEPS = ("name", "session", "before-care", "calendar", "handover", "receipt", "finish")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _checks_allowed() -> bool:
    # SQLite cannot add a CHECK constraint to a table in place (Alembic would copy the table and rename its
    # other constraints); there the code's enums are the guard. PostgreSQL gets the constraints.
    return op.get_bind().dialect.name != "sqlite"


def upgrade() -> None:
    op.add_column("check_ins", sa.Column("step", sa.String(16), nullable=False, server_default="finish"))
    op.add_column("check_ins", sa.Column("outcome", sa.String(16), nullable=False, server_default="finished"))
    op.add_column("check_ins", sa.Column("calendar_made", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column("check_ins", sa.Column("printed", sa.Boolean(), nullable=True))
    op.add_column("check_ins", sa.Column("emailed", sa.Boolean(), nullable=True))
    op.add_column("check_ins", sa.Column("revision", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("check_ins", sa.Column("updated_at", UTCDateTime(), nullable=True))
    if _checks_allowed():
        op.create_check_constraint(op.f("ck_check_ins_visit_outcome"), "check_ins", _one_of("outcome", OUTCOMES))
        op.create_check_constraint(op.f("ck_check_ins_visit_step"), "check_ins", _one_of("step", STEPS))


def downgrade() -> None:
    # Going back keeps only what 0001 could hold: visits that never finished are removed with their state.
    op.execute(sa.text("DELETE FROM check_ins WHERE outcome <> 'finished'"))
    if _checks_allowed():
        op.drop_constraint(op.f("ck_check_ins_visit_step"), "check_ins", type_="check")
        op.drop_constraint(op.f("ck_check_ins_visit_outcome"), "check_ins", type_="check")
    for column in ("updated_at", "revision", "emailed", "printed", "calendar_made", "outcome", "step"):
        op.drop_column("check_ins", column)
