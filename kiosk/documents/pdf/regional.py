"""What the calendar needs from the reader's locale (CLDR through Babel): direction, week start, dates.

Dates go through the kiosk's one formatter (kiosk.i18n.dates.ClinicDates), the same as every screen's."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import get_day_names
from msgspec import Struct

from kiosk.i18n import first_week_day, is_rtl
from kiosk.i18n.dates import ClinicDates


class Regional(Struct, frozen=True):
    language: str
    locale: Locale
    rtl: bool
    first_weekday: int  # 0 = Monday ... 6 = Sunday
    dates: ClinicDates
    with_year: bool = False  # dates inside a plan show their year only when the plan is long enough to need it

    def long_date(self, date: dt.date) -> str:
        """'Friday, 27 November' / 'Freitag, 27. November': a date inside the plan, nothing shortened."""
        return self.full_date(date) if self.with_year else self.dates.day(date)

    def full_date(self, date: dt.date) -> str:
        return self.dates.whole(date)

    def short_date(self, date: dt.date) -> str:
        return self.dates.short(date, with_year=self.with_year)

    def month_title(self, date: dt.date) -> str:
        return self.dates.month(date)

    def week_header(self) -> list[tuple[int, str]]:
        """(weekday, abbreviated name) in the order of a calendar row, from the locale's first weekday."""
        names = get_day_names("abbreviated", context="stand-alone", locale=self.locale)
        days = [(self.first_weekday + offset) % 7 for offset in range(7)]
        return [(day, str(names[day])) for day in days]


@lru_cache(maxsize=64)
def regional(language: str, clinic_region: str = "") -> Regional:
    """The locale facts for a language tag as written in the clinic's country ('en' in a GB clinic: en_GB
    dates and weeks), a UserError listing the supported languages for a bad tag."""
    dates = ClinicDates(language, clinic_region)
    return Regional(
        language=dates.tag,
        locale=dates.locale,
        rtl=is_rtl(dates.tag),
        first_weekday=first_week_day(dates.tag),
        dates=dates,
    )
