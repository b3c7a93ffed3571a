"""The PyInstaller bundle, built once per test run for every test that needs it (a few minutes on 2 cores)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.offscreen import OFFSCREEN_ENV

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 900  # seconds; a clean build takes about a minute here, CI machines can be slower
# Bundle tests pay for the build when they run first, so their time limit must cover it.
BUNDLE_TEST_TIMEOUT = BUILD_TIMEOUT + 120


@pytest.fixture(scope="session")
def kiosk_bundle() -> Iterator[Path]:
    """The built one-folder bundle (its smp-kiosk program inside), removed after the run.

    It lives in a fresh world-readable folder, not under pytest's private temp folder: the cage test runs it
    as an unprivileged user, because cage refuses to run as root. Nothing is cached between runs.
    """
    root = Path(tempfile.mkdtemp(prefix="smp-kiosk-bundle-"))
    root.chmod(0o755)
    log = root / "build.log"
    try:
        with log.open("w", encoding="utf-8") as output:
            result = subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "packaging" / "build_bundle.py"),
                    "--dist",
                    str(root / "dist"),
                    "--work",
                    str(root / "work"),
                ],
                cwd=ROOT,
                stdout=output,
                stderr=subprocess.STDOUT,
                timeout=BUILD_TIMEOUT,
                check=False,
                env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
            )
        if result.returncode != 0:
            tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:])
            pytest.fail(f"building the bundle failed (exit {result.returncode}):\n{tail}")
        shutil.rmtree(root / "work", ignore_errors=True)  # PyInstaller's intermediate files: not needed now
        yield root / "dist" / "smp-kiosk"
    finally:
        shutil.rmtree(root, ignore_errors=True)


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
