"""Replaces PyInstaller's stock QtQml hook: collect the QML modules the kiosk may use, not every one PySide6 ships.

The stock hook copies all of Qt's qml/ folder (3D, WebView, Multimedia, ...), and PyInstaller then pulls in every
library those plugins link. Leaving them out here, before the dependency analysis, keeps the bundle small and the
build fast. The lists live in bundle_contents.py (the spec puts its folder on sys.path).
"""

from typing import TYPE_CHECKING

from PyInstaller.utils.hooks.qt import add_qt6_dependencies, pyside6_library_info

if TYPE_CHECKING:  # mypy knows the file by its path in the project
    from packaging.pyinstaller.bundle_contents import is_unused_qml
else:  # PyInstaller runs this hook with the spec's folder on sys.path
    from bundle_contents import is_unused_qml

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
qml_binaries, qml_datas = pyside6_library_info.collect_qtqml_files()
binaries += [(source, destination) for source, destination in qml_binaries if not is_unused_qml(destination)]
datas += [(source, destination) for source, destination in qml_datas if not is_unused_qml(destination)]
