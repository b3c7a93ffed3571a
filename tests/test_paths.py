"""kiosk.paths finds the same folders as platformdirs (which it loads only where it needs it: not on Linux)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from kiosk.paths import APP_NAME, cache_dir, data_dir

XDG_VALUES = [None, "", "   ", "/srv/xdg", "relative/folder", "/a/../b/"]


@pytest.mark.parametrize("value", XDG_VALUES)
def test_the_folders_are_the_ones_platformdirs_names(value: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SMP_KIOSK_DATA_DIR", raising=False)
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert data_dir() == Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    assert cache_dir() == Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def test_the_data_folder_setting_holds_the_cache_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test or a second kiosk on one machine (SMP_KIOSK_DATA_DIR) shares nothing with the user's folders."""
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path
    assert cache_dir() == tmp_path / "cache"


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule is Linux's")
def test_linux_needs_no_platformdirs_at_all() -> None:
    code = "import sys, kiosk.paths as p; p.data_dir(); p.cache_dir(); print('platformdirs' in sys.modules)"
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent-home"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "False"
