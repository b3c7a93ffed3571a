"""The venv carries compiled bytecode (bootstrap's `uv sync --compile-bytecode`): on a machine that sets
PYTHONDONTWRITEBYTECODE=1, a start that had to compile the packages it imports would do so on every start."""

from __future__ import annotations

import os
import sysconfig
from pathlib import Path

import pytest

from tests.cli_runner import fresh_process_report

SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"]).resolve()

# Every source file Python compiles in the process, recorded as it happens (a valid .pyc is read instead).
RECORD_COMPILES = """
from importlib.machinery import SourceFileLoader
compiled = []
to_code = SourceFileLoader.source_to_code
def recording(self, data, path, *args, **kwargs):
    compiled.append(str(path))
    return to_code(self, data, path, *args, **kwargs)
SourceFileLoader.source_to_code = recording
"""


@pytest.mark.parametrize("command", ["calendar", "schedule", "settings"])
def test_a_command_compiles_none_of_the_venvs_packages(command: str, tmp_path: Path) -> None:
    args = ["--today", "2026-11-24", command]
    if command != "settings":
        args += ["--session", "2026-11-24"]
    if command == "calendar":
        args += ["--name", "Ann", "--out", str(tmp_path / "c.pdf")]
    env = os.environ | {"PYTHONDONTWRITEBYTECODE": "1", "SMP_KIOSK_DATA_DIR": str(tmp_path / "data")}
    listing = tmp_path / "compiled.json"
    paths = fresh_process_report(args, listing, report="compiled", prelude=RECORD_COMPILES, env=env)
    compiled = [Path(path).resolve() for path in paths]
    from_the_venv = [str(path) for path in compiled if path.is_relative_to(SITE_PACKAGES)]
    assert from_the_venv == [], f"compiled on start (run python packaging/bootstrap.py sync): {from_the_venv[:5]}"
