"""The on-screen keyboard follows Larger text (taller keys, bigger letters) and High contrast (white letters on
black keys, the keys set apart from the keyboard), both orientations; switched off, it looks as before."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor, QFont
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from tests.ui.conftest import Driver, items_of, read_property, shown
from tests.ui.test_disabled_buttons import contrast
from tests.ui.test_kiosk_flow import keyboard_key


def label_of(key: QQuickItem) -> QQuickItem:
    """The Text the key's panel draws its letter with."""
    letter = str(read_property(key, "text")).lower()
    labels = [
        item
        for item in items_of(key)
        if item.inherits("QQuickText") and str(read_property(item, "text")).lower() == letter and shown(item)
    ]
    assert labels, f"no label on the {letter!r} key"
    return labels[0]


def look(drive: Driver) -> tuple[float, int, QColor]:
    """The q key's height, its letter's pixel size and colour."""
    drive.qtbot.wait(300)
    key = keyboard_key(drive, "q")
    label = label_of(key)
    font = QFont(read_property(label, "font"))
    size = font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 96 / 72)
    return key.height(), size, QColor(read_property(label, "color"))


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)], ids=["landscape", "portrait"])
def test_the_keyboard_follows_larger_text_and_high_contrast(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(*size)
    drive = Driver(qtbot, kiosk)
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.tap("firstNameField")
    qtbot.waitUntil(lambda: shown(drive.find("inputPanel", visible=False)), timeout=5000)
    panel = drive.find("inputPanel")
    style = read_property(panel, "keyStyle")
    height, letter, _colour = look(drive)
    ordinary = QColor(read_property(style, "keyboardBackgroundColor"))

    kiosk.model.setProperty("largeText", True)
    large_height, large_letter, _colour = look(drive)
    assert large_height >= 1.15 * height, (height, large_height)  # taller keys
    assert large_letter >= 1.15 * letter, (letter, large_letter)  # bigger letters
    assert panel.height() <= 0.46 * size[1]  # and the page keeps most of the screen

    kiosk.model.setProperty("highContrast", True)
    _height, _letter, colour = look(drive)
    key_colour = QColor(read_property(style, "normalKeyBackgroundColor"))
    assert colour == QColor(read_property(style, "keyTextColor"))  # the letter drawn is the style's
    assert contrast(colour, key_colour) >= 7, (colour.name(), key_colour.name())
    board = QColor(read_property(style, "keyboardBackgroundColor"))
    assert contrast(key_colour, board) >= 3, (key_colour.name(), board.name())  # each key stands out

    kiosk.model.setProperty("highContrast", False)
    kiosk.model.setProperty("largeText", False)
    back_height, back_letter, _colour = look(drive)
    assert (back_height, back_letter) == (height, letter)
    assert QColor(read_property(style, "keyboardBackgroundColor")) == ordinary


def in_view(drive: Driver) -> bool:
    """The field with the focus lies wholly inside the page's visible part (above the keyboard)."""
    drive.qtbot.wait(100)
    field = drive.window.activeFocusItem()
    scroller = drive.find("pageScroller")
    top = field.mapToItem(scroller, 0, 0).y()
    return top >= 0 and top + field.height() <= scroller.height() + 0.5


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_field_typed_in_stays_in_view_when_the_text_grows(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], size: tuple[int, int], language: str
) -> None:
    kiosk = make_kiosk(*size)
    drive = Driver(qtbot, kiosk)
    drive.tap(f"language_{language}")
    drive.tap("checkInButton")
    drive.wait_step("name")
    for field in ("firstNameField", "lastNameField"):
        drive.tap(field)
        qtbot.waitUntil(lambda: shown(drive.find("inputPanel", visible=False)), timeout=5000)
        assert in_view(drive), field
        kiosk.model.setProperty("largeText", True)  # the keyboard and the words grow under the client's finger
        qtbot.waitUntil(lambda: in_view(drive), timeout=2000)
        kiosk.model.setProperty("largeText", False)
        qtbot.waitUntil(lambda: in_view(drive), timeout=2000)
