"""How fast the kiosk starts and shows a calendar, and whether it keeps its memory over many clients.

    .venv/bin/python benchmarks/startup.py [--parts start tap memory] [--runs N] [--flows N] [--warm-up N]

Prints, offscreen with the software renderer, each figure with its target beside it:
- start: cold start to the welcome screen's first frame (frameSwapped), median of N fresh processes, beside a
  bare QML window measured the same way in the same run, and the ratio kiosk / bare (target: 2.5 or less). The
  processes get a QML disk cache of their own (QML_DISK_CACHE_PATH), filled only by one warm-up start, as on a
  tablet: the kiosk's QML comes compiled ahead of time (packaging/qml_cache.py), not from a developer's cache;
- tap: tap "Make my calendar" to the first page of the preview on screen (target: 250 ms or less), median;
- memory: resident memory (RSS, read after each wipe) over whole automated check-ins, welcome to finish. The
  first ones (--warm-up) fill caches once (QML screens, fonts, PDFium) and are reported apart; the target
  (5 MB or less) is for the growth over the --flows check-ins after them. Also the least-squares slope of RSS
  from check-in 50 on, per 200 check-ins, which a few noisy samples cannot move much.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from kiosk.offscreen import use_offscreen  # noqa: E402 - after the path is set

use_offscreen()

BARE_QML = b"""
import QtQuick
import QtQuick.Controls.Basic
ApplicationWindow { width: 1280; height: 800; visible: true; Label { anchors.centerIn: parent; text: "Hello" } }
"""


# ---------------------------------------------------------------- the child processes (cold starts)


def child(kind: str) -> None:
    """Start the kiosk (or a bare QML window), exit at its first frame."""
    if kind == "kiosk":
        importlib.import_module("kiosk.ui")  # in the order `smp-kiosk` imports: its plain modules before Qt

    from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QUrl  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415
    from PySide6.QtQml import QQmlApplicationEngine  # noqa: PLC0415

    if kind == "kiosk":
        from kiosk.core.clinic import load_clinic  # noqa: PLC0415
        from kiosk.core.kiosk_config import KioskConfig  # noqa: PLC0415
        from kiosk.ui.app import start  # noqa: PLC0415

        kiosk = start(load_clinic("demo"), KioskConfig())  # kept: its models back the screens until the exit
        window: QObject = kiosk.window
    else:
        app = QGuiApplication(sys.argv[:1])
        engine = QQmlApplicationEngine(app)
        engine.loadData(QByteArray(BARE_QML), QUrl("file:///bare.qml"))
        window = engine.rootObjects()[0]
    # PySide finds the signal in the window's meta-object (Qt's ApplicationWindow is a QQuickWindow).
    getattr(window, "frameSwapped").connect(lambda: os._exit(0))  # noqa: B009
    QCoreApplication.exec()


def cold_start(kind: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh process to its first frame. The CPU time moves less than the wall
    time when other programs share the machine's cores."""
    began, used = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, __file__, "--child", kind], check=True, env=dict(os.environ))
    return time.perf_counter() - began, _children_cpu() - used


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ---------------------------------------------------------------- in-process figures


def settle(msecs: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415

    loop = QEventLoop()
    timer = QTimer(loop)  # (QTimer.singleShot with a Python callable leaks a little in PySide 6.12)
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(msecs)
    loop.exec()


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


class Bench:
    """One kiosk in this process, driven through its model the way the screens' buttons drive it."""

    def __init__(self) -> None:
        from kiosk.core.clinic import load_clinic  # noqa: PLC0415
        from kiosk.core.kiosk_config import KioskConfig  # noqa: PLC0415
        from kiosk.ui.app import start  # noqa: PLC0415

        self.kiosk = start(load_clinic("demo"), KioskConfig(), today=dt.date(2026, 11, 24), inactivity_seconds=3600)
        self.model = self.kiosk.model
        self.ready_at = 0.0  # when the model last said the calendar is ready
        self.frames: list[float] = []  # the window's frames since then
        self.model.changed.connect(self._model_changed)
        self.kiosk.window.frameSwapped.connect(self._frame_swapped)
        settle(300)

    def _model_changed(self) -> None:
        if self.model.flow.pdf.value == "ready" and not self.ready_at:
            self.ready_at, self.frames = time.perf_counter(), []
        elif self.model.flow.pdf.value != "ready":
            self.ready_at = 0.0

    def _frame_swapped(self) -> None:
        if self.ready_at:
            self.frames.append(time.perf_counter())

    def to_last_care_page(self, name: str) -> None:
        model = self.model
        model.checkIn()
        model.setName(name, "Lee")
        model.next()
        model.next()
        model.answerMoisturised(True)
        model.chooseHair("buzz")
        settle(20)

    def tap_to_preview(self, name: str) -> float:
        """Seconds from "Make my calendar" to the first frame after the calendar is ready, then finish."""
        self.to_last_care_page(name)
        self.frames = []
        began = time.perf_counter()
        self.model.next()  # the "Make my calendar" button's action
        while not self.frames:
            settle(5)
            if time.perf_counter() > began + 30:
                raise RuntimeError("the calendar preview did not appear within 30 s")
        elapsed = self.frames[0] - began  # the first frame drawn after the calendar was ready
        self.finish_after_preview()
        return elapsed

    def finish_after_preview(self) -> None:
        self.model.next()  # "take it with you": the QR codes are drawn
        settle(10)
        self.model.next()
        self.model.finish()  # the wipe, and release_memory after it
        settle(5)

    def one_check_in(self, index: int) -> None:
        self.to_last_care_page(f"Client{index}")
        self.model.next()
        while self.model.flow.pdf.value != "ready":
            settle(5)
        settle(10)  # the preview is drawn
        self.finish_after_preview()

    def close(self) -> None:
        self.kiosk.shutdown()


@dataclass
class MemoryFigures:
    warm_up: float  # MB over the warm-up check-ins (caches filled once)
    growth: float  # MB over the counted check-ins after them
    slope: float  # MB per 200 check-ins, least squares from check-in 50 on
    slope_from: int


def memory(bench: Bench, warm_up: int, flows: int) -> MemoryFigures:
    first = rss_kib()
    samples = []  # RSS in KiB after each check-in's wipe, check-in 1 first
    for index in range(warm_up + flows):
        bench.one_check_in(index)
        samples.append(rss_kib())
    settle(200)
    samples[-1] = rss_kib()
    base = samples[warm_up - 1] if warm_up else first
    slope_from = 50 if warm_up + flows >= 60 else warm_up + 1
    xs = list(range(slope_from, warm_up + flows + 1))
    slope = statistics.linear_regression(xs, samples[slope_from - 1 :]).slope * 200
    return MemoryFigures((base - first) / 1024, (samples[-1] - base) / 1024, slope / 1024, slope_from)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parts", nargs="+", choices=("start", "tap", "memory"), default=["start", "tap", "memory"])
    parser.add_argument("--runs", type=int, default=7, help="cold starts and taps to take the median of")
    parser.add_argument("--flows", type=int, default=200, help="check-ins counted for the memory growth")
    parser.add_argument("--warm-up", type=int, default=20, help="check-ins before them, reported apart")
    parser.add_argument("--child", choices=("kiosk", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    if args.runs < 1 or args.flows < 2 or args.warm_up < 0:
        parser.error("--runs must be 1 or more, --flows 2 or more, --warm-up 0 or more")
    with tempfile.TemporaryDirectory() as data:
        os.environ["SMP_KIOSK_DATA_DIR"] = data
        if "start" in args.parts:
            cold_starts(args.runs)
        if "tap" in args.parts or "memory" in args.parts:
            from kiosk.ui.app import application  # noqa: PLC0415

            application()
            bench = Bench()
            if "tap" in args.parts:
                bench.tap_to_preview("Jordan")  # warms up ReportLab, fonts and QtPdf: not counted
                taps = [bench.tap_to_preview(f"Jordan{run}") for run in range(args.runs)]
                print(
                    f"tap 'Make my calendar' to the preview on screen: {statistics.median(taps) * 1000:.0f} ms median"
                    f" of {args.runs} (min {min(taps) * 1000:.0f}, max {max(taps) * 1000:.0f})  target ≤ 250 ms"
                )
            if "memory" in args.parts:
                print_memory(memory(bench, args.warm_up, args.flows), args.warm_up, args.flows)
            bench.close()
    return 0


TARGET_START_RATIO = 2.5


def cold_starts(runs: int) -> None:
    os.environ["QML_DISK_CACHE_PATH"] = tempfile.mkdtemp(prefix="smp-kiosk-bench-qmlcache-")
    cold_start("kiosk")  # fill the OS file cache once, for both (and Qt's own QML in the private disk cache)
    kiosk_runs, bare_runs = [], []
    for _ in range(runs):
        kiosk_runs.append(cold_start("kiosk"))
        bare_runs.append(cold_start("bare"))
    kiosk_start, bare_start = (statistics.median(run[0] for run in runs_) for runs_ in (kiosk_runs, bare_runs))
    kiosk_cpu, bare_cpu = (statistics.median(run[1] for run in runs_) for runs_ in (kiosk_runs, bare_runs))
    ratio = kiosk_start / bare_start
    verdict = "ok" if ratio <= TARGET_START_RATIO else "OVER TARGET"
    print(f"cold start to the welcome screen's first frame: {kiosk_start * 1000:.0f} ms median of {runs}")
    print(f"  bare QML window, same run:                    {bare_start * 1000:.0f} ms median")
    print(f"  ratio kiosk / bare:                           {ratio:.2f}  target ≤ {TARGET_START_RATIO}: {verdict}")
    cpu = f"kiosk {kiosk_cpu * 1000:.0f} ms, bare {bare_cpu * 1000:.0f} ms"
    print(f"  CPU time (user + system), same runs:          {cpu}")
    print(f"  ratio of the CPU times:                       {kiosk_cpu / bare_cpu:.2f}  (steadier on shared cores)")


def print_memory(figures: MemoryFigures, warm_up: int, flows: int) -> None:
    print(f"resident memory (RSS after each wipe), {warm_up} + {flows} whole check-ins in one kiosk:")
    print(f"  first {warm_up} (warm-up: screens, fonts, PDFium filled once, not counted): {figures.warm_up:+.1f} MB")
    print(f"  growth over the {flows} after them:  {figures.growth:+.1f} MB  target ≤ 5 MB")
    print(f"  slope from check-in {figures.slope_from} on (least squares): {figures.slope:+.1f} MB per 200 check-ins")


if __name__ == "__main__":
    sys.exit(main())
