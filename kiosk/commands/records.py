"""`records`: the visits of a date range (finished, walked away and where, in progress), as a list, as JSON for
scripts, or as a formula-safe CSV file (headless staff use). It reads the database the kiosk uses."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.commands.common import today_from
from kiosk.core.dates import parse_date
from kiosk.core.kiosk_config import kiosk_database_url
from kiosk.core.visit_record import state_text
from kiosk.errors import UserError

if TYPE_CHECKING:
    from kiosk.store.checkin import CheckInSummary

DATABASE_ENV = "SMP_KIOSK_DATABASE_URL"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("records")
    parser.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="first day (default: today)")
    parser.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last day (default: the --from day)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--csv", metavar="FILE", help="write a CSV file instead of listing")
    output.add_argument("--json", action="store_true", help="print the visits as JSON (a list), for scripts")
    parser.add_argument(
        "--database",
        metavar="URL",
        help=f"postgresql://USER:PASSWORD@HOST/DB (default: ${DATABASE_ENV}, else the database the kiosk uses:"
        " database_url in its kiosk.json, else its own SQLite file)",
    )
    # Problems come as one line (exit 2); the store's own warnings about them go to the log file only.
    parser.set_defaults(handler=run_records, console_level=logging.CRITICAL)


def database_of(args: argparse.Namespace) -> str | None:
    return args.database or os.environ.get(DATABASE_ENV) or kiosk_database_url()


def line_of(summary: CheckInSummary) -> str:
    """One visit for a person: time, kiosk, name, session, where it stands, the flags."""
    when = summary.checked_in_at.astimezone().strftime("%Y-%m-%d %H:%M")
    flags = ", ".join(flag.value for flag in summary.flags) or "ready"
    state = state_text(summary.outcome, summary.step) + (" (waiting for the database)" if summary.pending else "")
    session = "touch-up" if summary.session == "touch-up" else f"session {summary.session}"  # never numbered
    return f"{when}  {summary.kiosk_id:<12} {summary.display_name:<24} {session:<16} {state:<36} {flags}"


def run_records(args: argparse.Namespace) -> int:
    first = parse_date(args.first, "--from") if args.first else today_from(args)
    last = parse_date(args.last, "--to") if args.last else first
    if last < first:
        raise UserError(f"--to {last} is before --from {first}: swap the dates")
    if args.csv is not None and not args.csv.strip():
        raise UserError("--csv is empty: give the path of the CSV file to write")
    url = database_of(args)
    from kiosk.store import CheckInStore  # noqa: PLC0415  (SQLAlchemy only for this command)
    from kiosk.store.export import record_fields  # noqa: PLC0415

    store = CheckInStore(url)
    try:
        health = store.health()
        if health.problem is not None:
            raise UserError(health.message() + f" ({health.database})")
        if args.csv:
            count = store.export_csv(first, last, Path(args.csv))
            print(f"{count} check-ins written to {args.csv}")
            return 0
        summaries = store.checkins_on_days(first, last)
        if store.health().problem is not None:  # it went away while reading: say so rather than list nothing
            raise UserError(store.health().message() + f" ({health.database})")
        if args.json:
            zone = dt.datetime.now().astimezone().tzinfo or dt.UTC
            print(json.dumps([record_fields(s, zone) for s in summaries], ensure_ascii=False, indent=2))
            return 0
        for summary in summaries:
            print(line_of(summary))
        return 0
    finally:
        store.close()
