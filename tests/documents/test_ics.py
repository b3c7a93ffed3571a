"""The .ics export parses back, has alarms and stable UIDs, and escapes what a client typed."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar, Component, vText

from kiosk.core.protocol import load_protocol
from kiosk.core.schedule import Schedule, build_schedule
from kiosk.documents.ics import escape_text, key_date_events, milestone_events, plan_key, plan_to_ics, single_event_ics

TODAY = dt.date(2026, 11, 24)
STAMP = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def two_sessions() -> Schedule:
    return build_schedule([dt.date(2026, 11, 24), dt.date(2026, 12, 8)], load_protocol("smp"), TODAY)


def events_of(data: bytes) -> list[Component]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_every_phase_span_and_milestone_is_an_all_day_event_with_an_alarm() -> None:
    schedule = two_sessions()
    events = events_of(plan_to_ics(schedule, stamp=STAMP))
    spans = schedule.spans()
    assert len(events) == len(spans) + len(schedule.milestones) + len(schedule.reminders)
    for event in events:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is dt.date and type(end) is dt.date
        assert end > start
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert alarms[0]["action"] == "DISPLAY"
    starts = sorted((e.decoded("dtstart"), str(e["summary"])) for e in events)
    assert (dt.date(2026, 11, 27), "First light shower, no shampoo") in starts
    assert (dt.date(2027, 1, 6), "Saunas, pools and fake tan are fine") in starts
    assert (dt.date(2026, 12, 7), "Session 2 is tomorrow: before-care tonight") in starts
    dry = [e for e in events if str(e["summary"]).startswith("Keep your scalp dry")]
    assert [(e.decoded("dtstart"), e.decoded("dtend")) for e in dry] == [
        (dt.date(2026, 11, 24), dt.date(2026, 11, 27)),
        (dt.date(2026, 12, 8), dt.date(2026, 12, 11)),
    ]
    assert "Day 1 is the day of your session." in str(dry[0]["description"])


def test_uids_are_unique_and_deterministic() -> None:
    first = events_of(plan_to_ics(two_sessions(), client="Ann", stamp=STAMP))
    again = events_of(plan_to_ics(two_sessions(), client="Ann", stamp=STAMP + dt.timedelta(days=1)))
    uids = [str(e["uid"]) for e in first]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["uid"]) for e in again]
    other = events_of(plan_to_ics(two_sessions(), client="Bob", stamp=STAMP))
    assert not set(uids) & {str(e["uid"]) for e in other}


def test_client_text_is_cleaned_and_escaped() -> None:
    name = 'Zoë; "Ødegård", \\ the\nsecond line'
    data = plan_to_ics(two_sessions(), client=name, stamp=STAMP)
    assert b"\nsecond line" not in data.replace(b"\r\n", b"")  # no raw newline inside a property
    unfolded = data.replace(b"\r\n ", b"").decode()
    assert 'X-WR-CALNAME:Aftercare calendar: Zoë\\; "Ødegård"\\, \\\\ the second line\r\n' in unfolded
    assert len(events_of(data)) > 0


def test_translated_text_is_used() -> None:
    def bracket(text: str) -> str:
        return f"[{text}]"

    events = events_of(plan_to_ics(two_sessions(), _=bracket, stamp=STAMP))
    summaries = {str(e["summary"]) for e in events}
    assert "[First light shower, no shampoo]" in summaries
    assert "[Keep your scalp dry] ([Days 1–3 after session 1])" in summaries


def test_key_date_events_are_the_milestones_and_the_before_care_evenings() -> None:
    schedule = two_sessions()
    events = key_date_events(schedule)
    assert [(e.date, e.summary) for e in events] == sorted(
        [(m.date, e.summary) for m, e in zip(schedule.milestones, milestone_events(schedule), strict=True)]
        + [(dt.date(2026, 12, 7), "Session 2 is tomorrow: before-care tonight")]
    )


def test_qr_payloads_are_short_events_that_parse_back_with_the_whole_title() -> None:
    schedule = two_sessions()
    key = plan_key(schedule, "Ann")
    for event in key_date_events(schedule):
        data = single_event_ics(event, event.uid(key))
        assert data.startswith(b"BEGIN:VEVENT\r\n")
        assert b"DESCRIPTION" not in data and b"VALARM" not in data
        assert f"DTSTART;VALUE=DATE:{event.date:%Y%m%d}".encode() in data
        assert len(data) <= 150  # English: a version 8 code, 0.5 mm a module in 25 mm
        (parsed,) = events_of(data)
        assert parsed.decoded("dtstart") == event.date
        assert str(parsed["summary"]) == event.summary
        assert str(parsed["uid"]) == event.uid(key)


def test_long_translated_titles_are_never_cut() -> None:
    schedule = two_sessions()
    title = "ساونا وحمامات سباحة وسمرة صناعية مسموحة الآن، وأيضًا; \\ فاصلة, "
    event = milestone_events(schedule, _=lambda text: title)[0]
    (parsed,) = events_of(single_event_ics(event, event.uid("k")))
    assert str(parsed["summary"]) == title
    assert parsed.decoded("dtstart") == event.date


@given(st.text(alphabet=st.sampled_from("aé;,\\Nn\r\n:\"' \u0627\U0001f600"), max_size=40) | st.text(max_size=40))
def test_qr_titles_are_escaped_exactly_as_icalendar_escapes_them(text: str) -> None:
    """The QR payloads escape titles without loading icalendar; they must stay what icalendar writes."""
    assert escape_text(text) == vText(text).to_ical().decode()
