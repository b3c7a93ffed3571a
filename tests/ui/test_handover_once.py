"""The hand-over is idempotent, driven on the real screen with a real CUPS queue and a real SMTP server: a second
tap on Print asks "Print another copy?" first, Return in the email field and then Send sends one email, with the
answer in view; the visit's record says what was handed over."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from kiosk.store import CheckInStore
from kiosk.ui.app import KioskApp
from tests.handover import servers
from tests.handover.servers import PdfPrinter, SmtpServer
from tests.ui.conftest import Driver, read_property
from tests.ui.test_handover_screen import ADDRESS, smtp_config, walk_to_handover, write_config

cups_server, cups_env, pdf_printer = servers.cups_server, servers.cups_env, servers.pdf_printer
certificate, smtp_server = servers.certificate, servers.smtp_server


def handed_over(data_dir: Path) -> tuple[bool | None, bool | None]:
    store = CheckInStore(data_dir=data_dir)
    try:
        records = store.todays_checkins()
    finally:
        store.close()
    assert len(records) == 1, records  # one record for the visit (waitUntil retries until it is written)
    return records[0].printed, records[0].emailed


@pytest.mark.slow
def test_a_second_tap_on_print_asks_before_printing_again(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], pdf_printer: PdfPrinter
) -> None:
    data_dir = write_config(f'printer = "{pdf_printer.name}"', "print_timeout = 30")  # the kiosk's data folder
    kiosk = make_kiosk()
    drive, bridge = Driver(qtbot, kiosk), kiosk.model.handover_bridge
    walk_to_handover(drive)
    assert not drive.has("printAgainQuestion")
    drive.tap("printButton")
    qtbot.waitUntil(lambda: read_property(bridge, "printState") == "done", timeout=40_000)
    assert len(pdf_printer.printed()) == 1
    qtbot.waitUntil(lambda: handed_over(data_dir)[0] is True, timeout=10_000)  # the record says it printed

    drive.tap("printButton")  # unsure the first one worked: asked, nothing printed yet
    assert drive.text("printAgainQuestion") == "Print another copy?"
    drive.tap("printAgainNo")
    assert not drive.has("printAgainQuestion")
    assert len(pdf_printer.printed(timeout=2)) == 1

    drive.tap("printButton")
    drive.tap("printAgainYes")  # they do want a second copy
    assert not drive.has("printAgainQuestion")
    qtbot.waitUntil(lambda: len(pdf_printer.printed(timeout=1)) == 2, timeout=40_000)


@pytest.mark.slow
def test_return_then_send_sends_one_email_and_the_answer_shows(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], smtp_server: Callable[..., SmtpServer]
) -> None:
    server = smtp_server()
    data_dir = write_config(*smtp_config(server.port))
    kiosk = make_kiosk()
    drive, bridge = Driver(qtbot, kiosk), kiosk.model.handover_bridge
    walk_to_handover(drive)
    drive.tap("emailField")
    drive.type_keys(ADDRESS)
    drive.key(Qt.Key.Key_Return)  # Return on the keyboard sends...
    qtbot.waitUntil(lambda: read_property(bridge, "emailState") == "done", timeout=20_000)
    drive.tap("sendEmailButton")  # ...and then a tap on Send, as many clients do
    qtbot.wait(1500)
    assert len(server.mailbox.envelopes) == 1
    assert read_property(bridge, "emailState") == "done"
    message = drive.find("emailMessage")
    assert drive.text("emailMessage") == "We have sent your calendar to your email address."
    bottom = message.mapToScene(QPointF(0, message.height())).y()
    keyboard = drive.find("inputPanel", visible=False)
    top_of_keyboard = keyboard.mapToScene(QPointF(0, 0)).y() if read_property(keyboard, "active") else 1e9
    assert bottom <= min(kiosk.window.height(), top_of_keyboard)  # where the client sees it
    qtbot.waitUntil(lambda: handed_over(data_dir)[1] is True, timeout=10_000)
