"""Babel locales whose CLDR data for dates and numbers is kept, ready, between processes.

Babel builds a locale's data by unpickling and merging three or four files (root, en, en_001, en_GB): about
15 ms, a tenth of a whole `smp-kiosk calendar`, for the few dozen date patterns and names a calendar reads.
A PreparedLocale reads the merged data for dates and numbers from one small file in the kiosk's cache folder
(kiosk.paths.cache_dir), written the first time that locale is used, named by Babel's version and the locale.

Nothing here changes an answer: the data is Babel's own, merged by Babel; a part of it that is not kept (names
of languages, currencies, units, time zones) is read from Babel's full data the moment it is asked for; a cache
that cannot be read or written costs only the time.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import babel
from babel import Locale, localedata

from kiosk.paths import cache_dir, keep_in_cache

# The big parts of a locale that dates and numbers never read: left to Babel's full data (see _Kept.__missing__).
_NOT_KEPT = frozenset(
    {
        "compound_unit_patterns",
        "currency_names",
        "currency_names_plural",
        "currency_symbols",
        "compact_currency_formats",
        "date_fields",
        "languages",
        "list_patterns",
        "meta_zones",
        "scripts",
        "territories",
        "time_zones",
        "unit_display_names",
        "unit_patterns",
        "variants",
    }
)
_RECIPE = 1  # raise when _NOT_KEPT or the file's layout changes: older files are then not read


def prepared_locale_dir() -> Path:
    return cache_dir() / "locales"


class _Kept(dict[Any, Any]):
    """A locale's kept data; a part that was not kept comes from Babel's full data when it is asked for."""

    identifier: str

    def __missing__(self, key: Any) -> Any:
        return localedata.load(self.identifier)[key]


class PreparedLocale(Locale):
    """A Babel Locale (same identity, same answers) that reads its data through the prepared file."""

    @property
    def _data(self) -> localedata.LocaleDataDict:
        data: localedata.LocaleDataDict | None = self.__dict__.get("_prepared_data")
        if data is None:
            identifier = str(self)
            kept = _read(identifier) if "@" not in identifier else None
            if kept is None:
                return super()._data
            data = localedata.LocaleDataDict(kept)
            self.__dict__["_prepared_data"] = data
        return data


def _file(identifier: str) -> Path:
    return prepared_locale_dir() / f"babel-{babel.__version__}-{_RECIPE}-{identifier}.pickle"


def _read(identifier: str) -> _Kept | None:
    """The kept data of `identifier`, prepared now if no usable file holds it; None when Babel has none."""
    path = _file(identifier)
    try:
        # Written by this module, into the kiosk's own cache folder, as Babel keeps its own data as pickles.
        recipe, named, loaded = pickle.loads(path.read_bytes())
        valid = recipe == _RECIPE and named == identifier and isinstance(loaded, dict)
    except Exception:
        valid = False
    if not valid:
        try:
            full = localedata.load(identifier)
        except OSError:
            return None
        loaded = {key: value for key, value in full.items() if key not in _NOT_KEPT}
        keep_in_cache(path, pickle.dumps((_RECIPE, identifier, loaded), protocol=pickle.HIGHEST_PROTOCOL))
    kept = _Kept(loaded)
    kept.identifier = identifier
    return kept
