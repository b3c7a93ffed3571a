#!/usr/bin/env python3
"""Build the self-contained one-folder kiosk bundle with PyInstaller.

    python packaging/build_bundle.py [--dist DIR] [--work DIR]

Run it with the project's virtual environment (`.venv/bin/python`, or `.venv\\Scripts\\python.exe` on Windows)
after `python3 packaging/bootstrap.py sync`, which installs exactly uv.lock (PyInstaller included): the bundle
holds the same versions the tests ran with. It compiles the translation catalogs, writes the language table
(packaging/language_table.py), stores the fonts' metrics (packaging/font_info.py), runs PyInstaller on
packaging/pyinstaller/smp-kiosk.spec, compiles the bundled QML ahead of time (packaging/qml_cache.py) and
checks the result. The bundle lands in DIST/smp-kiosk/ (default: dist/smp-kiosk/); copy that whole folder to
the kiosk (/opt/smp-kiosk on Linux, see docs/install-linux.md).
Nothing is cached between builds: the work folder is cleaned first.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pyinstaller" / "smp-kiosk.spec"
TRANSLATIONS_TOOL = ROOT / "packaging" / "translations.py"
LANGUAGE_TABLE_TOOL = ROOT / "packaging" / "language_table.py"
QML_CACHE_TOOL = ROOT / "packaging" / "qml_cache.py"
FONT_INFO_TOOL = ROOT / "packaging" / "font_info.py"

if TYPE_CHECKING:  # mypy knows the file by its path in the project
    from packaging.pyinstaller.bundle_contents import missing_qml_modules, python_qml_modules, qml_imports
else:  # at run time `packaging` is the PyPI library: load the file from the spec's folder, as the spec does
    sys.path.insert(0, str(SPEC.parent))
    from bundle_contents import missing_qml_modules, python_qml_modules, qml_imports
BUNDLE_NAME = "smp-kiosk"


def say(message: str) -> None:
    print(f"[build_bundle] {message}", file=sys.stderr, flush=True)


def executable_name(name: str = BUNDLE_NAME) -> str:
    return f"{name}.exe" if sys.platform == "win32" else name


def compile_translations() -> None:
    """Turn resources/translations/*.po into the .mo catalogs the bundle ships (they are not in git)."""
    if not TRANSLATIONS_TOOL.exists():
        say("no packaging/translations.py yet: the bundle ships no compiled catalogs")
        return
    say("compiling translation catalogs")
    subprocess.run([sys.executable, str(TRANSLATIONS_TOOL), "compile"], check=True, cwd=ROOT)


def write_language_table() -> None:
    """The shipped languages' names and directions from Babel, so the kiosk need not ask Babel as it starts."""
    say("writing the language table")
    subprocess.run([sys.executable, str(LANGUAGE_TABLE_TOOL)], check=True, cwd=ROOT)


def store_font_info() -> None:
    """The fonts' metrics beside them (packaging/font_info.py), copied into the bundle with resources/."""
    say("storing the fonts' metrics")
    subprocess.run([sys.executable, str(FONT_INFO_TOOL)], check=True, cwd=ROOT)


def run_pyinstaller(dist: Path, work: Path) -> Path:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    say("running PyInstaller (a few minutes)")
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / BUNDLE_NAME


def compile_bundled_qml(bundle: Path) -> None:
    """QML byte code beside the bundle's own copy of the screens (packaging/qml_cache.py): no compiling at start."""
    say("compiling the QML ahead of time")
    qml = bundle / "_internal" / "resources" / "qml"
    subprocess.run([sys.executable, str(QML_CACHE_TOOL), str(qml)], check=True, cwd=ROOT)


def check_bundle(bundle: Path) -> None:
    """Fail loudly when a part the kiosk cannot start without is missing from the bundle."""
    internal = bundle / "_internal"
    # PySide6's wheels keep Qt in PySide6/Qt/ on Linux and macOS, directly in PySide6/ on Windows.
    qt = internal / "PySide6" / "Qt" if (internal / "PySide6" / "Qt").is_dir() else internal / "PySide6"
    plugins = qt / "plugins"
    required = [
        bundle / executable_name(),
        internal / "resources" / "protocols" / "smp.toml",
        qt / "qml" / "QtQuick" / "VirtualKeyboard" / "qmldir",
        qt / "qml" / "QtQuick" / "Pdf" / "qmldir",
        qt / "qml" / "QtQuick" / "Controls" / "qmldir",
        plugins / "platforms",
        plugins / "platforminputcontexts",
    ]
    if (ROOT / "resources" / "qml").is_dir():
        required.append(internal / "resources" / "qml")
    missing = [str(path.relative_to(bundle)) for path in required if not path.exists()]
    if sys.platform == "win32":
        required.append(bundle / executable_name("smp-kiosk-cli"))
    if not any(plugins.glob("platforminputcontexts/*qtvirtualkeyboardplugin*")):
        missing.append("the virtual keyboard input-context plugin")
    if not any(plugins.glob("texttospeech/*")):
        missing.append("the Qt TextToSpeech engines (reading aloud)")
    missing += [f"the QML module {name}" for name in missing_qml_modules_in(internal, qt)]
    if missing:
        raise SystemExit(f"the bundle is missing: {', '.join(missing)}")


def missing_qml_modules_in(internal: Path, qt: Path) -> list[str]:
    """QML modules the kiosk's screens import that the bundle does not hold (say, one bundle_contents leaves out)."""
    imports = qml_imports(ROOT / "resources" / "qml")
    registered = python_qml_modules(ROOT / "kiosk")
    return missing_qml_modules(imports, [qt / "qml", internal / "resources" / "qml"], registered)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def build(dist: Path, work: Path) -> Path:
    """Build the bundle into dist/smp-kiosk and return that folder."""
    started = time.monotonic()
    compile_translations()
    write_language_table()
    store_font_info()
    bundle = run_pyinstaller(dist.resolve(), work.resolve())
    compile_bundled_qml(bundle)
    check_bundle(bundle)
    say(f"built {bundle} ({folder_size(bundle) / 2**20:.0f} MiB) in {time.monotonic() - started:.0f} s")
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    args = parser.parse_args(argv)
    build(args.dist, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
