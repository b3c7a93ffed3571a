"""Which languages the kiosk speaks, and the best shipped catalog for a language tag a person gives.

Tags may be written the BCP 47 way (`pt-BR`) or the POSIX way (`pt_BR`), in any letter case. A regional
variant we do not ship falls back to a catalog of the same language: `de-AT` -> `de`, `en-GB` -> `en`,
`pt_PT` -> `pt_BR`. Anything else is refused with the list of languages we have.

The names and writing directions of the shipped languages come from kiosk/i18n/language_table.py, a table made
from Babel's CLDR data by packaging/language_table.py (the kiosk's language buttons need them before the first
frame; asking Babel loads each locale's data). tests/i18n/test_languages.py keeps the table equal to Babel.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError, negotiate_locale

from kiosk.errors import UserError
from kiosk.i18n.catalog import shipped_languages
from kiosk.i18n.language_table import NAMES
from kiosk.i18n.prepared_locales import PreparedLocale

_TAG = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")


def supported_languages() -> tuple[str, ...]:
    """Shipped catalog tags, English (the source language) first."""
    return shipped_languages()


def language_name(tag: str, in_language: str | None = None) -> str:
    """The language's own name ('Deutsch', 'العربية'), or its name in another language."""
    known = NAMES.get(in_language or tag, {}).get(tag)
    return known if known is not None else babel_language_name(tag, in_language)


def babel_language_name(tag: str, in_language: str | None = None) -> str:
    """language_name from Babel's CLDR data (the table's source)."""
    locale = parse_tag(tag)
    display = locale.get_display_name(parse_tag(in_language) if in_language else locale) or tag
    return display[:1].upper() + display[1:]


@lru_cache(maxsize=256)
def parse_tag(tag: str) -> Locale:
    """A Babel Locale for `tag`; UserError when it is not a language tag Babel (CLDR) knows.

    Kept per tag: dates, weekdays and numbers ask for the same few locales again and again (a calendar about
    160 times), and a Locale is not changed by its users."""
    value = tag.strip().replace("-", "_")
    if not _TAG.match(value):
        raise _unknown(tag)
    parts = value.split("_")
    value = "_".join([parts[0].lower(), *(_normalise_subtag(part) for part in parts[1:])])
    try:
        return PreparedLocale.parse(value)
    except (UnknownLocaleError, ValueError):
        raise _unknown(tag) from None


def _normalise_subtag(part: str) -> str:
    if len(part) == 4 and part.isalpha():
        return part.title()  # script: Latn, Arab
    return part.upper()  # region: BR, 419


def negotiate(tag: str) -> str:
    """The shipped catalog tag that serves `tag` best; UserError listing the supported ones if none does."""
    locale = parse_tag(tag)
    shipped = supported_languages()
    wanted = [str(locale)]
    if locale.territory:
        wanted.append(f"{locale.language}_{locale.territory}")
    wanted.append(locale.language)
    best = negotiate_locale(wanted, shipped, sep="_")
    if best:
        return best
    same_language = [candidate for candidate in shipped if candidate.split("_")[0] == locale.language]
    if same_language:
        return same_language[0]
    raise _unknown(tag)


def _unknown(tag: str) -> UserError:
    listed = ", ".join(f"{code} ({language_name(code)})" for code in supported_languages())
    shown = tag.strip() or "(empty)"
    return UserError(f"language '{shown}' is not supported: use one of {listed}")
