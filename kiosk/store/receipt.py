"""The signed aftercare receipt: the signature as strokes, and the clinic-copy PDF.

The kiosk's signature pad sends strokes (lists of points in the pad's own pixel coordinates, y down)
and the pad's size; `Signature.from_strokes` checks them and `to_json()` is what a CheckIn keeps in
`signature_strokes`. A PNG (`signature_png`) is accepted too, for pads that only give an image.
The clinic copy is written in the clinic's language (right to left for Arabic and Hebrew), dates as
spoken in the clinic's country.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.errors import UserError
from kiosk.i18n import is_rtl, language_name, translations
from kiosk.i18n.dates import clinic_date
from kiosk.i18n.regional import paper_for_territory
from kiosk.store.checkin import TOUCH_UP, CheckIn, local_zone

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

# ReportLab and the calendar's text layer load with the first receipt: the kiosk's signature pad needs only the
# strokes' checks below before its first frame.
mm = 72 / 25.4  # reportlab.lib.units.mm: points per millimetre

MAX_STROKES = 200
MAX_POINTS = 20_000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
Point = tuple[float, float]


@dataclass(frozen=True)
class Signature:
    width: float
    height: float
    strokes: tuple[tuple[Point, ...], ...]

    @classmethod
    def from_strokes(cls, width: float, height: float, strokes: Sequence[Sequence[Sequence[float]]]) -> Signature:
        """Check a pad's strokes; UserError when there is nothing to keep or it is not a drawing."""
        if not (finite_number(width) and finite_number(height) and width > 0 and height > 0):
            raise UserError("the signature pad has no size: the signature cannot be kept")
        kept: list[tuple[Point, ...]] = []
        total = 0
        for stroke in strokes[:MAX_STROKES]:
            points = []
            for point in stroke:
                if len(point) != 2 or not (finite_number(point[0]) and finite_number(point[1])):
                    raise UserError("the signature has a point that is not a position: please sign again")
                points.append((min(max(float(point[0]), 0.0), width), min(max(float(point[1]), 0.0), height)))
            total += len(points)
            if points and total <= MAX_POINTS:
                kept.append(tuple(points))
        if not kept:
            raise UserError("the signature is empty: please sign with your finger in the box")
        return cls(float(width), float(height), tuple(kept))

    def to_json(self) -> str:
        return json.dumps(
            {"width": self.width, "height": self.height, "strokes": [[list(p) for p in s] for s in self.strokes]},
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Signature:
        try:
            raw = json.loads(text)
            return cls.from_strokes(raw["width"], raw["height"], raw["strokes"])
        except (ValueError, KeyError, TypeError):
            raise UserError("the stored signature is damaged and cannot be drawn") from None


def finite_number(value: object) -> bool:
    """A point's coordinate: an int or float that is a real number (not a bool, NaN or infinity)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def check_png(data: bytes) -> bytes:
    if not data.startswith(PNG_MAGIC):
        raise UserError("the signature image is not a PNG: please sign again")
    return data


@dataclass(frozen=True)
class _Page:
    """Where lines start: from the left margin, or from the right one for a right-to-left language."""

    canvas: Canvas
    width: float
    margin: float
    rtl: bool

    def put(self, text: str, offset: float, y: float, size: float, *, grey: float = 0.12) -> None:
        """One line `offset` in from the reading side's margin, through the calendar's text layer: font
        fallback, bidi and shaping, so a name in any script (Arabic joined, Hebrew, Cyrillic, ...) prints right."""
        from kiosk.documents.pdf.glyphs import draw_line  # noqa: PLC0415 - see above
        from kiosk.documents.pdf.text import Style, layout_line  # noqa: PLC0415 - see above

        style = Style(size=size, colour=(grey, grey, grey))
        line = layout_line(text, style, "rtl" if self.rtl else "ltr")
        x = self.width - self.margin - offset - line.width if self.rtl else self.margin + offset
        draw_line(self.canvas, line, x, y, style)


def build_receipt_pdf(
    check_in: CheckIn,
    clinic_name: str,
    *,
    logo: Path | None = None,
    tz: dt.tzinfo | None = None,
    language: str = "en",
    region: str = "",
    deterministic: bool = False,
) -> bytes:
    """The clinic copy: clinic, client (first name + initial), date, session, the statement, the signature;
    in the clinic's `language`, dates as spoken in the clinic's country (`region`, e.g. "GB")."""
    from reportlab.lib.pagesizes import A4, LETTER  # noqa: PLC0415 - see above
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    from kiosk.documents.pdf.logo import logo_image  # noqa: PLC0415
    from kiosk.documents.pdf.text import base_is_rtl, isolate_ltr  # noqa: PLC0415

    _ = translations(language).gettext
    buffer = io.BytesIO()
    paper = LETTER if region and paper_for_territory(region) == "letter" else A4  # the clinic printer's paper
    canvas = Canvas(buffer, pagesize=paper, invariant=deterministic, pageCompression=0)
    canvas.setTitle(_("Aftercare receipt - {clinic}").format(clinic=clinic_name))
    width, height = paper
    page = _Page(canvas, width, 25 * mm, is_rtl(language))
    left, y = page.margin, height - 30 * mm
    if logo is not None and logo.is_file():
        canvas.drawImage(
            logo_image(logo),
            left if page.rtl else width - 65 * mm,
            y - 12 * mm,
            40 * mm,
            20 * mm,
            preserveAspectRatio=True,
            anchor="w" if page.rtl else "e",
        )
    page.put(clinic_name, 0, y, 20)
    page.put(_("Aftercare receipt (clinic copy)"), 0, y - 9 * mm, 12)
    name = f"{check_in.first_name} {check_in.last_initial}." if check_in.last_initial else check_in.first_name
    if page.rtl and not base_is_rtl(name, "auto"):
        name = isolate_ltr(name)  # "Zoë Ö." keeps its full stop after the initial in an Arabic copy
    session = _("Touch-up") if check_in.session == TOUCH_UP else _("Session {number}").format(number=check_in.session)
    checked_in = check_in.checked_in_at.astimezone(local_zone(tz))  # the clinic's clock
    when = isolate_ltr(f"{checked_in:%Y-%m-%d %H:%M} {checked_in.tzname() or ''}".strip())
    rows = [
        (_("Client"), name),
        (_("Date"), clinic_date(check_in.session_date, language, region)),
        (_("Session"), session),
        (_("Language"), language_name(check_in.language, language)),
        (_("Checked in"), _("{time} at kiosk {kiosk}").format(time=when, kiosk=isolate_ltr(check_in.kiosk_id))),
    ]
    y -= 25 * mm
    for label, value in rows:
        page.put(label, 0, y, 11, grey=0.35)
        page.put(value, 35 * mm, y, 13)
        y -= 9 * mm
    y -= 6 * mm
    page.put(_("I received my aftercare instructions."), 0, y, 15)
    box_w, box_h = width - 2 * left, 60 * mm
    box_y = y - 8 * mm - box_h
    canvas.setLineWidth(0.5)
    canvas.setStrokeGray(0.6)
    canvas.rect(left, box_y, box_w, box_h)
    _draw_signature(page, check_in, (left, box_y, box_w, box_h), _)
    page.put(_("Signature of the client"), 0, box_y - 6 * mm, 9, grey=0.4)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_signature(
    page: _Page, check_in: CheckIn, box: tuple[float, float, float, float], _: Callable[[str], str]
) -> None:
    canvas = page.canvas
    x, y, w, h = box
    pad = 4 * mm
    if check_in.signature_strokes:
        signature = Signature.from_json(check_in.signature_strokes)
        scale = min((w - 2 * pad) / signature.width, (h - 2 * pad) / signature.height)
        left = x + (w - signature.width * scale) / 2
        top = y + (h + signature.height * scale) / 2
        canvas.setStrokeGray(0)
        canvas.setLineWidth(1.6)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        for stroke in signature.strokes:
            path = canvas.beginPath()
            first_x, first_y = stroke[0]
            path.moveTo(left + first_x * scale, top - first_y * scale)
            for px, py in stroke[1:] or stroke:  # a single point (a dot) is drawn as a tiny line
                path.lineTo(left + px * scale + (0.3 if len(stroke) == 1 else 0), top - py * scale)
            canvas.drawPath(path, stroke=1, fill=0)
    elif check_in.signature_png:
        from reportlab.lib.utils import ImageReader  # noqa: PLC0415 - see above

        image = ImageReader(io.BytesIO(check_png(check_in.signature_png)))
        canvas.drawImage(image, x + pad, y + pad, w - 2 * pad, h - 2 * pad, preserveAspectRatio=True, mask="auto")
    else:
        if check_in.receipt_required:
            note = _("Not signed.")
        else:
            note = _("Not signed: the clinic did not ask for a signature.")
        page.put(note, pad, y + h / 2, 11, grey=0.3)
