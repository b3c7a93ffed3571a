"""`schedule` and `ics`: the day-by-day plan as text or JSON, and as a calendar file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kiosk.commands.common import add_plan_options, language_from, schedule_from
from kiosk.core.schedule import Schedule
from kiosk.documents.atomic import write_atomically
from kiosk.documents.ics import milestone_summary, plan_to_ics
from kiosk.errors import UserError
from kiosk.i18n import translations
from kiosk.i18n.dates import ClinicDates, weekday_name


def register(subparsers: Any) -> None:
    schedule = subparsers.add_parser("schedule")
    add_plan_options(schedule)
    schedule.add_argument("--json", action="store_true", help="print JSON instead of text")
    schedule.set_defaults(handler=run_schedule)

    ics = subparsers.add_parser("ics")
    add_plan_options(ics)
    ics.add_argument("--out", required=True, metavar="FILE.ics", help="where to write the calendar")
    ics.set_defaults(handler=run_ics)


def run_schedule(args: argparse.Namespace) -> int:
    language = language_from(args)
    _, schedule = schedule_from(args)
    if args.json:
        print(json.dumps(schedule.to_json(), indent=2, ensure_ascii=False))
    else:
        print(plan_as_text(schedule, language, region_tag=args.language))
    return 0


def run_ics(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if not args.out.strip():
        raise UserError("--out is empty: give the path of the .ics file to write")
    language = language_from(args)
    _, schedule = schedule_from(args)
    write_atomically(out, plan_to_ics(schedule, _=translations(language).gettext))
    return 0


def plan_as_text(schedule: Schedule, language: str = "en", region_tag: str | None = None) -> str:
    """The plan as plain text in `language` (a shipped catalog tag); dates through Babel (CLDR) in the
    conventions of `region_tag`, the tag as the person gave it ('en-GB': 'Tuesday, 24 November 2026')."""
    _ = translations(language).gettext
    dates = region_tag or language
    whole = ClinicDates(dates).whole  # the screens' and the PDF's one date formatter
    protocol = schedule.protocol
    if protocol.day_one == "session-day":
        day_one = _("Day 1 is the day of the session")
    else:
        day_one = _("Day 1 is the day after the session")
    lines = [_("Aftercare plan ({name}; {day_one})").format(name=_(protocol.name), day_one=day_one), ""]
    for number, date in schedule.numbered_sessions():  # a session after the main ones is a touch-up, not a number
        if schedule.is_touch_up(number):
            lines.append(_("Touch-up: {date}").format(date=whole(date)))
        else:
            lines.append(_("Session {number}: {date}").format(number=number, date=whole(date)))
    lines.append("")
    for day in schedule.days:
        phase = protocol.phase(day.phase)
        if schedule.is_touch_up(day.session):
            counted = _("touch-up, day {day}").format(day=day.day)
        else:
            counted = _("session {session}, day {day}").format(session=day.session, day=day.day)
        weekday = weekday_name(day.date, dates, "abbreviated")
        lines.append(f"{day.date.isoformat()} {weekday}  {counted:<18} {phase.id:<8} {_(phase.summary)}")
    lines += ["", _("Milestones:")]
    for milestone in schedule.milestones:
        weekday = weekday_name(milestone.date, dates, "abbreviated")
        lines.append(f"{milestone.date.isoformat()} {weekday}  {milestone_summary(schedule, milestone, _)}")
    reminder = _("evening before-care reminder")
    for evening in schedule.reminders:
        weekday = weekday_name(evening, dates, "abbreviated")
        lines.append(f"{evening.isoformat()} {weekday}  {reminder}")
    return "\n".join(lines)
