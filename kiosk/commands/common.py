"""Options and helpers shared by several commands."""

from __future__ import annotations

import argparse
import datetime as dt

from kiosk.core.dates import parse_date
from kiosk.core.protocol import DEFAULT_PROTOCOL_ID, Protocol, load_protocol
from kiosk.core.schedule import Schedule, build_schedule
from kiosk.i18n import negotiate, paper_size
from kiosk.i18n.regional import Paper


def add_plan_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--session",
        action="append",
        default=[],
        metavar="YYYY-MM-DD",
        help="a session date; repeat for each session (1 to 6, any order)",
    )
    parser.add_argument(
        "--first-session-number",
        type=int,
        default=1,
        metavar="N",
        help="what the client calls the earliest --session: 2 if they are at their second session (default: 1)",
    )
    parser.add_argument(
        "--protocol",
        metavar="ID_OR_FILE",
        help="a shipped protocol id or a .toml protocol file (default: the clinic's, with the day counts staff set;"
        f" `{DEFAULT_PROTOCOL_ID}` is the shipped one)",
    )
    parser.add_argument(
        "--language",
        default="en",
        metavar="TAG",
        help="language of the output: en, es, fr, de, it, pt-BR, nl, pl, tr, ru, ar, he; a regional tag such as"
        " de-AT or es-MX uses the closest one (default: en)",
    )


def language_from(args: argparse.Namespace) -> str:
    """The shipped catalog for --language (UserError listing the supported languages if there is none)."""
    return negotiate(getattr(args, "language", None) or "en")


def paper_from(args: argparse.Namespace) -> Paper:
    """--paper if given, else the paper of --language's region (CLDR): en-US, es-MX letter; de, en-GB A4."""
    chosen = getattr(args, "paper", None)
    if chosen in ("a4", "letter"):
        return "a4" if chosen == "a4" else "letter"
    tag = getattr(args, "language", None) or "en"
    negotiate(tag)
    return paper_size(tag)


def today_from(args: argparse.Namespace) -> dt.date:
    if getattr(args, "today", None):
        return parse_date(args.today, "--today")
    return dt.date.today()


def protocol_from(args: argparse.Namespace) -> Protocol:
    """--protocol as given, else the clinic's protocol with the day counts staff set (kiosk.settings.resolver)."""
    if args.protocol is not None:
        return load_protocol(args.protocol)
    from kiosk.settings.resolver import resolve  # noqa: PLC0415

    return resolve(getattr(args, "clinic", None)).effective.protocol


def schedule_from(args: argparse.Namespace) -> tuple[Protocol, Schedule]:
    sessions = [parse_date(text) for text in args.session]
    protocol = protocol_from(args)
    return protocol, build_schedule(sessions, protocol, today_from(args), args.first_session_number)
