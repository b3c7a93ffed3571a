"""Every client screen fits, in all 12 languages, normal and larger text, high contrast on and off, landscape
(1280x800) and portrait (800x1280): every control and every text is whole on screen, or inside a page that
scrolls and shows it (a scroll bar and a "More below" button); no text is cut or elided; controls of 48 px or
more, 8 px apart, each with an accessible name; body text of 20 px or more; the access switches everywhere.

The kiosk is started once per language and orientation; text size and contrast change in-process on each screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, QRectF
from PySide6.QtQml import QQmlEngine
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.core import flow as f
from kiosk.i18n import supported_languages
from kiosk.ui.app import KioskApp
from tests.ui.conftest import TODAY, Driver, read_property, shown, shown_items, type_name

CONTROL_CLASSES = ("QQuickAbstractButton", "QQuickTextInput", "QQuickMouseArea")
OVERLAYS = ("helpOverlay", "inactivityOverlay")
LOOKS = [(False, False), (True, False), (True, True), (False, True)]  # (larger text, high contrast)


def screens(kiosk: KioskApp, qtbot: QtBot) -> Iterator[str]:
    """Walk through every client screen and state (through the model, as the buttons do); yield each name."""
    model = kiosk.model
    model.set_receipt_required(True)
    yield "welcome"
    model.checkIn()
    model.setName("Alexandra", "Papadopoulou-Smith")
    yield "name"
    model.next()
    model.addPlannedDate((TODAY + dt.timedelta(weeks=3)).isoformat())
    loader = kiosk.window.findChild(QObject, "screenLoader")
    assert loader is not None
    page = read_property(loader, "item")
    page.setProperty("draft", (TODAY + dt.timedelta(weeks=6)).isoformat())
    page.setProperty("adding", True)  # a next session's date being picked
    yield "session"
    model.next()
    model.answerMoisturised(False)
    yield "before-care: not moisturised yet"
    model.next()
    model.chooseHair("not-yet")
    yield "before-care: not buzz cut yet"
    model.next()
    yield "review"
    model.next()
    model.send(f.PdfFailed(model.flow.generation, "The printer's paper tray is open. Please ask the front desk."))
    yield "error"
    model.retry()
    qtbot.waitUntil(lambda: read_property(model, "pdfStatus") == "ready", timeout=30_000)
    yield "calendar"
    model.next()
    yield "handover"
    model.next()
    yield "receipt"
    model.sign(400, 200, [[[10.0, 10.0], [200.0, 150.0], [380.0, 20.0]]])
    model.next()
    yield "finish"
    model.askForHelp("finish")
    yield "help is coming"
    model.closeHelp()
    model.inactivityWarning()
    yield "inactivity warning"


# ---------------------------------------------------------------- what an item is


def ours(item: QQuickItem) -> bool:
    """Whether the item was written in our QML module (the virtual keyboard's own style is Qt's)."""
    context = QQmlEngine.contextForObject(item)
    return context is not None and "/qml/Kiosk/" in context.baseUrl().toString()


def accessible(item: QQuickItem) -> QObject | None:
    """The Accessible attached object QML gives the item, if the QML set any Accessible property."""
    for child in item.children():
        if child.inherits("QQuickAccessibleAttached"):
            return child
    return None


def accessible_name(item: QQuickItem) -> str:
    attached = accessible(item)
    return str(read_property(attached, "name") or "") if attached is not None else ""


def ignored(item: QQuickItem) -> bool:
    """Left out of the accessibility tree on purpose (a modal blocker, a tap-to-dismiss background)."""
    attached = accessible(item)
    return attached is not None and bool(read_property(attached, "ignored"))


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def text_rect(item: QQuickItem) -> QRectF:
    """Where a text may paint: its box, and when its lines need more height than the box has, that height
    both above (centred text) and below (text from the top) the box."""
    height = float(read_property(item, "contentHeight"))
    if height <= item.height() + 1:
        return scene_rect(item)
    top = (item.height() - height) / 2
    return item.mapRectToScene(QRectF(0, top, item.width(), max(height, item.height() - top)))


def scrolls_visibly(view: QQuickItem) -> bool:
    """A view that scrolls up and down and shows it: taller content and a scroll bar on screen."""
    if not view.inherits("QQuickFlickable"):
        return False
    if float(read_property(view, "contentHeight")) <= view.height() + 1:
        return False
    bars = [child for child in view.childItems() if child.inherits("QQuickScrollBar")]
    return any(shown(bar) and bar.width() >= 8 for bar in bars)


def fit_problem(item: QQuickItem, rect: QRectF, window: QRectF) -> str:
    """Why `rect` (the item's, in the scene) is not whole on screen, or '' when it is. Inside a view that scrolls
    visibly, being scrolled out of view is fine; being too wide or too tall for the view is not."""
    screen = window
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            view = scene_rect(parent).adjusted(-1, -1, 1, 1)
            if scrolls_visibly(parent):
                if rect.left() < view.left() or rect.right() > view.right() or rect.height() > view.height():
                    return f"does not fit in {parent.objectName() or 'a scrolling view'}"
                screen = QRectF()  # the view itself is checked as an item of its own
                rect = scene_rect(parent)
            elif not view.contains(rect):
                return f"is cut by {parent.objectName() or type_name(parent)}"
        parent = parent.parentItem()
    if not window.adjusted(-1, -1, 1, 1).contains(rect) and not screen.isNull():
        return f"is off screen at {rect.x():.0f},{rect.y():.0f} {rect.width():.0f}x{rect.height():.0f}"
    if screen.isNull() and not window.adjusted(-1, -1, 1, 1).contains(rect):
        return "is in a scrolling view that is off screen"
    return ""


def in_view(item: QQuickItem, rect: QRectF, window_width: int, window_height: int) -> bool:
    """Whether the item's centre is on screen and not scrolled out of a clipped view (the staff pages)."""
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


def button_of(item: QQuickItem) -> QQuickItem | None:
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickAbstractButton"):
            return parent
        parent = parent.parentItem()
    return None


def inside(item: QQuickItem, names: tuple[str, ...]) -> bool:
    parent: QQuickItem | None = item
    while parent is not None:
        if parent.objectName() in names:
            return True
        parent = parent.parentItem()
    return False


def gap(a: QRectF, b: QRectF) -> float:
    return max(b.left() - a.right(), a.left() - b.right(), b.top() - a.bottom(), a.top() - b.bottom())


def visible_rect(item: QQuickItem, rect: QRectF) -> QRectF:
    """The part of `rect` not cut off by a clipping ancestor (a scrolled view)."""
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            rect = rect.intersected(scene_rect(parent))
        parent = parent.parentItem()
    return rect


# ---------------------------------------------------------------- the checks


def check_screen(drive: Driver, where: str) -> list[str]:
    problems: list[str] = []
    window = QRectF(0, 0, drive.window.width(), drive.window.height())
    overlays = tuple(name for name in OVERLAYS if drive.has(name))  # a modal overlay: only what it shows counts
    controls: list[tuple[QQuickItem, QRectF]] = []
    for item in shown_items(drive.window.contentItem(), leave_out=("inputPanel",)):  # the keyboard is Qt's style
        if not ours(item) or (overlays and not inside(item, overlays)):
            continue
        name = item.objectName() or type_name(item)
        if item.inherits("QQuickText"):
            text = str(read_property(item, "text") or "")
            if not text.strip():
                continue
            label = f"{where}: text {text[:40]!r}"
            size = read_property(item, "font").pixelSize()
            if 0 < size < 20:
                problems.append(f"{label} is {size} px")
            if read_property(item, "truncated"):
                problems.append(f"{label} is cut short")
            if float(read_property(item, "contentWidth")) > item.width() + 1:
                problems.append(f"{label} is wider than its box")
            rect = text_rect(item)
            button = button_of(item)
            if button is not None and not scene_rect(button).adjusted(-1, -1, 1, 1).contains(rect):
                problems.append(f"{label} spills out of its button {button.objectName()}")
            if problem := fit_problem(item, rect, window):
                problems.append(f"{label} {problem}")
            continue
        if not any(item.inherits(cls) for cls in CONTROL_CLASSES) or ignored(item):
            continue
        if item.parentItem() is not None and item.parentItem().inherits("QQuickTextInput"):
            continue
        rect = scene_rect(item)
        label = f"{where}: {name}"
        if problem := fit_problem(item, rect, window):
            problems.append(f"{label} {problem}")
        if min(rect.width(), rect.height()) < 48:
            problems.append(f"{label} is {rect.width():.0f}x{rect.height():.0f} px")
        if not accessible_name(item).strip():
            problems.append(f"{label} has no accessible name")
        controls.append((item, rect))
    for index, (item, rect) in enumerate(controls):
        for other, other_rect in controls[index + 1 :]:
            if "staffCorner" in (item.objectName(), other.objectName()):
                continue  # the hidden staff corner lies over the clinic's logo on purpose
            shown_a, shown_b = visible_rect(item, rect), visible_rect(other, other_rect)
            if shown_a.isEmpty() or shown_b.isEmpty():
                continue
            if gap(shown_a, shown_b) < 8:
                problems.append(f"{where}: {item.objectName()} and {other.objectName()} are closer than 8 px")
    for switch in ("largeTextSwitch", "contrastSwitch"):
        if not drive.has(switch):
            problems.append(f"{where}: no {switch}")
    return problems


@pytest.mark.parametrize("language", supported_languages())
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (800, 1280)], ids=["landscape", "portrait"])
@pytest.mark.slow
def test_every_screen_fits_in_every_language_size_and_contrast(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], width: int, height: int, language: str
) -> None:
    kiosk = make_kiosk(width, height)
    drive = Driver(qtbot, kiosk)
    kiosk.model.chooseLanguage(language)
    problems: list[str] = []
    for where in screens(kiosk, qtbot):
        for large, contrast in LOOKS:
            kiosk.model.setProperty("largeText", large)
            kiosk.model.setProperty("highContrast", contrast)
            drive.next_frame()
            look = f"{language} {'larger' if large else 'normal'}{' contrast' if contrast else ''}"
            problems += check_screen(drive, f"{where} ({look})")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(dict.fromkeys(problems))


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
