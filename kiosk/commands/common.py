"""Options and helpers shared by several commands."""

from __future__ import annotations

import argparse
import datetime as dt

from kiosk.core.dates import parse_date
from kiosk.core.protocol import DEFAULT_PROTOCOL_ID, Protocol, load_protocol
from kiosk.core.schedule import Schedule, build_schedule


def add_plan_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--session",
        action="append",
        default=[],
        metavar="YYYY-MM-DD",
        help="a session date; repeat for each session (1 to 6, any order)",
    )
    parser.add_argument(
        "--protocol",
        default=DEFAULT_PROTOCOL_ID,
        metavar="ID_OR_FILE",
        help=f"a shipped protocol id or a .toml protocol file (default: {DEFAULT_PROTOCOL_ID})",
    )


def today_from(args: argparse.Namespace) -> dt.date:
    if getattr(args, "today", None):
        return parse_date(args.today, "--today")
    return dt.date.today()


def schedule_from(args: argparse.Namespace) -> tuple[Protocol, Schedule]:
    sessions = [parse_date(text) for text in args.session]
    protocol = load_protocol(args.protocol)
    return protocol, build_schedule(sessions, protocol, today_from(args))
