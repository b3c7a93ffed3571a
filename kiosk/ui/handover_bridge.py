"""The "take it with you" screen's Qt face: print, email and the QR codes, over kiosk.handover.HandoverService.

Printing and sending block (CUPS polling, SMTP), so they run on a worker thread and report back by signal;
the outbox behind the service keeps whatever cannot be delivered now, and `retry_due` runs at start-up and
about once a minute. The screen shows `client_message` from the service as it is (already in the client's
language). Results that arrive after the client was wiped change nothing on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QThreadPool, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.documents.ics import plan_to_ics
from kiosk.documents.pdf import calendar_codes
from kiosk.documents.qr import qr_modules
from kiosk.errors import UserError
from kiosk.handover import HandoverResult, HandoverService, InvalidAddressError, messages
from kiosk.i18n import translations

if TYPE_CHECKING:
    from kiosk.ui.kiosk_model import KioskModel

QML_IMPORT_NAME = "Kiosk.Models"
QML_IMPORT_MAJOR_VERSION = 1
RETRY_INTERVAL_MS = 60_000
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TaskOutcome:
    task: int  # which HandoverTask this comes from
    kind: str  # "print" | "email" | "retry"
    visit: int  # the model's wipe count when the task started: a later client never sees an earlier result
    result: HandoverResult | None
    message: str  # for the client when there is no result (an error before the outbox took the job)


class HandoverTaskSignals(QObject):
    finished = Signal(object)  # TaskOutcome


class OutboxListing(QObject):
    """The outbox's jobs for the staff screen, read on a worker thread of their own: a print that waits for
    CUPS must not hold the list back."""

    listed = Signal(object)  # list[Job]

    def __init__(self, service: HandoverService | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def request(self) -> None:
        service = self.service
        if service is None or self._pool.activeThreadCount() > 0:
            return

        def run() -> None:
            try:
                jobs = [job for job in service.jobs() if job.state != "done"]
            except Exception:  # a slot that raises would leave the list as it was, silently
                log.exception("the outbox could not be read")
                return
            self.listed.emit(jobs)

        self._pool.start(run)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)


class HandoverTask:
    """One blocking hand-over call; `run` goes to a QThreadPool (a plain callable, like CalendarJob)."""

    def __init__(
        self, task: int, kind: str, visit: int, work: Callable[[], HandoverResult | None], fallback: str
    ) -> None:
        self.task, self.kind, self.visit, self.work, self.fallback = task, kind, visit, work, fallback
        self.signals = HandoverTaskSignals()

    def run(self) -> None:
        try:
            outcome = TaskOutcome(self.task, self.kind, self.visit, self.work(), "")
        except UserError as exc:  # e.g. a PDF that is not whole: nothing was queued
            log.error("hand-over %s refused: %s", self.kind, exc)
            outcome = TaskOutcome(self.task, self.kind, self.visit, None, self.fallback)
        except Exception:  # a bug must not leave the client looking at "Printing…" forever
            log.exception("hand-over %s crashed", self.kind)
            outcome = TaskOutcome(self.task, self.kind, self.visit, None, self.fallback)
        self.signals.finished.emit(outcome)


def open_service() -> HandoverService | None:
    try:
        return HandoverService.open()
    except (UserError, OSError):
        log.exception("the hand-over settings (kiosk.toml) could not be read: printing and email are off")
        return None


@QmlElement
@QmlUncreatable("HandoverBridge belongs to the KioskModel")
class HandoverBridge(QObject):  # type: ignore[operator]  # (PySide's stub types QmlUncreatable as a class)
    changed = Signal()

    def __init__(self, model: KioskModel, service: HandoverService | None = None) -> None:
        super().__init__(model)
        self.model = model
        self.service = service if service is not None else open_service()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one hand-over at a time: the outbox is tried in order
        self._tasks: dict[int, HandoverTask] = {}  # kept alive until their result is back
        self._task_count = 0
        self._codes: list[dict[str, Any]] = []
        self._codes_for = -1
        self._reset()
        model.wiped.connect(self._forget)
        model.changed.connect(self._follow_model)
        self.listing = OutboxListing(self.service, self)
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_INTERVAL_MS)
        self._retry_timer.timeout.connect(self.retryDue)
        if self.service is not None:
            self._retry_timer.start()
            self.retryDue()

    def _reset(self) -> None:
        self._print_state, self._print_message = "", ""
        self._email_state, self._email_message = "", ""
        self._ask_print_again = False  # "Print another copy?" shows
        self._emailed_to: set[str] = set()  # addresses this calendar went (or is going) to: one email each
        self._generation = self.model.flow.generation

    def _forget(self) -> None:
        self._reset()
        self._codes, self._codes_for = [], -1
        self.changed.emit()

    def _follow_model(self) -> None:
        if self.model.flow.generation != self._generation:  # a new calendar: earlier results do not apply
            self._reset()
        self.changed.emit()

    def _language(self) -> str:
        return self.model.flow.visit.language

    def _start(self, kind: str, work: Callable[[], HandoverResult | None], fallback: str) -> None:
        self._task_count += 1
        fallback_text = translations(self._language()).gettext(fallback)
        task = HandoverTask(self._task_count, kind, self.model.flow.wipes, work, fallback_text)
        task.signals.finished.connect(self._finished)
        self._tasks[task.task] = task
        self._pool.start(task.run)

    def _finished(self, outcome: TaskOutcome) -> None:
        self._tasks.pop(outcome.task, None)
        if outcome.kind == "retry" or outcome.visit != self.model.flow.wipes:
            return
        state = outcome.result.status if outcome.result else "failed"
        message = outcome.result.client_message if outcome.result else outcome.message
        if outcome.kind == "print":
            self._print_state, self._print_message = state, message
        else:
            self._email_state, self._email_message = state, message
            if state == "failed":
                self._emailed_to.clear()  # nothing went out: the client may try again
        self.changed.emit()
        if state in ("done", "queued"):  # taken: printed or sent, or waiting in the outbox to be
            self.model.handed_over(outcome.kind)

    def wait_for_jobs(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs) and self.listing.wait(msecs)

    def start_staff_task(self, task: HandoverTask) -> None:
        """Run a staff hand-over (the clinic copy of a receipt) on this worker, after what is already queued there;
        its result goes only to `task.signals`, never to the client's screen."""
        self._pool.start(task.run)

    def stop(self) -> None:
        self._retry_timer.stop()

    # ------------------------------------------------------------ slots

    @Slot()
    def retryDue(self) -> None:  # noqa: N802
        service = self.service
        if service is None or self._pool.activeThreadCount() > 0:
            return  # a hand-over is running; the next tick will try again

        def retry() -> None:
            for result in service.retry_due():
                log.info("outbox job %s (%s): %s", result.job_id, result.kind, result.status)

        self._start("retry", retry, messages.PRINT_DELAYED)

    @Slot()
    def retryNow(self) -> None:  # noqa: N802
        """Staff: try every waiting job now, ignoring the backoff (the staff screen's "Retry now")."""
        service = self.service
        if service is None:
            return

        def retry() -> None:
            for result in service.retry_now():
                log.info("outbox job %s (%s) retried by staff: %s", result.job_id, result.kind, result.status)

        self._start("retry", retry, messages.PRINT_DELAYED)

    @Slot()
    def printCalendar(self) -> None:  # noqa: N802
        """Print; after a print that went out (or waits for the printer), ask first: a second tap is often a
        client unsure the first one worked, not a wish for two copies."""
        if self._print_state in ("done", "queued"):
            self._ask_print_again = True
            self.changed.emit()
            return
        self._print()

    @Slot()
    def printAgain(self) -> None:  # noqa: N802
        """ "Yes, print another copy"."""
        if self._ask_print_again:
            self._ask_print_again = False
            self._print()

    @Slot()
    def keepOnePrint(self) -> None:  # noqa: N802
        """ "No": one copy is enough."""
        if self._ask_print_again:
            self._ask_print_again = False
            self.changed.emit()

    def _print(self) -> None:
        pdf, service, language = self.model.pdf, self.service, self._language()
        if pdf is None or self._print_state == "printing":
            return  # no calendar was made (or it failed): nothing to print
        if service is None:
            self._print_state, self._print_message = "failed", messages.localise(messages.PRINT_DELAYED, language)
        else:
            self._print_state, self._print_message = "printing", ""
            self._start("print", lambda: service.print_calendar(pdf, language=language), messages.PRINT_DELAYED)
        self.changed.emit()

    @Slot(str)
    def sendEmail(self, text: str) -> None:  # noqa: N802
        pdf, service, language = self.model.pdf, self.service, self._language()
        if pdf is None or service is None or not service.email_enabled or self._email_state == "sending":
            return
        try:
            address = service.check_address(text)
        except InvalidAddressError as exc:
            self._email_state, self._email_message = "invalid", exc.localised(language)
            self.changed.emit()
            return
        if address in self._emailed_to:
            return  # Return in the field, then Send: one email; the confirmation stays as it is
        self._emailed_to.add(address)
        visit = self.model.flow.visit
        _ = translations(language).gettext
        ics = plan_to_ics(self.model.flow.schedule(), client=visit.display_name, _=_)
        name = visit.first_name

        def send() -> HandoverResult:
            return service.email_calendar(pdf, to=address, language=language, name=name, ics=ics)

        self._email_state, self._email_message = "sending", ""
        self._start("email", send, messages.EMAIL_FAILED)
        self.changed.emit()

    @Slot()
    def clearEmailMessage(self) -> None:  # noqa: N802
        if self._email_state == "invalid":
            self._email_state, self._email_message = "", ""
            self.changed.emit()

    # ------------------------------------------------------------ what the screen reads

    def _qr_codes(self) -> list[dict[str, Any]]:
        """The milestone codes of the current calendar, the same payloads (events, UIDs) as its PDF."""
        if self.model.pdf is None:
            return []
        if self._codes_for != self.model.flow.generation:
            codes = []
            for event, payload in calendar_codes(self.model.calendar_request()):
                size, modules = qr_modules(payload)
                codes.append(
                    {
                        "date": self.model.date_text(event.date),  # as every other screen writes it
                        "summary": event.summary,
                        "size": size,
                        "modules": modules.translate(bytes.maketrans(b"\x00\x01", b"01")).decode("ascii"),
                    }
                )
            self._codes, self._codes_for = codes, self.model.flow.generation
        return self._codes

    emailEnabled = Property(  # noqa: N815 - changes when clinic settings bring an SMTP server (between clients)
        bool, lambda self: self.service is not None and self.service.email_enabled, notify=changed
    )
    canPrint = Property(  # noqa: N815
        bool, lambda self: self.model.pdf is not None and self._print_state != "printing", notify=changed
    )
    printState = Property(str, lambda self: self._print_state, notify=changed)  # noqa: N815
    askPrintAgain = Property(bool, lambda self: self._ask_print_again, notify=changed)  # noqa: N815
    printMessage = Property(str, lambda self: self._print_message, notify=changed)  # noqa: N815
    emailState = Property(str, lambda self: self._email_state, notify=changed)  # noqa: N815
    emailMessage = Property(str, lambda self: self._email_message, notify=changed)  # noqa: N815
    qrCodes = Property(list, _qr_codes, notify=changed)  # noqa: N815
