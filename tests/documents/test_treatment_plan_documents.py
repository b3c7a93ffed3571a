"""The treatment plan on paper and in the phone: a touch-up is "Touch-up", never a number; the touch-up window
and the refresh reminder are key dates in the PDF, the .ics (with alarms) and the QR codes, in every language."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable

import msgspec
import pytest
from icalendar import Calendar

from kiosk.core.clinic import Clinic, load_clinic
from kiosk.core.course import MAINTENANCE, TOUCH_UP_CLOSES, TOUCH_UP_OPENS
from kiosk.core.protocol import load_protocol
from kiosk.core.schedule import Schedule, build_schedule
from kiosk.documents.ics import milestone_events, plan_to_ics
from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf
from kiosk.documents.pdf.content import key_dates
from kiosk.documents.pdf.keydates import key_date_codes
from kiosk.documents.pdf.regional import regional
from kiosk.i18n import supported_languages, translations

TODAY = dt.date(2026, 11, 24)
STAMP = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
PROTOCOL = load_protocol("smp")
COURSE = {TOUCH_UP_OPENS, TOUCH_UP_CLOSES, MAINTENANCE}


def third_and_touch_up() -> Schedule:
    """Session 3 today and a touch-up planned four weeks later (3 main sessions in the shipped protocol)."""
    return build_schedule([TODAY, TODAY + dt.timedelta(days=28)], PROTOCOL, TODAY, first_number=3)


def one_line(text: str) -> str:
    """NFKC-normalised as the PDF's text is read back (joined Arabic letters as plain ones), without spaces and
    marks (PDFium reads Arabic tanween as a separate spaced mark)."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace() and unicodedata.category(ch) != "Mn"
    )


def test_the_ics_says_touch_up_and_has_every_key_date_with_an_alarm() -> None:
    events = list(Calendar.from_ical(plan_to_ics(third_and_touch_up(), stamp=STAMP)).walk("VEVENT"))
    summaries = {str(event["summary"]): event for event in events}
    assert "Your touch-up is tomorrow: before-care tonight" in summaries
    assert "Keep your scalp dry (Days 1–3 after the touch-up)" in summaries
    assert "Keep your scalp dry (Days 1–3 after session 3)" in summaries
    assert not any("session 4" in text.lower() for text in summaries)
    for title, date in [
        ("Your touch-up can be done from today", TODAY + dt.timedelta(days=20)),  # day 21 after session 3
        ("Last day for your touch-up", TODAY + dt.timedelta(days=89)),
        ("Time for a refresh session", dt.date(2028, 12, 22)),  # two years after the touch-up
    ]:
        event = summaries[title]
        assert event.decoded("dtstart") == date
        assert "call us" in str(event["description"]).lower()
        (alarm,) = event.walk("VALARM")
        assert alarm["action"] == "DISPLAY" and alarm.decoded("trigger") == dt.timedelta(hours=9)


@pytest.mark.parametrize("language", supported_languages())
def test_the_key_dates_are_in_plain_words_in_every_language(language: str) -> None:
    _ = translations(language).gettext
    schedule = third_and_touch_up()
    entries = {entry.text for entry in key_dates(schedule, regional(language), _)}
    for milestone_id in sorted(COURSE):
        words = PROTOCOL.key_date_text(milestone_id)
        assert words is not None
        assert _(words.title) in entries
        if language != "en":  # a real translation, not the English text
            assert _(words.title) != words.title and _(words.text) != words.text
    touch_up_line = _("Touch-up. {phase} until {date}.")
    assert language == "en" or touch_up_line != "Touch-up. {phase} until {date}."
    assert any(text.startswith(touch_up_line.split("{")[0]) for text in entries)
    # The QR codes (one small calendar per key date) include the touch-up window and the refresh reminder.
    request = CalendarRequest(name="Ann", schedule=schedule, clinic=_clinic(), paper="a4", deterministic=True)
    codes = [event.key.split("|")[1] for event, _data in key_date_codes(request, "Ann", _)]
    assert set(codes) >= COURSE
    assert {e.key.split("|")[1] for e in milestone_events(schedule, _)} >= COURSE


def _clinic() -> Clinic:
    return msgspec.structs.replace(load_clinic(), region="")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_pdf_prints_touch_up_and_the_new_key_dates(language: str, texts_of: Callable[[bytes], list[str]]) -> None:
    _ = translations(language).gettext
    request = CalendarRequest(
        name="Ann", schedule=third_and_touch_up(), clinic=_clinic(), paper="a4", language=language, deterministic=True
    )
    text = one_line(" ".join(texts_of(build_calendar_pdf(request))))
    local = regional(language)
    expected = _("Touch-up: {date}").format(date=local.full_date(TODAY + dt.timedelta(days=28)))
    for words in (expected, _("Your touch-up can be done from today"), _("Time for a refresh session")):
        assert one_line(words) in text, words
    assert (
        one_line(_("Session {number}: {date}").format(number=4, date=local.full_date(TODAY + dt.timedelta(days=28))))
        not in text
    )
    if language == "en":
        assert "Session3:" in text and "session4" not in text.lower()
