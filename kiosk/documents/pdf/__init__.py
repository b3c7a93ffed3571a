"""The personalised aftercare calendar as a PDF (ReportLab). No Qt here.

from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf

Importing the package is cheap: ReportLab, the fonts, HarfBuzz and the bidi algorithm load with the first
calendar (kiosk.documents.pdf.document), not before, so the kiosk's first frame and commands that make no PDF
go without them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from kiosk.documents.pdf.request import CalendarRequest, Hair, Paper, default_paper

if TYPE_CHECKING:
    from kiosk.documents.ics import CalendarEvent

__all__ = [
    "CalendarRequest",
    "Hair",
    "Paper",
    "build_calendar_pdf",
    "cached_text_count",
    "calendar_codes",
    "default_paper",
    "forget_cached_text",
]

_TEXT = "kiosk.documents.pdf.text"
_QR = "kiosk.documents.qr"
_CONTENT = "kiosk.documents.pdf.content"
_DATES = "kiosk.i18n.dates"


def build_calendar_pdf(request: CalendarRequest) -> bytes:
    """The whole calendar as PDF bytes; raises UserError on bad input. Safe to call from any thread."""
    from kiosk.documents.pdf.document import build_calendar_pdf as build  # noqa: PLC0415 - see above

    return build(request)


def calendar_codes(request: CalendarRequest) -> list[tuple[CalendarEvent, bytes]]:
    """The milestone QR payloads exactly as the PDF prints them (same events, UIDs, name and language)."""
    from kiosk.documents.pdf.document import calendar_codes as codes  # noqa: PLC0415 - see above

    return codes(request)


def forget_cached_text() -> None:
    """Drop the cached lines, widths, QR codes, written dates and plan spans (they hold the last clients' names
    and plans); nothing is cached before a PDF, a code or a date is made."""
    text, qr, content, dates = (sys.modules.get(name) for name in (_TEXT, _QR, _CONTENT, _DATES))
    if text is not None:
        text.forget_cached_text()
    if qr is not None:
        qr.forget_codes()
    if content is not None:
        content.plan_spans.cache_clear()
    if dates is not None:
        dates.forget_dates()


def cached_text_count() -> int:
    text, qr, content, dates = (sys.modules.get(name) for name in (_TEXT, _QR, _CONTENT, _DATES))
    return (
        (int(text.cached_text_count()) if text is not None else 0)
        + (int(qr.cached_code_count()) if qr is not None else 0)
        + (int(content.plan_spans.cache_info().currsize) if content is not None else 0)
        + (int(dates.cached_date_count()) if dates is not None else 0)
    )
