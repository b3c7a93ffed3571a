"""`calendar`: the personalised aftercare calendar as a PDF (and, with --ics, the same plan as a calendar file)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kiosk.commands.common import add_plan_options, today_from
from kiosk.core.clinic import DEFAULT_CLINIC, load_clinic
from kiosk.core.dates import parse_date
from kiosk.core.names import FULL_NAME_MAX_CHARS, name_problem
from kiosk.core.protocol import load_protocol
from kiosk.core.schedule import build_schedule
from kiosk.documents.atomic import write_all_atomically
from kiosk.documents.ics import plan_to_ics
from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf, default_paper
from kiosk.documents.pdf.text import clean
from kiosk.errors import UserError
from kiosk.i18n import negotiate, translations


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "calendar",
        description="Write the aftercare calendar for one client: month grids, key dates, what to do and avoid, "
        "before-care, long-term care and QR codes that add the key dates to a phone.",
    )
    parser.add_argument("--name", required=True, help="the client's name, as it should be printed")
    add_plan_options(parser)
    for action in parser._actions:  # the clinic profile, not the shared option's default, decides these
        if action.dest == "protocol":
            action.help = "a shipped protocol id or a .toml protocol file (default: the clinic profile's)"
        elif action.dest == "language":
            action.help = (action.help or "").replace("(default: en)", "(default: the clinic profile's)")
    parser.set_defaults(protocol=None, language=None)
    parser.add_argument("--hair", choices=("buzz", "long"), help="before-care: buzz cut, or keep the length")
    parser.add_argument("--large-print", action="store_true", help="body text of 16 pt or more")
    parser.add_argument("--paper", choices=("a4", "letter"), help="paper size (default: from --language's region)")
    parser.add_argument(
        "--clinic", default=DEFAULT_CLINIC, metavar="ID_OR_FILE", help="clinic profile id or .toml file (default: demo)"
    )
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    parser.add_argument("--ics", metavar="FILE.ics", help="also write the plan as a calendar file")
    parser.add_argument(
        "--deterministic", action="store_true", help="no timestamps: the same input gives the same file (for tests)"
    )
    parser.set_defaults(handler=run_calendar)


def run_calendar(args: argparse.Namespace) -> int:
    name = clean(args.name)
    if not name:
        raise UserError("--name is empty: give the client's name as it should be printed")
    if len(name) > FULL_NAME_MAX_CHARS:
        raise UserError(
            f"--name is {len(name)} characters long; at most {FULL_NAME_MAX_CHARS} fit on the calendar: shorten it"
        )
    if name_problem(name):
        raise UserError("--name has no visible letters (only spaces or invisible characters): type the name again")
    if not args.out.strip():
        raise UserError("--out is empty: give the path of the PDF file to write")
    if args.ics is not None and not args.ics.strip():
        raise UserError("--ics is empty: give the path of the .ics file to write, or leave --ics out")
    clinic = load_clinic(args.clinic)
    tag = args.language or clinic.default_language
    language = negotiate(tag)
    protocol = load_protocol(args.protocol or clinic.protocol)
    sessions = [parse_date(text) for text in args.session]
    schedule = build_schedule(sessions, protocol, today_from(args), args.first_session_number)
    request = CalendarRequest(
        name=name,
        schedule=schedule,
        clinic=clinic,
        hair=args.hair,
        language=language,
        large_print=args.large_print,
        paper=args.paper or default_paper(tag, clinic.region),  # es-MX letter; plain `en` in a GB clinic A4
        deterministic=args.deterministic,
    )
    pdf = build_calendar_pdf(request)
    ics = plan_to_ics(schedule, client=name, _=translations(language).gettext) if args.ics else None
    outputs = [(Path(args.out), pdf)] + ([(Path(args.ics), ics)] if ics is not None else [])
    write_all_atomically(outputs)  # all or nothing: no PDF without its calendar file
    return 0
