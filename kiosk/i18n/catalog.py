"""Gettext catalogs shipped in resources/translations/<lang>/LC_MESSAGES/kiosk.mo."""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

from kiosk.paths import resources_dir

DOMAIN = "kiosk"
SOURCE_LANGUAGE = "en"


def translations_dir() -> Path:
    return resources_dir() / "translations"


@lru_cache(maxsize=32)
def translations(language: str) -> gettext.NullTranslations:
    """The catalog for a shipped language tag ('en', 'pt_BR', ...); English is the source text itself."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, translations_dir(), languages=[language], fallback=True)
