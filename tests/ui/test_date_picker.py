"""The session date picker writes a date the way the client's language and the clinic's country do."""

from __future__ import annotations

import msgspec
import pytest

from kiosk.ui.app import KioskApp
from tests.ui.conftest import Driver, read_property


def to_session_screen(drive: Driver, language: str) -> None:
    drive.tap(f"language_{language}")
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.type_keys("Sam")
    drive.tap("nextButton")
    drive.wait_step("session")


def stepper_order(drive: Driver) -> list[str]:
    """The picker's parts from the reader's start: left to right, or right to left in Arabic and Hebrew."""
    parts = {part: drive.find(f"sessionDate{part}Up") for part in ("Day", "Month", "Year")}
    x = {part: item.mapToScene(item.boundingRect().center()).x() for part, item in parts.items()}
    rtl = read_property(drive.kiosk.model, "rtl")
    return sorted(x, key=lambda part: -x[part] if rtl else x[part])


@pytest.mark.parametrize(
    "case",
    [
        ("GB", "en", ["Day", "Month", "Year"], "Nov", "Thursday, 24 December 2026"),
        ("US", "en", ["Month", "Day", "Year"], "Nov", "Thursday, December 24, 2026"),
        ("GB", "de", ["Day", "Month", "Year"], "Nov", "Donnerstag, 24. Dezember 2026"),
        ("GB", "ar", ["Day", "Month", "Year"], "نوفمبر", "ديسمبر"),
    ],
)
def test_date_parts_follow_the_language_and_the_clinics_country(
    drive: Driver, kiosk: KioskApp, case: tuple[str, str, list[str], str, str]
) -> None:
    region, language, order, month, written = case
    kiosk.model.clinic = msgspec.structs.replace(kiosk.model.clinic, region=region)
    to_session_screen(drive, language)
    assert stepper_order(drive) == order
    month_value = kiosk.model.datePart(read_property(kiosk.model, "sessionDate"), "month")
    assert month_value == month
    drive.tap("sessionDateMonthUp")
    assert read_property(kiosk.model, "sessionDate") == "2026-12-24"
    assert written in drive.text("sessionDateText")
