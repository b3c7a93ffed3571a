"""`records`: the check-ins of a date range, as a list or a formula-safe CSV file (headless staff use)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from kiosk.commands.common import today_from
from kiosk.core.clinic import load_clinic
from kiosk.core.dates import parse_date
from kiosk.core.kiosk_config import KioskConfig
from kiosk.errors import UserError

DATABASE_ENV = "SMP_KIOSK_DATABASE_URL"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("records", help="list check-ins of a date range or export them as CSV")
    parser.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="first day (default: today)")
    parser.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last day (default: the --from day)")
    parser.add_argument("--csv", metavar="FILE", help="write a CSV file instead of listing")
    parser.add_argument(
        "--database",
        metavar="URL",
        help=f"postgresql://USER:PASSWORD@HOST/DB (default: ${DATABASE_ENV}, else kiosk.toml's database_url, else"
        " the kiosk's own SQLite file)",
    )
    parser.add_argument(
        "--all-branches",
        action="store_true",
        help="every branch of the chain on the database (default: this kiosk's branch, kiosk.toml `branch`)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="visits per branch per day with their flags (what the staff screen's All branches page shows)",
    )
    parser.set_defaults(handler=run_records)


def run_records(args: argparse.Namespace) -> int:
    first = parse_date(args.first, "--from") if args.first else today_from(args)
    last = parse_date(args.last, "--to") if args.last else first
    if last < first:
        raise UserError(f"--to {last} is before --from {first}: swap the dates")
    if args.csv is not None and not args.csv.strip():
        raise UserError("--csv is empty: give the path of the CSV file to write")
    from kiosk.settings.resolver import open_store  # noqa: PLC0415  (SQLAlchemy only for this command)

    config = KioskConfig()
    store = open_store(config, load_clinic(config.file().clinic), args.database or os.environ.get(DATABASE_ENV))
    every = args.all_branches
    try:
        health = store.health()
        if health.problem is not None:
            raise UserError(health.message() + f" ({health.database})")
        if args.csv:
            count = store.export_csv(first, last, Path(args.csv), all_branches=every)
            print(f"{count} check-ins written to {args.csv}")
            return 0
        if args.summary:
            from kiosk.store.chain import chain_days  # noqa: PLC0415

            for line in chain_days(store.checkins_on_days(first, last, all_branches=every)):
                flags = ", ".join(f"{flag.value} {count}" for flag, count in line.flags.items()) or "no flags"
                print(f"{line.day.isoformat()}  {line.branch:<12} visits {line.visits:<4} {flags}")
            return 0
        for summary in store.checkins_on_days(first, last, all_branches=every):
            when = summary.checked_in_at.astimezone().strftime("%Y-%m-%d %H:%M")
            flags = ", ".join(flag.value for flag in summary.flags) or "ready"
            branch = f"{summary.branch:<10} " if every else ""
            name = summary.display_name
            print(f"{when}  {branch}{summary.kiosk_id:<12} {name:<24} session {summary.session!s:<8} {flags}")
        return 0
    finally:
        store.close()
