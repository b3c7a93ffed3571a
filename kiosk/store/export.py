"""CSV export of check-ins for a date range, safe to open in a spreadsheet.

A cell that starts with = + - @, a tab or a carriage return could be run as a formula by Excel or
LibreOffice ("CSV injection"); such cells get a leading apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

from kiosk.store.checkin import TOUCH_UP, CheckInSummary

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER = (
    "checked_in_at",
    "branch",
    "kiosk",
    "first_name",
    "last_initial",
    "session",
    "session_date",
    "language",
    "moisturised",
    "hair",
    "receipt_required",
    "signed",
    "flags",
)


def safe_cell(value: str) -> str:
    """The value, defused if a spreadsheet would take it for a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _yes_no(value: bool | None) -> str:
    return "" if value is None else "yes" if value else "no"


def _row(summary: CheckInSummary, tz: dt.tzinfo) -> list[str]:
    hair = {"buzz": "buzz cut", "long": "keeping length", None: ""}[summary.hair]
    return [
        summary.checked_in_at.astimezone(tz).isoformat(timespec="seconds"),
        summary.branch,
        summary.kiosk_id,
        summary.first_name,
        summary.last_initial,
        TOUCH_UP if summary.session == TOUCH_UP else str(summary.session),
        summary.session_date.isoformat(),
        summary.language,
        _yes_no(summary.moisturised),
        hair,
        _yes_no(summary.receipt_required),
        _yes_no(summary.signed),
        " ".join(flag.value for flag in summary.flags),
    ]


def checkins_csv(summaries: Iterable[CheckInSummary], tz: dt.tzinfo = dt.UTC) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads accents right), CRLF line ends, every cell defused."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for summary in summaries:
        writer.writerow([safe_cell(cell) for cell in _row(summary, tz)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
