"""Plain database operations on an Engine. They raise on failure; kiosk.store.service decides what then."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from kiosk.core.visit_record import VisitOutcome, VisitStep
from kiosk.store.checkin import CheckIn, Hair, session_from_text, session_text
from kiosk.store.models import CheckInRow, SettingRow


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
        step=check_in.step.value,
        outcome=check_in.outcome.value,
        calendar_made=check_in.calendar_made,
        printed=check_in.printed,
        emailed=check_in.emailed,
        revision=check_in.revision,
        updated_at=check_in.updated_at,
    )


# What a later state of a visit may change (the uid, the start time and the kiosk stay).
_UPDATED = (
    "first_name",
    "last_initial",
    "session",
    "session_date",
    "language",
    "moisturised",
    "hair",
    "receipt_required",
    "signature_strokes",
    "signature_png",
    "step",
    "outcome",
    "calendar_made",
    "printed",
    "emailed",
    "revision",
    "updated_at",
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
        step=VisitStep(row.step),
        outcome=VisitOutcome(row.outcome),
        calendar_made=row.calendar_made,
        printed=row.printed,
        emailed=row.emailed,
        revision=row.revision,
        updated_at=row.updated_at,
    )


def latest_states(check_ins: Iterable[CheckIn]) -> list[CheckIn]:
    """Each visit once, in its highest revision, in the order the visits first appear."""
    latest: dict[str, CheckIn] = {}
    for check_in in check_ins:
        known = latest.get(check_in.uid)
        if known is None or check_in.revision > known.revision:
            latest[check_in.uid] = check_in
    return list(latest.values())


def save_check_ins(engine: Engine, check_ins: Sequence[CheckIn]) -> int:
    """Write visits' states in one transaction: a new uid is inserted, a known one updated when the state's
    revision is higher than the stored one (so a replay from the spool, whole or in part, changes nothing it
    should not). Return how many rows were inserted or updated. When this returns, the transaction is committed."""
    states = latest_states(check_ins)
    if not states:
        return 0
    changed = 0
    with Session(engine) as session, session.begin():
        uids = [c.uid for c in states]
        rows = {row.uid: row for row in session.scalars(select(CheckInRow).where(CheckInRow.uid.in_(uids)))}
        for check_in in states:
            row = rows.get(check_in.uid)
            if row is None:
                session.add(to_row(check_in))
            elif check_in.revision > row.revision:
                fresh = to_row(check_in)
                for name in _UPDATED:
                    setattr(row, name, getattr(fresh, name))
            else:
                continue
            changed += 1
    return changed


def check_ins_between(engine: Engine, start: dt.datetime, end: dt.datetime) -> list[CheckIn]:
    """Check-ins from every kiosk with start <= checked_in_at < end, oldest first."""
    query = (
        select(CheckInRow)
        .where(CheckInRow.checked_in_at >= start, CheckInRow.checked_in_at < end)
        .order_by(CheckInRow.checked_in_at, CheckInRow.id)
    )
    with Session(engine) as session:
        return [from_row(row) for row in session.scalars(query)]


def check_in_by_uid(engine: Engine, uid: str) -> CheckIn | None:
    with Session(engine) as session:
        row = session.scalars(select(CheckInRow).where(CheckInRow.uid == uid)).first()
        return from_row(row) if row else None


def delete_before(engine: Engine, cutoff: dt.datetime) -> int:
    with Session(engine) as session, session.begin():
        result = session.execute(delete(CheckInRow).where(CheckInRow.checked_in_at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)


def load_settings(engine: Engine) -> dict[str, Any]:
    values: dict[str, Any] = {}
    with Session(engine) as session:
        for row in session.scalars(select(SettingRow)):
            try:
                values[row.key] = json.loads(row.value)
            except ValueError:
                continue
    return values


def save_settings(engine: Engine, values: Iterable[tuple[str, Any]], now: dt.datetime) -> None:
    with Session(engine) as session, session.begin():
        for key, value in values:
            text = json.dumps(value, ensure_ascii=False, sort_keys=True)
            row = session.get(SettingRow, key)
            if row is None:
                session.add(SettingRow(key=key, value=text, updated_at=now))
            elif row.value != text:
                row.value = text
                row.updated_at = now
