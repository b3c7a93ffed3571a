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


def build_calendar_pdf(request: CalendarRequest) -> bytes:
    """The whole calendar as PDF bytes; raises UserError on bad input. Safe to call from any thread."""
    from kiosk.documents.pdf.document import build_calendar_pdf as build  # noqa: PLC0415 - see above

    return build(request)


def calendar_codes(request: CalendarRequest) -> list[tuple[CalendarEvent, bytes]]:
    """The milestone QR payloads exactly as the PDF prints them (same events, UIDs, name and language)."""
    from kiosk.documents.pdf.document import calendar_codes as codes  # noqa: PLC0415 - see above

    return codes(request)


def forget_cached_text() -> None:
    """Drop the cached lines, widths and QR codes (they hold the last clients' names and plans); nothing is
    cached before a PDF or a code is made."""
    text, qr = sys.modules.get(_TEXT), sys.modules.get(_QR)
    if text is not None:
        text.forget_cached_text()
    if qr is not None:
        qr.forget_codes()


def cached_text_count() -> int:
    text, qr = sys.modules.get(_TEXT), sys.modules.get(_QR)
    return (int(text.cached_text_count()) if text is not None else 0) + (
        int(qr.cached_code_count()) if qr is not None else 0
    )
