"""The whole check-in by touch, offscreen: every screen, typing on keys and on the on-screen keyboard, the
calendar preview, back keeping answers, and no trace of the client after Finish or after walking away."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.documents.pdf import cached_text_count
from kiosk.ui.app import KioskApp
from tests.ui.conftest import Driver, all_items, has_properties, items_of, read_property, shown

FIRST, LAST = "Amira", "haddad"


# ---------------------------------------------------------------- helpers


def keyboard_key(drive: Driver, char: str) -> QQuickItem:
    """A key of the Qt Virtual Keyboard (InputPanel) showing `char`."""
    for item in items_of(drive.find("inputPanel")):
        is_key = has_properties(item, "key", "text")
        if is_key and shown(item) and str(read_property(item, "text")) == char and item.width() > 0:
            return item
    raise AssertionError(f"no on-screen key {char!r}")


def type_on_keyboard(drive: Driver, text: str) -> None:
    drive.qtbot.waitUntil(lambda: shown(drive.find("inputPanel", visible=False)), timeout=5000)
    drive.qtbot.wait(400)  # the panel slides in
    for char in text:
        drive.tap_item(keyboard_key(drive, char))


def strings_in(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


def text_of(name: object) -> str:
    return bytes(name).decode() if isinstance(name, bytes | bytearray | memoryview) else str(name)


def every_string(kiosk: KioskApp) -> Iterator[tuple[str, str]]:
    """Every string property of every object in the QML tree and of the model: (where, value)."""
    objects: list[QObject] = [kiosk.model, *kiosk.model.findChildren(QObject), kiosk.window]  # with its bridges
    for item in all_items(kiosk.window):
        objects.append(item)
        objects.extend(item.findChildren(QObject))
    seen: set[int] = set()
    for obj in objects:
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        meta = obj.metaObject()
        for index in range(meta.propertyCount()):
            prop = meta.property(index)
            type_name, name = text_of(prop.typeName()), text_of(prop.name())
            if type_name not in ("QString", "QVariantList", "QVariantMap", "QVariant", "QStringList", "QUrl"):
                continue
            value = read_property(obj, name)
            if type_name == "QUrl":
                value = value.toString()
            for text in strings_in(value):
                yield f"{meta.className()}.{name}", text


def assert_no_trace(kiosk: KioskApp) -> None:
    found = [(where, text) for where, text in every_string(kiosk) if FIRST.lower() in text.lower()]
    found += [(where, text) for where, text in every_string(kiosk) if LAST.lower() in text.lower()]
    assert found == []
    assert kiosk.model.pdf is None and kiosk.model.images.pages == ()
    assert cached_text_count() == 0  # the PDF's cached lines held the name


# ---------------------------------------------------------------- tests


def test_the_whole_check_in_by_touch(drive: Driver) -> None:
    kiosk, model, qtbot = drive.kiosk, drive.kiosk.model, drive.qtbot
    assert read_property(model, "step") == "welcome" and read_property(model, "language") == "en"

    drive.tap("language_de")
    assert read_property(model, "language") == "de"
    drive.tap("language_en")
    drive.tap("checkInButton")
    drive.wait_step("name")

    # the first name with key events, the last name on the on-screen keyboard
    qtbot.waitUntil(lambda: drive.find("firstNameField").hasActiveFocus())
    drive.type_keys(FIRST)
    assert read_property(model, "firstName") == FIRST
    drive.tap("lastNameField")
    type_on_keyboard(drive, LAST)  # the keyboard starts a name with a capital letter
    assert read_property(model, "lastName") == LAST.capitalize()
    assert drive.text("lastNameField") == LAST.capitalize()

    drive.tap("nextButton")
    drive.wait_step("session")
    assert read_property(model, "sessionDate") == "2026-11-24"
    drive.tap("session_2")
    assert read_property(model, "sessionNumber") == "2"
    drive.tap("sessionDateDayUp")
    assert read_property(model, "sessionDate") == "2026-11-25"
    drive.tap("sessionTodayButton")
    assert read_property(model, "sessionDate") == "2026-11-24"
    drive.tap("addPlannedButton")
    drive.tap("plannedDateMonthUp")
    drive.tap("confirmPlannedButton")
    assert [d["iso"] for d in read_property(model, "plannedDates")] == ["2027-01-22"]

    drive.tap("nextButton")
    drive.wait_step("before-care")
    assert read_property(model, "carePage")["kind"] == "moisturised"
    assert "moisturiser" in str(read_property(drive.find("careText"), "text"))
    assert not drive.find("nextButton").isEnabled()  # a question waits for its answer
    drive.tap("moisturisedYes")
    assert read_property(model, "carePage")["kind"] == "hair"
    drive.tap("hair_long")
    drive.wait_step("review")
    assert read_property(model, "hair") == "long"
    assert drive.text("review_name") == f"{FIRST} {LAST.capitalize()}"
    assert "Second session" in drive.text("review_session") and "22 January 2027" in drive.text("review_session")
    assert drive.text("review_moisturised") == "Yes, I did" and drive.text("review_hair") == "Keeping my length"
    assert drive.has("careNoteTitle")  # the note to read (take a deep breath) comes with the review
    assert read_property(drive.find("nextButton"), "text") == "Make my calendar"

    drive.tap("nextButton")
    drive.wait_step("calendar")
    qtbot.waitUntil(lambda: read_property(model, "pdfStatus") == "ready", timeout=30_000)
    page = drive.find("calendarPage0")
    qtbot.waitUntil(lambda: read_property(page, "sourceSize").width() > 1000)  # the rendered page arrived
    assert read_property(model, "pageCount") >= 1 and model.pdf is not None and model.pdf.startswith(b"%PDF")
    width = page.width()
    drive.tap("zoomInButton")
    assert drive.find("calendarPage0").width() > width * 1.4

    drive.tap("nextButton")
    drive.wait_step("handover")
    assert drive.find("printButton").isEnabled() and drive.has("qrCode0")
    drive.tap("nextButton")
    drive.wait_step("finish")
    assert FIRST in str(read_property(drive.find("thanksText"), "text"))
    assert any(FIRST in text for _, text in every_string(kiosk))  # the walk below would see the name
    drive.tap("nextButton")
    drive.wait_step("welcome")
    assert_no_trace(kiosk)
    assert (
        read_property(model, "language") == "en"
        and read_property(model, "sessionNumber") == "1"
        and read_property(model, "plannedDates") == []
    )


def test_back_loses_nothing(drive: Driver) -> None:
    model = drive.kiosk.model
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.type_keys(FIRST)
    drive.tap("lastNameField")
    drive.type_keys(LAST)
    drive.tap("nextButton")
    drive.wait_step("session")
    drive.tap("session_touch-up")
    drive.tap("nextButton")
    drive.wait_step("before-care")
    drive.tap("moisturisedNo")  # "Not yet" stays on its page with a kind next step
    assert "member of staff" in drive.text("careAdviceText") and drive.has("adviceHelpButton")
    drive.tap("nextButton")
    assert read_property(model, "carePage")["kind"] == "hair"
    drive.tap("backButton")
    assert (
        read_property(model, "moisturised") == "no" and read_property(drive.find("moisturisedNo"), "selected") is True
    )
    drive.tap("backButton")
    drive.wait_step("session")
    assert read_property(drive.find("session_touch-up"), "selected") is True
    drive.tap("backButton")
    drive.wait_step("name")
    assert drive.text("firstNameField") == FIRST
    assert drive.text("lastNameField") == LAST


def test_a_first_name_is_needed(drive: Driver) -> None:
    kiosk = drive.kiosk
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.tap("nextButton")
    assert read_property(kiosk.model, "step") == "name"
    assert read_property(drive.find("problemText"), "text") == "Please type your first name."


@pytest.mark.slow
def test_walking_away_wipes_everything(qtbot: QtBot, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(inactivity=1, warning=2)
    drive, model = Driver(qtbot, kiosk), kiosk.model
    drive.walk_to_calendar(FIRST)
    qtbot.waitUntil(lambda: drive.has("stillHereButton"), timeout=5000)
    drive.tap("stillHereButton")
    assert (
        not read_property(model, "warning")
        and read_property(model, "step") == "calendar"
        and read_property(model, "firstName") == FIRST
    )
    qtbot.waitUntil(lambda: drive.has("stillHereButton"), timeout=5000)
    drive.wait_step("welcome", timeout=6000)
    assert not drive.has("stillHereButton")
    assert_no_trace(kiosk)


def test_changing_the_language_and_walking_away_comes_back_in_the_default(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp]
) -> None:
    kiosk = make_kiosk(inactivity=1, warning=2)
    drive = Driver(qtbot, kiosk)
    drive.tap("language_ar")
    assert read_property(kiosk.model, "rtl")
    qtbot.waitUntil(lambda: read_property(kiosk.model, "language") == "en", timeout=5000)
    assert not read_property(kiosk.model, "rtl")


def test_escape_keys_and_closing_do_nothing(drive: Driver) -> None:
    kiosk = drive.kiosk
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.type_keys(FIRST)
    for key, modifier in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    ):
        drive.key(key, modifier)
    kiosk.window.close()
    drive.qtbot.wait(50)
    assert kiosk.window.isVisible()
    assert read_property(kiosk.model, "step") == "name" and read_property(kiosk.model, "firstName") == FIRST


def type_pin(drive: Driver, pin: str) -> None:
    for digit in pin:
        drive.tap(f"pinKey{digit}")
    drive.tap("pinOk")


def test_a_short_press_in_the_corner_opens_nothing(drive: Driver) -> None:
    drive.hold("staffCorner", 500)
    assert not drive.has("pinPad")


@pytest.mark.slow
def test_the_demo_pin_unlocks_the_kiosk(drive: Driver) -> None:
    drive.open_pin_pad()
    assert drive.has("pinPad")
    type_pin(drive, "2468")
    drive.qtbot.waitUntil(lambda: drive.has("staffScreen"), timeout=5000)  # the staff screen, not an exit yet
    assert not read_property(drive.kiosk.model.lock, "exitAllowed") and not drive.has("pinPad")
    with drive.qtbot.waitSignal(drive.kiosk.model.lock.exitRequested, timeout=5000):
        drive.tap("staffExit")
    assert read_property(drive.kiosk.model.lock, "exitAllowed")
    drive.qtbot.waitUntil(lambda: not drive.kiosk.window.isVisible())


@pytest.mark.slow
def test_five_wrong_pins_lock_the_pad_even_after_a_restart(qtbot: QtBot, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk()
    drive = Driver(qtbot, kiosk)
    drive.open_pin_pad()
    for _ in range(4):
        type_pin(drive, "1111")
    assert "1 try left" in drive.text("pinMessage")
    type_pin(drive, "1111")
    assert "locked" in drive.text("pinMessage")
    type_pin(drive, "2468")  # the right PIN, but the pad is locked
    assert not read_property(kiosk.model.lock, "exitAllowed") and kiosk.window.isVisible()
    drive.tap("pinCancel")
    kiosk.shutdown()

    restarted = make_kiosk()
    assert read_property(restarted.model.lock, "pinLocked")
    drive = Driver(qtbot, restarted)
    drive.open_pin_pad()
    type_pin(drive, "2468")
    assert not read_property(restarted.model.lock, "exitAllowed") and restarted.window.isVisible()
