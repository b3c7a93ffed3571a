"""The kiosk's way to the check-in store: every call runs on one worker thread and reports back by signal.

`CheckInStore` may take seconds to answer (a locked SQLite file, a PostgreSQL server that went away), so
the GUI thread never calls it. One thread (a pool of one) keeps the calls in order and the store's
connections on a single thread. The store is opened on that thread too: opening runs the migrations.
Nothing here logs a client's name.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from kiosk.core.clinic import Clinic
from kiosk.core.kiosk_config import KioskConfig
from kiosk.core.visit_record import VisitOutcome, VisitProgress
from kiosk.errors import UserError
from kiosk.settings.schema import DEFAULT_BRANCH, PinRecord
from kiosk.store.chain import chain_days
from kiosk.store.checkin import CheckIn, CheckInSummary
from kiosk.store.health import StoreHealth
from kiosk.store.help import HelpRequest
from kiosk.store.settings import ClinicSettings

if TYPE_CHECKING:
    from kiosk.store.service import CheckInStore

log = logging.getLogger(__name__)
RETRY_INTERVAL_MS = 120_000  # how often spooled check-ins are written again while the database is away


@dataclass(frozen=True)
class StaffView:
    """What the staff screen shows, read in one go on the worker thread."""

    checkins: list[CheckInSummary]
    health: StoreHealth
    help: list[HelpRequest]  # today's calls for help from every kiosk of this branch, newest first


def check_in_of(progress: VisitProgress, kiosk_id: str, *, receipt_required: bool) -> CheckIn:
    """A state of the visit's record: only the first name and last initial; "not yet" keeps no hair answer."""
    visit = progress.visit
    hair = visit.hair_answer if visit.hair_answer in ("buzz", "long") else None
    return CheckIn.create(
        first_name=visit.first_name,
        last_name=visit.last_name,
        session=visit.session_number,
        session_date=visit.session_date,
        language=visit.language,
        moisturised=visit.moisturised,
        hair=hair,
        kiosk_id=kiosk_id,
        receipt_required=receipt_required,
        signature_strokes=progress.signature,
        checked_in_at=progress.started_at,
        uid=progress.uid,
        step=progress.step,
        outcome=progress.outcome,
        calendar_made=progress.calendar_made,
        printed=progress.printed,
        emailed=progress.emailed,
        revision=progress.revision,
        updated_at=dt.datetime.now(dt.UTC),
    )


class StoreBridge(QObject):
    recorded = Signal(str)  # a visit ended and its record was kept: the Outcome's value (stored, spooled, ...)
    updated = Signal(str)  # a visit in progress was written: the Outcome's value
    refreshed = Signal(object)  # a StaffView
    exported = Signal(str, int)  # the CSV file, rows written
    failed = Signal(str)  # a message for staff
    retried = Signal(object)  # the StoreHealth after a timed store.retry()
    settings_loaded = Signal(object)  # ClinicSettings
    settings_saved = Signal(bool)  # False: the database is away, nothing was saved
    receipt_made = Signal(str, object)  # a check-in's uid and its clinic copy (PDF bytes)
    receipt_failed = Signal(str, str)  # a check-in's uid and why its clinic copy cannot be made (for staff)
    chain_loaded = Signal(object)  # list[BranchDay]: the owner PIN was right
    chain_refused = Signal(str, int)  # "no-owner-pin", "unreachable", "wrong" or "locked"; seconds locked

    def __init__(
        self,
        url: str | None,
        kiosk_id: str,
        *,
        clinic: Clinic | None = None,
        branch: str = DEFAULT_BRANCH,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.url = url
        self.branch = branch
        self.kiosk_id = kiosk_id
        self.clinic = clinic
        self._store: CheckInStore | None = None
        self._database_code_loaded = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_INTERVAL_MS)
        self.retry_timer.timeout.connect(self.retry)
        self.retry_timer.start()

    # ------------------------------------------------------------ on the worker thread only

    def _open(self) -> CheckInStore:
        if self._store is None:
            from kiosk.store.service import CheckInStore  # noqa: PLC0415 - loaded by _load_database_code

            self._store = CheckInStore(url=self.url, clinic=self.clinic, branch=self.branch)
        return self._store

    def _load_database_code(self) -> None:
        """SQLAlchemy, Alembic and the database driver, imported on the GUI thread before the first job.

        They are left out of the kiosk's start (a third of a second before the first frame), but must not be
        imported on the worker either: a C extension loaded there while Qt loads its QML plugins deadlocks (the
        worker holds Python's lock inside dlopen; Qt's loader waits for that lock)."""
        if self._database_code_loaded:
            return
        from kiosk.store.database import load_driver  # noqa: PLC0415
        from kiosk.store.service import CheckInStore  # noqa: PLC0415, F401

        load_driver(self.url)
        self._database_code_loaded = True

    def _submit(self, work: Callable[[CheckInStore], None]) -> None:
        self._load_database_code()

        def run() -> None:
            try:
                work(self._open())
            except UserError as exc:
                self.failed.emit(str(exc))
            except Exception as exc:  # a slot that raises would leave the screen waiting for ever
                log.exception("check-in store call failed")
                self.failed.emit(f"{type(exc).__name__}: {exc}")

        self._pool.start(run)

    # ------------------------------------------------------------ called from the GUI thread

    def record(self, progress: VisitProgress, receipt_required: bool) -> None:
        """Write a state of a visit's record (in the order they come: one worker thread). A problem with the
        database never stops the client: the store spools."""

        def work(store: CheckInStore) -> None:
            check_in = check_in_of(progress, self.kiosk_id, receipt_required=receipt_required)
            outcome = store.record(check_in)
            log.info("visit from kiosk %s, %s: %s", self.kiosk_id, progress.outcome.value, outcome.value)
            ended = progress.outcome is not VisitOutcome.IN_PROGRESS
            (self.recorded if ended else self.updated).emit(outcome.value)

        self._submit(work)

    def receipt_pdf(self, uid: str) -> None:
        """Make the clinic copy of one check-in's receipt (`receipt_made`, or `receipt_failed`)."""

        def work(store: CheckInStore) -> None:
            try:
                pdf = store.receipt_pdf(uid)
            except UserError as exc:
                self.receipt_failed.emit(uid, str(exc))
            else:
                self.receipt_made.emit(uid, pdf)

        self._submit(work)

    def refresh(self) -> None:
        self._submit(
            lambda store: self.refreshed.emit(
                StaffView(store.todays_checkins(), store.health(), store.todays_help_requests())
            )
        )

    def ask_for_help(self, screen: str) -> None:
        """A client on this kiosk asked for a member of staff: a call every staff screen on the database sees."""
        self._submit(
            lambda store: log.info("call for help on %s: %s", screen, store.ask_for_help(self.kiosk_id, screen))
        )

    def answer_help(self, request_id: int) -> None:
        self._submit(lambda store: store.answer_help_request(request_id))

    def export_csv(self, first: dt.date, last: dt.date, path: Path) -> None:
        def work(store: CheckInStore) -> None:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            rows = store.export_csv(first, last, path)
            self.exported.emit(str(path), rows)

        self._submit(work)

    def retry(self) -> None:
        """Write what waits in the spool once the database is back (every two minutes, on the worker)."""
        self._submit(lambda store: self.retried.emit(store.retry()))

    def load_settings(self) -> None:
        self._submit(lambda store: self.settings_loaded.emit(store.settings()))

    def save_settings(self, settings: ClinicSettings) -> None:
        """Save for every kiosk of the branch; a bad setting comes back on `failed` (its UserError)."""

        def work(store: CheckInStore) -> None:
            saved = store.save_settings(settings)
            self.settings_saved.emit(saved)
            if saved:
                self.settings_loaded.emit(store.settings())

        self._submit(work)

    def open_chain(self, pin: str, config: KioskConfig, first: dt.date, last: dt.date) -> None:
        """The owner's view of every branch, once the owner PIN (kept in the database) is right; wrong tries count
        with the staff PIN's (the same lockout)."""

        def work(store: CheckInStore) -> None:
            record = store.owner_pin()
            if record is None:
                self.chain_refused.emit("unreachable" if store.health().problem else "no-owner-pin", 0)
                return
            result = config.check_owner_pin(pin, PinRecord(salt=record["salt"], hash=record["hash"]))
            if not result.accepted:
                self.chain_refused.emit("locked" if result.locked_for else "wrong", result.locked_for)
                return
            self.chain_loaded.emit(chain_days(store.checkins_on_days(first, last, all_branches=True)))

        self._submit(work)

    def save_pin(self, salt: str, digest: str) -> None:
        """Record the staff PIN's hash for the branch: no kiosk of the branch accepts the demo PIN after this."""

        def work(store: CheckInStore) -> None:
            if not store.save_pin({"salt": salt, "hash": digest}):
                log.warning("the new staff PIN is set on this kiosk only: the database cannot be reached")

        self._submit(work)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    def close(self) -> None:
        self.retry_timer.stop()
        self.wait()
        if self._store is not None:
            self._store.close()
            self._store = None
