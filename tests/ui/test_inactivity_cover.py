"""The "Are you still there?" warning hides the client's data the moment it shows: the whole window is covered."""

from __future__ import annotations

from PySide6.QtGui import QColor

from tests.ui.conftest import Driver


def test_the_warning_covers_the_clients_name(drive: Driver) -> None:
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.type_keys("Alexandra")
    field = drive.find("firstNameField")
    rect = field.mapRectToScene(field.boundingRect()).toRect()
    before = drive.window.grabWindow()
    assert len({before.pixel(x, rect.center().y()) for x in range(rect.left() + 4, rect.right() - 4)}) > 2  # text
    drive.kiosk.model.inactivityWarning()
    drive.qtbot.waitUntil(lambda: drive.has("stillHereButton"))
    image = drive.window.grabWindow()
    background = QColor("#f6f1ea").rgb()
    row = {image.pixel(x, rect.center().y()) for x in range(rect.left() + 4, rect.right() - 4)}
    assert row == {background}, "the name still shows under the warning"
    for x, y in ((5, 5), (image.width() - 5, image.height() - 5)):  # the header and the keyboard's corner too
        assert image.pixel(x, y) == background
