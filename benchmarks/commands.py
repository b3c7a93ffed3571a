"""How long the command line takes as a whole process, against baselines measured in the same run.

    .venv/bin/python benchmarks/commands.py [--runs N]

Prints the median wall time (and CPU time) of N fresh processes (after one warm-up run each, so the OS file cache
is filled; the commands take turns, run by run) for
- `smp-kiosk schedule` and `smp-kiosk ics`, beside a bare `python -c pass` (the interpreter's own start);
- `smp-kiosk calendar` (two sessions, the demo clinic), beside a process that draws the same pages on a bare
  ReportLab canvas: the same month grids (rectangles and day numbers) on page 1 and the same lines of text on
  every page, in the same font files (Noto Sans regular and bold, embedded as subsets: a built-in font such as
  Helvetica has Western European letters only, no Arabic, Hebrew or Cyrillic); target: calendar / bare canvas
  1.3 or less.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-24"
SESSIONS = ("2026-11-27", "2026-12-18")
TARGET_CALENDAR_RATIO = 1.3

# The baseline process: ReportLab alone, drawing what it is given (month cells and lines of text per page) in the
# calendar's own font files: each page's first line in bold, the others regular.
BARE_CANVAS = """
import json, sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
pages = json.loads(open(sys.argv[1], encoding="utf-8").read())
pdfmetrics.registerFont(TTFont("Regular", sys.argv[3] + "/NotoSans-Regular.ttf"))
pdfmetrics.registerFont(TTFont("Bold", sys.argv[3] + "/NotoSans-Bold.ttf"))
canvas = Canvas(sys.argv[2], pagesize=A4, invariant=1)
for number, page in enumerate(pages):
    canvas.setFont("Regular", 10)
    if number == 0:
        for x, y, r, g, b, day in page["cells"]:
            canvas.setFillColorRGB(r, g, b)
            canvas.roundRect(x, y, 32, 32, 3, stroke=0, fill=1)
            canvas.setFillColorRGB(0.1, 0.1, 0.1)
            canvas.drawString(x + 3, y + 18, day)
    canvas.setFillColorRGB(0.1, 0.1, 0.1)
    for index, line in enumerate(page["lines"]):
        canvas.setFont("Bold" if index == 0 else "Regular", 14 if index == 0 else 10)
        canvas.drawString(40, 800 - 14 * (index % 55), line)
    canvas.showPage()
canvas.save()
"""


def page_plan(pdf: Path) -> list[dict[str, object]]:
    """What the baseline draws: the calendar's pages, each with its lines of text; page 1 with its month grids."""
    from pypdf import PdfReader  # noqa: PLC0415 - the test extra; only the parent process needs it

    sys.path.insert(0, str(ROOT))
    import datetime as dt  # noqa: PLC0415

    from kiosk.core.protocol import load_protocol  # noqa: PLC0415
    from kiosk.core.schedule import build_schedule  # noqa: PLC0415

    schedule = build_schedule(
        [dt.date.fromisoformat(day) for day in SESSIONS], load_protocol(), dt.date.fromisoformat(TODAY)
    )
    phases = [phase.id for phase in schedule.protocol.phases]
    cells = []
    month, top = schedule.start.replace(day=1), 780.0
    while month <= schedule.end:
        day = month
        while day.month == month.month:
            index = month.weekday() + day.day - 1
            plan_day = schedule.day_for(day)
            shade = phases.index(plan_day.phase) / len(phases) if plan_day else 1.0
            x, y = 45 + (index % 7) * 34.0, top - 20 - (index // 7 + 1) * 34.0
            cells.append((x, y, 0.85, 0.6 + 0.3 * shade, 0.5 + 0.4 * shade, str(day.day)))
            day += dt.timedelta(days=1)
        top -= 250
        month = (month + dt.timedelta(days=32)).replace(day=1)
    pages: list[dict[str, object]] = [
        {"lines": (page.extract_text() or "").splitlines(), "cells": []} for page in PdfReader(pdf).pages
    ]
    pages[0]["cells"] = cells
    return pages


def timed_runs(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall ms, CPU ms) of `runs` fresh processes of each command, after one warm-up each. The commands
    take turns, run by run, so that a change in the machine's load in the meantime touches each of them alike."""
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(runs + 1):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            began = time.perf_counter()
            subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            ended = time.perf_counter()
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if run:
                wall[name].append((ended - began) * 1000)
                used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                cpu[name].append(used * 1000)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in commands}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    python, kiosk = sys.executable, [sys.executable, "-m", "kiosk", "--today", TODAY]
    sessions = [arg for day in SESSIONS for arg in ("--session", day)]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ["SMP_KIOSK_DATA_DIR"] = str(work / "data")
        calendar = [*kiosk, "calendar", "--name", "Zoë Ødegård", *sessions, "--out", str(work / "c.pdf")]
        subprocess.run(calendar, check=True, cwd=ROOT)
        (work / "pages.json").write_text(json.dumps(page_plan(work / "c.pdf")), encoding="utf-8")
        fonts = str(ROOT / "resources" / "fonts")
        bare_canvas = [python, "-c", BARE_CANVAS, str(work / "pages.json"), str(work / "bare.pdf"), fonts]
        figures = timed_runs(
            {
                "python -c pass": [python, "-c", "pass"],
                "schedule": [*kiosk, "schedule", *sessions],
                "ics": [*kiosk, "ics", *sessions, "--out", str(work / "p.ics")],
                "bare canvas": bare_canvas,
                "calendar": calendar,
            },
            args.runs,
        )
    (bare, bare_cpu), (start, _) = figures["bare canvas"], figures["python -c pass"]
    print(f"whole processes, median of {args.runs}, taking turns (wall ms; CPU ms, user + system):")
    for name in ("python -c pass", "schedule", "ics"):
        wall, cpu = figures[name]
        print(f"  {name:<16} {wall:6.0f} ms  {cpu:4.0f} ms CPU   {wall / start:.2f} x python -c pass")
    print(f"  {'bare canvas':<16} {bare:6.0f} ms  {bare_cpu:4.0f} ms CPU   the same pages on a bare ReportLab canvas")
    wall, cpu = figures["calendar"]
    verdict = "ok" if wall / bare <= TARGET_CALENDAR_RATIO else "OVER TARGET"
    print(f"  {'calendar':<16} {wall:6.0f} ms  {cpu:4.0f} ms CPU   {wall / bare:.2f} x bare canvas", end="")
    print(f" (target ≤ {TARGET_CALENDAR_RATIO}: {verdict}); CPU time {cpu / bare_cpu:.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
