"""The events the check-in flow (kiosk.core.flow) takes: taps, typing, timers and the PDF worker's result.

Plain frozen dataclasses, one per kind of event; `Event` is their union. Import them from kiosk.core.flow.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass
from typing import Literal

from kiosk.core.visit import HairAnswer, SessionNumber

# A signature shorter than this (in the pad's pixels) is a stray tap, not a signature.
MIN_SIGNATURE_LENGTH = 24.0
Point = tuple[float, float]


@dataclass(frozen=True)
class PadSignature:
    """What the signature pad drew: strokes of points in the pad's own pixels (y down) and the pad's size."""

    width: float
    height: float
    strokes: tuple[tuple[Point, ...], ...]

    @property
    def length(self) -> float:
        """How much ink: the summed length of every stroke."""
        return sum(math.dist(a, b) for stroke in self.strokes for a, b in itertools.pairwise(stroke))

    @property
    def signed(self) -> bool:
        return self.width > 0 and self.height > 0 and self.length >= MIN_SIGNATURE_LENGTH


@dataclass(frozen=True)
class ChooseLanguage:
    language: str


@dataclass(frozen=True)
class CheckIn:
    pass


@dataclass(frozen=True)
class SetName:
    first: str
    last: str


@dataclass(frozen=True)
class SetSession:
    number: SessionNumber


@dataclass(frozen=True)
class SetSessionDate:
    date: dt.date


@dataclass(frozen=True)
class AddPlannedDate:
    date: dt.date


@dataclass(frozen=True)
class RemovePlannedDate:
    date: dt.date


@dataclass(frozen=True)
class AnswerMoisturised:
    answer: bool


@dataclass(frozen=True)
class ChooseHair:
    hair: HairAnswer


@dataclass(frozen=True)
class Next:
    pass


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class Sign:
    """The pad after a stroke: every stroke drawn so far (not only the new one)."""

    signature: PadSignature


@dataclass(frozen=True)
class ClearSignature:
    pass


@dataclass(frozen=True)
class PdfReady:
    generation: int


@dataclass(frozen=True)
class PdfFailed:
    generation: int
    message: str


@dataclass(frozen=True)
class Retry:
    pass


@dataclass(frozen=True)
class Finish:
    pass


@dataclass(frozen=True)
class InactivityWarning:
    pass


@dataclass(frozen=True)
class StillHere:
    pass


@dataclass(frozen=True)
class InactivityTimeout:
    pass


@dataclass(frozen=True)
class AskForHelp:
    """ "Ask a member of staff", on the screen named `screen`."""

    screen: str


@dataclass(frozen=True)
class CloseHelp:
    pass


Answer = Literal["name", "session", "moisturised", "hair"]


@dataclass(frozen=True)
class ChangeAnswer:
    """On the review screen: go back to one answer, then straight back to the review."""

    answer: Answer


Event = (
    AskForHelp
    | CloseHelp
    | ChangeAnswer
    | ChooseLanguage
    | CheckIn
    | SetName
    | SetSession
    | SetSessionDate
    | AddPlannedDate
    | RemovePlannedDate
    | AnswerMoisturised
    | ChooseHair
    | Next
    | Back
    | Sign
    | ClearSignature
    | PdfReady
    | PdfFailed
    | Retry
    | Finish
    | InactivityWarning
    | StillHere
    | InactivityTimeout
)
