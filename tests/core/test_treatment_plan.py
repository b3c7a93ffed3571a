"""The treatment plan around the aftercare: main sessions and touch-ups, the usual gap, the touch-up window
after the final main session and the maintenance reminder (kiosk/core/course.py, resources/protocols/smp.toml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.course import MAINTENANCE, TOUCH_UP_CLOSES, TOUCH_UP_OPENS, Course
from kiosk.core.flow import AddPlannedDate, Flow, SetSession, Step
from kiosk.core.protocol import Protocol, load_protocol
from kiosk.core.schedule import Schedule, build_schedule
from kiosk.errors import ProtocolError

TODAY = dt.date(2026, 6, 1)
PROTOCOL = load_protocol("smp")
STRICTEST = PROTOCOL.phases[0].id

session_lists = st.lists(
    st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31)), min_size=1, max_size=6, unique=True
)
first_numbers = st.integers(min_value=1, max_value=5)  # 4 and 5: the plan starts at a touch-up (3 main sessions)


def plan(sessions: list[dt.date], first: int = 1, protocol: Protocol = PROTOCOL) -> Schedule:
    return build_schedule(sessions, protocol, TODAY, first_number=first)


def rank(phase_id: str) -> int:
    """Lower is stricter: phases are listed strictest first."""
    return [phase.id for phase in PROTOCOL.phases].index(phase_id)


def key_date(schedule: Schedule, milestone_id: str) -> list[tuple[dt.date, int]]:
    return [(m.date, m.session) for m in schedule.milestones if m.id == milestone_id]


# ----------------------------------------------------------------- the protocol data


def test_the_shipped_protocol_has_the_clinics_defaults() -> None:
    course = PROTOCOL.course
    assert (course.main_sessions, course.min_gap_days) == (3, 7)
    assert (course.touch_up_first_day, course.touch_up_last_day) == (21, 90)
    assert course.maintenance_years == 2
    assert course == msgspec.structs.replace(Course(), opens=course.opens, closes=course.closes)


def write(tmp_path: Path, old: str, new: str) -> Path:
    source = PROTOCOL.source.read_text(encoding="utf-8")
    assert old in source
    path = tmp_path / "clinic.toml"
    path.write_text(source.replace(old, new), encoding="utf-8")
    return path


def test_an_older_protocol_without_the_course_gets_every_default(tmp_path: Path) -> None:
    source = PROTOCOL.source.read_text(encoding="utf-8")
    cut = source.index("# ---------------------------------------------------------------- the touch-up window")
    end = source.index("# ---------------------------------------------------------------- ongoing care")
    source = source[:cut] + source[end:]
    source = source.replace("main_sessions = 3\n", "").replace("min_gap_days = 7\n", "")
    path = tmp_path / "old.toml"
    path.write_text(source, encoding="utf-8")
    assert load_protocol(str(path)).course == Course()


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("main_sessions = 3", "main_sessions = 0", "'main_sessions' must be from 1 to 6, not 0"),
        ("min_gap_days = 7", "min_gap_days = 61", "'min_gap_days' must be from 1 to 60, not 61"),
        ("min_gap_days = 7", 'min_gap_days = "7"', "'min_gap_days' must be a whole number"),
        ("first_day = 21", "first_day = 0", "'touch_up_window.first_day' must be from 1 to 365"),
        ("last_day = 90", "last_day = 400", "'touch_up_window.last_day' must be from 1 to 365"),
        ("last_day = 90", "last_day = 20", "'touch_up_window.last_day' is 20, before first_day 21"),
        ("after_years = 2", "after_years = 11", "'maintenance.after_years' must be from 0 to 10"),
        ("after_years = 2", "after_years = true", "'maintenance.after_years' must be a whole number"),
        ('title = "Last day for your touch-up"', 'title = ""', "'touch_up_window.closes.title' must be a non-empty"),
    ],
)
def test_a_wrong_course_value_names_the_field(tmp_path: Path, old: str, new: str, field: str) -> None:
    with pytest.raises(ProtocolError, match=field.replace("(", r"\(")):
        load_protocol(str(write(tmp_path, old, new)))


def test_maintenance_can_be_off(tmp_path: Path) -> None:
    protocol = load_protocol(str(write(tmp_path, "after_years = 2", "after_years = 0")))
    assert protocol.course.maintenance_years == 0
    assert key_date(plan([dt.date(2026, 6, 1)], protocol=protocol), MAINTENANCE) == []


# ----------------------------------------------------------------- properties of the plan


@settings(max_examples=120, deadline=None)
@given(session_lists, first_numbers)
def test_phases_restart_at_every_session_touch_ups_included(sessions: list[dt.date], first: int) -> None:
    schedule = plan(sessions, first)
    for number, date in schedule.numbered_sessions():
        day = schedule.day_for(date)
        assert day is not None
        assert (day.phase, day.day, day.session) == (STRICTEST, 1, number)
    for day in schedule.days:  # every day is counted from the latest session on or before it
        latest = max(s for s in schedule.sessions if s <= day.date)
        assert day.day == (day.date - latest).days + 1


@settings(max_examples=120, deadline=None)
@given(session_lists, first_numbers)
def test_the_stricter_phase_wins_on_overlapping_days(sessions: list[dt.date], first: int) -> None:
    schedule = plan(sessions, first)
    for day in schedule.days:
        started = [s for s in schedule.sessions if s <= day.date]
        strictest = min(rank(PROTOCOL.phase_for_day((day.date - s).days + 1).id) for s in started)
        assert rank(day.phase) == strictest


@settings(max_examples=120, deadline=None)
@given(session_lists, st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31)))
def test_the_all_clear_day_moves_when_a_session_is_added(sessions: list[dt.date], added: dt.date) -> None:
    if added in sessions or len(sessions) == 6:
        return
    before = key_date(plan(sessions), "all-clear")
    after = key_date(plan([*sessions, added]), "all-clear")
    final = max([*sessions, added])
    assert after == [(final + dt.timedelta(days=29), len(sessions) + 1)]
    if added < max(sessions):  # an earlier session adds a session number but keeps the day
        assert after[0][0] == before[0][0]
    else:
        assert after[0][0] > before[0][0]


@settings(max_examples=120, deadline=None)
@given(session_lists, first_numbers)
def test_a_touch_up_starts_its_own_phases(sessions: list[dt.date], first: int) -> None:
    schedule = plan(sessions, first)
    numbers = dict(schedule.numbered_sessions())
    for number, date in numbers.items():
        assert schedule.is_touch_up(number) == (number > PROTOCOL.course.main_sessions)
        if not schedule.is_touch_up(number):
            continue
        following = [s for s in schedule.sessions if s > date]
        last = min(following) - dt.timedelta(days=1) if following else schedule.end
        counted = [d for d in schedule.days if date <= d.date <= last]
        assert [d.day for d in counted] == list(range(1, len(counted) + 1))
        assert {d.session for d in counted} == {number}
        assert [d.phase for d in counted] == [PROTOCOL.phase_for_day(d.day).id for d in counted]
        # The phase milestones that fit before the next session are counted from the touch-up too.
        for phase in PROTOCOL.phases[1:]:
            start = date + dt.timedelta(days=phase.first_day - 1)
            if phase.milestone and start <= last:
                assert (start, phase.milestone, number) in {(m.date, m.id, m.session) for m in schedule.milestones}


@settings(max_examples=120, deadline=None)
@given(
    session_lists,
    first_numbers,
    st.integers(min_value=1, max_value=365),
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=0, max_value=10),
)
def test_the_touch_up_window_follows_the_final_main_session(
    sessions: list[dt.date], first: int, opens: int, length: int, years: int
) -> None:
    course = msgspec.structs.replace(
        PROTOCOL.course, touch_up_first_day=opens, touch_up_last_day=min(opens + length, 365), maintenance_years=years
    )
    schedule = plan(sessions, first, msgspec.structs.replace(PROTOCOL, course=course))
    main = [(n, date) for n, date in schedule.numbered_sessions() if n <= course.main_sessions]
    if not main:  # the plan starts at a touch-up: no main session to count from
        assert key_date(schedule, TOUCH_UP_OPENS) == key_date(schedule, TOUCH_UP_CLOSES) == []
    else:
        number, final_main = main[-1]
        assert key_date(schedule, TOUCH_UP_OPENS) == [(final_main + dt.timedelta(days=opens - 1), number)]
        closes = final_main + dt.timedelta(days=course.touch_up_last_day - 1)
        assert key_date(schedule, TOUCH_UP_CLOSES) == [(closes, number)]
    last_number, last = schedule.numbered_sessions()[-1]
    maintenance = key_date(schedule, MAINTENANCE)
    if years:
        leap_day = (last.month, last.day) == (2, 29)
        expected = dt.date(last.year + years, last.month, last.day - 1 if leap_day and years % 4 else last.day)
        assert maintenance == [(expected, last_number)]  # counted from the last session, touch-up or not
    else:
        assert maintenance == []
    assert schedule.end == max(sessions) + dt.timedelta(days=29)  # the key dates do not stretch the day-by-day plan


# ----------------------------------------------------------------- the kiosk's flow


def flow_at(first: object = 1) -> Flow:
    flow = Flow(PROTOCOL, default_language="en", languages=("en",), today=lambda: dt.date(2026, 11, 24))
    flow.step = Step.SESSION
    flow.handle(SetSession(first))  # type: ignore[arg-type]
    return flow


def test_a_touch_up_is_counted_after_the_main_sessions_and_never_numbered() -> None:
    flow = flow_at("touch-up")
    schedule = flow.schedule()
    ((number, _date),) = schedule.numbered_sessions()
    assert number == PROTOCOL.course.main_sessions + 1
    assert schedule.is_touch_up(number)
    assert not flow_at(3).schedule().is_touch_up(3)


def test_a_date_closer_than_the_usual_gap_gets_a_note_never_a_refusal() -> None:
    flow = flow_at(2)
    assert flow.gap_note_days == 0
    close = dt.date(2026, 11, 24) + dt.timedelta(days=PROTOCOL.course.min_gap_days - 1)
    assert flow.handle(AddPlannedDate(close))
    assert flow.visit.planned_dates == [close]  # kept: the clinic decides
    assert flow.problem == ""
    assert flow.gap_note_days == 7
    flow.visit.planned_dates = [close + dt.timedelta(days=1)]
    assert flow.gap_note_days == 0


def test_the_session_buttons_follow_the_clinics_numbering() -> None:
    assert PROTOCOL.course.session_choices() == [
        (1, "First session"),
        (2, "Second session"),
        (3, "Third session"),
        ("touch-up", "Touch-up"),
    ]
    two = msgspec.structs.replace(PROTOCOL, course=msgspec.structs.replace(PROTOCOL.course, main_sessions=2))
    assert [answer for answer, _label in two.course.session_choices()] == [1, 2, "touch-up"]
    flow = Flow(two, default_language="en", languages=("en",), today=lambda: dt.date(2026, 11, 24))
    flow.step = Step.SESSION
    flow.handle(SetSession(3))  # not a main session in this clinic: ignored
    assert flow.visit.session_number == 1
    flow.handle(SetSession("touch-up"))
    ((number, _date),) = flow.schedule().numbered_sessions()
    assert number == 3 and flow.schedule().is_touch_up(number)  # counted after the clinic's two main sessions
