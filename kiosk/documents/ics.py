"""Calendar files: the whole aftercare plan as .ics, and one tiny event per key date for a QR code.

All events are all-day events. UIDs are derived from the plan itself, so making the same calendar twice
gives the same UIDs and a phone updates the events instead of duplicating them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from msgspec import Struct

from kiosk.core.names import clean_text
from kiosk.core.schedule import PhaseSpan, PlanMilestone, Schedule
from kiosk.i18n.catalog import translate

if TYPE_CHECKING:  # icalendar loads when a file is written: `schedule`, the PDF and the first frame go without it
    from icalendar import Event

Translate = Callable[[str], str]
PRODID = "-//SMP Kiosk//Aftercare//EN"
MORNING = dt.timedelta(hours=9)  # alarm time on an all-day event: 09:00 on the day
EVENING = dt.timedelta(hours=18)  # before-care reminder: 18:00 the evening before a session


def _identity(text: str) -> str:
    return text


def default_stamp() -> dt.datetime:
    """DTSTAMP: now, or SOURCE_DATE_EPOCH for reproducible output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


class CalendarEvent(Struct, frozen=True):
    """One all-day event, independent of the .ics encoding (the PDF's QR codes use the same list)."""

    key: str  # stable identity inside the plan, hashed into the UID
    date: dt.date
    end: dt.date  # exclusive, as in iCalendar
    summary: str
    description: str
    alarm_after_midnight: dt.timedelta

    def uid(self, plan_key: str) -> str:
        """64 bits of the plan's and the event's identity in 13 base32 letters, without a domain part (RFC 7986
        allows that): 17 bytes fewer in every QR code than 20 hex digits and "@smp-kiosk", often a smaller code."""
        digest = hashlib.sha256(f"{plan_key}|{self.key}".encode()).digest()[:8]
        return base64.b32encode(digest).decode("ascii").rstrip("=").lower()


def plan_key(schedule: Schedule, client: str = "") -> str:
    sessions = ",".join(d.isoformat() for d in schedule.sessions)
    return f"{schedule.protocol.id}|{sessions}|{client}"


def milestone_key(milestone: PlanMilestone) -> str:
    return f"milestone|{milestone.id}|{milestone.session}|{milestone.date.isoformat()}"


def reminder_key(session: int, evening: dt.date) -> str:
    return f"reminder|{session}|{evening.isoformat()}"


def milestone_summary(schedule: Schedule, milestone: PlanMilestone, _: Translate = _identity) -> str:
    protocol = schedule.protocol
    for phase in protocol.phases:
        if phase.milestone == milestone.id and phase.milestone_title:
            return _(phase.milestone_title)
    words = protocol.key_date_text(milestone.id)  # day-counted milestones, the touch-up window, maintenance
    if words is None:
        raise KeyError(milestone.id)
    return _(words.title)


def milestone_events(schedule: Schedule, _: Translate = _identity) -> list[CalendarEvent]:
    day_one = _day_one_note(schedule, _)
    events = []
    for milestone in schedule.milestones:
        words = schedule.protocol.key_date_text(milestone.id)
        text = _(words.text) if words else ""
        events.append(
            CalendarEvent(
                key=milestone_key(milestone),
                date=milestone.date,
                end=milestone.date + dt.timedelta(days=1),
                summary=milestone_summary(schedule, milestone, _),
                description=" ".join(part for part in (text, day_one) if part),
                alarm_after_midnight=MORNING,
            )
        )
    return events


def _day_one_note(schedule: Schedule, _: Translate) -> str:
    if schedule.protocol.day_one == "session-day":
        return _("Day 1 is the day of your session.")
    return _("Day 1 is the day after your session.")


def _span_event(schedule: Schedule, span: PhaseSpan, _: Translate) -> CalendarEvent:
    phase = schedule.protocol.phase(span.phase)
    first, last, session = span.first.day, span.last.day, span.session
    if schedule.is_touch_up(session):  # a touch-up is never shown as a session number
        days = translate(_, "Days {first}–{last} after the touch-up", first=first, last=last)
        if first == last:
            days = translate(_, "Day {day} after the touch-up", day=first)
    else:
        days = translate(_, "Days {first}–{last} after session {session}", first=first, last=last, session=session)
        if first == last:
            days = translate(_, "Day {day} after session {session}", day=first, session=session)
    lines = [_(phase.summary), *(_(item) for item in phase.do), *(_(item) for item in phase.avoid)]
    return CalendarEvent(
        key=f"phase|{span.phase}|{span.session}|{span.first.date.isoformat()}",
        date=span.first.date,
        end=span.last.date + dt.timedelta(days=1),
        summary=f"{_(phase.title)} ({days})",
        description="\n".join([*lines, _day_one_note(schedule, _)]),
        alarm_after_midnight=MORNING,
    )


def plan_events(schedule: Schedule, _: Translate = _identity) -> list[CalendarEvent]:
    """Every phase span, every milestone and a before-care reminder on the evening before later sessions."""
    events = [_span_event(schedule, span, _) for span in schedule.spans()]
    events += key_date_events(schedule, _)
    events.sort(key=lambda e: (e.date, e.key))
    return events


def reminder_events(schedule: Schedule, _: Translate = _identity) -> list[CalendarEvent]:
    """The before-care evening before each later session."""
    before_care = " ".join(_(item.title) + "." for item in schedule.protocol.before_care)
    return [
        CalendarEvent(
            key=reminder_key(index, evening),
            date=evening,
            end=evening + dt.timedelta(days=1),
            summary=translate(_, "Your touch-up is tomorrow: before-care tonight")
            if schedule.is_touch_up(index)
            else translate(_, "Session {session} is tomorrow: before-care tonight", session=index),
            description=before_care,
            alarm_after_midnight=EVENING,
        )
        for (index, _date), evening in zip(schedule.numbered_sessions()[1:], schedule.reminders, strict=True)
    ]


def key_date_events(schedule: Schedule, _: Translate = _identity) -> list[CalendarEvent]:
    """Every key date a client acts on, in date order: the milestones and the before-care evenings (each
    evening names the session of the next day, so the sessions themselves need no event of their own)."""
    events = milestone_events(schedule, _) + reminder_events(schedule, _)
    events.sort(key=lambda e: (e.date, e.key))
    return events


def _vevent(event: CalendarEvent, uid: str, stamp: dt.datetime, *, alarm: bool) -> Event:
    from icalendar import Alarm, Event  # noqa: PLC0415 - see TYPE_CHECKING above

    vevent = Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.date)
    vevent.add("dtend", event.end)
    vevent.add("summary", event.summary)
    if event.description:
        vevent.add("description", event.description)
    vevent.add("transp", "TRANSPARENT")
    if alarm:
        valarm = Alarm()
        valarm.add("action", "DISPLAY")
        valarm.add("description", event.summary)
        valarm.add("trigger", event.alarm_after_midnight)
        vevent.add_component(valarm)
    return vevent


def plan_to_ics(
    schedule: Schedule,
    *,
    client: str = "",
    _: Translate = _identity,
    stamp: dt.datetime | None = None,
) -> bytes:
    from icalendar import Calendar, vText  # noqa: PLC0415 - see TYPE_CHECKING above

    stamp = stamp or default_stamp()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    title = _("Aftercare calendar")
    client = clean_text(client)
    calendar.add("x-wr-calname", vText(f"{title}: {client}" if client else title))
    key = plan_key(schedule, client)
    for event in plan_events(schedule, _):
        calendar.add_component(_vevent(event, event.uid(key), stamp, alarm=True))
    return bytes(calendar.to_ical())


def escape_text(text: str) -> str:
    """A TEXT value as icalendar's vText writes it (RFC 5545 3.3.11; line endings become a literal \\n), here so
    that the calendar's QR codes do not load icalendar (40 ms a process); a test keeps the two equal."""
    return (
        text.replace(r"\N", "\n")  # the order matters, as in icalendar: nothing is escaped twice
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def single_event_ics(event: CalendarEvent, uid: str) -> bytes:
    """One event for a QR code, as phones' cameras read them (a bare VEVENT, UTF-8): the UID of the same
    event in the .ics file, the date and the whole title; nothing else, so the code stays small enough to
    print with big modules."""
    summary = escape_text(event.summary)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTART;VALUE=DATE:{event.date:%Y%m%d}",
        f"SUMMARY:{summary}",
        "END:VEVENT",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()
