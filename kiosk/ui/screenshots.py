"""Save a PNG of every kiosk screen, landscape and portrait: `python -m kiosk.ui.screenshots OUTDIR`.

Runs offscreen on the demo clinic with a fixed date and a throw-away settings folder, and walks the flow
through the model's slots, exactly as the screens' buttons do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from kiosk.offscreen import use_offscreen

use_offscreen()

from PySide6.QtCore import QEventLoop, QObject, QTimer  # noqa: E402 - the environment must be set before Qt loads

from kiosk.core.clinic import load_clinic  # noqa: E402
from kiosk.core.kiosk_config import KioskConfig  # noqa: E402
from kiosk.ui.app import KioskApp, start  # noqa: E402
from kiosk.ui.kiosk_model import KioskModel  # noqa: E402

DEMO_DAY = dt.date(2026, 11, 24)
SIZES = {"landscape": (1280, 800), "portrait": (800, 1280)}


def settle(msecs: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool], msecs: int = 30_000) -> None:
    waited = 0
    while not condition() and waited < msecs:
        settle(50)
        waited += 50


def steps(model: KioskModel) -> list[tuple[str, Callable[[], None]]]:
    """(file name, what to do before the shot), in the order a client sees the screens."""

    def name() -> None:
        model.checkIn()
        model.setName(
            "Jordan" if model.flow.visit.language != "ar" else "ليلى",
            "Lee" if model.flow.visit.language != "ar" else "حداد",
        )

    def session() -> None:
        model.next()
        model.setSessionNumber("2")
        model.addPlannedDate((DEMO_DAY + dt.timedelta(weeks=3)).isoformat())

    def calendar() -> None:
        model.next()
        wait_for(lambda: model.flow.pdf.value == "ready")

    def help_coming() -> None:
        model.askForHelp("finish")

    def still_there() -> None:
        model.closeHelp()
        model.inactivityWarning()

    return [
        ("01-welcome", lambda: None),
        ("02-name", name),
        ("03-session", session),
        ("04-before-care-moisturise", model.next),
        ("04b-before-care-not-yet", lambda: model.answerMoisturised(False)),
        ("05-before-care-hair", model.next),
        ("06-review", lambda: model.chooseHair("buzz")),
        ("07-calendar", calendar),
        ("07b-take-it-with-you", model.next),
        ("08-finish", model.next),
        ("08b-help-is-coming", help_coming),
        ("09-inactivity-warning", still_there),
    ]


VARIANTS = {"": ("en", False), "arabic-": ("ar", False), "large-text-": ("en", True)}


def shoot(kiosk: KioskApp, path: Path) -> None:
    settle(400)
    kiosk.window.grabWindow().save(str(path))
    print(path)


def save_screens(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        os.environ["SMP_KIOSK_DATA_DIR"] = data
        for orientation, (width, height) in SIZES.items():
            kiosk = start(load_clinic("demo"), KioskConfig(), today=DEMO_DAY, inactivity_seconds=3600)
            kiosk.window.resize(width, height)
            for variant, (language, large) in VARIANTS.items():  # English, Arabic, larger text
                kiosk.model.chooseLanguage(language)
                for name, action in steps(kiosk.model):
                    action()
                    kiosk.model.setProperty("largeText", large)
                    shoot(kiosk, out / f"{orientation}-{variant}{name}.png")
                kiosk.model.inactivityTimeout()
            if orientation == "landscape":
                extras(kiosk, out)
            kiosk.shutdown()


def extras(kiosk: KioskApp, out: Path) -> None:
    """Larger text with high contrast, the signed receipt, and the staff PIN pad."""
    model = kiosk.model
    model.setProperty("largeText", True)
    model.setProperty("highContrast", True)
    model.checkIn()
    model.setName("Jordan", "")
    model.next()
    model.next()
    shoot(kiosk, out / "landscape-12-large-text-high-contrast.png")
    model.inactivityTimeout()
    receipt_screens(kiosk, out)
    pin_pad = kiosk.window.findChild(QObject, "pinPad")
    if pin_pad is not None:
        pin_pad.setProperty("visible", True)
        shoot(kiosk, out / "landscape-13-staff-pin.png")
        pin_pad.setProperty("visible", False)


def receipt_screens(kiosk: KioskApp, out: Path) -> None:
    """The signed receipt (when a clinic turns it on), signed, in English and in Arabic."""
    model = kiosk.model
    model.set_receipt_required(True)
    wave = [[[40.0 + i * 10, 120 + 45 * math.sin(i / 3.2)] for i in range(50)], [[150.0, 50.0], [190.0, 190.0]]]
    for language, (first, last), name in (
        ("en", ("Jordan", "Lee"), "landscape-15-receipt.png"),
        ("ar", ("ليلى", "حداد"), "landscape-15b-receipt-arabic.png"),
    ):
        model.chooseLanguage(language)
        model.checkIn()
        model.setName(first, last)
        model.next()
        model.next()
        model.answerMoisturised(True)
        model.chooseHair("buzz")
        model.next()  # Make my calendar, on the review
        wait_for(lambda: model.flow.pdf.value == "ready")
        model.next()
        model.next()
        model.sign(640, 240, wave)
        shoot(kiosk, out / name)
        model.inactivityTimeout()
    model.set_receipt_required(False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.ui.screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path, help="folder for the PNG files (made if missing)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)  # --help answers; it is no folder name
    save_screens(args.outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
