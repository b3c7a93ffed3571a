"""The key dates: a table of cards, each with its date, what happens, and a QR code a phone camera turns into
a calendar event (the milestones and the before-care evenings; the same codes as the kiosk screen's)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm

from kiosk.documents.ics import CalendarEvent, key_date_events, plan_key, single_event_ics
from kiosk.documents.pdf import content
from kiosk.documents.pdf.context import Context
from kiosk.documents.pdf.layout import ACCENT, RULE, PageWriter
from kiosk.documents.pdf.pictograms import draw_pictogram, pictogram_alt
from kiosk.documents.pdf.request import CalendarRequest
from kiosk.documents.pdf.text import Style, wrap
from kiosk.documents.qr import qr_modules
from kiosk.i18n.catalog import translate

QUIET_ZONE_MODULES = 2  # in the box; the gap to the text and the rows around add the rest of the 4 a code needs
MODULE = 1.44  # points: 0.508 mm, one module two pixels at 100 dpi (four at 200): crisp when scanned or rendered
PIXEL_GRID = 0.72  # points: one pixel at 100 dpi; codes sit on this grid so no module is smeared over two pixels


def key_date_codes(request: CalendarRequest, name: str, _: Callable[[str], str]) -> list[tuple[CalendarEvent, bytes]]:
    """Each key date's event with its QR payload; the kiosk screen shows the same codes."""
    key = plan_key(request.schedule, name)
    return [(event, single_event_ics(event, event.uid(key))) for event in key_date_events(request.schedule, _)]


def _height(text: str, style: Style, width: float) -> float:
    return len(wrap(text, style, width)) * style.line_height


@dataclass(frozen=True)
class _Cards:
    """The measures of the key-date cards of one document."""

    code_size: float
    column_width: float
    text_offset: float
    text_width: float
    icon: float


def write_key_dates(writer: PageWriter, context: Context, heading: Callable[..., None]) -> None:
    """One card a key date, in date order; each card is a row of the table (date, what happens, its code)."""
    theme, _ = context.theme, context._
    entries = content.key_dates(context.request.schedule, context.regional, _)
    codes = {event.key: (event, qr_modules(data)) for event, data in key_date_codes(context.request, context.name, _)}
    code_size = max((size + 2 * QUIET_ZONE_MODULES) * MODULE for _event, (size, _rows) in codes.values())
    text_offset = code_size + 2 * mm
    cards = _Cards(code_size, writer.width, text_offset, writer.width - text_offset, theme.body.size * 1.6)
    intro = _("Point your phone's camera at a code. It adds that date to your phone's calendar.")
    heading(writer, context, _("Key dates"), keep=_height(intro, theme.body, writer.width) + code_size)
    writer.paragraph(intro, theme.body)
    writer.y -= theme.gap * 0.3
    with writer.tags.group("Table"):
        for entry in entries:
            height = _card_height(context, cards, entry, entry.event_key in codes)
            writer.ensure(height)
            _card(writer, context, cards, entry, codes, offset=0.0, height=height)


def _card_height(context: Context, cards: _Cards, entry: content.KeyDate, has_code: bool) -> float:
    theme = context.theme
    text = _height(
        content.key_date_when(context.request.schedule, entry.date, context.regional), theme.strong, cards.text_width
    )
    text += _height(entry.text, theme.body, cards.text_width) + 2 * mm
    least: float = cards.code_size if has_code else cards.icon + 2 * mm
    height: float = max(least, text) + theme.gap * 0.4
    return height


def _card(
    writer: PageWriter,
    context: Context,
    cards: _Cards,
    entry: content.KeyDate,
    codes: dict[str, tuple[CalendarEvent, tuple[int, bytes]]],
    *,
    offset: float,
    height: float,
) -> None:
    """One key date at writer.y: its code (or pictogram), its date and what happens; a rule below it."""
    theme, _, tags = context.theme, context._, writer.tags
    top = writer.y
    date = content.key_date_when(context.request.schedule, entry.date, context.regional)
    with tags.group("TR"):
        writer.y = top - 1 * mm
        with tags.content("TH", scope="Row"):
            writer.paragraph(date, theme.strong, offset=offset + cards.text_offset, width=cards.text_width, role=None)
        with tags.content("TD"):
            writer.paragraph(
                entry.text, theme.body, offset=offset + cards.text_offset, width=cards.text_width, role=None
            )
        with tags.group("TD"):
            found = codes.get(entry.event_key)
            if found is None:
                with tags.content("Figure", alt=pictogram_alt(entry.pictogram, _)):
                    x = writer.x(offset + (cards.code_size - cards.icon) / 2, cards.icon)
                    y = top - cards.icon - 1 * mm
                    draw_pictogram(writer.canvas, entry.pictogram, x, y, size=cards.icon, colour=ACCENT)
            else:
                event, modules = found
                alt = translate(
                    _,
                    "QR code: it adds “{summary}” on {date} to your phone's calendar.",
                    summary=event.summary,
                    date=date,
                )
                with tags.content("Figure", alt=alt):
                    size = cards.code_size
                    draw_qr(writer, modules, writer.x(offset, size), top - size, size)
    writer.y = top - height
    writer.canvas.setStrokeColorRGB(*RULE)
    writer.canvas.setLineWidth(0.5)
    rule_y = writer.y + theme.gap * 0.2
    left = writer.x(offset, cards.column_width)
    writer.canvas.line(left, rule_y, left + cards.column_width, rule_y)


def _on_grid(value: float) -> float:
    return round(value / PIXEL_GRID) * PIXEL_GRID


def draw_qr(writer: PageWriter, modules: tuple[int, bytes], x: float, y: float, size: float) -> None:
    """The code as a one-bit image mask, one sample a module, centred in the box (its quiet zone around it).

    An image scaled by a whole number of device pixels a module stays sharp (vector squares picked up grey
    anti-aliased edges that made zbar miss codes at 100 dpi), and it is a few hundred bytes instead of
    hundreds of rectangle operators."""
    count, rows = modules
    width = count * MODULE
    left = _on_grid(x + (size - width) / 2)
    top = writer.page_height - _on_grid(writer.page_height - (y + size - (size - width) / 2))  # rows from the top
    hex_rows = []
    pad = "0" * (-count % 8)
    for row in range(count):
        bits = rows[row * count : (row + 1) * count].translate(_BITS).decode("ascii") + pad
        hex_rows.append(f"{int(bits, 2):0{len(bits) // 4}X}")
    data = "".join(hex_rows)
    writer.canvas.addLiteral(
        f"q 0 0 0 rg {width:.2f} 0 0 {width:.2f} {left:.2f} {top - width:.2f} cm "
        f"BI /W {count} /H {count} /IM true /BPC 1 /D [1 0] /F /AHx ID\n{data}>\nEI Q"
    )


_BITS = bytes.maketrans(b"\x00\x01", b"01")
