"""The staff screen's **All branches** page: the chain owner types the owner PIN and sees visits per branch per
day (the last 7 days) with their flags. The PIN is checked and the check-ins read on the store's worker thread;
what was shown is forgotten when staff leave the staff screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core.kiosk_config import KioskConfig
from kiosk.i18n import translations
from kiosk.i18n.dates import clinic_date
from kiosk.store.chain import BranchDay
from kiosk.store.checkin import Flag
from kiosk.ui.store_bridge import StoreBridge

QML_IMPORT_NAME = "Kiosk.Models"
QML_IMPORT_MAJOR_VERSION = 1
DAYS_SHOWN = 7


def N_(text: str) -> str:  # noqa: N802 - gettext: mark now, translate when shown
    return text


REFUSALS = {
    "no-owner-pin": N_("No owner PIN is set yet. Set one with: smp-kiosk set-pin --owner"),
    "unreachable": N_("The database cannot be reached. Please try again later."),
    "wrong": N_("That is not the owner PIN."),
}
FLAG_COUNTS = {
    Flag.NOT_MOISTURISED: N_("not moisturised: {count}"),
    Flag.NOT_BUZZ_CUT: N_("not buzz cut yet: {count}"),
    Flag.RECEIPT_MISSING: N_("no signed receipt: {count}"),
}


@QmlElement
@QmlUncreatable("ChainModel belongs to the staff screen")
class ChainModel(QObject):  # type: ignore[operator]  # (PySide's stub types QmlUncreatable as a class)
    changed = Signal()

    def __init__(
        self,
        bridge: StoreBridge,
        config: KioskConfig,
        language: Callable[[], str],
        today: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.config = config
        self.language = language
        self.today = today
        self._days: list[BranchDay] | None = None  # None: not opened with the owner PIN
        self._message = ""
        self._busy = False
        bridge.chain_loaded.connect(self._loaded)
        bridge.chain_refused.connect(self._refused)

    def _t(self, text: str) -> str:
        return translations(self.language()).gettext(text)

    @Slot(str)
    def open(self, pin: str) -> None:
        if self._busy or not pin:
            return
        self._busy = True
        self._message = ""
        self.changed.emit()
        last = self.today()
        self.bridge.open_chain(pin, self.config, last - dt.timedelta(days=DAYS_SHOWN - 1), last)

    @Slot()
    def close(self) -> None:
        """Staff left the staff screen: the chain's figures are not kept on screen."""
        self._days = None
        self._message = ""
        self._busy = False
        self.changed.emit()

    def _loaded(self, days: list[BranchDay]) -> None:
        self._busy = False
        self._days = days
        self.changed.emit()

    def _refused(self, reason: str, seconds: int) -> None:
        self._busy = False
        if reason == "locked":
            minutes = max(1, (seconds + 59) // 60)
            self._message = self._t("Too many wrong tries. The pad is locked for {minutes} min.").format(
                minutes=minutes
            )
        else:
            self._message = self._t(REFUSALS.get(reason, REFUSALS["wrong"]))
        self.changed.emit()

    def _row(self, line: BranchDay) -> dict[str, Any]:
        flags = ", ".join(self._t(FLAG_COUNTS[flag]).format(count=count) for flag, count in line.flags.items())
        return {
            "branch": line.branch,
            "day": clinic_date(line.day, self.language(), self.bridge.clinic.region if self.bridge.clinic else ""),
            "visits": line.visits,
            "flagged": line.flagged,
            "walkAways": line.walk_aways,
            "flags": flags,
        }

    rows = Property(list, lambda self: [self._row(line) for line in self._days or []], notify=changed)
    unlocked = Property(bool, lambda self: self._days is not None, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
