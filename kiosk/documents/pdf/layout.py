"""Pages, the type scale and the colours, and a writer that flows blocks down the page, mirrored for RTL.

Positions are given from the *start* edge (left in English, right in Arabic and Hebrew): the writer turns
them into page coordinates, so every part of the layout is mirrored by writing it once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from msgspec import Struct
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm

from kiosk.documents.pdf.glyphs import draw_line
from kiosk.documents.pdf.tagging import Tagger
from kiosk.documents.pdf.text import Align, Colour, Direction, Line, Style, wrapped_lines

__all__ = ["Colour", "PageWriter", "Theme", "make_theme"]

PAPER_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
MARGIN_SIDE: float = 13 * mm
MARGIN_TOP: float = 12 * mm
MARGIN_BOTTOM: float = 11 * mm
COLUMN_GAP: float = 7 * mm


def rgb(hex_colour: str) -> Colour:
    value = int(hex_colour.lstrip("#"), 16)
    return ((value >> 16) / 255, ((value >> 8) & 0xFF) / 255, (value & 0xFF) / 255)


INK = rgb("#1F2937")
MUTED = rgb("#4B5563")
ACCENT = rgb("#1E3A5F")
RULE = rgb("#CBD5E1")
PANEL = rgb("#F1F5F9")
WHITE: Colour = (1.0, 1.0, 1.0)


class PhaseColours(Struct, frozen=True):
    fill: Colour  # the day cell; lightness differs clearly between phases (greyscale printers)
    ink: Colour  # pictograms on that fill
    hatched: bool  # diagonal lines on top, a second non-colour signal


PHASE_COLOURS: tuple[PhaseColours, ...] = (  # by the phase's position: strictest first
    PhaseColours(rgb("#D9A08A"), rgb("#7A2E18"), hatched=True),
    PhaseColours(rgb("#F0D89A"), rgb("#6B4E07"), hatched=False),
    PhaseColours(rgb("#EAF5EE"), rgb("#24603A"), hatched=False),
    PhaseColours(rgb("#E3ECF7"), rgb("#1E3A5F"), hatched=False),
)


class Theme(Struct, frozen=True):
    """The type scale: body text at least 12 pt, and at least 16 pt in large print."""

    body: Style
    strong: Style
    muted: Style
    title: Style
    name: Style
    heading: Style
    subheading: Style
    month: Style
    day: Style
    large_print: bool

    @property
    def gap(self) -> float:
        return self.body.size * 0.9


def make_theme(large_print: bool) -> Theme:
    base = 16.0 if large_print else 12.0
    return Theme(
        body=Style(base, leading=1.25),
        strong=Style(base, bold=True, leading=1.25),
        muted=Style(base, colour=MUTED, leading=1.25),
        title=Style(base * 2.0, bold=True, colour=ACCENT, leading=1.15),
        name=Style(base * 1.7, colour=INK, leading=1.2),
        heading=Style(base * 1.35, bold=True, colour=ACCENT, leading=1.25),
        subheading=Style(base * 1.15, bold=True, colour=INK, leading=1.3),
        month=Style(base * 1.2, bold=True, colour=ACCENT, leading=1.3),
        day=Style(base, bold=False, colour=INK, leading=1.0),
        large_print=large_print,
    )


class PageWriter:
    """Flows content down pages between the margins; `y` is the top of the free space."""

    def __init__(
        self, canvas: Any, page_size: tuple[float, float], rtl: bool, footer: Callable[[PageWriter], None]
    ) -> None:
        self.canvas = canvas
        self.page_width, self.page_height = float(page_size[0]), float(page_size[1])
        self.rtl = rtl
        self.direction: Direction = "rtl" if rtl else "ltr"
        self.top = self.page_height - MARGIN_TOP
        self.footer_height = 0.0
        self.footer = footer
        self.page_number = 1
        self.y = self.top
        self.columns = 1
        self.column = 0
        self.tags = Tagger(canvas)

    @property
    def width(self) -> float:
        """The width of the current column (the whole text width when there is one)."""
        return (self.page_width - 2 * MARGIN_SIDE - COLUMN_GAP * (self.columns - 1)) / self.columns

    @property
    def left(self) -> float:
        steps = self.columns - 1 - self.column if self.rtl else self.column  # the first column at the start edge
        return MARGIN_SIDE + steps * (self.width + COLUMN_GAP)

    @property
    def right(self) -> float:
        return self.left + self.width

    def set_columns(self, columns: int) -> None:
        """Flow what follows in `columns` columns, down the first, then the next, then onto a new page."""
        self.columns, self.column = columns, 0

    @property
    def bottom(self) -> float:
        return MARGIN_BOTTOM + self.footer_height

    def x(self, offset: float, width: float) -> float:
        """Page x of the left side of a box `width` wide placed `offset` from the start edge."""
        return self.right - offset - width if self.rtl else self.left + offset

    def _end_page(self) -> None:
        self.tags.end_page()
        self.canvas.addLiteral("/Artifact BMC")  # the footer is decoration: the clinic is named on page 1
        columns, column = self.columns, self.column
        self.columns, self.column = 1, 0
        self.footer(self)
        self.columns, self.column = columns, column
        self.canvas.addLiteral("EMC")
        self.canvas.showPage()

    def new_page(self) -> None:
        """The next column, or a new page after the last one."""
        if self.column + 1 < self.columns:
            self.column += 1
            self.y = self.top
            return
        self._end_page()
        self.column = 0
        self.page_number += 1
        self.y = self.top
        self.tags.start_page()

    def finish(self) -> None:
        self._end_page()

    def ensure(self, height: float) -> None:
        """Start a new page unless `height` fits above the bottom margin (a block is never split)."""
        if self.y - height < self.bottom and self.y < self.top:
            self.new_page()

    def room(self) -> float:
        return self.y - self.bottom

    def place_line(
        self, line: Line, style: Style, *, offset: float, width: float, baseline: float, align: Align = "start"
    ) -> None:
        """Draw a laid-out line inside the box [offset, offset + width] from the start edge."""
        box_x = self.x(offset, width)
        if align == "center":
            x = box_x + (width - line.width) / 2
        elif (align == "start") != self.rtl:
            x = box_x
        else:
            x = box_x + width - line.width
        draw_line(self.canvas, line, x, baseline, style)

    def lines(self, text: str, style: Style, width: float) -> tuple[Line, ...]:
        return wrapped_lines(text, style, width, self.direction)

    def paragraph(
        self,
        text: str,
        style: Style,
        *,
        offset: float = 0.0,
        width: float | None = None,
        align: Align = "start",
        role: str | None = "P",
        lang: str | None = None,
    ) -> None:
        """Wrap and draw `text` from the current y, moving down (onto a new page when the page is full).

        Tagged as one `role` element (P, H2, ...); `role=None` when the caller has opened the element."""
        width = self.width - offset if width is None else width
        lines = self.lines(text, style, width)
        if not lines:
            return
        if role is None:
            self._draw_lines(lines, style, offset, width, align)
            return
        with self.tags.content(role, lang=lang):
            self._draw_lines(lines, style, offset, width, align)

    def _draw_lines(self, lines: tuple[Line, ...], style: Style, offset: float, width: float, align: Align) -> None:
        for line in lines:
            self.ensure(style.line_height)
            self.place_line(line, style, offset=offset, width=width, baseline=self.y - style.size, align=align)
            self.y -= style.line_height

    def rule(self, colour: Colour = RULE, weight: float = 0.8) -> None:
        self.canvas.setStrokeColorRGB(*colour)
        self.canvas.setLineWidth(weight)
        self.canvas.line(self.left, self.y, self.right, self.y)


KAPPA = 0.5523  # control-point distance of a quarter circle drawn as a Bézier curve


def round_rect_path(x: float, y: float, w: float, h: float, r: float) -> str:
    """PDF path operators of a rounded rectangle (written directly: hundreds per calendar)."""
    k = r * KAPPA
    right, top = x + w, y + h
    return (
        f"{x + r:.2f} {y:.2f} m {right - r:.2f} {y:.2f} l "
        f"{right - r + k:.2f} {y:.2f} {right:.2f} {y + r - k:.2f} {right:.2f} {y + r:.2f} c "
        f"{right:.2f} {top - r:.2f} l "
        f"{right:.2f} {top - r + k:.2f} {right - r + k:.2f} {top:.2f} {right - r:.2f} {top:.2f} c "
        f"{x + r:.2f} {top:.2f} l "
        f"{x + r - k:.2f} {top:.2f} {x:.2f} {top - r + k:.2f} {x:.2f} {top - r:.2f} c "
        f"{x:.2f} {y + r:.2f} l "
        f"{x:.2f} {y + r - k:.2f} {x + r - k:.2f} {y:.2f} {x + r:.2f} {y:.2f} c h"
    )


def fill_round_rect(canvas: Any, box: tuple[float, float, float, float], radius: float, colour: Colour) -> None:
    red, green, blue = colour
    canvas.addLiteral(f"q {red:.3f} {green:.3f} {blue:.3f} rg {round_rect_path(*box, radius)} f Q")


def stroke_round_rect(
    canvas: Any, box: tuple[float, float, float, float], radius: float, colour: Colour, width: float
) -> None:
    red, green, blue = colour
    canvas.addLiteral(f"q {red:.3f} {green:.3f} {blue:.3f} RG {width:.2f} w {round_rect_path(*box, radius)} S Q")
