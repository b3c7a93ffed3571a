"""The signed aftercare receipt: the signature as strokes, and the clinic-copy PDF.

The kiosk's signature pad sends strokes (lists of points in the pad's own pixel coordinates, y down)
and the pad's size; `Signature.from_strokes` checks them and `to_json()` is what a CheckIn keeps in
`signature_strokes`. A PNG (`signature_png`) is accepted too, for pads that only give an image.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kiosk.documents.pdf.text import Style, draw_line, layout_line
from kiosk.errors import UserError
from kiosk.store.checkin import TOUCH_UP, CheckIn, local_zone

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
        if not (_finite(width) and _finite(height) and width > 0 and height > 0):
            raise UserError("the signature pad has no size: the signature cannot be kept")
        kept: list[tuple[Point, ...]] = []
        total = 0
        for stroke in strokes[:MAX_STROKES]:
            points = []
            for point in stroke:
                if len(point) != 2 or not (_finite(point[0]) and _finite(point[1])):
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


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def check_png(data: bytes) -> bytes:
    if not data.startswith(PNG_MAGIC):
        raise UserError("the signature image is not a PNG: please sign again")
    return data


def _put(canvas: Canvas, text: str, x: float, y: float, size: float, *, grey: float = 0.12) -> None:
    """One line through the calendar's text layer: font fallback, bidi and shaping, so a name in any
    script (Arabic joined and right to left, Hebrew, Cyrillic, ...) prints right."""
    style = Style(size=size, colour=(grey, grey, grey))
    draw_line(canvas, layout_line(text, style), x, y, style)


def build_receipt_pdf(
    check_in: CheckIn,
    clinic_name: str,
    *,
    logo: Path | None = None,
    tz: dt.tzinfo | None = None,
    deterministic: bool = False,
) -> bytes:
    """The clinic copy: clinic, client (first name + initial), date, session, the statement, the signature."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=deterministic, pageCompression=0)
    canvas.setTitle(f"Aftercare receipt - {clinic_name}")
    width, height = A4
    left, y = 25 * mm, height - 30 * mm
    if logo is not None and logo.is_file():
        canvas.drawImage(
            ImageReader(str(logo)),
            width - 65 * mm,
            y - 12 * mm,
            40 * mm,
            20 * mm,
            preserveAspectRatio=True,
            mask="auto",
        )
    _put(canvas, clinic_name, left, y, 20)
    _put(canvas, "Aftercare receipt (clinic copy)", left, y - 9 * mm, 12)
    name = f"{check_in.first_name} {check_in.last_initial}." if check_in.last_initial else check_in.first_name
    session = "Touch-up" if check_in.session == TOUCH_UP else f"Session {check_in.session}"
    checked_in = check_in.checked_in_at.astimezone(local_zone(tz))  # the clinic's clock
    rows = [
        ("Client", name),
        ("Date", format_date(check_in.session_date, format="long", locale="en")),
        ("Session", session),
        ("Checked in", f"{checked_in:%Y-%m-%d %H:%M} {checked_in.tzname() or ''} at kiosk {check_in.kiosk_id}"),
    ]
    y -= 25 * mm
    for label, value in rows:
        _put(canvas, label, left, y, 11, grey=0.35)
        _put(canvas, value, left + 35 * mm, y, 13)
        y -= 9 * mm
    y -= 6 * mm
    _put(canvas, "I received my aftercare instructions.", left, y, 15)
    box_w, box_h = width - 2 * left, 60 * mm
    box_y = y - 8 * mm - box_h
    canvas.setLineWidth(0.5)
    canvas.setStrokeGray(0.6)
    canvas.rect(left, box_y, box_w, box_h)
    _draw_signature(canvas, check_in, (left, box_y, box_w, box_h))
    _put(canvas, "Signature of the client", left, box_y - 6 * mm, 9, grey=0.4)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_signature(canvas: Canvas, check_in: CheckIn, box: tuple[float, float, float, float]) -> None:
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
        image = ImageReader(io.BytesIO(check_png(check_in.signature_png)))
        canvas.drawImage(image, x + pad, y + pad, w - 2 * pad, h - 2 * pad, preserveAspectRatio=True, mask="auto")
    else:
        note = "Not signed." if check_in.receipt_required else "Not signed: the clinic did not ask for a signature."
        _put(canvas, note, x + pad, y + h / 2, 11, grey=0.3)
