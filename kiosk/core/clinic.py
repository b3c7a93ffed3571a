"""The clinic profile: name, logo, contact details, languages and protocol, from a TOML file."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from msgspec import Struct

from kiosk.errors import UserError, shown
from kiosk.paths import is_regular_file, resources_dir

DEFAULT_CLINIC = "demo"
MAX_PROFILE_TEXT = 300  # a name, a phone number, an address: all fit on one or two printed lines


class Clinic(Struct, frozen=True):
    id: str
    name: str
    logo: Path | None
    phone: str
    text: str  # number for text messages
    email: str
    website: str
    address: str
    region: str  # ISO country code where the clinic (and its printer) is, e.g. "GB"; "" if not set
    default_language: str
    languages: tuple[str, ...]  # empty: every shipped language
    protocol: str
    source: Path


def clinics_dir() -> Path:
    return resources_dir() / "clinics"


def resolve_clinic_path(id_or_file: str) -> Path:
    value = id_or_file.strip()
    if not value:
        raise UserError("--clinic is empty: give a clinic id such as 'demo' or a path to a .toml file")
    if value.endswith(".toml") or "/" in value or "\\" in value:
        path = Path(value)
    else:
        path = clinics_dir() / f"{value}.toml"
    if not is_regular_file(path):
        raise UserError(f"clinic profile {shown(value)} does not exist: give 'demo' or a path to a .toml file")
    return path


def load_clinic(id_or_file: str = DEFAULT_CLINIC) -> Clinic:
    path = resolve_clinic_path(id_or_file)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"clinic profile {path}: is not valid TOML ({exc})") from None
    except OSError as exc:
        raise UserError(f"clinic profile {path}: cannot be read ({exc.strerror})") from None

    def text(key: str, *, required: bool = False) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise UserError(f"clinic profile {path}: field '{key}' must be a non-empty text")
        if len(value.strip()) > MAX_PROFILE_TEXT:
            raise UserError(f"clinic profile {path}: field '{key}' must be at most {MAX_PROFILE_TEXT} characters")
        return value.strip()

    languages: Any = raw.get("languages", [])
    if not isinstance(languages, list) or not all(isinstance(tag, str) for tag in languages):
        raise UserError(f"clinic profile {path}: field 'languages' must be a list of language tags")
    region = text("region").upper()
    if region and not (len(region) == 2 and region.isascii() and region.isalpha()):
        raise UserError(f"clinic profile {path}: field 'region' must be a two-letter country code such as GB or US")
    logo_name = text("logo")
    logo = None
    if logo_name:
        logo = Path(logo_name) if Path(logo_name).is_absolute() else path.parent / logo_name
        if not logo.is_file():
            raise UserError(f"clinic profile {path}: field 'logo': file {logo} does not exist")
    return Clinic(
        id=text("id", required=True),
        name=text("name", required=True),
        logo=logo,
        phone=text("phone"),
        text=text("text"),
        email=text("email"),
        website=text("website"),
        address=text("address"),
        region=region,
        default_language=text("default_language") or "en",
        languages=tuple(languages),
        protocol=text("protocol") or "smp",
        source=path,
    )
