#!/usr/bin/env python3
"""Set up and run the kiosk from a fresh checkout with nothing but python3.

    python3 packaging/bootstrap.py kiosk [ARGS...]        run the kiosk (or a command: schedule, ics, ...)
    python3 packaging/bootstrap.py test  [PYTEST ARGS...]  run ruff, mypy and the test suite
    python3 packaging/bootstrap.py sync                    only install the locked dependencies into .venv/
    python3 packaging/bootstrap.py lock [--upgrade]        rewrite uv.lock after a change to pyproject.toml
                                                           (--upgrade: move every package to its newest release)

It installs the Debian packages Qt needs when they are missing (with sudo when not root), installs uv (the
version and hashes written in uv.lock) into `.venv-tools/`, lets uv install exactly the packages and hashes of
uv.lock (runtime, test and packaging extras alike) into `.venv/` whenever uv.lock, pyproject.toml or the Python
changed, and then runs the command inside it. Only the standard library is used here.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".smp-kiosk-installed"
LOCK = ROOT / "uv.lock"
TOOLS = ROOT / ".venv-tools"  # uv itself, installed by pip from the hashes in uv.lock
TOOLS_STAMP = TOOLS / ".uv-installed"

# What Qt needs to run headless, and the virtual keyboard (libpulse0).
QT_RUNTIME = ["libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libglib2.0-0", "libdbus-1-3", "libpulse0"]
# Reading aloud, offline: speech-dispatcher (Qt TextToSpeech's Linux engine) with the espeak-ng voices, which
# speak all 12 languages; the tests synthesize with espeak-ng to a WAV file.
SPEECH = ["speech-dispatcher", "speech-dispatcher-espeak-ng", "espeak-ng"]
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
    # tests/documents: zbarimg reads the PDF's QR codes (a second decoder beside zxing-cpp)
    "zbar-tools",
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


def bundle_packages() -> list[str]:
    """What PyInstaller needs to build the bundle (tests/packaging): objdump, and Debian's shared libpython for
    the system Python (a Python built elsewhere, e.g. pyenv, brings its own)."""
    names = ["binutils"]
    if sys.base_prefix == "/usr":
        names.append(f"libpython{sys.version_info.major}.{sys.version_info.minor}")
    return names


def python_in(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def venv_python() -> Path:
    return python_in(VENV)


def locked_uv() -> list[str]:
    """uv's requirement line from uv.lock: the exact version with the hash of every wheel (pip checks them)."""
    if not LOCK.exists():
        return []
    packages = tomllib.loads(LOCK.read_text(encoding="utf-8")).get("package", [])
    for package in packages:
        if package["name"] == "uv":
            hashes = [f"--hash={wheel['hash']}" for wheel in package.get("wheels", [])]
            return [f"uv=={package['version']}", *hashes]
    return []


def ensure_uv() -> list[str]:
    """Install the locked uv into .venv-tools/ (once per uv version) and return the command that runs it."""
    if importlib.util.find_spec("ensurepip") is None:  # Debian ships venv's pip separately
        apt_install(["python3-venv"])
    requirement = locked_uv()
    wanted = hashlib.sha256(" ".join(requirement).encode()).hexdigest()
    tools_python = python_in(TOOLS)
    installed = TOOLS_STAMP.read_text().strip() if TOOLS_STAMP.exists() else ""
    if installed != wanted or not tools_python.exists():
        if not tools_python.exists():
            subprocess.run([sys.executable, "-m", "venv", "--clear", str(TOOLS)], check=True)
        pip = [str(tools_python), "-m", "pip", "--disable-pip-version-check", "-q", "install", "--only-binary=:all:"]
        if requirement:
            say(f"installing {requirement[0]} (the locker) into .venv-tools/")
            with tempfile.TemporaryDirectory() as folder:
                listing = Path(folder) / "uv.txt"
                listing.write_text(" ".join(requirement) + "\n", encoding="utf-8")
                subprocess.run([*pip, "--require-hashes", "--no-deps", "-r", str(listing)], check=True)
        else:
            say("uv.lock names no uv yet: installing the newest uv to write it")
            subprocess.run([*pip, "uv"], check=True)
        TOOLS_STAMP.write_text(wanted + "\n")
    # The binary itself: `python -m uv` would point VIRTUAL_ENV at .venv-tools/ and make uv warn.
    return [str(TOOLS / ("Scripts/uv.exe" if os.name == "nt" else "bin/uv"))]


def uv_environment() -> dict[str, str]:
    return dict(
        os.environ,
        UV_PYTHON_DOWNLOADS="never",  # the Python running this script is the one .venv/ gets
        UV_PROJECT_ENVIRONMENT=str(VENV),
        UV_NO_PROGRESS="1",
    )


def install_stamp() -> str:
    """What .venv/ was installed from: the lock, the project's requirements and the Python (never the extras)."""
    digest = hashlib.sha256()
    for path in (LOCK, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes() if path.exists() else b"")
    digest.update(f"{sys.executable} {sys.version}".encode())
    return digest.hexdigest()


def ensure_venv() -> Path:
    """Make .venv/ hold exactly uv.lock, with every extra, so `kiosk` after `test` installs nothing again."""
    wanted = install_stamp()
    installed = STAMP.read_text().strip() if STAMP.exists() else ""
    if installed == wanted and venv_python().exists():
        return venv_python()
    if not LOCK.exists():
        say("there is no uv.lock: write it with `python3 packaging/bootstrap.py lock`")
        sys.exit(1)
    uv = ensure_uv()
    say("installing the locked dependencies into .venv/ (uv.lock; under a minute the first time)")
    command = [*uv, "sync", "--locked", "--all-extras", "--compile-bytecode", "--python", sys.executable]
    if subprocess.call(command, cwd=ROOT, env=uv_environment()) != 0:
        say(
            "uv.lock does not match pyproject.toml (or a download failed): after changing the dependencies in "
            "pyproject.toml, run `python3 packaging/bootstrap.py lock` and commit uv.lock with it"
        )
        sys.exit(1)
    STAMP.write_text(wanted + "\n")
    return venv_python()


def lock(options: list[str]) -> int:
    """Rewrite uv.lock for pyproject.toml; keep every locked version unless --upgrade (or --upgrade-package)."""
    uv = ensure_uv()
    status = subprocess.call([*uv, "lock", "--python", sys.executable, *options], cwd=ROOT, env=uv_environment())
    if status == 0:
        say("uv.lock written: commit it, and run `python3 packaging/bootstrap.py test` to see the versions work")
    return status


def compile_translations(python: Path) -> int:
    """The .mo catalogs are not in git: build them from the .po files (only the stale ones)."""
    return subprocess.call([str(python), str(ROOT / "packaging" / "translations.py"), "compile"], cwd=ROOT)


# ---------------------------------------------------------------------------------------------------------------
# Compiled bytecode (issue #19). Some machines set PYTHONDONTWRITEBYTECODE=1, so
# Python never caches what it compiles: every start would compile the kiosk again, and a read-only tree always
# would. `uv sync --compile-bytecode` compiles the installed packages; the project's own code (installed editable,
# so left where it is) and its QML are compiled here, only what changed since the last time.


def compile_bytecode(python: Path) -> None:
    """Write __pycache__/*.pyc for kiosk/, tests/ and benchmarks/, a .qmlc beside each QML file and an .rlinfo
    beside each font (its metrics, which ReportLab would otherwise parse on every start)."""
    folders = [str(ROOT / name) for name in ("kiosk", "tests", "benchmarks")]
    command = [str(python), "-m", "compileall", "-q", "-j", "0", *folders]
    if subprocess.run(command, stdout=subprocess.DEVNULL, check=False).returncode != 0:
        say("some files could not be compiled to bytecode; they are compiled when imported instead")
    if subprocess.run([str(python), str(ROOT / "packaging" / "qml_cache.py")], check=False).returncode != 0:
        say("some QML files could not be compiled ahead of time (packaging/qml_cache.py); they are compiled at start")
    if subprocess.run([str(python), str(ROOT / "packaging" / "font_info.py")], check=False).returncode != 0:
        say("the fonts' metrics could not be stored (packaging/font_info.py); the kiosk reads them as it starts")


MAX_WORKERS = 8  # each worker runs its own Qt, PostgreSQL and CUPS; more than this buys little


def pytest_workers() -> int:
    """Two pytest workers per core: many tests spend much of their time waiting (for a server, a child process,
    a timer, a frame), and a second worker uses that time. Measured on 2 cores, whole suite: one process
    14 min 25 s, 2 workers 6 min, 3 workers 4 min 18 s, 4 workers 3 min 33 s."""
    cores = os.cpu_count() or 1
    return 1 if cores < 2 else min(2 * cores, MAX_WORKERS)


def pytest_arguments(rest: list[str]) -> list[str]:
    """The suite on every core (pytest-xdist, pytest_workers()), unless the caller chose (`-n 0`,
    `-p no:xdist`, `--pdb`); the whole suite also lists its slowest tests."""
    chosen = any(arg.startswith(("-n", "--numprocesses", "--pdb")) or arg == "no:xdist" for arg in rest)
    workers = pytest_workers()
    parallel = [] if chosen or workers < 2 else ["-n", str(workers), "--dist", "worksteal"]
    return [*parallel, *([] if rest else ["--durations=15"]), *rest]


def run(argv: list[str]) -> int:
    if not argv or argv[0] not in {"kiosk", "test", "sync", "lock"}:
        print(__doc__, file=sys.stderr)
        return 2
    mode, rest = argv[0], argv[1:]
    if mode == "lock":
        return lock(rest)
    if mode == "sync":
        ensure_venv()
        return 0
    if mode == "kiosk":
        apt_install(QT_RUNTIME + QT_WINDOW + SPEECH)
        python = ensure_venv()
        compile_bytecode(python)
        if compile_translations(python) != 0:
            return 1
        return subprocess.call([str(python), "-m", "kiosk", *rest], cwd=ROOT)
    apt_install(QT_RUNTIME + QT_WINDOW + SPEECH + TEST_SERVICES + KIOSK_SESSION + bundle_packages())
    python = ensure_venv()
    compile_bytecode(python)
    # pytest keeps the test modules it rewrote (for its assert messages) only when Python may write bytecode; with
    # PYTHONDONTWRITEBYTECODE (set on some machines) every worker rewrites all of them again (about 4 s of CPU
    # each). The kiosk's own modules and the venv's are compiled above, so nothing else gets written.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"} | OFFSCREEN_ENV
    if compile_translations(python) != 0:
        return 1
    for check in (["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]):
        say("running " + " ".join(check))
        if subprocess.call([str(python), "-m", *check], cwd=ROOT, env=env) != 0:
            return 1
    say("running the test suite")
    return subprocess.call([str(python), "-m", "pytest", *pytest_arguments(rest)], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
