"""A planned next date closer than the clinic's usual gap gets a gentle note on the session screen, in the
client's language, and is kept: the clinic decides, the kiosk never refuses it."""

from __future__ import annotations

import pytest

from kiosk.ui.app import KioskApp
from tests.ui.conftest import Driver, read_property, shown

NOTES = {
    "en": "Clinics usually leave at least 7 days between sessions. Please check this date with staff.",
    "de": "Kliniken lassen meist mindestens 7 Tage zwischen zwei Sitzungen. Bitte sprechen Sie dieses Datum mit dem "
    "Team ab.",
    "ru": "Обычно клиники оставляют между сеансами хотя бы 7 дней. Пожалуйста, уточните эту дату у сотрудников.",
}


@pytest.mark.parametrize("language", sorted(NOTES))
def test_a_close_date_gets_a_gentle_note_and_is_kept(kiosk: KioskApp, drive: Driver, language: str) -> None:
    model = kiosk.model
    model.chooseLanguage(language)  # what the welcome screen's language buttons call
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.type_keys("Amira")
    drive.tap("nextButton")
    drive.wait_step("session")
    assert not shown(drive.find("gapNote", visible=False))
    drive.tap("addPlannedButton")  # the picker starts four weeks on: step back to five days after today
    for _ in range(23):
        drive.tap("plannedDateDayDown")
    drive.tap("confirmPlannedButton")
    assert [d["iso"] for d in read_property(model, "plannedDates")] == ["2026-11-29"]
    assert read_property(model, "problem") == ""  # not a refusal
    drive.qtbot.waitUntil(lambda: shown(drive.find("gapNote", visible=False)))
    assert drive.text("gapNote") == NOTES[language]
    drive.tap("removePlanned_0")
    drive.qtbot.waitUntil(lambda: not shown(drive.find("gapNote", visible=False)))
    assert read_property(model, "gapNote") == ""
