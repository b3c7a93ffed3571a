"""Greyed-out buttons, on the client screens, the PIN pad and the staff screen alike: their words stay readable
(at least 4.5:1 against the button, normal and high contrast), and a tap on one says, in a few words, why."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from tests.ui.conftest import Driver, all_items, has_properties, read_property, shown
from tests.ui.test_staff_screen import type_pin


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def greyed_out(drive: Driver) -> list[QQuickItem]:
    """Every shown button that is greyed out (a BigButton, a ChoiceButton: they carry a `disabledReason`)."""
    return [
        item
        for item in all_items(drive.window)
        if has_properties(item, "disabledReason") and shown(item) and not item.isEnabled()
    ]


def check_greyed_out(drive: Driver, where: str) -> list[str]:
    """Each greyed-out button has a reason and, where it is a BigButton, readable words; their names."""
    names = []
    for contrasted in (False, True):
        drive.kiosk.model.setProperty("highContrast", contrasted)
        drive.qtbot.wait(50)
        for item in greyed_out(drive):
            name = item.objectName() or where
            names.append(name)
            assert str(read_property(item, "disabledReason")), f"{where}: {name} gives no reason"
            if has_properties(item, "primary"):  # a BigButton: its label on its background
                words = QColor(read_property(read_property(item, "contentItem"), "color"))
                ground = QColor(read_property(read_property(item, "background"), "color"))
                ratio = contrast(words, ground)
                assert ratio >= 4.5, f"{where}, high contrast {contrasted}: {name} words at {ratio:.1f}:1"
    drive.kiosk.model.setProperty("highContrast", False)
    return names


def tap_greyed_out(drive: Driver, name: str) -> None:
    item = drive.find(name)
    assert not item.isEnabled(), f"{name} is not greyed out"
    drive.scroll_to(item)
    point = drive.centre(item)
    drive.mouse(QEvent.Type.MouseButtonPress, point)
    drive.mouse(QEvent.Type.MouseButtonRelease, point)
    drive.qtbot.wait(50)


def test_a_greyed_out_next_says_why_on_a_client_screen(qtbot: QtBot, kiosk: KioskApp) -> None:
    drive = Driver(qtbot, kiosk)
    drive.tap("checkInButton")
    drive.wait_step("name")
    kiosk.model.setName("Amira", "")
    kiosk.model.next()
    kiosk.model.next()
    drive.wait_step("before-care")
    assert "nextButton" in check_greyed_out(drive, "before-care screen")
    tap_greyed_out(drive, "nextButton")  # no answer yet
    qtbot.waitUntil(lambda: drive.text("problemText") == "Please choose an answer first.", timeout=3000)


def test_every_greyed_out_button_on_the_pin_pad_and_the_staff_screen_says_why(qtbot: QtBot, kiosk: KioskApp) -> None:
    drive = Driver(qtbot, kiosk)
    drive.open_pin_pad()
    assert "pinOk" in check_greyed_out(drive, "PIN pad")
    tap_greyed_out(drive, "pinOk")  # no digits yet
    qtbot.waitUntil(lambda: drive.has("disabledHint"), timeout=3000)
    assert drive.text("disabledHintText") == "Type at least 4 digits."
    hint, button = drive.find("disabledHint"), drive.find("pinOk")
    bottom = hint.mapToScene(QPointF(0, hint.height())).y()
    assert bottom <= button.mapToScene(QPointF(0, 0)).y()  # over the button, not hiding it
    type_pin(drive, "2468")  # an enabled button is tapped as ever
    qtbot.waitUntil(lambda: drive.has("staffScreen"), timeout=5000)

    seen = []
    for tab in ("staffTabCheckins", "staffTabSettings", "staffTabExport", "staffTabChain"):
        drive.tap(tab)
        qtbot.wait(200)
        seen += check_greyed_out(drive, tab)
    assert "staffOwnerOpen" in seen and any(name.startswith("staffLanguage_") for name in seen)
    tap_greyed_out(drive, "staffOwnerOpen")  # no owner PIN typed
    qtbot.waitUntil(lambda: drive.text("disabledHintText") == "Type the owner PIN first.", timeout=3000)
    qtbot.wait(3000)
    assert drive.has("disabledHint")  # long enough to read
    qtbot.waitUntil(lambda: not drive.has("disabledHint"), timeout=6000)  # then it goes
