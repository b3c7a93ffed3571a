"""A hand-edited or damaged outbox: one line or a plain listing, never a crash, and no job lost."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.handover import HandoverService
from kiosk.handover.outbox import BACKOFF_CAP, BACKOFF_FIRST, backoff

from .conftest import assert_one_line, assert_refused, run_cli

PDF = b"%PDF-1.4\n1 0 obj << /MediaBox [0 0 595.28 841.89] >> endobj\n%%EOF\n"


def _queue_email(data_dir: Path, tmp_path: Path) -> str:
    (data_dir / "kiosk.toml").write_text(
        '[smtp]\nhost = "127.0.0.1"\nport = 9\nsecurity = "plain"\nfrom_address = "c@clinic.example"\ntimeout = 1\n',
        encoding="utf-8",
    )
    service = HandoverService.open(data_dir)
    return service.email_calendar(PDF, to="client@example.com", language="en").job_id


@pytest.mark.parametrize(
    ("column", "value"),
    [
        pytest.param("details", "not json", id="details-not-json"),
        pytest.param("details", "[1, 2]", id="details-a-list"),
        pytest.param("details", '{"recipient": 42}', id="recipient-a-number"),
        pytest.param("details", "{}", id="no-recipient"),
        pytest.param("created_at", "nan", id="created-nan"),
        pytest.param("created_at", 1e300, id="created-far-future"),
        pytest.param("next_attempt_at", "soon", id="next-attempt-text"),
        pytest.param("attempts", "many", id="attempts-text"),
        pytest.param("attempts", 2**62, id="attempts-huge"),
    ],
)
def test_a_hand_edited_job_is_listed_and_retried_without_a_crash(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, column: str, value: object
) -> None:
    job_id = _queue_email(data_dir, tmp_path)
    # closing(): a sqlite3 connection's own `with` commits but leaves it open (a ResourceWarning on Python 3.13)
    with contextlib.closing(sqlite3.connect(data_dir / "outbox" / "outbox.sqlite3")) as db, db:
        db.execute(f"UPDATE jobs SET {column} = ? WHERE id = ?", (value, job_id))
    listing = run_cli(capsys, "outbox")
    assert listing.code == 0, listing.err
    assert job_id in listing.out
    retried = run_cli(capsys, "outbox", "--retry", job_id)
    assert retried.code in (3, 4), retried
    assert "Traceback" not in retried.err + retried.out
    if retried.err:
        assert len(retried.err.splitlines()) == 1
    assert (data_dir / "outbox" / "files" / job_id).is_dir()  # nothing lost: staff decide


@pytest.mark.parametrize(
    "content",
    [pytest.param(b"garbage" * 100, id="garbage"), pytest.param(b"SQLite format 3\x00" + b"\xff" * 200, id="torn")],
)
@pytest.mark.parametrize("command", [["outbox"], ["outbox", "--retry"], ["print", "{pdf}"]])
def test_an_outbox_database_that_is_no_database_is_one_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, content: bytes, command: list[str]
) -> None:
    (data_dir / "outbox").mkdir(mode=0o700)
    (data_dir / "outbox" / "outbox.sqlite3").write_bytes(content)
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(PDF)
    outcome = run_cli(capsys, *[part.replace("{pdf}", str(pdf)) for part in command])
    line = assert_refused(outcome, "data folder")
    assert "outbox database" in line
    assert_one_line(outcome.err)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-(2**80), max_value=2**80))
def test_any_attempt_count_gives_a_pause_within_the_bounds_at_once(attempts: int) -> None:
    assert BACKOFF_FIRST <= backoff(attempts) <= BACKOFF_CAP
