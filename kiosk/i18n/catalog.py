"""Gettext catalogs shipped in resources/translations/<lang>/LC_MESSAGES/kiosk.po (compiled to kiosk.mo).

The `.po` files are the source of truth (managed by packaging/translations.py); the `.mo` files are built
from them and not kept in git. If a `.mo` is missing or older than its `.po` (a checkout nobody compiled),
the catalog is compiled in memory instead, so a client never sees English by accident.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from kiosk.paths import resources_dir

DOMAIN = "kiosk"
SOURCE_LANGUAGE = "en"

Translate = Callable[[str], str]


def translations_dir() -> Path:
    return resources_dir() / "translations"


def po_path(language: str) -> Path:
    return translations_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def template_path() -> Path:
    return translations_dir() / f"{DOMAIN}.pot"


@lru_cache(maxsize=1)
def shipped_languages() -> tuple[str, ...]:
    """English first, then every language with a catalog folder, sorted by tag."""
    root = translations_dir()
    found = set()
    if root.is_dir():
        for folder in root.iterdir():
            messages = folder / "LC_MESSAGES"
            if (messages / f"{DOMAIN}.po").is_file() or (messages / f"{DOMAIN}.mo").is_file():
                found.add(folder.name)
    found.discard(SOURCE_LANGUAGE)
    return (SOURCE_LANGUAGE, *sorted(found))


def _is_fresh(mo: Path, po: Path) -> bool:
    if not mo.is_file():
        return False
    return not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime


@lru_cache(maxsize=32)
def translations(language: str) -> gettext.NullTranslations:
    """The catalog for a shipped language tag ('en', 'pt_BR', ...). English is the source text itself; its
    small catalog only gives the English plural forms of texts written once with a count (`%n seconds`).

    An unknown tag gives the English source text (use kiosk.i18n.negotiate first to reject bad input).
    """
    mo, po = mo_path(language), po_path(language)
    if language not in shipped_languages() or not (mo.is_file() or po.is_file()):
        return gettext.NullTranslations()
    if _is_fresh(mo, po):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    from babel.messages.mofile import write_mo  # noqa: PLC0415 - only a checkout nobody compiled needs these
    from babel.messages.pofile import read_po  # noqa: PLC0415

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def gettext_for(language: str) -> Translate:
    """`_` for one language: the function the PDF and .ics code take."""
    return translations(language).gettext


def clear_cache() -> None:
    """Forget loaded catalogs (after `packaging/translations.py compile`, or in tests)."""
    translations.cache_clear()
    shipped_languages.cache_clear()


def translate(_: Callable[[str], str], message: str, **values: object) -> str:
    """`_(message).format(**values)`; a translation with broken placeholders falls back to the English text,
    so a catalog mistake never stops a client's calendar."""
    try:
        return _(message).format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return message.format(**values)
