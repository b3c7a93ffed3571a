"""The header: the clinic's name is never cut (no word broken or left out), in any language, larger text or not,
landscape and portrait; the accessibility toolbar makes room by going under the name, and a hidden read-aloud
row takes no room."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF
from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from tests.ui.conftest import Driver, read_property

LANGUAGES = ("en", "es", "fr", "de", "it", "pt_BR", "nl", "pl", "tr", "ru", "ar", "he")


@pytest.mark.parametrize("size", [(800, 1280), (1280, 800)], ids=["portrait", "landscape"])
def test_the_clinic_name_is_never_cut(qtbot: QtBot, make_kiosk: Callable[..., KioskApp], size: tuple[int, int]) -> None:
    kiosk = make_kiosk(*size)
    drive = Driver(qtbot, kiosk)
    kiosk.model.checkIn()  # the step dots show too
    for large in (False, True):
        kiosk.model.setProperty("largeText", large)
        for language in LANGUAGES:
            kiosk.model.chooseLanguage(language)
            qtbot.wait(30)
            name = drive.find("headerClinicName")
            text = str(read_property(name, "text"))
            metrics = QFontMetricsF(QFont(read_property(name, "font")))
            look = f"{language} {'larger' if large else 'normal'} {size}"
            for word in text.split():
                assert metrics.horizontalAdvance(word) <= name.width() + 0.5, f"{look}: '{word}' is broken"
            assert not read_property(name, "truncated"), look
            toolbar = drive.find("accessToolbar")
            right = toolbar.mapToScene(QPointF(toolbar.width(), toolbar.height()))
            assert right.x() <= size[0] and toolbar.mapToScene(QPointF(0, 0)).x() >= 0, f"{look}: toolbar off screen"


def test_a_hidden_read_aloud_row_takes_no_room(qtbot: QtBot, kiosk: KioskApp) -> None:
    drive = Driver(qtbot, kiosk)
    toolbar = drive.find("accessToolbar")
    assert not read_property(kiosk.model.speech, "offered")  # no voice for this test's language: no speech row
    toolbar.setProperty("room", float(read_property(toolbar, "togglesWidth")) + 1)
    assert not read_property(toolbar, "narrow")  # the two switches fit: one line
    toolbar.setProperty("room", float(read_property(toolbar, "togglesWidth")) - 1)
    assert read_property(toolbar, "narrow")


def test_the_staff_screen_title_is_never_cut(qtbot: QtBot, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(800, 1280)
    drive = Driver(qtbot, kiosk)
    kiosk.model.chooseLanguage("ar")
    kiosk.model.setProperty("largeText", True)
    drive.open_pin_pad()
    for digit in "2468":
        drive.tap(f"pinKey{digit}")
    drive.tap("pinOk")
    qtbot.waitUntil(lambda: drive.has("staffScreen"), timeout=5000)
    qtbot.wait(100)
    title = drive.find("staffTitle")
    metrics = QFontMetricsF(QFont(read_property(title, "font")))
    for word in str(read_property(title, "text")).split():
        assert metrics.horizontalAdvance(word) <= title.width() + 0.5, f"'{word}' is broken"
