"""Touch and eyes on every screen, landscape (1280x800) and portrait (800x1280): controls of 48 px or more, 8 px
apart, on screen, each with an accessible name; body text of 20 px or more; the access switches everywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, QRectF
from PySide6.QtQml import QQmlEngine
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from tests.ui.conftest import TODAY, Driver, all_items, read_property, shown

CONTROL_CLASSES = ("QQuickAbstractButton", "QQuickTextInput", "QQuickMouseArea")


def screens(kiosk: KioskApp) -> Iterator[str]:
    """Walk through every screen (through the model, as the buttons do) and yield each one's name."""
    model = kiosk.model
    yield "welcome"
    model.checkIn()
    model.setName("Sam", "")
    yield "name"
    model.next()
    model.addPlannedDate((TODAY + dt.timedelta(weeks=3)).isoformat())
    yield "session"
    model.next()
    yield "before-care 1"
    model.answerMoisturised(True)
    yield "before-care 2"
    model.chooseHair("long")
    yield "before-care 3"
    model.next()
    yield "calendar"
    model.next()
    yield "handover"
    model.next()
    yield "finish"
    model.inactivityWarning()
    yield "inactivity warning"


def in_view(item: QQuickItem, rect: QRectF, window_width: int, window_height: int) -> bool:
    """Whether the item's centre is on screen and not scrolled out of a clipped view."""
    centre = rect.center()
    if not (0 <= centre.x() < window_width and 0 <= centre.y() < window_height):
        return False
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            local = parent.mapFromScene(centre)
            if not (0 <= local.x() < parent.width() and 0 <= local.y() < parent.height()):
                return False
        parent = parent.parentItem()
    return True


def in_keyboard(item: QQuickItem) -> bool:
    """Whether the item belongs to the Qt Virtual Keyboard (its own style, not ours). Asked of each item as it
    is walked: Python ids of the short-lived wrappers are reused, so a set of ids would skip real controls."""
    ancestor: QQuickItem | None = item
    while ancestor is not None:
        name = ancestor.metaObject().className()
        context = QQmlEngine.contextForObject(ancestor)
        source = context.baseUrl().toString() if context is not None else ""
        if ancestor.objectName() == "inputPanel" or "Keyboard" in name or "VirtualKeyboard" in source:
            return True
        ancestor = ancestor.parentItem()
    return False


def visible_rect(item: QQuickItem, rect: QRectF) -> QRectF:
    """The part of `rect` not cut off by a clipping ancestor (a scrolled view)."""
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            rect = rect.intersected(parent.mapRectToScene(QRectF(0, 0, parent.width(), parent.height())))
        parent = parent.parentItem()
    return rect


def controls(drive: Driver) -> list[tuple[QQuickItem, QRectF]]:
    found = []
    for item in all_items(drive.window):
        if not shown(item) or not any(item.inherits(name) for name in CONTROL_CLASSES) or in_keyboard(item):
            continue
        if item.parentItem() is not None and item.parentItem().inherits("QQuickTextInput"):
            continue
        rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        if ignored(item) or not ours(item):
            continue
        if in_view(item, rect, drive.window.width(), drive.window.height()):
            found.append((item, rect))
    return found


def ours(item: QQuickItem) -> bool:
    """Whether the item was written in our QML module (the virtual keyboard's own style is Qt's)."""
    context = QQmlEngine.contextForObject(item)
    return context is not None and "/qml/Kiosk/" in context.baseUrl().toString()


def accessible(item: QQuickItem) -> QObject | None:
    """The Accessible attached object QML gives the item, if the QML set any Accessible property."""
    for child in item.children():
        if child.metaObject().className() == "QQuickAccessibleAttached":
            return child
    return None


def accessible_name(item: QQuickItem) -> str:
    attached = accessible(item)
    return str(read_property(attached, "name") or "") if attached is not None else ""


def ignored(item: QQuickItem) -> bool:
    """Left out of the accessibility tree on purpose (a modal blocker, a tap-to-dismiss background)."""
    attached = accessible(item)
    return attached is not None and bool(read_property(attached, "ignored"))


def gap(a: QRectF, b: QRectF) -> float:
    return max(b.left() - a.right(), a.left() - b.right(), b.top() - a.bottom(), a.top() - b.bottom())


def check_screen(drive: Driver, where: str) -> list[str]:
    problems = []
    found = controls(drive)
    for item, rect in found:
        label = f"{where}: {item.objectName() or item.metaObject().className()}"
        if min(rect.width(), rect.height()) < 48:  # the whole control, even where a scrolled view cuts it
            problems.append(f"{label} is {rect.width():.0f}x{rect.height():.0f} px")
        if not accessible_name(item).strip():
            problems.append(f"{label} has no accessible name")
    for index, (item, rect) in enumerate(found):
        for other, other_rect in found[index + 1 :]:
            if item.objectName() == "staffCorner" or other.objectName() == "staffCorner":
                continue  # the hidden staff corner lies over the clinic's logo on purpose
            if gap(visible_rect(item, rect), visible_rect(other, other_rect)) < 8:
                problems.append(f"{where}: {item.objectName()} and {other.objectName()} are closer than 8 px")
    for item in all_items(drive.window):
        if not item.inherits("QQuickText") or not shown(item) or not read_property(item, "text") or not ours(item):
            continue
        size = read_property(item, "font").pixelSize()
        if 0 < size < 20:
            problems.append(f"{where}: text {read_property(item, 'text')!r} is {size} px")
    for switch in ("largeTextSwitch", "contrastSwitch"):
        if not drive.has(switch):
            problems.append(f"{where}: no {switch}")
    return problems


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (800, 1280)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large-text"])
@pytest.mark.slow
def test_every_screen_is_made_for_touch_and_eyes(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], width: int, height: int, large: bool
) -> None:
    kiosk = make_kiosk(width, height)
    drive = Driver(qtbot, kiosk)
    kiosk.model.setProperty("largeText", large)
    problems: list[str] = []
    for where in screens(kiosk):
        if where == "calendar":
            qtbot.waitUntil(lambda: read_property(kiosk.model, "pdfStatus") == "ready", timeout=30_000)
        if where == "name":
            kiosk.model.setProperty("largeText", large)  # (walking through welcome may not change it)
        qtbot.wait(150)
        problems += check_screen(drive, where)
    assert not problems, "\n".join(problems)


def test_the_access_switches_change_the_screens_and_the_wipe_resets_them(drive: Driver) -> None:
    title_size = read_property(drive.find("checkInButton"), "font").pixelSize()
    drive.tap("largeTextSwitch")
    drive.tap("contrastSwitch")
    assert read_property(drive.kiosk.model, "largeText") and read_property(drive.kiosk.model, "highContrast")
    assert read_property(drive.find("checkInButton"), "font").pixelSize() > title_size
    drive.tap("checkInButton")
    drive.wait_step("name")
    assert read_property(drive.find("largeTextSwitch"), "checked")
    drive.kiosk.model.inactivityTimeout()
    assert not read_property(drive.kiosk.model, "largeText") and not read_property(drive.kiosk.model, "highContrast")
