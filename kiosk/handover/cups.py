"""Printing through CUPS with its own command-line tools (`lp`, `lpstat`; Debian package cups-client).

How a job ended is asked over IPP (kiosk.handover.ipp): lpstat cannot tell completed from canceled.

The tools find the server the usual way (CUPS_SERVER, ~/.cups/client.conf, /etc/cups/client.conf, the
local socket), so a kiosk prints wherever its CUPS is. They run with LC_ALL=C because their output is
parsed. Every failure raises TemporaryDeliveryError with a staff message naming the printer and what to do;
the job stays in the outbox and is retried.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.core.limits import bounded_seconds
from kiosk.handover import ipp, messages
from kiosk.handover.document import JOB_TITLE, RECEIPT_JOB_TITLE
from kiosk.handover.errors import TemporaryDeliveryError

JobState = Literal["pending", "completed", "failed"]
COMMAND_TIMEOUT = 30.0
POLL_INTERVAL = 0.5
__all__ = ["JOB_TITLE", "RECEIPT_JOB_TITLE"]  # (defined beside the PDF check, which the kiosk loads at start)
_REQUEST_ID = re.compile(r"request id is (\S+)")


@dataclass(frozen=True)
class PrinterStatus:
    name: str
    exists: bool
    enabled: bool = False
    accepting: bool = False
    reason: str = ""  # why it is stopped, as CUPS says it


def _delayed(staff_message: str) -> TemporaryDeliveryError:
    return TemporaryDeliveryError(staff_message, messages.PRINT_DELAYED)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LC_ALL="C", LANG="C", LANGUAGE="C")
    try:
        result = subprocess.run(
            list(args), capture_output=True, text=True, env=env, timeout=COMMAND_TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise _delayed(f"the CUPS command {args[0]} is missing: install the Debian package cups-client") from None
    except subprocess.TimeoutExpired:
        raise _delayed(
            f"{args[0]} did not answer within {COMMAND_TIMEOUT:.0f} s: is the CUPS server running?"
        ) from None
    if "scheduler is not running" in result.stderr.lower() or "unable to connect" in result.stderr.lower():
        raise _not_running()
    return result


def _not_running() -> TemporaryDeliveryError:
    server = os.environ.get("CUPS_SERVER", "the local CUPS")
    return _delayed(f"the print service (CUPS at {server}) is not running or cannot be reached: start cupsd")


def _check_scheduler() -> None:
    """lpstat reports "no such printer" when it cannot reach the server at all; tell the two apart."""
    if "scheduler is running" not in _run("lpstat", "-r").stdout:
        raise _not_running()


def default_printer() -> str | None:
    """The system default destination, or None when CUPS has none."""
    result = _run("lpstat", "-d")
    match = re.search(r"system default destination:\s*(\S+)", result.stdout)
    if not match:
        _check_scheduler()
    return match.group(1) if match else None


def printer_status(name: str) -> PrinterStatus:
    state = _run("lpstat", "-p", name)
    if state.returncode != 0 or not state.stdout.startswith(f"printer {name} "):
        _check_scheduler()
        return PrinterStatus(name, exists=False)
    first, *rest = state.stdout.splitlines()
    enabled = " disabled since " not in first
    reason = " ".join(line.strip() for line in rest if line.startswith("\t")).strip()
    accepting = _run("lpstat", "-a", name)
    return PrinterStatus(
        name,
        exists=True,
        enabled=enabled,
        accepting=accepting.returncode == 0 and " not accepting " not in accepting.stdout,
        reason=reason,
    )


def ensure_ready(name: str) -> None:
    """TemporaryDeliveryError unless the queue exists, is started and accepts jobs."""
    status = printer_status(name)
    if not status.exists:
        raise _delayed(f"printer {name} is not set up in CUPS: add it, or set `printer` in kiosk.toml")
    if not status.enabled:
        why = f" ({status.reason})" if status.reason else ""
        raise _delayed(f"printer {name} is stopped{why}: fix it, then start it with `cupsenable {name}`")
    if not status.accepting:
        raise _delayed(f"printer {name} does not accept jobs: allow them with `cupsaccept {name}`")


def submit(pdf: Path, printer: str, media: str | None, title: str = JOB_TITLE) -> str:
    """Send the PDF to the queue without a dialog; returns the CUPS job id (`Queue-12`)."""
    options = ["-o", f"media={media}"] if media else []
    result = _run("lp", "-d", printer, *options, "-t", title, "--", str(pdf))
    match = _REQUEST_ID.search(result.stdout)
    if result.returncode != 0 or not match:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise _delayed(f"printer {printer} refused the job: {detail[0] if detail else 'lp failed'}")
    return match.group(1)


def server() -> str:
    """The CUPS server the tools talk to (CUPS_SERVER, client.conf or the local socket)."""
    return _run("lpstat", "-H").stdout.strip() or "/run/cups/cups.sock"


def job_state(printer: str, job_id: str) -> tuple[JobState, str]:
    """Where a CUPS job is: still pending/printing, completed, or failed (aborted, canceled, with errors)."""
    number = job_id.rpartition("-")[2]
    if not number.isdigit():
        raise _delayed(f"printer {printer}: {job_id} is not a CUPS job id")
    try:
        job = ipp.get_job(server(), int(number))
    except ipp.IppError as exc:
        raise _delayed(f"printer {printer}: {exc}") from None
    if job is None:  # gone from the job history: it finished long ago
        return "completed", ""
    reasons = ", ".join(job.reasons)
    with_errors = any("error" in reason for reason in job.reasons)  # job-completed-with-errors
    if job.state in ipp.PENDING_STATES and not with_errors:
        return "pending", reasons
    if job.state == ipp.COMPLETED and not with_errors:
        return "completed", reasons
    if job.state in ipp.PENDING_STATES:  # stopped on an error: take it out so that it never prints late
        _run("cancel", job_id)
    ending = {ipp.CANCELED: "canceled", ipp.ABORTED: "aborted"}.get(job.state, "completed with errors")
    return "failed", f"{ending}: {reasons}" if reasons else ending


def wait_for_job(printer: str, job_id: str, timeout: float) -> None:
    """Return once CUPS has finished the job; TemporaryDeliveryError when it failed, stalled or the printer stopped."""
    deadline = time.monotonic() + bounded_seconds(timeout)
    while True:
        state, detail = job_state(printer, job_id)
        if state == "completed":
            return
        if state == "failed":
            raise PrintJobFailedError(f"printer {printer}: job {job_id} did not print ({detail or 'aborted'})")
        status = printer_status(printer)
        if not status.enabled:
            why = f" ({status.reason})" if status.reason else ""
            raise _delayed(
                f"printer {printer} stopped while printing job {job_id}{why}: fix it and start it with "
                f"`cupsenable {printer}`; the job prints then"
            )
        if time.monotonic() >= deadline:
            raise _delayed(f"printer {printer}: job {job_id} is still waiting after {timeout:.0f} s")
        time.sleep(POLL_INTERVAL)


class PrintJobFailedError(TemporaryDeliveryError):
    """CUPS aborted or canceled the job: it must be submitted again."""

    def __init__(self, staff_message: str) -> None:
        super().__init__(staff_message, messages.PRINT_DELAYED)
