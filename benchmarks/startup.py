"""How fast the kiosk starts and shows a calendar, and whether it keeps its memory over many clients.

    .venv/bin/python benchmarks/startup.py [--runs N] [--flows N]

Prints, offscreen with the software renderer:
- cold start to the welcome screen's first frame (frameSwapped), median of N fresh processes (target: 1.0 s
  or less on a 2-core machine), beside a bare QML window measured the same way in the same run, and the ratio;
- tap "Make my calendar" to the first page of the preview on screen (target: 250 ms or less), median;
- resident memory growth over 200 whole check-ins, after 20 to warm up (target: 5 MB or less).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OFFSCREEN = {
    "QT_QPA_PLATFORM": "offscreen",
    "QT_QUICK_BACKEND": "software",
    "QT_IM_MODULE": "qtvirtualkeyboard",
    "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": "1",
}
for _key, _value in OFFSCREEN.items():
    os.environ.setdefault(_key, _value)

BARE_QML = b"""
import QtQuick
import QtQuick.Controls.Basic
ApplicationWindow { width: 1280; height: 800; visible: true; Label { anchors.centerIn: parent; text: "Hello" } }
"""


# ---------------------------------------------------------------- the child processes (cold starts)


def child(kind: str) -> None:
    """Start the kiosk (or a bare QML window), exit at its first frame."""
    from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QUrl  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415
    from PySide6.QtQml import QQmlApplicationEngine  # noqa: PLC0415

    if kind == "kiosk":
        from kiosk.core.clinic import load_clinic  # noqa: PLC0415
        from kiosk.core.kiosk_config import KioskConfig  # noqa: PLC0415
        from kiosk.ui.app import start  # noqa: PLC0415

        window: QObject = start(load_clinic("demo"), KioskConfig()).window
    else:
        app = QGuiApplication(sys.argv[:1])
        engine = QQmlApplicationEngine(app)
        engine.loadData(QByteArray(BARE_QML), QUrl("file:///bare.qml"))
        window = engine.rootObjects()[0]
    # PySide finds the signal in the window's meta-object (Qt's ApplicationWindow is a QQuickWindow).
    getattr(window, "frameSwapped").connect(lambda: os._exit(0))  # noqa: B009
    QCoreApplication.exec()


def cold_start(kind: str) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--child", kind], check=True, env=dict(os.environ))
    return time.perf_counter() - began


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


def in_process(runs: int, flows: int) -> tuple[list[float], float]:
    from kiosk.core.clinic import load_clinic  # noqa: PLC0415
    from kiosk.core.kiosk_config import KioskConfig  # noqa: PLC0415
    from kiosk.ui.app import start  # noqa: PLC0415

    kiosk = start(load_clinic("demo"), KioskConfig(), today=dt.date(2026, 11, 24), inactivity_seconds=3600)
    model, window = kiosk.model, kiosk.window
    frames: list[float] = [0.0]  # the time of the latest frame

    def frame_swapped() -> None:
        frames[-1] = time.perf_counter()

    window.frameSwapped.connect(frame_swapped)
    settle(300)

    def to_last_care_page(name: str) -> None:
        model.checkIn()
        model.setName(name, "Lee")
        model.next()
        model.next()
        model.answerMoisturised(True)
        model.chooseHair("buzz")
        settle(20)

    def wait_for_preview(began: float) -> float:
        deadline = began + 30
        while time.perf_counter() < deadline:
            settle(5)
            if model.flow.pdf.value == "ready" and frames and frames[-1] > ready_at(began):
                return frames[-1] - began
        raise RuntimeError("the calendar preview did not appear within 30 s")

    ready_marks: dict[float, float] = {}

    def ready_at(began: float) -> float:
        if began not in ready_marks and model.flow.pdf.value == "ready":
            ready_marks[began] = time.perf_counter()
        return ready_marks.get(began, float("inf"))

    taps = []
    for run in range(runs + 1):
        to_last_care_page(f"Jordan{run}")
        began = time.perf_counter()
        model.next()  # the "Make my calendar" button's action
        elapsed = wait_for_preview(began)
        if run:  # the first one warms up ReportLab, fonts and QtPdf
            taps.append(elapsed)
        model.next()  # to "take it with you"
        model.next()
        model.finish()

    def one_flow(index: int) -> None:
        to_last_care_page(f"Client{index}")
        model.next()
        while model.flow.pdf.value != "ready":
            settle(5)
        settle(10)
        model.next()  # "take it with you": the QR codes are drawn
        settle(10)
        model.next()
        model.finish()
        settle(5)

    for index in range(20):
        one_flow(index)
    before = rss_kib()
    for index in range(flows):
        one_flow(index)
    settle(200)
    growth = (rss_kib() - before) / 1024
    kiosk.shutdown()
    return taps, growth


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--flows", type=int, default=200)
    parser.add_argument("--child", choices=("kiosk", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    with tempfile.TemporaryDirectory() as data:
        os.environ["SMP_KIOSK_DATA_DIR"] = data
        cold_start("kiosk")  # fill the OS file cache once, for both
        kiosk_runs, bare_runs = [], []
        for _ in range(args.runs):
            kiosk_runs.append(cold_start("kiosk"))
            bare_runs.append(cold_start("bare"))
        kiosk_start, bare_start = statistics.median(kiosk_runs), statistics.median(bare_runs)
        print(f"cold start to the welcome screen's first frame: {kiosk_start * 1000:.0f} ms median of {args.runs}")
        print(f"  bare QML window, same run:                    {bare_start * 1000:.0f} ms median")
        print(
            f"  ratio kiosk / bare:                           {kiosk_start / bare_start:.2f}  (target: kiosk ≤ 1000 ms)"
        )

        from kiosk.ui.app import application  # noqa: PLC0415

        application()
        taps, growth = in_process(args.runs, args.flows)
    print(
        f"tap 'Make my calendar' to the preview on screen: {statistics.median(taps) * 1000:.0f} ms median "
        f"(min {min(taps) * 1000:.0f}, max {max(taps) * 1000:.0f}; target ≤ 250 ms)"
    )
    print(f"resident memory growth over {args.flows} check-ins: {growth:+.1f} MB (target ≤ 5 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
