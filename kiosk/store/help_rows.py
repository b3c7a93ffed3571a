"""The help_requests table: calls for help from the kiosks on the database, each of its branch (see
kiosk/store/help.py); a branch's staff screens read and answer only that branch's calls.

Plain database operations on an Engine; they raise on failure and kiosk.store.service decides what then.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session

from kiosk.store.help import SCREEN_MAX_CHARS, HelpRequest
from kiosk.store.models import HelpRequestRow


def add_help_request(engine: Engine, branch: str, kiosk_id: str, screen: str, now: dt.datetime) -> int:
    with Session(engine) as session, session.begin():
        row = HelpRequestRow(
            branch_id=branch, kiosk_id=kiosk_id[:64], screen=screen[:SCREEN_MAX_CHARS], requested_at=now
        )
        session.add(row)
        session.flush()
        return row.id


def help_requests_between(engine: Engine, branch: str, start: dt.datetime, end: dt.datetime) -> list[HelpRequest]:
    """The calls of every kiosk of `branch` with start <= time < end, newest first."""
    query = (
        select(HelpRequestRow)
        .where(
            HelpRequestRow.branch_id == branch,
            HelpRequestRow.requested_at >= start,
            HelpRequestRow.requested_at < end,
        )
        .order_by(HelpRequestRow.requested_at.desc(), HelpRequestRow.id.desc())
    )
    with Session(engine) as session:
        return [
            HelpRequest(row.id, row.kiosk_id, row.screen, row.requested_at, row.answered_at)
            for row in session.scalars(query)
        ]


def answer_help_request(engine: Engine, branch: str, request_id: int, now: dt.datetime) -> None:
    """Staff are on their way: the call stops ringing on every staff screen of the branch."""
    with Session(engine) as session, session.begin():
        session.execute(
            update(HelpRequestRow)
            .where(
                HelpRequestRow.id == request_id,
                HelpRequestRow.branch_id == branch,
                HelpRequestRow.answered_at.is_(None),
            )
            .values(answered_at=now)
        )


def delete_help_before(engine: Engine, cutoff: dt.datetime) -> int:
    with Session(engine) as session, session.begin():
        result = session.execute(delete(HelpRequestRow).where(HelpRequestRow.requested_at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)
