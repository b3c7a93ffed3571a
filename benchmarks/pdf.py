"""How fast the aftercare calendar PDF is made, and how big it is.

    .venv/bin/python benchmarks/pdf.py [--runs N]

Prints the warm median for a two-session calendar with its QR codes (target: 40 ms or less on a 2-core
machine), the first PDF in a fresh process, imports included (target: 400 ms or less), the file size (target:
150 KB or less), and a baseline measured in the same run: a bare ReportLab canvas drawing the same month grids
(rectangles and day numbers in a built-in font), with the ratio between the two.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.core.clinic import load_clinic  # noqa: E402
from kiosk.core.protocol import load_protocol  # noqa: E402
from kiosk.core.schedule import Schedule, build_schedule  # noqa: E402
from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf  # noqa: E402

TODAY = dt.date(2026, 11, 24)
SESSIONS = (dt.date(2026, 11, 27), dt.date(2026, 12, 18))
TARGET_WARM_MS = 40
TARGET_FIRST_MS = 400
TARGET_SIZE_KB = 150

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


def bare_grid(schedule: Schedule) -> bytes:
    """The baseline: the same month grids on a plain canvas, Helvetica numbers, one colour per phase."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    phases = schedule.protocol.phases
    fills = {phase.id: (0.85, 0.63 + 0.1 * index, 0.54 + 0.15 * index) for index, phase in enumerate(phases)}
    cell = 34.0
    month = schedule.start.replace(day=1)
    top = 780.0
    canvas.setFont("Helvetica", 12)
    while month <= schedule.end:
        canvas.drawString(45, top, f"{month:%B %Y}")
        lead = month.weekday()
        day = month
        while day.month == month.month:
            index = lead + day.day - 1
            x, y = 45 + (index % 7) * cell, top - 20 - (index // 7 + 1) * cell
            plan_day = schedule.day_for(day)
            if plan_day is not None:
                canvas.setFillColorRGB(*fills[plan_day.phase])
                canvas.roundRect(x, y, cell - 2, cell - 2, 3, stroke=0, fill=1)
            canvas.setFillColorRGB(0.1, 0.1, 0.1)
            canvas.drawString(x + 3, y + cell - 16, str(day.day))
            day += dt.timedelta(days=1)
        top -= 20 + 7 * cell
        if top < 250:
            canvas.showPage()
            canvas.setFont("Helvetica", 12)
            top = 780.0
        month = (month + dt.timedelta(days=32)).replace(day=1)
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
    warm = median_ms(lambda: build_calendar_pdf(request), args.runs)
    baseline = median_ms(lambda: bare_grid(request.schedule), args.runs)
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
        ("baseline, bare ReportLab grid", f"{baseline:8.1f} ms", "same months, rectangles + Helvetica numbers"),
        ("ratio calendar / baseline", f"{warm / baseline:8.1f} x", ""),
    ]
    for label, value, note in rows:
        print(f"{label + ':':40} {value}  {('(' + note + ')') if note else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
