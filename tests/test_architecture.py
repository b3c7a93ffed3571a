"""Only kiosk/ui may use Qt: the core, documents, i18n, hand-over and storage stay plain Python."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kiosk"
UI_PACKAGE = PACKAGE / "ui"


def qt_free_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if UI_PACKAGE not in p.parents)


def imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__" and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
    return names


def test_no_module_outside_the_ui_package_imports_qt() -> None:
    offenders = {
        str(path.relative_to(PACKAGE.parent)): sorted(name for name in imported_names(path) if "PySide" in name)
        for path in qt_free_modules()
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_importing_every_qt_free_module_loads_no_qt() -> None:
    modules = [
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in qt_free_modules()
        if path.name != "__main__.py"
    ]
    assert len(modules) > 5
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "[]"


def test_the_checker_would_notice_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport os\n", encoding="utf-8")
    assert "PySide6.QtCore" in imported_names(sample)


def test_the_ui_package_imports_its_plain_python_dependencies_before_qt() -> None:
    """kiosk/ui/__init__.py lists every plain-Python kiosk module the UI modules import at their top, so they load
    before PySide6's import hook (which reads each later module's source) is installed."""
    from kiosk.ui import QT_FREE_DEPENDENCIES  # noqa: PLC0415 - the package's own __init__ imports no Qt

    wanted: set[str] = set()
    for path in UI_PACKAGE.glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8"), str(path)).body:  # the top level only
            if isinstance(node, ast.ImportFrom) and node.module:
                wanted.add(node.module)
            elif isinstance(node, ast.Import):
                wanted.update(alias.name for alias in node.names)
    wanted = {name for name in wanted if name.split(".")[0] == "kiosk" and not name.startswith("kiosk.ui")}
    wanted.discard("kiosk")
    missing = sorted(wanted - set(QT_FREE_DEPENDENCIES))
    assert missing == [], f"add {missing} to QT_FREE_DEPENDENCIES in kiosk/ui/__init__.py"
