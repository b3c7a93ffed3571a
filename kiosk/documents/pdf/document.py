"""First simple layout of the calendar: header, day list. Replaced by the designed layout."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kiosk.documents.pdf.request import CalendarRequest, default_paper
from kiosk.errors import UserError
from kiosk.i18n.catalog import translations
from kiosk.paths import resources_dir

FONT = "SmpKiosk-NotoSans"


def _font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resources_dir() / "fonts" / "NotoSans-Regular.ttf")))
    return FONT


def build_calendar_pdf(request: CalendarRequest) -> bytes:
    """The whole calendar as PDF bytes; raises UserError on bad input."""
    name = "".join(ch for ch in request.name if ch.isprintable()).strip()
    if not name:
        raise UserError("the name is empty: give the client's name")
    _ = translations(request.language).gettext
    paper = request.paper or default_paper(request.language)
    size = A4 if paper == "a4" else LETTER
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1 if request.deterministic else 0)
    font = _font()
    height = size[1]
    y = height - 60
    canvas.setFont(font, 22)
    canvas.drawString(50, y, _("Your aftercare calendar"))
    y -= 30
    canvas.setFont(font, 16)
    canvas.drawString(50, y, name)
    protocol = request.schedule.protocol
    canvas.setFont(font, 12)
    for day in request.schedule.days:
        y -= 16
        if y < 50:
            canvas.showPage()
            canvas.setFont(font, 12)
            y = height - 50
        phase = protocol.phase(day.phase)
        canvas.drawString(50, y, f"{day.date.isoformat()}  {_(phase.title)}")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
