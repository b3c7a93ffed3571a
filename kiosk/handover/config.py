"""The hand-over part of the kiosk config: `kiosk.toml` in data_dir().

    printer = "Front_Desk"        # a CUPS queue; leave out to use the system default printer
    print_timeout = 60            # seconds to wait for the printer to finish a job

    [smtp]                        # leave the section out and the kiosk offers no email
    host = "smtp.example.com"
    port = 587                    # default: 25 plain, 587 starttls, 465 ssl
    security = "starttls"         # "plain", "starttls" or "ssl"
    username = "calendar@clinic.example"   # optional: no login when empty
    password = "..."
    from_address = "calendar@clinic.example"
    from_name = "Northside Scalp Studio"
    ca_file = ""                  # optional PEM file to trust (a private or self-signed certificate)
    timeout = 30                  # seconds

kiosk.toml holds this kiosk's other settings too (kiosk.settings.schema.KioskFile checks them all); an unknown
key anywhere is refused, so a typo does not silently turn a setting off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol

import msgspec

from kiosk.errors import UserError
from kiosk.settings.files import KIOSK_FILE, kiosk_file
from kiosk.settings.schema import KioskFile, load_kiosk_file

CONFIG_NAME = KIOSK_FILE
Security = Literal["plain", "starttls", "ssl"]
DEFAULT_PORTS: dict[str, int] = {"plain": 25, "starttls": 587, "ssl": 465}


class SmtpConfig(msgspec.Struct, frozen=True):
    host: str
    port: int
    security: Security
    from_address: str
    from_name: str = ""
    username: str = ""
    password: str = ""  # never in a log line, nor in a repr
    ca_file: Path | None = None
    timeout: float = 30.0

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__struct_fields__ if name != "password")
        return f"SmtpConfig({shown})"


class HandoverConfig(msgspec.Struct, frozen=True):
    printer: str | None = None  # None: the system default printer
    print_timeout: float = 60.0
    smtp: SmtpConfig | None = None  # None: email is not offered


class ClinicSmtpSettings(Protocol):
    """The shape of kiosk.store.settings.SmtpSettings (clinic-wide, kept in the database)."""

    @property
    def host(self) -> str: ...
    @property
    def port(self) -> int: ...
    @property
    def security(self) -> str: ...
    @property
    def username(self) -> str: ...
    @property
    def password(self) -> str: ...
    @property
    def sender(self) -> str: ...


class ClinicHandoverSettings(Protocol):
    """The shape of kiosk.store.settings.ClinicSettings, as far as hand-over needs it."""

    @property
    def name(self) -> str: ...
    @property
    def printer(self) -> str: ...
    @property
    def smtp(self) -> ClinicSmtpSettings: ...


def with_clinic_settings(config: HandoverConfig, settings: ClinicHandoverSettings) -> HandoverConfig:
    """Fill what kiosk.toml leaves out from the clinic-wide settings; the kiosk's own file wins."""
    printer = config.printer or settings.printer.strip() or None
    smtp = config.smtp
    clinic_smtp = settings.smtp
    if smtp is None and clinic_smtp.host.strip():
        from email.utils import parseaddr  # noqa: PLC0415 - only with email set up (3 ms for every command)

        name, address = parseaddr(clinic_smtp.sender)
        security: Security = "plain" if clinic_smtp.security == "none" else clinic_smtp.security  # type: ignore[assignment]
        smtp = SmtpConfig(
            host=clinic_smtp.host.strip(),
            port=clinic_smtp.port,
            security=security,
            from_address=address or clinic_smtp.sender.strip(),
            from_name=name or settings.name,
            username=clinic_smtp.username,
            password=clinic_smtp.password,
        )
    return msgspec.structs.replace(config, printer=printer, smtp=smtp)


def config_path() -> Path:
    return kiosk_file()


def load_handover_config(path: Path | None = None) -> HandoverConfig:
    """The printer and SMTP server kiosk.toml sets (a missing file: the branch's, else the default printer)."""
    path = path or config_path()
    return handover_from_file(load_kiosk_file(path), path)


def handover_from_file(settings: KioskFile, path: Path) -> HandoverConfig:
    """kiosk.toml's hand-over part; the schema (kiosk.settings.schema) has already checked types and bounds."""
    smtp = None
    if settings.smtp is not None:
        raw = settings.smtp
        ca_file = None
        if raw.ca_file.strip():
            ca_file = Path(raw.ca_file) if Path(raw.ca_file).is_absolute() else path.parent / raw.ca_file
            if not ca_file.is_file():
                raise UserError(f"kiosk settings {path}: 'smtp.ca_file' names {ca_file}, which does not exist")
        smtp = SmtpConfig(
            host=raw.host,
            port=raw.port or DEFAULT_PORTS[raw.security],
            security=raw.security,
            from_address=raw.from_address,
            from_name=raw.from_name.strip(),
            username=raw.username.strip(),
            password=raw.password,
            ca_file=ca_file,
            timeout=raw.timeout,
        )
    return HandoverConfig(printer=settings.printer or None, print_timeout=settings.print_timeout, smtp=smtp)
