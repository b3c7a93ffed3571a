"""The personalised aftercare calendar as a PDF (ReportLab). No Qt here.

from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf
"""

from __future__ import annotations

from kiosk.documents.pdf.document import build_calendar_pdf, calendar_codes
from kiosk.documents.pdf.request import CalendarRequest, Hair, Paper, default_paper
from kiosk.documents.pdf.text import cached_text_count, forget_cached_text

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
