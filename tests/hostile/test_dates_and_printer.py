"""Dates anywhere in the calendar's range, and hostile printer arguments."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.dates import parse_date
from kiosk.core.limits import EARLIEST_DATE, LATEST_DATE, MAX_TIMEOUT_SECONDS, bounded_seconds, seconds_problem
from kiosk.core.protocol import load_protocol
from kiosk.core.schedule import build_schedule
from kiosk.documents.ics import plan_to_ics
from kiosk.errors import UserError

from .conftest import assert_refused, run_cli

PROTOCOL = load_protocol()


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date.min, max_value=dt.date.max), st.dates(min_value=dt.date.min, max_value=dt.date.max))
def test_any_pair_of_dates_gives_a_plan_or_one_user_error(session: dt.date, today: dt.date) -> None:
    try:
        parsed_today = parse_date(today.strftime("%Y-%m-%d").zfill(10), "--today")
        parsed = parse_date(session.isoformat().zfill(10))
        schedule = build_schedule([parsed], PROTOCOL, parsed_today)
    except UserError as exc:
        assert "\n" not in str(exc)
        return
    assert EARLIEST_DATE <= schedule.start <= LATEST_DATE
    assert plan_to_ics(schedule).startswith(b"BEGIN:VCALENDAR")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.floats(), st.integers(min_value=-(2**70), max_value=2**70), st.booleans(), st.text(max_size=5)))
def test_any_timeout_is_refused_or_safe_for_sockets(value: object) -> None:
    problem = seconds_problem(value)
    if problem is None:
        assert isinstance(value, int | float)
        assert bounded_seconds(float(value)) == float(value)
    if isinstance(value, float):
        safe = bounded_seconds(value)
        assert 1.0 <= safe <= MAX_TIMEOUT_SECONDS


@pytest.mark.parametrize(
    ("today", "sessions"),
    [
        pytest.param("1900-01-01", ["1900-01-01", "1900-01-15"], id="first-days"),
        pytest.param("9000-12-31", ["9000-12-31", "9002-12-30"], id="last-days"),
    ],
)
def test_a_calendar_at_the_edge_of_the_range(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, today: str, sessions: list[str]
) -> None:
    out, ics = tmp_path / "c.pdf", tmp_path / "c.ics"
    args = ["--today", today, "calendar", "--name", "Sam", "--out", str(out), "--ics", str(ics)]
    for session in sessions:
        args += ["--session", session]
    outcome = run_cli(capsys, *args)
    if sessions[-1] > "9000-12-31":
        assert_refused(outcome, "outside the years")
        assert not out.exists() and not ics.exists()
        return
    assert outcome.code == 0, outcome.err
    assert out.read_bytes().startswith(b"%PDF-")


PDF = b"%PDF-1.4\n1 0 obj << /MediaBox [0 0 595.28 841.89] >> endobj\n%%EOF\n"


@pytest.mark.parametrize(
    ("pdf", "needle"),
    [
        pytest.param("/dev/zero", "special file", id="dev-zero-is-never-read"),
        pytest.param(os.devnull, "special file", id="dev-null"),
        pytest.param("fifo", "special file", id="fifo"),
        pytest.param("/", "is a folder", id="folder"),
        pytest.param("missing.pdf", "does not exist", id="missing"),
        pytest.param("x" * 5000, "File name too long", id="name-too-long"),
        pytest.param("empty.pdf", "is empty", id="empty"),
        pytest.param("text.pdf", "is not a PDF", id="not-a-pdf"),
        pytest.param("cut.pdf", "cut short", id="cut-short"),
        pytest.param("", "empty", id="empty-path"),
    ],
)
@pytest.mark.parametrize("command", ["print", "email"])
def test_a_hostile_pdf_to_hand_over_is_one_line_and_nothing_is_queued(  # noqa: PLR0917 - pytest parameters
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path, pdf: str, needle: str, command: str
) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "text.pdf").write_text("hello", encoding="utf-8")
    (tmp_path / "cut.pdf").write_bytes(PDF[:30])
    if pdf == "fifo":
        os.mkfifo(tmp_path / "fifo")
    path = pdf if pdf.startswith("/") or not pdf else str(tmp_path / pdf)
    args = ["print", path] if command == "print" else ["email", path, "--to", "client@example.com"]
    assert_refused(run_cli(capsys, *args), needle)
    assert not (data_dir / "outbox").exists()


@pytest.mark.parametrize(
    "printer",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("Front\r\nDesk", id="crlf"),
        pytest.param("P" * 100_000, id="100k"),
        pytest.param("../../etc/passwd", id="traversal"),
        pytest.param("-d", id="looks-like-an-option"),
    ],
)
def test_a_hostile_printer_name_never_prints_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path, printer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cups.sock"))  # no CUPS: the job waits, exit 3
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(PDF)
    outcome = run_cli(capsys, "print", str(pdf), f"--printer={printer}")
    if not printer.strip():
        assert_refused(outcome, "--printer")
        return
    assert outcome.code in (3, 4), outcome
    assert outcome.err == "" or len(outcome.err.splitlines()) == 1
    assert "Traceback" not in outcome.err + outcome.out
    assert len(outcome.out.splitlines()) == 1 and len(outcome.out) < 2000
