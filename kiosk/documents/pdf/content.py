"""The calendar's words, from the schedule and the protocol, before any layout.

Every sentence goes through the reader's gettext catalog (`_`), protocol texts included, and every date
through Babel, so the same content serves any language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from msgspec import Struct

from kiosk.core.clinic import Clinic
from kiosk.core.protocol import BeforeCareItem, HairChoice
from kiosk.core.schedule import Schedule
from kiosk.documents.ics import milestone_key, milestone_summary, reminder_key
from kiosk.documents.pdf.regional import Regional
from kiosk.documents.pdf.text import isolate_ltr
from kiosk.i18n.catalog import translate

Translate = Callable[[str], str]


class KeyDate(Struct, frozen=True):
    date: dt.date
    pictogram: str
    text: str
    event_key: str = ""  # the CalendarEvent of its QR code; "" for a session day (the evening before has one)


class ContactLine(Struct, frozen=True):
    pictogram: str
    text: str


def session_lines(schedule: Schedule, regional: Regional, _: Translate) -> list[str]:
    if len(schedule.sessions) == 1:
        return [translate(_, "Your session: {date}", date=regional.full_date(schedule.sessions[0]))]
    return [session_date_line(schedule, number, date, regional, _) for number, date in schedule.numbered_sessions()]


def session_date_line(schedule: Schedule, number: int, date: dt.date, regional: Regional, _: Translate) -> str:
    """'Session 2: Tuesday, 8 December 2026', or 'Touch-up: ...': a touch-up never shows a number."""
    if schedule.is_touch_up(number):
        return translate(_, "Touch-up: {date}", date=regional.full_date(date))
    return translate(_, "Session {number}: {date}", number=number, date=regional.full_date(date))


def day_one_note(schedule: Schedule, _: Translate) -> str:
    if schedule.protocol.day_one == "session-day":
        return _("Day 1 is the day of your session.")
    return _("Day 1 is the day after your session.")


def key_dates(schedule: Schedule, regional: Regional, _: Translate) -> list[KeyDate]:
    """Sessions, milestones and before-care evenings, in date order."""
    protocol = schedule.protocol
    first_phase = protocol.phases[0]
    entries: list[KeyDate] = []
    spans = schedule.spans()
    for number, date in schedule.numbered_sessions():
        strict = next(s for s in spans if s.session == number and s.phase == first_phase.id)
        until = {"phase": _(first_phase.title), "date": regional.long_date(strict.last.date)}
        if schedule.is_touch_up(number):
            text = translate(_, "Touch-up. {phase} until {date}.", **until)
        else:
            text = translate(_, "Session {number}. {phase} until {date}.", number=number, **until)
        entries.append(KeyDate(date, "calendar", text))
    pictograms = {m.id: words.pictogram for m in schedule.milestones if (words := protocol.key_date_text(m.id))}
    for phase in protocol.phases:
        if phase.milestone:
            pictograms[phase.milestone] = phase.pictogram
    for milestone in schedule.milestones:
        text = milestone_summary(schedule, milestone, _)
        entries.append(
            KeyDate(milestone.date, pictograms.get(milestone.id, "milestone"), text, milestone_key(milestone))
        )
    for (number, _date), evening in zip(schedule.numbered_sessions()[1:], schedule.reminders, strict=True):
        if schedule.is_touch_up(number):
            text = translate(_, "This evening: before-care for your touch-up tomorrow.")
        else:
            text = translate(_, "This evening: before-care for session {number} tomorrow.", number=number)
        entries.append(KeyDate(evening, "moisturiser", text, reminder_key(number, evening)))
    order = {"calendar": 0}
    entries.sort(key=lambda entry: (entry.date, order.get(entry.pictogram, 1)))
    return entries


def key_date_when(schedule: Schedule, date: dt.date, regional: Regional) -> str:
    """A key date as printed: with its year when it lies beyond the day-by-day plan (the end of the touch-up
    window, the refresh reminder years later), where a month and a day alone would read as this year."""
    return regional.long_date(date) if date <= schedule.end else regional.full_date(date)


def phase_dates(schedule: Schedule, phase_id: str, regional: Regional, _: Translate) -> list[str]:
    """When a phase applies, one line per run of days: 'Fri, Nov 27 – Sun, Nov 29 (after session 1)'."""
    lines = []
    for span in schedule.spans():
        if span.phase != phase_id:
            continue
        first, last = regional.short_date(span.first.date), regional.short_date(span.last.date)
        if span.first.date == span.last.date:
            when = first
        else:
            when = translate(_, "{first} to {last}", first=first, last=last)
        if len(schedule.sessions) > 1 and schedule.is_touch_up(span.session):
            when = translate(_, "{dates} (after the touch-up)", dates=when)
        elif len(schedule.sessions) > 1:
            when = translate(_, "{dates} (after session {number})", dates=when, number=span.session)
        lines.append(when)
    return lines


def phase_days(first: int, last: int | None, _: Translate) -> str:
    if last is None:
        return translate(_, "From day {first}", first=first)
    return translate(_, "Days {first} to {last}", first=first, last=last)


def before_care(schedule: Schedule, hair: HairChoice | None) -> tuple[BeforeCareItem, ...]:
    return schedule.protocol.before_care_for(hair)


def next_sessions(schedule: Schedule, regional: Regional, _: Translate) -> list[str]:
    return [session_date_line(schedule, number, date, regional, _) for number, date in schedule.numbered_sessions()[1:]]


def contact_lines(clinic: Clinic, _: Translate) -> list[ContactLine]:
    lines = []
    if clinic.phone:
        lines.append(ContactLine("phone", translate(_, "Call: {phone}", phone=isolate_ltr(clinic.phone))))
    if clinic.text:
        lines.append(ContactLine("text", translate(_, "Text: {number}", number=isolate_ltr(clinic.text))))
    if clinic.email:
        lines.append(ContactLine("email", translate(_, "Email: {email}", email=isolate_ltr(clinic.email))))
    if clinic.website:
        lines.append(ContactLine("website", translate(_, "Website: {website}", website=isolate_ltr(clinic.website))))
    if clinic.address:
        lines.append(ContactLine("address", isolate_ltr(clinic.address)))
    return lines
