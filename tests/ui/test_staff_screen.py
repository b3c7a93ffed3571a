"""Check-ins recorded through the store, and the staff screen behind the PIN, driven by touch offscreen:
the list with its flags (SQLite in a private data folder, and a real PostgreSQL server), CSV export, a new
PIN, the way out; the "not yet" hair answer; no client name in the logs. (The clinic settings and the export
folder: test_staff_settings.py.)"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.handover import HandoverService
from kiosk.logging_setup import configure_logging
from kiosk.store import CheckInStore, Flag
from kiosk.ui.app import KioskApp
from tests.handover import servers
from tests.handover.servers import CupsServer, PdfPrinter
from tests.store.conftest import postgres  # noqa: F401 - the private PostgreSQL server, shared with tests/store
from tests.store.postgres_server import PostgresServer
from tests.ui.conftest import Driver, read_property

FIRST, LAST = "Zorabel", "Quint"
cups_server, cups_env, pdf_printer = servers.cups_server, servers.cups_env, servers.pdf_printer


def type_pin(drive: Driver, pin: str) -> None:
    for digit in pin:
        drive.tap(f"pinKey{digit}")
    drive.tap("pinOk")


def check_in(drive: Driver, hair: str = "not-yet", moisturised: bool = True) -> None:
    """A client's whole way through the kiosk, by touch, up to Finish."""
    drive.walk_to_calendar(FIRST, LAST, moisturised=moisturised, hair=hair)
    for _ in range(3):  # the calendar, then the hand-over screen where there is one
        if read_property(drive.kiosk.model, "step") == "finish":
            break
        drive.tap("nextButton")
        drive.qtbot.wait(100)
    drive.wait_step("finish")
    with drive.qtbot.waitSignal(drive.kiosk.staff.bridge.recorded, timeout=30_000):
        drive.tap("nextButton")
    drive.wait_step("welcome")


def open_staff_screen(drive: Driver, pin: str = "2468") -> None:
    drive.open_pin_pad()
    type_pin(drive, pin)
    drive.qtbot.waitUntil(lambda: drive.has("staffScreen"), timeout=5000)


@pytest.fixture
def pg_kiosk(
    postgres: PostgresServer,  # noqa: F811
    make_kiosk: Callable[..., KioskApp],
    data_dir: Path,
) -> Iterator[tuple[KioskApp, str]]:
    name = postgres.create_database()
    url = postgres.url(name)
    (data_dir / "kiosk.toml").write_text(f'database_url = "{url}"\nkiosk_id = "front-desk"\n', encoding="utf-8")
    yield make_kiosk(), url
    postgres.drop_database(name)


@pytest.mark.slow
def test_a_check_in_lands_in_the_store_and_on_the_staff_screen(qtbot: QtBot, kiosk: KioskApp, data_dir: Path) -> None:
    drive = Driver(qtbot, kiosk)
    check_in(drive, hair="not-yet")
    store = CheckInStore(data_dir=data_dir)
    try:
        [summary] = store.todays_checkins()
    finally:
        store.close()
    assert summary.first_name == FIRST and summary.hair is None
    assert Flag.NOT_BUZZ_CUT in summary.flags and Flag.NOT_MOISTURISED not in summary.flags

    open_staff_screen(drive)
    qtbot.waitUntil(lambda: drive.has("staffName0"), timeout=10_000)
    assert drive.text("staffName0") == f"{FIRST} Q."  # the first name and the last initial only
    assert "not buzz cut yet" in drive.text("staffFlags0")

    drive.tap("staffBack")
    assert not drive.has("staffScreen")
    assert read_property(kiosk.model, "step") == "welcome"


@pytest.mark.slow
def test_postgresql_check_in_shows_for_every_kiosk(qtbot: QtBot, pg_kiosk: tuple[KioskApp, str]) -> None:
    kiosk, url = pg_kiosk
    drive = Driver(qtbot, kiosk)
    check_in(drive, hair="buzz", moisturised=False)
    other = CheckInStore(url=url)  # a second kiosk on the same database sees it
    try:
        [summary] = other.todays_checkins()
    finally:
        other.close()
    assert summary.kiosk_id == "front-desk" and summary.hair == "buzz"
    assert summary.flags == (Flag.NOT_MOISTURISED,)
    open_staff_screen(drive)
    qtbot.waitUntil(lambda: drive.has("staffName0"), timeout=10_000)
    assert drive.text("staffFlags0") == "not moisturised"


@pytest.mark.slow
def test_csv_export_new_pin_and_exit(qtbot: QtBot, kiosk: KioskApp, data_dir: Path) -> None:
    drive = Driver(qtbot, kiosk)
    check_in(drive, hair="long")
    open_staff_screen(drive)
    drive.tap("staffTabExport")
    today = dt.date.today().isoformat()  # check-in times are real, whatever day the kiosk pretends it is
    assert read_property(drive.find("staffExportFirst"), "text") == today
    drive.tap("staffExport")
    qtbot.waitUntil(lambda: drive.has("staffMessage"), timeout=10_000)
    path = data_dir / "exports" / f"checkins-{today}-{today}.csv"
    assert str(path) in drive.text("staffMessage")
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    assert any(FIRST in row for row in rows[1:])

    reveal(drive, "staffPin")
    drive.tap("staffPin")
    drive.type_keys("9753")
    reveal(drive, "staffPinAgain")
    drive.tap("staffPinAgain")
    drive.type_keys("9753")
    reveal(drive, "staffSavePin")
    drive.tap("staffSavePin")
    assert drive.text("staffMessage") == "The new PIN is saved."
    drive.tap("staffBack")
    drive.open_pin_pad()
    type_pin(drive, "2468")  # the demo PIN no longer opens anything, and the pad says how to set a PIN
    assert not drive.has("staffScreen") and "smp-kiosk set-pin" in drive.text("pinMessage")
    drive.tap("pinCancel")
    open_staff_screen(drive, "9753")
    with qtbot.waitSignal(kiosk.model.lock.exitRequested, timeout=5000):
        drive.tap("staffExit")
    qtbot.waitUntil(lambda: not kiosk.window.isVisible())


@pytest.mark.slow
def test_logs_never_hold_the_clients_name(
    qtbot: QtBot, kiosk: KioskApp, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    configure_logging(file_level=logging.DEBUG)
    drive = Driver(qtbot, kiosk)
    check_in(drive)
    open_staff_screen(drive)
    qtbot.waitUntil(lambda: drive.has("staffName0"), timeout=10_000)
    drive.tap("staffBack")
    logs = list((data_dir / "logs").rglob("*"))
    assert logs, "the kiosk wrote no log file"
    texts = caplog.text + "".join(p.read_text(errors="replace") for p in logs if p.is_file())
    assert "visit from kiosk" in texts  # the visit was logged, without the name
    assert FIRST not in texts and LAST not in texts


@pytest.mark.slow
def test_a_print_waiting_for_a_stopped_printer_shows_in_the_outbox_list(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], pdf_printer: PdfPrinter, cups_env: CupsServer
) -> None:
    assert cups_env.run("cupsdisable", "-r", "Out of paper", pdf_printer.name).returncode == 0
    data = Path(os.environ["SMP_KIOSK_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    (data / "kiosk.toml").write_text(f'printer = "{pdf_printer.name}"\n', encoding="utf-8")
    kiosk = make_kiosk()
    drive = Driver(qtbot, kiosk)
    open_staff_screen(drive)
    assert drive.text("staffOutboxTitle") == "No prints or emails are waiting."
    assert not drive.has("staffRetryOutbox")
    drive.tap("staffBack")

    check_in_with_print(drive)
    [job] = HandoverService.open(data).jobs()
    assert job.kind == "print" and job.state == "pending"

    open_staff_screen(drive)
    qtbot.waitUntil(lambda: drive.has("staffJob0"), timeout=10_000)
    row = drive.text("staffJob0")
    assert "Print" in row and pdf_printer.name in row and "waiting to retry" in row
    assert drive.text("staffOutboxTitle") == "Prints and emails waiting: 1"
    attempts = job.attempts
    drive.tap("staffRetryOutbox")
    assert "again" in drive.text("staffMessage")
    qtbot.waitUntil(lambda: HandoverService.open(data).jobs()[0].attempts > attempts, timeout=40_000)
    assert pdf_printer.printed(timeout=1) == []  # the printer is still stopped: the job waits on
    drive.tap("staffBack")


def check_in_with_print(drive: Driver, state: str = "queued") -> None:
    """check_in, tapping Print on the hand-over screen and waiting until the job is queued (or `state`)."""
    qtbot, bridge = drive.qtbot, drive.kiosk.model.handover_bridge
    drive.walk_to_calendar(FIRST, LAST)
    drive.tap("nextButton")
    drive.wait_step("handover")
    drive.tap("printButton")
    qtbot.waitUntil(lambda: read_property(bridge, "printState") == state, timeout=40_000)
    drive.tap("nextButton")
    drive.wait_step("finish")
    with qtbot.waitSignal(drive.kiosk.staff.bridge.recorded, timeout=30_000):
        drive.tap("nextButton")
    drive.wait_step("welcome")


def test_spooled_check_ins_are_retried_on_a_timer(qtbot: QtBot, kiosk: KioskApp) -> None:
    bridge = kiosk.staff.bridge
    assert bridge.retry_timer.isActive() and bridge.retry_timer.interval() == 2 * 60 * 1000
    with qtbot.waitSignal(bridge.retried, timeout=30_000) as signal:
        bridge.retry_timer.timeout.emit()  # what the timer does every two minutes
    [health] = signal.args
    assert health.ok


def reveal(drive: Driver, name: str) -> QQuickItem:
    """Scroll the staff page that holds `name` so that it shows (as a finger flicking the page would)."""
    drive.qtbot.wait(20)
    item = drive.find(name)
    parent = item.parentItem()
    while parent is not None and not parent.inherits("QQuickFlickable"):
        parent = parent.parentItem()
    if parent is not None:
        content = read_property(parent, "contentItem")
        top = item.mapToItem(content, QPointF(0, 0)).y()
        highest = max(0.0, read_property(parent, "contentHeight") - parent.height())
        parent.setProperty("contentY", min(highest, max(0.0, top - parent.height() / 3)))
        drive.qtbot.wait(50)
    return item


def retype(drive: Driver, name: str, text: str) -> None:
    """Tap a field, clear it and type `text`, as staff would on a keyboard."""
    reveal(drive, name)
    drive.tap(name)
    drive.key(Qt.Key.Key_End)
    for _ in read_property(drive.find(name), "text"):
        drive.key(Qt.Key.Key_Backspace)
    drive.type_keys(text)


@pytest.mark.slow
def test_clinic_settings_are_saved_and_read_back(qtbot: QtBot, kiosk: KioskApp, data_dir: Path) -> None:
    drive = Driver(qtbot, kiosk)
    open_staff_screen(drive)
    drive.tap("staffTabSettings")
    qtbot.waitUntil(lambda: read_property(drive.find("staffTimeout"), "text") != "", timeout=10_000)
    assert read_property(drive.find("staffReceipt"), "checked") is False
    retype(drive, "staffTimeout", "5")
    drive.tap("staffSaveSettings")
    qtbot.waitUntil(lambda: "from 15 to 900" in drive.text("staffMessage"), timeout=10_000)
    assert read_property(drive.find("staffTimeout"), "text") == "5"  # what was typed stays

    retype(drive, "staffTimeout", "120")
    retype(drive, "staffPrinter", "desk")
    reveal(drive, "staffLanguage_fr")
    for tag in ("es", "fr", "it", "pt_BR", "nl", "pl", "tr", "ru", "ar", "he"):
        drive.tap(f"staffLanguage_{tag}")  # every language starts switched on: leave English and German
    reveal(drive, "staffReceipt")
    drive.tap("staffReceipt")
    drive.tap("staffSaveSettings")
    qtbot.waitUntil(lambda: drive.text("staffMessage") == "The clinic settings are saved.", timeout=10_000)
    store = CheckInStore(data_dir=data_dir)
    try:
        settings = store.settings()
    finally:
        store.close()
    assert settings.receipt_required is True and settings.inactivity_timeout_s == 120
    assert settings.printer == "desk" and settings.languages == ("en", "de")

    drive.tap("staffBack")
    open_staff_screen(drive)  # read back onto the screen
    drive.tap("staffTabSettings")
    qtbot.waitUntil(lambda: read_property(drive.find("staffTimeout"), "text") == "120", timeout=10_000)
    assert read_property(drive.find("staffReceipt"), "checked") is True
    assert read_property(drive.find("staffLanguage_de"), "selected") is True
    assert read_property(drive.find("staffLanguage_fr"), "selected") is False
    drive.tap("staffBack")
