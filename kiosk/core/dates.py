"""Reading dates typed by people: strict ISO dates with messages that say how to fix them."""

from __future__ import annotations

import datetime as dt
import re

from kiosk.core.limits import EARLIEST_DATE, LATEST_DATE, date_in_range
from kiosk.errors import UserError, shown

_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")  # ASCII digits only (\d takes any script's digits)


def parse_date(text: str, what: str = "session") -> dt.date:
    value = text.strip()
    if not value:
        raise UserError(f"{what} date is empty: write it as YYYY-MM-DD, for example 2026-11-24")
    match = _ISO_DATE.match(value)
    if not match:
        raise UserError(f"{what} date '{shown(value)}' is not a date: write it as YYYY-MM-DD, for example 2026-11-24")
    year, month, day = (int(part) for part in match.groups())
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise UserError(f"{what} date '{value}' does not exist in the calendar: check the day and the month") from None
    if not date_in_range(date):
        raise UserError(
            f"{what} date '{value}' is outside the years the kiosk plans for"
            f" ({EARLIEST_DATE.year} to {LATEST_DATE.year}): check the year"
        )
    return date
