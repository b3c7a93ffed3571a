"""The venv carries compiled bytecode (bootstrap's `uv sync --compile-bytecode`): on a machine that sets
PYTHONDONTWRITEBYTECODE=1, a start that had to compile the packages it imports would do so on every start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"]).resolve()

# Every source file Python compiles in the process, recorded as it happens (a valid .pyc is read instead).
COMPILED_DURING = """
import json, sys
from importlib.machinery import SourceFileLoader
compiled = []
to_code = SourceFileLoader.source_to_code
def recording(self, data, path, *args, **kwargs):
    compiled.append(str(path))
    return to_code(self, data, path, *args, **kwargs)
SourceFileLoader.source_to_code = recording
from kiosk.cli import main
code = main(sys.argv[2:])
print(json.dumps(compiled), file=open(sys.argv[1], "w"))
sys.exit(code)
"""


@pytest.mark.parametrize("command", ["calendar", "schedule", "settings"])
def test_a_command_compiles_none_of_the_venvs_packages(command: str, tmp_path: Path) -> None:
    args = ["--today", "2026-11-24", command]
    if command != "settings":
        args += ["--session", "2026-11-24"]
    if command == "calendar":
        args += ["--name", "Ann", "--out", str(tmp_path / "c.pdf")]
    listing = tmp_path / "compiled.json"
    env = os.environ | {"PYTHONDONTWRITEBYTECODE": "1", "SMP_KIOSK_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", COMPILED_DURING, str(listing), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    compiled = [Path(path).resolve() for path in json.loads(listing.read_text())]
    from_the_venv = [str(path) for path in compiled if path.is_relative_to(SITE_PACKAGES)]
    assert from_the_venv == [], f"compiled on start (run python packaging/bootstrap.py sync): {from_the_venv[:5]}"
