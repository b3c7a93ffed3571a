"""One typed schema for everything the kiosk reads from its own files, with lower and upper bounds.

msgspec checks types and bounds while it decodes (about 10 ms to import), so no NaN, infinity, text or absurd
number reaches a timer, a socket or date arithmetic, and an unknown key is refused: a typo never silently turns
a setting off. `decode_toml` and `decode_json` turn msgspec's errors into one line naming the file and the key.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal, TypeVar

import msgspec
from msgspec import Meta, Struct

from kiosk.errors import UserError

DEFAULT_BRANCH = "main"
BRANCH_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,31}$"

Branch = Annotated[str, Meta(pattern=BRANCH_PATTERN)]
OneLine = Annotated[str, Meta(max_length=500, pattern=r"^[^\r\n\x00]*$")]
InactivitySeconds = Annotated[int, Meta(ge=5, le=3600)]
WarningSeconds = Annotated[int, Meta(ge=5, le=300)]
TimeoutSeconds = Annotated[float, Meta(ge=1, le=600)]
Port = Annotated[int, Meta(ge=1, le=65535)]
Hex = Annotated[str, Meta(pattern=r"^[0-9a-f]{16,128}$")]


class SmtpFile(Struct, forbid_unknown_fields=True, kw_only=True):
    """kiosk.toml's [smtp]: this kiosk's own mail server (wins over the branch's)."""

    host: Annotated[str, Meta(min_length=1, max_length=253, pattern=r"^\S+$")]
    from_address: Annotated[str, Meta(min_length=3, max_length=320, pattern=r"^[^\s@]+@[^\s@]+$")]
    port: Port | None = None  # default: 25 plain, 587 starttls, 465 ssl
    security: Literal["plain", "starttls", "ssl"] = "starttls"
    username: OneLine = ""
    password: OneLine = ""
    from_name: OneLine = ""
    ca_file: OneLine = ""
    timeout: TimeoutSeconds = 30.0


class KioskFile(Struct, forbid_unknown_fields=True, kw_only=True):
    """kiosk.toml: the one file people edit on a kiosk. Every key is optional."""

    branch: Branch = DEFAULT_BRANCH  # the clinic branch this kiosk belongs to
    clinic: Annotated[str, Meta(min_length=1, max_length=500)] = "demo"  # the clinic profile: an id or a .toml file
    kiosk_id: Annotated[str, Meta(max_length=64, pattern=r"^[^\r\n\x00]*$")] = ""  # "": the host name
    database_url: OneLine = ""  # "": SQLite in the data folder
    inactivity_seconds: InactivitySeconds | None = None  # None: the branch's setting
    warning_seconds: WarningSeconds = 30
    printer: Annotated[str, Meta(max_length=127, pattern=r"^[^\s/#]*$")] = ""  # "": the branch's, else CUPS default
    print_timeout: TimeoutSeconds = 60.0
    smtp: SmtpFile | None = None  # None: the branch's SMTP, if any


class PinRecord(Struct, forbid_unknown_fields=True):
    """A staff PIN as a salted scrypt hash. The scrypt cost is fixed in code (kiosk.core.kiosk_config), never
    read from a file: whoever can edit a file cannot weaken the hash or make it too costly to check."""

    salt: Hex
    hash: Hex


class Lockout(Struct, forbid_unknown_fields=True):
    failures: Annotated[int, Meta(ge=0, le=1000)] = 0
    until: Annotated[float, Meta(ge=0, le=1e11)] = 0.0  # a Unix time; 0: not locked


class KioskState(Struct, forbid_unknown_fields=True, kw_only=True):
    """state.json: written by the kiosk only (owner-only), never edited by hand."""

    pin: PinRecord | None = None
    lockout: Lockout = msgspec.field(default_factory=Lockout)
    export_dir: OneLine = ""  # "": exports/ in the data folder
    demo_retired: bool = False  # a PIN was set here, or this file was found damaged: the demo PIN never works again


T = TypeVar("T")
_WHERE = re.compile(r" - at `\$((?:\.\w+|\[\d+\])*)`$")
_UNKNOWN = re.compile(r"^Object contains unknown field `([^`]+)`")
_KIND = {
    "`object | null`": "a section such as [smtp]",
    "`int | null`": "a whole number",
    "`Port | null`": "a port number",
    "`int`": "a whole number",
    "`float`": "a number",
    "`str`": "a text",
    "`bool`": "true or false",
}


def explain(error: msgspec.ValidationError) -> str:
    """msgspec's "Expected `int` >= 15 - at `$.smtp.port`" as "'smtp.port' must be a whole number >= 15"."""
    message = str(error)
    match = _WHERE.search(message)
    where = match.group(1).lstrip(".") if match else ""
    message = message[: match.start()] if match else message
    unknown = _UNKNOWN.match(message)
    if unknown:
        key = f"{where}.{unknown.group(1)}" if where else unknown.group(1)
        return f"'{key}' is not a setting (a typo?): remove it or see docs/settings.md"
    if message.startswith("Object missing required field"):
        field = message.split("`")[1]
        return f"'{f'{where}.{field}' if where else field}' is missing"
    for kind, words in _KIND.items():
        message = message.replace(f"Expected {kind}", f"must be {words}")
    if BRANCH_PATTERN in message:
        return f"'{where}' must be a branch id: lowercase letters, digits, '-' or '_' (for example main)"
    if message.startswith("Invalid enum value"):
        return f"'{where}' cannot be {message.split(' ', 3)[3]}: see docs/settings.md for the choices"
    if where == "printer" and "regex" in message:
        return "'printer' must be a CUPS queue name: no spaces, '/' or '#'"
    message = message.replace("Expected `str` matching regex", "must be a text matching")
    message = message.replace("Expected ", "must be ").replace(", got ", ", not ").replace("`", "")
    return f"'{where}' {message}" if where else message


def decode_toml(data: bytes, kind: type[T], path: Path) -> T:
    try:
        return msgspec.toml.decode(data, type=kind)
    except msgspec.ValidationError as exc:
        raise UserError(f"kiosk settings {path}: {explain(exc)}") from None
    except msgspec.DecodeError as exc:
        raise UserError(f"kiosk settings {path}: is not valid TOML ({exc})") from None


def decode_json(data: bytes, kind: type[T], path: Path) -> T:
    try:
        return msgspec.json.decode(data, type=kind)
    except msgspec.ValidationError as exc:
        raise UserError(f"kiosk settings {path}: {explain(exc)}") from None
    except msgspec.DecodeError as exc:
        raise UserError(f"kiosk settings {path}: is not valid JSON ({exc})") from None


def load_kiosk_file(path: Path) -> KioskFile:
    """kiosk.toml (a missing file: every default). UserError naming the file and the key on any mistake."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return KioskFile()
    except OSError as exc:
        raise UserError(f"kiosk settings {path}: cannot be read ({exc.strerror})") from None
    settings = decode_toml(data, KioskFile, path)
    if settings.inactivity_seconds is not None and settings.warning_seconds >= settings.inactivity_seconds:
        raise UserError(f"kiosk settings {path}: 'warning_seconds' must be less than 'inactivity_seconds'")
    if settings.smtp is not None and settings.smtp.password and not settings.smtp.username:
        raise UserError(f"kiosk settings {path}: 'smtp.username' is needed when a password is set")
    return settings
