"""How fast the aftercare calendar PDF is made, and how big it is.

    .venv/bin/python benchmarks/pdf.py [--runs N]

Prints the warm median for a two-session calendar with its QR codes (target: 40 ms or less on a 2-core
machine), the same for another client's name each time (its QR codes and its name's lines are made anew; the
font subsets are reused while the name brings no new letters outside ASCII), the first PDF in a fresh process,
imports included (target: 400 ms or less), the file size (target: 60 KB or less), and the floor measured in
the same run: a bare ReportLab canvas (no tagging, no shaping, no layout) drawing the same day cells and the
same lines of text at the same places in the same fonts, with the ratio between the two (target: 1.25 or
less).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import itertools
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.core.clinic import load_clinic  # noqa: E402
from kiosk.core.protocol import load_protocol  # noqa: E402
from kiosk.core.schedule import build_schedule  # noqa: E402
from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf, layout  # noqa: E402
from kiosk.documents.pdf.document import render  # noqa: E402
from kiosk.documents.pdf.fonts import font  # noqa: E402
from kiosk.documents.pdf.text import Line, Style  # noqa: E402

TODAY = dt.date(2026, 11, 24)
SESSIONS = (dt.date(2026, 11, 27), dt.date(2026, 12, 18))
TARGET_WARM_MS = 40
TARGET_FIRST_MS = 400
TARGET_SIZE_KB = 60
TARGET_RATIO = 1.25

FIRST_PDF = f"""
import time
start = time.perf_counter()
import datetime
from kiosk.core.clinic import load_clinic
from kiosk.core.protocol import load_protocol
from kiosk.core.schedule import build_schedule
from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf
schedule = build_schedule({SESSIONS!r}, load_protocol(), {TODAY!r})
pdf = build_calendar_pdf(CalendarRequest("Zoë Ødegård", schedule, load_clinic()))
print((time.perf_counter() - start) * 1000)
"""


def two_session_request() -> CalendarRequest:
    schedule = build_schedule(SESSIONS, load_protocol(), TODAY)
    return CalendarRequest(name="Zoë Ødegård", schedule=schedule, clinic=load_clinic(), paper="a4")


@dataclass(frozen=True)
class Drawn:
    """What the real calendar drew: its text lines and its day cells, page by page."""

    lines: list[tuple[int, float, float, str, float, bool]]  # page, x, baseline, text, size, bold
    cells: list[tuple[int, float, float, float, float]]  # page, x, y, width, height
    pages: int


def what_is_drawn(request: CalendarRequest) -> Drawn:
    """Render once, noting every line of text placed and every day cell (the floor draws the same)."""
    lines: list[tuple[int, float, float, str, float, bool]] = []
    original = layout.PageWriter.place_line

    def note(writer: layout.PageWriter, line: Line, style: Style, **where: Any) -> None:
        before = len(writer.canvas._code)
        original(writer, line, style, **where)
        op = next(code for code in writer.canvas._code[before:] if " Tm" in code)
        x = float(op.split(" Tm")[0].split()[-2])
        lines.append((writer.page_number, x, where["baseline"], line.logical, style.size, style.bold))

    layout.PageWriter.place_line = note  # type: ignore[method-assign,assignment]
    try:
        rendered = render(request)
    finally:
        layout.PageWriter.place_line = original  # type: ignore[method-assign]
    cells = [(cell.page, cell.x, cell.y, cell.width, cell.height) for cell in rendered.cells]
    return Drawn(lines, cells, rendered.pages)


def floor(drawn: Drawn) -> bytes:
    """The floor: a bare canvas drawing the same cells (filled rounded rectangles) and the same lines of
    text (drawString, the same embedded Noto fonts) on the same pages; no tagging, shaping or layout."""
    buffer = io.BytesIO()
    regular, bold = font("NotoSans").name, font("NotoSans", bold=True).name
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=regular)
    for page in range(1, drawn.pages + 1):
        canvas.setFillColorRGB(0.85, 0.7, 0.6)
        for _page, x, y, width, height in (cell for cell in drawn.cells if cell[0] == page):
            canvas.roundRect(x, y, width, height, 3, stroke=0, fill=1)
        canvas.setFillColorRGB(0.1, 0.1, 0.1)
        for _page, x, y, text, size, heavy in (line for line in drawn.lines if line[0] == page):
            canvas.setFont(bold if heavy else regular, size)
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm: fonts registered, caches filled
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def first_pdf_ms(tries: int = 3) -> tuple[float, float]:
    """(in-process ms from the first import to the PDF, wall ms of the whole process); best of a few tries."""
    inside, wall = [], []
    for _ in range(tries):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", FIRST_PDF], capture_output=True, text=True, check=True, cwd=ROOT)
        wall.append((time.perf_counter() - start) * 1000)
        inside.append(float(result.stdout.strip()))
    return min(inside), min(wall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    request = two_session_request()
    size = len(build_calendar_pdf(request))
    drawn = what_is_drawn(request)
    warm = median_ms(lambda: build_calendar_pdf(request), args.runs)
    clients = (msgspec.structs.replace(request, name=f"Zoë Ødegård {number}") for number in itertools.count())
    another = median_ms(lambda: build_calendar_pdf(next(clients)), args.runs)
    baseline = median_ms(lambda: floor(drawn), args.runs)
    first, wall = first_pdf_ms()

    def verdict(value: float, target: float) -> str:
        return "ok" if value <= target else "OVER TARGET"

    rows = [
        (
            "warm median, two sessions + QR codes",
            f"{warm:8.1f} ms",
            f"target <= {TARGET_WARM_MS} ms: " + verdict(warm, TARGET_WARM_MS),
        ),
        (
            "warm median, another client each time",
            f"{another:8.1f} ms",
            f"{another / baseline:.2f} x the floor; its QR codes encoded anew",
        ),
        (
            "first PDF in a fresh process",
            f"{first:8.1f} ms",
            f"target <= {TARGET_FIRST_MS} ms: "
            + verdict(first, TARGET_FIRST_MS)
            + f"; whole process with interpreter start {wall:.0f} ms",
        ),
        (
            "file size",
            f"{size / 1024:8.1f} KB",
            f"target <= {TARGET_SIZE_KB} KB: " + verdict(size / 1024, TARGET_SIZE_KB),
        ),
        ("floor, bare ReportLab canvas", f"{baseline:8.1f} ms", "the same cells and lines of text, nothing else"),
        (
            "ratio calendar / floor",
            f"{warm / baseline:8.2f} x",
            f"target <= {TARGET_RATIO}: " + verdict(warm / baseline, TARGET_RATIO),
        ),
    ]
    for label, value, note in rows:
        print(f"{label + ':':40} {value}  {('(' + note + ')') if note else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
