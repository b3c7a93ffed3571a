"""Dates and numbers in the reader's language, through Babel (CLDR). Never strftime: it follows the OS locale.

Every function takes a language tag as a person or a catalog gives it ('de', 'en-GB', 'pt_BR'). Digits stay
Latin (0-9) in every language, the same digits as the day numbers in the translated texts.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_skeleton, get_date_format, get_day_names, get_month_names
from babel.numbers import format_decimal
from msgspec import Struct

from kiosk.i18n.languages import parse_tag
from kiosk.i18n.regional import first_week_day, local_tag

Width = Literal["wide", "abbreviated", "narrow"]
DatePart = Literal["day", "month", "year"]
_PATTERN_LETTERS: dict[str, DatePart] = {"d": "day", "M": "month", "L": "month", "y": "year"}


def long_date(date: dt.date, tag: str) -> str:
    """'Tuesday, November 24, 2026', 'Dienstag, 24. November 2026', 'الثلاثاء، 24 نوفمبر 2026'."""
    return format_date(date, "full", locale=parse_tag(tag))


def clinic_date(date: dt.date, language: str, clinic_region: str) -> str:
    """The one way every screen, the QR captions, the receipt and the PDF write a whole date: the client's
    language as written in the clinic's country ('Tuesday, 8 December 2026' for English in a British clinic)."""
    return ClinicDates(language, clinic_region).whole(date)


class ClinicDates(Struct, frozen=True):
    """The kiosk's one date formatter: `language` as written in the clinic's country (`region`, "" if not set).
    Screens, QR captions, the receipt, the PDF calendar and the commands all write dates through it."""

    language: str
    region: str = ""

    @property
    def tag(self) -> str:
        """'en_GB' for English in a British clinic; a tag with its own region ('en-US') keeps it."""
        return local_tag(self.language, self.region)

    @property
    def locale(self) -> Locale:
        return parse_tag(self.tag)

    def whole(self, date: dt.date) -> str:
        """'Tuesday, 8 December 2026': weekday, day, month and year, nothing shortened."""
        return long_date(date, self.tag)

    def day(self, date: dt.date) -> str:
        """'Tuesday, 8 December': a date inside a plan, without the year, nothing shortened."""
        return str(format_date(date, _widened(self.locale, "MMMEd"), locale=self.locale))

    def short(self, date: dt.date, with_year: bool = False) -> str:
        """'Tue, 8 Dec' ('Tue, 8 Dec 2026'): a date in a narrow column."""
        return str(format_skeleton("yMMMEd" if with_year else "MMMEd", date, locale=self.locale))

    def month(self, date: dt.date) -> str:
        """'December 2026': a calendar page's heading."""
        return str(format_skeleton("yMMMM", date, locale=self.locale))


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


def medium_date(date: dt.date, tag: str) -> str:
    """'Nov 24, 2026', '24.11.2026' style: the locale's medium date format."""
    return format_date(date, "medium", locale=parse_tag(tag))


def day_month(date: dt.date, tag: str) -> str:
    """'November 24', '24. November', '24 نوفمبر': a date inside the plan, without the year."""
    return str(format_skeleton("MMMMd", date, locale=parse_tag(tag)))


def short_day_month(date: dt.date, tag: str) -> str:
    """'Tue, Nov 24', 'Di., 24. Nov.': weekday and date in a narrow column."""
    return str(format_skeleton("MMMEd", date, locale=parse_tag(tag)))


def month_year(date: dt.date, tag: str) -> str:
    """'November 2026', 'listopad 2026' (the stand-alone month name, as a calendar page heading)."""
    return str(format_skeleton("yMMMM", date, locale=parse_tag(tag)))


def weekday_name(date: dt.date, tag: str, width: Width = "wide") -> str:
    return str(get_day_names(width, context="format", locale=parse_tag(tag))[date.weekday()])


def month_name(month: int, tag: str, width: Width = "wide") -> str:
    """Month 1-12 as a heading ('stand-alone' form: 'listopad', not 'listopada')."""
    return str(get_month_names(width, context="stand-alone", locale=parse_tag(tag))[month])


def week_days(tag: str, width: Width = "abbreviated") -> list[tuple[int, str]]:
    """The seven weekdays in the order of a calendar row for `tag`: (Python weekday number, name).

    The first one is the locale's first day of the week: Sunday for en (US), Monday for de, Saturday for fa.
    """
    names = get_day_names(width, context="stand-alone", locale=parse_tag(tag))
    first = first_week_day(tag)
    return [((first + offset) % 7, str(names[(first + offset) % 7])) for offset in range(7)]


def number(value: int | float, tag: str) -> str:
    """A number with the locale's grouping and decimal signs, Latin digits."""
    return str(format_decimal(value, locale=parse_tag(tag), numbering_system="latn"))


def date_field_order(tag: str) -> tuple[DatePart, ...]:
    """The order people write a date's parts in: day-month-year for en-GB and de, month-day-year for en (US),
    year-month-day for ja or hu, from the locale's short date pattern (CLDR)."""
    pattern = get_date_format("short", locale=parse_tag(tag)).pattern
    order: list[DatePart] = []
    for letter in pattern:
        part = _PATTERN_LETTERS.get(letter)
        if part and part not in order:
            order.append(part)
    return tuple(order) if len(order) == 3 else ("day", "month", "year")
