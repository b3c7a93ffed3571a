"""The PyInstaller bundle, built once per set of installed packages and source, for every test that needs it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.offscreen import OFFSCREEN_ENV
from tests.packaging.bundle_cache import BundleBuildError, cached_bundle

BUILD_TIMEOUT = 900  # seconds; a clean build takes about a minute here, CI machines can be slower
# Bundle tests pay for the build when they run first after a change, so their time limit must cover it.
BUNDLE_TEST_TIMEOUT = BUILD_TIMEOUT + 120


@pytest.fixture(scope="session")
def kiosk_bundle() -> Path:
    """The built one-folder bundle (its smp-kiosk program inside), from .venv/bundle-cache/ (bundle_cache.py).

    It is world-readable, not under pytest's private temp folder: the cage test runs it as an unprivileged user,
    because cage refuses to run as root. Tests run it with their own HOME and data folder and leave it unchanged.
    """
    try:
        return cached_bundle(BUILD_TIMEOUT)
    except BundleBuildError as failure:
        pytest.fail(str(failure))


@pytest.fixture
def bundle_env(tmp_path: Path) -> dict[str, str]:
    """A clean environment for the bundled program, with its own data folder (tmp_path/data).

    Nothing from the test's virtual environment leaks in, so a module the bundle lacks cannot be found
    elsewhere by accident.
    """
    keep = ("PATH", "LANG", "LC_ALL", "TZ", "TMPDIR")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env.update(
        HOME=str(tmp_path),
        SMP_KIOSK_DATA_DIR=str(tmp_path / "data"),
        **OFFSCREEN_ENV,
    )
    return env
