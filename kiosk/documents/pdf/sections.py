"""The plain-words pages: key dates, each phase's do and avoid, before-care, long-term care, QR codes, contact."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from reportlab.lib.units import mm

from kiosk.documents.ics import CalendarEvent, default_stamp, milestone_events, plan_key, single_event_ics
from kiosk.documents.pdf import content
from kiosk.documents.pdf.context import Context
from kiosk.documents.pdf.grid import phase_colours
from kiosk.documents.pdf.layout import ACCENT, MUTED, PANEL, RULE, PageWriter, fill_round_rect
from kiosk.documents.pdf.pictograms import draw_pictogram
from kiosk.documents.pdf.request import CalendarRequest
from kiosk.documents.pdf.text import Colour, Style, wrap
from kiosk.documents.qr import qr_modules

QUIET_ZONE_MODULES = 4
DARK_RUN = re.compile(rb"\x01+")  # a run of dark modules in a row of 0/1 bytes


def write_all(writer: PageWriter, context: Context) -> None:
    if writer.page_number == 1:  # page 1 is the calendar alone
        writer.new_page()
    key_dates(writer, context)
    phases(writer, context)
    before_care(writer, context)
    long_term(writer, context)
    contact(writer, context)
    qr_codes(writer, context)


def heading(writer: PageWriter, context: Context, text: str, *, keep: float = 0.0) -> None:
    """A section title kept together with the first `keep` points of what follows it."""
    theme = context.theme
    if writer.y < writer.top:
        writer.y -= theme.gap * 1.6
    lines = wrap(text, theme.heading, writer.width)
    writer.ensure(len(lines) * theme.heading.line_height + 3 * mm + keep)
    writer.paragraph(text, theme.heading)
    writer.y -= 1 * mm
    writer.rule()
    writer.y -= 3 * mm


def _text_height(text: str, style: Style, width: float) -> float:
    return len(wrap(text, style, width)) * style.line_height


def item(
    writer: PageWriter,
    context: Context,
    pictogram: str,
    *,
    title: str,
    text: str,
    colour: Colour = ACCENT,
    offset: float = 0.0,
) -> None:
    """A pictogram at the start edge, a bold title and its text beside it; never split across pages."""
    theme = context.theme
    icon = theme.body.size * 1.6
    indent = offset + icon + 3.5 * mm
    width = writer.width - indent
    height = (_text_height(title, theme.strong, width) if title else 0.0) + _text_height(text, theme.body, width)
    writer.ensure(max(height, icon))
    top = writer.y
    draw_pictogram(
        writer.canvas, pictogram, writer.x(offset, icon), top - icon + theme.body.size * 0.1, size=icon, colour=colour
    )
    if title:
        writer.paragraph(title, theme.strong, offset=indent)
    if text:
        writer.paragraph(text, theme.body, offset=indent)
    writer.y = min(writer.y, top - icon) - theme.gap * 0.6


def key_dates(writer: PageWriter, context: Context) -> None:
    theme, _ = context.theme, context._
    entries = content.key_dates(context.request.schedule, context.regional, _)
    heading(writer, context, _("Key dates"), keep=theme.body.line_height * 2)
    date_width = writer.width * (0.36 if not theme.large_print else 0.42)
    icon = theme.body.size * 1.5
    text_offset = date_width + icon + 3 * mm
    text_width = writer.width - text_offset
    for entry in entries:
        date_text = content.key_date_when(context.request.schedule, entry.date, context.regional)
        height = max(
            _text_height(date_text, theme.strong, date_width - 3 * mm), _text_height(entry.text, theme.body, text_width)
        )
        writer.ensure(height)
        top = writer.y
        writer.paragraph(date_text, theme.strong, width=date_width - 3 * mm)
        writer.y = top
        draw_pictogram(
            writer.canvas, entry.pictogram, writer.x(date_width, icon), top - icon + 1, size=icon, colour=ACCENT
        )
        writer.paragraph(entry.text, theme.body, offset=text_offset, width=text_width)
        writer.y = top - height - theme.gap * 0.5
        writer.canvas.setStrokeColorRGB(*RULE)
        writer.canvas.setLineWidth(0.5)
        writer.canvas.line(writer.left, writer.y + theme.gap * 0.25, writer.right, writer.y + theme.gap * 0.25)


def phases(writer: PageWriter, context: Context) -> None:
    theme, _, schedule = context.theme, context._, context.request.schedule
    heading(writer, context, _("What to do, step by step"), keep=theme.body.line_height * 4)
    for phase in schedule.protocol.phases:
        colours = phase_colours(schedule, phase.id)
        tile = theme.subheading.size * 2.6
        title_height = theme.subheading.line_height + theme.muted.line_height
        writer.ensure(max(tile, title_height) + theme.body.line_height * 3)
        top = writer.y
        fill_round_rect(writer.canvas, (writer.x(0, tile), top - tile, tile, tile), 4, colours.fill)
        picture = tile * 0.64
        draw_pictogram(
            writer.canvas,
            phase.pictogram,
            writer.x(tile * 0.18, picture),
            top - tile * 0.82,
            size=picture,
            colour=colours.ink,
        )
        indent = tile + 4 * mm
        days = content.phase_days(phase.first_day, phase.last_day, _)
        writer.paragraph(_(phase.title), theme.subheading, offset=indent)
        writer.paragraph(days + " · " + _(phase.summary), theme.muted, offset=indent)
        writer.y = min(writer.y, top - tile) - 2 * mm
        for when in content.phase_dates(schedule, phase.id, context.regional, _):
            item(writer, context, "calendar", title="", text=when, colour=MUTED, offset=indent)
        for text in phase.do:
            item(writer, context, "do", title="", text=_(text), colour=colours.ink, offset=indent)
        for text in phase.avoid:
            item(writer, context, "avoid", title="", text=_(text), colour=ACCENT, offset=indent)
        writer.y -= theme.gap


def before_care(writer: PageWriter, context: Context) -> None:
    theme, _, request = context.theme, context._, context.request
    upcoming = content.next_sessions(request.schedule, context.regional, _)
    title = _("Before your next session") if upcoming else _("Before any further session")
    heading(writer, context, title, keep=theme.body.line_height * 3)
    for line in upcoming:
        writer.paragraph(line, theme.strong)
    if request.hair is None:
        writer.paragraph(_("Buzz cut or keep your length: both are fine. Choose what suits you."), theme.body)
    writer.y -= theme.gap * 0.5
    for entry in content.before_care(request.schedule, request.hair):
        item(writer, context, entry.pictogram, title=_(entry.title), text=_(entry.text))


def long_term(writer: PageWriter, context: Context) -> None:
    _, protocol = context._, context.request.schedule.protocol
    if not protocol.ongoing:
        return
    heading(writer, context, _("Looking after it for years"), keep=context.theme.body.line_height * 3)
    for entry in protocol.ongoing:
        item(writer, context, entry.pictogram, title=_(entry.title), text=_(entry.text))


def qr_codes(writer: PageWriter, context: Context) -> None:
    theme, _, request = context.theme, context._, context.request
    codes = milestone_codes(request, context.name, _)
    if not codes:
        return
    size = (40 if theme.large_print else 32) * mm
    gap = 6 * mm
    columns = 1 if theme.large_print else 2
    column_width = (writer.width - gap * (columns - 1)) / columns
    caption_offset = size + 4 * mm
    caption_width = column_width - caption_offset
    heading(writer, context, _("Put the key dates in your phone"), keep=size + theme.body.line_height * 2)
    writer.paragraph(_("Point your phone's camera at a code. It adds that date to your phone's calendar."), theme.body)
    writer.y -= theme.gap
    for start in range(0, len(codes), columns):
        row = [event for event, _data in codes[start : start + columns]]
        payloads = [data for _event, data in codes[start : start + columns]]
        captions = [(content.key_date_when(request.schedule, e.date, context.regional), e.summary) for e in row]
        height = max(
            size,
            *(
                _text_height(date, theme.strong, caption_width) + _text_height(summary, theme.body, caption_width)
                for date, summary in captions
            ),
        )
        writer.ensure(height)
        top = writer.y
        for column in range(len(row)):
            offset = column * (column_width + gap)
            draw_qr(writer, qr_modules(payloads[column]), writer.x(offset, size), top - size, size)
            writer.y = top - 3 * mm
            date, summary = captions[column]
            writer.paragraph(date, theme.strong, offset=offset + caption_offset, width=caption_width)
            writer.paragraph(summary, theme.body, offset=offset + caption_offset, width=caption_width)
        writer.y = top - height - theme.gap * 0.6


def milestone_codes(request: CalendarRequest, name: str, _: Callable[[str], str]) -> list[tuple[CalendarEvent, bytes]]:
    """Each milestone event with its QR payload (a one-event calendar); the kiosk screen shows the same codes."""
    schedule = request.schedule
    stamp = dt.datetime.combine(schedule.start, dt.time(0), tzinfo=dt.UTC) if request.deterministic else default_stamp()
    key = plan_key(schedule, name)
    return [(event, single_event_ics(event, event.uid(key), stamp)) for event in milestone_events(schedule, _)]


def draw_qr(writer: PageWriter, modules: tuple[int, bytes], x: float, y: float, size: float) -> None:
    """The code as filled rectangles (one per run of dark modules in a row): sharp on any printer.

    Drawn in module units (one unit = one module, y down from the top row) so every number is a small int.
    """
    count, rows = modules
    module = size / (count + 2 * QUIET_ZONE_MODULES)
    left = x + QUIET_ZONE_MODULES * module
    top = y + size - QUIET_ZONE_MODULES * module
    ops = [f"q {module:.4f} 0 0 {-module:.4f} {left:.3f} {top:.3f} cm 0 0 0 rg"]
    for row in range(count):
        start = row * count
        for run in DARK_RUN.finditer(rows, start, start + count):
            ops.append(f"{run.start() - start} {row} {run.end() - run.start()} 1.01 re")
    ops.append("f Q")
    writer.canvas.addLiteral("\n".join(ops))


def contact(writer: PageWriter, context: Context) -> None:
    theme, _, request = context.theme, context._, context.request
    protocol = request.schedule.protocol
    lines = content.contact_lines(request.clinic, _)
    pad = 6 * mm
    inner = writer.width - 2 * pad
    icon = theme.body.size * 1.5
    height = (
        _text_height(_(protocol.contact_title), theme.heading, inner)
        + _text_height(_(protocol.contact_text), theme.body, inner)
        + sum(max(icon, _text_height(line.text, theme.strong, inner - icon - 3 * mm)) + 1.5 * mm for line in lines)
        + 2 * pad
        + 3 * mm
    )
    if writer.y < writer.top:
        writer.y -= theme.gap * 2
    writer.ensure(height)
    top = writer.y
    fill_round_rect(writer.canvas, (writer.left, top - height, writer.width, height), 8, PANEL)
    writer.y = top - pad
    writer.paragraph(_(protocol.contact_title), theme.heading, offset=pad, width=inner)
    writer.paragraph(_(protocol.contact_text), theme.body, offset=pad, width=inner)
    writer.y -= 3 * mm
    for line in lines:
        row_top = writer.y
        draw_pictogram(writer.canvas, line.pictogram, writer.x(pad, icon), row_top - icon + 1, size=icon, colour=ACCENT)
        writer.paragraph(line.text, theme.strong, offset=pad + icon + 3 * mm, width=inner - icon - 3 * mm)
        writer.y = min(writer.y, row_top - icon) - 1.5 * mm
    writer.y = top - height
