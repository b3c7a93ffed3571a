"""kiosk/cli.py's packaging hook: SMP_KIOSK_READY_SIGNAL=1 makes the kiosk say when its welcome screen is drawn."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.ui, pytest.mark.timeout(120)]


def start_kiosk(tmp_path: Path, *, signal_ready: str | None) -> subprocess.Popen[str]:
    env = dict(os.environ, SMP_KIOSK_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    env.pop("SMP_KIOSK_READY_SIGNAL", None)
    if signal_ready is not None:
        env["SMP_KIOSK_READY_SIGNAL"] = signal_ready
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )


def test_the_kiosk_prints_the_ready_line_once_its_welcome_screen_is_drawn(tmp_path: Path) -> None:
    with start_kiosk(tmp_path, signal_ready="1") as kiosk:
        assert kiosk.stdout is not None
        started = time.monotonic()
        first_line = kiosk.stdout.readline().strip()
        elapsed = time.monotonic() - started
        assert kiosk.poll() is None, "the kiosk exited"
        kiosk.terminate()
        rest = kiosk.communicate(timeout=30)[0]
    assert first_line == "welcome-screen-ready"
    assert elapsed < 60
    assert "welcome-screen-ready" not in rest  # once per start, not on every frame
    assert "welcome-screen-ready" in (tmp_path / "data" / "logs" / "kiosk.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", [None, "0", ""])
def test_without_the_variable_or_with_0_the_kiosk_prints_nothing(tmp_path: Path, setting: str | None) -> None:
    with start_kiosk(tmp_path, signal_ready=setting) as kiosk:
        # The kiosk opens its database right after the welcome screen's first frame, where the line would be
        # printed: once the file is there, that frame was drawn.
        database = tmp_path / "data" / "checkins.db"
        deadline = time.monotonic() + 60
        while not database.exists() and kiosk.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if not database.exists():
            kiosk.kill()  # (else leaving the `with` waits for it for ever)
            log = tmp_path / "data" / "logs" / "kiosk.log"
            pytest.fail(f"no database within 60 s; its log: {log.read_text()[-2000:] if log.exists() else 'none'}")
        assert kiosk.poll() is None, "the kiosk exited"
        kiosk.terminate()
        output = kiosk.communicate(timeout=30)[0]
    assert output == ""
