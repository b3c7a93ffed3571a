"""What goes into the PyInstaller bundle, and what stays out.

PySide6's wheels ship every Qt module (3D, WebView, Multimedia with FFmpeg, Charts, ...), and PyInstaller's stock
QtQml hook copies every QML module with the libraries they link. The kiosk uses Qt Quick, Controls, the virtual
keyboard and QtPdf; everything on the lists below is left out to keep the bundle small. The smoke test of the
built bundle (tests/packaging) is what proves nothing needed was dropped.

Imported by the spec file and by hooks/hook-PySide6.QtQml.py; Qt-free and PyInstaller-free so it can be tested.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath

# QML module folders (relative to Qt's qml/ folder) the kiosk never imports.
UNUSED_QML_MODULES: tuple[str, ...] = (
    "Qt/labs/StyleKit",
    "Qt/labs/assetdownloader",
    "Qt/labs/wavefrontmesh",
    "Qt3D",
    "QtCharts",
    "QtDataVisualization",
    "QtGraphs",
    "QtLocation",
    "QtMultimedia",
    "QtPositioning",
    "QtQml/StateMachine",
    "QtQml/XmlListModel",
    # The kiosk draws its own look on the Basic style (kiosk/ui/app.py sets QT_QUICK_CONTROLS_STYLE=Basic;
    # the screens import QtQuick.Controls.Basic): the other styles are never loaded.
    "QtQuick/Controls/FluentWinUI3",
    "QtQuick/Controls/Fusion",
    "QtQuick/Controls/Imagine",
    "QtQuick/Controls/Material",
    "QtQuick/Controls/Native",
    "QtQuick/Controls/Universal",
    "QtQuick/Controls/Windows",
    "QtQuick/Controls/designer",
    "QtQuick/Controls/iOS",
    "QtQuick/Controls/macOS",
    "QtQuick/Dialogs",
    "QtQuick/LocalStorage",
    "QtQuick/Particles",
    "QtQuick/Scene2D",
    "QtQuick/Scene3D",
    "QtQuick3D",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtTest",
    "QtTextToSpeech",
    "QtWayland",  # the Wayland *compositor* QML API; the Wayland client plugin is a platform plugin
    "QtWebChannel",
    "QtWebEngine",
    "QtWebSockets",
    "QtWebView",
)

# Qt libraries (libQt6<Name>.so.6 / Qt6<Name>.dll) that only the modules above need.
UNUSED_QT_LIBRARIES: tuple[str, ...] = (
    "3D",
    "Bluetooth",
    "Charts",
    "DataVisualization",
    "Designer",
    "Graphs",
    "Help",
    "HttpServer",
    "LabsStyleKit",
    "LabsWavefrontMesh",
    "Location",
    "MultimediaQuick",  # libQt6Multimedia itself stays: the virtual keyboard's components link it
    "MultimediaWidgets",
    "Nfc",
    "Positioning",
    "Quick3D",
    "QuickControls2FluentWinUI3",
    "QuickControls2Fusion",
    "QuickControls2IOS",
    "QuickControls2Imagine",
    "QuickControls2MacOS",
    "QuickControls2Native",
    "QuickControls2Material",
    "QuickControls2Universal",
    "QuickControls2Windows",
    "QuickDialogs2",
    "QuickParticles",
    "QuickTest",
    "RemoteObjects",
    "Scxml",
    "Sensors",
    "SerialBus",
    "SerialPort",
    "SpatialAudio",
    "StateMachine",
    "Test",
    "TextToSpeech",
    "WaylandCompositor",
    "WebChannel",
    "WebEngine",
    "WebSockets",
    "WebView",
)

# Qt plugin folders (under Qt's plugins/) that belong to unused modules or only serve development.
UNUSED_QT_PLUGIN_DIRS: tuple[str, ...] = (
    "assetimporters",
    "canbus",
    "designer",
    "geometryloaders",
    "geoservices",
    "multimedia",
    "position",
    "qmltooling",
    "renderers",
    "renderplugins",
    "sceneparsers",
    "scxmldatamodel",
    "sensors",
    "texttospeech",
    "wayland-graphics-integration-server",
    "webview",
)

# Single plugins that would drag in a desktop stack the kiosk never runs under (GTK 3 for the GNOME theme).
UNUSED_QT_PLUGINS: tuple[str, ...] = ("platformthemes/libqgtk3.so", "platformthemes/qgtk3.dll")

# Other shared libraries that only unused modules load (FFmpeg is Qt Multimedia's backend plugin's).
UNUSED_OTHER_LIBRARIES: tuple[str, ...] = ("libavcodec", "libavformat", "libavutil", "libswresample", "libswscale")

# Python packages the kiosk never imports at run time (test and build tools that may sit in the same venv).
EXCLUDED_PYTHON_MODULES: tuple[str, ...] = (
    "tkinter",
    "pytest",
    "_pytest",
    "hypothesis",
    "mypy",
    "ruff",
    "PyInstaller",
    "IPython",
    "PySide6.Qt3DCore",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtDesigner",
    "PySide6.QtGraphs",
    "PySide6.QtLocation",
    "PySide6.QtMultimedia",
    "PySide6.QtPositioning",
    "PySide6.QtQuick3D",
    "PySide6.QtSensors",
    "PySide6.QtTextToSpeech",
    "PySide6.QtWebChannel",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
)

# Source files that are not needed at run time inside resources/. The checkout's .qmlc files stay behind too:
# build_bundle.py compiles the bundle's own copy of the QML (a .qmlc must match its file's time stamp).
SOURCE_ONLY_SUFFIXES: tuple[str, ...] = (".po", ".pot", ".pyc", ".qmlproject", ".qmlc", ".aotstats")


def _parts(path: str | PurePath) -> tuple[str, ...]:
    return PurePath(str(path).replace("\\", "/")).parts


def _contains(parts: tuple[str, ...], sequence: tuple[str, ...]) -> bool:
    width = len(sequence)
    return any(parts[index : index + width] == sequence for index in range(len(parts) - width + 1))


def is_unused_qml(path: str | PurePath) -> bool:
    """True for a file inside one of the unused QML module folders (path as collected: .../qml/<module>/...)."""
    parts = _parts(path)
    if "qml" not in parts:
        return False
    below_qml = parts[len(parts) - parts[::-1].index("qml") :]
    return any(below_qml[: len(module.split("/"))] == tuple(module.split("/")) for module in UNUSED_QML_MODULES)


def is_unused_qt_library(path: str | PurePath) -> bool:
    """True for libQt6<Name>*.so* / Qt6<Name>*.dll of an unused Qt module, or FFmpeg."""
    name = _parts(path)[-1]
    for prefix in ("libQt6", "Qt6"):
        if name.startswith(prefix):
            rest = name[len(prefix) :]
            return any(rest.startswith(module) for module in UNUSED_QT_LIBRARIES)
    return any(name.startswith(library) for library in UNUSED_OTHER_LIBRARIES)


def is_unused_plugin(path: str | PurePath) -> bool:
    parts = _parts(path)
    if any(_contains(parts, ("plugins", *plugin.split("/"))) for plugin in UNUSED_QT_PLUGINS):
        return True
    return any(_contains(parts, ("plugins", plugin_dir)) for plugin_dir in UNUSED_QT_PLUGIN_DIRS)


def is_unused(path: str | PurePath) -> bool:
    """Whether a collected file (its destination or source path) should be left out of the bundle."""
    return is_unused_qml(path) or is_unused_qt_library(path) or is_unused_plugin(path)


def resource_files(resources: Path) -> Iterator[tuple[str, str]]:
    """(source file, destination folder) pairs for everything the kiosk reads from resources/ at run time."""
    for folder, dirnames, filenames in os.walk(resources):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith(".") and name != "__pycache__")
        for filename in sorted(filenames):
            if filename.startswith(".") or filename.endswith(SOURCE_ONLY_SUFFIXES):
                continue
            source = Path(folder) / filename
            destination = Path("resources") / source.parent.relative_to(resources)
            yield str(source), destination.as_posix()


def alembic_script_dirs(package: Path) -> list[Path]:
    """Alembic migration folders inside the package (an env.py beside a versions/ folder)."""
    return sorted(env.parent for env in package.rglob("env.py") if (env.parent / "versions").is_dir())


def package_data_files(package: Path, root: Path) -> Iterator[tuple[str, str]]:
    """Non-Python files inside the package, plus every file of its Alembic folders (Alembic runs them as source)."""
    script_dirs = alembic_script_dirs(package)
    for path in sorted(package.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        in_alembic = any(path.is_relative_to(script_dir) for script_dir in script_dirs)
        if path.suffix == ".py" and not in_alembic:
            continue
        yield str(path), path.parent.relative_to(root).as_posix()


def imports_of_scripts(script_dirs: Iterable[Path]) -> list[str]:
    """Modules the migration scripts import: PyInstaller cannot see them because Alembic loads the scripts by path."""
    modules: set[str] = set()
    for script_dir in script_dirs:
        for script in sorted(script_dir.rglob("*.py")):
            for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"), filename=str(script))):
                if isinstance(node, ast.Import):
                    modules.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    modules.add(node.module)
    if modules:
        # `from alembic import op, context` names modules Alembic fills in at run time.
        modules.update({"alembic.op", "alembic.context", "alembic.runtime.migration", "alembic.ddl"})
        modules.update({"sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql"})
    return sorted(modules)


_QML_IMPORT = re.compile(r"^\s*import\s+([A-Za-z_][\w.]*)", re.MULTILINE)
_PYTHON_QML_MODULE = re.compile(r"""^QML_IMPORT_NAME\s*=\s*["']([\w.]+)["']""", re.MULTILINE)


def qml_imports(qml_root: Path) -> set[str]:
    """Module names the kiosk's .qml files import (`import QtQuick.Controls.Basic` -> "QtQuick.Controls.Basic")."""
    return {name for path in qml_root.rglob("*.qml") for name in _QML_IMPORT.findall(path.read_text(encoding="utf-8"))}


def python_qml_modules(package: Path) -> set[str]:
    """QML modules the kiosk registers from Python (`QML_IMPORT_NAME = "Kiosk.Models"` beside @QmlElement)."""
    return {name for path in package.rglob("*.py") for name in _PYTHON_QML_MODULE.findall(path.read_text("utf-8"))}


def missing_qml_modules(imports: Iterable[str], search_roots: Iterable[Path], registered: set[str]) -> list[str]:
    """Imports that no qmldir under `search_roots` provides and no Python code registers, or that are left out."""
    roots = list(search_roots)
    missing = []
    for name in sorted(set(imports) - registered):
        relative = Path(*name.split("."))
        found = any((root / relative / "qmldir").is_file() for root in roots)
        if not found or is_unused_qml(Path("qml") / relative / "qmldir"):
            missing.append(name)
    return missing
