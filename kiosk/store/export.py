"""Check-ins of a date range for staff tools: one set of fields for the CSV export and `records --json`.

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
Value = str | bool | None
HAIR_TEXTS = {"buzz": "buzz cut", "long": "keeping length", None: ""}


def record_fields(summary: CheckInSummary, tz: dt.tzinfo) -> dict[str, Value]:
    """A visit's record as staff tools show it; `outcome` and `step` are kiosk.core.visit_record's values."""
    return {
        "checked_in_at": summary.checked_in_at.astimezone(tz).isoformat(timespec="seconds"),
        "kiosk": summary.kiosk_id,
        "first_name": summary.first_name,
        "last_initial": summary.last_initial,
        "session": TOUCH_UP if summary.session == TOUCH_UP else str(summary.session),
        "session_date": summary.session_date.isoformat(),
        "language": summary.language,
        "moisturised": summary.moisturised,
        "hair": HAIR_TEXTS[summary.hair],
        "receipt_required": summary.receipt_required,
        "signed": summary.signed,
        "flags": " ".join(flag.value for flag in summary.flags),
        "outcome": summary.outcome.value,
        "step": summary.step.value,
        "calendar_made": summary.calendar_made,
        "printed": summary.printed,
        "emailed": summary.emailed,
        "updated_at": summary.updated_at.astimezone(tz).isoformat(timespec="seconds") if summary.updated_at else None,
        "pending": summary.pending,
    }


HEADER = (  # the CSV's columns, in order: the keys of record_fields
    "checked_in_at",
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
    "outcome",
    "step",
    "calendar_made",
    "printed",
    "emailed",
    "updated_at",
    "pending",
)


def safe_cell(value: str) -> str:
    """The value, defused if a spreadsheet would take it for a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def cell_text(value: Value) -> str:
    """yes / no / empty (not known) for a truth value; text as it is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def checkins_csv(summaries: Iterable[CheckInSummary], tz: dt.tzinfo = dt.UTC) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads accents right), CRLF line ends, every cell defused."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for summary in summaries:
        fields = record_fields(summary, tz)
        writer.writerow([safe_cell(cell_text(fields[name])) for name in HEADER])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
