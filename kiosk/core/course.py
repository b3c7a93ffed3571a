"""The course of sessions around the aftercare: main sessions and touch-ups, the usual gap between sessions,
the touch-up window after the final main session and the maintenance reminder years later.

Read from the protocol file's top-level `main_sessions` and `min_gap_days` and its `[touch_up_window]` and
`[maintenance]` tables; every value has a default and bounds (COURSE_BOUNDS), so an older protocol file
without them still loads. Kept apart from protocol.py so the two can change independently.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Mapping
from typing import Any, Literal

import msgspec
from msgspec import Struct

from kiosk.errors import ProtocolError


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation, translate later"
    return text


TOUCH_UP: Literal["touch-up"] = "touch-up"  # what the session screen and the check-in records call a touch-up
SessionAnswer = int | Literal["touch-up"]  # a main session (1 to main_sessions) or a touch-up
# The session screen's buttons for the main sessions, in the clinic's numbering (main_sessions of them).
MAIN_SESSION_LABELS = (
    N_("First session"),
    N_("Second session"),
    N_("Third session"),
    N_("Fourth session"),
    N_("Fifth session"),
    N_("Sixth session"),
)
TOUCH_UP_LABEL = N_("Touch-up")
TOUCH_UP_OPENS = "touch-up-opens"
TOUCH_UP_CLOSES = "touch-up-closes"
MAINTENANCE = "maintenance"
# A clinic-editable number -> (lowest, highest); maintenance 0 means no reminder.
COURSE_BOUNDS: dict[str, tuple[int, int]] = {
    "main_sessions": (1, 6),
    "min_gap_days": (1, 60),
    "touch_up_first_day": (1, 365),
    "touch_up_last_day": (1, 365),
    "maintenance_years": (0, 10),
}


class KeyDateText(Struct, frozen=True):
    """The words of one course key date (the same shape as a protocol milestone's)."""

    title: str
    text: str
    pictogram: str


class Course(Struct, frozen=True):
    main_sessions: int = 3  # sessions 1..main are main sessions; a later one is a touch-up, never a number
    min_gap_days: int = 7  # the usual least gap between two sessions: closer dates get a note, not a refusal
    touch_up_first_day: int = 21  # the touch-up window, counted from the final main session like the phases
    touch_up_last_day: int = 90
    maintenance_years: int = 2  # 0: no maintenance reminder
    opens: KeyDateText = KeyDateText(
        N_("Your touch-up can be done from today"),
        N_("Your scalp has healed. A touch-up fills in any light spots. Call us to book it."),
        "calendar",
    )
    closes: KeyDateText = KeyDateText(
        N_("Last day for your touch-up"),
        N_("Try to have your touch-up by today. If you have not booked it yet, call us."),
        "calendar",
    )
    maintenance: KeyDateText = KeyDateText(
        N_("Time for a refresh session"),
        N_("Over the years the pigment slowly fades. A short refresh session makes it look new again. Call us."),
        "milestone",
    )

    def session_choices(self) -> list[tuple[SessionAnswer, str]]:
        """(answer, English label) for each button of "Which session is this?": the main sessions, then a touch-up."""
        main: list[tuple[SessionAnswer, str]] = [
            (n, MAIN_SESSION_LABELS[n - 1]) for n in range(1, self.main_sessions + 1)
        ]
        return [*main, (TOUCH_UP, TOUCH_UP_LABEL)]

    def is_touch_up(self, number: int) -> bool:
        """A session counted past the clinic's main sessions is a touch-up."""
        return number > self.main_sessions

    @property
    def touch_up_number(self) -> int:
        """The number a touch-up gets when the plan counts sessions (the first after the main ones)."""
        return self.main_sessions + 1

    def key_date_text(self, key_date_id: str) -> KeyDateText | None:
        return {TOUCH_UP_OPENS: self.opens, TOUCH_UP_CLOSES: self.closes, MAINTENANCE: self.maintenance}.get(
            key_date_id
        )

    def too_close(self, dates: list[dt.date]) -> bool:
        """True when two of the (sorted) session dates are fewer than min_gap_days apart."""
        return any((later - earlier).days < self.min_gap_days for earlier, later in itertools.pairwise(dates))


def maintenance_date(last_session: dt.date, years: int) -> dt.date:
    try:
        return last_session.replace(year=last_session.year + years)
    except ValueError:  # 29 February into a year without one
        return last_session.replace(year=last_session.year + years, day=28)


def read_course(raw: Mapping[str, Any], fail: Callable[[str, str], ProtocolError]) -> Course:
    """The course from a parsed protocol file; `fail(field, problem)` makes the one-line error."""
    default = Course()

    def number(table: Mapping[str, Any], key: str, where: str, bound: str) -> int:
        value = table.get(key, getattr(default, bound))
        low, high = COURSE_BOUNDS[bound]
        if not isinstance(value, int) or isinstance(value, bool):
            raise fail(f"{where}{key}", "must be a whole number")
        if not low <= value <= high:
            raise fail(f"{where}{key}", f"must be from {low} to {high}, not {value}")
        return value

    def table(key: str) -> Mapping[str, Any]:
        value = raw.get(key, {})
        if not isinstance(value, dict):
            raise fail(key, "must be a table")
        return value

    def words(value: object, where: str, fallback: KeyDateText) -> KeyDateText:
        if not isinstance(value, dict):
            raise fail(where.rstrip("."), "must be a table with title, text and pictogram")
        found = {}
        for name in ("title", "text", "pictogram"):
            text = value.get(name, getattr(fallback, name))
            if not isinstance(text, str) or not text.strip():
                raise fail(f"{where}{name}", "must be a non-empty text")
            found[name] = text.strip()
        return KeyDateText(**found)

    window, maintenance = table("touch_up_window"), table("maintenance")
    course = Course(
        main_sessions=number(raw, "main_sessions", "", "main_sessions"),
        min_gap_days=number(raw, "min_gap_days", "", "min_gap_days"),
        touch_up_first_day=number(window, "first_day", "touch_up_window.", "touch_up_first_day"),
        touch_up_last_day=number(window, "last_day", "touch_up_window.", "touch_up_last_day"),
        maintenance_years=number(maintenance, "after_years", "maintenance.", "maintenance_years"),
        opens=words(window.get("opens", {}), "touch_up_window.opens.", default.opens),
        closes=words(window.get("closes", {}), "touch_up_window.closes.", default.closes),
        maintenance=words(maintenance, "maintenance.", default.maintenance),
    )
    if course.touch_up_last_day < course.touch_up_first_day:
        raise fail(
            "touch_up_window.last_day",
            f"is {course.touch_up_last_day}, before first_day {course.touch_up_first_day}",
        )
    return course


# The staff screen's clinic settings store these next to the phases' day counts (ClinicSettings.day_counts).
COURSE_SETTINGS: dict[str, str] = {  # setting id -> Course field
    "course.min-gap": "min_gap_days",
    "course.touch-up-from": "touch_up_first_day",
    "course.touch-up-until": "touch_up_last_day",
    "course.maintenance-years": "maintenance_years",
}


def course_counts(course: Course) -> dict[str, int]:
    return {key: getattr(course, name) for key, name in COURSE_SETTINGS.items()}


def course_bounds(setting: str) -> tuple[int, int]:
    return COURSE_BOUNDS[COURSE_SETTINGS[setting]]


def apply_course_counts(course: Course, counts: Mapping[str, int]) -> Course:
    """The course with the clinic's own numbers; ValueError names the setting when the window is upside down."""
    own = course_counts(course)

    def count(key: str) -> int:
        return counts.get(key, own[key])

    result = msgspec.structs.replace(
        course,
        min_gap_days=count("course.min-gap"),
        touch_up_first_day=count("course.touch-up-from"),
        touch_up_last_day=count("course.touch-up-until"),
        maintenance_years=count("course.maintenance-years"),
    )
    if result.touch_up_last_day < result.touch_up_first_day:
        raise ValueError("course.touch-up-until")
    return result
