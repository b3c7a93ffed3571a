"""The staff screen's clinic settings and export folder, driven by touch offscreen: every setting typed in and
saved for every kiosk, a bad value named in the staff member's language with what was typed kept, and the
saved settings applied between clients (welcome screen, languages, timeout, the next client's PDF and printer,
email), also when another kiosk on the database changed them."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from PySide6.QtCore import QObject, QRectF
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.core import kiosk_config
from kiosk.core.kiosk_config import KioskConfig
from kiosk.i18n import translations
from kiosk.paths import resources_dir
from kiosk.store import CheckInStore, ClinicSettings, SmtpSettings
from kiosk.store.settings_form import PROBLEMS
from kiosk.ui.app import KioskApp
from tests.handover import servers
from tests.handover.servers import PdfPrinter, SmtpServer, pdf_text
from tests.ui.conftest import Driver, all_items, read_property, shown, type_name
from tests.ui.test_handover_screen import walk_to_handover
from tests.ui.test_kiosk_flow import every_string
from tests.ui.test_kiosk_layout import CONTROL_CLASSES, accessible_name, gap, ignored, in_view, ours, visible_rect
from tests.ui.test_staff_screen import check_in, check_in_with_print, open_staff_screen, retype, reveal

cups_server, cups_env, pdf_printer = servers.cups_server, servers.cups_env, servers.pdf_printer
certificate, smtp_server = servers.certificate, servers.smtp_server
OTHER_LANGUAGES = ("es", "fr", "it", "pt_BR", "nl", "pl", "tr", "ru", "he")


def texts_shown(drive: Driver) -> list[str]:
    return [
        str(read_property(item, "text"))
        for item in all_items(drive.window)
        if item.inherits("QQuickText") and shown(item) and read_property(item, "text")
    ]


def open_settings(drive: Driver) -> None:
    open_staff_screen(drive)
    drive.tap("staffTabSettings")
    drive.qtbot.waitUntil(lambda: read_property(drive.kiosk.staff.settings, "ready"), timeout=10_000)
    drive.qtbot.wait(50)


def save(drive: Driver) -> None:
    """Tap Save, and wait until the store has read the saved settings back (the kiosk applies them then)."""
    with drive.qtbot.waitSignal(drive.kiosk.staff.bridge.settings_loaded, timeout=10_000):
        drive.tap("staffSaveSettings")
    drive.qtbot.waitUntil(lambda: drive.text("staffMessage") == "The clinic settings are saved.", timeout=10_000)


def stored_settings(data_dir: Path) -> ClinicSettings:
    store = CheckInStore(data_dir=data_dir)
    try:
        return store.settings()
    finally:
        store.close()


@pytest.mark.slow
def test_every_setting_is_typed_in_saved_and_a_bad_one_named(qtbot: QtBot, kiosk: KioskApp, data_dir: Path) -> None:
    drive = Driver(qtbot, kiosk)
    logo = data_dir / "our-logo.png"
    shutil.copy(resources_dir() / "clinics" / "demo-logo.png", logo)
    (data_dir / "notes.txt").write_text("not a picture", encoding="utf-8")
    open_settings(drive)

    retype(drive, "staffLogo", str(data_dir / "missing.png"))
    assert drive.text("staffLogoProblem") == "Logo: there is no file at this path."
    assert read_property(drive.find("staffLogoPreview", visible=False), "source").toString() == ""
    retype(drive, "staffLogo", str(data_dir / "notes.txt"))
    assert drive.text("staffLogoProblem") == "Logo: this file is not a PNG or JPEG picture."
    drive.tap("staffSaveSettings")
    qtbot.waitUntil(lambda: drive.has("staffMessage"), timeout=5000)
    assert drive.text("staffMessage") == "Logo: this file is not a PNG or JPEG picture."
    assert read_property(kiosk.staff.settings, "problem") == "logo_path"
    retype(drive, "staffLogo", str(logo))
    assert not drive.has("staffLogoProblem")
    preview = drive.find("staffLogoPreview")
    qtbot.waitUntil(lambda: read_property(preview, "paintedWidth") > 0, timeout=5000)  # the preview shows

    retype(drive, "staffClinicName", "Harbour SMP")
    retype(drive, "staffPhone", "+44 113 496 0000")
    retype(drive, "staffTextNumber", "+44 7700 900999")
    retype(drive, "staffEmail", "desk@harbour.example")
    retype(drive, "staffWebsite", "harbour.example")
    retype(drive, "staffAddress", "1 Quay Road, Hull")
    retype(drive, "staffPrinter", "Front_Desk")
    retype(drive, "staffTimeout", "45")
    retype(drive, "staffDays_dry", "4")
    retype(drive, "staffDays_course.min-gap", "10")  # the treatment plan's numbers, each with its default shown
    assert read_property(drive.find("staffDays_course.touch-up-until"), "text") == "90"
    retype(drive, "staffDays_course.maintenance-years", "0")  # no refresh reminder
    retype(drive, "staffDays_all-clear", "x")  # not a number: named, nothing saved, everything typed kept
    drive.tap("staffSaveSettings")
    expected = "Saunas, pools and fake tan are fine: how many days after the final session: type a whole number"
    qtbot.waitUntil(lambda: drive.text("staffMessage").startswith(expected), timeout=5000)
    assert read_property(drive.find("staffClinicName"), "text") == "Harbour SMP"
    assert read_property(drive.find("staffDays_all-clear", visible=False), "text") == "x"
    assert read_property(drive.find("staffDays_all-clear", visible=False), "problem") is True  # its red border
    retype(drive, "staffDays_all-clear", "28")
    assert read_property(drive.find("staffDays_all-clear"), "problem") is False
    retype(drive, "staffSmtpHost", "smtp.harbour.example")
    retype(drive, "staffSmtpPort", "465")
    reveal(drive, "staffSmtpSecurity_ssl")
    drive.tap("staffSmtpSecurity_ssl")
    retype(drive, "staffSmtpUser", "desk")
    retype(drive, "staffSmtpPassword", "s3cret")
    assert "s3cret" not in read_property(drive.find("staffSmtpPassword"), "displayText")  # masked
    retype(drive, "staffSmtpSender", "nope")
    drive.tap("staffSaveSettings")
    qtbot.waitUntil(lambda: drive.text("staffMessage") == PROBLEMS["smtp.sender"], timeout=5000)
    retype(drive, "staffSmtpSender", "desk@harbour.example")
    retype(drive, "staffRetention", "30")
    reveal(drive, "staffLanguage_fr")
    for tag in OTHER_LANGUAGES:
        drive.tap(f"staffLanguage_{tag}")
    assert not read_property(drive.find("staffLanguage_en"), "enabled")  # the default language is always offered
    reveal(drive, "staffReceipt")
    drive.tap("staffReceipt")
    save(drive)

    settings = stored_settings(data_dir)
    assert settings == msgspec.structs.replace(
        settings,
        name="Harbour SMP",
        logo_path=str(logo),
        phone="+44 113 496 0000",
        text="+44 7700 900999",
        email="desk@harbour.example",
        website="harbour.example",
        address="1 Quay Road, Hull",
        printer="Front_Desk",
        languages=("en", "ar", "de"),  # in the order the kiosk ships them
        inactivity_timeout_s=45,
        day_counts={"dry": 4, "all-clear": 28, "course.min-gap": 10, "course.maintenance-years": 0},
        smtp=SmtpSettings("smtp.harbour.example", 465, "ssl", "desk", "s3cret", "desk@harbour.example"),
        receipt_required=True,
        retention_days=30,
    )
    assert kiosk.model.flow.receipt_required is True  # applied at once: the kiosk is between clients
    assert any("s3cret" in text for _, text in every_string(kiosk))
    drive.tap("staffBack")
    assert not any("s3cret" in text for _, text in every_string(kiosk))  # no hidden field keeps the password


@pytest.mark.slow
def test_a_bad_value_is_named_in_the_staff_members_language(qtbot: QtBot, kiosk: KioskApp) -> None:
    drive = Driver(qtbot, kiosk)
    drive.tap("language_de")
    open_settings(drive)
    retype(drive, "staffTimeout", "5000")
    drive.tap("staffSaveSettings")
    german = translations("de").gettext(PROBLEMS["inactivity_timeout_s"])
    assert german != PROBLEMS["inactivity_timeout_s"]
    qtbot.waitUntil(lambda: drive.text("staffMessage") == german, timeout=5000)
    assert read_property(drive.find("staffTimeout"), "text") == "5000"
    drive.tap("staffBack")


@pytest.mark.slow
def test_saved_settings_change_the_welcome_screen_languages_timeout_pdf_and_printer(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], pdf_printer: PdfPrinter
) -> None:
    kiosk = make_kiosk(inactivity=None)  # no timeout of the kiosk's own: the clinic setting decides
    drive = Driver(qtbot, kiosk)
    assert drive.has("language_fr") and read_property(kiosk.model, "inactivitySeconds") == 90
    open_settings(drive)
    retype(drive, "staffClinicName", "Harbour SMP")
    retype(drive, "staffPrinter", pdf_printer.name)
    retype(drive, "staffTimeout", "45")
    retype(drive, "staffDays_dry", "5")
    reveal(drive, "staffLanguage_fr")
    for tag in OTHER_LANGUAGES:
        drive.tap(f"staffLanguage_{tag}")
    save(drive)
    drive.tap("staffBack")

    assert "Welcome to Harbour SMP" in texts_shown(drive)
    assert [drive.has(f"language_{tag}") for tag in ("en", "de", "ar", "fr", "es")] == [True, True, True, False, False]
    idle_timer = kiosk.window.findChild(QObject, "idleTimer")
    assert idle_timer is not None and read_property(idle_timer, "interval") == 45_000

    check_in_with_print(drive, "done")  # the next client: their calendar, printed on the printer staff named
    [printed] = pdf_printer.printed()
    text = " ".join(pdf_text(printed).split())
    assert "Harbour SMP" in text
    # Five dry days (the protocol says three) from the session on Tuesday 24 November: the first light shower
    # moves to day 6, and normal life to day 9.
    assert "Sunday 29 November First light shower" in text and "From day 9" in text


@pytest.mark.slow
def test_clinic_smtp_settings_bring_email_to_the_next_client(
    qtbot: QtBot, kiosk: KioskApp, smtp_server: Callable[..., SmtpServer]
) -> None:
    server = smtp_server()
    drive = Driver(qtbot, kiosk)
    assert not read_property(kiosk.model.handover_bridge, "emailEnabled")
    open_settings(drive)
    retype(drive, "staffSmtpHost", "127.0.0.1")
    retype(drive, "staffSmtpPort", str(server.port))
    reveal(drive, "staffSmtpSecurity_none")
    drive.tap("staffSmtpSecurity_none")
    retype(drive, "staffSmtpSender", "desk@harbour.example")
    save(drive)
    drive.tap("staffBack")
    assert read_property(kiosk.model.handover_bridge, "emailEnabled")

    walk_to_handover(drive)  # the next client is offered email, sent through the clinic's server
    drive.tap("emailField")
    drive.type_keys("client@example.org")
    drive.tap("sendEmailButton")
    qtbot.waitUntil(lambda: read_property(kiosk.model.handover_bridge, "emailState") == "done", timeout=20_000)
    [envelope] = server.mailbox.envelopes
    assert envelope.mail_from == "desk@harbour.example" and envelope.rcpt_tos == ["client@example.org"]


def test_another_kiosks_change_waits_for_the_client_mid_flow(qtbot: QtBot, kiosk: KioskApp, data_dir: Path) -> None:
    drive = Driver(qtbot, kiosk)
    drive.tap("checkInButton")
    drive.wait_step("name")
    other = CheckInStore(data_dir=data_dir)  # another kiosk on the same database
    try:
        assert other.save_settings(msgspec.structs.replace(other.settings(), name="Changed Elsewhere"))
        with qtbot.waitSignal(kiosk.staff.bridge.settings_loaded, timeout=10_000):
            kiosk.staff.bridge.load_settings()
        qtbot.wait(50)
        assert read_property(kiosk.model, "clinicName") == "Northside Scalp Studio"  # mid-flow: unchanged

        kiosk.model.inactivityTimeout()  # the client walks away: the wipe brings the new name
        drive.wait_step("welcome")
        assert read_property(kiosk.model, "clinicName") == "Changed Elsewhere"

        assert other.save_settings(msgspec.structs.replace(other.settings(), name="Changed Again"))
    finally:
        other.close()
    assert kiosk.live.timer.isActive() and kiosk.live.timer.interval() == 3 * 60_000
    kiosk.live.timer.timeout.emit()  # what the timer does every three minutes while the welcome screen shows
    qtbot.waitUntil(lambda: read_property(kiosk.model, "clinicName") == "Changed Again", timeout=10_000)
    assert "Welcome to Changed Again" in texts_shown(drive)


@pytest.mark.slow
def test_csv_goes_to_a_plugged_in_drive_or_a_typed_folder(
    qtbot: QtBot,
    kiosk: KioskApp,
    data_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    media = tmp_path_factory.mktemp("media")
    stick = media / "staff" / "STICK"
    stick.mkdir(parents=True)
    monkeypatch.setattr(kiosk_config, "REMOVABLE_DRIVES", (str(media / "*" / "*"),))
    drive = Driver(qtbot, kiosk)
    check_in(drive)
    open_staff_screen(drive)
    drive.tap("staffTabExport")
    reveal(drive, "staffExportRescan")
    drive.tap("staffExportRescan")
    qtbot.waitUntil(lambda: drive.has("staffExportChoice1"), timeout=5000)
    assert drive.text("staffExportChoice1") == "Drive: STICK"
    drive.tap("staffExportChoice1")
    qtbot.waitUntil(lambda: str(stick) in drive.text("staffExportFolder"), timeout=5000)
    assert KioskConfig().export_dir() == stick
    reveal(drive, "staffExport")
    drive.tap("staffExport")
    qtbot.waitUntil(lambda: "check-ins written" in drive.text("staffMessage"), timeout=10_000)
    [written] = stick.glob("checkins-*.csv")
    assert "Zorabel" in written.read_text(encoding="utf-8")

    for typed, message in [
        ("/proc", "the kiosk cannot write to this folder"),
        (str(media / "gone"), "there is no folder at this path"),
        (str(written), "this path is a file, not a folder"),
    ]:
        retype(drive, "staffExportPath", typed)
        drive.tap("staffExportUse")
        qtbot.waitUntil(lambda expected=message: expected in drive.text("staffMessage"), timeout=5000)  # type: ignore[misc]
        assert KioskConfig().export_dir() == stick  # a folder that cannot be used is not kept
    retype(drive, "staffExportPath", str(media))
    drive.tap("staffExportUse")
    qtbot.waitUntil(lambda: drive.text("staffMessage") == f"CSV files now go to \u200e{media}\u200e", timeout=5000)
    reveal(drive, "staffExportChoice0")
    drive.tap("staffExportChoice0")  # back to this kiosk's own folder
    qtbot.waitUntil(lambda: KioskConfig().export_dir() == data_dir / "exports", timeout=5000)
    drive.tap("staffBack")


def inside(item: QQuickItem, ancestor: QQuickItem) -> bool:
    parent = item.parentItem()
    while parent is not None and parent is not ancestor:
        parent = parent.parentItem()
    return parent is ancestor


def check_staff_screen(drive: Driver, where: str) -> list[str]:
    """test_kiosk_layout's checks (48 px controls 8 px apart with accessible names, 20 px text) on what the staff
    screen shows (the kiosk's own screen lies under it)."""
    screen = drive.find("staffScreen")
    found = []
    for item in all_items(drive.window):
        if not inside(item, screen) or not shown(item) or not any(item.inherits(name) for name in CONTROL_CLASSES):
            continue
        if ignored(item) or not ours(item) or (item.parentItem() and item.parentItem().inherits("QQuickTextInput")):
            continue
        rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        if in_view(item, rect, drive.window.width(), drive.window.height()):
            found.append((item, rect))
    assert len(found) >= 5, f"{where}: the staff screen shows almost no controls"
    problems = []
    for index, (item, rect) in enumerate(found):
        label = f"{where}: {item.objectName() or type_name(item)}"
        if min(rect.width(), rect.height()) < 48:
            problems.append(f"{label} is {rect.width():.0f}x{rect.height():.0f} px")
        if not accessible_name(item).strip():
            problems.append(f"{label} has no accessible name")
        for other, other_rect in found[index + 1 :]:
            if gap(visible_rect(item, rect), visible_rect(other, other_rect)) < 8:
                problems.append(f"{label} and {other.objectName()} are closer than 8 px")
    for item in all_items(drive.window):
        if item.inherits("QQuickText") and shown(item) and ours(item) and inside(item, screen):
            size = read_property(item, "font").pixelSize()
            if read_property(item, "text") and 0 < size < 20:
                problems.append(f"{where}: text {read_property(item, 'text')!r} is {size} px")
    return problems


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (800, 1280)], ids=["landscape", "portrait"])
@pytest.mark.slow
def test_every_staff_page_is_made_for_touch_and_eyes(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], width: int, height: int
) -> None:
    kiosk = make_kiosk(width, height)
    drive = Driver(qtbot, kiosk)
    open_settings(drive)
    problems: list[str] = []
    for tab, flick in [
        ("staffTabCheckins", ""),
        ("staffTabSettings", "staffSettingsFlick"),
        ("staffTabExport", "staffExportFlick"),
        ("staffTabChain", ""),
    ]:
        drive.tap(tab)
        qtbot.wait(150)
        if not flick:
            problems += check_staff_screen(drive, tab)
            continue
        view = drive.find(flick)
        top, bottom = 0.0, max(0.0, read_property(view, "contentHeight") - view.height())
        while True:  # page through the whole scrolling page
            view.setProperty("contentY", top)
            qtbot.wait(60)
            problems += check_staff_screen(drive, f"{tab} at {top:.0f}")
            if top >= bottom:
                break
            top = min(bottom, top + view.height() / 2)
    assert problems == [], "\n".join(problems)
    drive.tap("staffBack")
