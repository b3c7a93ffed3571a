"""What the calendar is made from: the request the kiosk and the command line fill in."""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

from kiosk.core.clinic import Clinic
from kiosk.core.schedule import Schedule
from kiosk.errors import UserError
from kiosk.i18n import has_region, paper_for_territory, paper_size

Paper = Literal["a4", "letter"]
Hair = Literal["buzz", "long"]


class CalendarRequest(Struct, frozen=True):
    name: str  # the client's name as typed, any script; sanitised inside, never markup
    schedule: Schedule
    clinic: Clinic
    hair: Hair | None = None
    language: str = "en"  # a shipped catalog tag: "en", "de", "pt_BR", "ar", "he", ...
    large_print: bool = False
    paper: Paper | None = None  # None: default_paper(language, clinic.region)
    deterministic: bool = False  # no timestamps, fixed document id (tests)


def default_paper(language: str, clinic_region: str = "") -> Paper:
    """The paper of the region (CLDR): letter in the US, Canada, Mexico, ...; A4 elsewhere.

    A tag that names its country (`es-MX`) decides; otherwise the clinic's country, where the printer is;
    otherwise the language's likely country (`en` -> US).
    """
    try:
        if clinic_region and not has_region(language):
            return paper_for_territory(clinic_region)
        return paper_size(language)
    except UserError:
        return "a4"
