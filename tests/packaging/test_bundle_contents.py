"""What the bundle leaves out must be nothing the kept Qt parts link or the kiosk reads (fast: no build)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
import pytest
from PyInstaller.depend.bindepend import get_imports

ROOT = Path(__file__).resolve().parents[2]

if TYPE_CHECKING:  # mypy knows the file by its path in the project
    from packaging.pyinstaller import bundle_contents
else:  # at run time `packaging` is the PyPI library: load the file from its folder, as the spec does
    sys.path.insert(0, str(ROOT / "packaging" / "pyinstaller"))
    import bundle_contents

QT = Path(PySide6.__path__[0]) / "Qt"


@pytest.mark.parametrize(
    ("path", "unused"),
    [
        ("PySide6/Qt/qml/QtQuick3D/Helpers/libqtquick3dhelpersplugin.so", True),
        ("PySide6/Qt/qml/QtQuick/Scene3D/qmldir", True),
        ("PySide6/Qt/qml/QtWebView", True),
        ("PySide6\\Qt\\qml\\QtMultimedia\\qmldir", True),
        ("PySide6/Qt/lib/libQt63DRender.so.6", True),
        ("PySide6/Qt/lib/libQt6MultimediaQuick.so.6", True),
        ("PySide6/Qt/bin/Qt6WebEngineCore.dll", True),
        ("PySide6/Qt/lib/libavcodec.so.61", True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so", True),
        # What the kiosk needs stays.
        ("PySide6/Qt/qml/QtQuick/VirtualKeyboard/Components/libqtvkbcomponentsplugin.so", False),
        ("PySide6/Qt/qml/QtQuick/Pdf/qmldir", False),
        ("PySide6/Qt/qml/QtQuick/Controls/Material/qmldir", True),
        ("PySide6/Qt/lib/libQt6QuickControls2MaterialStyleImpl.so.6", True),
        ("PySide6/Qt/qml/QtQuick/Controls/Basic/qmldir", False),
        ("PySide6/Qt/qml/QtQuick/Controls/impl/qmldir", False),
        ("PySide6/Qt/lib/libQt6QuickControls2.so.6", False),
        ("PySide6/Qt/lib/libQt6QuickControls2Basic.so.6", False),
        ("PySide6/Qt/lib/libQt6QuickControls2Impl.so.6", False),
        ("PySide6/Qt/qml/QtQuick/qmldir", False),
        ("PySide6/Qt/qml/QtQml/qmldir", False),
        ("PySide6/Qt/lib/libQt6Multimedia.so.6", False),
        ("PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/lib/libQt6PdfQuick.so.6", False),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("resources/qml/Kiosk/Main.qml", False),
    ],
)
def test_what_is_left_out(path: str, unused: bool) -> None:
    assert bundle_contents.is_unused(path) is unused


@pytest.mark.slow
def test_no_kept_qt_binary_links_a_library_that_is_left_out() -> None:
    """The virtual keyboard links Qt Multimedia, for example: dropping it would break typing on the kiosk."""
    kept = [
        path
        for pattern in ("qml/**/*.so", "qml/**/*.dll", "plugins/**/*.so", "plugins/**/*.dll")
        for path in QT.glob(pattern)
        if not bundle_contents.is_unused(path)
    ]
    assert any("VirtualKeyboard" in str(path) for path in kept)
    broken = {
        f"{path.relative_to(QT)} needs {name}"
        for path in kept
        for name, _resolved in get_imports(str(path))
        if bundle_contents.is_unused(name)
    }
    assert not broken


def test_resources_ship_without_translation_sources(tmp_path: Path) -> None:
    (tmp_path / "translations" / "de" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "translations" / "de" / "LC_MESSAGES" / "kiosk.po").write_text("", encoding="utf-8")
    (tmp_path / "translations" / "de" / "LC_MESSAGES" / "kiosk.mo").write_bytes(b"")
    (tmp_path / "translations" / "kiosk.pot").write_text("", encoding="utf-8")
    (tmp_path / "protocols").mkdir()
    (tmp_path / "protocols" / "smp.toml").write_text("", encoding="utf-8")
    (tmp_path / "qml" / "Kiosk").mkdir(parents=True)
    (tmp_path / "qml" / "Kiosk" / "qmldir").write_text("module Kiosk\n", encoding="utf-8")
    assert sorted(destination for _source, destination in bundle_contents.resource_files(tmp_path)) == [
        "resources/protocols",
        "resources/qml/Kiosk",
        "resources/translations/de/LC_MESSAGES",
    ]


def test_alembic_scripts_ship_as_source_and_their_imports_are_bundled() -> None:
    package = ROOT / "kiosk"
    script_dirs = bundle_contents.alembic_script_dirs(package)
    assert script_dirs == [package / "store" / "migrations"]
    shipped = {Path(source).relative_to(ROOT) for source, _ in bundle_contents.package_data_files(package, ROOT)}
    for script_dir in script_dirs:
        assert script_dir.relative_to(ROOT) / "env.py" in shipped
        assert any(path.parent == script_dir.relative_to(ROOT) / "versions" for path in shipped)
    imports = bundle_contents.imports_of_scripts(script_dirs)
    assert {"alembic.op", "alembic.context", "alembic.ddl"} <= set(imports)
    assert any(name.startswith("sqlalchemy") for name in imports)
    # Plain package modules are compiled into the bundle's archive, not shipped as source.
    assert ROOT.joinpath("kiosk", "cli.py").relative_to(ROOT) not in shipped


def test_every_qml_module_the_screens_import_is_shipped_and_kept() -> None:
    """A screen importing a module the bundle leaves out (say QtQuick.Controls.Material) fails here, fast."""
    imports = bundle_contents.qml_imports(ROOT / "resources" / "qml")
    assert {"QtQuick", "QtQuick.VirtualKeyboard", "Kiosk"} <= imports
    registered = bundle_contents.python_qml_modules(ROOT / "kiosk")
    roots = [QT / "qml", ROOT / "resources" / "qml"]
    assert bundle_contents.missing_qml_modules(imports, roots, registered) == []


def test_a_qml_import_that_is_left_out_or_absent_is_reported(tmp_path: Path) -> None:
    (tmp_path / "Screen.qml").write_text(
        "import QtQuick\nimport QtQuick.Controls.Material\nimport QtMultimedia\nimport Made.Up 1.0\n"
        "import Kiosk.Models\n",
        encoding="utf-8",
    )
    imports = bundle_contents.qml_imports(tmp_path)
    missing = bundle_contents.missing_qml_modules(imports, [QT / "qml"], {"Kiosk.Models"})
    assert missing == ["Made.Up", "QtMultimedia", "QtQuick.Controls.Material"]
