"""The "take it with you" screen, driven offscreen: print to a real CUPS queue, QR codes read back from the
screen by a real decoder, email to a real SMTP server on loopback, bad addresses, and the wipe."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import icalendar
import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.documents.pdf import calendar_codes
from kiosk.handover import HandoverService
from kiosk.i18n import translations
from kiosk.ui.app import KioskApp
from tests.handover import servers
from tests.handover.servers import CupsServer, PdfPrinter, SmtpServer, pdf_pages, pdf_text
from tests.ui.conftest import Driver, read_property
from tests.ui.test_kiosk_flow import FIRST, assert_no_trace, every_string

ADDRESS = "amira.client@example.com"
# The hand-over tests' real servers: a private cupsd with a cups-pdf queue, aiosmtpd on loopback.
cups_server, cups_env, pdf_printer = servers.cups_server, servers.cups_env, servers.pdf_printer
certificate, smtp_server = servers.certificate, servers.smtp_server


def write_config(*lines: str) -> Path:
    data = Path(os.environ["SMP_KIOSK_DATA_DIR"])  # the kiosk's own folder in this test (kiosk.toml, outbox/)
    data.mkdir(parents=True, exist_ok=True)
    (data / "kiosk.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data


def smtp_config(port: int) -> list[str]:
    return [
        "[smtp]",
        'host = "127.0.0.1"',
        f"port = {port}",
        'security = "plain"',
        'from_address = "calendar@northside.example"',
        "timeout = 5",
    ]


def pdf_pages_of(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def walk_to_handover(drive: Driver) -> None:
    drive.walk_to_calendar(FIRST)
    drive.tap("nextButton")
    drive.wait_step("handover")


def grab(kiosk: KioskApp) -> Image.Image:
    """What the screen shows, as a grey image for the decoder."""
    shot = kiosk.window.grabWindow().convertToFormat(QImage.Format.Format_Grayscale8)
    size = (shot.width(), shot.height())
    return Image.frombuffer("L", size, bytes(shot.constBits()), "raw", "L", shot.bytesPerLine(), 1)


def test_the_qr_codes_on_screen_are_the_pdfs_events(qtbot: QtBot, drive: Driver) -> None:
    walk_to_handover(drive)
    model = drive.kiosk.model
    expected = calendar_codes(model.calendar_request())
    assert expected, "the demo plan has milestones"
    codes = [drive.find(f"qrCode{index}") for index in range(len(expected))]
    for code in codes:
        assert min(code.width(), code.height()) >= 220  # scannable from a 10-inch screen at arm's length
    found = []
    page = drive.find("pageScroller")  # the codes may go below the fold: read them as a client scrolls
    for top in range(0, int(read_property(page, "contentHeight")), max(1, int(page.height() / 2))):
        page.setProperty("contentY", min(top, max(0, read_property(page, "contentHeight") - page.height())))
        qtbot.wait(200)
        found += zxingcpp.read_barcodes(
            grab(drive.kiosk), formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        )
    events = {}
    for barcode in found:
        [decoded] = icalendar.Calendar.from_ical(barcode.bytes).walk("VEVENT")
        events[str(decoded["UID"])] = decoded.decoded("DTSTART")
    wanted = {}
    for milestone, payload in expected:
        [want] = icalendar.Calendar.from_ical(payload).walk("VEVENT")
        wanted[str(want["UID"])] = milestone.date
    assert events == wanted  # every code read back: the same UIDs as the PDF's codes, each on its date
    assert all(type(day) is dt.date for day in events.values())  # all-day events


@pytest.mark.slow
def test_print_sends_the_calendar_to_the_clinic_printer(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], pdf_printer: PdfPrinter
) -> None:
    write_config(f'printer = "{pdf_printer.name}"', "print_timeout = 30")
    kiosk = make_kiosk()
    drive = Driver(qtbot, kiosk)
    assert not read_property(kiosk.model.handover_bridge, "emailEnabled")
    walk_to_handover(drive)
    assert not drive.has("emailPanel")  # no SMTP set up: no email offered
    drive.tap("printButton")
    assert drive.text("printMessage") == "Printing…"
    assert not drive.find("printButton").isEnabled()  # one job per tap
    qtbot.waitUntil(lambda: read_property(kiosk.model.handover_bridge, "printState") == "done", timeout=40_000)
    assert drive.text("printMessage") == "Your calendar is printing. Please take it from the printer."
    [printed] = pdf_printer.printed()
    # The client's calendar, whole: its pages, the name and this session's date, still as text on paper (a logo
    # with transparency would make CUPS outline every letter of page 1).
    assert kiosk.model.pdf is not None and pdf_pages(printed) == pdf_pages_of(kiosk.model.pdf)
    printed_text = " ".join(pdf_text(printed).split())
    assert FIRST in printed_text
    assert "Session 1. Keep your scalp dry until Thursday" in printed_text


@pytest.mark.slow
def test_a_stopped_printer_gets_a_kind_message_and_the_job_waits(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], pdf_printer: PdfPrinter, cups_env: CupsServer
) -> None:
    assert cups_env.run("cupsdisable", "-r", "Out of paper", pdf_printer.name).returncode == 0
    data = write_config(f'printer = "{pdf_printer.name}"')
    kiosk = make_kiosk()
    drive = Driver(qtbot, kiosk)
    walk_to_handover(drive)
    drive.tap("printButton")
    qtbot.waitUntil(lambda: read_property(kiosk.model.handover_bridge, "printState") == "queued", timeout=40_000)
    assert drive.text("printMessage") == ("The printer is not ready. Please ask at the desk for your printed calendar.")
    [job] = HandoverService.open(data).jobs()
    assert job.kind == "print" and job.state == "pending"
    assert pdf_printer.printed(timeout=1) == []


@pytest.mark.slow
def test_email_delivers_the_pdf_and_the_ics_and_the_address_is_wiped(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], smtp_server: Callable[..., SmtpServer]
) -> None:
    server = smtp_server()
    write_config(*smtp_config(server.port))
    kiosk = make_kiosk()
    drive = Driver(qtbot, kiosk)
    walk_to_handover(drive)
    assert drive.text("consentText") == "We use this address only to send you this calendar."
    drive.tap("emailField")
    drive.type_keys(ADDRESS)
    assert drive.text("emailField") == ADDRESS
    drive.tap("sendEmailButton")
    qtbot.waitUntil(lambda: read_property(kiosk.model.handover_bridge, "emailState") == "done", timeout=20_000)
    assert drive.text("emailMessage") == "We have sent your calendar to your email address."
    [envelope] = server.mailbox.envelopes
    assert envelope.rcpt_tos == [ADDRESS]
    message = message_from_bytes(envelope.original_content or b"", policy=policy.default)
    assert isinstance(message, EmailMessage)
    types = sorted(part.get_content_type() for part in message.iter_attachments())
    assert types == ["application/pdf", "text/calendar"]

    assert any(ADDRESS in text for _, text in every_string(kiosk))  # the walk below would see it
    drive.tap("nextButton")
    drive.wait_step("finish")
    drive.tap("nextButton")
    drive.wait_step("welcome")
    assert_no_trace(kiosk)
    assert [where for where, text in every_string(kiosk) if ADDRESS in text] == []


@pytest.mark.slow
def test_a_malformed_address_is_refused_in_the_clients_language(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], smtp_server: Callable[..., SmtpServer]
) -> None:
    server = smtp_server()
    write_config(*smtp_config(server.port))
    kiosk = make_kiosk()
    drive = Driver(qtbot, kiosk)
    kiosk.model.chooseLanguage("de")
    walk_to_handover(drive)
    drive.tap("emailField")
    drive.type_keys("amira.example.com")
    drive.tap("sendEmailButton")
    german = translations("de").gettext
    expected = german("An email address has one @ sign, like name@example.com. Please check it.")
    assert expected != "An email address has one @ sign, like name@example.com. Please check it."
    qtbot.waitUntil(lambda: drive.text("emailMessage") == expected, timeout=5000)
    assert read_property(kiosk.model.handover_bridge, "emailState") == "invalid"
    assert server.mailbox.envelopes == []
    assert HandoverService.open(Path(os.environ["SMP_KIOSK_DATA_DIR"])).jobs() == []  # nothing kept


@pytest.mark.slow
def test_walking_away_wipes_the_typed_address(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], smtp_server: Callable[..., SmtpServer]
) -> None:
    server = smtp_server()
    write_config(*smtp_config(server.port))
    kiosk = make_kiosk(inactivity=1, warning=1)
    drive = Driver(qtbot, kiosk)
    walk_to_handover(drive)
    drive.tap("emailField")
    drive.type_keys(ADDRESS)
    assert any(ADDRESS in text for _, text in every_string(kiosk))
    drive.wait_step("welcome", timeout=8000)
    assert_no_trace(kiosk)
    assert [where for where, text in every_string(kiosk) if ADDRESS in text] == []


def test_an_unreachable_mail_server_keeps_the_email_and_says_so_calmly(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp]
) -> None:
    data = write_config(*smtp_config(servers.free_port()))  # nothing listens there
    kiosk = make_kiosk()
    drive = Driver(qtbot, kiosk)
    walk_to_handover(drive)
    drive.tap("emailField")
    drive.type_keys(ADDRESS)
    drive.tap("sendEmailButton")
    qtbot.waitUntil(lambda: read_property(kiosk.model.handover_bridge, "emailState") == "queued", timeout=20_000)
    assert drive.text("emailMessage") == (
        "We cannot reach the email server right now. We will send your calendar as soon as we can."
    )
    [job] = HandoverService.open(data).jobs()
    assert job.kind == "email" and job.state == "pending"
