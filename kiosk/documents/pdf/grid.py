"""Month grids: every day of the plan filled with its phase colour and pictogram, and the legend.

Colour is never the only signal: each phase also has its own pictogram and a clearly different lightness
(the strictest one hatched too), session days get a ring with the number in it, key dates a thick border.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from babel.dates import get_day_names
from msgspec import Struct

from kiosk.core.schedule import Schedule
from kiosk.documents.pdf.context import Context
from kiosk.documents.pdf.glyphs import draw_line
from kiosk.documents.pdf.layout import (
    ACCENT,
    MUTED,
    PHASE_COLOURS,
    WHITE,
    PageWriter,
    PhaseColours,
    Theme,
    rgb,
    round_rect_path,
    stroke_round_rect,
)
from kiosk.documents.pdf.pictograms import draw_pictogram
from kiosk.documents.pdf.regional import Regional
from kiosk.documents.pdf.text import Colour, Style, layout_line, measure
from kiosk.i18n.catalog import translate

BEFORE_CARE_EVENING = "before-care-evening"  # the key date of the evening before a later session
OUTSIDE = rgb("#94A3B8")  # day numbers of days outside the plan
GUTTER = 1.6  # white space between cells, points


class CellBox(Struct, frozen=True):
    """Where a day's cell landed on which page (the tests sample its colour)."""

    date: dt.date
    page: int
    x: float
    y: float
    width: float
    height: float


def months_of(schedule: Schedule) -> list[dt.date]:
    months = []
    month = schedule.start.replace(day=1)
    while month <= schedule.end:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def phase_colours(schedule: Schedule, phase_id: str) -> PhaseColours:
    index = [phase.id for phase in schedule.protocol.phases].index(phase_id)
    return PHASE_COLOURS[min(index, len(PHASE_COLOURS) - 1)]


def visible_weeks(month: dt.date, schedule: Schedule, first_weekday: int) -> range:
    """The rows of a month that hold days of the plan: weeks before or after the plan are left out."""
    lead = (month.weekday() - first_weekday) % 7
    month_end = (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    first = max(month, schedule.start)
    last = min(month_end, schedule.end)
    return range((lead + first.day - 1) // 7, (lead + last.day - 1) // 7 + 1)


CELL_SCALES = (2.75, 2.55, 2.35)  # cell height / day-number size: roomy first, tighter to keep page 1 whole


def cell_height(theme: Theme, scale: float) -> float:
    return theme.day.size * scale


def month_height(month: dt.date, context: Context) -> float:
    weeks = len(visible_weeks(month, context.request.schedule, context.regional.first_weekday))
    theme = context.theme
    return theme.month.line_height + theme.muted.line_height + weeks * cell_height(theme, context.cell_scale)


def month_alt(month: dt.date, context: Context) -> str:
    """What a screen reader says for a month grid: the month, then each phase with its days in that month."""
    schedule, regional, _ = context.request.schedule, context.regional, context._
    month_end = (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    parts = [regional.month_title(month)]
    for span in schedule.spans():
        first, last = max(span.first.date, month), min(span.last.date, month_end)
        if first > last:
            continue
        when = regional.short_date(first)
        if first != last:
            when = translate(_, "{first} to {last}", first=when, last=regional.short_date(last))
        parts.append(_(schedule.protocol.phase(span.phase).title) + ": " + when)
    return ". ".join(parts) + "."


def _weekday_names(regional: Regional, style: Style, cell_width: float) -> list[str]:
    """The longest weekday names that fit a cell: abbreviated, else short, else narrow."""
    order = [day for day, _ in regional.week_header()]
    for width in ("abbreviated", "short", "narrow"):
        names = get_day_names(width, context="stand-alone", locale=regional.locale)
        chosen = [str(names[day]) for day in order]
        if all(measure(name, style.size, style.bold) <= cell_width - 6 for name in chosen):
            return chosen
    return chosen


def draw_month(writer: PageWriter, month: dt.date, context: Context, *, offset: float, width: float) -> list[CellBox]:
    """Draw one month with its top at writer.y inside [offset, offset + width]; the writer's y is kept."""
    schedule, regional, theme = context.request.schedule, context.regional, context.theme
    canvas = writer.canvas
    cell_w = width / 7
    cell_h = cell_height(theme, context.cell_scale)
    top = writer.y
    title = layout_line(regional.month_title(month), theme.month, writer.direction)
    writer.place_line(title, theme.month, offset=offset, width=width, baseline=top - theme.month.size)
    header_base = top - theme.month.line_height - theme.muted.size
    for column, name in enumerate(_weekday_names(regional, theme.muted, cell_w)):
        line = layout_line(name, theme.muted, writer.direction)
        writer.place_line(
            line, theme.muted, offset=offset + column * cell_w, width=cell_w, baseline=header_base, align="center"
        )
    grid_top = top - theme.month.line_height - theme.muted.line_height
    sessions = {date: number for number, date in schedule.numbered_sessions()}
    milestones: dict[dt.date, str] = {}
    for planned in schedule.milestones:
        milestones.setdefault(planned.date, planned.id)
    for evening in schedule.reminders:  # the before-care evening is a key date too (it has its QR code)
        milestones.setdefault(evening, BEFORE_CARE_EVENING)
    pictograms = {m.id: m.pictogram for m in schedule.protocol.milestones}
    pictograms[BEFORE_CARE_EVENING] = "moisturiser"
    boxes = []
    date = month
    lead = (month.weekday() - regional.first_weekday) % 7
    weeks = visible_weeks(month, schedule, regional.first_weekday)
    while date.month == month.month:
        index = lead + date.day - 1
        if index // 7 not in weeks:
            date += dt.timedelta(days=1)
            continue
        x = writer.x(offset + (index % 7) * cell_w, cell_w) + GUTTER / 2
        y = grid_top - (index // 7 - weeks.start + 1) * cell_h + GUTTER / 2
        w, h = cell_w - GUTTER, cell_h - GUTTER
        boxes.append(CellBox(date, writer.page_number, x, y, w, h))
        plan_day = schedule.day_for(date)
        if plan_day is None:
            _day_number(writer, date, (x, y, w, h), style=theme.day, ink=OUTSIDE, session=None)
        else:
            phase = schedule.protocol.phase(plan_day.phase)
            colours = phase_colours(schedule, phase.id)
            _fill_cell(canvas, x, y, w, h, colours=colours)
            milestone = milestones.get(date)
            if milestone is not None:
                stroke_round_rect(canvas, (x + 0.9, y + 0.9, w - 1.8, h - 1.8), 3, ACCENT, 1.8)
            picture = pictograms.get(milestone or "", phase.pictogram)
            size = min(h * 0.5, w * 0.46)
            end_x = x + 3 if writer.rtl else x + w - size - 3
            if colours.hatched:  # a calm disc behind the pictogram keeps it readable on the lines
                canvas.setFillColorRGB(*_towards_white(colours.fill, 0.6))
                canvas.circle(end_x + size / 2, y + 3 + size / 2, size * 0.62, stroke=0, fill=1)
            draw_pictogram(canvas, picture, end_x, y + 3, size=size, colour=colours.ink)
            _day_number(writer, date, (x, y, w, h), style=theme.day, ink=colours.ink, session=sessions.get(date))
        date += dt.timedelta(days=1)
    return boxes


def _fill_cell(canvas: Any, x: float, y: float, w: float, h: float, *, colours: PhaseColours) -> None:
    canvas.addLiteral(f"q 1 0 0 1 {x:.2f} {y:.2f} cm {_cell_drawing(round(w, 2), round(h, 2), colours)} Q")


@lru_cache(maxsize=64)
def _cell_drawing(w: float, h: float, colours: PhaseColours) -> str:
    """A day cell drawn at the origin: the same few cells fill every grid, so they are written once and
    moved into place (the repeated bytes also deflate to almost nothing)."""
    path = round_rect_path(0, 0, w, h, 3)
    red, green, blue = colours.fill
    ops = [f"{red:.3f} {green:.3f} {blue:.3f} rg {path} f"]
    if colours.hatched:  # lighter diagonal lines, clipped to the cell
        light = _towards_white(colours.fill, 0.45)
        ops.append(f"{path} W n {light[0]:.3f} {light[1]:.3f} {light[2]:.3f} RG 1.3 w")
        step = 6.0
        start = -h
        while start < w:
            ops.append(f"{start:.2f} 0 m {start + h:.2f} {h:.2f} l")
            start += step
        ops.append("S")
    return " ".join(ops)


def _towards_white(colour: Colour, share: float) -> Colour:
    red, green, blue = colour
    return (red + (1 - red) * share, green + (1 - green) * share, blue + (1 - blue) * share)


def _day_number(
    writer: PageWriter,
    date: dt.date,
    box: tuple[float, float, float, float],
    *,
    style: Style,
    ink: Colour,
    session: int | None,
) -> None:
    x, y, w, h = box
    text = str(date.day)
    colour = WHITE if session is not None else ink
    number_style = Style(style.size, bold=session is not None, colour=colour)
    line = layout_line(text, number_style, "ltr")
    pad = 3.0
    base = y + h - pad - style.size * 0.82
    if session is not None:
        radius = style.size * 0.78
        cx = x + w - pad - radius if writer.rtl else x + pad + radius
        writer.canvas.setFillColorRGB(*ACCENT)
        writer.canvas.circle(cx, base + style.size * 0.36, radius, stroke=0, fill=1)
        left = cx - line.width / 2
    else:
        left = x + w - pad - line.width if writer.rtl else x + pad
    draw_line(writer.canvas, line, left, base, number_style)


LegendEntry = tuple[Callable[[PageWriter, float, float, float], None], str, str]


def legend_entries(schedule: Schedule, _: Callable[[str], str], *, summaries: bool = True) -> list[LegendEntry]:
    """(swatch painter, title, detail) for every phase, the session ring and the key-date border."""
    protocol = schedule.protocol
    entries: list[LegendEntry] = []
    for phase in protocol.phases:
        colours = phase_colours(schedule, phase.id)
        if phase.last_day is None:
            days = translate(_, "From day {first}", first=phase.first_day)
        else:
            days = translate(_, "Days {first} to {last}", first=phase.first_day, last=phase.last_day)

        def paint(
            writer: PageWriter, x: float, y: float, size: float, *, c: PhaseColours = colours, p: str = phase.pictogram
        ) -> None:
            _fill_cell(writer.canvas, x, y, size, size, colours=c)
            draw_pictogram(writer.canvas, p, x + size * 0.2, y + size * 0.2, size=size * 0.6, colour=c.ink)

        entries.append((paint, _(phase.title), days + " · " + _(phase.summary) if summaries else days))

    def session(writer: PageWriter, x: float, y: float, size: float) -> None:
        writer.canvas.setFillColorRGB(*ACCENT)
        writer.canvas.circle(x + size / 2, y + size / 2, size * 0.42, stroke=0, fill=1)

    def key_date(writer: PageWriter, x: float, y: float, size: float) -> None:
        stroke_round_rect(writer.canvas, (x + 0.9, y + 0.9, size - 1.8, size - 1.8), 3, ACCENT, 1.8)

    entries.append((session, _("Session day"), _("The number is in a dark circle.")))
    entries.append((key_date, _("Key date"), _("A dark frame. See the list of key dates.")))
    for milestone in protocol.milestones:

        def sun(writer: PageWriter, x: float, y: float, size: float, *, p: str = milestone.pictogram) -> None:
            draw_pictogram(writer.canvas, p, x + size * 0.12, y + size * 0.12, size=size * 0.76, colour=MUTED)

        entries.append((sun, _(milestone.title), translate(_, "Day {day} after your final session", day=milestone.day)))
    return entries
