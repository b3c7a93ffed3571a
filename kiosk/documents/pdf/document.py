"""The calendar document: page 1 (header, month grids, legend), then the plain-words pages (sections.py)."""

from __future__ import annotations

import datetime as dt
import io
import threading

import msgspec
from msgspec import Struct, field
from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kiosk.core.names import name_problem
from kiosk.documents.ics import CalendarEvent
from kiosk.documents.pdf import metadata, sections
from kiosk.documents.pdf.compact import object_streams
from kiosk.documents.pdf.content import day_one_note, session_lines
from kiosk.documents.pdf.context import Context
from kiosk.documents.pdf.fonts import font
from kiosk.documents.pdf.grid import (
    CELL_SCALES,
    CellBox,
    LegendEntry,
    draw_month,
    legend_entries,
    month_alt,
    month_height,
    months_of,
)
from kiosk.documents.pdf.keydates import key_date_codes
from kiosk.documents.pdf.layout import PAPER_SIZES, PageWriter, make_theme
from kiosk.documents.pdf.logo import logo_image
from kiosk.documents.pdf.metadata import pdf_lang, script_language
from kiosk.documents.pdf.regional import regional
from kiosk.documents.pdf.request import CalendarRequest, default_paper
from kiosk.documents.pdf.streams import quick_page_streams
from kiosk.documents.pdf.text import Style, clean, isolate_ltr, layout_line, wrap
from kiosk.errors import UserError
from kiosk.i18n.catalog import remembered_gettext, translate, translations

FIXED_DATE = "D:20000101000000+00'00'"  # deterministic mode: the same bytes for the same request
NAME_MIN_SHRINK = 0.7  # a long name shrinks to 70 % of its size before it wraps
LONG_PLAN_DAYS = 300
# Binary streams as they are (zlib), not also ASCII85-encoded: a quarter smaller, and ReportLab's ASCII85
# encoder is pure Python (a third of the time of a whole calendar).
rl_config.useA85 = 0
_RENDER_LOCK = threading.Lock()


class Rendered(Struct):
    """The PDF and where each day's cell is (tests check the grid's colours against the schedule)."""

    pdf: bytes
    cells: list[CellBox] = field(default_factory=list)
    pages: int = 0


def build_calendar_pdf(request: CalendarRequest) -> bytes:
    """The whole calendar as PDF bytes; raises UserError on bad input. Safe to call from any thread."""
    return render(request).pdf


def calendar_codes(request: CalendarRequest) -> list[tuple[CalendarEvent, bytes]]:
    """The key dates' QR payloads exactly as the PDF prints them (same events, UIDs, name and language)."""
    return key_date_codes(request, clean(request.name), translations(request.language).gettext)


def render(request: CalendarRequest) -> Rendered:
    """The calendar and where its day cells are. One at a time: the fonts' shaping caches are shared."""
    with _RENDER_LOCK:
        return _render(request)


def _render(request: CalendarRequest) -> Rendered:
    _ = remembered_gettext(translations(request.language))
    name = clean(request.name)
    if not name:
        raise UserError(_("The name is empty: please type the client's name."))
    if problem := name_problem(name):  # only joiners, fillers or a lone skin tone: the kiosk's own words for it
        raise UserError(_(problem))
    paper = request.paper or default_paper(request.language, request.clinic.region)
    if paper not in PAPER_SIZES:
        raise UserError(translate(_, "Paper size '{paper}' is not known: use a4 or letter.", paper=paper))
    local = regional(request.language, request.clinic.region)  # en in a GB clinic: en_GB dates
    if (request.schedule.end - request.schedule.start).days > LONG_PLAN_DAYS:  # the same month twice: say the year
        local = msgspec.structs.replace(local, with_year=True)
    context = Context(request, name, make_theme(request.large_print), local, _)
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=PAPER_SIZES[paper],
        invariant=1 if request.deterministic else 0,
        initialFontName=font("NotoSans").name,  # no unused Helvetica in the file
    )
    if request.deterministic:
        canvas._doc.info.creationDate = FIXED_DATE
        canvas._doc.info.modDate = FIXED_DATE
    title = _("Aftercare calendar") + " – " + name
    canvas.setTitle(title)
    canvas.setAuthor(request.clinic.name)
    canvas.setSubject(_(request.schedule.protocol.name))
    canvas.setCreator("SMP Kiosk")
    quick_page_streams(canvas._doc)
    writer = PageWriter(canvas, PAPER_SIZES[paper], context.regional.rtl, lambda w: _footer(w, context))
    metadata.prepare(canvas, writer.tags, title=title, author=request.clinic.name, lang=pdf_lang(request.language))
    writer.footer_height = context.theme.muted.line_height + 2.5 * mm
    rendered = Rendered(b"")
    _header(writer, context)
    context = _fit_page_one(writer, context)
    rendered.cells = _grids(writer, context)
    _legend(writer, context)
    if context.contact_on_page_one:
        sections.contact(writer, context)
    sections.write_all(writer, context)
    writer.finish()
    writer.tags.install(canvas._doc)
    canvas.save()
    del canvas._doc.addPage  # the page hooks (metadata, streams) hold the document: leave no cycle behind
    rendered.pdf = object_streams(buffer.getvalue(), writer.tags.objects)
    rendered.pages = writer.page_number
    return rendered


def _footer(writer: PageWriter, context: Context) -> None:
    style = context.theme.muted
    clinic = context.request.clinic
    text = " · ".join(part for part in (clinic.name, isolate_ltr(clinic.phone)) if part)
    baseline = writer.bottom - writer.footer_height + style.size * 0.3
    page = layout_line(translate(context._, "Page {number}", number=writer.page_number), style, writer.direction)
    available = writer.width - page.width - 12
    lines = wrap(text, style, available)
    if lines:
        writer.place_line(
            layout_line(lines[0], style, writer.direction), style, offset=0, width=available, baseline=baseline
        )
    writer.place_line(page, style, offset=0, width=writer.width, baseline=baseline, align="end")


def _header(writer: PageWriter, context: Context) -> None:
    theme, _, clinic = context.theme, context._, context.request.clinic
    logo_size = 16 * mm if not theme.large_print else 20 * mm
    text_offset = 0.0
    if clinic.logo is not None:
        with writer.tags.content("Figure", alt=clinic.name):
            writer.canvas.drawImage(
                logo_image(clinic.logo),
                writer.x(0, logo_size),
                writer.y - logo_size,
                logo_size,
                logo_size,
                preserveAspectRatio=True,
            )
        text_offset = logo_size + 4 * mm
    top = writer.y
    writer.y -= (logo_size - theme.subheading.line_height - theme.muted.line_height) / 2
    writer.paragraph(clinic.name, theme.subheading, offset=text_offset)
    details = " · ".join(isolate_ltr(part) for part in (clinic.phone, clinic.website) if part)
    if details:
        writer.paragraph(details, theme.muted, offset=text_offset)
    writer.y = min(writer.y, top - logo_size) - 3 * mm
    writer.rule()
    writer.y -= 5 * mm
    writer.paragraph(_("Your aftercare calendar"), theme.title, role="H1")
    writer.y -= 1 * mm
    name_lang = script_language(context.name, context.request.language)
    writer.paragraph(context.name, _name_style(context.name, theme.name, writer.width), lang=name_lang)
    writer.y -= 1.5 * mm
    for line in session_lines(context.request.schedule, context.regional, _):
        writer.paragraph(line, theme.strong)
    writer.paragraph(day_one_note(context.request.schedule, _), theme.body)
    writer.y -= 4 * mm


def _name_style(name: str, style: Style, width: float) -> Style:
    """Shrink a long name (down to 70 %) so it fits on one line; longer ones then wrap."""
    size = style.size
    while len(wrap(name, Style(size, style.bold), width)) > 1 and size > style.size * NAME_MIN_SHRINK:
        size -= 1
    return Style(size, style.bold, style.colour, style.leading)


GRID_GAP: float = 8 * mm
LEGEND_GAP: float = 5 * mm


def _month_rows(context: Context) -> list[list[dt.date]]:
    months = months_of(context.request.schedule)
    columns = 1 if context.theme.large_print else 2
    return [months[start : start + columns] for start in range(0, len(months), columns)]


def _grids_height(context: Context) -> float:
    gaps: float = 4 * mm * len(_month_rows(context))
    return gaps + sum(max(month_height(month, context) for month in row) for row in _month_rows(context))


def _fit_page_one(writer: PageWriter, context: Context) -> Context:
    """Page 1 is the calendar: tighten the grid, then drop the legend's summaries, until grids and legend fit;
    the clinic's contact panel joins them when it fits too (the plain-words pages then need one page less)."""
    if context.theme.large_print:
        return context  # large print flows over as many pages as it needs
    # each part's height depends on one choice only: measured once per choice, then tried in order
    grids = {scale: _grids_height(msgspec.structs.replace(context, cell_scale=scale)) for scale in CELL_SCALES}
    legends = {
        summaries: sum(h for _, h in _legend_rows(writer, msgspec.structs.replace(context, legend_summaries=summaries)))
        for summaries in (True, False)
    }
    contact_height = sections.contact_height(context, writer.width) + context.theme.gap
    choices = [
        (contact, summaries, scale) for contact in (True, False) for summaries in (True, False) for scale in CELL_SCALES
    ]
    for contact, summaries, scale in choices:
        height = grids[scale] + legends[summaries]
        if contact:
            height += contact_height
        if height <= writer.room():
            break  # else the last choice, the tightest
    return msgspec.structs.replace(context, cell_scale=scale, legend_summaries=summaries, contact_on_page_one=contact)


def _grids(writer: PageWriter, context: Context) -> list[CellBox]:
    columns = 1 if context.theme.large_print else 2
    width = (writer.width - GRID_GAP * (columns - 1)) / columns
    cells: list[CellBox] = []
    for row in _month_rows(context):
        height = max(month_height(month, context) for month in row)
        writer.ensure(height)
        for column, month in enumerate(row):
            with writer.tags.content("Figure", alt=month_alt(month, context)):
                cells += draw_month(writer, month, context, offset=column * (width + GRID_GAP), width=width)
        writer.y -= height + 4 * mm
    return cells


def _legend_layout(writer: PageWriter, context: Context) -> tuple[int, float, float, float]:
    """(columns, column width, swatch size, text width) of the legend."""
    columns = 1 if context.theme.large_print else 3
    column_width = (writer.width - LEGEND_GAP * (columns - 1)) / columns
    swatch = context.theme.body.size * 2.2
    return columns, column_width, swatch, column_width - swatch - 3 * mm


def _legend_rows(writer: PageWriter, context: Context) -> list[tuple[list[LegendEntry], float]]:
    theme = context.theme
    entries = legend_entries(context.request.schedule, context._, summaries=context.legend_summaries)
    columns, _width, swatch, text_width = _legend_layout(writer, context)
    rows = []
    for start in range(0, len(entries), columns):
        row = entries[start : start + columns]
        heights = [
            len(wrap(title, theme.strong, text_width)) * theme.strong.line_height
            + len(wrap(detail, theme.muted, text_width)) * theme.muted.line_height
            for _, title, detail in row
        ]
        rows.append((row, max([*heights, swatch]) + 2.5 * mm))
    return rows


def _legend(writer: PageWriter, context: Context) -> None:
    theme = context.theme
    rows = _legend_rows(writer, context)
    _columns, column_width, swatch, text_width = _legend_layout(writer, context)
    total = sum(height for _, height in rows)
    if total <= writer.top - writer.bottom:
        writer.ensure(total)  # the legend stays in one piece
    with writer.tags.group("L"):
        for row, height in rows:
            writer.ensure(height)
            top = writer.y
            for column, (paint, title, detail) in enumerate(row):
                offset = column * (column_width + LEGEND_GAP)
                with writer.tags.group("LI"):
                    paint(writer, writer.x(offset, swatch), top - swatch, swatch)  # an artifact: the words say it
                    writer.y = top
                    with writer.tags.content("LBody"):
                        writer.paragraph(
                            title, theme.strong, offset=offset + swatch + 3 * mm, width=text_width, role=None
                        )
                        writer.paragraph(
                            detail, theme.muted, offset=offset + swatch + 3 * mm, width=text_width, role=None
                        )
            writer.y = top - height
