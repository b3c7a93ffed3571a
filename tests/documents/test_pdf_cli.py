"""`smp-kiosk calendar` as staff and scripts call it: exit codes, one-line errors, no file left behind."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.cli_runner import run_cli
from tests.test_cli import assert_one_line_error

Texts = Callable[[bytes], list[str]]
PageSizes = Callable[[bytes], list[tuple[float, float]]]


def calendar(*args: str) -> subprocess.CompletedProcess[str]:
    """`smp-kiosk calendar ARGS`, run in this process (tests/cli_runner.py)."""
    return run_cli("--today", "2026-11-24", "calendar", *args)


def test_writes_the_pdf_and_the_ics(tmp_path: Path, texts_of: Texts, pages_of: PageSizes) -> None:
    out, ics = tmp_path / "calendar.pdf", tmp_path / "plan.ics"
    result = calendar(
        "--name",
        "Zoë Ødegård",
        "--session",
        "2026-11-27",
        "--session",
        "2026-12-18",
        "--hair",
        "long",
        "--large-print",
        "--paper",
        "letter",
        "--out",
        str(out),
        "--ics",
        str(ics),
    )
    assert result.returncode == 0, result.stderr
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF-")
    text = " ".join(" ".join(texts_of(pdf)).split())
    assert "Zoë Ødegård" in text
    assert "Keeping your length is fine" in text
    assert "Buzz cut the night before" not in text
    assert {(round(w), round(h)) for w, h in pages_of(pdf)} == {(612, 792)}
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert any(str(event.get("summary")) == "Saunas, pools and fake tan are fine" for event in events)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["calendar.pdf", "plan.ics"]


def test_language_protocol_and_clinic_options(tmp_path: Path, texts_of: Texts) -> None:
    out = tmp_path / "c.pdf"
    result = calendar(
        "--name",
        "سارة",
        "--session",
        "2026-11-27",
        "--language",
        "ar",
        "--protocol",
        "smp",
        "--clinic",
        "demo",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert "سارة" in texts_of(out.read_bytes())[0]


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["--name", "Ann", "--session", "2026-11-27", "--hair", "bald"], ["--hair", "buzz", "long"]),
        (["--name", "Ann", "--session", "2026-11-27", "--paper", "a3"], ["--paper", "a4", "letter"]),
        (["--name", "   ", "--session", "2026-11-27"], ["--name is empty"]),
        (["--name", "\x07\x1b", "--session", "2026-11-27"], ["--name is empty"]),
        (["--name", "Ann"], ["no session date"]),
        (["--name", "Ann", "--session", "2026-02-30"], ["does not exist"]),
        (["--name", "Ann", "--session", "2026-11-27", "--clinic", "nowhere"], ["clinic profile nowhere"]),
        (["--name", "Ann", "--session", "2026-11-27", "--protocol", "nope"], ["unknown protocol 'nope'"]),
        (["--name", "Ann", "--session", "2026-11-27", "--language", "xx"], ["language 'xx'"]),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_file(tmp_path: Path, args: list[str], needles: list[str]) -> None:
    out = tmp_path / "c.pdf"
    assert_one_line_error(calendar(*args, "--out", str(out)), *needles)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_out_leaves_no_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    result = calendar("--name", "Ann", "--session", "2026-11-27", "--out", str(blocker / "c.pdf"))
    assert_one_line_error(result, "does not exist")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]
    result = calendar("--name", "Ann", "--session", "2026-11-27", "--out", str(tmp_path))
    assert_one_line_error(result, "is a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_unwritable_ics_leaves_no_pdf_either(tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    result = calendar(
        "--name", "Ann", "--session", "2026-11-27", "--out", str(out), "--ics", str(tmp_path / "missing" / "p.ics")
    )
    assert_one_line_error(result, "does not exist")
    assert list(tmp_path.iterdir()) == []


def test_empty_out_is_refused(tmp_path: Path) -> None:
    assert_one_line_error(calendar("--name", "Ann", "--session", "2026-11-27", "--out", " "), "--out is empty")
