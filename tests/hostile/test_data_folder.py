"""The data folder read-only, full, not a folder, or with an `outbox` that is a file: one line, exit 2, nothing
else printed (no "cannot write the log" warning, no logging traceback), for every command that needs it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.store import mounts

from .conftest import assert_one_line

ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n1 0 obj << /MediaBox [0 0 595.28 841.89] >> endobj\n%%EOF\n"


def _smp(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SMP_KIOSK_DATA_DIR": str(data), "SMP_KIOSK_DATABASE_URL": ""}
    env.pop("SMP_KIOSK_DATABASE_URL")
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip


def _a_file(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.write_text("a file where the data folder should be", encoding="utf-8")
    return path


def _outbox_a_file(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    (path / "outbox").write_text("not a folder", encoding="utf-8")
    return path


def _under_a_file(tmp_path: Path) -> Path:
    return _a_file(tmp_path) / "kiosk"


def _logs_a_file(tmp_path: Path) -> Path:  # only the log cannot be written: commands still work, silently
    path = tmp_path / "data"
    path.mkdir()
    (path / "logs").write_text("not a folder", encoding="utf-8")
    return path


STATES: dict[str, Callable[[Path], Path]] = {
    "data-folder-is-a-file": _a_file,
    "outbox-is-a-file": _outbox_a_file,
    "data-folder-under-a-file": _under_a_file,
}
COMMANDS: dict[str, list[str]] = {
    "outbox": ["outbox"],
    "outbox-retry": ["outbox", "--retry"],
    "outbox-discard": ["outbox", "--discard", "0123"],
    "print": ["print", "{pdf}"],
    "email": ["email", "{pdf}", "--to", "client@example.com"],
    "set-pin": ["set-pin", "--pin-stdin"],
    "records": ["records"],
}


def _run(data: Path, pdf: Path, command: str) -> subprocess.CompletedProcess[str]:
    args = [part.replace("{pdf}", str(pdf)) for part in COMMANDS[command]]
    return _smp(data, *args, stdin="482916\n")


def _assert_data_folder_line(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    line = assert_one_line(result.stderr)
    assert "warning" not in result.stderr.lower()
    assert "data folder" in line or "database" in line or "kiosk config" in line or "kiosk settings" in line, line


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("state", list(STATES))
def test_a_broken_data_folder_is_one_line(tmp_path: Path, state: str, command: str) -> None:
    data = STATES[state](tmp_path)
    pdf = tmp_path / "calendar.pdf"
    pdf.write_bytes(PDF)
    result = _run(data, pdf, command)
    if state == "outbox-is-a-file" and command in ("set-pin", "records"):  # they do not need the outbox
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        return
    _assert_data_folder_line(result)


@pytest.mark.parametrize("command", ["schedule", "ics"])
def test_a_log_that_cannot_be_written_prints_nothing(tmp_path: Path, command: str) -> None:
    data = _logs_a_file(tmp_path)
    args = ["--today", "2026-11-20", command, "--session", "2026-11-24"]
    if command == "ics":
        args += ["--out", str(tmp_path / "plan.ics")]
    result = _smp(data, *args)
    assert result.returncode == 0
    assert result.stderr == ""


@pytest.fixture
def small_mount(tmp_path: Path) -> Iterator[Path]:
    if not mounts.can_mount():
        pytest.fail("these tests mount a small tmpfs: run them as root (CI and the bootstrap do)")
    with mounts.tmpfs(tmp_path / "mnt", "2m") as folder:
        yield folder


@pytest.mark.parametrize("command", ["outbox", "print", "email", "set-pin", "records"])
def test_a_read_only_data_folder_is_one_line(small_mount: Path, tmp_path: Path, command: str) -> None:
    data = small_mount / "data"
    data.mkdir()
    mounts.remount(small_mount, read_only=True)
    pdf = tmp_path / "calendar.pdf"
    pdf.write_bytes(PDF)
    _assert_data_folder_line(_run(data, pdf, command))


@pytest.mark.parametrize("command", ["outbox", "print", "email", "set-pin"])
def test_a_full_data_folder_is_one_line(small_mount: Path, tmp_path: Path, command: str) -> None:
    data = small_mount / "data"
    data.mkdir()
    mounts.fill(small_mount)
    pdf = tmp_path / "calendar.pdf"
    pdf.write_bytes(PDF)
    _assert_data_folder_line(_run(data, pdf, command))


@pytest.mark.parametrize("state", ["data-folder-is-a-file", "data-folder-under-a-file"])
def test_the_kiosk_refusing_to_start_prints_one_line_and_no_log_warning(tmp_path: Path, state: str) -> None:
    data = STATES[state](tmp_path)
    result = _smp(data, "--windowed")
    _assert_data_folder_line(result)
