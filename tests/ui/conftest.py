"""Driving the real kiosk offscreen: environment, a Qt-warning trap, and helpers to find, tap and type."""

from __future__ import annotations

import gc
import os

from kiosk.offscreen import use_offscreen

use_offscreen()
os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")

import datetime as dt  # noqa: E402 - the environment must be set before Qt loads
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QObject,
    QPointF,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent  # noqa: E402
from PySide6.QtQml import QQmlProperty  # noqa: E402
from PySide6.QtQuick import QQuickItem, QQuickWindow  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from kiosk.core.clinic import load_clinic  # noqa: E402
from kiosk.core.kiosk_config import KioskConfig  # noqa: E402
from kiosk.ui.app import KioskApp, start  # noqa: E402
from kiosk.ui.refcount_guard import protect_singletons  # noqa: E402

protect_singletons()  # PySide6 6.12.0 drops references to None/True/False: see kiosk/ui/refcount_guard.py

TODAY = dt.date(2026, 11, 24)
# Messages Qt's own modules print on a machine without a sound server or with the virtual keyboard's
# own QML; they say nothing about the kiosk. Everything else at warning level fails the test.
QT_NOISE_CATEGORIES = frozenset({"qt.multimedia.symbolsresolver", "qt.qml.propertyCache.append"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.ui)


@pytest.fixture(scope="session")
def qapp_cls() -> type[QGuiApplication]:
    return QGuiApplication


@pytest.fixture(autouse=True)
def fail_on_qt_warnings() -> Iterator[list[str]]:
    """Qt warnings and criticals (QML binding errors, missing properties...) fail the test that caused them."""
    problems: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        serious = kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        if serious and context.category not in QT_NOISE_CATEGORIES:
            problems.append(f"{context.category}: {message} ({context.file}:{context.line})")

    previous = qInstallMessageHandler(handler)
    yield problems
    qInstallMessageHandler(previous)
    if problems:
        pytest.fail("Qt warnings:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def make_kiosk(qapp: QGuiApplication, qtbot: QtBot, data_dir: Path) -> Iterator[Callable[..., KioskApp]]:
    started: list[KioskApp] = []

    def make(width: int = 1280, height: int = 800, inactivity: int | None = 600, warning: int = 30) -> KioskApp:
        # inactivity=None: the clinic setting (or kiosk.json) decides, as on a real kiosk
        kiosk = start(
            load_clinic("demo"),
            KioskConfig(),
            windowed=True,
            today=TODAY,
            inactivity_seconds=inactivity,
            warning_seconds=warning,
        )
        kiosk.window.resize(width, height)
        started.append(kiosk)
        qtbot.waitUntil(kiosk.window.isExposed)
        qtbot.wait(50)
        return kiosk

    yield make
    while started:
        started.pop(0).shutdown()
    gc.collect()  # the windows' reference cycles go here, on the GUI thread, not in the next test's worker
    qtbot.wait(10)


@pytest.fixture
def kiosk(make_kiosk: Callable[..., KioskApp]) -> KioskApp:
    return make_kiosk()


@pytest.fixture
def drive(qtbot: QtBot, kiosk: KioskApp) -> Driver:
    return Driver(qtbot, kiosk)


# ---------------------------------------------------------------- finding and tapping items
# Input is posted as events and delivered inside qtbot.wait() (an event loop that lets go of Python's lock).
# QTest.mouseClick/keyClicks/qWait keep the lock while Qt runs, and the virtual keyboard loads its QML on a
# loader thread that may need it: that deadlocks.


def items_of(root: QQuickItem, *, shown_only: bool = False, leave_out: tuple[str, ...] = ()) -> Iterator[QQuickItem]:
    """The item and all below it, parents before children, in order (a stack, not nested generators: those cost
    a step per level for every item, and the keyboard alone is hundreds of items deep in places). `shown_only`:
    a hidden item's subtree (as shown() says) is not walked; nor are the subtrees of items named in `leave_out`."""
    stack = [root]
    while stack:
        item = stack.pop()
        if shown_only and (not item.isVisible() or item.opacity() == 0):
            continue
        if item.objectName() in leave_out:
            continue
        yield item
        # PySide6 keeps the wrapper of a QML type's metaobject as long as the item it came from, even when QML
        # has freed that type; a new item at the same address then comes back as that stale wrapper. Such an
        # entry is not an item of the screen: skip it (and see type_name() for how the tests avoid making them).
        stack.extend(child for child in reversed(item.childItems()) if isinstance(child, QQuickItem))


def shown_items(root: QQuickItem, *, leave_out: tuple[str, ...] = ()) -> Iterator[QQuickItem]:
    """The items on show at and below `root`; hidden subtrees and those named in `leave_out` are not walked."""
    return items_of(root, shown_only=True, leave_out=leave_out)


def all_items(window: QQuickWindow) -> Iterator[QQuickItem]:
    return items_of(window.contentItem())


def type_name(obj: QObject) -> str:
    """The object's C++ class for messages, without metaObject() (whose wrapper outlives QML types)."""
    return type(obj).__name__


def has_properties(obj: QObject, *names: str) -> bool:
    """Whether the object has these (QML) properties, without metaObject()."""
    return all(QQmlProperty(obj, name).isValid() for name in names)


def shown(item: QQuickItem | None) -> bool:
    while item is not None:
        if not item.isVisible() or item.opacity() == 0:
            return False
        item = item.parentItem()
    return True


def read_property(obj: QObject, name: str) -> Any:
    """A QML property's value (typed Any: it is whatever the QML says)."""
    return obj.property(name)


class Driver:
    """Finds items by objectName and taps and types like a client would."""

    def __init__(self, qtbot: QtBot, kiosk: KioskApp) -> None:
        self.qtbot = qtbot
        self.kiosk = kiosk
        self.window = kiosk.window

    def find(self, name: str, *, visible: bool = True) -> QQuickItem:
        items = shown_items(self.window.contentItem()) if visible else all_items(self.window)
        match = next((item for item in items if item.objectName() == name), None)
        assert match is not None, f"no {'visible ' if visible else ''}item named {name!r}"
        return match

    def has(self, name: str) -> bool:
        return any(item.objectName() == name for item in shown_items(self.window.contentItem()))

    def text(self, name: str) -> str:
        return str(read_property(self.find(name), "text"))

    def centre(self, item: QQuickItem) -> QPointF:
        return item.mapToScene(QPointF(item.width() / 2, item.height() / 2))

    def mouse(self, kind: QEvent.Type, point: QPointF, *, held: bool = False) -> None:
        """One mouse event; `held`: a move with the button down (a drag)."""
        pressed = kind == QEvent.Type.MouseButtonPress or held
        buttons = Qt.MouseButton.LeftButton if pressed else Qt.MouseButton.NoButton
        # As a real mouse: a move names no button of its own (only the buttons held). With LeftButton on its
        # moves, a drag went nowhere once a MouseArea above (DisabledHints) had let the press through.
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        event = QMouseEvent(
            kind,
            point,
            point,
            self.window.mapToGlobal(point),
            button,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QCoreApplication.postEvent(self.window, event)

    def drag(self, path: list[QPointF]) -> None:
        """Press at the first point, move through the rest with the button held, release at the last."""
        self.mouse(QEvent.Type.MouseButtonPress, path[0])
        self.qtbot.wait(20)
        for point in path[1:]:
            self.mouse(QEvent.Type.MouseMove, point, held=True)
            self.qtbot.wait(10)
        self.mouse(QEvent.Type.MouseButtonRelease, path[-1])
        self.qtbot.wait(50)

    def scroll_to(self, item: QQuickItem) -> None:
        """Scroll the page (or any view that scrolls) until the item is inside it, as a client would."""
        parent = item.parentItem()
        while parent is not None:
            if parent.inherits("QQuickFlickable"):
                top = item.mapToItem(parent.property("contentItem"), QPointF(0, 0)).y()
                content_y = float(read_property(parent, "contentY"))
                limit = max(0.0, float(read_property(parent, "contentHeight")) - parent.height())
                if top < content_y or top + item.height() > content_y + parent.height():
                    wanted = top - max(0.0, (parent.height() - item.height()) / 2)
                    parent.setProperty("contentY", min(max(0.0, wanted), limit))
                    self.qtbot.wait(30)
            parent = parent.parentItem()

    def tap_item(self, item: QQuickItem) -> None:
        assert shown(item), f"{item.objectName()} is not visible"
        assert item.isEnabled(), f"{item.objectName()} is disabled"
        self.scroll_to(item)
        point = self.centre(item)
        inside = 0 <= point.x() < self.window.width() and 0 <= point.y() < self.window.height()
        assert inside, f"{item.objectName()} is off screen at {point}"
        parent = item.parentItem()
        while parent is not None:  # scrolled out of a clipped view, or under the footer
            if parent.clip():
                local = parent.mapFromScene(point)
                assert 0 <= local.x() < parent.width() and 0 <= local.y() < parent.height(), (
                    f"{item.objectName()} is hidden outside {parent.objectName() or type_name(parent)}"
                )
            parent = parent.parentItem()
        self.mouse(QEvent.Type.MouseButtonPress, point)
        self.mouse(QEvent.Type.MouseButtonRelease, point)
        self.qtbot.wait(30)

    def tap(self, name: str) -> None:
        self.qtbot.wait(20)  # let layouts settle: an item that just appeared may not be in place yet
        self.tap_item(self.find(name))

    def hold(self, name: str, msecs: int) -> None:
        point = self.find(name).mapToScene(QPointF(20, 20))
        self.mouse(QEvent.Type.MouseButtonPress, point)
        self.qtbot.wait(msecs)
        self.mouse(QEvent.Type.MouseButtonRelease, point)
        self.qtbot.wait(30)

    def next_frame(self, frames: int = 2) -> None:
        """Let the window draw: posted events are handled, then layouts are polished and painted, so what a test
        reads next is what is on screen (a frame or two, not a fixed time)."""
        for _ in range(frames):
            with self.qtbot.waitSignal(self.window.frameSwapped, timeout=5000):
                self.window.update()

    def open_pin_pad(self) -> None:
        """Hold a finger on the staff corner until the PIN pad shows (it fires at 3 s), then lift it."""
        point = self.find("staffCorner").mapToScene(QPointF(20, 20))
        self.mouse(QEvent.Type.MouseButtonPress, point)
        self.qtbot.waitUntil(lambda: self.has("pinKey2"), timeout=8000)
        self.mouse(QEvent.Type.MouseButtonRelease, point)
        self.qtbot.wait(30)

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.postEvent(self.window, QKeyEvent(kind, key, modifiers, text))
        self.qtbot.wait(10)

    def type_keys(self, text: str) -> None:
        """Typing on a hardware keyboard: one key press and release per character."""
        for char in text:
            key = Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
            shift = Qt.KeyboardModifier.ShiftModifier if char.isupper() else Qt.KeyboardModifier.NoModifier
            self.key(key, shift, char)

    def wait_step(self, step: str, timeout: int = 20_000) -> None:
        self.qtbot.waitUntil(lambda: read_property(self.kiosk.model, "step") == step, timeout=timeout)
        self.qtbot.wait(30)  # let the loader show the new screen

    def walk_to_calendar(self, first: str, last: str = "", *, moisturised: bool = True, hair: str = "buzz") -> None:
        """A client's way from the welcome screen to their calendar, ready on screen, by touch and keys."""
        self.tap("checkInButton")
        self.wait_step("name")
        self.type_keys(first)
        if last:
            self.tap("lastNameField")
            self.type_keys(last)
        self.tap("nextButton")
        self.wait_step("session")
        self.tap("nextButton")
        self.wait_step("before-care")
        self.tap("moisturisedYes" if moisturised else "moisturisedNo")
        if not moisturised:  # "Not yet" stays on its page with a kind next step
            self.tap("nextButton")
        self.tap(f"hair_{hair}")
        while read_property(self.kiosk.model, "step") == "before-care":
            self.tap("nextButton")
        self.wait_step("review")
        self.tap("nextButton")  # Make my calendar
        self.wait_step("calendar")
        self.qtbot.waitUntil(lambda: read_property(self.kiosk.model, "pdfStatus") == "ready", timeout=30_000)
