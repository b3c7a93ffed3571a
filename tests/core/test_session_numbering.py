"""The session the client names is the session number the calendar prints."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.core.flow import Flow
from kiosk.core.protocol import load_protocol
from kiosk.core.visit import SessionNumber

TODAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize(("answer", "first"), [(1, 1), (2, 2), (3, 3), ("touch-up", 4)])
def test_the_plan_counts_from_the_session_the_client_named(answer: SessionNumber, first: int) -> None:
    flow = Flow(load_protocol("smp"), default_language="en", languages=("en",), today=lambda: TODAY)
    flow.visit.session_number = answer  # what the session screen's SetSession / AddPlannedDate events set
    flow.visit.planned_dates = [TODAY + dt.timedelta(days=14)]
    schedule = flow.schedule()
    assert schedule.numbered_sessions() == [(first, TODAY), (first + 1, TODAY + dt.timedelta(days=14))]
    assert schedule.days[0].session == first
