"""Small vector pictograms drawn with ReportLab paths, by the names the protocol file uses.

Each pictogram is drawn in a unit square (0..1 both ways, y up) scaled to `size` points, in one colour,
so it stays sharp at any zoom and on any printer. Pictograms carry meaning next to words, never alone.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from reportlab.pdfbase.pdfdoc import xObjectName
from reportlab.pdfgen.canvas import Canvas

from kiosk.documents.pdf.streams import Preformatted, flate_stream

Colour = tuple[float, float, float]
STROKE = 0.075  # line width, as a share of the pictogram's size


def _droplet(canvas: Any, cx: float, cy: float, scale: float, *, fill: bool) -> None:
    path = canvas.beginPath()
    path.moveTo(cx, cy + 0.42 * scale)
    s = scale
    path.curveTo(cx - 0.06 * s, cy + 0.3 * s, cx - 0.26 * s, cy + 0.05 * s, cx - 0.26 * s, cy - 0.1 * s)
    path.curveTo(cx - 0.26 * s, cy - 0.25 * s, cx - 0.14 * s, cy - 0.38 * s, cx, cy - 0.38 * s)
    path.curveTo(cx + 0.14 * s, cy - 0.38 * s, cx + 0.26 * s, cy - 0.25 * s, cx + 0.26 * s, cy - 0.1 * s)
    path.curveTo(cx + 0.26 * s, cy + 0.05 * s, cx + 0.06 * s, cy + 0.3 * s, cx, cy + 0.42 * s)
    path.close()
    canvas.drawPath(path, stroke=0 if fill else 1, fill=1 if fill else 0)


def _no_water(canvas: Any, colour: Colour) -> None:
    _droplet(canvas, 0.5, 0.48, 1.05, fill=True)
    canvas.saveState()  # white under the slash, then back to the colour the form is drawn in
    canvas.setStrokeColorRGB(1, 1, 1)
    canvas.setLineWidth(STROKE * 2.4)
    canvas.line(0.1, 0.9, 0.9, 0.1)
    canvas.restoreState()
    canvas.setLineWidth(STROKE * 1.1)
    canvas.line(0.1, 0.9, 0.9, 0.1)


def _light_shower(canvas: Any, colour: Colour) -> None:
    path = canvas.beginPath()
    path.moveTo(0.12, 0.95)
    path.curveTo(0.12, 0.78, 0.3, 0.72, 0.5, 0.72)
    canvas.drawPath(path, stroke=1, fill=0)
    head = canvas.beginPath()
    head.moveTo(0.3, 0.58)
    head.curveTo(0.3, 0.72, 0.7, 0.72, 0.7, 0.58)
    head.close()
    canvas.drawPath(head, stroke=1, fill=1)
    for x, y in ((0.34, 0.38), (0.5, 0.3), (0.66, 0.38), (0.42, 0.12), (0.58, 0.12)):
        _droplet(canvas, x, y, 0.2, fill=True)


def _check(canvas: Any, colour: Colour) -> None:
    canvas.setLineWidth(STROKE * 1.6)
    path = canvas.beginPath()
    path.moveTo(0.14, 0.52)
    path.lineTo(0.4, 0.24)
    path.lineTo(0.88, 0.8)
    canvas.drawPath(path, stroke=1, fill=0)


def _cross(canvas: Any, colour: Colour) -> None:
    canvas.setLineWidth(STROKE * 1.6)
    canvas.line(0.2, 0.2, 0.8, 0.8)
    canvas.line(0.2, 0.8, 0.8, 0.2)


def _sun(canvas: Any, colour: Colour) -> None:
    canvas.circle(0.5, 0.5, 0.2, stroke=0, fill=1)
    rays = ((1, 0), (0.71, 0.71), (0, 1), (-0.71, 0.71), (-1, 0), (-0.71, -0.71), (0, -1), (0.71, -0.71))
    for dx, dy in rays:
        canvas.line(0.5 + 0.3 * dx, 0.5 + 0.3 * dy, 0.5 + 0.45 * dx, 0.5 + 0.45 * dy)


def _moisturiser(canvas: Any, colour: Colour) -> None:
    canvas.roundRect(0.16, 0.1, 0.68, 0.46, 0.08, stroke=1, fill=0)
    canvas.roundRect(0.22, 0.6, 0.56, 0.14, 0.04, stroke=0, fill=1)
    _droplet(canvas, 0.5, 0.32, 0.32, fill=True)
    _droplet(canvas, 0.5, 0.9, 0.18, fill=True)


def _clipper(canvas: Any, colour: Colour) -> None:
    canvas.roundRect(0.34, 0.06, 0.32, 0.64, 0.12, stroke=1, fill=0)
    canvas.rect(0.28, 0.72, 0.44, 0.1, stroke=0, fill=1)
    for index in range(5):
        x = 0.31 + index * 0.095
        canvas.line(x, 0.82, x, 0.94)
    canvas.circle(0.5, 0.3, 0.06, stroke=0, fill=1)


def _comb(canvas: Any, colour: Colour) -> None:
    canvas.roundRect(0.1, 0.6, 0.8, 0.16, 0.05, stroke=0, fill=1)
    for index in range(6):
        x = 0.16 + index * 0.136
        canvas.line(x, 0.62, x, 0.24)


def _breathe(canvas: Any, colour: Colour) -> None:
    for y, length in ((0.72, 0.62), (0.5, 0.78), (0.28, 0.5)):
        path = canvas.beginPath()
        path.moveTo(0.1, y)
        path.curveTo(0.1 + length * 0.3, y + 0.1, 0.1 + length * 0.6, y - 0.1, 0.1 + length, y)
        canvas.drawPath(path, stroke=1, fill=0)


def _sunscreen(canvas: Any, colour: Colour) -> None:
    canvas.roundRect(0.12, 0.06, 0.4, 0.6, 0.08, stroke=1, fill=0)
    canvas.rect(0.22, 0.68, 0.2, 0.12, stroke=0, fill=1)
    canvas.circle(0.32, 0.34, 0.1, stroke=0, fill=1)
    canvas.circle(0.76, 0.76, 0.11, stroke=0, fill=1)
    for dx, dy in ((1, 0), (0, 1), (-1, 0), (0, -1), (0.71, 0.71), (-0.71, 0.71), (0.71, -0.71), (-0.71, -0.71)):
        canvas.line(0.76 + 0.16 * dx, 0.76 + 0.16 * dy, 0.76 + 0.22 * dx, 0.76 + 0.22 * dy)


def _flag(canvas: Any, colour: Colour) -> None:
    canvas.line(0.22, 0.06, 0.22, 0.94)
    path = canvas.beginPath()
    path.moveTo(0.22, 0.92)
    path.lineTo(0.86, 0.74)
    path.lineTo(0.22, 0.54)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _phone(canvas: Any, colour: Colour) -> None:
    canvas.roundRect(0.26, 0.06, 0.48, 0.88, 0.1, stroke=1, fill=0)
    canvas.line(0.42, 0.16, 0.58, 0.16)


def _message(canvas: Any, colour: Colour) -> None:
    canvas.roundRect(0.08, 0.3, 0.84, 0.56, 0.14, stroke=1, fill=0)
    path = canvas.beginPath()
    path.moveTo(0.26, 0.32)
    path.lineTo(0.2, 0.1)
    path.lineTo(0.44, 0.32)
    canvas.drawPath(path, stroke=1, fill=0)


def _envelope(canvas: Any, colour: Colour) -> None:
    canvas.rect(0.08, 0.2, 0.84, 0.6, stroke=1, fill=0)
    path = canvas.beginPath()
    path.moveTo(0.08, 0.8)
    path.lineTo(0.5, 0.44)
    path.lineTo(0.92, 0.8)
    canvas.drawPath(path, stroke=1, fill=0)


def _globe(canvas: Any, colour: Colour) -> None:
    canvas.circle(0.5, 0.5, 0.42, stroke=1, fill=0)
    canvas.ellipse(0.32, 0.08, 0.68, 0.92, stroke=1, fill=0)
    canvas.line(0.08, 0.5, 0.92, 0.5)


def _pin(canvas: Any, colour: Colour) -> None:
    path = canvas.beginPath()
    path.moveTo(0.5, 0.06)
    path.curveTo(0.4, 0.3, 0.2, 0.45, 0.2, 0.64)
    path.curveTo(0.2, 0.82, 0.34, 0.94, 0.5, 0.94)
    path.curveTo(0.66, 0.94, 0.8, 0.82, 0.8, 0.64)
    path.curveTo(0.8, 0.45, 0.6, 0.3, 0.5, 0.06)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.circle(0.5, 0.64, 0.12, stroke=0, fill=1)
    canvas.restoreState()


def _calendar(canvas: Any, colour: Colour) -> None:
    canvas.roundRect(0.1, 0.08, 0.8, 0.74, 0.06, stroke=1, fill=0)
    canvas.rect(0.1, 0.62, 0.8, 0.2, stroke=0, fill=1)
    canvas.line(0.32, 0.72, 0.32, 0.94)
    canvas.line(0.68, 0.72, 0.68, 0.94)
    for x in (0.26, 0.46, 0.66):
        for y in (0.42, 0.22):
            canvas.rect(x, y, 0.1, 0.1, stroke=0, fill=1)


def _info(canvas: Any, colour: Colour) -> None:
    canvas.circle(0.5, 0.5, 0.42, stroke=1, fill=0)
    canvas.line(0.5, 0.24, 0.5, 0.54)
    canvas.circle(0.5, 0.7, 0.06, stroke=0, fill=1)


PICTOGRAMS: dict[str, Callable[[Any, Colour], None]] = {
    "no-water": _no_water,
    "light-shower": _light_shower,
    "check": _check,
    "do": _check,
    "avoid": _cross,
    "sun": _sun,
    "moisturiser": _moisturiser,
    "clipper": _clipper,
    "comb": _comb,
    "breathe": _breathe,
    "sunscreen": _sunscreen,
    "milestone": _flag,
    "phone": _phone,
    "text": _message,
    "email": _envelope,
    "website": _globe,
    "address": _pin,
    "calendar": _calendar,
    "info": _info,
}


_ALT: dict[str, Callable[[Callable[[str], str]], str]] = {  # looked up one at a time: a calendar has 100 figures
    "no-water": lambda _: _("No water"),
    "light-shower": lambda _: _("Shower"),
    "check": lambda _: _("Yes, do this"),
    "do": lambda _: _("Yes, do this"),
    "avoid": lambda _: _("No, avoid this"),
    "sun": lambda _: _("Sun"),
    "moisturiser": lambda _: _("Moisturiser"),
    "clipper": lambda _: _("Hair clipper"),
    "comb": lambda _: _("Comb"),
    "breathe": lambda _: _("A calm breath"),
    "sunscreen": lambda _: _("Sunscreen"),
    "milestone": lambda _: _("Key date"),
    "phone": lambda _: _("Phone"),
    "text": lambda _: _("Text message"),
    "email": lambda _: _("Email"),
    "website": lambda _: _("Website"),
    "address": lambda _: _("Address"),
    "calendar": lambda _: _("Calendar"),
}


def pictogram_alt(name: str, _: Callable[[str], str]) -> str:
    """What a pictogram shows, in words, for a screen reader (its Figure's alternative text)."""
    return _ALT[name](_) if name in _ALT else _("Information")


def draw_pictogram(canvas: Any, name: str, x: float, y: float, *, size: float, colour: Colour) -> None:
    """Draw pictogram `name` in the square with lower-left corner (x, y); an unknown name gets 'info'.

    Each pictogram is a PDF form, in no colour of its own, put once into a document and then only
    referenced in the colour of the moment: a calendar shows the same few pictograms a hundred times,
    and the file stays small and fast to make. The form's bytes are made once per process, and its use is
    written straight into the page (what canvas.doForm writes, without its calls: 90 a calendar).
    """
    known = name if name in PICTOGRAMS else "info"
    key, internal = _NAMES[known]
    document = canvas._doc
    if internal not in document.idToObject:
        document.Reference(Preformatted(_form(known)), internal)
    scale = f"{size:.3f}"
    canvas._code.append(f"{_paint(colour)} {scale} 0 0 {scale} {x:.2f} {y:.2f} cm\n/{internal} Do\nQ")
    in_use = canvas._formsinuse  # the page's resources list it, once
    if key not in in_use:
        in_use.append(key)


_NAMES = {name: (f"SmpPictogram-{name}", xObjectName(f"SmpPictogram-{name}")) for name in PICTOGRAMS}


@lru_cache(maxsize=64)
def _paint(colour: Colour) -> str:
    red, green, blue = colour
    return f"q {red:.3f} {green:.3f} {blue:.3f} rg {red:.3f} {green:.3f} {blue:.3f} RG"


@cache
def _form(name: str) -> bytes:
    """The form of one pictogram as PDF bytes: its drawing in the unit square, on a canvas never saved."""
    scratch = Canvas(io.BytesIO())
    scratch.setLineWidth(STROKE)
    scratch.setLineCap(1)
    scratch.setLineJoin(1)
    PICTOGRAMS[name](scratch, (0.0, 0.0, 0.0))
    drawing = "\n".join(scratch._code).encode("latin-1")
    return flate_stream("/Type /XObject /Subtype /Form /BBox [-0.2 -0.2 1.2 1.2] /Resources << >>", drawing)
