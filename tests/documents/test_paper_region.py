"""Paper size: a tag that names its country decides, else the clinic's country, else the language's."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import msgspec
import pypdf
import pytest

from kiosk.core.clinic import load_clinic
from kiosk.core.protocol import load_protocol
from kiosk.core.schedule import build_schedule
from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf, default_paper
from kiosk.errors import UserError
from kiosk.i18n.regional import local_tag


@pytest.mark.parametrize(
    ("tag", "clinic_region", "paper"),
    [
        ("en", "GB", "a4"),  # the demo clinic in Leeds: A4 although CLDR's likely region for `en` is the US
        ("en", "", "letter"),
        ("en", "US", "letter"),
        ("es", "MX", "letter"),
        ("es-MX", "GB", "letter"),  # typed with a country: that country decides
        ("en-GB", "US", "a4"),
        ("de", "CA", "letter"),
        ("ar", "", "a4"),
        ("pt_BR", "", "a4"),
    ],
)
def test_paper_follows_the_region(tag: str, clinic_region: str, paper: str) -> None:
    assert default_paper(tag, clinic_region) == paper


def test_the_demo_clinic_says_where_it_is(tmp_path: Path) -> None:
    clinic = load_clinic("demo")
    assert clinic.region == "GB"
    source = clinic.source.read_text(encoding="utf-8").replace('region = "GB"', 'region = "Britain"')
    broken = tmp_path / "clinic.toml"
    broken.write_text(source, encoding="utf-8")
    with pytest.raises(UserError, match="'region' must be a two-letter country code"):
        load_clinic(str(broken))


def test_dates_follow_the_language_as_spoken_in_the_clinics_country() -> None:
    assert local_tag("en", "GB") == "en_GB"  # Monday first, "Tuesday 24 November"
    assert local_tag("de", "AT") == "de_AT"
    assert local_tag("ar", "GB") == "ar"  # CLDR has no Arabic for Britain: Arabic's own conventions
    assert local_tag("es-MX", "GB") == "es-MX"  # a tag with its own country decides
    assert local_tag("he", "") == "he"


def first_page_text(clinic_region: str) -> str:
    clinic = msgspec.structs.replace(load_clinic("demo"), region=clinic_region)
    today = dt.date(2026, 11, 24)
    schedule = build_schedule([today], load_protocol("smp"), today)
    pdf = build_calendar_pdf(CalendarRequest("Ann", schedule, clinic, language="en", deterministic=True))
    return pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_an_english_calendar_in_a_british_clinic_uses_british_dates() -> None:
    british, american = first_page_text("GB"), first_page_text("US")
    assert "Tuesday, 24 November 2026" in british and "Tuesday, November 24, 2026" in american
    assert "Mon Tue Wed Thu Fri Sat Sun" in british  # the week starts on Monday
    assert "Sun Mon Tue Wed Thu Fri Sat" in american
