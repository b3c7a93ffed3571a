"""What a screen shows, read from its live item tree: the texts and controls a client sees, in reading order.

Reading order is the order of the items in the tree (how the screens are written), which is the logical order in
left-to-right and right-to-left languages alike. A control (a button, a choice, a switch) is read by its
accessible name and whether it is the chosen one; a text field by its label, never by what was typed in it; items
marked `Accessible.ignored`, hidden or fully transparent are left out, and so are pictures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QPointF
from PySide6.QtQuick import QQuickItem

from kiosk.core.readaloud import Part

_ACCESSIBLE = "QQuickAccessibleAttached"


def accessible(item: QObject) -> QObject | None:
    """The item's `Accessible` attached object, when its QML sets any Accessible property."""
    for child in item.children():
        if child.inherits(_ACCESSIBLE):  # (not metaObject(): a wrapper of a QML type's metaobject can outlive it)
            return child
    return None


def is_control(item: QQuickItem) -> bool:
    return item.inherits("QQuickAbstractButton")


def is_field(item: QQuickItem) -> bool:
    return item.inherits("QQuickTextInput") or item.inherits("QQuickTextEdit")


def _flag(attached: QObject | None, name: str) -> bool:
    return attached is not None and attached.property(name) is True


def control_part(item: QQuickItem) -> Part:
    """A control as the client hears it: its accessible name (else its label) and "selected" when checked."""
    attached = accessible(item)
    name = str(attached.property("name") or "") if attached is not None else ""
    if not name:
        name = str(item.property("text") or "")
    return Part(name, selected=_flag(attached, "checked") or (item.property("checked") is True))


def parts(item: QQuickItem) -> Iterator[Part]:
    """Everything on screen under `item`, in reading order."""
    if not item.isVisible() or item.opacity() == 0:
        return
    attached = accessible(item)
    if _flag(attached, "ignored"):
        return
    if is_control(item):
        yield control_part(item)
        return
    if is_field(item):  # its label; the letters typed in it are echoed while typing, never read back later
        if attached is not None and attached.property("name"):
            yield Part(str(attached.property("name")))
        return
    if item.inherits("QQuickText"):
        yield Part(str(item.property("text") or ""))
    for child in child_items(item):
        yield from parts(child)


def child_items(item: QQuickItem) -> list[QQuickItem]:
    """The item's children. PySide6 6.12 may hand back a stale wrapper of a freed QML type's metaobject for a new
    item at the same address (a wrapper kept by an item wrapper that outlived the type); it is not a child."""
    return [child for child in item.childItems() if isinstance(child, QQuickItem)]


def _at(item: QQuickItem, point: QPointF, wanted: Callable[[QQuickItem], bool]) -> QQuickItem | bool | None:
    """The topmost wanted item under `point` in `item`'s branch; False when a mouse area there takes the tap
    (a dimmed overlay, the PIN pad's backdrop) before anything below it, not one that lets taps through
    (`passesTaps`: DisabledHints); None when the branch has nothing."""
    if not item.isVisible() or item.opacity() == 0:
        return None
    children = sorted(enumerate(child_items(item)), key=lambda pair: (pair[1].z(), pair[0]), reverse=True)
    for _, child in children:
        found = _at(child, point, wanted)
        if found is not None:
            return found
    local = item.mapFromScene(point)
    if not (0 <= local.x() < item.width() and 0 <= local.y() < item.height()):
        return None
    if wanted(item):
        return item
    takes_taps = item.inherits("QQuickMouseArea") and item.isEnabled() and not item.property("passesTaps")
    return False if takes_taps else None


def _is_text(item: QQuickItem) -> bool:
    return item.inherits("QQuickText") and bool(str(item.property("text") or "").strip())


def tapped(root: QQuickItem, point: QPointF) -> QQuickItem | None:
    """The control a tap at `point` pressed, or else the text it fell on (a client may tap a text to hear it)."""
    for wanted in (lambda item: is_control(item) or is_field(item), _is_text):
        found = _at(root, point, wanted)
        if isinstance(found, QQuickItem):
            return found
    return None


def inside_named(item: QQuickItem, name: str) -> bool:
    """Whether `item` is (inside) the item called `name`: the PIN pad, the staff screen."""
    current: QQuickItem | None = item
    while current is not None:
        if current.objectName() == name:
            return True
        current = current.parentItem()
    return False
