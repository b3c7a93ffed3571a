"""The plain-words pages: key dates, each phase's do and avoid, before-care, long-term care, QR codes, contact."""

from __future__ import annotations

from msgspec import Struct
from reportlab.lib.units import mm

from kiosk.documents.pdf import content
from kiosk.documents.pdf.context import Context
from kiosk.documents.pdf.grid import phase_colours
from kiosk.documents.pdf.keydates import write_key_dates
from kiosk.documents.pdf.layout import ACCENT, MUTED, PANEL, PageWriter, fill_round_rect
from kiosk.documents.pdf.pictograms import draw_pictogram, pictogram_alt
from kiosk.documents.pdf.text import Colour, Style, wrap


def write_all(writer: PageWriter, context: Context) -> None:
    if writer.page_number == 1:  # page 1 is the calendar alone
        writer.new_page()
    writer.set_columns(1 if context.theme.large_print else 2)
    write_key_dates(writer, context, heading)
    phases(writer, context)
    before_care(writer, context)
    long_term(writer, context)
    if not context.contact_on_page_one:
        contact(writer, context)


def heading(writer: PageWriter, context: Context, text: str, *, keep: float = 0.0, role: str = "H2") -> None:
    """A section title kept together with the first `keep` points of what follows it."""
    theme = context.theme
    if writer.y < writer.top:
        writer.y -= theme.gap
    lines = wrap(text, theme.heading, writer.width)
    writer.ensure(len(lines) * theme.heading.line_height + 3 * mm + keep)
    writer.paragraph(text, theme.heading, role=role)
    writer.y -= 1 * mm
    writer.rule()
    writer.y -= 3 * mm


def _text_height(text: str, style: Style, width: float) -> float:
    return len(wrap(text, style, width)) * style.line_height


class Item(Struct, frozen=True):
    """A pictogram at the start edge with a bold title and its text beside it."""

    pictogram: str
    title: str
    text: str
    colour: Colour = ACCENT


def _icon(context: Context) -> float:
    return context.theme.body.size * 1.6


def item_height(context: Context, entry: Item, width: float) -> float:
    theme = context.theme
    text_width = width - _icon(context) - 3.5 * mm
    height = _text_height(entry.title, theme.strong, text_width) if entry.title else 0.0
    return max(height + _text_height(entry.text, theme.body, text_width), _icon(context)) + theme.gap * 0.3


def item(writer: PageWriter, context: Context, entry: Item, *, offset: float = 0.0, width: float | None = None) -> None:
    """One list item in the box [offset, offset + width] from the start edge; never split across pages."""
    theme, tags = context.theme, writer.tags
    width = writer.width - offset if width is None else width
    icon = _icon(context)
    indent = offset + icon + 3.5 * mm
    writer.ensure(item_height(context, entry, width) - theme.gap * 0.3)
    top = writer.y
    with tags.group("LI"):
        with tags.group("Lbl"), tags.content("Figure", alt=pictogram_alt(entry.pictogram, context._)):
            x = writer.x(offset, icon)
            y = top - icon + theme.body.size * 0.1
            draw_pictogram(writer.canvas, entry.pictogram, x, y, size=icon, colour=entry.colour)
        with tags.content("LBody"):
            if entry.title:
                writer.paragraph(entry.title, theme.strong, offset=indent, width=width - indent + offset, role=None)
            if entry.text:
                writer.paragraph(entry.text, theme.body, offset=indent, width=width - indent + offset, role=None)
    writer.y = min(writer.y, top - icon) - theme.gap * 0.3


def item_list(writer: PageWriter, context: Context, entries: list[Item], *, offset: float = 0.0) -> None:
    with writer.tags.group("L"):
        for entry in entries:
            item(writer, context, entry, offset=offset)


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
        indent = tile + 4 * mm
        days = content.phase_days(phase.first_day, phase.last_day, _)
        writer.paragraph(_(phase.title), theme.subheading, offset=indent, role="H3")
        with writer.tags.content("Figure", alt=pictogram_alt(phase.pictogram, _)):
            x = writer.x(tile * 0.18, picture)
            draw_pictogram(writer.canvas, phase.pictogram, x, top - tile * 0.82, size=picture, colour=colours.ink)
        writer.paragraph(days + " · " + _(phase.summary), theme.muted, offset=indent)
        writer.y = min(writer.y, top - tile) - 2 * mm
        when = " · ".join(content.phase_dates(schedule, phase.id, context.regional, _))
        # the lists' pictograms line up under the phase's tile: their words get the width beside it
        lists = (tile - _icon(context)) / 2
        with writer.tags.group("L"):
            item(writer, context, Item("calendar", "", when, MUTED), offset=lists)
        do = [Item("do", "", _(text), colours.ink) for text in phase.do]
        avoid = [Item("avoid", "", _(text), ACCENT) for text in phase.avoid]
        item_list(writer, context, do, offset=lists)
        item_list(writer, context, avoid, offset=lists)
        writer.y -= theme.gap * 0.3


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
    steps = content.before_care(request.schedule, request.hair)
    item_list(writer, context, [Item(step.pictogram, _(step.title), _(step.text)) for step in steps])


def long_term(writer: PageWriter, context: Context) -> None:
    _, protocol = context._, context.request.schedule.protocol
    if not protocol.ongoing:
        return
    heading(writer, context, _("Looking after it for years"), keep=context.theme.body.line_height * 3)
    item_list(writer, context, [Item(entry.pictogram, _(entry.title), _(entry.text)) for entry in protocol.ongoing])


def contact_height(context: Context, width: float) -> float:
    theme, _, request = context.theme, context._, context.request
    protocol = request.schedule.protocol
    inner = width - 2 * CONTACT_PAD
    icon = theme.body.size * 1.5
    lines = content.contact_lines(request.clinic, _)
    height: float = (
        _text_height(_(protocol.contact_title), theme.heading, inner)
        + _text_height(_(protocol.contact_text), theme.body, inner)
        + sum(max(icon, _text_height(line.text, theme.strong, inner - icon - 3 * mm)) + 1.5 * mm for line in lines)
        + 2 * CONTACT_PAD
        + 3 * mm
    )
    return height


CONTACT_PAD = 4.5 * mm


def contact(writer: PageWriter, context: Context) -> None:
    """The clinic's contact details in a panel, kept in one piece."""
    theme, _, request = context.theme, context._, context.request
    protocol = request.schedule.protocol
    lines = content.contact_lines(request.clinic, _)
    pad = CONTACT_PAD
    inner = writer.width - 2 * pad
    icon = theme.body.size * 1.5
    height = contact_height(context, writer.width)
    if writer.y < writer.top:
        writer.y -= theme.gap
    writer.ensure(height)
    top = writer.y
    fill_round_rect(writer.canvas, (writer.left, top - height, writer.width, height), 8, PANEL)
    writer.y = top - pad
    writer.paragraph(_(protocol.contact_title), theme.heading, offset=pad, width=inner, role="H2")
    writer.paragraph(_(protocol.contact_text), theme.body, offset=pad, width=inner)
    writer.y -= 3 * mm
    tags = writer.tags
    with tags.group("L"):
        for line in lines:
            row_top = writer.y
            with tags.group("LI"):
                with tags.group("Lbl"), tags.content("Figure", alt=pictogram_alt(line.pictogram, _)):
                    x = writer.x(pad, icon)
                    draw_pictogram(writer.canvas, line.pictogram, x, row_top - icon + 1, size=icon, colour=ACCENT)
                with tags.content("LBody"):
                    text_width = inner - icon - 3 * mm
                    writer.paragraph(line.text, theme.strong, offset=pad + icon + 3 * mm, width=text_width, role=None)
            writer.y = min(writer.y, row_top - icon) - 1.5 * mm
    writer.y = top - height
