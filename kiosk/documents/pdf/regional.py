"""What the calendar needs from the reader's locale (CLDR through Babel): direction, week start, dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton, get_day_names

from kiosk.i18n import first_week_day, is_rtl, parse_tag


@dataclass(frozen=True)
class Regional:
    language: str
    locale: Locale
    rtl: bool
    first_weekday: int  # 0 = Monday ... 6 = Sunday
    with_year: bool = False  # dates inside a plan show their year only when the plan is long enough to need it

    def long_date(self, date: dt.date) -> str:
        """'Friday, November 27' / 'Freitag, 27. November': a date inside the plan, nothing shortened."""
        if self.with_year:
            return self.full_date(date)
        return str(format_date(date, _widened(self.locale, "MMMEd"), locale=self.locale))

    def full_date(self, date: dt.date) -> str:
        return str(format_date(date, _widened(self.locale, "yMMMEd"), locale=self.locale))

    def short_date(self, date: dt.date) -> str:
        return str(format_skeleton("yMMMEd" if self.with_year else "MMMEd", date, locale=self.locale))

    def month_title(self, date: dt.date) -> str:
        return str(format_skeleton("yMMMM", date, locale=self.locale))

    def week_header(self) -> list[tuple[int, str]]:
        """(weekday, abbreviated name) in the order of a calendar row, from the locale's first weekday."""
        names = get_day_names("abbreviated", context="stand-alone", locale=self.locale)
        days = [(self.first_weekday + offset) % 7 for offset in range(7)]
        return [(day, str(names[day])) for day in days]


_QUOTED_OR_FIELD = re.compile(r"'[^']*'|M{3}(?!M)|L{3}(?!L)|E{1,3}(?!E)|c{3}(?!c)")


@lru_cache(maxsize=128)
def _widened(locale: Locale, skeleton: str) -> str:
    """The locale's pattern for `skeleton` with month and weekday names written in full (CLDR has no
    full-width skeleton for most locales; widening the fields is what CLDR's own matching does)."""
    pattern = str(locale.datetime_skeletons[skeleton].pattern)

    def widen(match: re.Match[str]) -> str:
        field = match.group(0)
        return field if field.startswith("'") else field[0] * 4

    return _QUOTED_OR_FIELD.sub(widen, pattern)


@lru_cache(maxsize=64)
def regional(language: str) -> Regional:
    """The locale facts for a language tag (UserError listing the supported languages for a bad tag)."""
    return Regional(
        language=language,
        locale=parse_tag(language),
        rtl=is_rtl(language),
        first_weekday=first_week_day(language),
    )
