"""An edited screen shows at once, even when an old compiled copy of it (.qmlc) lies beside it."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ui.qml_disk_cache import forget_stale_caches

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "qml_cache.py"
_spec = importlib.util.spec_from_file_location("qml_cache_script", SCRIPT)
assert _spec is not None and _spec.loader is not None
qml_cache_script = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qml_cache_script)
qmlcachegen = qml_cache_script.qmlcachegen

SCREEN = """import QtQuick
Item { objectName: "%s" }
"""

SHOW = """
import sys
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from kiosk.ui.qml_disk_cache import forget_stale_caches
from pathlib import Path
app = QGuiApplication([])
folder = Path(sys.argv[1])
if sys.argv[2] == "check":
    forget_stale_caches(folder)
engine = QQmlApplicationEngine()
engine.load(QUrl.fromLocalFile(str(folder / "Screen.qml")))
print(engine.rootObjects()[0].objectName())
"""


def shown_name(folder: Path, mode: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SHOW, str(folder), mode], capture_output=True, text=True, env=env, check=True
    )
    return result.stdout.strip()


@pytest.mark.skipif(qmlcachegen() is None, reason="qmlcachegen is not installed with this PySide6")
def test_an_old_compiled_screen_is_not_shown_after_its_source_changed(tmp_path: Path) -> None:
    screen = tmp_path / "Screen.qml"
    screen.write_text(SCREEN % "old")
    tool = qmlcachegen()
    assert tool is not None
    subprocess.run([str(tool), "--only-bytecode", str(screen), "-o", str(tmp_path / "Screen.qmlc")], check=True)
    stamp = screen.stat().st_mtime_ns
    screen.write_text(SCREEN % "new")
    os.utime(screen, ns=(stamp + 10**9, stamp + 10**9))
    kept = tmp_path / "kept"
    shutil.copytree(tmp_path, kept, ignore=shutil.ignore_patterns("kept"))
    os.utime(kept / "Screen.qml", ns=(stamp + 10**9, stamp + 10**9))
    os.utime(kept / "Screen.qmlc", ns=(stamp, stamp))
    assert shown_name(kept, "plain") == "old"  # why the check exists: Qt alone runs the old copy
    assert shown_name(tmp_path, "check") == "new"
    assert not (tmp_path / "Screen.qmlc").exists()


def test_a_fresh_compiled_screen_is_kept(tmp_path: Path) -> None:
    screen, cache = tmp_path / "Screen.qml", tmp_path / "Screen.qmlc"
    screen.write_text(SCREEN % "x")
    cache.write_bytes(b"compiled")
    os.utime(screen, ns=(10**18, 10**18))
    os.utime(cache, ns=(10**18 + 1, 10**18 + 1))
    orphan = tmp_path / "Gone.qmlc"
    orphan.write_bytes(b"compiled")
    assert forget_stale_caches(tmp_path) == 1
    assert cache.exists() and not orphan.exists()
