"""Session dates -> the aftercare plan: every day's phase, the milestones, and before-care reminders.

Phases are ordered strictest first and every session restarts them at Day 1, so on any day the most
recent session always gives the strictest phase in force: "the most restrictive phase wins" comes down
to "count from the latest session". The property tests check this against a brute-force maximum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from msgspec import Struct

from kiosk.core.course import MAINTENANCE, TOUCH_UP_CLOSES, TOUCH_UP_OPENS, maintenance_date
from kiosk.core.protocol import Protocol
from kiosk.errors import UserError, shown

MAX_YEARS_AWAY = 2
MAX_SESSION_NUMBER = 99  # what a client calls their earliest session; a printed number stays short


class PlanDay(Struct, frozen=True):
    date: dt.date
    phase: str
    day: int  # day number counted from `session`
    session: int  # the number of the session the day is counted from (1 = first session)


class PlanMilestone(Struct, frozen=True):
    date: dt.date
    id: str
    session: int  # the session it is counted from


class PhaseSpan(Struct, frozen=True):
    """A run of consecutive days in one phase, counted from one session."""

    phase: str
    session: int
    first: PlanDay
    last: PlanDay


class Schedule(Struct, frozen=True):
    protocol: Protocol
    sessions: tuple[dt.date, ...]  # sorted, unique
    days: tuple[PlanDay, ...]
    milestones: tuple[PlanMilestone, ...]
    reminders: tuple[dt.date, ...]  # evenings before each later session: before-care reminders
    first_number: int = 1  # the number of the first date: a client at their second session starts at 2

    def numbered_sessions(self) -> list[tuple[int, dt.date]]:
        """(session number, date) for every session, the way a client counts them."""
        return [(self.first_number + index, date) for index, date in enumerate(self.sessions)]

    def is_touch_up(self, number: int) -> bool:
        """A session counted past the protocol's main sessions is a touch-up: shown as "Touch-up", not a number."""
        return self.protocol.course.is_touch_up(number)

    @property
    def start(self) -> dt.date:
        return self.sessions[0]

    @property
    def end(self) -> dt.date:
        return self.days[-1].date

    def day_for(self, date: dt.date) -> PlanDay | None:
        index = (date - self.start).days
        return self.days[index] if 0 <= index < len(self.days) else None

    def spans(self) -> list[PhaseSpan]:
        spans: list[PhaseSpan] = []
        for day in self.days:
            if spans and spans[-1].phase == day.phase and spans[-1].session == day.session:
                spans[-1] = PhaseSpan(day.phase, day.session, spans[-1].first, day)
            else:
                spans.append(PhaseSpan(day.phase, day.session, day, day))
        return spans

    def to_json(self) -> dict[str, object]:
        return {
            "protocol": self.protocol.id,
            "day_one": self.protocol.day_one,
            "sessions": [d.isoformat() for d in self.sessions],
            "days": [
                {"date": d.date.isoformat(), "phase": d.phase, "day": d.day, "session": d.session} for d in self.days
            ],
            "milestones": [{"date": m.date.isoformat(), "id": m.id, "session": m.session} for m in self.milestones],
            "reminders": [{"date": d.isoformat(), "id": "before-care"} for d in self.reminders],
        }


def validate_sessions(sessions: Iterable[dt.date], protocol: Protocol, today: dt.date) -> tuple[dt.date, ...]:
    """Check the count, duplicates and the two-year window; return the dates sorted."""
    dates = list(sessions)
    if not dates:
        raise UserError("no session date given: add --session YYYY-MM-DD")
    if len(dates) > protocol.max_sessions:
        raise UserError(
            f"{len(dates)} sessions given, at most {protocol.max_sessions} are allowed: remove some --session"
        )
    seen: set[dt.date] = set()
    for date in dates:
        if date in seen:
            raise UserError(f"session {date.isoformat()} is given twice: give each session date once")
        seen.add(date)
    earliest, latest = _years_from(today, -MAX_YEARS_AWAY), _years_from(today, MAX_YEARS_AWAY)
    for date in dates:
        if not earliest <= date <= latest:
            raise UserError(
                f"session {date.isoformat()} is more than {MAX_YEARS_AWAY} years from today "
                f"({today.isoformat()}): check the year"
            )
    return tuple(sorted(dates))


def _years_from(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year + years)
    except ValueError:  # 29 February in a year without one
        return today.replace(year=today.year + years, day=28)


def build_schedule(sessions: Sequence[dt.date], protocol: Protocol, today: dt.date, first_number: int = 1) -> Schedule:
    """The plan for `sessions`; `first_number` is what the client calls the earliest of them (1 = first session)."""
    if not 1 <= first_number <= MAX_SESSION_NUMBER:
        raise UserError(
            f"session number {shown(first_number)} is not possible: sessions are counted from 1 to {MAX_SESSION_NUMBER}"
        )
    ordered = validate_sessions(sessions, protocol, today)
    final = ordered[-1]
    offset = protocol.day_offset
    milestone_dates = {m.id: final + dt.timedelta(days=max(m.day - offset, 0)) for m in protocol.milestones}
    end = max([final, *milestone_dates.values()])
    days: list[PlanDay] = []
    session_index = 0
    date = ordered[0]
    while date <= end:
        while session_index + 1 < len(ordered) and ordered[session_index + 1] <= date:
            session_index += 1
        day_number = (date - ordered[session_index]).days + offset
        phase = protocol.phase_for_day(day_number)
        days.append(PlanDay(date, phase.id, day_number, first_number + session_index))
        date += dt.timedelta(days=1)
    schedule = Schedule(protocol, ordered, tuple(days), (), (), first_number)
    final_number = first_number + len(ordered) - 1
    milestones = _phase_milestones(schedule) + [
        PlanMilestone(date, milestone_id, final_number) for milestone_id, date in milestone_dates.items()
    ]
    milestones += _course_key_dates(schedule)
    milestones.sort(key=lambda m: (m.date, m.id))
    reminders = tuple(session - dt.timedelta(days=1) for session in ordered[1:])
    return Schedule(protocol, ordered, tuple(days), tuple(milestones), reminders, first_number)


def _phase_milestones(schedule: Schedule) -> list[PlanMilestone]:
    """A phase with a milestone marks the day it really starts for a session (not when cut short)."""
    result = []
    for span in schedule.spans():
        phase = schedule.protocol.phase(span.phase)
        if phase.milestone and span.first.day == phase.first_day:
            result.append(PlanMilestone(span.first.date, phase.milestone, span.session))
    return result


def _course_key_dates(schedule: Schedule) -> list[PlanMilestone]:
    """The touch-up window after the final main session and the maintenance reminder after the last session.

    They lie beyond the day-by-day plan (which ends at the last protocol milestone): key dates only."""
    course, offset = schedule.protocol.course, schedule.protocol.day_offset
    result = []
    main = [(number, date) for number, date in schedule.numbered_sessions() if not course.is_touch_up(number)]
    if main:
        number, final_main = main[-1]
        for milestone_id, day in (
            (TOUCH_UP_OPENS, course.touch_up_first_day),
            (TOUCH_UP_CLOSES, course.touch_up_last_day),
        ):
            result.append(PlanMilestone(final_main + dt.timedelta(days=max(day - offset, 0)), milestone_id, number))
    if course.maintenance_years:
        number, last = schedule.numbered_sessions()[-1]
        result.append(PlanMilestone(maintenance_date(last, course.maintenance_years), MAINTENANCE, number))
    return result
