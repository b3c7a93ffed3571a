"""The kiosk's own settings file (kiosk.json in data_dir()): the staff PIN, its lockout, the inactivity timers,
the kiosk id, the database address and the folder CSV exports go to. What wins over what: docs/settings.md.

The PIN is kept only as a salted scrypt hash. Wrong tries and the lockout are written to the file too,
so restarting the kiosk does not give a guesser five fresh tries. The file is readable by its owner only.
"""

from __future__ import annotations

import glob
import hashlib
import hmac
import json
import os
import secrets
import socket
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.documents.atomic import write_atomically
from kiosk.errors import UserError
from kiosk.paths import data_dir

CONFIG_NAME = "kiosk.json"
DEMO_PIN = "2468"  # accepted only while no PIN has been set; documented in the README
PIN_MIN_DIGITS, PIN_MAX_DIGITS = 4, 12
MAX_WRONG_TRIES = 5
LOCKOUT_SECONDS = 5 * 60
DEFAULT_INACTIVITY_SECONDS = 90
DEFAULT_WARNING_SECONDS = 30
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
# Where a USB stick or card shows up on Linux desktops (udisks) and on hand-made mounts.
REMOVABLE_DRIVES = ("/media/*/*", "/run/media/*/*", "/mnt/*")


def config_path() -> Path:
    return data_dir() / CONFIG_NAME


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
    return hashlib.scrypt(pin.encode(), salt=salt, n=_SCRYPT["n"], r=_SCRYPT["r"], p=_SCRYPT["p"], dklen=32)


@dataclass(frozen=True)
class PinCheck:
    accepted: bool
    locked_for: int  # seconds the pad stays locked (0: not locked)
    tries_left: int


class KioskConfig:
    """Read on each use and written atomically, so that a crash or a second process never sees half a file."""

    def __init__(self, path: Path | None = None, clock: Callable[[], float] = time.time) -> None:
        self.path = path or config_path()
        self.clock = clock

    # ------------------------------------------------------------ the file

    def load(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise UserError(f"kiosk settings {self.path} cannot be read ({exc}): fix or delete the file") from None
        if not isinstance(raw, dict):
            raise UserError(f"kiosk settings {self.path} is not a JSON object: fix or delete the file")
        return raw

    def save(self, raw: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(self.path, json.dumps(raw, indent=2, sort_keys=True).encode())
        os.chmod(self.path, 0o600)

    # ------------------------------------------------------------ timers

    def _seconds(self, key: str, default: int, lowest: int) -> int:
        value = self.load().get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < lowest:
            raise UserError(f"kiosk settings {self.path}: '{key}' must be a whole number of seconds, {lowest} or more")
        return value

    def inactivity_seconds(self) -> int:
        return self._seconds("inactivity_seconds", DEFAULT_INACTIVITY_SECONDS, 5)

    def inactivity_override(self) -> int | None:
        """This kiosk's own inactivity timeout, when kiosk.json sets one: it wins over the clinic setting."""
        return self.inactivity_seconds() if "inactivity_seconds" in self.load() else None

    def warning_seconds(self) -> int:
        return self._seconds("warning_seconds", DEFAULT_WARNING_SECONDS, 5)

    # ------------------------------------------------------------ records

    def kiosk_id(self) -> str:
        """The name this kiosk's check-ins carry on a shared database; the machine's host name by default."""
        value = self.load().get("kiosk_id") or socket.gethostname() or "kiosk"
        if not isinstance(value, str) or not value.strip():
            raise UserError(f"kiosk settings {self.path}: 'kiosk_id' must be a non-empty text")
        return value.strip()[:64]

    def database_url(self) -> str | None:
        """Where check-ins are kept: None for SQLite in data_dir(), or e.g. postgresql://user:pw@host/db."""
        value = self.load().get("database_url")
        if value is not None and not isinstance(value, str):
            raise UserError(f"kiosk settings {self.path}: 'database_url' must be a text or null")
        return value or None

    def export_dir(self) -> Path:
        """Where CSV exports go: the folder staff chose on this kiosk, else exports/ in the data folder."""
        value = self.load().get("export_dir")
        return Path(value) if isinstance(value, str) and value.strip() else default_export_dir()

    def set_export_dir(self, folder: Path) -> None:
        """Remember the export folder (the default folder is remembered as 'no choice')."""
        raw = self.load()
        if folder == default_export_dir():
            raw.pop("export_dir", None)
        else:
            raw["export_dir"] = str(folder)
        self.save(raw)

    # ------------------------------------------------------------ the PIN

    def has_pin(self) -> bool:
        return isinstance(self.load().get("pin"), dict)

    def set_pin(self, pin: str) -> None:
        check_pin_format(pin)
        salt = secrets.token_bytes(16)
        raw = self.load()
        raw["pin"] = {"algorithm": "scrypt", **_SCRYPT, "salt": salt.hex(), "hash": hash_pin(pin, salt).hex()}
        raw.pop("lockout", None)
        self.save(raw)

    def locked_for(self) -> int:
        lockout = self.load().get("lockout", {})
        until = lockout.get("until", 0) if isinstance(lockout, dict) else 0
        remaining = float(until) - self.clock() if isinstance(until, int | float) else 0.0
        return max(0, int(remaining + 0.999))

    def check_pin(self, pin: str) -> PinCheck:
        """Compare a typed PIN; count wrong tries and lock the pad for 5 minutes after the 5th."""
        raw = self.load()
        locked = self.locked_for()
        if locked:
            return PinCheck(False, locked, 0)
        if self._matches(raw.get("pin"), pin):
            raw.pop("lockout", None)
            self.save(raw)
            return PinCheck(True, 0, MAX_WRONG_TRIES)
        lockout = raw.get("lockout") if isinstance(raw.get("lockout"), dict) else {}
        assert isinstance(lockout, dict)
        failures = int(lockout.get("failures", 0)) + 1
        if failures >= MAX_WRONG_TRIES:
            raw["lockout"] = {"failures": 0, "until": self.clock() + LOCKOUT_SECONDS}
            self.save(raw)
            return PinCheck(False, LOCKOUT_SECONDS, 0)
        raw["lockout"] = {"failures": failures, "until": 0}
        self.save(raw)
        return PinCheck(False, 0, MAX_WRONG_TRIES - failures)

    @staticmethod
    def _matches(stored: object, pin: str) -> bool:
        if stored is None:
            return hmac.compare_digest(pin.encode(), DEMO_PIN.encode())
        if not isinstance(stored, dict):
            return False
        try:
            salt = bytes.fromhex(str(stored["salt"]))
            expected = bytes.fromhex(str(stored["hash"]))
            n, r, p = int(stored["n"]), int(stored["r"]), int(stored["p"])
        except (KeyError, ValueError, TypeError):
            return False
        actual = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=len(expected))
        return hmac.compare_digest(actual, expected)
