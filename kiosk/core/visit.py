"""One client's visit: what they told the kiosk. It lives only until the client finishes or walks away."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from kiosk.core.course import SessionAnswer
from kiosk.core.names import NAME_PART_MAX_CHARS, clean_text
from kiosk.core.protocol import HairChoice

SessionNumber = SessionAnswer  # a main session (1 to the protocol's main_sessions) or a touch-up
# The hair question's answers: "not-yet" means the client plans a buzz cut but has not done it yet.
HairAnswer = Literal["buzz", "long", "not-yet"]
MAX_PLANNED_DATES = 4
NAME_MAX_CHARS = NAME_PART_MAX_CHARS


@dataclass
class Visit:
    """The client's answers. `wipe()` puts every field back to what a fresh visit has."""

    language: str
    today: dt.date
    first_name: str = ""
    last_name: str = ""
    session_number: SessionNumber = 1
    session_date: dt.date = field(init=False)
    planned_dates: list[dt.date] = field(default_factory=list)
    moisturised: bool | None = None
    hair: HairChoice | None = None  # what the aftercare plan follows ("not-yet" plans a buzz cut)
    hair_answer: HairAnswer | None = None  # what the client said, for the front desk

    def __post_init__(self) -> None:
        self.session_date = self.today

    def wipe(self, language: str, today: dt.date) -> None:
        fresh = Visit(language=language, today=today)
        for name, value in vars(fresh).items():
            setattr(self, name, value)

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.first_name.strip(), self.last_name.strip()) if part)

    def session_dates(self) -> list[dt.date]:
        """Today's session and the planned next ones, in order: what the aftercare plan is built from."""
        return sorted({self.session_date, *self.planned_dates})

    def first_session_count(self, main_sessions: int) -> int:
        """The number the aftercare plan gives today's session: a second session is Session 2.

        A touch-up follows the protocol's main sessions, so it counts as the one after them (and is shown as
        "Touch-up", never as that number).
        """
        return main_sessions + 1 if self.session_number == "touch-up" else self.session_number

    def is_blank(self, default_language: str) -> bool:
        return self == Visit(language=default_language, today=self.today)


def clean_name(text: str) -> str:
    """A name as typed, without control characters or runs of spaces, at most NAME_MAX_CHARS long (joiners
    of Indic scripts and emoji sequences stay; see kiosk.core.names, the one rule for names)."""
    return clean_text(text, NAME_MAX_CHARS)
