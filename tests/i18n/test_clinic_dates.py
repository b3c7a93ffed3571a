"""The one date formatter: the PDF and the commands write a date exactly as the screens do."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.commands.plan import plan_as_text
from kiosk.core.protocol import load_protocol
from kiosk.core.schedule import build_schedule
from kiosk.documents.pdf.regional import regional
from kiosk.i18n.dates import ClinicDates, clinic_date

DAY = dt.date(2026, 12, 8)
LANGUAGES = ("en", "es", "fr", "de", "it", "pt_BR", "nl", "pl", "tr", "ru", "ar", "he")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("region", ["", "GB", "US", "MX"])
def test_the_pdf_writes_a_whole_date_as_the_screens_do(language: str, region: str) -> None:
    local = regional(language, region)
    assert local.full_date(DAY) == clinic_date(DAY, language, region)
    assert local.dates == ClinicDates(language, region)


def test_english_in_a_british_clinic_is_written_day_first_everywhere() -> None:
    dates = ClinicDates("en", "GB")
    assert dates.whole(DAY) == "Tuesday, 8 December 2026"
    assert dates.day(DAY) == "Tuesday 8 December"
    assert regional("en", "GB").long_date(DAY) == "Tuesday 8 December"
    assert ClinicDates("en").whole(DAY) == "Tuesday, December 8, 2026"  # no clinic region: the language's own


def test_the_plan_command_writes_session_dates_with_the_one_formatter() -> None:
    schedule = build_schedule([DAY], load_protocol(), DAY)
    text = plan_as_text(schedule, "en", region_tag="en-GB")
    assert f"Session 1: {ClinicDates('en-GB').whole(DAY)}" in text
    assert "Session 1: Tuesday, 8 December 2026" in text
