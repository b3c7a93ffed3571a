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

Other sections of kiosk.toml belong to other parts of the kiosk and are ignored here; unknown keys in
[smtp] are refused, so a typo does not silently turn a setting off.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path
from typing import Any, Literal, Protocol

from kiosk.core.limits import seconds_problem
from kiosk.errors import UserError, shown
from kiosk.paths import data_dir

CONFIG_NAME = "kiosk.toml"
Security = Literal["plain", "starttls", "ssl"]
DEFAULT_PORTS: dict[str, int] = {"plain": 25, "starttls": 587, "ssl": 465}
SMTP_KEYS = {"host", "port", "security", "username", "password", "from_address", "from_name", "ca_file", "timeout"}


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: Security
    from_address: str
    from_name: str = ""
    username: str = ""
    password: str = ""
    ca_file: Path | None = None
    timeout: float = 30.0


@dataclass(frozen=True)
class HandoverConfig:
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
    return dataclasses.replace(config, printer=printer, smtp=smtp)


def config_path() -> Path:
    return data_dir() / CONFIG_NAME


def load_handover_config(path: Path | None = None) -> HandoverConfig:
    """Read kiosk.toml (a missing file means: default printer, no email)."""
    path = path or config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return HandoverConfig()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"kiosk config {path}: is not valid TOML ({exc})") from None
    except OSError as exc:
        raise UserError(f"kiosk config {path}: cannot be read ({exc.strerror})") from None
    return parse_handover_config(raw, path)


def parse_handover_config(raw: dict[str, Any], path: Path) -> HandoverConfig:
    def fail(field: str, problem: str) -> UserError:
        return UserError(f"kiosk config {path}: field '{field}' {problem}")

    printer = raw.get("printer")
    if printer is not None and (not isinstance(printer, str) or not printer.strip()):
        raise fail("printer", "must be the name of a CUPS printer queue")
    timeout = raw.get("print_timeout", 60)
    if (problem := seconds_problem(timeout)) is not None:
        raise fail("print_timeout", problem)
    smtp_raw = raw.get("smtp")
    smtp = None
    if smtp_raw is not None:
        if not isinstance(smtp_raw, dict):
            raise fail("smtp", "must be a table ([smtp])")
        smtp = _smtp(smtp_raw, path, fail)
    return HandoverConfig(printer=printer.strip() if printer else None, print_timeout=float(timeout), smtp=smtp)


def _smtp(raw: dict[str, Any], path: Path, fail: Any) -> SmtpConfig:
    unknown = sorted(set(raw) - SMTP_KEYS)
    if unknown:
        raise fail(f"smtp.{unknown[0]}", f"is not a setting; use {', '.join(sorted(SMTP_KEYS))}")

    def text(key: str, *, required: bool = False) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise fail(f"smtp.{key}", "must be a non-empty text")
        if any(ch in value for ch in "\r\n\0"):
            raise fail(f"smtp.{key}", "must be on one line")
        return value.strip() if key != "password" else value

    security = text("security") or "starttls"
    if security not in DEFAULT_PORTS:
        raise fail("smtp.security", f"must be plain, starttls or ssl, not '{shown(security)}'")
    port = raw.get("port", DEFAULT_PORTS[security])
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise fail("smtp.port", "must be a port number from 1 to 65535")
    timeout = raw.get("timeout", 30)
    if (problem := seconds_problem(timeout)) is not None:
        raise fail("smtp.timeout", problem)
    from_address = text("from_address", required=True)
    if "@" not in from_address or any(ch.isspace() for ch in from_address):
        raise fail("smtp.from_address", f"must be an email address, not '{shown(from_address)}'")
    ca_name = text("ca_file")
    ca_file = None
    if ca_name:
        ca_file = Path(ca_name) if Path(ca_name).is_absolute() else path.parent / ca_name
        if not ca_file.is_file():
            raise fail("smtp.ca_file", f"names {ca_file}, which does not exist")
    username = text("username")
    if raw.get("password") and not username:
        raise fail("smtp.username", "is needed when a password is set")
    return SmtpConfig(
        host=text("host", required=True),
        port=port,
        security=security,  # type: ignore[arg-type]
        from_address=from_address,
        from_name=text("from_name"),
        username=username,
        password=text("password"),
        ca_file=ca_file,
        timeout=float(timeout),
    )
