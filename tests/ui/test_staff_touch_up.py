"""The staff list says "Touch-up" for a touch-up, never a session number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.store import CheckInStore
from kiosk.store.checkin import TOUCH_UP, CheckIn
from kiosk.ui.app import KioskApp
from tests.ui.conftest import Driver
from tests.ui.test_staff_screen import open_staff_screen


def test_a_touch_up_is_listed_as_touch_up(qtbot: QtBot, kiosk: KioskApp, data_dir: Path) -> None:
    store = CheckInStore(data_dir=data_dir)
    try:
        for first, session in (("Ines", TOUCH_UP), ("Omar", 2)):
            store.record(
                CheckIn.create(
                    first_name=first,
                    last_name="",
                    session=session,
                    session_date=dt.date.today(),
                    language="en",
                    moisturised=True,
                    hair="buzz",
                    kiosk_id="front-desk",
                )
            )
    finally:
        store.close()
    drive = Driver(qtbot, kiosk)
    open_staff_screen(drive)
    qtbot.waitUntil(lambda: drive.has("staffSession1"), timeout=10_000)
    rows = {drive.text(f"staffName{i}"): drive.text(f"staffSession{i}") for i in range(2)}
    assert rows == {"Ines": "Touch-up", "Omar": "Session 2"}
