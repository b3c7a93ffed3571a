"""The events the check-in flow (kiosk.core.flow) takes: taps, typing, timers and the PDF worker's result.

Plain frozen records (msgspec Structs: defining one costs a fortieth of a frozen dataclass, and the kiosk
defines these before its first frame), one per kind of event; `Event` is their union. Import them from
kiosk.core.flow.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from typing import Literal

from msgspec import Struct

from kiosk.core.visit import HairAnswer, SessionNumber

# A signature shorter than this (in the pad's pixels) is a stray tap, not a signature.
MIN_SIGNATURE_LENGTH = 24.0
Point = tuple[float, float]


class PadSignature(Struct, frozen=True):
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


class ChooseLanguage(Struct, frozen=True):
    language: str


class CheckIn(Struct, frozen=True):
    pass


class SetName(Struct, frozen=True):
    first: str
    last: str


class SetSession(Struct, frozen=True):
    number: SessionNumber


class SetSessionDate(Struct, frozen=True):
    date: dt.date


class AddPlannedDate(Struct, frozen=True):
    date: dt.date


class RemovePlannedDate(Struct, frozen=True):
    date: dt.date


class AnswerMoisturised(Struct, frozen=True):
    answer: bool


class ChooseHair(Struct, frozen=True):
    hair: HairAnswer


class Next(Struct, frozen=True):
    pass


class Back(Struct, frozen=True):
    pass


class Sign(Struct, frozen=True):
    """The pad after a stroke: every stroke drawn so far (not only the new one)."""

    signature: PadSignature


class ClearSignature(Struct, frozen=True):
    pass


class PdfReady(Struct, frozen=True):
    generation: int


class PdfFailed(Struct, frozen=True):
    generation: int
    message: str


class Retry(Struct, frozen=True):
    pass


class Finish(Struct, frozen=True):
    pass


class InactivityWarning(Struct, frozen=True):
    pass


class StillHere(Struct, frozen=True):
    pass


class InactivityTimeout(Struct, frozen=True):
    pass


class AskForHelp(Struct, frozen=True):
    """ "Ask a member of staff", on the screen named `screen`."""

    screen: str


class CloseHelp(Struct, frozen=True):
    pass


Answer = Literal["name", "session", "moisturised", "hair"]


class ChangeAnswer(Struct, frozen=True):
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
