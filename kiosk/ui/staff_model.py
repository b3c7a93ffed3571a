"""The staff screen's model (behind the PIN): today's check-ins on every kiosk, their flags, storage health,
CSV export, a new PIN, and the prints and emails waiting in the outbox (addresses masked, "Retry now").
The clinic settings and the export folder have their own model (kiosk/ui/settings_model.py).
Every store call goes through StoreBridge and every outbox call through the HandoverBridge, off the GUI
thread; while the screen is open both are read again every few seconds, so check-ins from other kiosks on
the database show up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core.kiosk_config import KioskConfig, default_export_dir
from kiosk.core.visit_record import VisitOutcome, state_text
from kiosk.errors import UserError
from kiosk.handover import Job
from kiosk.handover.outbox import mask_address
from kiosk.i18n import translations
from kiosk.store import CheckInSummary, Flag
from kiosk.ui.chain_model import ChainModel
from kiosk.ui.chime import chime_file, system_player
from kiosk.ui.handover_bridge import HandoverBridge
from kiosk.ui.receipt_print import ReceiptPrinter
from kiosk.ui.settings_model import SettingsModel
from kiosk.ui.store_bridge import StaffView, StoreBridge

QML_IMPORT_NAME = "Kiosk.Models"
QML_IMPORT_MAJOR_VERSION = 1
POLL_MSECS = 3000


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation, translate later"
    return text


FLAG_TEXTS = {  # shown in the staff list
    Flag.NOT_BUZZ_CUT: N_("not buzz cut yet"),
    Flag.NOT_MOISTURISED: N_("not moisturised"),
    Flag.RECEIPT_MISSING: N_("no signed receipt"),
}


SCREEN_NAMES = {  # where a client asked for help (the flow's steps)
    "welcome": N_("Welcome"),
    "name": N_("Name"),
    "session": N_("Session"),
    "before-care": N_("Before-care"),
    "review": N_("Check your answers"),
    "calendar": N_("Calendar"),
    "handover": N_("Take it with you"),
    "receipt": N_("Receipt"),
    "finish": N_("Finish"),
    "error": N_("Error"),
}
JOB_KINDS = {"print": N_("Print"), "email": N_("Email")}
JOB_STATES = {  # "sending" is a job a worker has claimed right now
    "pending": N_("waiting to retry"),
    "sending": N_("trying now"),
    "failed-permanently": N_("failed: needs staff"),
}


@QmlElement
@QmlUncreatable("StaffModel is made by the kiosk application")
class StaffModel(QObject):  # type: ignore[operator]  # (PySide's stub types QmlUncreatable as a class)
    changed = Signal()

    def __init__(
        self,
        bridge: StoreBridge,
        config: KioskConfig,
        settings: SettingsModel,
        handover: HandoverBridge | None = None,
        parent: QObject | None = None,
        *,
        chime: Callable[[Path], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.chime = chime if chime is not None else system_player()  # None: a system without a player
        self._rung: set[int] = set()  # calls for help the chime has sounded for
        self.bridge = bridge
        self.handover = handover
        self._jobs: list[Job] = []
        self.settings = settings
        settings.setParent(self)
        settings.said.connect(self._say)
        self.config = config
        self.language = "en"
        self._view: StaffView | None = None
        self._message = ""
        self._open = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MSECS)
        self._timer.timeout.connect(self.refresh)
        bridge.refreshed.connect(self._refreshed)
        bridge.exported.connect(self._exported)
        bridge.failed.connect(self._failed)
        if handover is not None:
            handover.listing.listed.connect(self._listed)
        self.chain = ChainModel(bridge, config, lambda: self.language, parent=self)  # "All branches"
        self.receipts = ReceiptPrinter(bridge, handover, lambda: self.language, self)  # "Print receipt"
        self.receipts.said.connect(self._say)
        self.receipts.changed.connect(self.changed)

    def _t(self, text: str) -> str:
        return translations(self.language).gettext(text)

    def _say(self, message: str) -> None:
        self._message = message
        self.changed.emit()

    # ------------------------------------------------------------ results from the worker thread

    def _refreshed(self, view: StaffView) -> None:
        if self._open:
            self._view = view
            self._ring(view)
            self.changed.emit()

    def _ring(self, view: StaffView) -> None:
        """A chime while the staff screen is open, once for each new call for help that is still waiting."""
        new = {call.id for call in view.help if call.waiting} - self._rung
        if new:
            self._rung |= new
            if self.chime is not None:
                self.chime(chime_file())

    def _listed(self, jobs: list[Job]) -> None:
        if self._open:
            self._jobs = jobs
            self.changed.emit()

    def _exported(self, path: str, rows: int) -> None:
        self._say(self._t("{rows} check-ins written to {path}").format(rows=rows, path=f"\u200e{path}\u200e"))

    def _failed(self, message: str) -> None:
        self._say(message)

    # ------------------------------------------------------------ slots

    @Slot(str)
    def open(self, language: str) -> None:
        self.language = language
        self._open = True
        self._message = ""
        self.refresh()
        self.settings.open(language)
        self._timer.start()
        self.changed.emit()

    @Slot()
    def close(self) -> None:
        """Back to the kiosk: forget what was shown (names stay on screen only while staff look)."""
        self._open = False
        self._timer.stop()
        self.chain.close()
        self._view = None
        self._jobs = []
        self.settings.close()
        self._message = ""
        self.changed.emit()

    @Slot()
    def refresh(self) -> None:
        self.bridge.refresh()
        if self.handover is not None:
            self.handover.listing.request()

    @Slot(int)
    def answerHelp(self, request_id: int) -> None:  # noqa: N802
        """ "On my way": the call stops ringing on every staff screen."""
        self.bridge.answer_help(request_id)
        self.refresh()

    @Slot(str)
    def printReceipt(self, uid: str) -> None:  # noqa: N802
        """The clinic copy of a signed check-in's receipt, made and printed off the GUI thread."""
        self.receipts.print_copy(uid)

    @Slot()
    def retryOutbox(self) -> None:  # noqa: N802
        """Try every waiting print and email now, on the hand-over worker thread."""
        if self.handover is None or self.handover.service is None:
            return
        self.handover.retryNow()
        self._say(self._t("Trying the waiting prints and emails again…"))

    @Slot(str, str)
    def exportCsv(self, first_iso: str, last_iso: str) -> None:  # noqa: N802
        try:
            first, last = dt.date.fromisoformat(first_iso), dt.date.fromisoformat(last_iso)
        except ValueError:
            self._say(self._t("Please check the dates."))
            return
        if last < first:
            first, last = last, first
        folder = self.config.export_dir()
        if folder != default_export_dir() and not folder.is_dir():  # a drive that was unplugged
            self._say(self._t("Export folder: there is no folder at this path. Is the drive plugged in?"))
            return
        path = folder / f"checkins-{first.isoformat()}-{last.isoformat()}.csv"
        self.bridge.export_csv(first, last, path)

    @Slot(str, str)
    def changePin(self, pin: str, again: str) -> None:  # noqa: N802
        if pin != again:
            self._say(self._t("The two PINs are not the same."))
            return
        try:
            record = self.config.set_pin(pin)
        except UserError:
            self._say(self._t("A PIN is 4 to 12 digits."))
            return
        self.bridge.save_pin(record.salt, record.hash)
        self._say(self._t("The new PIN is saved."))

    # ------------------------------------------------------------ properties

    def _row(self, summary: CheckInSummary) -> dict[str, Any]:
        return {
            "name": summary.display_name,
            "time": summary.checked_in_at.astimezone().strftime("%H:%M"),
            "session": str(summary.session),
            "kiosk": summary.kiosk_id,
            "pending": summary.pending,
            "flags": ", ".join(self._t(FLAG_TEXTS[flag]) for flag in summary.flags),
            "state": state_text(summary.outcome, summary.step, self._t),  # e.g. "walked away at: calendar"
            "outcome": summary.outcome.value,
            "walkedAway": summary.outcome is VisitOutcome.WALKED_AWAY,
            "uid": summary.uid,
            "signed": summary.signed,
            "printing": summary.uid in self.receipts.printing,
        }

    def _job_row(self, job: Job) -> dict[str, Any]:
        if job.kind == "email":
            target = mask_address(job.details.get("recipient", ""))
        else:
            target = job.details.get("cups_printer") or job.details.get("printer") or ""
        created = dt.datetime.fromtimestamp(job.created_at).strftime("%H:%M")
        return {
            "kind": self._t(JOB_KINDS.get(job.kind, job.kind)),
            "state": self._t(JOB_STATES.get(job.state, job.state)),
            "target": target,
            "time": created,
            "attempts": job.attempts,
            "error": job.last_error,
        }

    def _help(self) -> list[dict[str, Any]]:
        if self._view is None:
            return []
        return [
            {
                "id": call.id,
                "kiosk": call.kiosk_id,
                "screen": self._t(SCREEN_NAMES.get(call.screen, call.screen)),
                "time": call.requested_at.astimezone().strftime("%H:%M"),
                "waiting": call.waiting,
            }
            for call in self._view.help
        ]

    def _checkins(self) -> list[dict[str, Any]]:
        return [self._row(summary) for summary in self._view.checkins] if self._view else []

    def _health(self) -> str:
        return self._view.health.message(self.language) if self._view else ""

    checkins = Property(list, _checkins, notify=changed)
    helpCalls = Property(list, _help, notify=changed)  # noqa: N815 - today's calls for help, newest first
    clinicSettings = Property(QObject, lambda self: self.settings, constant=True)  # noqa: N815
    chainView = Property(QObject, lambda self: self.chain, constant=True)  # noqa: N815
    outbox = Property(list, lambda self: [self._job_row(job) for job in self._jobs], notify=changed)
    health = Property(str, _health, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    today = Property(str, lambda self: dt.date.today().isoformat(), notify=changed)
    loaded = Property(bool, lambda self: self._view is not None, notify=changed)
