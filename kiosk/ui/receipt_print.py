"""The staff screen's "Print receipt": the clinic copy of a signed check-in, printed on the clinic printer.

Two hops, neither on the GUI thread: the store's worker makes the PDF (StoreBridge.receipt_pdf, in the clinic's
language), then the hand-over worker prints it through HandoverService like a calendar (the outbox keeps it
when the printer is not ready). Staff get one message in their language for each step; no client name is
logged or put in the print job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kiosk.handover import HandoverResult
from kiosk.handover.document import RECEIPT_JOB_TITLE
from kiosk.i18n import translations
from kiosk.ui.handover_bridge import HandoverBridge, HandoverTask, TaskOutcome
from kiosk.ui.store_bridge import StoreBridge

log = logging.getLogger(__name__)


class ReceiptPrinter(QObject):
    said = Signal(str)  # a message for staff, in their language
    changed = Signal()  # which rows are printing

    def __init__(
        self,
        store: StoreBridge,
        handover: HandoverBridge | None,
        language: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.handover = handover
        self.language = language
        self.printing: set[str] = set()  # check-in uids whose copy is being made or printed
        self._tasks: dict[int, tuple[str, HandoverTask]] = {}  # kept alive until their result is back
        self._count = 0
        store.receipt_made.connect(self._made)
        store.receipt_failed.connect(self._not_made)

    def _t(self, text: str) -> str:
        return translations(self.language()).gettext(text)

    def _done(self, uid: str, message: str) -> None:
        self.printing.discard(uid)
        self.changed.emit()
        self.said.emit(message)

    def print_copy(self, uid: str) -> None:
        """Make and print the clinic copy of check-in `uid` (a second tap while it prints does nothing)."""
        if uid in self.printing:
            return
        if self.handover is None or self.handover.service is None:
            self.said.emit(self._t("Printing is off: the kiosk's print settings cannot be read (see the log)."))
            return
        self.printing.add(uid)
        self.changed.emit()
        self.said.emit(self._t("Printing the clinic copy of the receipt…"))
        self.store.receipt_pdf(uid)

    def _not_made(self, uid: str, reason: str) -> None:
        if uid in self.printing:
            self._done(uid, self._t("The clinic copy cannot be made: {reason}").format(reason=reason))

    def _made(self, uid: str, pdf: bytes) -> None:
        if uid not in self.printing:
            return
        handover = self.handover
        service = handover.service if handover is not None else None
        if handover is None or service is None:
            self._done(uid, self._t("Printing is off: the kiosk's print settings cannot be read (see the log)."))
            return
        language = self.language()

        def work() -> HandoverResult:
            return service.print_calendar(pdf, language=language, title=RECEIPT_JOB_TITLE)

        self._count += 1
        task = HandoverTask(self._count, "print", handover.model.flow.wipes, work, "")
        task.signals.finished.connect(self._printed)
        self._tasks[task.task] = (uid, task)
        handover.start_staff_task(task)

    def _printed(self, outcome: TaskOutcome) -> None:
        uid, _task = self._tasks.pop(outcome.task, ("", None))
        result = outcome.result
        if result is None:
            message = self._t("The clinic copy could not be printed. Please try again.")
        elif result.status == "done":
            message = self._t("The clinic copy of the receipt is printing.")
        elif result.status == "queued":
            message = self._t(
                "The printer is not ready ({reason}). The clinic copy waits in the list below and is tried again."
            ).format(reason=result.staff_message)
        else:
            message = self._t("The clinic copy could not be printed: {reason}").format(reason=result.staff_message)
        log.info("clinic copy of a receipt: %s", result.status if result else "failed")
        self._done(uid, message)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.handover.wait_for_jobs(msecs) if self.handover is not None else True
