"""The schedule engine: worked examples, bad input, and property tests of its invariants."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.course import MAINTENANCE, TOUCH_UP_CLOSES, TOUCH_UP_OPENS
from kiosk.core.protocol import Protocol, load_protocol
from kiosk.core.schedule import build_schedule
from kiosk.errors import UserError

TODAY = dt.date(2026, 11, 24)
PROTOCOL = load_protocol("smp")
COURSE_KEY_DATES = {TOUCH_UP_OPENS, TOUCH_UP_CLOSES, MAINTENANCE}


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_single_session_follows_the_seed_timeline() -> None:
    schedule = build_schedule([d("2026-11-24")], PROTOCOL, TODAY)
    phases = [(day.day, day.phase) for day in schedule.days]
    assert phases[:7] == [
        (1, "dry"),
        (2, "dry"),
        (3, "dry"),
        (4, "gentle"),
        (5, "gentle"),
        (6, "gentle"),
        (7, "normal"),
    ]
    assert all(phase == "normal" for day, phase in phases if day >= 7)
    # Day 1 is the session day, so "day 30" is 29 days later, and the plan ends on it.
    assert schedule.end == d("2026-12-23")
    assert len(schedule.days) == 30
    assert [(m.date, m.id) for m in schedule.milestones] == [
        (d("2026-11-27"), "light-shower"),
        (d("2026-11-30"), "back-to-normal"),
        (d("2026-12-14"), "touch-up-opens"),  # day 21 after the final main session
        (d("2026-12-23"), "all-clear"),
        (d("2027-02-21"), "touch-up-closes"),  # day 90
        (d("2028-11-24"), "maintenance"),  # two years on
    ]
    assert schedule.reminders == ()


def test_a_later_session_restarts_the_phases_and_moves_all_clear() -> None:
    schedule = build_schedule([d("2026-12-08"), d("2026-11-24")], PROTOCOL, TODAY)
    assert schedule.sessions == (d("2026-11-24"), d("2026-12-08"))
    second = schedule.day_for(d("2026-12-08"))
    assert second is not None
    assert (second.phase, second.day, second.session) == ("dry", 1, 2)
    before = schedule.day_for(d("2026-12-07"))
    assert before is not None
    assert (before.phase, before.day, before.session) == ("normal", 14, 1)
    assert schedule.end == d("2026-12-08") + dt.timedelta(days=29)
    assert schedule.reminders == (d("2026-12-07"),)
    all_clear = [m for m in schedule.milestones if m.id == "all-clear"]
    assert [(m.date, m.session) for m in all_clear] == [(schedule.end, 2)]


def test_a_session_during_gentle_care_cuts_it_short_without_a_false_milestone() -> None:
    schedule = build_schedule([d("2026-11-24"), d("2026-11-28")], PROTOCOL, TODAY)
    assert [(day.phase, day.session) for day in schedule.days[:6]] == [
        ("dry", 1),
        ("dry", 1),
        ("dry", 1),
        ("gentle", 1),
        ("dry", 2),
        ("dry", 2),
    ]
    back_to_normal = [m for m in schedule.milestones if m.id == "back-to-normal"]
    assert [m.session for m in back_to_normal] == [2]


def test_leap_day_and_year_end_in_one_schedule() -> None:
    today = dt.date(2027, 6, 1)
    schedule = build_schedule([d("2027-12-30"), d("2028-02-27")], PROTOCOL, today)
    dates = [day.date for day in schedule.days]
    assert d("2027-12-31") in dates and d("2028-01-01") in dates and d("2028-02-29") in dates
    leap = schedule.day_for(d("2028-02-29"))
    assert leap is not None
    assert (leap.phase, leap.day, leap.session) == ("dry", 3, 2)
    assert dates == [dates[0] + dt.timedelta(days=i) for i in range(len(dates))]
    assert schedule.end == d("2028-03-27")


def test_day_after_numbering_is_a_protocol_setting(tmp_path: pytest.TempPathFactory) -> None:
    source = PROTOCOL.source.read_text(encoding="utf-8").replace('day_one = "session-day"', 'day_one = "day-after"')
    path = tmp_path / "after.toml"  # type: ignore[operator]
    path.write_text(source, encoding="utf-8")
    protocol = load_protocol(str(path))
    schedule = build_schedule([d("2026-11-24")], protocol, TODAY)
    assert (schedule.days[0].day, schedule.days[0].phase) == (0, "dry")
    assert (schedule.days[4].day, schedule.days[4].phase) == (4, "gentle")
    assert schedule.end == d("2026-12-24")


@pytest.mark.parametrize(
    ("sessions", "message"),
    [
        ([], "no session date"),
        (["2026-11-24", "2026-11-24"], "given twice"),
        ([f"2026-12-{n:02d}" for n in range(1, 8)], "at most 6"),
        (["2028-11-25"], "more than 2 years"),
        (["2024-11-23"], "more than 2 years"),
    ],
)
def test_bad_session_lists_are_refused(sessions: list[str], message: str) -> None:
    with pytest.raises(UserError, match=message):
        build_schedule([d(s) for s in sessions], PROTOCOL, TODAY)


def test_the_two_year_window_is_inclusive() -> None:
    build_schedule([d("2028-11-24"), d("2024-11-24")], PROTOCOL, TODAY)


# ----------------------------------------------------------------- properties

session_lists = st.lists(
    st.dates(min_value=d("2025-01-01"), max_value=d("2027-12-31")), min_size=1, max_size=6, unique=True
)


def strictness(protocol: Protocol, phase_id: str) -> int:
    """Lower is stricter: phases are listed strictest first."""
    return [phase.id for phase in protocol.phases].index(phase_id)


@settings(max_examples=150, deadline=None)
@given(session_lists)
def test_every_day_has_exactly_one_phase_and_the_strictest_wins(sessions: list[dt.date]) -> None:
    schedule = build_schedule(sessions, PROTOCOL, dt.date(2026, 6, 1))
    final = max(sessions)
    assert schedule.days[0].date == min(sessions)
    assert schedule.end == final + dt.timedelta(days=29)
    for index, day in enumerate(schedule.days):
        assert day.date == schedule.start + dt.timedelta(days=index)
        assert [p.id for p in PROTOCOL.phases].count(day.phase) == 1
        started = [s for s in schedule.sessions if s <= day.date]
        latest = started[-1]
        assert day.session == len(started)
        assert day.day == (day.date - latest).days + 1
        # Brute force: the strictest phase over every session so far.
        strictest = min(strictness(PROTOCOL, PROTOCOL.phase_for_day((day.date - s).days + 1).id) for s in started)
        assert strictness(PROTOCOL, day.phase) == strictest
        if day.phase == "normal":
            assert (day.date - latest).days + 1 >= 7


@settings(max_examples=150, deadline=None)
@given(session_lists)
def test_all_clear_is_counted_only_from_the_final_session(sessions: list[dt.date]) -> None:
    schedule = build_schedule(sessions, PROTOCOL, dt.date(2026, 6, 1))
    all_clear = [m for m in schedule.milestones if m.id == "all-clear"]
    assert len(all_clear) == 1
    assert all_clear[0].date == max(sessions) + dt.timedelta(days=29)
    assert all_clear[0].session == len(sessions)
    assert schedule.reminders == tuple(s - dt.timedelta(days=1) for s in sorted(sessions)[1:])
    for milestone in schedule.milestones:
        day = schedule.day_for(milestone.date)
        if milestone.id in COURSE_KEY_DATES:  # beyond the day-by-day plan: key dates only
            continue
        assert day is not None
        if milestone.id == "light-shower":
            assert (day.phase, day.day) == ("gentle", 4)
        if milestone.id == "back-to-normal":
            assert (day.phase, day.day) == ("normal", 7)


def test_a_client_at_their_second_session_sees_session_2() -> None:
    schedule = build_schedule([d("2026-11-24"), d("2026-12-08")], PROTOCOL, TODAY, first_number=2)
    assert schedule.numbered_sessions() == [(2, d("2026-11-24")), (3, d("2026-12-08"))]
    assert {day.session for day in schedule.days} == {2, 3}
    assert [m.session for m in schedule.milestones if m.id == "all-clear"] == [3]
    with pytest.raises(UserError, match="counted from 1"):
        build_schedule([d("2026-11-24")], PROTOCOL, TODAY, first_number=0)
