"""The staff screen's chime for a call for help, played by the system's own player (no Qt Multimedia, which
the bundle leaves out): winsound on Windows, else the first of pw-play, paplay or aplay on the PATH."""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.paths import resources_dir

log = logging.getLogger(__name__)
PLAYERS = ("pw-play", "paplay", "aplay")


def chime_file() -> Path:
    return resources_dir() / "sounds" / "help-call.wav"


def system_player() -> Callable[[Path], None] | None:
    """A function that starts playing a WAV file and returns at once, or None when this system has no player."""
    if sys.platform == "win32":
        import winsound  # noqa: PLC0415 - Windows only

        return lambda path: winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
    for name in PLAYERS:
        program = shutil.which(name)
        if program is not None:
            return functools.partial(_start, program)
    return None


def _start(program: str, path: Path) -> None:
    try:
        subprocess.Popen(
            [program, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
    except OSError as exc:
        log.warning("the help chime could not be played: %s", exc)
