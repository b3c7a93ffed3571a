"""The shortest way from the welcome screen to a printed calendar: at most 7 taps, plus typing the first name
(the keyboard starts it with a capital letter)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from tests.handover import servers
from tests.handover.servers import PdfPrinter
from tests.ui.conftest import Driver, read_property
from tests.ui.test_handover_screen import write_config
from tests.ui.test_kiosk_flow import type_on_keyboard

cups_server, cups_env, pdf_printer = servers.cups_server, servers.cups_env, servers.pdf_printer
MAX_TAPS = 7


class CountingDriver(Driver):
    taps = 0

    def tap(self, name: str) -> None:
        self.taps += 1
        super().tap(name)


def test_welcome_to_a_printed_calendar_in_seven_taps(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], pdf_printer: PdfPrinter
) -> None:
    write_config(f'printer = "{pdf_printer.name}"', "print_timeout = 30")
    kiosk = make_kiosk()
    drive = CountingDriver(qtbot, kiosk)
    drive.tap("checkInButton")
    drive.wait_step("name")
    type_on_keyboard(drive, "sam")  # typing, not counted: the keyboard's shift starts the name
    assert read_property(kiosk.model, "firstName") == "Sam"
    drive.tap("nextButton")
    drive.wait_step("session")  # today's first session: nothing to change
    drive.tap("nextButton")
    drive.wait_step("before-care")
    drive.tap("moisturisedYes")  # an answer goes straight on
    drive.tap("hair_buzz")
    drive.wait_step("review")  # Here is what you told us, with the note to take a breath
    drive.tap("nextButton")  # Make my calendar
    drive.wait_step("calendar")
    qtbot.waitUntil(lambda: drive.find("calendarPrintButton").isEnabled(), timeout=30_000)
    drive.tap("calendarPrintButton")
    qtbot.waitUntil(lambda: read_property(kiosk.model.handover_bridge, "printState") == "done", timeout=40_000)
    assert len(pdf_printer.printed()) == 1
    assert drive.taps <= MAX_TAPS, f"{drive.taps} taps"
