"""The kiosk's machine-written state (state.json, owner-only) and the one-time move from kiosk.json.

A missing or damaged state file never unlocks anything: the caller (kiosk.core.kiosk_config) treats it as a
fresh lockout once a PIN is known for the branch. Older kiosks kept people's settings and this state in one
file, kiosk.json; `migrate_legacy_file` moves its settings into kiosk.toml and its state here, once.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

import msgspec

from kiosk.documents.atomic import write_atomically
from kiosk.errors import UserError
from kiosk.settings.files import LEGACY_FILE, kiosk_file, settings_copy, state_file
from kiosk.settings.schema import KioskState, Lockout, PinRecord, decode_json
from kiosk.store.files import make_private_dir

log = logging.getLogger(__name__)
LEGACY_SETTINGS = ("kiosk_id", "database_url", "inactivity_seconds", "warning_seconds")


class StateDamagedError(Exception):
    """state.json exists but cannot be read or is not what the kiosk writes."""


def read_state(folder: Path) -> KioskState | None:
    """The state, None when there is no file; StateDamagedError when it cannot be used."""
    path = state_file(folder)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StateDamagedError(str(exc.strerror)) from None
    try:
        return decode_json(data, KioskState, path)
    except UserError as exc:
        raise StateDamagedError(str(exc)) from None


def write_state(folder: Path, state: KioskState) -> None:
    make_private_dir(folder)
    path = state_file(folder)
    write_atomically(path, msgspec.json.format(msgspec.json.encode(state), indent=2))
    os.chmod(path, 0o600)


def branch_pin(folder: Path) -> PinRecord | None:
    """The branch's PIN as this kiosk last read it from the database (in the settings copy); None if unknown."""
    try:
        raw = json.loads(settings_copy(folder).read_text(encoding="utf-8")).get("staff_pin")
        return msgspec.convert(raw, PinRecord) if raw is not None else None
    except (OSError, ValueError, AttributeError, msgspec.ValidationError):
        return None


def migrate_legacy_file(folder: Path) -> None:
    """Move an older kiosk.json into kiosk.toml (people's settings) and state.json (PIN, lockout, export folder).

    kiosk.toml keeps whatever it already says; kiosk.json is renamed kiosk.json.migrated (kept for reference)."""
    legacy = folder / LEGACY_FILE
    if not legacy.is_file():
        return
    try:
        raw: Any = json.loads(legacy.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        log.error("%s cannot be read (%s): moved aside, not used", legacy, exc)
        os.replace(legacy, legacy.with_name(LEGACY_FILE + ".damaged"))
        return
    _move_settings(raw, kiosk_file(folder))
    if not state_file(folder).exists():
        write_state(folder, _legacy_state(raw))
    os.replace(legacy, legacy.with_name(LEGACY_FILE + ".migrated"))
    log.info("%s moved into %s and %s", legacy, kiosk_file(folder).name, state_file(folder).name)


def _move_settings(raw: dict[str, Any], target: Path) -> None:
    existing = target.read_text(encoding="utf-8") if target.exists() else ""
    lines = []
    for key in LEGACY_SETTINGS:
        value = raw.get(key)
        if value is None or value == "" or f"{key} =" in existing or isinstance(value, bool):
            continue
        if isinstance(value, int | str):
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")  # a JSON string or int is TOML too
    if lines:  # top-level keys go before any [section]
        header = "# moved here from kiosk.json\n"
        write_atomically(target, (header + "\n".join(lines) + "\n\n" + existing).encode())


def _legacy_state(raw: dict[str, Any]) -> KioskState:
    from kiosk.core.kiosk_config import SCRYPT_N, SCRYPT_P, SCRYPT_R  # noqa: PLC0415 (no import cycle)

    pin = None
    stored = raw.get("pin")
    if isinstance(stored, dict) and (stored.get("n"), stored.get("r"), stored.get("p")) == (
        SCRYPT_N,
        SCRYPT_R,
        SCRYPT_P,
    ):
        try:
            pin = msgspec.convert({"salt": stored.get("salt"), "hash": stored.get("hash")}, PinRecord)
        except msgspec.ValidationError:
            pin = None
    lockout = raw.get("lockout") if isinstance(raw.get("lockout"), dict) else {}
    try:
        kept_lockout = msgspec.convert(lockout, Lockout)
    except msgspec.ValidationError:
        kept_lockout = Lockout(failures=0, until=time.time() + 300)
    export_dir = raw.get("export_dir") if isinstance(raw.get("export_dir"), str) else ""
    return KioskState(pin=pin, lockout=kept_lockout, export_dir=export_dir or "")
