"""CheckInStore: the one object the kiosk and the staff screen talk to. Storage errors never escape it.

Every public method is safe to call from a worker thread (one lock inside) and none raises because of
the database: a check-in the database cannot take goes to the spool (see kiosk.store.spool), the
problem shows in `health()`, and every later call tries again, writing what was kept. Old records are
purged when the store opens and then at most once a day, on whichever call comes first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import logging
import threading
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from alembic.util import CommandError
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError

from kiosk.core.clinic import Clinic, load_clinic
from kiosk.core.protocol import load_protocol
from kiosk.documents.atomic import write_atomically
from kiosk.errors import UserError
from kiosk.paths import data_dir as default_data_dir
from kiosk.settings.files import settings_copy
from kiosk.settings.schema import DEFAULT_BRANCH
from kiosk.settings.secret import SecretBox
from kiosk.store import help_rows as help_calls
from kiosk.store import repository
from kiosk.store.checkin import CheckIn, CheckInSummary, local_zone, utc_now
from kiosk.store.database import (
    check_url,
    create_store_engine,
    default_url,
    migrate,
    move_aside,
    protect_sqlite_files,
    sqlite_path,
)
from kiosk.store.export import checkins_csv
from kiosk.store.health import Problem, StoreHealth, classify, probe_folder
from kiosk.store.help import HelpRequest
from kiosk.store.models import CHAIN
from kiosk.store.receipt import build_receipt_pdf
from kiosk.store.settings import (
    ClinicSettings,
    apply_day_counts,
    has_plain_password,
    opened_fields,
    read_settings_copy,
    sealed_fields,
    write_settings_copy,
)
from kiosk.store.spool import REFUSED_FILE, Spool, fallback_spool_dir

PURGE_EVERY = dt.timedelta(days=1)
log = logging.getLogger(__name__)
# Anything the database, the driver, Alembic or the file system raises. Storage must never stop the
# client flow, so even an unexpected error is caught; it is logged with its stack (never its message,
# which could quote a row) so a bug still shows.
StorageFailure = Exception
EXPECTED_FAILURES = (SQLAlchemyError, OSError, CommandError)
REFUSED_DATA = (IntegrityError, DataError)  # the data, not the database, is at fault: retrying cannot help


class Outcome(enum.Enum):
    STORED = "stored"  # committed to the database
    SPOOLED = "spooled"  # on disk in the spool, written to the database later
    IN_MEMORY = "in-memory"  # neither took it: held in memory until one does (see StoreHealth.in_memory)
    REFUSED = "refused"  # the database refused its data (never happens with CheckIn.create): kept on disk


class CheckInStore:
    def __init__(
        self,
        url: str | None = None,
        *,
        data_dir: Path | None = None,
        clinic: Clinic | None = None,
        fallback_dir: Path | None = None,
        busy_timeout: float = 5.0,
        clock: Callable[[], dt.datetime] = utc_now,
        branch: str = DEFAULT_BRANCH,
    ) -> None:
        """`url`: empty or None for SQLite in the data folder, else e.g. postgresql://user:pw@host/db. `branch`:
        the clinic branch this kiosk belongs to; its check-ins, settings and retention are that branch's."""
        self.data_dir = data_dir or default_data_dir()
        self.branch = branch
        self._box = SecretBox(self.data_dir)
        self.url = check_url(url) if url else default_url(self.data_dir)
        self._clinic = clinic
        self._busy_timeout = busy_timeout
        self._clock = clock
        self._lock = threading.RLock()
        self._engine: Engine | None = None
        self._migrated = False
        self._problem: Problem | None = None
        self._since: dt.datetime | None = None
        self._last_purge: dt.datetime | None = None
        self._memory: list[CheckIn] = []
        self._spool = Spool([self.data_dir, fallback_dir or fallback_spool_dir()])
        self._refused = Spool(self._spool.folders, REFUSED_FILE)
        self._memory_refused: list[CheckIn] = []
        # spooled states (uid, revision) already in the database, while the spool file cannot be removed
        self._written: set[tuple[str, int]] = set()
        self._seen: dict[str, CheckIn] = {}  # the visits of the last read: shown while the database is away
        with self._lock:
            self._maintain()

    # ------------------------------------------------------------------ the client flow
    def record(self, check_in: CheckIn) -> Outcome:
        """Keep a state of a visit (a new record, or a newer state of one: the same uid, a higher revision).
        Never raises: when the database cannot take it, it is spooled, after any state spooled before it."""
        if check_in.branch != self.branch:
            check_in = dataclasses.replace(check_in, branch=self.branch)
        with self._lock:
            if self._maintain() and not self._has_pending():
                try:
                    repository.save_check_ins(self._ready_engine(), [check_in])
                except REFUSED_DATA:
                    return self._refuse(check_in)
                except StorageFailure as exc:
                    self._failed(exc, "write a check-in")
                else:
                    log.info("check-in %s stored", check_in.uid)
                    return Outcome.STORED
            return self._keep(check_in)

    # ------------------------------------------------------------------ the staff screen
    def health(self) -> StoreHealth:
        with self._lock:
            return StoreHealth(
                ok=self._problem is None and not self._has_pending(),
                problem=self._problem,
                pending=len(repository.latest_states(self._spooled() + self._memory)),
                in_memory=len(repository.latest_states(self._memory)),
                refused=len(self._refused.load()) + len(self._memory_refused),
                spool_files=tuple(self._spool.files_in_use()),
                since=self._since,
                backend=make_url(self.url).get_backend_name(),
                database=make_url(self.url).render_as_string(hide_password=True),
            )

    def retry(self) -> StoreHealth:
        """Try the database again now and write whatever is waiting ("Try again" on the staff screen)."""
        with self._lock:
            self._maintain()
        return self.health()

    def checkins_between(
        self, start: dt.datetime, end: dt.datetime, *, all_branches: bool = False
    ) -> list[CheckInSummary]:
        """Check-ins of all kiosks of this branch (or of every branch) with start <= time < end (aware datetimes),
        oldest first, plus this kiosk's pending ones (summary.pending is True) while the database is away."""
        with self._lock:
            stored: list[CheckIn] | None = None
            if self._maintain():
                try:
                    branch = None if all_branches else self.branch
                    stored = repository.check_ins_between(self._ready_engine(), start, end, branch)
                except StorageFailure as exc:
                    self._failed(exc, "read check-ins")
            cached: list[CheckIn] = []
            if stored is None:  # the database is away: what this kiosk last read of it, marked as such
                cached = [c for c in self._seen.values() if start <= c.checked_in_at < end]
            else:
                self._seen = {c.uid: c for c in stored}
            waiting = {c.uid: c for c in repository.latest_states(self._spooled() + self._memory)}
            known = {c.uid: c for c in [*(stored or []), *cached]}
            # A spooled state newer than what the database (or the cache) has is the truth for that visit.
            waiting = {
                uid: c
                for uid, c in waiting.items()
                if start <= c.checked_in_at < end and (uid not in known or c.revision > known[uid].revision)
            }
        summaries = [CheckInSummary.of(c, pending=False) for c in stored or [] if c.uid not in waiting]
        summaries += [CheckInSummary.of(c, pending=False, cached=True) for c in cached if c.uid not in waiting]
        summaries += [CheckInSummary.of(c, pending=True) for c in waiting.values()]
        return sorted(summaries, key=lambda s: s.checked_in_at)

    def checkins_on_days(
        self, first: dt.date, last: dt.date, tz: dt.tzinfo | None = None, *, all_branches: bool = False
    ) -> list[CheckInSummary]:
        """Check-ins from the start of local day `first` to the end of `last` (the kiosk's time zone
        unless `tz` is given)."""
        zone = local_zone(tz)
        start = dt.datetime.combine(first, dt.time(), zone)
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone)
        return self.checkins_between(start, end, all_branches=all_branches)

    def todays_checkins(self, tz: dt.tzinfo | None = None) -> list[CheckInSummary]:
        """Today's check-ins of every kiosk on this database, oldest first (poll it for a live list)."""
        zone = local_zone(tz)
        today = self._clock().astimezone(zone).date()
        return self.checkins_on_days(today, today, zone)

    # ------------------------------------------------------------------ calls for help
    def ask_for_help(self, kiosk_id: str, screen: str) -> bool:
        """A client asked for a member of staff; False when the database cannot take the call now."""
        with self._lock:
            if not self._maintain():
                return False
            try:
                help_calls.add_help_request(self._ready_engine(), self.branch, kiosk_id, screen, self._clock())
            except StorageFailure as exc:
                self._failed(exc, "write a call for help")
                return False
            return True

    def todays_help_requests(self, tz: dt.tzinfo | None = None) -> list[HelpRequest]:
        """Today's calls for help from every kiosk of this branch, newest first (not other branches')."""
        zone = local_zone(tz)
        start = dt.datetime.combine(self._clock().astimezone(zone).date(), dt.time(), zone)
        with self._lock:
            if not self._maintain():
                return []
            try:
                return help_calls.help_requests_between(
                    self._ready_engine(), self.branch, start, start + dt.timedelta(days=1)
                )
            except StorageFailure as exc:
                self._failed(exc, "read the calls for help")
                return []

    def answer_help_request(self, request_id: int) -> None:
        with self._lock:
            if self._maintain():
                try:
                    help_calls.answer_help_request(self._ready_engine(), self.branch, request_id, self._clock())
                except StorageFailure as exc:
                    self._failed(exc, "answer a call for help")

    def export_csv(
        self, first: dt.date, last: dt.date, path: Path, tz: dt.tzinfo | None = None, *, all_branches: bool = False
    ) -> int:
        """Write the check-ins of local days first..last to a CSV file (see kiosk.store.export); return
        how many rows. UserError when the range is backwards or the file cannot be written."""
        if last < first:
            raise UserError(f"the date range ends ({last}) before it starts ({first}): swap the dates")
        summaries = self.checkins_on_days(first, last, tz, all_branches=all_branches)
        write_atomically(path, checkins_csv(summaries, local_zone(tz)))
        return len(summaries)

    def receipt_pdf(self, uid: str, tz: dt.tzinfo | None = None) -> bytes:
        """The clinic copy of one check-in's signed receipt as PDF bytes, in the clinic's default language."""
        check_in = self.check_in(uid)
        if check_in is None:
            raise UserError("this check-in is no longer stored (it may be past the retention period)")
        settings = self.settings()
        logo = Path(settings.logo_path) if settings.logo_path else None
        clinic = self._base_clinic()
        return build_receipt_pdf(
            check_in, settings.name, logo=logo, tz=tz, language=clinic.default_language, region=clinic.region
        )

    def check_in(self, uid: str) -> CheckIn | None:
        """One full check-in (with its signature) from the database or the spool; None if unknown."""
        with self._lock:
            if self._maintain():
                try:
                    found = repository.check_in_by_uid(self._ready_engine(), uid)
                except StorageFailure as exc:
                    self._failed(exc, "read a check-in")
                else:
                    if found:
                        return found
            waiting = repository.latest_states(self._spooled() + self._memory)
            return next((c for c in waiting if c.uid == uid), None)

    def settings(self) -> ClinicSettings:
        """The branch's settings: from the database, else the last copy this kiosk saw, else the profile."""
        base = self._base_settings()
        cache = settings_copy(self.data_dir)
        with self._lock:
            if self._maintain():
                try:
                    stored = repository.load_settings(self._ready_engine(), self.branch)
                    settings = base.with_fields(opened_fields(stored, self._box))
                    if has_plain_password(stored):  # stored by an older version: encrypt it now
                        self._save_fields(sealed_fields(settings, self._box), self.branch)
                except StorageFailure as exc:
                    self._failed(exc, "read the settings")
                else:
                    write_settings_copy(cache, settings, self._box, {"staff_pin": stored.get("staff_pin")})
                    return settings
        return read_settings_copy(cache, base, self._box)

    def save_settings(self, settings: ClinicSettings) -> bool:
        """Validate (UserError names the bad setting) and save for every kiosk of the branch; False if the
        database is away."""
        settings.validate()
        apply_day_counts(load_protocol(self._base_clinic().protocol), settings.day_counts)  # ids and order
        with self._lock:
            if not self._maintain():
                return False
            try:
                self._save_fields(sealed_fields(settings, self._box), self.branch)
            except StorageFailure as exc:
                self._failed(exc, "save the settings")
                return False
            write_settings_copy(settings_copy(self.data_dir), settings, self._box, self._branch_pin_extra())
            return True

    def save_pin(self, record: Mapping[str, str], *, owner: bool = False) -> bool:
        """Record a staff PIN's hash for the branch (or, `owner`, the chain owner's PIN) so that every kiosk of the
        branch knows a PIN was set; False if the database is away."""
        with self._lock:
            if not self._maintain():
                return False
            try:
                key, branch = ("owner_pin", CHAIN) if owner else ("staff_pin", self.branch)
                self._save_fields({key: dict(record)}, branch)
            except StorageFailure as exc:
                self._failed(exc, "save the PIN")
                return False
            return True

    def owner_pin(self) -> dict[str, str] | None:
        """The chain owner's PIN hash (salt, hash), None when none was set or the database is away."""
        with self._lock:
            if not self._maintain():
                return None
            try:
                value = repository.load_settings(self._ready_engine(), CHAIN).get("owner_pin")
            except StorageFailure as exc:
                self._failed(exc, "read the owner PIN")
                return None
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else None

    def branches(self) -> list[str]:
        """Every branch on the database (this one at least)."""
        with self._lock:
            if self._maintain():
                try:
                    return repository.branch_ids(self._ready_engine())
                except StorageFailure as exc:
                    self._failed(exc, "list the branches")
        return [self.branch]

    def _save_fields(self, values: Mapping[str, Any], branch: str) -> None:
        repository.save_settings(self._ready_engine(), values.items(), self._clock(), branch)

    def _branch_pin_extra(self) -> dict[str, Any]:
        try:
            known = json.loads(settings_copy(self.data_dir).read_text(encoding="utf-8")).get("staff_pin")
        except (OSError, ValueError, AttributeError):
            known = None
        return {"staff_pin": known}

    def purge_expired(self) -> int:
        """Delete check-ins older than the retention period now; return how many went."""
        with self._lock:
            if not self._maintain():
                return 0
            try:
                return self._purge_now()
            except StorageFailure as exc:
                self._failed(exc, "delete old check-ins")
                return 0

    def replace_corrupt_database(self) -> Path | None:
        """Staff action for a damaged SQLite file: move it aside (kept for repair) and start a new one,
        then write the waiting check-ins into it. Returns where the damaged file went (None: nothing to
        do); UserError when the file cannot be moved."""
        path = sqlite_path(self.url)
        with self._lock:
            if path is None or self._problem is not Problem.CORRUPT or not path.exists():
                return None
            self._dispose()
            try:
                moved = move_aside(path, "damaged-" + self._clock().strftime("%Y%m%dT%H%M%S"))
            except OSError as exc:
                raise UserError(
                    f"the damaged database {path} cannot be moved aside ({exc.strerror}): check the data folder"
                ) from None
            log.warning("damaged database moved to %s", moved)
            self._maintain()
            return moved

    def close(self) -> None:
        with self._lock:
            self._dispose()

    # ------------------------------------------------------------------ inside
    def _base_clinic(self) -> Clinic:
        if self._clinic is None:
            self._clinic = load_clinic()
        return self._clinic

    def _base_settings(self) -> ClinicSettings:
        return ClinicSettings.from_clinic(self._base_clinic())

    def _ready_engine(self) -> Engine:
        assert self._engine is not None
        return self._engine

    def _has_pending(self) -> bool:
        return bool(self._memory) or bool(self._spooled())

    def _spooled(self) -> list[CheckIn]:
        return [c for c in self._spool.load() if (c.uid, c.revision) not in self._written]

    def _refuse(self, check_in: CheckIn) -> Outcome:
        try:
            where = self._refused.append(check_in)
        except Exception as exc:
            log.error("check-in %s refused by the database and held in memory (%s)", check_in.uid, type(exc).__name__)
            self._memory_refused.append(check_in)
            return Outcome.REFUSED
        log.error("check-in %s refused by the database (bad data); kept in %s", check_in.uid, where)
        return Outcome.REFUSED

    def _keep(self, check_in: CheckIn) -> Outcome:
        try:
            where = self._spool.append(check_in)
        except Exception as exc:
            log.error(
                "check-in %s held in memory: no spool folder can be written (%s)", check_in.uid, type(exc).__name__
            )
            self._memory.append(check_in)
            return Outcome.IN_MEMORY
        log.warning("check-in %s spooled to %s", check_in.uid, where)
        return Outcome.SPOOLED

    def _maintain(self) -> bool:
        """Open and migrate the database if needed, write what is waiting, purge if due. True when the
        database can be read (writing may still fail: then the problem is set and check-ins wait)."""
        if self._memory:  # try to get what only memory holds onto disk first
            held, self._memory = self._memory, []
            for check_in in held:
                self._keep(check_in)
        try:
            self._open()
        except StorageFailure as exc:
            self._failed(exc, "open the database")
            return False
        try:
            if self._has_pending():
                self._flush()
            if self._last_purge is None or self._clock() - self._last_purge >= PURGE_EVERY:
                self._purge_now()
        except StorageFailure as exc:
            self._failed(exc, "write to the database")
            return True
        if self._problem is not None:
            log.info("database works again (problem was: %s)", self._problem.value)
        self._problem, self._since = None, None
        return True

    def _open(self) -> None:
        path = sqlite_path(self.url)
        if self._engine is None:
            if path is not None:
                protect_sqlite_files(path)
            self._engine = create_store_engine(self.url, busy_timeout=self._busy_timeout)
        if not self._migrated:
            migrate(self._engine)
            self._migrated = True
            if path is not None:
                protect_sqlite_files(path)  # the -wal and -shm files exist now

    def _purge_now(self) -> int:
        engine = self._ready_engine()
        retention = self._base_settings().with_fields(repository.load_settings(engine, self.branch)).retention_days
        removed = repository.delete_before(engine, self._clock() - dt.timedelta(days=retention), self.branch)
        help_calls.delete_help_before(engine, self._clock() - dt.timedelta(days=retention))
        self._last_purge = self._clock()
        log.info("retention: %d check-ins older than %d days deleted", removed, retention)
        return removed

    def _flush(self) -> None:
        waiting = repository.latest_states(self._spooled() + self._memory)
        try:
            written = repository.save_check_ins(self._ready_engine(), waiting)
        except REFUSED_DATA:  # one bad check-in must not hold back the others: find it
            written = 0
            for check_in in waiting:
                try:
                    written += repository.save_check_ins(self._ready_engine(), [check_in])
                except REFUSED_DATA:
                    self._refuse(check_in)
        self._memory.clear()
        self._written.update((c.uid, c.revision) for c in waiting)
        self._spool.replace([])
        if not self._spool.load():
            self._written.clear()
        log.info("%d waiting check-ins written to the database", written)

    def _failed(self, exc: BaseException, action: str) -> None:
        if not isinstance(exc, EXPECTED_FAILURES):
            stack = "".join(traceback.format_tb(exc.__traceback__))
            log.error("unexpected %s while trying to %s:\n%s", type(exc).__name__, action, stack)
        problem = classify(exc)
        if problem is Problem.FAILED and sqlite_path(self.url) is not None:
            problem = probe_folder(self.data_dir) or problem
        if problem is not self._problem:
            self._since = self._clock()
            log.error("cannot %s: %s (%s)", action, problem.value, type(exc).__name__)
        self._problem = problem
        if problem in (Problem.CORRUPT, Problem.UNREACHABLE):
            self._migrated = False  # check the schema again when it is back

    def _dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._migrated = False
