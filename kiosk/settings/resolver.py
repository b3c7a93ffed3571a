"""The one resolver of effective settings, used by the kiosk and by every command.

Order (docs/settings.md): the clinic profile and the protocol file, then the settings saved for this kiosk's
branch in the database (or this kiosk's last copy of them while the database is away), then kiosk.toml. The
result says where each value came from: `smp-kiosk settings` prints it, with secrets masked.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from kiosk.core.clinic import Clinic, load_clinic
from kiosk.core.kiosk_config import KioskConfig
from kiosk.core.protocol import load_protocol
from kiosk.handover.config import handover_from_file
from kiosk.settings.files import DATABASE_FILE, KIOSK_FILE, SETTINGS_COPY, settings_copy
from kiosk.settings.schema import KioskFile
from kiosk.settings.secret import SecretBox
from kiosk.store.effective import EffectiveSettings, effective_settings
from kiosk.store.settings import ClinicSettings, read_settings_copy

if TYPE_CHECKING:
    from kiosk.store.service import CheckInStore

SECRET_FIELDS = ("smtp.password",)
PROFILE_FIELDS = ("name", "logo_path", "phone", "text", "email", "website", "address", "languages")
_URL_PASSWORD = re.compile(r"(://[^:/@]+:)[^@]*@")


class SettingSource(Struct, frozen=True):
    name: str  # e.g. "name", "smtp.host", "day_counts.dry", "inactivity_seconds"
    value: str  # as shown: secrets masked
    source: str  # where it came from, in words


class Resolved(Struct, frozen=True):
    folder: Path
    kiosk: KioskFile  # kiosk.toml as read
    profile: Clinic
    branch_settings: ClinicSettings  # the branch's settings (database, else copy, else profile)
    branch_source: str
    effective: EffectiveSettings
    sources: tuple[SettingSource, ...]


def database_in_use(config: KioskConfig) -> bool:
    """A database address is set, or this kiosk's SQLite file exists: only then do commands open the database."""
    return config.database_url() is not None or (config.folder / DATABASE_FILE).exists()


def open_store(config: KioskConfig, profile: Clinic, url: str | None = None) -> CheckInStore:
    from kiosk.store.service import CheckInStore  # noqa: PLC0415 - SQLAlchemy only when a database is used

    return CheckInStore(url or config.database_url(), data_dir=config.folder, clinic=profile, branch=config.branch())


def resolve(clinic: str | None = None, *, folder: Path | None = None) -> Resolved:
    """Everything a kiosk or a command runs with. UserError (one line) for a mistake in any file."""
    config = KioskConfig(folder)
    kiosk = config.file()
    profile = load_clinic(clinic or kiosk.clinic)
    base = ClinicSettings.from_clinic(profile)
    if database_in_use(config):
        store = open_store(config, profile)
        try:
            settings = store.settings()
            reached = store.health().problem is None
        finally:
            store.close()
        where = f"branch '{kiosk.branch}' in the database" if reached else f"branch '{kiosk.branch}' ({SETTINGS_COPY})"
    else:
        settings = read_settings_copy(settings_copy(config.folder), base, SecretBox(config.folder))
        where = f"branch '{kiosk.branch}' ({SETTINGS_COPY})"
    protocol = load_protocol(profile.protocol)
    effective = effective_settings(
        profile,
        protocol,
        settings,
        kiosk_handover=handover_from_file(kiosk, config.path),
        kiosk_inactivity=kiosk.inactivity_seconds,
    )
    sources = _sources(config, kiosk, profile, base, settings, where, effective)
    return Resolved(config.folder, kiosk, profile, settings, where, effective, sources)


def mask_url(url: str) -> str:
    return _URL_PASSWORD.sub(r"\1***@", url)


def _sources(  # noqa: PLR0917 - the parts resolve() has just put together
    config: KioskConfig,
    kiosk: KioskFile,
    profile: Clinic,
    base: ClinicSettings,
    settings: ClinicSettings,
    where: str,
    effective: EffectiveSettings,
) -> tuple[SettingSource, ...]:
    own = f"{KIOSK_FILE} ({config.path})"
    profile_source = f"clinic profile ({profile.source})"
    rows: list[SettingSource] = []

    def add(name: str, value: Any, source: str, *, note: bool = False) -> None:
        shown = "******" if name in SECRET_FIELDS and value and not note else str(value)
        rows.append(SettingSource(name, shown, source))

    add("branch", kiosk.branch, own if "branch" in _set_in(config) else "default")
    add("kiosk_id", config.kiosk_id(), own if kiosk.kiosk_id else "default (host name)")
    add("clinic", profile.id, own if "clinic" in _set_in(config) else "default")
    database = mask_url(kiosk.database_url) or "SQLite in the data folder"
    add("database_url", database, own if kiosk.database_url else "default")
    fields = settings.to_fields()
    defaults = base.to_fields()
    for key, value in fields.items():
        if key in ("smtp", "day_counts", "inactivity_timeout_s", "printer"):
            continue
        unchanged = profile_source if key in PROFILE_FIELDS else "default"
        add(key, value, where if value != defaults[key] else unchanged)
    protocol_source = f"protocol file ({profile.protocol})"
    for phase in effective.protocol.phases[:-1]:
        counted = phase.id in settings.day_counts
        length = (phase.last_day or 0) - phase.first_day + 1
        add(f"day_counts.{phase.id}", length, where if counted else protocol_source)
    for milestone in effective.protocol.milestones:
        counted = milestone.id in settings.day_counts
        add(f"day_counts.{milestone.id}", milestone.day, where if counted else protocol_source)
    timeout_source = where if settings.inactivity_timeout_s != defaults["inactivity_timeout_s"] else "default"
    add("inactivity_seconds", effective.inactivity_seconds, own if kiosk.inactivity_seconds else timeout_source)
    add("warning_seconds", kiosk.warning_seconds, own if "warning_seconds" in _set_in(config) else "default")
    handover = effective.handover
    printer = handover.printer if handover else None
    add("printer", printer or "the system default printer", own if kiosk.printer else where if printer else "default")
    smtp = handover.smtp if handover else None
    smtp_source = own if kiosk.smtp is not None else where
    if smtp is None:
        add("smtp", "off (no email)", "default")
    else:
        no_key = kiosk.smtp is None and smtp.username and not smtp.password and not SecretBox(config.folder).has_key()
        for name in ("host", "port", "security", "username", "password", "from_address", "from_name"):
            if name == "password" and no_key:  # sealed in the database, and this kiosk has no key to open it
                add(
                    "smtp.password",
                    "cannot be opened here: copy secret.key from another kiosk of this branch",
                    smtp_source,
                    note=True,
                )
            else:
                add(f"smtp.{name}", getattr(smtp, name), smtp_source)
    return tuple(rows)


def _set_in(config: KioskConfig) -> set[str]:
    """The top-level keys kiosk.toml really sets (not defaults)."""
    import tomllib  # noqa: PLC0415

    try:
        return set(tomllib.loads(config.path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()
