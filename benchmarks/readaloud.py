"""Reading aloud: from a tap to the first audio sample (target: 300 ms or less). Prints figures, asserts nothing.

Two legs, measured apart because a test machine has no sound card: (1) the kiosk, offscreen, from a tap on
"Check in" to the next screen's text handed to the engine (the screen built, walked and composed); (2) espeak-ng,
the voice speech-dispatcher uses, from being handed that text to its first non-silent sample on a pipe.

    python benchmarks/readaloud.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kiosk.offscreen import use_offscreen

use_offscreen()
os.environ["SMP_KIOSK_DATA_DIR"] = tempfile.mkdtemp(prefix="smp-bench-")

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QPointF, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtQuick import QQuickItem  # noqa: E402

from kiosk.core.clinic import load_clinic  # noqa: E402
from kiosk.core.kiosk_config import KioskConfig  # noqa: E402
from kiosk.ui.app import start  # noqa: E402
from kiosk.ui.speech_engine import SpeechEngine  # noqa: E402

TARGET_MS = 300.0


class Clock(SpeechEngine):
    """An engine with an English voice that notes when each text reaches it."""

    def __init__(self) -> None:
        super().__init__()
        self.handed: list[tuple[float, str]] = []

    def locales(self) -> list[str]:
        return ["en_GB"]

    def start(self) -> None:
        self.ready.emit()

    def say(self, items: list[tuple[str, str]], interrupt: bool) -> None:
        self.handed.append((time.perf_counter(), items[0][0]))

    def stop(self) -> None:
        pass

    def set_volume(self, percent: int) -> None:
        pass

    def tone(self) -> None:
        pass

    def close(self) -> None:
        pass


def wait(msecs: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def tap(target: QQuickItem) -> None:
    """A mouse press and release at the item's centre, posted like a finger's."""
    point = target.mapToScene(QPointF(target.width() / 2, target.height() / 2))
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        held = Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
        event = QMouseEvent(kind, point, point, point, Qt.MouseButton.LeftButton, held, Qt.KeyboardModifier.NoModifier)
        QCoreApplication.postEvent(target.window(), event)


def kiosk_leg(rounds: int) -> tuple[list[float], str]:
    """Milliseconds from a tap to the new screen's text reaching the engine, and that text."""
    kiosk = start(load_clinic("demo"), KioskConfig(), today=dt.date(2026, 11, 24))
    wait(300)
    clock = Clock()
    kiosk.model.speech.use(clock)
    times: list[float] = []
    text = ""
    for _ in range(rounds):
        kiosk.model.speech.setProperty("enabled", True)
        wait(50)
        button = kiosk.window.findChild(QQuickItem, "checkInButton")
        assert button is not None
        count = len(clock.handed)
        began = time.perf_counter()
        tap(button)
        while len(clock.handed) == count and time.perf_counter() - began < 5:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        handed_at, text = clock.handed[-1]
        times.append((handed_at - began) * 1000)
        kiosk.model.inactivityTimeout()  # back to the welcome screen, switch off
        wait(100)
    kiosk.shutdown()
    return times, text


def voice_leg(text: str, rounds: int) -> list[float]:
    """Milliseconds from handing espeak-ng the text to its first non-silent sample."""
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        process = subprocess.Popen(["espeak-ng", "-v", "en-gb", "--stdout", text], stdout=subprocess.PIPE)
        assert process.stdout is not None
        header = process.stdout.read(44)
        assert len(header) == 44
        while True:
            chunk = process.stdout.read(256)
            if not chunk or any(
                abs(int.from_bytes(chunk[i : i + 2], "little", signed=True)) > 300 for i in range(0, len(chunk) - 1, 2)
            ):
                break
        times.append((time.perf_counter() - began) * 1000)
        process.kill()
        process.wait()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    kiosk_ms, text = kiosk_leg(args.rounds)
    print(f"tap -> text handed to the engine: median {statistics.median(kiosk_ms):.0f} ms ({len(text)} characters)")
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is not installed: the voice leg is not measured")
        return 0
    voice_ms = voice_leg(text, args.rounds)
    print(f"text -> first audio sample (espeak-ng): median {statistics.median(voice_ms):.0f} ms")
    total = statistics.median(kiosk_ms) + statistics.median(voice_ms)
    verdict = "met" if total <= TARGET_MS else "NOT met"
    print(f"tap -> first audio sample: {total:.0f} ms (target {TARGET_MS:.0f} ms: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
