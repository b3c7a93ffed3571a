"""The files in a kiosk's data folder that hold settings, named once (docs/settings.md lists the same)."""

from __future__ import annotations

from pathlib import Path

from kiosk.paths import data_dir

KIOSK_FILE = "kiosk.toml"  # the one file people edit: this kiosk's own settings
STATE_FILE = "state.json"  # machine-written: the staff PIN's hash, its lockout, the export folder
SETTINGS_COPY = "clinic-settings.json"  # machine-written: the branch's settings as last read from the database
SECRET_KEY_FILE = "secret.key"  # machine-written: the key that encrypts the SMTP password (copy it to a new kiosk)
DATABASE_FILE = "checkins.db"  # the check-ins when no database_url is set (SQLite, owner-only)
LEGACY_FILE = "kiosk.json"  # older versions' mix of both; moved into kiosk.toml and state.json once


def kiosk_file(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / KIOSK_FILE


def state_file(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / STATE_FILE


def settings_copy(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / SETTINGS_COPY


def secret_key_file(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / SECRET_KEY_FILE
