"""`schedule` and `ics`: the day-by-day plan as text or JSON, and as a calendar file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kiosk.commands.common import add_plan_options, schedule_from
from kiosk.core.schedule import Schedule
from kiosk.documents.atomic import write_atomically
from kiosk.documents.ics import milestone_summary, plan_to_ics
from kiosk.errors import UserError


def register(subparsers: Any) -> None:
    schedule = subparsers.add_parser("schedule", help="print the day-by-day aftercare plan")
    add_plan_options(schedule)
    schedule.add_argument("--json", action="store_true", help="print JSON instead of text")
    schedule.set_defaults(handler=run_schedule)

    ics = subparsers.add_parser("ics", help="write the aftercare plan as an .ics calendar file")
    add_plan_options(ics)
    ics.add_argument("--out", required=True, metavar="FILE.ics", help="where to write the calendar")
    ics.set_defaults(handler=run_ics)


def run_schedule(args: argparse.Namespace) -> int:
    _, schedule = schedule_from(args)
    if args.json:
        print(json.dumps(schedule.to_json(), indent=2, ensure_ascii=False))
    else:
        print(plan_as_text(schedule))
    return 0


def run_ics(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if not args.out.strip():
        raise UserError("--out is empty: give the path of the .ics file to write")
    _, schedule = schedule_from(args)
    write_atomically(out, plan_to_ics(schedule))
    return 0


def plan_as_text(schedule: Schedule) -> str:
    protocol = schedule.protocol
    day_one = (
        "Day 1 is the day of the session"
        if protocol.day_one == "session-day"
        else ("Day 1 is the day after the session")
    )
    lines = [f"Aftercare plan ({protocol.name}; {day_one})", ""]
    for number, date in enumerate(schedule.sessions, start=1):
        lines.append(f"Session {number}: {date:%A %d %B %Y}")
    lines.append("")
    for day in schedule.days:
        phase = protocol.phase(day.phase)
        lines.append(
            f"{day.date.isoformat()} {day.date:%a}  session {day.session}, day {day.day:<3} "
            f"{phase.id:<8} {phase.summary}"
        )
    lines += ["", "Milestones:"]
    for milestone in schedule.milestones:
        lines.append(f"{milestone.date.isoformat()} {milestone.date:%a}  {milestone_summary(schedule, milestone)}")
    for evening in schedule.reminders:
        lines.append(f"{evening.isoformat()} {evening:%a}  evening before-care reminder")
    return "\n".join(lines)
