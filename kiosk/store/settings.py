"""Clinic settings shared by every kiosk on the same database, with a private local copy.

Decision: clinic-wide settings (name, logo, contact, printer, languages offered, inactivity timeout,
the protocol's day counts, SMTP, receipt on/off, retention) live in the database, table
`clinic_settings`, one JSON value per field, so all kiosks of a clinic agree and staff change them
once; each branch of a chain has its own rows (`branch_id`). Each kiosk keeps the last values it read in
`clinic-settings.json` (0600) in its data folder, so it starts with the right settings while the database is
away. The SMTP password is encrypted in both (kiosk.settings.secret). Kiosk-local settings (kiosk id,
database address, staff PIN) are in the kiosk config file (kiosk/core/kiosk_config.py), not here.
Defaults come from the clinic profile (resources/clinics/*.toml).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import msgspec

from kiosk.core.clinic import Clinic
from kiosk.core.course import COURSE_SETTINGS, apply_course_counts, course_bounds
from kiosk.core.protocol import Protocol
from kiosk.core.readaloud import DEFAULT_VOLUME, MAX_VOLUME, MIN_VOLUME
from kiosk.errors import UserError
from kiosk.settings.secret import SecretBox, SecretUnavailableError
from kiosk.store.files import make_private_dir, make_private_file

SmtpSecurity = Literal["starttls", "ssl", "none"]
DEFAULT_RETENTION_DAYS = 90
DEFAULT_INACTIVITY_TIMEOUT = 90
log = logging.getLogger(__name__)
# The bounds of the clinic settings' numbers: checked when staff save, and again on every value read back from the
# database or the settings copy (a value out of bounds there is left out, with a log line), so no absurd number
# reaches a timer, a socket or date arithmetic whoever wrote it.
BOUNDS = {
    "inactivity_timeout_s": (15, 900),
    "retention_days": (1, 3650),
    "smtp.port": (1, 65535),
    "day_counts": (1, 365),
}
PICTURE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2}|_\d{3})?$")


class SettingError(UserError):
    """A clinic setting that is wrong. `setting` names it (a ClinicSettings field, "smtp.port",
    "day_counts.dry", ...) so that the staff screen can say it in the staff member's language; `value` is
    the bad value where the words depend on it (the logo's path)."""

    def __init__(self, setting: str, message: str, value: str = "") -> None:
        super().__init__(message)
        self.setting = setting
        self.value = value


def within(setting: str, value: int) -> bool:
    low, high = BOUNDS[setting]
    return low <= value <= high


def day_count_within(key: str, value: int) -> bool:
    """A phase's or milestone's day count, or a course setting (the gap, the touch-up window, maintenance)."""
    low, high = course_bounds(key) if key in COURSE_SETTINGS else BOUNDS["day_counts"]
    return low <= value <= high


def picture_problem(path: str) -> str:
    """Empty when `path` is a PNG or JPEG file; "missing" or "not-picture" otherwise."""
    try:
        with open(path, "rb") as file:
            head = file.read(8)
    except OSError:  # not there, a folder, or not readable
        return "missing"
    return "" if head.startswith(PICTURE_SIGNATURES) else "not-picture"


class SmtpSettings(msgspec.Struct, frozen=True):
    host: str = ""  # empty: email hand-over is off
    port: int = 587
    security: SmtpSecurity = "starttls"
    username: str = ""
    password: str = ""  # plain only in memory; stored sealed (kiosk.settings.secret); never in a repr
    sender: str = ""

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__struct_fields__ if name != "password")
        return f"SmtpSettings({shown})"


class ClinicSettings(msgspec.Struct, frozen=True):
    name: str
    logo_path: str = ""  # empty: no logo
    phone: str = ""
    text: str = ""
    email: str = ""
    website: str = ""
    address: str = ""
    printer: str = ""  # CUPS queue name; empty: the system default printer
    languages: tuple[str, ...] = ()  # empty: every shipped language
    inactivity_timeout_s: int = DEFAULT_INACTIVITY_TIMEOUT
    day_counts: Mapping[str, int] = msgspec.field(default_factory=dict)  # see apply_day_counts
    smtp: SmtpSettings = msgspec.field(default_factory=SmtpSettings)
    receipt_required: bool = False
    retention_days: int = DEFAULT_RETENTION_DAYS
    speak_on_welcome: bool = False  # reading aloud: a client's first tap on the welcome screen says how to turn it on
    read_aloud_volume: int = DEFAULT_VOLUME  # percent; each client starts at it

    @classmethod
    def from_clinic(cls, clinic: Clinic) -> ClinicSettings:
        return cls(
            name=clinic.name,
            logo_path=str(clinic.logo) if clinic.logo else "",
            phone=clinic.phone,
            text=clinic.text,
            email=clinic.email,
            website=clinic.website,
            address=clinic.address,
            languages=clinic.languages,
        )

    def validate(self) -> ClinicSettings:
        """Return self, or raise SettingError naming the setting that is wrong and how to fix it."""
        if not self.name.strip():
            raise SettingError("name", "the clinic name is empty: type the name clients know the clinic by")
        if self.email.strip() and ("@" not in self.email or any(ch.isspace() for ch in self.email.strip())):
            raise SettingError("email", f"the clinic email {self.email!r} is not an email address")
        if any(ch.isspace() or ch in "/#" for ch in self.printer.strip()):
            raise SettingError("printer", "a printer (CUPS queue) name has no spaces, '/' or '#'")
        if not within("inactivity_timeout_s", self.inactivity_timeout_s):
            raise SettingError("inactivity_timeout_s", "the inactivity timeout must be between 15 and 900 seconds")
        if not within("retention_days", self.retention_days):
            raise SettingError("retention_days", "the retention period must be between 1 and 3650 days")
        if not MIN_VOLUME <= self.read_aloud_volume <= MAX_VOLUME:
            message = f"the read-aloud volume must be between {MIN_VOLUME} and {MAX_VOLUME} percent"
            raise SettingError("read_aloud_volume", message)
        for tag in self.languages:
            if not _LANGUAGE_TAG.match(tag):
                raise SettingError("languages", f"'{tag}' is not a language tag: use tags such as en, de or pt_BR")
        for key, value in self.day_counts.items():
            if key in COURSE_SETTINGS:  # the gap, the touch-up window and maintenance have their own bounds
                low, high = course_bounds(key)
                if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                    raise SettingError(f"day_counts.{key}", f"'{key}' must be a whole number from {low} to {high}")
            elif not isinstance(value, int) or isinstance(value, bool) or not within("day_counts", value):
                raise SettingError(
                    f"day_counts.{key}", f"day count '{key}' must be a whole number of days from 1 to 365"
                )
        if self.logo_path:
            problem = picture_problem(self.logo_path)
            if problem == "missing":
                message = f"the logo file {self.logo_path} does not exist: choose a PNG or JPEG file"
                raise SettingError("logo_path", message, self.logo_path)
            if problem:
                message = f"the logo file {self.logo_path} is not a PNG or JPEG picture"
                raise SettingError("logo_path", message, self.logo_path)
        smtp = self.smtp
        if smtp.security not in ("starttls", "ssl", "none"):
            raise SettingError("smtp.security", "SMTP security must be starttls, ssl or none")
        if not within("smtp.port", smtp.port):
            raise SettingError("smtp.port", f"SMTP port {smtp.port} is not a port number: use 587, 465 or 25")
        if any(ch.isspace() for ch in smtp.host.strip()):
            raise SettingError("smtp.host", f"the SMTP server {smtp.host!r} has a space in it")
        if smtp.host.strip() and ("@" not in smtp.sender or "\n" in smtp.sender or "\r" in smtp.sender):
            message = "the SMTP sender address is missing: type the address emails come from"
            raise SettingError("smtp.sender", message)
        return self

    def to_fields(self) -> dict[str, Any]:
        """Field name -> JSON-ready value (how each row of clinic_settings is stored)."""
        values = msgspec.structs.asdict(self)
        values["smtp"] = msgspec.structs.asdict(self.smtp)
        values["languages"] = list(self.languages)
        values["day_counts"] = dict(self.day_counts)
        return values

    def with_fields(self, stored: Mapping[str, Any]) -> ClinicSettings:
        """These settings with stored values laid over them; unknown or mistyped values are ignored."""
        changes: dict[str, Any] = {}
        defaults = self.to_fields()
        for key, value in stored.items():
            if key not in defaults:
                continue
            if key == "smtp" and isinstance(value, dict):
                smtp_fields = set(SmtpSettings.__struct_fields__)
                base = msgspec.structs.asdict(self.smtp)
                base.update({k: v for k, v in value.items() if k in smtp_fields and type(v) is type(base[k])})
                if not within("smtp.port", base["port"]):
                    base["port"] = self.smtp.port
                if base["security"] not in ("starttls", "ssl", "none"):
                    base["security"] = self.smtp.security
                changes["smtp"] = SmtpSettings(**base)
            elif key == "languages" and isinstance(value, list):
                changes["languages"] = tuple(str(tag) for tag in value)
            elif key == "day_counts" and isinstance(value, dict):
                changes["day_counts"] = {
                    str(k): v for k, v in value.items() if type(v) is int and day_count_within(str(k), v)
                }
            elif type(value) is type(defaults[key]) and (key not in BOUNDS or within(key, value)):
                changes[key] = value
            else:
                log.warning("stored clinic setting %s is of the wrong type or out of bounds: not used", key)
        return msgspec.structs.replace(self, **changes)


def sealed_fields(settings: ClinicSettings, box: SecretBox) -> dict[str, Any]:
    """The fields as stored (database rows, the settings copy): the SMTP password encrypted."""
    values = settings.to_fields()
    values["smtp"]["password"] = box.seal(settings.smtp.password)
    return values


def opened_fields(stored: Mapping[str, Any], box: SecretBox) -> dict[str, Any]:
    """Stored fields with the SMTP password decrypted. Without the key the password is left out (email then
    cannot log in; the log and `smp-kiosk settings` say to copy secret.key), never the whole settings."""
    values = dict(stored)
    smtp = values.get("smtp")
    if isinstance(smtp, dict) and isinstance(smtp.get("password"), str):
        smtp = dict(smtp)
        try:
            smtp["password"] = box.open(smtp["password"])
        except SecretUnavailableError as exc:
            log.error("the SMTP password cannot be opened on this kiosk: %s", exc)
            smtp["password"] = ""
        values["smtp"] = smtp
    return values


def has_plain_password(stored: Mapping[str, Any]) -> bool:
    """True when an older version stored the SMTP password unencrypted (it is then sealed and saved again)."""
    smtp = stored.get("smtp")
    password = smtp.get("password") if isinstance(smtp, dict) else None
    return isinstance(password, str) and bool(password) and not password.startswith("fernet:")


def write_settings_copy(
    path: Path, settings: ClinicSettings, box: SecretBox, extra: Mapping[str, Any] | None = None
) -> None:
    """Keep this kiosk's private copy (0600) of the settings it last read, the password sealed; `extra` adds
    machine-read values (the branch's PIN hash). A failure is only logged."""
    try:
        values = {**sealed_fields(settings, box), **(extra or {})}
        make_private_dir(path.parent)
        make_private_file(path)
        path.write_text(json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
    except OSError as exc:
        log.warning("settings copy %s cannot be written: %s", path, exc.strerror or exc)


def read_settings_copy(path: Path, base: ClinicSettings, box: SecretBox) -> ClinicSettings:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return base.with_fields(opened_fields(stored, box))
    except (OSError, ValueError, AttributeError):
        return base


def apply_day_counts(protocol: Protocol, counts: Mapping[str, int]) -> Protocol:
    """The protocol with the clinic's day counts: a phase id -> how many days it lasts (every phase but
    the last, open-ended one), a milestone id -> the day after the final session it falls on."""
    phase_ids = {phase.id for phase in protocol.phases[:-1]}
    milestone_ids = {milestone.id for milestone in protocol.milestones}
    for key in counts:
        if key not in phase_ids | milestone_ids | COURSE_SETTINGS.keys():
            known = ", ".join(sorted(phase_ids | milestone_ids | COURSE_SETTINGS.keys()))
            raise SettingError(
                f"day_counts.{key}", f"day count '{key}' matches no phase or milestone: use one of {known}"
            )
    phases = []
    first_day = protocol.phases[0].first_day
    for phase in protocol.phases:
        if phase.last_day is None:
            phases.append(msgspec.structs.replace(phase, first_day=first_day))
            break
        length = counts.get(phase.id, phase.last_day - phase.first_day + 1)
        phases.append(msgspec.structs.replace(phase, first_day=first_day, last_day=first_day + length - 1))
        first_day += length
    milestones = tuple(
        msgspec.structs.replace(milestone, day=counts.get(milestone.id, milestone.day))
        for milestone in protocol.milestones
    )
    try:
        course = apply_course_counts(protocol.course, counts)
    except ValueError:
        raise SettingError(
            "day_counts.course.touch-up-until", "the touch-up window must end on or after the day it starts", "window"
        ) from None
    return msgspec.structs.replace(protocol, phases=tuple(phases), milestones=milestones, course=course)


def clinic_with_settings(clinic: Clinic, settings: ClinicSettings) -> Clinic:
    """The clinic profile with the clinic-wide settings laid over it (what the screens, PDF and .ics show).

    A logo that is missing on this kiosk, or is no PNG/JPEG, is left out rather than breaking the PDF."""
    logo = Path(settings.logo_path) if settings.logo_path else None
    if logo is not None and picture_problem(str(logo)):
        log.warning("the clinic logo %s is missing or not a PNG/JPEG picture on this kiosk: no logo shown", logo)
        logo = None
    return msgspec.structs.replace(
        clinic,
        name=settings.name.strip() or clinic.name,
        logo=logo,
        phone=settings.phone.strip(),
        text=settings.text.strip(),
        email=settings.email.strip(),
        website=settings.website.strip(),
        address=settings.address.strip(),
        languages=settings.languages,
    )
