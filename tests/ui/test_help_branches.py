"""Two branches of a chain on one database (the shared SQLite file here): a call for help from a north kiosk
rings on the staff screens of the north branch, listed on their Check-ins page, and never on the south's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from tests.ui.conftest import Driver, read_property
from tests.ui.test_kiosk_flow import type_pin


def kiosk_of(make_kiosk: Callable[..., KioskApp], data_dir: Path, branch: str, kiosk_id: str) -> KioskApp:
    (data_dir / "kiosk.toml").write_text(f'branch = "{branch}"\nkiosk_id = "{kiosk_id}"\n', encoding="utf-8")
    return make_kiosk()


def open_staff(drive: Driver) -> None:
    drive.open_pin_pad()
    type_pin(drive, "2468")
    drive.qtbot.waitUntil(lambda: drive.has("staffScreen"), timeout=5000)


def test_a_call_for_help_rings_only_in_the_kiosks_own_branch(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], data_dir: Path
) -> None:
    client = Driver(qtbot, kiosk_of(make_kiosk, data_dir, "north", "north-desk"))
    client.tap("checkInButton")
    client.wait_step("name")
    client.tap("helpButton")
    client.tap("helpOkButton")

    south = Driver(qtbot, kiosk_of(make_kiosk, data_dir, "south", "south-desk"))
    chimes: list[Path] = []
    south.kiosk.staff.chime = chimes.append
    open_staff(south)
    qtbot.waitUntil(lambda: read_property(south.kiosk.staff, "loaded"), timeout=15_000)  # it read the database
    assert read_property(south.kiosk.staff, "helpCalls") == []
    assert not south.has("helpBanner0") and not south.has("helpCall0") and chimes == []

    north = Driver(qtbot, kiosk_of(make_kiosk, data_dir, "north", "north-office"))
    open_staff(north)
    qtbot.waitUntil(lambda: north.has("helpBanner0"), timeout=15_000)
    [call] = read_property(north.kiosk.staff, "helpCalls")
    assert (call["kiosk"], call["screen"], call["waiting"]) == ("north-desk", "Name", True)
    assert north.has("helpCall0")  # the Check-ins page lists the branch's calls
