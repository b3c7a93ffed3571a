#!/usr/bin/env python3
"""Compile the kiosk's QML ahead of time: a `.qmlc` beside each `.qml` file, which the QML engine loads instead
of compiling the file as the kiosk starts (about 120 ms of a cold start on a 2-core tablet).

    python packaging/qml_cache.py [FOLDER]     # default: resources/qml; only files whose .qmlc is missing or older

It runs PySide6's qmlcachegen (`--only-bytecode`: QML byte code, no C++). bootstrap.py runs it for the checkout,
build_bundle.py for the bundle's own copy (after PyInstaller copied the files). Qt itself does NOT notice that a
.qmlc made this way is older than its file (ahead-of-time files carry no source time stamp): the kiosk removes
stale ones before it loads its screens (kiosk/ui/qml_disk_cache.py), so an edited or updated screen always shows.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QML_ROOT = ROOT / "resources" / "qml"
sys.path.insert(0, str(ROOT))

from kiosk.ui.qml_disk_cache import is_stale  # noqa: E402 - the checkout's kiosk package, found through ROOT


def qmlcachegen() -> Path | None:
    """PySide6's qmlcachegen program (in the wheel's Qt/libexec, or beside Qt on Windows)."""
    import PySide6  # noqa: PLC0415 - only this tool needs Qt's location

    base = Path(PySide6.__file__).parent
    for candidate in (base / "Qt" / "libexec" / "qmlcachegen", base / "qmlcachegen.exe", base / "qmlcachegen"):
        if candidate.is_file():
            return candidate
    found = shutil.which("pyside6-qmlcachegen")
    return Path(found) if found else None


def compile_qml(folder: Path) -> int:
    """Write the stale .qmlc files under `folder` (a QML import folder); the number of files that failed."""
    tool = qmlcachegen()
    if tool is None:
        print("qml_cache: qmlcachegen not found; the QML is compiled as the kiosk starts", file=sys.stderr)
        return 0
    failed = 0
    for source in sorted(folder.rglob("*.qml")):
        target = source.with_suffix(".qmlc")
        if not is_stale(target):
            continue
        result = subprocess.run(
            [str(tool), "--only-bytecode", "-I", str(folder), str(source), "-o", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        source.with_suffix(".qmlc.aotstats").unlink(missing_ok=True)  # statistics for Qt's build tools only
        if result.returncode != 0:
            failed += 1
            target.unlink(missing_ok=True)
            print(f"qml_cache: {source}: {result.stderr.strip()[:500]}", file=sys.stderr)
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", nargs="?", type=Path, default=QML_ROOT, help="QML import folder (resources/qml)")
    args = parser.parse_args(argv)
    return 1 if compile_qml(args.folder) else 0


if __name__ == "__main__":
    sys.exit(main())
