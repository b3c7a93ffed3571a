"""Reading dates typed by people: strict ISO dates with messages that say how to fix them."""

from __future__ import annotations

import datetime as dt
import re

from kiosk.errors import UserError

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(text: str, what: str = "session") -> dt.date:
    value = text.strip()
    if not value:
        raise UserError(f"{what} date is empty: write it as YYYY-MM-DD, for example 2026-11-24")
    match = _ISO_DATE.match(value)
    if not match:
        raise UserError(f"{what} date '{value}' is not a date: write it as YYYY-MM-DD, for example 2026-11-24")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise UserError(f"{what} date '{value}' does not exist in the calendar: check the day and the month") from None
