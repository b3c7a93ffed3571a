"""Date arithmetic for the touch date picker: a day, a month or a year at a time, clamped to a range."""

from __future__ import annotations

import calendar
import datetime as dt


def shift_date(date: dt.date, unit: str, amount: int, first: dt.date, last: dt.date) -> dt.date:
    """`date` moved by `amount` days, months or years; the 31st becomes the month's last day; kept in range."""
    if unit == "day":
        moved = date + dt.timedelta(days=amount)
    elif unit in ("month", "year"):
        months = date.year * 12 + date.month - 1 + (amount if unit == "month" else 12 * amount)
        year, month = divmod(months, 12)
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            return date
        month += 1
        moved = dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))
    else:
        raise ValueError(f"unit must be day, month or year, not {unit!r}")
    return min(max(moved, first), last)
