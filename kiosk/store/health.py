"""The store's health as the staff screen shows it: is the database taking check-ins, and if not, why.

Problems are worked out from the exception the database raised, so staff get a message they can act
on ("the disk is full") instead of a driver's error text.
"""

from __future__ import annotations

import datetime as dt
import enum
import errno
import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.i18n.catalog import translations


class Problem(enum.Enum):
    CORRUPT = "corrupt"  # the database file is damaged or is not a database
    LOCKED = "locked"  # another program holds the database locked
    READ_ONLY = "read-only"  # the database or its folder cannot be written
    DISK_FULL = "disk-full"
    UNREACHABLE = "unreachable"  # the database server does not answer
    FAILED = "failed"  # anything else


def _(message: str) -> str:
    """Marks a message for extraction; it is translated when shown (StoreHealth.message)."""
    return message


_MESSAGES = {
    Problem.CORRUPT: _(
        "The check-in database is damaged. Check-ins are kept safe and will be saved when it is repaired or replaced."
    ),
    Problem.LOCKED: _(
        "Another program is using the check-in database. Check-ins are kept safe and will be saved when it is free."
    ),
    Problem.READ_ONLY: _(
        "The kiosk cannot write to its data folder. Check-ins are kept safe and will be "
        "saved when the folder can be written again."
    ),
    Problem.DISK_FULL: _("The disk is full. Check-ins are kept safe and will be saved when there is space."),
    Problem.UNREACHABLE: _(
        "The database server does not answer. Check-ins are kept safe and will be saved when it is back."
    ),
    Problem.FAILED: _(
        "The check-in database has a problem. Check-ins are kept safe and will be saved when it works again."
    ),
}


def classify(exc: BaseException) -> Problem:
    """Which Problem an exception from opening or writing the database means."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError  # noqa: PLC0415 - keeps SQLAlchemy off the kiosk's start

    if isinstance(exc, OSError) and not isinstance(exc, SQLAlchemyError):
        if exc.errno == errno.ENOSPC:
            return Problem.DISK_FULL
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return Problem.READ_ONLY
        return Problem.FAILED
    text = str(exc.orig if isinstance(exc, DBAPIError) else exc).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return Problem.CORRUPT
    if "locked" in text or "busy" in text:
        return Problem.LOCKED
    if "full" in text or "no space" in text:
        return Problem.DISK_FULL
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return Problem.READ_ONLY
    if isinstance(exc, DBAPIError) and (exc.connection_invalidated or "connect" in text or "server" in text):
        return Problem.UNREACHABLE
    if "connection" in text or "terminat" in text:
        return Problem.UNREACHABLE
    return Problem.FAILED


def probe_folder(folder: Path) -> Problem | None:
    """Why a folder cannot be written (read-only, full), found by trying; None when it can be."""
    probe = folder / ".write-probe"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"\0" * 65536)
            os.fsync(fd)
        finally:
            os.close(fd)
            probe.unlink(missing_ok=True)
    except OSError as exc:
        return classify(exc)
    return None


@dataclass(frozen=True)
class StoreHealth:
    """What the staff screen shows about storage.

    ok: the database took the last write (or read) and nothing is waiting.
    problem: why it did not (None when it did).
    pending: check-ins waiting to be written to the database.
    in_memory: of those, how many could not be written to any spool file either (lost if the kiosk stops).
    refused: check-ins the database refused as bad data, kept in refused-checkins.jsonl for staff.
    spool_files: where the pending check-ins are kept on disk.
    since: when the current problem started (UTC).
    backend: "sqlite" or "postgresql"; database: where it is (the password is never shown).
    """

    ok: bool
    problem: Problem | None
    pending: int
    in_memory: int
    refused: int
    spool_files: tuple[Path, ...]
    since: dt.datetime | None
    backend: str
    database: str

    def message(self, language: str = "en") -> str:
        """One sentence for staff, in their language; empty when all is well."""
        gettext = translations(language).gettext
        if self.problem is None:
            if self.pending:
                return gettext("Saving check-ins that were kept while the database was away.")
            return ""
        return gettext(_MESSAGES[self.problem])
