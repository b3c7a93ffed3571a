"""Regional conventions from CLDR through Babel: writing direction, first day of the week, paper size."""

from __future__ import annotations

from typing import Literal

from babel import localedata
from babel.core import get_global, parse_locale

from kiosk.i18n.language_table import RIGHT_TO_LEFT, TABLE_LANGUAGES
from kiosk.i18n.languages import parse_tag

Direction = Literal["ltr", "rtl"]
Paper = Literal["a4", "letter"]

# CLDR supplementalData.xml, <measurementData>: <paperSize type="US-Letter" territories="BZ CA CL CO CR GT MX
# NI PA PH PR SV US VE"/>; every other territory ("001") uses A4. Babel does not ship this table.
LETTER_TERRITORIES = frozenset({"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"})


def text_direction(tag: str) -> Direction:
    """'rtl' for Arabic, Hebrew, ...; 'ltr' otherwise (CLDR character order)."""
    if tag in TABLE_LANGUAGES:  # the shipped languages, without loading their locale data
        return "rtl" if tag in RIGHT_TO_LEFT else "ltr"
    return babel_text_direction(tag)


def babel_text_direction(tag: str) -> Direction:
    """text_direction from Babel's CLDR data (the source of kiosk/i18n/language_table.py)."""
    return "rtl" if parse_tag(tag).text_direction == "rtl" else "ltr"


def is_rtl(tag: str) -> bool:
    return text_direction(tag) == "rtl"


def first_week_day(tag: str) -> int:
    """The first day of the week, 0 = Monday ... 6 = Sunday (Python's weekday numbers).

    A tag without a region uses its likely region: `en` -> US (Sunday), `de` -> DE (Monday).
    """
    return int(parse_tag(_with_region(tag)).first_week_day)


def region(tag: str) -> str:
    """The territory of a tag, or its likely territory when it has none (`ar` -> `EG`, `en` -> `US`)."""
    return _split(_with_region(tag))[1]


def paper_size(tag: str) -> Paper:
    """'letter' where CLDR says people use US Letter paper (US, Canada, Mexico, ...), 'a4' elsewhere."""
    return paper_for_territory(region(tag))


def paper_for_territory(territory: str) -> Paper:
    return "letter" if territory.upper() in LETTER_TERRITORIES else "a4"


def has_region(tag: str) -> bool:
    """Whether the tag itself names a country (`es-MX`), rather than leaving it to CLDR's likely guess (`es`)."""
    return bool(_split(tag.replace("-", "_"))[1])


def _split(tag: str) -> tuple[str, str]:
    parts = parse_locale(tag)
    return parts[0], parts[1] or ""


def _with_region(tag: str) -> str:
    """`tag` as a Babel identifier that has a territory, filled in from CLDR's likely subtags when missing."""
    locale = parse_tag(tag)
    if locale.territory:
        return str(locale)
    likely = get_global("likely_subtags")
    for key in (str(locale), locale.language):
        if key in likely:
            _language, territory, script, *_rest = parse_locale(str(likely[key]))
            parts = [locale.language, locale.script or script or "", territory or ""]
            return "_".join(part for part in parts if part)
    return str(locale)


def local_tag(language: str, clinic_region: str) -> str:
    """The locale for dates and the week's first day: the language as spoken in the clinic's country when
    CLDR knows that pair (`en` in a GB clinic -> en_GB: Monday first, "24 November"), else the language."""
    if not clinic_region or has_region(language):
        return language
    candidate = f"{language}_{clinic_region.upper()}"
    return candidate if localedata.exists(candidate) else language
