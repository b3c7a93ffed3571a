"""The kiosk lock's Qt face: the staff PIN pad's checks and messages, and the one way out of the kiosk.

The PIN itself (scrypt hash, tries, the 5-minute lockout that survives restarts) is kept by
kiosk.core.kiosk_config.KioskConfig; this object only turns its answers into words in the client's language
and tells the screens what happened. QML reaches it as `kiosk.lock`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core.kiosk_config import KioskConfig, PinCheck
from kiosk.errors import UserError
from kiosk.i18n import translations

log = logging.getLogger(__name__)
QML_IMPORT_NAME = "Kiosk.Models"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("StaffLock belongs to the KioskModel")
class StaffLock(QObject):  # type: ignore[operator]  # (PySide's stub types QmlUncreatable as a class)
    changed = Signal()
    staffRequested = Signal()  # noqa: N815 - staff typed the right PIN: show the staff screen
    exitRequested = Signal()  # noqa: N815 - staff chose "Exit kiosk" on the staff screen

    def __init__(self, config: KioskConfig, language: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.language = language  # the client's language right now: the pad speaks it
        self._message = ""
        self._exit_allowed = False

    def forget(self) -> None:
        """A wipe: no message from the last person's tries stays on the pad (the tries themselves count on)."""
        if self._message:
            self._message = ""
            self.changed.emit()

    def allow_exit(self) -> None:
        """Let the window close without asking staff (the application is shutting down)."""
        self._exit_allowed = True
        self.changed.emit()

    @Slot(str, result=bool)
    def checkPin(self, pin: str) -> bool:  # noqa: N802
        catalog = translations(self.language())
        try:
            result: PinCheck = self.config.check_pin(pin)
        except (OSError, UserError) as exc:  # e.g. a full disk: the pad says so and stays shut, never crashes
            log.error("the staff PIN cannot be checked: %s", exc)
            self._message = catalog.gettext("The PIN cannot be checked now. Please try again.")
            self.changed.emit()
            return False
        if result.accepted:
            self._message = ""
            self.changed.emit()
            self.staffRequested.emit()
            return True
        if result.demo_retired and not result.locked_for:
            self._message = catalog.gettext("A PIN was set for this clinic. To set a new one, run: smp-kiosk set-pin")
        elif result.locked_for:
            minutes = max(1, (result.locked_for + 59) // 60)
            text = catalog.gettext("Too many wrong tries. The pad is locked for {minutes} min.")
            self._message = text.format(minutes=minutes)
        else:
            tries = result.tries_left
            text = catalog.ngettext("Wrong PIN. {tries} try left.", "Wrong PIN. {tries} tries left.", tries)
            self._message = text.format(tries=tries)
        self.changed.emit()
        return False

    @Slot()
    def exitKiosk(self) -> None:  # noqa: N802
        """Staff chose "Exit kiosk" on the staff screen (reached only with the right PIN)."""
        self.allow_exit()
        self.exitRequested.emit()

    @Slot()
    def clearPinMessage(self) -> None:  # noqa: N802
        """The pad opens: no old message, and whether it is still locked is read again."""
        self._message = ""
        self.changed.emit()

    pinMessage = Property(str, lambda self: self._message, notify=changed)  # noqa: N815
    pinLocked = Property(bool, lambda self: self._locked(), notify=changed)  # noqa: N815

    def _locked(self) -> bool:
        try:
            return self.config.locked_for() > 0
        except (OSError, UserError):
            return True

    exitAllowed = Property(bool, lambda self: self._exit_allowed, notify=changed)  # noqa: N815
