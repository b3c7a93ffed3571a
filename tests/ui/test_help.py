"""Help at every step: "Ask a member of staff" tells the client someone is coming and puts a call on the staff
screen of every kiosk of its branch on the database (a banner with the kiosk, the screen and the time, a chime while the
staff screen is open, the day's list on the Check-ins page); "Not yet" answers get a kind next step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from tests.ui.conftest import Driver, items_of, read_property
from tests.ui.test_kiosk_flow import type_pin


def texts_in(item: QQuickItem) -> list[str]:
    return [str(read_property(child, "text")) for child in items_of(item) if child.inherits("QQuickText")]


def test_a_call_for_help_reaches_the_staff_screen_of_another_kiosk(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp]
) -> None:
    client_kiosk = make_kiosk()
    client = Driver(qtbot, client_kiosk)
    client.tap("checkInButton")
    client.wait_step("name")
    client.type_keys("Amira")
    client.tap("nextButton")
    client.wait_step("session")
    client.tap("nextButton")
    client.wait_step("before-care")
    client.tap("helpButton")
    assert client.has("helpOverlay") and client.text("helpComingText") == "Someone is coming to help you."
    client.tap("helpOkButton")
    assert not client.has("helpOverlay") and read_property(client_kiosk.model, "step") == "before-care"

    staff_kiosk = make_kiosk()  # another kiosk on the same database
    staff = Driver(qtbot, staff_kiosk)
    chimes: list[Path] = []
    staff_kiosk.staff.chime = chimes.append
    staff.open_pin_pad()
    type_pin(staff, "2468")
    qtbot.waitUntil(lambda: staff.has("helpBanner0"), timeout=15_000)
    [call] = read_property(staff.kiosk.staff, "helpCalls")
    kiosk_id = client_kiosk.staff.bridge.kiosk_id
    assert (call["kiosk"], call["screen"], call["waiting"]) == (kiosk_id, "Before-care", True)
    banner = " ".join(texts_in(staff.find("helpBanner0")))
    assert f"Help needed at kiosk {kiosk_id}, on the Before-care screen, since {call['time']}" in banner
    qtbot.waitUntil(lambda: len(chimes) == 1)  # one chime for the new call, while the staff screen is open
    assert staff.has("helpCall0")  # listed on the Check-ins page too

    staff.tap("answerHelp0")
    qtbot.waitUntil(lambda: not staff.has("helpBanner0"), timeout=15_000)
    assert staff.has("helpCall0") and not read_property(staff.kiosk.staff, "helpCalls")[0]["waiting"]
    assert len(chimes) == 1


def test_not_yet_answers_get_a_kind_next_step(drive: Driver) -> None:
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.type_keys("Sam")
    drive.tap("nextButton")
    drive.wait_step("session")
    drive.tap("nextButton")
    drive.wait_step("before-care")
    assert not drive.has("careAdvice")
    drive.tap("moisturisedNo")
    advice = drive.text("careAdviceText")
    assert "That is fine" in advice and "member of staff" in advice and "moisturiser" in advice
    drive.tap("nextButton")
    drive.tap("hair_not-yet")
    advice = drive.text("careAdviceText")
    assert "That is fine" in advice and "buzz cut" in advice and "zero guard" in advice
    drive.tap("adviceHelpButton")
    assert drive.has("helpOverlay") and read_property(drive.kiosk.model, "helpRequested")


def test_a_greyed_out_button_says_why_when_tapped(drive: Driver) -> None:
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.type_keys("Sam")
    drive.tap("nextButton")
    drive.wait_step("session")
    drive.tap("nextButton")
    drive.wait_step("before-care")
    drive.tap("moisturisedYes")
    drive.wait_step("before-care")
    next_button = drive.find("nextButton")
    assert not next_button.isEnabled()
    point = drive.centre(next_button)
    drive.mouse(QEvent.Type.MouseButtonPress, point)
    drive.mouse(QEvent.Type.MouseButtonRelease, point)
    drive.qtbot.waitUntil(lambda: "Please choose an answer first." in drive.text("problemText"))
