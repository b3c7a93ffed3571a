"""The hostile-input catalogue: helpers shared by its tests.

Every refusal must be exit code 2 (or 3/4 for hand-overs), exactly one line on stderr that starts with
`smp-kiosk: error:`, no traceback, no control characters, a bounded length, and no other output before it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.errors import MAX_MESSAGE

TODAY = "2026-11-20"
SESSION = "2026-11-24"


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(folder))
    yield folder


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> Outcome:
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own refusals
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def assert_one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err[:2000]
    line = lines[0]
    assert line.startswith("smp-kiosk"), line[:300]
    assert " error: " in line, line[:300]  # "smp-kiosk: error:", or argparse's "smp-kiosk schedule: error:"
    assert "Traceback" not in err
    assert not any(unicodedata.category(ch) == "Cc" for ch in line), repr(line[:300])
    assert len(line) <= MAX_MESSAGE + 200  # the prefix and argparse's "(see ... --help)"
    return line


def assert_refused(outcome: Outcome, *needles: str, code: int = 2) -> str:
    assert outcome.code == code, (outcome.code, outcome.err[:500])
    line = assert_one_line(outcome.err)
    for needle in needles:
        assert needle in line, line
    return line
