"""`print`, `email` and `outbox`: the kiosk's hand-overs from the command line, for staff and scripts."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from kiosk.commands.common import language_from
from kiosk.core.names import FULL_NAME_MAX_CHARS, clean_text, name_problem
from kiosk.errors import UserError, shown
from kiosk.handover import HandoverResult, HandoverService, Job
from kiosk.handover.address import normalise_address
from kiosk.handover.document import MAX_PDF_BYTES, read_pdf
from kiosk.handover.outbox import mask_address
from kiosk.paths import data_dir
from kiosk.settings.resolver import resolve

EXIT_DELIVERED = 0
EXIT_BAD_INPUT = 2
EXIT_QUEUED = 3
EXIT_FAILED = 4
EXIT_CODES = f"""exit codes:
  {EXIT_DELIVERED}  printed / sent
  {EXIT_BAD_INPUT}  bad input (a missing or broken PDF, a bad address, a bad kiosk.toml): nothing was queued
  {EXIT_QUEUED}  not delivered yet: the job waits in the outbox and is retried (see `smp-kiosk outbox`)
  {EXIT_FAILED}  failed until staff act (e.g. the SMTP login was refused): kept in the outbox as failed

The printer and the mail server are the branch's (staff set them on the kiosk's Clinic settings page), unless
kiosk.toml in the kiosk's data folder (SMP_KIOSK_DATA_DIR moves it) sets `printer` or an [smtp] section of its
own. `smp-kiosk settings` shows which are used and where each came from."""


def register(subparsers: Any) -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    printing = subparsers.add_parser("print", epilog=EXIT_CODES, formatter_class=formatter)
    printing.add_argument("pdf", metavar="FILE.pdf", help="the calendar PDF")
    printing.add_argument("--printer", metavar="NAME", help="CUPS queue (default: kiosk.toml, else the system default)")
    printing.add_argument("--paper", choices=("a4", "letter"), help="paper size (default: the PDF's page size)")
    printing.set_defaults(handler=run_print)

    email = subparsers.add_parser("email", epilog=EXIT_CODES, formatter_class=formatter)
    email.add_argument("pdf", metavar="FILE.pdf", help="the calendar PDF")
    email.add_argument("--to", required=True, metavar="ADDRESS", help="the client's email address")
    email.add_argument("--ics", metavar="FILE.ics", help="a calendar file to attach as well")
    email.add_argument("--language", metavar="TAG", help="language of the subject and text (default: en)")
    email.add_argument("--name", default="", help="the client's first name, for the greeting")
    email.set_defaults(handler=run_email)

    outbox = subparsers.add_parser(
        "outbox",
        description="Without options: list the jobs. Email addresses are shown masked.",
        epilog=EXIT_CODES.replace("printed / sent", "every job tried was delivered, or the list was shown"),
        formatter_class=formatter,
    )
    action = outbox.add_mutually_exclusive_group()
    action.add_argument(
        "--retry", nargs="?", const="all", metavar="JOB", help="try now: every job not done (default) or one job"
    )
    action.add_argument("--discard", metavar="JOB", help="delete a job with its files and address")
    outbox.set_defaults(handler=run_outbox)


def open_service() -> HandoverService:
    """The hand-over service with the effective printer and SMTP server (kiosk.settings.resolver)."""
    handover = resolve().effective.handover
    assert handover is not None  # None only when kiosk.toml could not be read, which resolve() reports
    return HandoverService.at(data_dir(), handover)


def _report(result: HandoverResult) -> int:
    if result.status == "done":
        print(f"{result.kind} job {result.job_id}: done")
        return EXIT_DELIVERED
    if result.status == "queued":
        print(f"{result.kind} job {result.job_id}: queued in the outbox, will be retried: {result.staff_message}")
        return EXIT_QUEUED
    print(f"{result.kind} job {result.job_id}: failed: {result.staff_message}", file=sys.stderr)
    return EXIT_FAILED


def _pdf_path(text: str) -> Path:
    if not text.strip():
        raise UserError("the PDF path is empty: give the calendar PDF to hand over")
    path = Path(text)
    read_pdf(path)  # bad input is refused before anything else is read
    return path


def run_print(args: argparse.Namespace) -> int:
    pdf = _pdf_path(args.pdf)
    printer = args.printer.strip() if args.printer is not None else None
    if args.printer is not None and not printer:
        raise UserError("--printer is empty: give a CUPS queue name (see `lpstat -p`)")
    service = open_service()
    return _report(service.print_calendar(pdf, language="en", printer=printer, paper=args.paper))


def run_email(args: argparse.Namespace) -> int:
    pdf = _pdf_path(args.pdf)
    language = language_from(args)
    ics: Path | None = None
    if args.ics is not None:
        ics = Path(args.ics)
        if not ics.is_file():
            raise UserError(f"--ics {shown(args.ics)} does not exist: give the path of a .ics calendar file")
        if ics.stat().st_size > MAX_PDF_BYTES:
            raise UserError(f"--ics {shown(args.ics)} is larger than a calendar file can be: make it with `ics`")
        if not ics.read_bytes().lstrip().startswith(b"BEGIN:VCALENDAR"):
            raise UserError(f"--ics {shown(args.ics)} is not a calendar file (no BEGIN:VCALENDAR): make it with `ics`")
    if len(clean_text(args.name, len(args.name) + 1)) > FULL_NAME_MAX_CHARS:
        raise UserError(f"--name is longer than {FULL_NAME_MAX_CHARS} characters: give the client's first name")
    if name_problem(clean_text(args.name)):
        raise UserError("--name has no visible letters (only spaces or invisible characters): type it again")
    address = normalise_address(args.to)  # before the outbox is even opened: a bad address leaves no trace
    service = open_service()
    return _report(service.email_calendar(pdf, to=address, language=language, name=args.name, ics=ics))


def run_outbox(args: argparse.Namespace) -> int:
    service = open_service()
    if args.discard:
        _job(service, args.discard)
        service.outbox.discard(args.discard)
        print(f"job {args.discard}: discarded")
        return 0
    if args.retry:
        if args.retry != "all":
            _job(service, args.retry)
        results = service.retry_now(None if args.retry == "all" else args.retry)
        codes = [_report(result) for result in results]
        if not results:
            print("the outbox is empty: nothing to retry")
        return max(codes, default=0)
    jobs = service.jobs()
    if not jobs:
        print("the outbox is empty")
    for job in jobs:
        print(describe(job))
    return 0


def _job(service: HandoverService, job_id: str) -> Job:
    try:
        return service.outbox.get(job_id)
    except KeyError:
        raise UserError(f"there is no job {shown(job_id)} in the outbox: list them with `smp-kiosk outbox`") from None


def describe(job: Job) -> str:
    created = dt.datetime.fromtimestamp(job.created_at).strftime("%Y-%m-%d %H:%M")
    parts = [job.id, job.kind, job.state, f"created {created}", f"attempts {job.attempts}"]
    if job.state == "pending":
        next_at = dt.datetime.fromtimestamp(job.next_attempt_at).strftime("%Y-%m-%d %H:%M:%S")
        parts.append(f"next try {next_at}")
    if job.kind == "email" and job.details.get("recipient"):
        parts.append(f"to {mask_address(job.details['recipient'])}")
    if job.kind == "print" and (job.details.get("cups_printer") or job.details.get("printer")):
        parts.append(f"printer {job.details.get('cups_printer') or job.details.get('printer')}")
    line = "  ".join(parts)
    return f"{line}\n    last error: {job.last_error}" if job.last_error else line
