"""A visit record with a life: where a client's visit stands, defined once for the kiosk, the staff screen,
`smp-kiosk records` and the CSV export.

The record starts when the client has given a first name and chosen their session (they leave the session
screen), is updated at each step (the before-care answers, the calendar, print, email, the signed receipt) and
ends as finished or walked away, with the step where it ended. `VisitRecorder` follows one visit in the kiosk and
says when the record must be written; each write carries a higher `revision`, so a replay from the spool never
puts an older state over a newer one. Plain Python: no Qt, no database.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.core.flow import Step
from kiosk.core.visit import Visit


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation, translate later"
    return text


class VisitStep(enum.Enum):
    """The screen a visit is on, or stopped at. The values are stored in the database: never change them."""

    NAME = "name"
    SESSION = "session"
    BEFORE_CARE = "before-care"
    CALENDAR = "calendar"
    HANDOVER = "handover"
    RECEIPT = "receipt"
    FINISH = "finish"


class VisitOutcome(enum.Enum):
    """How the visit stands. The values are stored in the database: never change them."""

    IN_PROGRESS = "in-progress"
    FINISHED = "finished"
    WALKED_AWAY = "walked-away"


# What staff read (the staff screen translates them; `records` and the CSV use the values above).
STEP_TEXTS = {
    VisitStep.NAME: N_("name"),
    VisitStep.SESSION: N_("session"),
    VisitStep.BEFORE_CARE: N_("before-care questions"),
    VisitStep.CALENDAR: N_("calendar"),
    VisitStep.HANDOVER: N_("print or email"),
    VisitStep.RECEIPT: N_("signed receipt"),
    VisitStep.FINISH: N_("finish"),
}
OUTCOME_TEXTS = {  # {step}: one of STEP_TEXTS
    VisitOutcome.IN_PROGRESS: N_("in progress: {step}"),
    VisitOutcome.FINISHED: N_("finished"),
    VisitOutcome.WALKED_AWAY: N_("walked away at: {step}"),
}


def state_text(outcome: VisitOutcome, step: VisitStep, gettext: Callable[[str], str] | None = None) -> str:
    """'walked away at: calendar', through `gettext` (staff's language) or in English."""
    translate = gettext or (lambda text: text)
    return translate(OUTCOME_TEXTS[outcome]).format(step=translate(STEP_TEXTS[step]))


_OF_FLOW = {
    Step.NAME: VisitStep.NAME,
    Step.SESSION: VisitStep.SESSION,
    Step.BEFORE_CARE: VisitStep.BEFORE_CARE,
    Step.CALENDAR: VisitStep.CALENDAR,
    Step.ERROR: VisitStep.CALENDAR,  # the calendar could not be made: the client is still at the calendar
    Step.HANDOVER: VisitStep.HANDOVER,
    Step.RECEIPT: VisitStep.RECEIPT,
    Step.FINISH: VisitStep.FINISH,
}
# Once past these screens the client has given a first name and their session: the record starts.
_BEFORE_RECORD = frozenset({Step.WELCOME, Step.NAME, Step.SESSION})


@dataclass(frozen=True)
class VisitProgress:
    """One state of a visit's record, to write (an upsert by `uid`; a higher `revision` wins)."""

    uid: str
    revision: int
    started_at: dt.datetime  # aware, UTC
    step: VisitStep
    outcome: VisitOutcome
    calendar_made: bool
    printed: bool  # a print was sent to the printer (or waits in the outbox for it)
    emailed: bool  # an email was sent (or waits in the outbox)
    signature: str | None  # the signed receipt's JSON (kiosk.store.receipt.Signature)
    visit: Visit  # a copy: the kiosk wipes its own right after a visit ends


class VisitRecorder:
    """Follows the visit on the kiosk; each method returns the progress to write, or None when nothing changed."""

    def __init__(self, clock: Callable[[], dt.datetime] | None = None) -> None:
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._reset()

    def _reset(self) -> None:
        self.uid: str | None = None
        self._revision = 0
        self._started = dt.datetime.now(dt.UTC)
        self._calendar_made = self._printed = self._emailed = False
        self._last: tuple[object, ...] | None = None

    @property
    def open(self) -> bool:
        return self.uid is not None

    def follow(self, step: Step, visit: Visit, signature: str | None, *, calendar_ready: bool) -> VisitProgress | None:
        """After an event that did not end the visit."""
        if self.uid is None:
            if step in _BEFORE_RECORD or not visit.first_name:
                return None
            self.uid = str(uuid.uuid4())
            self._started = self._clock()
        self._calendar_made = self._calendar_made or calendar_ready
        return self._progress(_OF_FLOW.get(step, VisitStep.NAME), VisitOutcome.IN_PROGRESS, visit, signature)

    def handed_over(self, kind: str) -> None:
        """A print or email was taken (done or waiting in the outbox); `follow` writes it with the next state."""
        if kind == "print":
            self._printed = True
        elif kind == "email":
            self._emailed = True

    def end(self, step: Step, visit: Visit, signature: str | None, *, finished: bool) -> VisitProgress | None:
        """The visit ended (Finish, or the wipe after walking away), with the answers it had just before."""
        if self.uid is None:
            return None
        outcome = VisitOutcome.FINISHED if finished else VisitOutcome.WALKED_AWAY
        progress = self._progress(_OF_FLOW.get(step, VisitStep.NAME), outcome, visit, signature)
        self._reset()
        return progress

    def _progress(
        self, step: VisitStep, outcome: VisitOutcome, visit: Visit, signature: str | None
    ) -> VisitProgress | None:
        assert self.uid is not None
        answers: tuple[object, ...] = (visit.first_name, visit.last_name, visit.session_number, visit.session_date)
        answers += (visit.language, visit.moisturised, visit.hair_answer)
        key: tuple[object, ...] = (step, outcome, self._calendar_made, self._printed, self._emailed, signature, answers)
        if key == self._last:
            return None
        self._last = key
        self._revision += 1
        return VisitProgress(
            uid=self.uid,
            revision=self._revision,
            started_at=self._started,
            step=step,
            outcome=outcome,
            calendar_made=self._calendar_made,
            printed=self._printed,
            emailed=self._emailed,
            signature=signature,
            visit=copy.deepcopy(visit),
        )
