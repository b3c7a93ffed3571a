"""The PyInstaller bundle the packaging tests run, built once per installed set of packages and source.

A build takes a minute or more on 2 cores, and nothing in it changes unless the packages in the virtual environment
(the lock), the kiosk's code, its resources or the packaging recipe do. So the built bundle is kept in
.venv/bundle-cache/<key>/, where the key is a hash of exactly those; the next run with the same key uses it as is.
A new key builds afresh (into a temporary folder that is renamed when the build succeeded, so a failed or killed
build is never used) and removes older bundles but the newest one.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import platform
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".venv" / "bundle-cache"
BUNDLE_NAME = "smp-kiosk"
KEEP = 2  # the bundle of this run and the one before it (switching branches back and forth)
# What goes into the bundle, besides the installed packages: the kiosk, its resources, the recipe and its tools.
SOURCES = ("kiosk", "resources", "packaging/pyinstaller")
PROJECT_FILES = (
    "pyproject.toml",
    "uv.lock",
    "requirements.lock",
    "requirements.txt",
    "packaging/build_bundle.py",
    "packaging/translations.py",
)
SKIPPED_SUFFIXES = (".pyc", ".mo", ".qmlc", ".aotstats")  # built from what is hashed (.py, .po, .qml)


def bundle_key() -> str:
    """A hash of the Python, the installed distributions and every source file the bundle is built from."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{platform.machine()}|{sys.prefix}\n".encode())
    installed = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions())
    digest.update("\n".join(installed).encode())
    files = [ROOT / name for name in PROJECT_FILES if (ROOT / name).is_file()]
    for top in SOURCES:
        files += [
            path
            for path in (ROOT / top).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(SKIPPED_SUFFIXES)
        ]
    for path in sorted(files):
        digest.update(f"\n{path.relative_to(ROOT).as_posix()}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cached_bundle(build_timeout: float) -> Path:
    """The bundle folder (its smp-kiosk program inside) for the current key, built now if there is none.

    Raises BundleBuildError with the end of PyInstaller's output when the build fails.
    """
    key = bundle_key()
    entry = CACHE / key
    bundle = entry / BUNDLE_NAME
    if (bundle / BUNDLE_NAME).is_file():
        os.utime(entry)  # newest used: kept by the pruning below
        return bundle
    CACHE.mkdir(parents=True, exist_ok=True)
    # World-readable: the cage test runs the bundle as an unprivileged user (cage refuses to run as root).
    for folder in (CACHE.parent, CACHE):
        folder.chmod(0o755)
    # One build at a time: the suite's workers (pytest-xdist), or two suites, wait for the first build.
    with (CACHE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (bundle / BUNDLE_NAME).is_file():
            return bundle
        return _build(key, entry, bundle, build_timeout)


def _build(key: str, entry: Path, bundle: Path, build_timeout: float) -> Path:
    building = CACHE / f"{key}.building-{os.getpid()}"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(mode=0o755)
    log = building / "build.log"
    try:
        with log.open("w", encoding="utf-8") as output:
            result = subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "packaging" / "build_bundle.py"),
                    "--dist",
                    str(building),
                    "--work",
                    str(building / "work"),
                ],
                cwd=ROOT,
                stdout=output,
                stderr=subprocess.STDOUT,
                timeout=build_timeout,
                check=False,
                env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
            )
        if result.returncode != 0:
            tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:])
            raise BundleBuildError(f"building the bundle failed (exit {result.returncode}):\n{tail}")
        shutil.rmtree(building / "work", ignore_errors=True)  # PyInstaller's intermediate files: not needed now
        building.rename(entry)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    prune()
    return bundle


def prune() -> None:
    """Remove all but the KEEP most recently used bundles, and builds left behind by killed runs."""
    entries = sorted((path for path in CACHE.iterdir() if path.is_dir()), key=lambda path: path.stat().st_mtime)
    finished = [path for path in entries if ".building-" not in path.name]
    stale = [path for path in entries if ".building-" in path.name and not _pid_alive(path.name.rsplit("-", 1)[1])]
    for path in finished[:-KEEP] + stale:
        shutil.rmtree(path, ignore_errors=True)


def _pid_alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


class BundleBuildError(Exception):
    pass
