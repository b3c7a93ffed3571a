"""The calendar rendered to images: the grid's colours against the engine, margins, QR codes that decode."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable

import pytest
import zxingcpp
from icalendar import Calendar
from PIL import Image

from kiosk.core.schedule import Schedule, build_schedule
from kiosk.documents.ics import milestone_events, plan_to_ics
from kiosk.documents.pdf import CalendarRequest
from kiosk.documents.pdf.document import render
from kiosk.documents.pdf.grid import phase_colours
from kiosk.documents.pdf.layout import PHASE_COLOURS
from kiosk.i18n import translations

Make = Callable[..., CalendarRequest]
Images = Callable[..., list[Image.Image]]
MM = 72 / 25.4
WHITE = (255, 255, 255)


def to_rgb255(colour: tuple[float, float, float]) -> tuple[int, int, int]:
    return (round(colour[0] * 255), round(colour[1] * 255), round(colour[2] * 255))


def dominant_colour(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[int, int, int]:
    pixels: list[tuple[int, int, int]] = list(image.crop(box).get_flattened_data())  # type: ignore[arg-type]
    return Counter(pixels).most_common(1)[0][0]


def close(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_each_day_cell_has_the_colour_of_its_phase(
    make_request: Make, schedule: Schedule, images_of: Images, language: str
) -> None:
    dpi = 100
    rendered = render(make_request(language=language))
    images = images_of(rendered.pdf, dpi)
    scale = dpi / 72
    seen: set[dt.date] = set()
    for cell in rendered.cells:
        image = images[cell.page - 1]
        # the lower corner on the start side: away from the day number (top, start) and the pictogram (end)
        start = cell.x + cell.width * (0.6 if language == "ar" else 0.08)
        bottom = image.height - (cell.y + cell.height * 0.08) * scale
        box = (
            round(start * scale),
            round(bottom - cell.height * 0.22 * scale),
            round((start + cell.width * 0.32) * scale),
            round(bottom),
        )
        colour = dominant_colour(image, box)
        day = schedule.day_for(cell.date)
        expected = WHITE if day is None else to_rgb255(phase_colours(schedule, day.phase).fill)
        assert close(colour, expected), (cell.date, colour, expected)
        if day is not None:
            seen.add(cell.date)
    assert seen == {day.date for day in schedule.days}  # every day of the plan is in a grid


def test_rtl_grids_are_mirrored(make_request: Make) -> None:
    ltr = {cell.date: cell for cell in render(make_request(language="en", paper="a4")).cells}
    rtl = {cell.date: cell for cell in render(make_request(language="he", paper="a4")).cells}
    sunday, monday = dt.date(2026, 11, 29), dt.date(2026, 11, 30)
    assert ltr[sunday].x < ltr[monday].x  # en: Sunday first, on the left
    assert rtl[sunday].x > rtl[monday].x  # he: Sunday first, on the right


def test_phase_fills_differ_clearly_in_greyscale(schedule: Schedule) -> None:
    def lightness(colour: tuple[float, float, float]) -> float:
        return 0.2126 * colour[0] + 0.7152 * colour[1] + 0.0722 * colour[2]

    values = sorted(lightness(phase_colours(schedule, p.id).fill) for p in schedule.protocol.phases)
    assert all(b - a >= 0.08 for a, b in itertools.pairwise(values))
    assert len({colours.fill for colours in PHASE_COLOURS}) == len(PHASE_COLOURS)


MARGIN_CASES = [
    {"language": "en"},
    {"language": "ar", "name": "سارة"},
    {"large_print": True},
    {"paper": "letter"},
    {"name": "Bartholomew " * 18},
    {"name": "X" * 200, "language": "he"},
]


@pytest.mark.parametrize("changes", MARGIN_CASES, ids=lambda c: "-".join(str(v)[:12] for v in c.values()))
def test_nothing_is_drawn_in_the_10_mm_margins(
    make_request: Make, images_of: Images, changes: dict[str, object]
) -> None:
    dpi = 60
    margin = round(10 * MM * dpi / 72)
    for index, image in enumerate(images_of(render(make_request(**changes)).pdf, dpi)):
        width, height = image.size
        grey = image.convert("L")
        for box in (
            (0, 0, width, margin),
            (0, height - margin, width, height),
            (0, 0, margin, height),
            (width - margin, 0, width, height),
        ):
            darkest, _ = grey.crop(box).getextrema()
            assert isinstance(darkest, int)
            assert darkest >= 250, (index + 1, box)


def decode_events(image: Image.Image) -> list[tuple[dt.date, str]]:
    found = []
    for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)):
        calendar = Calendar.from_ical(barcode.bytes)
        (event,) = calendar.walk("VEVENT")
        found.append((event.decoded("dtstart"), str(event.get("summary"))))
    return found


@pytest.mark.parametrize("changes", [{}, {"large_print": True}, {"language": "ar", "paper": "letter"}])
def test_every_milestone_has_a_qr_code_that_decodes_from_a_200_dpi_render(
    make_request: Make, schedule: Schedule, images_of: Images, changes: dict[str, object]
) -> None:
    request = make_request(**changes)
    decoded = sorted(event for image in images_of(render(request).pdf, 200) for event in decode_events(image))
    events = milestone_events(schedule, translations(request.language).gettext)
    expected = sorted((event.date, event.summary) for event in events)
    assert [date for date, _ in decoded] == [date for date, _ in expected]
    for (_, summary), (_, full) in zip(decoded, expected, strict=True):
        # single_event_ics shortens a long summary (Arabic takes two bytes a letter) to keep codes small
        assert summary == full or (summary.endswith("…") and full.startswith(summary[:-1].rstrip()))
    assert len(expected) == len(schedule.milestones) == 8  # 5 aftercare, the touch-up window's 2, the refresh


def test_a_single_session_has_six_qr_codes(make_request: Make, schedule: Schedule, images_of: Images) -> None:
    single = build_schedule([dt.date(2026, 11, 27)], schedule.protocol, dt.date(2026, 11, 24))
    images = images_of(render(make_request(schedule=single)).pdf, 200)
    decoded = [event for image in images for event in decode_events(image)]
    assert sorted(decoded) == [
        (dt.date(2026, 11, 30), "First light shower, no shampoo"),
        (dt.date(2026, 12, 3), "Back to normal: shower, shampoo and gym"),
        (dt.date(2026, 12, 17), "Your touch-up can be done from today"),  # day 21
        (dt.date(2026, 12, 26), "Saunas, pools and fake tan are fine"),
        (dt.date(2027, 2, 24), "Last day for your touch-up"),  # day 90
        (dt.date(2028, 11, 27), "Time for a refresh session"),  # two years on
    ]


def test_qr_events_have_the_same_uids_as_the_ics_file(
    make_request: Make, schedule: Schedule, images_of: Images
) -> None:
    """Scanning a code after importing the .ics updates the phone's event instead of adding a second one."""
    request = make_request()
    scanned = {}
    for image in images_of(render(request).pdf, 200):
        for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)):
            (event,) = Calendar.from_ical(barcode.bytes).walk("VEVENT")
            scanned[str(event.get("uid"))] = event.decoded("dtstart")
    plan = Calendar.from_ical(plan_to_ics(schedule, client=request.name))
    in_file = {str(event.get("uid")): event.decoded("dtstart") for event in plan.walk("VEVENT")}
    assert len(scanned) == 8
    assert scanned.items() <= in_file.items()
