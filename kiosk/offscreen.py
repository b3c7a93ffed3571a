"""Running the kiosk with no screen (tests, screenshots, benchmarks): Qt's offscreen platform, software
rendering and the virtual keyboard. Plain Python; call `use_offscreen()` before anything imports Qt."""

from __future__ import annotations

import os

OFFSCREEN_ENV = {
    "QT_QPA_PLATFORM": "offscreen",
    "QT_QUICK_BACKEND": "software",
    "QT_IM_MODULE": "qtvirtualkeyboard",
    "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": "1",
    # No sound card and no speech service to talk to: no voice, so no Read aloud switch (kiosk/ui/speech_engine.py);
    # tests hand the kiosk a recording engine, or ask for Qt's "mock" voice.
    "SMP_KIOSK_SPEECH_ENGINE": "none",
}


def use_offscreen() -> None:
    """Set the offscreen variables in this process, leaving any a caller already set."""
    for key, value in OFFSCREEN_ENV.items():
        os.environ.setdefault(key, value)
