"""The signed receipt, driven offscreen: the clinic turns it on, the client signs with mouse or touch on the real
pad (a drag never scrolls the page), Next without signing explains and stays, Clear empties the pad, Back keeps
the signature, the check-in is stored with it, the staff screen prints the clinic copy to a real CUPS queue, and
after the wipe nothing of the client is left."""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.i18n import translations
from kiosk.store import CheckIn, CheckInStore, Flag, Signature
from kiosk.ui.app import KioskApp
from tests.handover import servers
from tests.handover.servers import PdfPrinter, pdf_pages, pdf_text
from tests.store.test_store_staff import ink_in_signature_box
from tests.ui.conftest import Driver, read_property
from tests.ui.test_kiosk_flow import FIRST, LAST, assert_no_trace
from tests.ui.test_kiosk_layout import check_screen, in_view
from tests.ui.test_staff_screen import open_staff_screen

cups_server, cups_env, pdf_printer = servers.cups_server, servers.cups_env, servers.pdf_printer
UNSIGNED: dict[str, Any] = {
    "first_name": "Bo",
    "last_name": "",
    "session": 1,
    "session_date": dt.date.today(),
    "language": "en",
    "moisturised": True,
    "hair": "buzz",
    "kiosk_id": "back-desk",
}
SCREENSHOTS = os.environ.get("SMP_KIOSK_SCREENSHOTS")  # a folder: keep the receipt screen's pictures there


def kiosk_data() -> Path:
    """The kiosk's data folder in this test (the CUPS fixture moves it into its own tmp_path)."""
    return Path(os.environ["SMP_KIOSK_DATA_DIR"])


def turn_receipt_on(*extra: str) -> None:
    """What staff do on the settings page: the clinic setting, saved in the store for every kiosk."""
    data_dir = kiosk_data()
    data_dir.mkdir(parents=True, exist_ok=True)
    store = CheckInStore(data_dir=data_dir)
    try:
        assert store.save_settings(msgspec.structs.replace(store.settings(), receipt_required=True))
    finally:
        store.close()
    if extra:
        (data_dir / "kiosk.toml").write_text("\n".join(extra) + "\n", encoding="utf-8")


@pytest.fixture
def receipt_kiosk(qtbot: QtBot, data_dir: Path, make_kiosk: Callable[..., KioskApp]) -> Callable[..., KioskApp]:
    def make(*kiosk_toml: str, **options: int) -> KioskApp:
        turn_receipt_on(*kiosk_toml)
        kiosk = make_kiosk(**options)
        qtbot.waitUntil(lambda: kiosk.model.flow.receipt_required, timeout=10_000)  # the saved setting, applied
        return kiosk

    return make


def walk_to_receipt(drive: Driver) -> None:
    drive.walk_to_calendar(FIRST, LAST)
    drive.tap("nextButton")
    drive.wait_step("handover")
    drive.tap("nextButton")
    drive.wait_step("receipt")


def squiggle(area: QQuickItem, points: int = 24) -> list[QPointF]:
    """A signature-like line across the pad, in scene coordinates."""
    width, height = area.width(), area.height()
    local = [
        QPointF(width * (0.1 + 0.8 * i / (points - 1)), height * (0.5 + 0.3 * math.sin(i / 2.5))) for i in range(points)
    ]
    return [area.mapToScene(point) for point in local]


def drag_with_finger(drive: Driver, path: list[QPointF]) -> None:
    """A real touch drag: through Qt's platform input (so a Flickable sees where the finger went down), queued
    without running the event loop (commit(False)) and delivered inside qtbot.wait."""
    device = QTest.createTouchDevice()
    window = drive.window
    points = [point.toPoint() for point in path]
    QTest.touchEvent(window, device).press(0, points[0], window).commit(False)
    drive.qtbot.wait(30)
    for point in points[1:]:
        QTest.touchEvent(window, device).move(0, point, window).commit(False)
        drive.qtbot.wait(16)
    QTest.touchEvent(window, device).release(0, points[-1], window).commit(False)
    drive.qtbot.wait(50)


def ink(drive: Driver, item: QQuickItem) -> int:
    """Dark pixels (signature ink) inside an item on a grab of the window."""
    drive.qtbot.wait(50)
    shot = drive.window.grabWindow().convertToFormat(QImage.Format.Format_Grayscale8)
    corner = item.mapToScene(QPointF(0, 0))
    left, top = int(corner.x()) + 4, int(corner.y()) + 4
    count = 0
    for y in range(top, top + int(item.height()) - 8, 2):
        for x in range(left, left + int(item.width()) - 8, 2):
            if shot.pixelColor(x, y).value() < 70:
                count += 1
    return count


def stored_check_in() -> tuple[bool, bool, tuple[Flag, ...], Signature | None]:
    store = CheckInStore(data_dir=kiosk_data())
    try:
        [summary] = store.todays_checkins()
        full = store.check_in(summary.uid)
    finally:
        store.close()
    assert full is not None and full.first_name == FIRST
    signature = Signature.from_json(full.signature_strokes) if full.signature_strokes else None
    return summary.receipt_required, summary.signed, summary.flags, signature


@pytest.mark.slow
def test_sign_with_the_mouse_finish_and_print_the_clinic_copy(
    qtbot: QtBot, receipt_kiosk: Callable[..., KioskApp], pdf_printer: PdfPrinter, tmp_path: Path
) -> None:
    kiosk = receipt_kiosk(f'printer = "{pdf_printer.name}"', "print_timeout = 30")
    drive, model = Driver(qtbot, kiosk), kiosk.model
    walk_to_receipt(drive)
    assert read_property(model, "progress") == 6 and read_property(model, "progressCount") == 7
    assert drive.text("receiptStatement") == "I received my aftercare instructions."
    assert drive.text("receiptName") == f"{FIRST} {LAST}"
    assert drive.text("receiptDate") == "Tuesday, 24 November 2026"
    box, area = drive.find("signatureBox"), drive.find("signatureArea")
    assert ink(drive, box) == 0 and not drive.find("clearSignatureButton").isEnabled()
    size = (area.width(), area.height())

    drive.drag(squiggle(area))
    assert read_property(model, "signed")
    saved = read_property(model, "signature")
    assert (saved["width"], saved["height"]) == size
    [stroke] = saved["strokes"]
    assert len(stroke) >= 20  # every move became a point, in the pad's own pixels
    assert all(0 <= x <= size[0] and 0 <= y <= size[1] for x, y in stroke)
    assert ink(drive, box) > 100  # the line shows under the pointer

    drive.tap("backButton")  # Back and forth keeps the signature, drawn again by the new pad
    drive.wait_step("handover")
    drive.tap("nextButton")
    drive.wait_step("receipt")
    assert read_property(model, "signed") and ink(drive, drive.find("signatureBox")) > 100

    drive.tap("nextButton")
    drive.wait_step("finish")
    with qtbot.waitSignal(kiosk.staff.bridge.recorded, timeout=30_000):
        drive.tap("nextButton")
    drive.wait_step("welcome")
    required, signed, flags, signature = stored_check_in()
    assert required and signed and Flag.RECEIPT_MISSING not in flags
    assert signature is not None and (signature.width, signature.height) == size
    assert len(signature.strokes[0]) == len(stroke)
    assert read_property(model, "signature") == {} and not read_property(model, "signed")
    assert_no_trace(kiosk)

    open_staff_screen(drive)
    qtbot.waitUntil(lambda: drive.has("staffPrintReceipt0"), timeout=10_000)
    assert not drive.has("staffFlags0")  # moisturised, buzz cut and signed: nothing to flag
    drive.tap("staffPrintReceipt0")
    qtbot.waitUntil(lambda: drive.text("staffMessage") == "The clinic copy of the receipt is printing.", timeout=40_000)
    [printed] = pdf_printer.printed()
    assert "aftercare-receipt" in printed.name  # what the print queue lists for it
    assert pdf_pages(printed) == 1
    text = " ".join(pdf_text(printed).split())  # the text survives CUPS (no transparency on the page)
    assert "Northside Scalp Studio Aftercare receipt (clinic copy)" in text
    assert f"Client {FIRST} {LAST[0].upper()}." in text and "I received my aftercare instructions." in text
    assert "Signature of the client" in text and "Not signed" not in text
    assert ink_in_signature_box(printed.read_bytes(), tmp_path) > 0.01  # the signature came out on paper

    store = CheckInStore(data_dir=kiosk_data())  # a check-in without a signature (the receipt was off then)
    try:
        store.record(CheckIn.create(**UNSIGNED))
    finally:
        store.close()
    qtbot.waitUntil(lambda: drive.has("staffName1"), timeout=10_000)
    assert drive.has("staffPrintReceipt0") and not drive.has("staffPrintReceipt1")
    drive.tap("staffBack")


@pytest.mark.slow
def test_next_without_signing_explains_and_clear_empties_the_pad(
    qtbot: QtBot, receipt_kiosk: Callable[..., KioskApp]
) -> None:
    kiosk = receipt_kiosk()
    drive, model = Driver(qtbot, kiosk), kiosk.model
    walk_to_receipt(drive)
    drive.tap("nextButton")
    assert read_property(model, "step") == "receipt"
    assert drive.text("problemText") == "Please sign in the box with your finger."

    box, area = drive.find("signatureBox"), drive.find("signatureArea")
    drive.tap_item(area)  # a tap is a dot, not a signature
    assert not read_property(model, "signed")
    drive.tap("nextButton")
    assert read_property(model, "step") == "receipt" and drive.text("problemText")

    drive.drag(squiggle(area))
    assert read_property(model, "signed") and drive.text("problemText") == ""
    assert ink(drive, box) > 100
    drive.tap("clearSignatureButton")
    assert read_property(model, "signature") == {} and not read_property(model, "signed")
    assert ink(drive, box) == 0
    assert not drive.find("clearSignatureButton").isEnabled()
    drive.tap("nextButton")
    assert read_property(model, "step") == "receipt"


@pytest.mark.slow
def test_a_finger_signs_and_the_drag_never_scrolls_the_page(
    qtbot: QtBot, receipt_kiosk: Callable[..., KioskApp]
) -> None:
    kiosk = receipt_kiosk(width=1280, height=640)
    drive, model = Driver(qtbot, kiosk), kiosk.model
    model.setProperty("largeText", True)  # the page is taller than the screen now: it scrolls
    walk_to_receipt(drive)
    scroller = drive.find("pageScroller")
    assert read_property(scroller, "contentHeight") > scroller.height()
    statement = drive.find("receiptStatement")
    start = statement.mapToScene(QPointF(statement.width() / 2, statement.height() + 150))
    drag_with_finger(drive, [QPointF(start.x(), start.y() - dy) for dy in range(0, 150, 5)])
    qtbot.waitUntil(lambda: read_property(scroller, "contentY") > 0, timeout=3000)  # beside the pad: it scrolls
    scroller.setProperty("contentY", read_property(scroller, "contentHeight") - scroller.height())
    qtbot.wait(100)
    scrolled = read_property(scroller, "contentY")

    area = drive.find("signatureArea")
    top = area.mapToScene(QPointF(area.width() * 0.3, 5))
    downwards = [QPointF(top.x() + i * 6, top.y() + 10 + i * 8) for i in range(20)]  # would scroll back up
    drag_with_finger(drive, downwards)
    assert read_property(scroller, "contentY") == scrolled  # the pad kept the drag
    assert read_property(model, "signed")
    [stroke] = read_property(model, "signature")["strokes"]
    assert len(stroke) >= 15
    assert ink(drive, drive.find("signatureBox")) > 50


@pytest.mark.slow
def test_walking_away_wipes_the_signature(qtbot: QtBot, receipt_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = receipt_kiosk(inactivity=1, warning=2)
    drive, model = Driver(qtbot, kiosk), kiosk.model
    walk_to_receipt(drive)
    drive.drag(squiggle(drive.find("signatureArea")))
    assert read_property(model, "signed")
    drive.wait_step("welcome", timeout=10_000)
    assert read_property(model, "signature") == {} and model.flow.signature is None
    assert_no_trace(kiosk)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.slow
def test_the_receipt_screen_reads_in_the_clients_language(
    qtbot: QtBot, receipt_kiosk: Callable[..., KioskApp], language: str, tmp_path: Path
) -> None:
    kiosk = receipt_kiosk()
    drive = Driver(qtbot, kiosk)
    drive.tap(f"language_{language}")
    walk_to_receipt(drive)
    statement = translations(language).gettext("I received my aftercare instructions.")
    assert drive.text("receiptStatement") == statement
    assert language == "en" or statement != "I received my aftercare instructions."
    drive.drag(squiggle(drive.find("signatureArea")))
    box, clear = drive.find("signatureBox"), drive.find("clearSignatureButton")
    box_x, clear_x = box.mapToScene(QPointF(0, 0)).x(), clear.mapToScene(QPointF(0, 0)).x()
    assert (clear_x < box_x) == (language == "ar")  # Clear sits at the end of the line: left in Arabic
    gap = clear_x - (box_x + box.width()) if clear_x > box_x else box_x - (clear_x + clear.width())
    assert clear.width() >= 48 and clear.height() >= 48 and gap >= 8
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert kiosk.window.grabWindow().save(str(folder / f"receipt-{language}.png"))


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (800, 1280)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large-text"])
def test_the_receipt_screen_is_made_for_touch_and_eyes(
    qtbot: QtBot, receipt_kiosk: Callable[..., KioskApp], width: int, height: int, large: bool
) -> None:
    kiosk = receipt_kiosk(width=width, height=height)
    drive, model = Driver(qtbot, kiosk), kiosk.model
    model.checkIn()
    model.setProperty("largeText", large)
    model.setName(FIRST, LAST)
    for _ in range(2):
        model.next()
    model.answerMoisturised(True)
    model.chooseHair("buzz")
    model.next()
    qtbot.waitUntil(lambda: read_property(model, "pdfStatus") == "ready", timeout=30_000)
    model.next()
    model.next()
    drive.wait_step("receipt")
    drive.drag(squiggle(drive.find("signatureArea")))  # Clear is enabled now
    assert check_screen(drive, "receipt") == []
    pad, clear = drive.find("signatureBox"), drive.find("clearSignatureButton")
    assert in_view(clear, clear.mapRectToScene(QRectF(0, 0, clear.width(), clear.height())), width, height)
    assert pad.height() >= 200 and pad.width() >= 0.55 * width  # room to sign
