"""The bounds of every number a person or a file gives the kiosk, in one place.

Numbers reach date arithmetic, sockets and timers, which fail with an OverflowError (or worse, wait for ever)
on a huge, infinite or NaN value. Every reader checks its numbers against these bounds and names the field.
"""

from __future__ import annotations

import datetime as dt
import math

MAX_PROTOCOL_DAY = 3650  # a phase or milestone at most ten years after a session
MIN_TIMEOUT_SECONDS = 1.0
MAX_TIMEOUT_SECONDS = 3600.0  # an SMTP delivery or a print job never waits longer than an hour
# Dates a person may give: the plan, its month grids and its calendar file stay far from year 1 and 9999.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(9000, 12, 31)


def seconds_problem(value: object) -> str | None:
    """What is wrong with a timeout in seconds (a whole or decimal number within the bounds), or None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "must be a number of seconds"
    if not math.isfinite(value) or not MIN_TIMEOUT_SECONDS <= value <= MAX_TIMEOUT_SECONDS:
        return f"must be from {MIN_TIMEOUT_SECONDS:g} to {MAX_TIMEOUT_SECONDS:g} seconds"
    return None


def bounded_seconds(value: float) -> float:
    """A timeout made safe for sockets and timers whatever its source (NaN and infinity become the maximum)."""
    if not math.isfinite(value):
        return MAX_TIMEOUT_SECONDS
    return min(max(value, MIN_TIMEOUT_SECONDS), MAX_TIMEOUT_SECONDS)


def date_in_range(date: dt.date) -> bool:
    return EARLIEST_DATE <= date <= LATEST_DATE
