"""The calendar rendered to images: the grid's colours against the engine, margins, QR codes that decode."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from icalendar import Calendar
from PIL import Image

from kiosk.core.schedule import Schedule, build_schedule
from kiosk.documents.ics import key_date_events, plan_to_ics
from kiosk.documents.pdf import CalendarRequest
from kiosk.documents.pdf.document import render
from kiosk.documents.pdf.grid import phase_colours
from kiosk.documents.pdf.layout import PHASE_COLOURS
from kiosk.i18n import translations
from tests.documents.conftest import render_pages

LANGUAGES = ["en", "es", "fr", "de", "it", "pt_BR", "nl", "pl", "tr", "ru", "ar", "he"]

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
        (event,) = Calendar.from_ical(barcode.bytes).walk("VEVENT")
        found.append((event.decoded("dtstart"), str(event.get("summary"))))
    return found


def zbar_payloads(image: Image.Image, folder: Path) -> list[bytes]:
    """What zbar (zbarimg, a decoder we did not write) reads from a whole rendered page."""
    path = folder / "page.png"
    image.save(path)
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)], capture_output=True, check=False
    )
    assert result.returncode in (0, 4), result.stderr  # 4: no code on this page
    return [b"BEGIN:VEVENT" + part for part in result.stdout.split(b"BEGIN:VEVENT")[1:]]


def poppler_pages(pdf: bytes, folder: Path, dpi: int = 100) -> list[Image.Image]:
    """The pages as poppler renders them (pdftoppm, as a print preview or a scan would see them)."""
    (folder / "calendar.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "calendar.pdf", "page"], cwd=folder, check=True)
    return [Image.open(path).convert("RGB") for path in sorted(folder.glob("page-*.png"))]


def zbar_events(image: Image.Image, folder: Path) -> list[tuple[dt.date, str]]:
    events = []
    for payload in zbar_payloads(image, folder):
        (event,) = Calendar.from_ical(payload.strip()).walk("VEVENT")
        events.append((event.decoded("dtstart"), str(event.get("summary"))))
    return events


@pytest.mark.parametrize(
    "case",
    [(lang, large) for lang in LANGUAGES for large in (False, True)],
    ids=lambda c: f"{c[0]}-{'large' if c[1] else 'normal'}",
)
def test_every_key_date_has_a_qr_code_that_zbar_and_zxing_read_at_100_dpi(
    make_request: Make, schedule: Schedule, tmp_path: Path, case: tuple[str, bool]
) -> None:
    """The milestones and the before-care evening, titles whole (UTF-8 behind an ECI marker: no guessing)."""
    language, large_print = case
    request = make_request(language=language, large_print=large_print, name="Zoë سارة")
    images = poppler_pages(render(request).pdf, tmp_path)
    expected = sorted((e.date, e.summary) for e in key_date_events(schedule, translations(language).gettext))
    assert (
        len(expected) == len(schedule.milestones) + len(schedule.reminders) == 9
    )  # 8 milestones (5 aftercare, the touch-up window's 2, the refresh) and 1 evening
    assert sorted(event for image in images for event in decode_events(image)) == expected
    assert sorted(event for image in images for event in zbar_events(image, tmp_path)) == expected


def test_codes_carry_an_eci_utf8_marker_and_modules_of_half_a_millimetre(make_request: Make) -> None:
    pdf = render(make_request(language="de")).pdf
    (image, *_rest) = [page for page in render_pages(pdf, 100)[1:]]
    markers = {
        barcode.text[:10]
        for barcode in zxingcpp.read_barcodes(
            image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode), text_mode=zxingcpp.TextMode.ECI
        )
    }
    assert markers == {"]Q2\\000026"}  # ECI 26: UTF-8
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    modules = []
    for page in reader.pages:
        content = page.get_contents()
        assert content is not None
        for match in re.finditer(rb"([\d.]+) 0 0 [\d.]+ [\d.]+ [\d.]+ cm BI /W (\d+)", content.get_data()):
            modules.append(float(match.group(1)) / int(match.group(2)) * 25.4 / 72)
    assert len(modules) == 9
    assert min(modules) >= 0.5


def test_the_before_care_evening_is_framed_on_the_grid(make_request: Make, images_of: Images) -> None:
    rendered = render(make_request())
    evening = next(cell for cell in rendered.cells if cell.date == dt.date(2026, 12, 17))
    image = images_of(rendered.pdf, 100)[evening.page - 1]
    scale = 100 / 72
    top = image.height - (evening.y + evening.height) * scale
    edge = image.crop(
        (round(evening.x * scale) + 1, round(top) + 1, round((evening.x + evening.width / 2) * scale), round(top) + 3)
    )
    darkest, _ = edge.convert("L").getextrema()
    assert isinstance(darkest, int)
    assert darkest < 110  # the key-date frame (ACCENT), not the light cell fill


def test_a_single_session_has_six_qr_codes(make_request: Make, schedule: Schedule, images_of: Images) -> None:
    single = build_schedule([dt.date(2026, 11, 27)], schedule.protocol, dt.date(2026, 11, 24))
    images = images_of(render(make_request(schedule=single)).pdf, 100)
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
    for image in images_of(render(request).pdf, 100):
        for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)):
            (event,) = Calendar.from_ical(barcode.bytes).walk("VEVENT")
            scanned[str(event.get("uid"))] = event.decoded("dtstart")
    plan = Calendar.from_ical(plan_to_ics(schedule, client=request.name))
    in_file = {str(event.get("uid")): event.decoded("dtstart") for event in plan.walk("VEVENT")}
    assert len(scanned) == 9
    assert scanned.items() <= in_file.items()
