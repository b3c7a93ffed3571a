"""The kiosk in Arabic and Russian: every screen of the flow in the chosen language, mirrored for Arabic, grabbed.

Each screen is grabbed offscreen (set SMP_SCREENSHOT_DIR to keep the PNGs) and read back: no visible text may
still be an English source text that the catalog translates, and the layout mirrors right to left.
"""

from __future__ import annotations

import pytest

from kiosk.offscreen import use_offscreen

use_offscreen()

import datetime as dt  # noqa: E402 - the environment must be set before Qt loads
import os  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QEventLoop, QPointF, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402
from PySide6.QtQuick import QQuickItem, QQuickWindow  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from kiosk.core.clinic import load_clinic  # noqa: E402
from kiosk.core.kiosk_config import KioskConfig  # noqa: E402
from kiosk.i18n import translations  # noqa: E402
from kiosk.i18n.catalog import template_path  # noqa: E402
from kiosk.i18n.checks import load_catalog  # noqa: E402
from kiosk.ui.app import KioskApp, start  # noqa: E402

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="session")
def qapp_cls() -> type[QGuiApplication]:
    return QGuiApplication


@pytest.fixture
def kiosk(qapp: QGuiApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[KioskApp]:
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    app = start(load_clinic("demo"), KioskConfig(), windowed=True, today=TODAY, inactivity_seconds=3600)
    app.window.resize(1280, 800)
    QTest.qWaitForWindowExposed(app.window)
    yield app
    app.shutdown()
    settle(10)


def settle(msecs: int) -> None:
    """Let the screens update. (QTest.qWait never returns once the name field has the keyboard's focus.)"""
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool], msecs: int = 60_000) -> None:
    waited = 0
    while not condition() and waited < msecs:
        settle(50)
        waited += 50
    assert condition(), f"still waiting after {msecs} ms"


def visible_items(item: QQuickItem) -> Iterator[QQuickItem]:
    if not item.isVisible() or item.opacity() == 0:
        return
    yield item
    for child in item.childItems():
        yield from visible_items(child)


def shown_texts(window: QQuickWindow) -> set[str]:
    texts = set()
    for item in visible_items(window.contentItem()):
        value = item.property("text")
        if isinstance(value, str) and value.strip():
            texts.add(value)
    return texts


def named(window: QQuickWindow, name: str) -> QQuickItem:
    found = [item for item in visible_items(window.contentItem()) if item.objectName() == name]
    assert found, f"no visible item {name!r}"
    return found[0]


def centre_x(window: QQuickWindow, item: QQuickItem) -> float:
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).x() / window.width()


def english_only(language: str) -> set[str]:
    """Source texts the language's catalog translates into something else: they must not show."""
    _ = translations(language).gettext
    texts = set()
    for message in load_catalog(template_path()):
        if isinstance(message.id, str) and message.id and not message.context and _(message.id) != message.id:
            texts.add(message.id)
    return texts


def grab(kiosk: KioskApp, language: str, name: str, out: Path) -> QImage:
    settle(250)
    image = kiosk.window.grabWindow()
    image.save(str(out / f"kiosk-{language}-{name}.png"))
    return image


@pytest.mark.parametrize("language", ["ar", "ru"])
@pytest.mark.slow
def test_every_screen_speaks_the_language_and_arabic_mirrors(language: str, kiosk: KioskApp, tmp_path: Path) -> None:
    out = Path(os.environ.get("SMP_SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    model, window = kiosk.model, kiosk.window
    leftovers = english_only(language)
    _ = translations(language).gettext
    rtl = language == "ar"

    def walk() -> list[tuple[str, Callable[[], None]]]:
        def name() -> None:
            model.checkIn()
            model.setName("Sami", "")

        def session() -> None:
            model.next()
            model.setSessionNumber("1")

        def calendar() -> None:
            model.next()
            wait_for(lambda: model.flow.pdf.value == "ready")

        return [
            ("welcome", lambda: model.chooseLanguage(language)),
            ("name", name),
            ("session", session),
            ("before-care", model.next),
            ("hair", lambda: model.answerMoisturised(True)),
            ("review", lambda: model.chooseHair("buzz")),
            ("calendar", calendar),
            ("handover", model.next),
            ("finish", model.next),
        ]

    for name, action in walk():
        action()
        image = grab(kiosk, language, name, out)
        assert image.width() == window.width() and not image.isNull()
        english = shown_texts(window) & leftovers
        assert not english, f"{language} {name} screen still shows English: {sorted(english)}"
        if name == "welcome":
            assert named(window, "checkInButton").property("text") == _("Check in")
        if name == "finish" and rtl:  # left-to-right marks keep "+44 20 7946 0958" whole, not "0958 7946 20 44+"
            details = str(model.property("contactDetails"))
            assert "\u200e+44 20 7946 0958\u200e" in details
        if name in ("session", "finish"):
            # The way forward is at the reading end: left for Arabic, right for Russian.
            assert (centre_x(window, named(window, "nextButton")) < 0.5) == rtl
            assert (centre_x(window, named(window, "backButton")) > 0.5) == rtl
