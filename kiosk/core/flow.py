"""The client's way through the kiosk as an explicit state machine: typed steps, typed events, one table.

The QML screens only show `Flow`'s state and send it events (buttons, timers, the PDF worker's result);
every rule about what may happen when lives here, in plain Python, and is unit-tested without Qt.
`handle()` never raises for an event that does not fit the current step: it ignores it and returns False.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from kiosk.core.events import (
    MIN_SIGNATURE_LENGTH,
    AddPlannedDate,
    AnswerMoisturised,
    AskForHelp,
    Back,
    ChangeAnswer,
    CheckIn,
    ChooseHair,
    ChooseLanguage,
    ClearSignature,
    CloseHelp,
    Event,
    Finish,
    InactivityTimeout,
    InactivityWarning,
    Next,
    PadSignature,
    PdfFailed,
    PdfReady,
    Point,
    RemovePlannedDate,
    Retry,
    SetName,
    SetSession,
    SetSessionDate,
    Sign,
    StillHere,
)
from kiosk.core.names import name_problem, shorten_graphemes
from kiosk.core.protocol import BeforeCareItem, Protocol
from kiosk.core.schedule import MAX_YEARS_AWAY, Schedule, build_schedule
from kiosk.core.visit import MAX_PLANNED_DATES, NAME_MAX_CHARS, Visit, clean_name
from kiosk.errors import UserError
from kiosk.logging_setup import log_exception_type_only

log = logging.getLogger(__name__)


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation, translate later"
    return text


SOMETHING_WENT_WRONG = N_("Sorry, something went wrong. Your answers are kept. Please try again, or ask at the desk.")


class Step(Enum):
    WELCOME = "welcome"
    NAME = "name"
    SESSION = "session"
    BEFORE_CARE = "before-care"
    REVIEW = "review"  # "Here is what you told us", each answer with a way to change it; the notes to read
    CALENDAR = "calendar"
    HANDOVER = "handover"  # take it with you: print, QR codes for the phone, email
    RECEIPT = "receipt"  # sign "I received my aftercare instructions" (only when the clinic asks for it)
    FINISH = "finish"
    ERROR = "error"


# The steps a client sees in the progress indicator, in order (Flow.progress_steps adds RECEIPT when asked for).
PROGRESS_STEPS = (Step.NAME, Step.SESSION, Step.BEFORE_CARE, Step.CALENDAR, Step.HANDOVER, Step.FINISH)


class PdfStatus(Enum):
    NONE = "none"
    MAKING = "making"
    READY = "ready"


class CarePageKind(Enum):
    MOISTURISED = "moisturised"  # a yes/no question
    HAIR = "hair"  # buzz cut or keep the length
    NOTE = "note"  # read and go on


@dataclass(frozen=True)
class CarePage:
    kind: CarePageKind
    items: tuple[BeforeCareItem, ...]


def care_pages(protocol: Protocol) -> tuple[CarePage, ...]:
    """One page per before-care question; the hair-specific items share one page where the client chooses.
    The notes to read (take a breath) show on the review screen instead: one tap less to the calendar."""
    pages: list[CarePage] = []
    hair_items = tuple(item for item in protocol.before_care if item.hair != "any")
    for item in protocol.before_care:
        if item.hair != "any":
            if not any(page.kind is CarePageKind.HAIR for page in pages):
                pages.append(CarePage(CarePageKind.HAIR, hair_items))
        elif item.id == "moisturise":
            pages.append(CarePage(CarePageKind.MOISTURISED, (item,)))
    return tuple(pages)


def care_notes(protocol: Protocol) -> tuple[BeforeCareItem, ...]:
    """The before-care items that ask nothing (take a deep breath): read on the review screen."""
    return tuple(item for item in protocol.before_care if item.hair == "any" and item.id != "moisturise")


# ---------------------------------------------------------------- the machine


@dataclass
class Flow:
    protocol: Protocol
    default_language: str
    languages: tuple[str, ...]
    today: Callable[[], dt.date] = dt.date.today
    visit: Visit = field(init=False)
    pages: tuple[CarePage, ...] = field(init=False)
    step: Step = Step.WELCOME
    care_index: int = 0
    warning: bool = False  # the "are you still there?" countdown is showing
    pdf: PdfStatus = PdfStatus.NONE
    generation: int = 0  # bumped whenever a PDF is asked for or thrown away; stale results are ignored
    problem: str = ""  # what the client must fix on this screen (English source text, translated by the UI)
    error: str = ""  # why the ERROR step was entered
    wipes: int = 0
    receipt_required: bool = False  # the clinic asks for a signed "I received my aftercare instructions"
    signature: PadSignature | None = None  # the client's signature on the receipt step, until the wipe
    help: bool = False  # the client asked for a member of staff: "someone is coming" shows
    help_screen: str = ""  # where they asked
    reviewing: bool = False  # changing one answer from the review screen: Next goes back to it

    def __post_init__(self) -> None:
        self.pages = care_pages(self.protocol)
        self.visit = Visit(language=self.default_language, today=self.today())

    # ------------------------------------------------------------ queries

    @property
    def care_page(self) -> CarePage | None:
        return self.pages[self.care_index] if self.step is Step.BEFORE_CARE else None

    @property
    def progress_steps(self) -> tuple[Step, ...]:
        """The steps the progress indicator counts: the receipt only when the clinic asks for it."""
        if self.receipt_required or self.step is Step.RECEIPT:
            return (*PROGRESS_STEPS[:-1], Step.RECEIPT, PROGRESS_STEPS[-1])
        return PROGRESS_STEPS

    @property
    def signed(self) -> bool:
        return self.signature is not None and self.signature.signed

    def date_range(self) -> tuple[dt.date, dt.date]:
        today = self.visit.today
        return today - dt.timedelta(days=365 * MAX_YEARS_AWAY - 1), today + dt.timedelta(days=365 * MAX_YEARS_AWAY - 1)

    def schedule(self) -> Schedule:
        return build_schedule(
            self.visit.session_dates(),
            self.protocol,
            self.visit.today,
            self.visit.first_session_count(self.protocol.course.main_sessions),
        )

    @property
    def gap_note_days(self) -> int:
        """The clinic's usual gap when two session dates are closer than it (the screen then shows a gentle
        note, never a refusal: the clinic decides), else 0."""
        course = self.protocol.course
        return course.min_gap_days if course.too_close(self.visit.session_dates()) else 0

    # ------------------------------------------------------------ events

    def handle(self, event: Event) -> bool:
        """Apply one event; True when it changed something."""
        match event:
            case InactivityTimeout():
                return self.wipe()
            case InactivityWarning():
                if self.step is Step.WELCOME:
                    return False if self.visit.is_blank(self.default_language) else self.wipe()
                self.warning = True
                return True
            case StillHere():
                changed, self.warning = self.warning, False
                return changed
            case AskForHelp(screen):
                self.help, self.help_screen = True, screen
                return True
            case CloseHelp():
                changed, self.help = self.help, False
                return changed
            case PdfReady(generation) if generation == self.generation and self.pdf is PdfStatus.MAKING:
                self.pdf = PdfStatus.READY
                return True
            case PdfFailed(generation, message) if generation == self.generation and self.pdf is PdfStatus.MAKING:
                self.pdf = PdfStatus.NONE
                self.error = message
                self.step = Step.ERROR
                return True
        if self.warning:
            return False
        handler = _TRANSITIONS.get((self.step, type(event)))
        if handler is None:
            return False
        self.problem = ""
        try:
            handler(self, event)
        except Exception as exc:  # a fault in the core must not stop the kiosk: a kind line, the answers kept
            log_exception_type_only(log, f"the {self.step.value} step", exc)
            self.problem = SOMETHING_WENT_WRONG
        return True

    def wipe(self) -> bool:
        """Forget the client: every answer, the PDF, the screen; back to welcome in the default language."""
        self.visit.wipe(self.default_language, self.today())
        self.signature = None
        self.help = self.reviewing = False
        self.help_screen = ""
        self.step = Step.WELCOME
        self.care_index = 0
        self.warning = False
        self.pdf = PdfStatus.NONE
        self.generation += 1
        self.problem = ""
        self.error = ""
        self.wipes += 1
        return True

    # ------------------------------------------------------------ transitions (see _TRANSITIONS)

    def _go(self, step: Step) -> None:
        self.step = step

    def _choose_language(self, event: ChooseLanguage) -> None:
        if event.language in self.languages:
            self.visit.language = event.language

    def _set_name(self, event: SetName) -> None:
        # Kept as typed while the client types (a trailing space is the start of the next word);
        # cleaned when they go on.
        self.visit.first_name = shorten_graphemes(event.first, NAME_MAX_CHARS)
        self.visit.last_name = shorten_graphemes(event.last, NAME_MAX_CHARS)

    def _name_next(self, _: Next) -> None:
        self.visit.first_name = clean_name(self.visit.first_name)
        self.visit.last_name = clean_name(self.visit.last_name)
        invisible = name_problem(self.visit.first_name) or name_problem(self.visit.last_name)
        if invisible:  # only zero-width or blank characters: it would print as nothing
            self.problem = invisible
        elif self.visit.first_name:
            self.step = Step.REVIEW if self.reviewing else Step.SESSION
        else:
            self.problem = N_("Please type your first name.")

    def _set_session(self, event: SetSession) -> None:
        if event.number in [answer for answer, _label in self.protocol.course.session_choices()]:
            self.visit.session_number = event.number

    def _set_session_date(self, event: SetSessionDate) -> None:
        first, last = self.date_range()
        if not first <= event.date <= last:
            self.problem = N_("Please check the year of your session.")
            return
        self.visit.session_date = event.date
        self.visit.planned_dates = [d for d in self.visit.planned_dates if d > event.date]

    def _add_planned(self, event: AddPlannedDate) -> None:
        first, last = self.date_range()
        planned = self.visit.planned_dates
        if event.date <= self.visit.session_date:
            self.problem = N_("A next session must be after this session.")
        elif event.date > last or event.date < first:
            self.problem = N_("Please check the year of your next session.")
        elif event.date in planned:
            self.problem = N_("You have already added that date.")
        elif len(planned) >= MAX_PLANNED_DATES:
            self.problem = N_("You can add up to four next sessions.")
        else:
            self.visit.planned_dates = sorted([*planned, event.date])

    def _remove_planned(self, event: RemovePlannedDate) -> None:
        self.visit.planned_dates = [d for d in self.visit.planned_dates if d != event.date]

    def _session_next(self, _: Next) -> None:
        self.care_index = 0
        self.step = Step.REVIEW if self.reviewing else Step.BEFORE_CARE
        if not self.pages and not self.reviewing:
            self.step = Step.REVIEW

    # A "yes" answer goes straight on; "not yet" stays on its page, which shows a kind next step.
    def _answer_moisturised(self, event: AnswerMoisturised) -> None:
        page = self.care_page
        if page is not None and page.kind is CarePageKind.MOISTURISED:
            self.visit.moisturised = event.answer
            if event.answer:
                self._care_next(Next())

    def _choose_hair(self, event: ChooseHair) -> None:
        page = self.care_page
        if page is not None and page.kind is CarePageKind.HAIR:
            self.visit.hair_answer = event.hair
            self.visit.hair = "buzz" if event.hair == "not-yet" else event.hair
            if event.hair != "not-yet":
                self._care_next(Next())

    def _care_next(self, _: Next) -> None:
        page = self.pages[self.care_index]
        if page.kind is CarePageKind.MOISTURISED and self.visit.moisturised is None:
            self.problem = N_("Please tap Yes or Not yet.")
        elif page.kind is CarePageKind.HAIR and self.visit.hair is None:
            self.problem = N_("Please choose one answer.")
        elif self.care_index + 1 < len(self.pages) and not self.reviewing:
            self.care_index += 1
        else:
            self.step = Step.REVIEW

    def _care_back(self, _: Back) -> None:
        if self.care_index > 0:
            self.care_index -= 1
        else:
            self.step = Step.SESSION

    def _review_back(self, _: Back) -> None:
        self.care_index = max(0, len(self.pages) - 1)
        self.step = Step.BEFORE_CARE if self.pages else Step.SESSION

    def _change_answer(self, event: ChangeAnswer) -> None:
        kinds = {"moisturised": CarePageKind.MOISTURISED, "hair": CarePageKind.HAIR}
        if event.answer == "name":
            self.step = Step.NAME
        elif event.answer == "session":
            self.step = Step.SESSION
        else:
            index = next((i for i, page in enumerate(self.pages) if page.kind is kinds[event.answer]), None)
            if index is None:
                return
            self.care_index = index
            self.step = Step.BEFORE_CARE
        self.reviewing = True

    def _make_calendar(self, _: object = None) -> None:
        self.reviewing = False
        try:
            self.schedule()
        except UserError as exc:
            self.error = str(exc)
            self.step = Step.ERROR
            return
        self.generation += 1
        self.pdf = PdfStatus.MAKING
        self.error = ""
        self.step = Step.CALENDAR

    def _leave_calendar(self, _: Back) -> None:
        self.generation += 1  # drop the PDF (or the one being made): a change of answers needs a new one
        self.pdf = PdfStatus.NONE
        self.step = Step.REVIEW

    def _calendar_next(self, _: Next) -> None:
        if self.pdf is PdfStatus.READY:
            self.step = Step.HANDOVER

    def _handover_back(self, _: Back) -> None:
        self.step = Step.CALENDAR  # the same PDF: nothing the client answered has changed

    def _handover_next(self, _: Next) -> None:
        self.step = Step.RECEIPT if self.receipt_required else Step.FINISH

    def _sign(self, event: Sign) -> None:
        self.signature = event.signature if event.signature.strokes else None

    def _clear_signature(self, _: ClearSignature) -> None:
        self.signature = None

    def _receipt_next(self, _: Next) -> None:
        if self.signed:
            self.step = Step.FINISH
        else:
            self.problem = N_("Please sign in the box with your finger.")

    def _finish_back(self, _: Back) -> None:
        self.step = Step.RECEIPT if self.receipt_required else Step.HANDOVER

    def _finish(self, _: Finish) -> None:
        self.wipe()


_Handler = Callable[[Flow, object], None]
_TRANSITIONS: dict[tuple[Step, type], _Handler] = {
    (Step.WELCOME, ChooseLanguage): Flow._choose_language,  # type: ignore[dict-item]
    (Step.WELCOME, CheckIn): lambda flow, _: flow._go(Step.NAME),
    (Step.NAME, SetName): Flow._set_name,  # type: ignore[dict-item]
    (Step.NAME, Next): Flow._name_next,  # type: ignore[dict-item]
    (Step.NAME, Back): lambda flow, _: flow._go(Step.WELCOME),
    (Step.SESSION, SetSession): Flow._set_session,  # type: ignore[dict-item]
    (Step.SESSION, SetSessionDate): Flow._set_session_date,  # type: ignore[dict-item]
    (Step.SESSION, AddPlannedDate): Flow._add_planned,  # type: ignore[dict-item]
    (Step.SESSION, RemovePlannedDate): Flow._remove_planned,  # type: ignore[dict-item]
    (Step.SESSION, Next): Flow._session_next,  # type: ignore[dict-item]
    (Step.SESSION, Back): lambda flow, _: flow._go(Step.NAME),
    (Step.BEFORE_CARE, AnswerMoisturised): Flow._answer_moisturised,  # type: ignore[dict-item]
    (Step.BEFORE_CARE, ChooseHair): Flow._choose_hair,  # type: ignore[dict-item]
    (Step.BEFORE_CARE, Next): Flow._care_next,  # type: ignore[dict-item]
    (Step.BEFORE_CARE, Back): Flow._care_back,  # type: ignore[dict-item]
    (Step.REVIEW, Next): Flow._make_calendar,
    (Step.REVIEW, Back): Flow._review_back,  # type: ignore[dict-item]
    (Step.REVIEW, ChangeAnswer): Flow._change_answer,  # type: ignore[dict-item]
    (Step.CALENDAR, Next): Flow._calendar_next,  # type: ignore[dict-item]
    (Step.CALENDAR, Back): Flow._leave_calendar,  # type: ignore[dict-item]
    (Step.HANDOVER, Next): Flow._handover_next,  # type: ignore[dict-item]
    (Step.HANDOVER, Back): Flow._handover_back,  # type: ignore[dict-item]
    (Step.RECEIPT, Sign): Flow._sign,  # type: ignore[dict-item]
    (Step.RECEIPT, ClearSignature): Flow._clear_signature,  # type: ignore[dict-item]
    (Step.RECEIPT, Next): Flow._receipt_next,  # type: ignore[dict-item]
    (Step.RECEIPT, Back): lambda flow, _: flow._go(Step.HANDOVER),
    (Step.FINISH, Finish): Flow._finish,  # type: ignore[dict-item]
    (Step.FINISH, Back): Flow._finish_back,  # type: ignore[dict-item]
    (Step.ERROR, Retry): lambda flow, _: flow._make_calendar(),
    (Step.ERROR, Back): Flow._leave_calendar,  # type: ignore[dict-item]
}

__all__ = [
    "MIN_SIGNATURE_LENGTH",
    "N_",
    "PROGRESS_STEPS",
    "AddPlannedDate",
    "AnswerMoisturised",
    "AskForHelp",
    "Back",
    "CarePage",
    "CarePageKind",
    "ChangeAnswer",
    "CheckIn",
    "ChooseHair",
    "ChooseLanguage",
    "ClearSignature",
    "CloseHelp",
    "Event",
    "Finish",
    "Flow",
    "InactivityTimeout",
    "InactivityWarning",
    "Next",
    "PadSignature",
    "PdfFailed",
    "PdfReady",
    "PdfStatus",
    "Point",
    "RemovePlannedDate",
    "Retry",
    "SetName",
    "SetSession",
    "SetSessionDate",
    "Sign",
    "Step",
    "StillHere",
    "care_notes",
    "care_pages",
]
