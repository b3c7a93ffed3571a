"""Clinic settings applied while the kiosk runs: at start-up, after staff save them, and when another kiosk on the
same database changed them. They are read on the store's worker thread (on every wipe, and every few minutes while
the welcome screen shows) and applied only between clients; a client mid-flow keeps what they started with.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from kiosk.core.clinic import Clinic
from kiosk.core.protocol import Protocol
from kiosk.handover.config import HandoverConfig
from kiosk.paths import data_dir
from kiosk.settings.files import settings_copy
from kiosk.settings.secret import SecretBox
from kiosk.store.effective import effective_settings
from kiosk.store.settings import ClinicSettings, read_settings_copy
from kiosk.ui.kiosk_model import KioskModel
from kiosk.ui.store_bridge import StoreBridge

REREAD_MS = 3 * 60_000
log = logging.getLogger(__name__)


class LiveSettings(QObject):
    def __init__(
        self,
        model: KioskModel,
        bridge: StoreBridge,
        profile: Clinic,
        protocol: Protocol,
        *,
        kiosk_inactivity: int | None,
    ) -> None:
        super().__init__(model)
        self.model = model
        self.bridge = bridge
        self.profile = profile
        self.protocol = protocol  # as the protocol file has it: the clinic's day counts go over this
        self.kiosk_inactivity = kiosk_inactivity
        service = model.handover_bridge.service
        self.kiosk_handover: HandoverConfig | None = service.config if service is not None else None  # kiosk.toml's
        self.pending: ClinicSettings | None = None
        self.applied: ClinicSettings | None = None
        bridge.settings_loaded.connect(self._arrived)
        model.wiped.connect(self._wiped)
        self.timer = QTimer(self)
        self.timer.setInterval(REREAD_MS)
        self.timer.timeout.connect(self.reread)
        self.first_read = QTimer(self)  # once the first screen is up: see read_soon
        self.first_read.setSingleShot(True)
        self.first_read.setInterval(0)
        self.first_read.timeout.connect(self.reread)

    def start(self) -> None:
        """Apply this kiosk's private copy now, so the first screen already shows the clinic; the store is asked
        with `read_soon` once that screen is up (app.start calls it on the window's first frame)."""
        base = ClinicSettings.from_clinic(self.profile)
        self._arrived(read_settings_copy(settings_copy(), base, SecretBox(data_dir())))
        self.timer.start()

    def read_soon(self) -> None:
        """Ask the store once the event loop is free (after whatever else the first frame set off)."""
        self.first_read.start()

    def stop(self) -> None:
        self.timer.stop()
        self.first_read.stop()

    def reread(self) -> None:
        if self.model.is_idle():
            self.bridge.load_settings()

    def _arrived(self, settings: ClinicSettings) -> None:
        if settings != self.applied:
            self.pending = settings
            self._apply_if_idle()

    def _wiped(self) -> None:
        self._apply_if_idle()
        self.bridge.load_settings()  # another kiosk may have changed them while this client was here

    def _apply_if_idle(self) -> None:
        settings = self.pending
        if settings is None or not self.model.is_idle():
            return
        self.pending = None
        self.applied = settings
        self.model.apply_settings(
            effective_settings(
                self.profile,
                self.protocol,
                settings,
                kiosk_handover=self.kiosk_handover,
                kiosk_inactivity=self.kiosk_inactivity,
            )
        )
        log.info("clinic settings applied")
