"""The durable outbox: print and email jobs that survive a crash, a restart and a network outage.

One SQLite database (`outbox.sqlite3`, WAL journal) in data_dir()/outbox holds the jobs; each job's files
(calendar PDF, .ics) sit in `files/<job id>/`. Everything is created owner-only (folders 0700, files
0600). A job's files are written and fsynced before its row is committed, so a committed job always has
its files.

States: pending -> sending -> done, or back to pending with a later `next_attempt_at` (exponential
backoff, capped), or failed-permanently (staff must act; `requeue` puts it back). A job left in `sending`
by a crashed process is taken up again once its claim is older than CLAIM_LEASE. Claims are atomic
(`UPDATE ... WHERE state = ...`), so the kiosk and a staff member's `smp-kiosk outbox --retry` never send
the same job at the same time. Delivery is at least once: a crash after the printer took a job but
before it was marked done prints it again.

Privacy: the recipient's address and name live only in the job's details until it is done, then they
and the files are deleted. `last_error` is redacted against them before it is stored.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["print", "email"]
State = Literal["pending", "sending", "done", "failed-permanently"]
PERSONAL_KEYS = ("recipient", "name")  # removed from a job's details once it is done
BACKOFF_FIRST = 30.0  # seconds before the first retry
BACKOFF_CAP = 3600.0  # never wait longer than an hour between tries
CLAIM_LEASE = 900.0  # a `sending` claim older than this belongs to a process that died
KEEP_DONE = 7 * 86400.0  # done jobs stay listed (without personal data) for a week
LATEST_TIMESTAMP = 32_503_680_000.0  # the year 3000: far enough, and every clock and date function copes
DAMAGED = "this job's record is damaged: discard it and make the calendar again"
PDF_NAME = "calendar.pdf"
ICS_NAME = "calendar.ics"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('print', 'email')),
    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done', 'failed-permanently')),
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    next_attempt_at REAL NOT NULL,
    claimed_at REAL,
    last_error TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_due ON jobs (state, next_attempt_at);
"""


def backoff(attempts: int) -> float:
    """Seconds to wait after `attempts` failed tries: 30 s, 1 min, 2 min, ... at most an hour."""
    doublings = min(max(0, attempts - 1), 16)  # 2**16 * 30 s is past the cap: a huge count costs nothing
    return float(min(BACKOFF_CAP, BACKOFF_FIRST * 2**doublings))


def redact(text: str, secrets: Mapping[str, str]) -> str:
    """`text` with every secret value (address, name) replaced by its key in angle brackets."""
    for key, value in secrets.items():
        if value and len(value.strip()) >= 2:
            start = text.lower().find(value.lower())
            while start >= 0:
                text = text[:start] + f"<{key}>" + text[start + len(value) :]
                start = text.lower().find(value.lower(), start + len(key) + 2)
    return text


@dataclass(frozen=True)
class Job:
    id: str
    kind: Kind
    state: State
    attempts: int
    created_at: float
    next_attempt_at: float
    last_error: str
    details: dict[str, str]
    folder: Path

    @property
    def pdf(self) -> Path:
        return self.folder / PDF_NAME

    @property
    def ics(self) -> Path | None:
        path = self.folder / ICS_NAME
        return path if path.exists() else None


class Outbox:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = root / "files"
        self.database = root / "outbox.sqlite3"
        for folder in (root, self.files):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
        if not self.database.exists():  # created owner-only; SQLite gives -wal and -shm the same mode
            os.close(os.open(self.database, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(self.database, 0o600)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)
        self._remove_orphans()

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """One short-lived connection per operation: safe from any thread and any process."""
        db = sqlite3.connect(self.database, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA secure_delete=ON")  # a forgotten address is overwritten, not left in free pages
            yield db
        finally:
            db.close()

    def add(self, kind: Kind, details: Mapping[str, str], pdf: bytes, ics: bytes | None = None) -> Job:
        """Store a new pending job, due now. Its files are on disk before the job exists."""
        job_id = uuid.uuid4().hex
        folder = self.files / job_id
        folder.mkdir(mode=0o700)
        _write_private(folder / PDF_NAME, pdf)
        if ics is not None:
            _write_private(folder / ICS_NAME, ics)
        _fsync_dir(folder)
        _fsync_dir(self.files)
        now = time.time()
        with self._connect() as db:
            db.execute(
                "INSERT INTO jobs (id, kind, state, created_at, updated_at, next_attempt_at, details)"
                " VALUES (?, ?, 'pending', ?, ?, ?, ?)",
                (job_id, kind, now, now, now, json.dumps(dict(details))),
            )
        return self.get(job_id)

    def get(self, job_id: str) -> Job:
        with self._connect() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise KeyError(job_id)
        return self._job(row)

    def jobs(self) -> list[Job]:
        with self._connect() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM jobs ORDER BY created_at").fetchall()
        return [self._job(row) for row in rows]

    def due(self, now: float | None = None) -> list[str]:
        """Ids of pending jobs whose next attempt is due, and of jobs whose sender died mid-way."""
        now = time.time() if now is None else now
        with self._connect() as db:
            rows = db.execute(
                "SELECT id FROM jobs WHERE (state = 'pending' AND next_attempt_at <= ?)"
                " OR (state = 'sending' AND claimed_at < ?) ORDER BY next_attempt_at",
                (now, now - CLAIM_LEASE),
            ).fetchall()
        return [row[0] for row in rows]

    def claim(
        self, job_id: str, *, include_failed: bool = False, ignore_schedule: bool = False, now: float | None = None
    ) -> Job | None:
        """Mark the job `sending` for this caller; None when it is not claimable (done, not due, someone has it)."""
        now = time.time() if now is None else now
        states = "('pending', 'failed-permanently')" if include_failed else "('pending')"
        due = "" if ignore_schedule else " AND next_attempt_at <= :now"
        with self._connect() as db:
            cursor = db.execute(
                "UPDATE jobs SET state = 'sending', claimed_at = :now, updated_at = :now WHERE id = :id AND ("
                f"(state IN {states}{due}) OR (state = 'sending' AND claimed_at < :stale))",
                {"now": now, "id": job_id, "stale": now - CLAIM_LEASE},
            )
            if cursor.rowcount != 1:
                return None
        return self.get(job_id)

    def update_details(self, job_id: str, **changes: str | None) -> Job:
        """Change or (with None) remove detail keys, e.g. the CUPS job id of a print in progress."""
        details = dict(self.get(job_id).details)
        for key, value in changes.items():
            if value is None:
                details.pop(key, None)
            else:
                details[key] = value
        with self._connect() as db:
            db.execute(
                "UPDATE jobs SET details = ?, updated_at = ? WHERE id = ?", (json.dumps(details), time.time(), job_id)
            )
        return self.get(job_id)

    def mark_done(self, job_id: str) -> None:
        """Delivered: forget the address and name, delete the files."""
        job = self.get(job_id)
        details = {key: value for key, value in job.details.items() if key not in PERSONAL_KEYS}
        with self._connect() as db:
            db.execute(
                "UPDATE jobs SET state = 'done', attempts = attempts + 1, updated_at = ?, claimed_at = NULL,"
                " last_error = '', details = ? WHERE id = ?",
                (time.time(), json.dumps(details), job_id),
            )
        self._delete_files(job_id)

    def mark_retry(self, job_id: str, error: str) -> Job:
        """Failed for now: back to pending, the next try after the backoff for this many attempts."""
        job = self.get(job_id)
        now = time.time()
        with self._connect() as db:
            db.execute(
                "UPDATE jobs SET state = 'pending', attempts = attempts + 1, updated_at = ?, claimed_at = NULL,"
                " next_attempt_at = ?, last_error = ? WHERE id = ?",
                (now, now + backoff(job.attempts + 1), self._redacted(job, error), job_id),
            )
        return self.get(job_id)

    def release(self, job_id: str) -> None:
        """Give a claim back without counting a try (a worker that stopped before it knew the outcome)."""
        with self._connect() as db:
            db.execute(
                "UPDATE jobs SET state = 'pending', claimed_at = NULL, updated_at = ?"
                " WHERE id = ? AND state = 'sending'",
                (time.time(), job_id),
            )

    def mark_failed(self, job_id: str, error: str) -> Job:
        """Failed until staff act: kept (with its files) so they can see it, fix the cause and requeue it."""
        job = self.get(job_id)
        with self._connect() as db:
            db.execute(
                "UPDATE jobs SET state = 'failed-permanently', attempts = attempts + 1, updated_at = ?,"
                " claimed_at = NULL, last_error = ? WHERE id = ?",
                (time.time(), self._redacted(job, error), job_id),
            )
        return self.get(job_id)

    def discard(self, job_id: str) -> None:
        """Delete a job, its personal data and its files (staff decided it will not be delivered)."""
        with self._connect() as db:
            db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
        self._delete_files(job_id)

    def prune(self, older_than: float = KEEP_DONE) -> int:
        """Forget done jobs older than `older_than` seconds; returns how many."""
        with self._connect() as db:
            cursor = db.execute("DELETE FROM jobs WHERE state = 'done' AND updated_at < ?", (time.time() - older_than,))
            return cursor.rowcount

    def _remove_orphans(self, min_age: float = 600.0) -> None:
        """Delete file folders of jobs whose row was never committed (a crash inside `add`)."""
        with self._connect() as db:
            known = {row[0] for row in db.execute("SELECT id FROM jobs")}
        for folder in self.files.iterdir():
            with contextlib.suppress(OSError):
                if folder.name not in known and time.time() - folder.stat().st_mtime > min_age:
                    shutil.rmtree(folder, ignore_errors=True)

    def _redacted(self, job: Job, error: str) -> str:
        return redact(error, {key: job.details.get(key, "") for key in PERSONAL_KEYS})[:1000]

    def _delete_files(self, job_id: str) -> None:
        shutil.rmtree(self.files / job_id, ignore_errors=True)

    def _job(self, row: tuple[object, ...]) -> Job:
        """A row as a Job; a hand-edited or damaged row is read as well as it can be, never as a crash."""
        job_id, kind, state, attempts, created, next_at, error, details = row
        try:
            parsed = json.loads(str(details))
        except ValueError:
            parsed = None
        damaged = not isinstance(parsed, dict) or not all(isinstance(v, str) for v in parsed.values())
        return Job(
            id=str(job_id),
            kind=kind,  # type: ignore[arg-type]
            state=state,  # type: ignore[arg-type]
            attempts=_whole(attempts),
            created_at=_seconds(created),
            next_attempt_at=_seconds(next_at),
            last_error=DAMAGED if damaged else str(error),
            details={} if damaged else parsed,
            folder=self.files / str(job_id),
        )


_COLUMNS = "id, kind, state, attempts, created_at, next_attempt_at, last_error, details"


def _whole(value: object) -> int:
    return min(max(value, 0), 1_000_000) if isinstance(value, int) and not isinstance(value, bool) else 0


def _seconds(value: object) -> float:
    """A stored time as seconds a date can show (0 for anything else: shown as 1970, due at once)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(min(max(value, 0.0), LATEST_TIMESTAMP))
    return 0.0


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def mask_address(address: str) -> str:
    """j***@example.com: enough for staff to tell jobs apart, not a readable address."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"
