"""Which Qt TextToSpeech engine speaks on this machine: kept apart from kiosk.ui.speech_engine so that deciding
"none" loads no speech library and starts no thread."""

from __future__ import annotations

import os
import sys

ENGINE_VARIABLE = "SMP_KIOSK_SPEECH_ENGINE"  # an engine name, or "none"; offscreen runs set "none"


def preferred_engines() -> list[str]:
    """The Qt TextToSpeech engines to try on this machine, best first (none: reading aloud is off)."""
    chosen = os.environ.get(ENGINE_VARIABLE, "").strip()
    if chosen:
        return [] if chosen == "none" else [chosen]
    if sys.platform.startswith("win"):
        return ["winrt", "sapi"]
    if sys.platform == "darwin":
        return ["darwin"]
    return ["speechd", "flite"]
