"""A durable queue for check-ins the database could not take: JSON lines, flushed and fsync'ed.

When the database is down, full, locked or damaged, each state of a visit (in progress, then finished or
walked away) is appended here before the kiosk moves on, and written to the database once it is back: the
`uid` and the `revision` make replaying idempotent and keep the newest state, whatever order lines are read
in. The
spool lives in the data folder; if that cannot be written either (read-only or full disk), in a private
fallback folder; the store keeps anything neither can take in memory and says so on the staff screen.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import getpass
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from kiosk.core.visit_record import VisitOutcome, VisitStep
from kiosk.store.checkin import CheckIn, session_from_text, session_text
from kiosk.store.files import PRIVATE_FILE, make_private_dir

SPOOL_FILE = "pending-checkins.jsonl"
REFUSED_FILE = "refused-checkins.jsonl"  # check-ins the database refused (bad data): kept for staff
log = logging.getLogger(__name__)


def fallback_spool_dir() -> Path:
    return Path(tempfile.gettempdir()) / f"smp-kiosk-spool-{getpass.getuser()}"


def to_json(check_in: CheckIn) -> dict[str, Any]:
    return {
        "uid": check_in.uid,
        "first_name": check_in.first_name,
        "last_initial": check_in.last_initial,
        "session": session_text(check_in.session),
        "session_date": check_in.session_date.isoformat(),
        "language": check_in.language,
        "moisturised": check_in.moisturised,
        "hair": check_in.hair,
        "receipt_required": check_in.receipt_required,
        "signature_strokes": check_in.signature_strokes,
        "signature_png": base64.b64encode(check_in.signature_png).decode() if check_in.signature_png else None,
        "checked_in_at": check_in.checked_in_at.isoformat(),
        "kiosk_id": check_in.kiosk_id,
        "step": check_in.step.value,
        "outcome": check_in.outcome.value,
        "calendar_made": check_in.calendar_made,
        "printed": check_in.printed,
        "emailed": check_in.emailed,
        "revision": check_in.revision,
        "updated_at": check_in.updated_at.isoformat() if check_in.updated_at else None,
    }


def from_json(raw: dict[str, Any]) -> CheckIn:
    """A spooled line; one written before visits had a life is a finished check-in (its only kind then)."""
    png = raw.get("signature_png")
    updated = raw.get("updated_at")
    return CheckIn(
        uid=str(raw["uid"]),
        first_name=str(raw["first_name"]),
        last_initial=str(raw["last_initial"]),
        session=session_from_text(str(raw["session"])),
        session_date=dt.date.fromisoformat(raw["session_date"]),
        language=str(raw["language"]),
        moisturised=raw["moisturised"],
        hair=raw["hair"],
        receipt_required=bool(raw["receipt_required"]),
        signature_strokes=raw.get("signature_strokes"),
        signature_png=base64.b64decode(png) if png else None,
        checked_in_at=dt.datetime.fromisoformat(raw["checked_in_at"]).astimezone(dt.UTC),
        kiosk_id=str(raw["kiosk_id"]),
        step=VisitStep(raw.get("step", VisitStep.FINISH.value)),
        outcome=VisitOutcome(raw.get("outcome", VisitOutcome.FINISHED.value)),
        calendar_made=bool(raw.get("calendar_made", True)),
        printed=raw.get("printed"),
        emailed=raw.get("emailed"),
        revision=int(raw.get("revision", 1)),
        updated_at=dt.datetime.fromisoformat(updated).astimezone(dt.UTC) if updated else None,
    )


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Spool:
    """Spool files in `folders`, tried in order; `append` returns the file that took the check-in."""

    def __init__(self, folders: list[Path], file_name: str = SPOOL_FILE) -> None:
        self.folders = folders
        self.file_name = file_name

    def files(self) -> list[Path]:
        return [folder / self.file_name for folder in self.folders]

    def files_in_use(self) -> list[Path]:
        """The spool files that hold something."""
        in_use = []
        for path in self.files():
            with contextlib.suppress(OSError):
                if path.stat().st_size > 0:
                    in_use.append(path)
        return in_use

    def append(self, check_in: CheckIn) -> Path:
        """Write the check-in and fsync it; raise OSError when no folder can take it."""
        line = (json.dumps(to_json(check_in), ensure_ascii=False) + "\n").encode()
        last_error: OSError | None = None
        for path in self.files():
            try:
                self._append_line(path, line)
            except OSError as exc:
                last_error = exc
                log.warning("spool %s cannot be written: %s", path, exc.strerror or exc)
                continue
            return path
        raise last_error or OSError("no spool folder")

    @staticmethod
    def _append_line(path: Path, line: bytes) -> None:
        make_private_dir(path.parent)
        created = not path.exists()
        fd = os.open(path, os.O_CREAT | os.O_RDWR | os.O_APPEND, PRIVATE_FILE)
        size: int | None = None
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                line = b"\n" + line  # the last append was cut short: never glue onto a torn line
            written = os.write(fd, line)
            if written != len(line):
                os.ftruncate(fd, size)
                raise OSError(28, "short write (disk full?)")
            os.fsync(fd)
        except OSError:
            if size is not None:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, size)  # leave no half line behind
            if created:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
        finally:
            os.close(fd)
        if created:
            _fsync_dir(path.parent)

    def load(self) -> list[CheckIn]:
        """Every spooled visit in its newest state, in the order the visits were first spooled, each uid once.
        Torn or unreadable lines are skipped."""
        latest: dict[str, CheckIn] = {}
        for path in self.files():
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                continue
            except OSError as exc:
                log.error("spool %s cannot be read: %s", path, exc.strerror or exc)
                continue
            for number, raw_line in enumerate(data.splitlines(), start=1):
                if not raw_line.strip():
                    continue
                try:
                    check_in = from_json(json.loads(raw_line))
                except (ValueError, KeyError, TypeError):
                    log.warning("spool %s line %d is damaged and is skipped", path, number)
                    continue
                known = latest.get(check_in.uid)
                if known is None or check_in.revision > known.revision:
                    latest[check_in.uid] = check_in
        return list(latest.values())

    def replace(self, remaining: list[CheckIn]) -> None:
        """After a flush: keep only `remaining` (written to the first folder that takes them)."""
        if remaining:
            data = b"".join((json.dumps(to_json(c), ensure_ascii=False) + "\n").encode() for c in remaining)
            for path in self.files():
                try:
                    self._rewrite(path, data)
                except OSError:
                    continue
                for other in self.files():
                    if other != path:
                        with contextlib.suppress(OSError):
                            other.unlink()
                return
            return  # nothing writable: the old files still hold everything (replay is idempotent)
        for path in self.files():
            with contextlib.suppress(OSError):
                path.unlink()

    @staticmethod
    def _rewrite(path: Path, data: bytes) -> None:
        make_private_dir(path.parent)
        temp = path.with_name(path.name + ".part")
        fd = os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE_FILE)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
        _fsync_dir(path.parent)
