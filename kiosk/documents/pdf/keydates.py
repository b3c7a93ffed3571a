"""The key dates: a table of cards, each with its date, what happens, and a QR code a phone camera turns into
a calendar event (the milestones and the before-care evenings; the same codes as the kiosk screen's)."""

from __future__ import annotations

from collections.abc import Callable

from msgspec import Struct
from reportlab.lib.units import mm

from kiosk.documents.ics import CalendarEvent, key_date_events, plan_key, single_event_ics
from kiosk.documents.pdf import content
from kiosk.documents.pdf.context import Context
from kiosk.documents.pdf.layout import ACCENT, RULE, PageWriter
from kiosk.documents.pdf.pictograms import draw_pictogram, pictogram_alt
from kiosk.documents.pdf.request import CalendarRequest
from kiosk.documents.pdf.text import Style, wrap
from kiosk.documents.qr import mask_hex, qr_modules
from kiosk.i18n.catalog import translate

QUIET_ZONE_MODULES = 2  # in the box; the gap to the text and the rows around add the rest of the 4 a code needs
MODULE = 1.44  # points: 0.508 mm, one module two pixels at 100 dpi (four at 200): crisp when scanned or rendered
CARD_GAP = 2  # modules between two cards: with a module of quiet zone in each card, 4 between two codes
PIXEL_GRID = 0.72  # points: one pixel at 100 dpi; codes sit on this grid so no module is smeared over two pixels


def key_date_codes(request: CalendarRequest, name: str, _: Callable[[str], str]) -> list[tuple[CalendarEvent, bytes]]:
    """Each key date's event with its QR payload; the kiosk screen shows the same codes."""
    key = plan_key(request.schedule, name)
    return [(event, single_event_ics(event, event.uid(key))) for event in key_date_events(request.schedule, _)]


def _height(text: str, style: Style, width: float) -> float:
    return len(wrap(text, style, width)) * style.line_height


class _Cards(Struct, frozen=True):
    """The measures of the key-date cards of one document."""

    code_size: float
    column_width: float
    text_offset: float
    text_width: float
    icon: float

    def text_box(self, has_code: bool) -> tuple[float, float]:
        """(offset, width) of a card's date and words: past the largest code, or past the small pictogram of a
        card without a code (a session day), whose words then take fewer lines."""
        if has_code:
            return self.text_offset, self.text_width
        offset = self.icon + 3.5 * mm
        return offset, self.column_width - offset


def write_key_dates(writer: PageWriter, context: Context, heading: Callable[..., None]) -> None:
    """One card a key date, in date order; each card is a row of the table (date, what happens, its code)."""
    theme, _ = context.theme, context._
    entries = content.key_dates(context.request.schedule, context.regional, _)
    codes = {event.key: (event, qr_modules(data)) for event, data in key_date_codes(context.request, context.name, _)}
    code_size = max(_code_box(modules) for _event, modules in codes.values())
    text_offset = code_size + 2 * mm  # every card's text starts at the same place, past the largest code
    cards = _Cards(code_size, writer.width, text_offset, writer.width - text_offset, theme.body.size * 1.6)
    intro = _("Point your phone's camera at a code. It adds that date to your phone's calendar.")
    heading(writer, context, _("Key dates"), keep=_height(intro, theme.body, writer.width) + code_size)
    writer.paragraph(intro, theme.body)
    writer.y -= theme.gap * 0.3
    with writer.tags.group("Table"):
        for entry in entries:
            found = codes.get(entry.event_key)
            height = _card_height(context, cards, entry, None if found is None else _code_box(found[1]))
            writer.ensure(height)
            _card(writer, context, cards, entry, codes, offset=0.0, height=height)


def _code_box(modules: tuple[int, bytes]) -> float:
    """The side of a code's box: its modules and a quiet zone on each side."""
    return (modules[0] + 2 * QUIET_ZONE_MODULES) * MODULE


def _card_height(context: Context, cards: _Cards, entry: content.KeyDate, code_box: float | None) -> float:
    """As tall as its text or its own code (a short code makes a short card), with a thin gap for the rule."""
    theme = context.theme
    _offset, width = cards.text_box(code_box is not None)
    text = _height(content.key_date_when(context.request.schedule, entry.date, context.regional), theme.strong, width)
    text += _height(entry.text, theme.body, width) + 2 * mm
    least: float = code_box - 2 * (QUIET_ZONE_MODULES - 1) * MODULE if code_box else cards.icon + 2 * mm
    height: float = max(least, text) + CARD_GAP * MODULE
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
    found = codes.get(entry.event_key)
    text_offset, text_width = cards.text_box(found is not None)
    with tags.group("TR"):
        writer.y = top - 1 * mm
        with tags.content("TH", scope="Row"):
            writer.paragraph(date, theme.strong, offset=offset + text_offset, width=text_width, role=None)
        with tags.content("TD"):
            writer.paragraph(entry.text, theme.body, offset=offset + text_offset, width=text_width, role=None)
        with tags.group("TD"):
            if found is None:
                with tags.content("Figure", alt=pictogram_alt(entry.pictogram, _)):
                    x = writer.x(offset, cards.icon)
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
                    size = _code_box(modules)
                    x = writer.x(offset + (cards.code_size - size) / 2, size)
                    # one module of the quiet zone above the code inside the card; the card gap and the next
                    # card's module make the four a code needs between two codes
                    draw_qr(writer, modules, x, top - size + (QUIET_ZONE_MODULES - 1) * MODULE, size)
    writer.y = top - height
    writer.canvas.setStrokeColorRGB(*RULE)
    writer.canvas.setLineWidth(0.5)
    rule_y = writer.y + CARD_GAP * MODULE / 2
    left = writer.x(offset, cards.column_width)
    writer.canvas.line(left, rule_y, left + cards.column_width, rule_y)


def _on_grid(value: float) -> float:
    return round(value / PIXEL_GRID) * PIXEL_GRID


def draw_qr(writer: PageWriter, modules: tuple[int, bytes], x: float, y: float, size: float) -> None:
    """The code as a one-bit image mask, one sample a module, centred in the box (its quiet zone around it).

    An image scaled by a whole number of device pixels a module stays sharp (vector squares picked up grey
    anti-aliased edges that made zbar miss codes at 100 dpi), and it is a few hundred bytes instead of
    hundreds of rectangle operators."""
    count = modules[0]
    width = count * MODULE
    left = _on_grid(x + (size - width) / 2)
    top = writer.page_height - _on_grid(writer.page_height - (y + size - (size - width) / 2))  # rows from the top
    data = mask_hex(modules)
    writer.canvas.addLiteral(
        f"q 0 0 0 rg {width:.2f} 0 0 {width:.2f} {left:.2f} {top - width:.2f} cm "
        f"BI /W {count} /H {count} /IM true /BPC 1 /D [1 0] /F /AHx ID\n{data}>\nEI Q"
    )
