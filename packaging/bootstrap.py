#!/usr/bin/env python3
"""Set up and run the kiosk from a fresh checkout with nothing but python3.

    python3 packaging/bootstrap.py kiosk [ARGS...]   run the kiosk (or a command: schedule, ics, ...)
    python3 packaging/bootstrap.py test  [PYTEST ARGS...]   run ruff, mypy and the whole test suite

It installs the Debian packages Qt needs when they are missing (with sudo when not root), creates the
virtual environment `.venv/` in the project root, installs the project into it when pyproject.toml has
changed, and then runs the command inside it. Only the standard library is used here.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".smp-kiosk-installed"

# What Qt needs to run headless, and the virtual keyboard (libpulse0).
QT_RUNTIME = ["libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libglib2.0-0", "libdbus-1-3", "libpulse0"]
# A real window (kiosk run under X11 or Xvfb).
QT_WINDOW = [
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxkbcommon-x11-0",
]
# Extra services the test suite drives for real.
TEST_SERVICES = [
    "xvfb",
    "xauth",
    "postgresql",
    # tests/handover: a private CUPS with a virtual PDF printer, and pdftotext/pdfinfo to read what it printed
    "cups",
    "cups-client",
    "cups-bsd",
    "printer-driver-cups-pdf",
    "poppler-utils",
    # tests/ui/test_real_window.py: real pointer and key events from outside the kiosk's process, and
    # screenshots of the whole X screen (ImageMagick's `import -window root`)
    "xdotool",
    "imagemagick",
]
# The Linux kiosk session that tests/packaging checks and runs: cage (it needs Xwayland), the Wayland client
# libraries Qt's wayland plugin links, systemd-analyze for the unit, shellcheck for the install script.
KIOSK_SESSION = ["cage", "xwayland", "libwayland-cursor0", "libwayland-egl1", "systemd", "shellcheck"]

OFFSCREEN_ENV = {
    "QT_QPA_PLATFORM": "offscreen",
    "QT_QUICK_BACKEND": "software",
    "QT_IM_MODULE": "qtvirtualkeyboard",
    "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": "1",
}


def say(message: str) -> None:
    print(f"[bootstrap] {message}", file=sys.stderr, flush=True)


def missing_debian_packages(names: list[str]) -> list[str]:
    if shutil.which("dpkg-query") is None:
        return []
    missing = []
    for name in names:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True, check=False)
        if "install ok installed" not in result.stdout:
            missing.append(name)
    return missing


def apt_install(names: list[str]) -> None:
    missing = missing_debian_packages(names)
    if not missing:
        return
    if shutil.which("apt-get") is None:
        say(f"please install these system packages yourself: {' '.join(missing)}")
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            say(f"not root and no sudo: please install {' '.join(missing)} and run again")
            sys.exit(1)
        prefix = ["sudo"]
    say(f"installing system packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        [*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env
    )


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv(extras: str) -> Path:
    if importlib.util.find_spec("ensurepip") is None:  # Debian ships venv's pip separately
        apt_install(["python3-venv"])
    if not venv_python().exists():
        say("creating the virtual environment .venv/")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    installed = STAMP.read_text().strip() if STAMP.exists() else ""
    if installed != wanted:
        say("installing the kiosk and its dependencies into .venv/ (first run takes a few minutes)")
        pip = [str(venv_python()), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
        target = f".[{extras}]" if extras else "."
        subprocess.run([*pip, "install", "-e", target], check=True, cwd=ROOT)
        STAMP.write_text(wanted + "\n")
    return venv_python()


def compile_translations(python: Path) -> int:
    """The .mo catalogs are not in git: build them from the .po files (only the stale ones)."""
    return subprocess.call([str(python), str(ROOT / "packaging" / "translations.py"), "compile"], cwd=ROOT)


def run(argv: list[str]) -> int:
    if not argv or argv[0] not in {"kiosk", "test"}:
        print(__doc__, file=sys.stderr)
        return 2
    mode, rest = argv[0], argv[1:]
    if mode == "kiosk":
        apt_install(QT_RUNTIME + QT_WINDOW)
        python = ensure_venv("")
        if compile_translations(python) != 0:
            return 1
        return subprocess.call([str(python), "-m", "kiosk", *rest], cwd=ROOT)
    apt_install(QT_RUNTIME + QT_WINDOW + TEST_SERVICES + KIOSK_SESSION)
    python = ensure_venv("test")
    env = dict(os.environ, **OFFSCREEN_ENV, PYTHONDONTWRITEBYTECODE="1")
    if compile_translations(python) != 0:
        return 1
    for check in (["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]):
        say("running " + " ".join(check))
        if subprocess.call([str(python), "-m", *check], cwd=ROOT, env=env) != 0:
            return 1
    say("running the test suite")
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
