"""What the calendar is made from: the request the kiosk and the command line fill in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kiosk.core.clinic import Clinic
from kiosk.core.schedule import Schedule
from kiosk.errors import UserError
from kiosk.i18n import paper_size

Paper = Literal["a4", "letter"]
Hair = Literal["buzz", "long"]


@dataclass(frozen=True)
class CalendarRequest:
    name: str  # the client's name as typed, any script; sanitised inside, never markup
    schedule: Schedule
    clinic: Clinic
    hair: Hair | None = None
    language: str = "en"  # a shipped catalog tag: "en", "de", "pt_BR", "ar", "he", ...
    large_print: bool = False
    paper: Paper | None = None  # None: from the language's region (CLDR); A4 by default
    deterministic: bool = False  # no timestamps, fixed document id (tests)


def default_paper(language: str) -> Paper:
    """The paper people use in the language's region (CLDR): letter for en (US), es-MX, ...; A4 elsewhere."""
    try:
        return paper_size(language)
    except UserError:
        return "a4"
