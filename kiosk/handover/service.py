"""HandoverService: print or email a calendar now, and keep it in the outbox when that cannot happen now.

Every call blocks (CUPS polling, SMTP), so the UI runs it in a worker thread. A job is written to the
outbox before it is tried, so nothing is lost if the kiosk dies mid-way; see kiosk.handover for the API.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.errors import UserError
from kiosk.handover import messages
from kiosk.handover.config import (
    ClinicHandoverSettings,
    HandoverConfig,
    load_handover_config,
    with_clinic_settings,
)
from kiosk.handover.document import CUPS_MEDIA, JOB_TITLE, Paper, read_pdf
from kiosk.handover.errors import EmailNotConfiguredError, HandoverError, PermanentDeliveryError, TemporaryDeliveryError
from kiosk.handover.outbox import Job, Outbox
from kiosk.i18n.catalog import translations
from kiosk.paths import data_dir, data_folder_problem, describe_os_error

log = logging.getLogger(__name__)
Status = Literal["done", "queued", "failed"]
MAX_PRINT_ERRORS = 3  # CUPS failed the same document this often: a retry will not help


@dataclass(frozen=True)
class HandoverResult:
    """What happened to one job: for the screen (`client_message`) and for staff (`staff_message`)."""

    job_id: str
    kind: Literal["print", "email"]
    status: Status  # done: printed/sent; queued: waits in the outbox; failed: staff must act
    client_message: str  # in the client's language, kind, never technical
    staff_message: str  # English detail for staff and the log; no client name or address; "" when done
    client_message_id: str = ""  # the gettext id of client_message (kiosk.handover.messages), to translate again

    @property
    def delivered(self) -> bool:
        return self.status == "done"


class HandoverService:
    def __init__(self, config: HandoverConfig, outbox: Outbox) -> None:
        self.config = config
        self.outbox = outbox

    @classmethod
    def open(cls, folder: Path | None = None, *, clinic: ClinicHandoverSettings | None = None) -> HandoverService:
        """The kiosk's own service: kiosk.toml and outbox/ in data_dir() (or `folder`).

        `clinic` (the store's clinic-wide settings) supplies the printer and SMTP server kiosk.toml leaves out.
        """
        root = folder or data_dir()
        config = load_handover_config(root / "kiosk.toml")
        if clinic is not None:
            config = with_clinic_settings(config, clinic)
        return cls.at(root, config)

    @classmethod
    def at(cls, root: Path, config: HandoverConfig) -> HandoverService:
        """The service over the outbox in `root` with `config`; an outbox that cannot be opened is one UserError."""
        try:
            return cls(config, Outbox(root / "outbox"))
        except OSError as exc:  # read-only, full, a file where the folder should be
            raise UserError(describe_os_error(exc)) from None
        except sqlite3.Error as exc:  # the outbox database cannot be written
            raise UserError(data_folder_problem(f"the outbox database: {exc}")) from None

    @property
    def email_enabled(self) -> bool:
        """False when kiosk.toml has no [smtp] section: do not offer email."""
        return self.config.smtp is not None

    def check_address(self, text: str) -> str:
        """The normalised address, or InvalidAddressError (`.localised(language)` for the screen)."""
        from kiosk.handover.address import normalise_address  # noqa: PLC0415 - the email parser loads when used

        return normalise_address(text)

    def print_calendar(
        self,
        pdf: bytes | Path,
        *,
        language: str,
        printer: str | None = None,
        paper: Paper | None = None,
        title: str = JOB_TITLE,
    ) -> HandoverResult:
        """Queue the PDF for the printer (`printer`, else kiosk.toml's, else the system default) and print it now.
        `title` is what the print queue lists: never a client's name."""
        checked = read_pdf(pdf)
        details = {"language": language, "paper": paper or checked.paper or "", "title": title}
        if printer:
            details["printer"] = printer
        job = self.outbox.add("print", details, checked.data)
        return self._attempt(job.id)

    def email_calendar(
        self, pdf: bytes | Path, *, to: str, language: str, name: str = "", ics: bytes | Path | None = None
    ) -> HandoverResult:
        """Queue the email (PDF + .ics) and send it now; InvalidAddressError before anything is kept."""
        if self.config.smtp is None:
            raise EmailNotConfiguredError(
                "email is not set up: set SMTP on the staff screen (Clinic settings) or add [smtp] to kiosk.toml"
            )
        from kiosk.handover.address import normalise_address  # noqa: PLC0415 - see check_address

        recipient = normalise_address(to)
        checked = read_pdf(pdf)
        ics_data = ics.read_bytes() if isinstance(ics, Path) else ics
        details = {"language": language, "recipient": recipient, "name": name}
        job = self.outbox.add("email", details, checked.data, ics_data)
        return self._attempt(job.id)

    def retry_due(self, now: float | None = None) -> list[HandoverResult]:
        """Try every job whose backoff has run out. Call at start-up and every minute or so (in a worker)."""
        results = [self._attempt(job_id, now=now) for job_id in self.outbox.due(now)]
        self.outbox.prune()
        return results

    def retry_now(self, job_id: str | None = None) -> list[HandoverResult]:
        """Staff: try one job (or all not yet done), ignoring the backoff, including failed-permanently ones."""
        ids = [job_id] if job_id else [job.id for job in self.outbox.jobs() if job.state != "done"]
        return [self._attempt(each, include_failed=True, ignore_schedule=True) for each in ids]

    def jobs(self) -> list[Job]:
        return self.outbox.jobs()

    def _attempt(
        self, job_id: str, *, include_failed: bool = False, ignore_schedule: bool = False, now: float | None = None
    ) -> HandoverResult:
        job = self.outbox.claim(job_id, include_failed=include_failed, ignore_schedule=ignore_schedule, now=now)
        if job is None:  # done meanwhile, or another process is sending it
            current = self.outbox.get(job_id)
            status: Status = {"done": "done", "failed-permanently": "failed"}.get(current.state, "queued")  # type: ignore[assignment]
            return self._result(current, status, current.last_error, None)
        try:
            if not job.pdf.is_file():  # someone removed the outbox files: no retry can help
                raise PermanentDeliveryError(
                    f"the calendar of job {job.id} is missing from the outbox; make it again",
                    messages.PRINT_DELAYED if job.kind == "print" else messages.EMAIL_FAILED,
                )
            if job.kind == "email" and not job.details.get("recipient"):  # a damaged or hand-edited record
                raise PermanentDeliveryError(
                    f"job {job.id} has no address in its record; discard it and send the calendar again",
                    messages.EMAIL_FAILED,
                )
            if job.kind == "print":
                self._print(job)
            else:
                self._email(job)
        except HandoverError as exc:
            if exc.retry:
                job = self.outbox.mark_retry(job.id, exc.staff_message)
                log.warning("hand-over job %s (%s) waits for a retry: %s", job.id, job.kind, job.last_error)
                return self._result(job, "queued", job.last_error, exc.client_message)
            job = self.outbox.mark_failed(job.id, exc.staff_message)
            log.error("hand-over job %s (%s) failed: %s", job.id, job.kind, job.last_error)
            return self._result(job, "failed", job.last_error, exc.client_message)
        except BaseException:  # a bug, Ctrl-C, SIGTERM: the claim goes back at once, the job waits for a retry
            try:
                self.outbox.mark_retry(job.id, "unexpected error while delivering; see the kiosk log")
            except BaseException:
                self.outbox.release(job.id)
                raise
            log.exception("hand-over job %s (%s) crashed", job.id, job.kind)
            raise
        self.outbox.mark_done(job.id)
        log.info("hand-over job %s (%s) delivered", job.id, job.kind)
        return self._result(job, "done", "", None)

    def _result(self, job: Job, status: Status, staff: str, message_id: str | None) -> HandoverResult:
        if message_id is None:
            if job.kind == "print":
                message_id = messages.PRINTING if status == "done" else messages.PRINT_DELAYED
            else:
                message_id = {"done": messages.EMAIL_SENT, "queued": messages.EMAIL_DELAYED}.get(
                    status, messages.EMAIL_FAILED
                )
        language = job.details.get("language", "en")
        return HandoverResult(
            job.id, job.kind, status, messages.localise(message_id, language), staff, client_message_id=message_id
        )

    def _print(self, job: Job) -> None:
        from kiosk.handover import cups  # noqa: PLC0415 - CUPS over HTTP loads with the first print, not at start

        printer = job.details.get("cups_printer") or job.details.get("printer") or self.config.printer
        printer = printer or cups.default_printer()
        if not printer:
            raise TemporaryDeliveryError(
                "no printer: set one on the staff screen (Clinic settings), or `printer` in kiosk.toml, or a default "
                "printer in CUPS (lpoptions -d NAME)",
                messages.PRINT_DELAYED,
            )
        cups_job = job.details.get("cups_job")
        if cups_job:  # an earlier try handed it to CUPS: follow that job rather than print twice
            state, _detail = cups.job_state(printer, cups_job)
            if state == "completed":
                return
            if state == "pending":
                cups.wait_for_job(printer, cups_job, self.config.print_timeout)
                return
            errors = str(int(job.details.get("cups_errors", "0")) + 1)
            job = self.outbox.update_details(job.id, cups_job=None, cups_printer=None, cups_errors=errors)
        cups.ensure_ready(printer)
        paper = job.details.get("paper")
        media = next((name for size, name in CUPS_MEDIA.items() if size == paper), None)
        cups_job = cups.submit(job.pdf, printer, media, job.details.get("title") or JOB_TITLE)
        self.outbox.update_details(job.id, cups_job=cups_job, cups_printer=printer)
        try:
            cups.wait_for_job(printer, cups_job, self.config.print_timeout)
        except cups.PrintJobFailedError as exc:
            failures = int(job.details.get("cups_errors", "0")) + 1
            self.outbox.update_details(job.id, cups_job=None, cups_printer=None, cups_errors=str(failures))
            if failures >= MAX_PRINT_ERRORS:
                raise PermanentDeliveryError(
                    f"{exc.staff_message}; gave up after {failures} failed jobs: print the calendar again or "
                    "check the printer",
                    messages.PRINT_DELAYED,
                ) from None
            raise

    def _email(self, job: Job) -> None:
        from kiosk.handover.mail import compose_email, send_email  # noqa: PLC0415 - SMTP loads with the first email

        smtp = self.config.smtp
        if smtp is None:
            raise PermanentDeliveryError(
                "email is not set up any more: set SMTP on the staff screen (Clinic settings) or [smtp] in kiosk.toml",
                messages.EMAIL_FAILED,
            )
        ics = job.ics.read_bytes() if job.ics else None
        message = compose_email(
            smtp,
            recipient=job.details["recipient"],
            name=job.details.get("name", ""),
            pdf=job.pdf.read_bytes(),
            ics=ics,
            translate=translations(job.details.get("language", "en")).gettext,
        )
        send_email(smtp, message)
