"""The kiosk in a fresh process, as a tablet starts it: SQLAlchemy, the printer, mail and PDF code, PySide's Qt
namespace and Babel's catalog reader stay out of the way of the first frame, and the database is opened right
after it without the start-up deadlocking."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import sys
from PySide6.QtCore import QTimer
from kiosk.core.clinic import load_clinic
from kiosk.core.kiosk_config import KioskConfig
from kiosk.paths import data_dir
from kiosk.ui.app import start

kiosk = start(load_clinic("demo"), KioskConfig())
print("database code before the first frame:", "sqlalchemy" in sys.modules, flush=True)
later = ("http.client", "smtplib", "kiosk.handover.cups", "kiosk.handover.mail", "icalendar", "reportlab", "uharfbuzz")
loaded = [name for name in later if name in sys.modules]
print("printing, email and PDF code before the first frame:", loaded, flush=True)
import PySide6.QtCore
print("Qt namespace before the first frame:", "Qt" in vars(PySide6.QtCore), flush=True)  # 95 enums built at once
print("Babel's .po reader before the first frame:", "babel.messages" in sys.modules, flush=True)
database = data_dir() / "checkins.db"
poll = QTimer()
poll.timeout.connect(lambda: database.exists() and kiosk.app.exit(0))
poll.start(50)
QTimer.singleShot(30_000, lambda: kiosk.app.exit(3))
code = kiosk.app.exec()
kiosk.shutdown()
print("database opened:", code == 0, flush=True)
sys.exit(code)
"""


def test_a_fresh_kiosk_shows_its_first_frame_before_loading_the_database(tmp_path: Path) -> None:
    env = dict(os.environ, SMP_KIOSK_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=90, check=False
    )
    assert "database code before the first frame: False" in result.stdout, result.stderr[-2000:]
    assert "printing, email and PDF code before the first frame: []" in result.stdout, result.stdout
    assert "Qt namespace before the first frame: False" in result.stdout, result.stdout
    assert "Babel's .po reader before the first frame: False" in result.stdout, result.stdout
    assert "database opened: True" in result.stdout, result.stderr[-2000:]
    assert result.returncode == 0
