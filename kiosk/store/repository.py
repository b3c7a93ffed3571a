"""Plain database operations on an Engine. They raise on failure; kiosk.store.service decides what then."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from kiosk.store.checkin import CheckIn, Hair, session_from_text, session_text
from kiosk.store.models import CHAIN, BranchRow, CheckInRow, SettingRow


def to_row(check_in: CheckIn) -> CheckInRow:
    return CheckInRow(
        uid=check_in.uid,
        first_name=check_in.first_name,
        last_initial=check_in.last_initial,
        session=session_text(check_in.session),
        session_date=check_in.session_date,
        language=check_in.language,
        moisturised=check_in.moisturised,
        hair=check_in.hair,
        receipt_required=check_in.receipt_required,
        signature_strokes=check_in.signature_strokes,
        signature_png=check_in.signature_png,
        checked_in_at=check_in.checked_in_at,
        kiosk_id=check_in.kiosk_id,
        branch_id=check_in.branch,
    )


def from_row(row: CheckInRow) -> CheckIn:
    hair: Hair | None = "buzz" if row.hair == "buzz" else "long" if row.hair == "long" else None
    return CheckIn(
        uid=row.uid,
        first_name=row.first_name,
        last_initial=row.last_initial,
        session=session_from_text(row.session),
        session_date=row.session_date,
        language=row.language,
        moisturised=row.moisturised,
        hair=hair,
        receipt_required=row.receipt_required,
        signature_strokes=row.signature_strokes,
        signature_png=row.signature_png,
        checked_in_at=row.checked_in_at,
        kiosk_id=row.kiosk_id,
        branch=row.branch_id,
    )


def insert_check_ins(engine: Engine, check_ins: Sequence[CheckIn]) -> int:
    """Insert in one transaction, skipping uids already stored (a replay from the spool); return how many
    were new. When this returns, the transaction is committed."""
    if not check_ins:
        return 0
    with Session(engine) as session, session.begin():
        uids = [c.uid for c in check_ins]
        existing = set(session.scalars(select(CheckInRow.uid).where(CheckInRow.uid.in_(uids))))
        new = [c for c in check_ins if c.uid not in existing]
        session.add_all(to_row(c) for c in new)
    return len(new)


def check_ins_between(engine: Engine, start: dt.datetime, end: dt.datetime, branch: str | None) -> list[CheckIn]:
    """Check-ins from every kiosk of `branch` (None: of every branch) with start <= checked_in_at < end, oldest
    first."""
    query = (
        select(CheckInRow)
        .where(CheckInRow.checked_in_at >= start, CheckInRow.checked_in_at < end)
        .order_by(CheckInRow.checked_in_at, CheckInRow.id)
    )
    if branch is not None:
        query = query.where(CheckInRow.branch_id == branch)
    with Session(engine) as session:
        return [from_row(row) for row in session.scalars(query)]


def check_in_by_uid(engine: Engine, uid: str) -> CheckIn | None:
    with Session(engine) as session:
        row = session.scalars(select(CheckInRow).where(CheckInRow.uid == uid)).first()
        return from_row(row) if row else None


def delete_before(engine: Engine, cutoff: dt.datetime, branch: str) -> int:
    """Delete `branch`'s check-ins older than `cutoff` (each branch has its own retention period)."""
    with Session(engine) as session, session.begin():
        old = delete(CheckInRow).where(CheckInRow.checked_in_at < cutoff, CheckInRow.branch_id == branch)
        result = session.execute(old)
        return int(getattr(result, "rowcount", 0) or 0)


def load_settings(engine: Engine, branch: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    with Session(engine) as session:
        for row in session.scalars(select(SettingRow).where(SettingRow.branch_id == branch)):
            try:
                values[row.key] = json.loads(row.value)
            except ValueError:
                continue
    return values


def save_settings(engine: Engine, values: Iterable[tuple[str, Any]], now: dt.datetime, branch: str) -> None:
    with Session(engine) as session, session.begin():
        if branch != CHAIN and session.get(BranchRow, branch) is None:
            session.add(BranchRow(id=branch, created_at=now))
        for key, value in values:
            text = json.dumps(value, ensure_ascii=False, sort_keys=True)
            row = session.get(SettingRow, (branch, key))
            if row is None:
                session.add(SettingRow(branch_id=branch, key=key, value=text, updated_at=now))
            elif row.value != text:
                row.value = text
                row.updated_at = now


def ensure_branch(engine: Engine, branch: str, now: dt.datetime) -> None:
    """List the branch (a kiosk of a new branch adds it when it opens the database)."""
    with Session(engine) as session, session.begin():
        if session.get(BranchRow, branch) is None:
            session.add(BranchRow(id=branch, created_at=now))


def branch_ids(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return list(session.scalars(select(BranchRow.id).order_by(BranchRow.id)))
