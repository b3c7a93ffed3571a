"""The bundle cache's key: the same installed packages and source give the same key, any change a new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.packaging import bundle_cache


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in {
        "pyproject.toml": "[project]\n",
        "uv.lock": "version = 1\n",
        "kiosk/cli.py": "print('hi')\n",
        "resources/qml/Kiosk/Main.qml": "Item {}\n",
        "packaging/pyinstaller/smp-kiosk.spec": "a = 1\n",
        "packaging/build_bundle.py": "b = 2\n",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(bundle_cache, "ROOT", tmp_path)
    return tmp_path


def test_the_key_is_stable_and_ignores_what_is_built_from_the_source(tree: Path) -> None:
    key = bundle_cache.bundle_key()
    (tree / "kiosk" / "__pycache__").mkdir()
    (tree / "kiosk" / "__pycache__" / "cli.cpython-311.pyc").write_bytes(b"compiled")
    (tree / "resources" / "qml" / "Kiosk" / "Main.qmlc").write_bytes(b"compiled")
    (tree / "packaging" / "bootstrap.py").write_text("not in the bundle\n", encoding="utf-8")
    assert bundle_cache.bundle_key() == key


@pytest.mark.parametrize(
    "changed",
    ["uv.lock", "pyproject.toml", "kiosk/cli.py", "resources/qml/Kiosk/Main.qml", "packaging/build_bundle.py"],
)
def test_a_change_to_the_lock_code_resources_or_recipe_makes_a_new_key(tree: Path, changed: str) -> None:
    key = bundle_cache.bundle_key()
    with (tree / changed).open("a", encoding="utf-8") as file:
        file.write("# changed\n")
    assert bundle_cache.bundle_key() != key


def test_a_new_file_makes_a_new_key(tree: Path) -> None:
    key = bundle_cache.bundle_key()
    (tree / "kiosk" / "new_module.py").write_text("", encoding="utf-8")
    assert bundle_cache.bundle_key() != key
