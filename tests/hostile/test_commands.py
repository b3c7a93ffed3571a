"""Hostile arguments for every command: one line on stderr, exit code 2, nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import SESSION, TODAY, assert_refused, run_cli

HUGE = "9" * 100_000

BAD_DATES = [
    pytest.param("0001-01-01", "outside the years", id="year-1"),
    pytest.param("0000-01-01", "does not exist", id="year-0"),
    pytest.param("9999-12-31", "outside the years", id="year-9999-last-day"),
    pytest.param("9999-12-30", "outside the years", id="year-9999"),
    pytest.param("1899-12-31", "outside the years", id="before-1900"),
    pytest.param("2026-02-30", "does not exist", id="30-february"),
    pytest.param("2026-13-01", "does not exist", id="month-13"),
    pytest.param("2026-00-10", "does not exist", id="month-0"),
    pytest.param("２０２６-１１-２４", "not a date", id="full-width-digits"),
    pytest.param("٢٠٢٦-١١-٢٤", "not a date", id="arabic-indic-digits"),
    pytest.param("2026-11-24\nX", "not a date", id="line-feed"),
    pytest.param("2026-11-24\r\nInjected: yes", "not a date", id="crlf"),
    pytest.param("\x1b[31m2026-11-24", "not a date", id="escape"),
    pytest.param(HUGE, "not a date", id="100k-digits"),
    pytest.param("NaN", "not a date", id="nan"),
    pytest.param("inf", "not a date", id="inf"),
    pytest.param("-2026-11-24", "expected one argument", id="negative-year-reads-as-an-option"),
    pytest.param("+2026-11-24", "not a date", id="plus-sign"),
    pytest.param("20261124", "not a date", id="no-dashes"),
    pytest.param("1e308", "not a date", id="float"),
    pytest.param(" ", "empty", id="blank"),
    pytest.param("\u202e42-11-6202", "not a date", id="bidi-override"),
]


@pytest.mark.parametrize(("value", "needle"), BAD_DATES)
def test_schedule_refuses_a_bad_session_date(capsys: pytest.CaptureFixture[str], value: str, needle: str) -> None:
    line = assert_refused(run_cli(capsys, "--today", TODAY, "schedule", "--session", value), needle)
    assert HUGE not in line


@pytest.mark.parametrize(("value", "needle"), BAD_DATES)
def test_every_command_refuses_a_bad_today(capsys: pytest.CaptureFixture[str], value: str, needle: str) -> None:
    assert_refused(run_cli(capsys, "--today", value, "schedule", "--session", SESSION), needle)


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        pytest.param("0001-01-01", "outside the years", id="year-1"),
        pytest.param("9999-12-31", "outside the years", id="year-9999"),
        pytest.param("2026-02-29", "does not exist", id="no-leap-day"),
        pytest.param("2026-11-24\r\n", "not a date", id="crlf-is-stripped-then-fine-or-refused"),
    ],
)
def test_records_refuses_a_bad_range_date(
    capsys: pytest.CaptureFixture[str], data_dir: Path, value: str, needle: str
) -> None:
    outcome = run_cli(capsys, "records", "--from", value)
    if value.strip() == "2026-11-24":  # surrounding white space is allowed
        assert outcome.code == 0, outcome.err
        return
    assert_refused(outcome, needle)


@pytest.mark.parametrize(
    ("today", "session"),
    [
        pytest.param("1900-01-01", "1900-01-01", id="first-supported-day"),
        pytest.param("9000-12-31", "9000-12-31", id="last-supported-day"),
        pytest.param("9000-12-31", "9002-12-31", id="two-years-after-the-last-day"),
        pytest.param("1900-01-01", "1900-02-28", id="1900-is-no-leap-year"),
    ],
)
def test_dates_at_the_edge_of_the_range_make_a_plan_and_a_calendar_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, today: str, session: str
) -> None:
    outcome = run_cli(capsys, "--today", today, "schedule", "--session", session, "--json")
    if session > "9000-12-31":
        assert_refused(outcome, "outside the years")
        return
    assert outcome.code == 0, outcome.err
    out = tmp_path / "plan.ics"
    assert run_cli(capsys, "--today", today, "ics", "--session", session, "--out", str(out)).code == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        pytest.param("0", "counted from 1", id="zero"),
        pytest.param("-1", "counted from 1", id="negative"),
        pytest.param("100", "counted from 1 to 99", id="hundred"),
        pytest.param("1" + "0" * 40, "counted from 1 to 99", id="huge"),
        pytest.param("nan", "invalid int value", id="nan"),
        pytest.param("1.5", "invalid int value", id="fraction"),
        pytest.param("\n1", "counted from 1", id="line-feed"),
    ],
)
def test_the_first_session_number_is_bounded(capsys: pytest.CaptureFixture[str], value: str, needle: str) -> None:
    outcome = run_cli(capsys, "--today", TODAY, "schedule", "--session", SESSION, "--first-session-number", value)
    if value == "\n1":  # int() takes white space around a number: a valid 1
        assert outcome.code == 0
        return
    assert_refused(outcome, needle)


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param("nope", "unknown protocol", id="unknown-id"),
        pytest.param("x" * 100_000, "unknown protocol", id="100k-id"),
        pytest.param("smp\r\nX-Injected: 1", "unknown protocol", id="crlf-id"),
        pytest.param("../../../../etc/passwd", "protocol file", id="traversal-is-just-a-path"),
        pytest.param("/dev/null.toml", "does not exist", id="missing-file"),
        pytest.param("/", "does not exist", id="root-folder"),
        pytest.param("/etc/hostname", "not valid TOML", id="not-toml"),
    ],
)
def test_a_bad_protocol_argument_is_one_line(capsys: pytest.CaptureFixture[str], value: str, needle: str) -> None:
    line = assert_refused(run_cli(capsys, "--today", TODAY, "schedule", "--session", SESSION, "--protocol", value))
    assert needle in line or (needle == "not valid TOML" and "protocol file" in line), line
    assert "x" * 200 not in line


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("xx", id="unknown"),
        pytest.param("en\r\nX: 1", id="crlf"),
        pytest.param("e" * 100_000, id="100k"),
        pytest.param("\x00", id="nul"),
        pytest.param("../en", id="traversal"),
    ],
)
def test_a_bad_language_is_one_line(capsys: pytest.CaptureFixture[str], value: str) -> None:
    line = assert_refused(run_cli(capsys, "--today", TODAY, "schedule", "--session", SESSION, "--language", value))
    assert "e" * 300 not in line


@pytest.mark.parametrize(
    ("sessions", "needle"),
    [
        pytest.param([SESSION, SESSION], "twice", id="duplicate"),
        pytest.param(
            ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"],
            "at most 6",
            id="seven-sessions",
        ),
        pytest.param(["2030-01-01"], "more than 2 years", id="far-future"),
        pytest.param(["2020-01-01"], "more than 2 years", id="far-past"),
        pytest.param([], "no session date", id="none"),
    ],
)
def test_bad_session_lists(capsys: pytest.CaptureFixture[str], sessions: list[str], needle: str) -> None:
    args = [part for date in sessions for part in ("--session", date)]
    assert_refused(run_cli(capsys, "--today", TODAY, "schedule", *args), needle)


INVISIBLE_NAMES = [
    pytest.param("\u200d\u200d\u200d", id="zero-width-joiners"),
    pytest.param("\u200c\u200d", id="non-joiner-and-joiner"),
    pytest.param("\u200e\u200f", id="bidi-marks"),
    pytest.param("\u200b\u2060\ufeff", id="zero-width-space-word-joiner-bom"),
    pytest.param("\u3164\u3164", id="hangul-filler"),
    pytest.param("\u2800", id="braille-blank"),
    pytest.param("\u115f\u1160", id="hangul-choseong-jungseong-fillers"),
    pytest.param("\ufe0f\ufe0f", id="variation-selectors"),
    pytest.param(" \t\u00a0\u3000 ", id="spaces-only"),
    pytest.param("\x00\x07\x1b", id="controls-only"),
]


@pytest.mark.parametrize("name", INVISIBLE_NAMES)
def test_calendar_refuses_a_name_that_prints_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    out = tmp_path / "c.pdf"
    outcome = run_cli(capsys, "--today", TODAY, "calendar", "--name", name, "--session", SESSION, "--out", str(out))
    assert_refused(outcome, "--name")
    assert not out.exists()


@pytest.mark.parametrize("name", [*INVISIBLE_NAMES[:3], *INVISIBLE_NAMES[4:6]])
def test_email_refuses_a_name_that_prints_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, name: str
) -> None:
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    outcome = run_cli(capsys, "email", str(pdf), "--to", "client@example.com", "--name", name)
    assert_refused(outcome, "--name")
    assert not (data_dir / "outbox").exists()  # nothing was queued


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "a-pipe"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("kind", "needle"),
    [
        pytest.param("dev-null", "special file", id="dev-null"),
        pytest.param("fifo", "special file", id="fifo"),
        pytest.param("folder", "is a folder", id="folder"),
        pytest.param("missing-folder", "does not exist", id="missing-folder"),
        pytest.param("file-as-folder", "does not exist", id="file-as-folder"),
    ],
)
@pytest.mark.parametrize("command", ["ics", "calendar", "records"])
def test_an_output_that_is_no_regular_file_is_never_replaced(  # noqa: PLR0917 - pytest's parameters
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path, kind: str, needle: str, command: str
) -> None:
    target = {
        "dev-null": Path(os.devnull),
        "fifo": _fifo(tmp_path) if kind == "fifo" else tmp_path / "unused",
        "folder": tmp_path,
        "missing-folder": tmp_path / "missing" / "out.file",
        "file-as-folder": tmp_path / "plain" / "out.file",
    }[kind]
    if kind == "file-as-folder":
        (tmp_path / "plain").write_text("a file", encoding="utf-8")
    before = os.stat(target, follow_symlinks=False) if kind in ("dev-null", "fifo") else None
    if command == "ics":
        args = ["--today", TODAY, "ics", "--session", SESSION, "--out", str(target)]
    elif command == "calendar":
        args = ["--today", TODAY, "calendar", "--name", "Sam", "--session", SESSION, "--out", str(target)]
    else:
        args = ["--today", TODAY, "records", "--csv", str(target)]
    assert_refused(run_cli(capsys, *args), needle)
    if before is not None:
        after = os.stat(target, follow_symlinks=False)
        assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)
