"""The calendar read back as text: every date's phase, the key dates, before-care, long-term care, contact."""

from __future__ import annotations

import datetime as dt
import gettext
import re
from collections.abc import Callable

import pytest

from kiosk.core.clinic import Clinic
from kiosk.core.schedule import Schedule, build_schedule
from kiosk.documents.ics import milestone_summary
from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf, document
from kiosk.documents.pdf.regional import regional
from kiosk.errors import UserError

Texts = Callable[[bytes], list[str]]
Make = Callable[..., CalendarRequest]


def one_line(text: str) -> str:
    return " ".join(text.split())


def after_page_one(texts: list[str]) -> str:
    return one_line(" ".join(texts[1:]))


def test_page_one_has_the_personal_header_and_the_grid(make_request: Make, texts_of: Texts) -> None:
    texts = texts_of(build_calendar_pdf(make_request()))
    first = one_line(texts[0])
    for expected in (
        "Northside Scalp Studio",
        "Your aftercare calendar",
        "Zoë Ødegård",
        "Session 1: Friday, November 27, 2026",
        "Session 2: Friday, December 18, 2026",
        "Day 1 is the day of your session.",
        "November 2026",
        "December 2026",
        "January 2027",
        "Keep your scalp dry",
        "Gentle care",
        "Back to normal",
        "Session day",
    ):
        assert expected in first, expected
    # en is US English: weeks start on Sunday
    assert "Sun Mon Tue Wed Thu Fri Sat" in first


def test_weeks_start_on_the_locales_first_weekday(make_request: Make, texts_of: Texts) -> None:
    # German weeks start on Monday; the header row reads Mo..So
    first = one_line(texts_of(build_calendar_pdf(make_request(language="de")))[0])
    assert "Mo Di Mi Do Fr Sa So" in first


def test_every_date_is_listed_under_its_phase(make_request: Make, schedule: Schedule, texts_of: Texts) -> None:
    """Each phase section lists its runs of days; together they must be exactly the engine's days."""
    text = after_page_one(texts_of(build_calendar_pdf(make_request())))
    protocol = schedule.protocol
    local = regional("en")
    titles = [phase.title for phase in protocol.phases]
    section_starts = [text.index(title + (" Day" if title + " Day" in text else " From")) for title in titles]
    assert section_starts == sorted(section_starts)
    bounds = [*section_starts[1:], text.index("Before your next session")]
    listed: dict[dt.date, str] = {}
    for phase, start, end in zip(protocol.phases, section_starts, bounds, strict=True):
        section = text[start:end]
        for span in schedule.spans():
            first, last = local.short_date(span.first.date), local.short_date(span.last.date)
            entry = f"{first} to {last} (after session {span.session})"
            if span.phase == phase.id:
                assert entry in section, (phase.id, entry)
                day = span.first.date
                while day <= span.last.date:
                    listed[day] = phase.id
                    day += dt.timedelta(days=1)
            else:
                assert entry not in section
    assert listed == {day.date: day.phase for day in schedule.days}


def test_key_dates_are_in_plain_words_with_babel_dates(make_request: Make, schedule: Schedule, texts_of: Texts) -> None:
    text = after_page_one(texts_of(build_calendar_pdf(make_request())))
    local = regional("en")
    assert "Key dates" in text
    for milestone in schedule.milestones:
        # beyond the day-by-day plan (the touch-up window's end, the refresh reminder) with the year
        when = local.long_date(milestone.date) if milestone.date <= schedule.end else local.full_date(milestone.date)
        assert f"{when} {milestone_summary(schedule, milestone)}" in text
    assert "Monday, November 30 First light shower, no shampoo" in text
    assert "Saturday, January 16 Saunas, pools and fake tan are fine" in text
    assert "Thursday, December 17 This evening: before-care for session 2 tomorrow." in text
    assert "Friday, November 27 Session 1. Keep your scalp dry until Sunday, November 29." in text


def test_do_and_avoid_of_every_phase_are_there(make_request: Make, schedule: Schedule, texts_of: Texts) -> None:
    text = after_page_one(texts_of(build_calendar_pdf(make_request())))
    for phase in schedule.protocol.phases:
        for line in (*phase.do, *phase.avoid, phase.summary):
            assert one_line(line) in text, line


@pytest.mark.parametrize(
    ("hair", "present", "absent"),
    [
        ("buzz", ["Buzz cut the night before"], ["Keeping your length is fine"]),
        ("long", ["Keeping your length is fine"], ["Buzz cut the night before"]),
        (None, ["Buzz cut the night before", "Keeping your length is fine", "Buzz cut or keep your length"], []),
    ],
)
def test_before_care_follows_the_hair_choice(
    make_request: Make, texts_of: Texts, hair: str | None, present: list[str], absent: list[str]
) -> None:
    text = after_page_one(texts_of(build_calendar_pdf(make_request(hair=hair))))
    assert "Before your next session" in text
    assert "Session 2: Friday, December 18, 2026" in text
    assert "Moisturise your scalp" in text
    for title in present:
        assert title in text
    for title in absent:
        assert title not in text


def test_single_session_calendar_still_has_before_care(make_request: Make, schedule: Schedule, texts_of: Texts) -> None:
    single = build_schedule([dt.date(2026, 11, 27)], schedule.protocol, dt.date(2026, 11, 24))
    text = after_page_one(texts_of(build_calendar_pdf(make_request(schedule=single))))
    assert "Before any further session" in text
    assert "(after session" not in text
    assert "Fri, Nov 27 to Sun, Nov 29" in text


def test_long_term_care_and_the_clinic_contact(make_request: Make, clinic: Clinic, texts_of: Texts) -> None:
    text = after_page_one(texts_of(build_calendar_pdf(make_request())))
    assert "Protect it from the sun" in text
    assert "Moisturise every day" in text
    assert "Questions? Get in touch" in text
    assert "send us photos of your hair loss" in text
    for value in (clinic.phone, clinic.text, clinic.email, clinic.website, clinic.address):
        assert value in text


def test_empty_names_are_refused(make_request: Make) -> None:
    for name in ("", "   ", "\x00\x07\n"):
        with pytest.raises(UserError, match="name is empty"):
            build_calendar_pdf(make_request(name=name))


class ShoutingCatalog(gettext.NullTranslations):
    """A stand-in catalog that writes every message in capitals: whatever is not in capitals missed `_`."""

    def gettext(self, message: str) -> str:
        return re.sub(r"[^{}]+(?=\{|$)", lambda match: match.group(0).upper(), message)


def test_every_sentence_goes_through_the_catalog(
    make_request: Make, schedule: Schedule, clinic: Clinic, texts_of: Texts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(document, "translations", lambda language: ShoutingCatalog())
    text = one_line(" ".join(texts_of(build_calendar_pdf(make_request(name="Zoë Ødegård")))))
    local = regional("en")
    data = ["Zoë Ødegård", clinic.name, clinic.phone, clinic.text, clinic.email, clinic.website, clinic.address]
    day = schedule.start.replace(day=1)
    while day <= schedule.end + dt.timedelta(days=31):
        data += [local.long_date(day), local.full_date(day), local.short_date(day), local.month_title(day)]
        day += dt.timedelta(days=1)
    for key_date in schedule.milestones:  # the touch-up window and maintenance lie beyond the plan's days
        data += [local.long_date(key_date.date), local.full_date(key_date.date), local.short_date(key_date.date)]
    data += [name for _, name in local.week_header()]
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    leftovers = [word for word in text.split() if any(ch.islower() for ch in word)]
    assert leftovers == []
    assert "KEEP YOUR SCALP DRY" in text  # protocol texts too
    assert "POINT YOUR PHONE'S CAMERA AT A CODE" in text
