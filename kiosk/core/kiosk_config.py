"""This kiosk's own settings (kiosk.toml, the one file people edit) and its machine-written state (state.json:
the staff PIN, its lockout, the export folder). File names: kiosk.settings.files; what wins over what:
docs/settings.md.

The PIN is kept only as a salted scrypt hash whose cost is fixed here, never read from a file. Wrong tries and
the lockout are written to the state file, so restarting the kiosk does not give a guesser five fresh tries.
Once a PIN is known for the branch (this kiosk's, or the branch's from the database), a missing or damaged
state file never brings back the demo PIN: it counts as a fresh lockout, and the pad says how to set a PIN.
"""

from __future__ import annotations

import glob
import hashlib
import hmac
import logging
import platform
import secrets
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from msgspec import Struct

from kiosk.errors import UserError
from kiosk.paths import data_dir
from kiosk.settings.files import kiosk_file, state_file
from kiosk.settings.schema import KioskFile, KioskState, Lockout, PinRecord, load_kiosk_file
from kiosk.settings.state import StateDamagedError, branch_pin, migrate_legacy_file, read_state, write_state

DEMO_PIN = "2468"  # accepted only while no PIN has been set for the branch; documented in the README
PIN_MIN_DIGITS, PIN_MAX_DIGITS = 4, 12
MAX_WRONG_TRIES = 5
LOCKOUT_SECONDS = 5 * 60
DEFAULT_INACTIVITY_SECONDS = 90
DEFAULT_WARNING_SECONDS = 30
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # fixed in code: a file can neither weaken nor inflate the hash
# Where a USB stick or card shows up on Linux desktops (udisks) and on hand-made mounts.
REMOVABLE_DRIVES = ("/media/*/*", "/run/media/*/*", "/mnt/*")
log = logging.getLogger(__name__)


def config_path() -> Path:
    """The file people edit (kiosk.toml in the data folder)."""
    return kiosk_file()


def default_export_dir() -> Path:
    return data_dir() / "exports"


def folder_problem(folder: Path) -> str:
    """Empty when CSV files can be written into `folder`, else "not-absolute", "missing", "not-folder" or
    "not-writable" (tried for real: a read-only stick or a full disk says no, whatever the permissions say)."""
    if not folder.is_absolute():
        return "not-absolute"
    if not folder.exists():
        return "missing"
    if not folder.is_dir():
        return "not-folder"
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".smp-kiosk-"):
            pass
    except OSError:
        return "not-writable"
    return ""


def removable_folders(patterns: tuple[str, ...] | None = None) -> list[Path]:
    """Writable drives plugged into the kiosk (each a folder staff may export to), sorted by path."""
    found = {Path(match) for pattern in patterns or REMOVABLE_DRIVES for match in glob.glob(pattern)}
    return sorted(folder for folder in found if folder.is_dir() and not folder_problem(folder))


def kiosk_database_url(config: KioskConfig | None = None) -> str | None:
    """The database this kiosk keeps its check-ins in (None: SQLite in data_dir()). The kiosk and every command
    ask here, so `smp-kiosk records` reads what the kiosk writes."""
    return (config or KioskConfig()).database_url()


def check_pin_format(pin: str) -> str:
    if not pin.isascii() or not pin.isdigit() or not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise UserError(f"the PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9), nothing else")
    return pin


def hash_pin(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)


def make_pin_record(pin: str) -> PinRecord:
    check_pin_format(pin)
    salt = secrets.token_bytes(16)
    return PinRecord(salt=salt.hex(), hash=hash_pin(pin, salt).hex())


def pin_matches(record: PinRecord, pin: str) -> bool:
    actual = hash_pin(pin, bytes.fromhex(record.salt))
    return hmac.compare_digest(actual, bytes.fromhex(record.hash))


class PinCheck(Struct, frozen=True):
    accepted: bool
    locked_for: int  # seconds the pad stays locked (0: not locked)
    tries_left: int
    demo_retired: bool = False  # the demo PIN was typed, but a PIN was set for this branch: use `smp-kiosk set-pin`


class KioskConfig:
    """Read on each use and written atomically, so that a crash or a second process never sees half a file."""

    def __init__(self, folder: Path | None = None, clock: Callable[[], float] = time.time) -> None:
        self.folder = folder or data_dir()
        self.path = kiosk_file(self.folder)
        self.clock = clock
        try:
            migrate_legacy_file(self.folder)
        except OSError as exc:  # e.g. a read-only data folder: the old file stays, and is tried again next time
            log.error("the old kiosk.json in %s cannot be moved: %s", self.folder, exc.strerror or exc)

    # ------------------------------------------------------------ kiosk.toml

    def file(self) -> KioskFile:
        """kiosk.toml, checked against the schema (UserError naming the file and the key)."""
        return load_kiosk_file(self.path)

    def inactivity_seconds(self) -> int:
        return self.file().inactivity_seconds or DEFAULT_INACTIVITY_SECONDS

    def inactivity_override(self) -> int | None:
        """This kiosk's own inactivity timeout, when kiosk.toml sets one: it wins over the branch setting."""
        return self.file().inactivity_seconds

    def warning_seconds(self) -> int:
        return self.file().warning_seconds

    def kiosk_id(self) -> str:
        """The name this kiosk's check-ins carry on a shared database; the machine's host name by default."""
        return (self.file().kiosk_id.strip() or platform.node() or "kiosk")[:64]

    def branch(self) -> str:
        """The clinic branch this kiosk belongs to (kiosk.toml `branch`, default "main")."""
        return self.file().branch

    def database_url(self) -> str | None:
        """Where check-ins are kept: None for SQLite in the data folder, or e.g. postgresql://user:pw@host/db."""
        return self.file().database_url.strip() or None

    # ------------------------------------------------------------ state.json

    def state(self) -> KioskState:
        """The machine-written state. Missing or damaged while a PIN is known for the branch: a fresh lockout
        (written back at once), so deleting or breaking the file never unlocks anything."""
        try:
            state = read_state(self.folder)
        except StateDamagedError as exc:
            log.error("kiosk state %s is damaged (%s): the PIN pad locks for 5 minutes", state_file(self.folder), exc)
            state = None
            damaged = True
        else:
            damaged = False
        if state is not None:
            return state
        known = branch_pin(self.folder)
        if known is None and not damaged:
            return KioskState()
        lockout = Lockout(failures=0, until=self.clock() + LOCKOUT_SECONDS)
        fresh = KioskState(pin=known, lockout=lockout, demo_retired=True)
        self.save(fresh)
        return fresh

    def begin(self) -> None:
        """The kiosk starts: make its state file now if it has none and no PIN is known for the branch yet, so that a
        state file missing later (deleted) is told apart from a new kiosk, which starts without a lockout."""
        try:
            if not state_file(self.folder).exists() and branch_pin(self.folder) is None:
                self.save(KioskState())
        except OSError as exc:
            log.error("the kiosk state %s cannot be written: %s", state_file(self.folder), exc.strerror or exc)

    def save(self, state: KioskState) -> None:
        write_state(self.folder, state)

    def export_dir(self) -> Path:
        """Where CSV exports go: the folder staff chose on this kiosk, else exports/ in the data folder."""
        chosen = self.state().export_dir.strip()
        return Path(chosen) if chosen else default_export_dir()

    def set_export_dir(self, folder: Path) -> None:
        """Remember the export folder (the default folder is remembered as 'no choice')."""
        state = self.state()
        state.export_dir = "" if folder == default_export_dir() else str(folder)
        self.save(state)

    # ------------------------------------------------------------ the PIN

    def pin_record(self) -> PinRecord | None:
        """This kiosk's PIN, else the branch's as last read from the database; None: no PIN was ever set."""
        return self.state().pin or branch_pin(self.folder)

    def has_pin(self) -> bool:
        return self.pin_record() is not None

    def set_pin(self, pin: str) -> PinRecord:
        """Set this kiosk's PIN (and end any lockout); the caller also records it for the branch in the database."""
        record = make_pin_record(pin)
        state = self.state()
        state.pin = record
        state.lockout = Lockout()
        state.demo_retired = True
        self.save(state)
        return record

    def locked_for(self) -> int:
        remaining = self.state().lockout.until - self.clock()
        return max(0, int(remaining + 0.999))

    def check_pin(self, pin: str) -> PinCheck:
        """Compare a typed PIN; count wrong tries and lock the pad for 5 minutes after the 5th."""
        state = self.state()
        locked = self.locked_for()
        if locked:
            return PinCheck(False, locked, 0)
        record = state.pin or branch_pin(self.folder)
        demo = hmac.compare_digest(pin.encode(), DEMO_PIN.encode())
        if record is None:
            accepted = demo and not state.demo_retired
        else:
            accepted = pin_matches(record, pin)
        return self._count(state, accepted, retired=demo and (record is not None or state.demo_retired))

    def check_owner_pin(self, pin: str, record: PinRecord) -> PinCheck:
        """Compare the chain owner's PIN (from the database); wrong tries count with the staff PIN's."""
        locked = self.locked_for()
        if locked:
            return PinCheck(False, locked, 0)
        return self._count(self.state(), pin_matches(record, pin), retired=False)

    def _count(self, state: KioskState, accepted: bool, *, retired: bool) -> PinCheck:
        if accepted:
            state.lockout = Lockout()
            self.save(state)
            return PinCheck(True, 0, MAX_WRONG_TRIES)
        failures = state.lockout.failures + 1
        if failures >= MAX_WRONG_TRIES:
            state.lockout = Lockout(failures=0, until=self.clock() + LOCKOUT_SECONDS)
            self.save(state)
            return PinCheck(False, LOCKOUT_SECONDS, 0, retired)
        state.lockout = Lockout(failures=failures, until=0.0)
        self.save(state)
        return PinCheck(False, 0, MAX_WRONG_TRIES - failures, retired)
