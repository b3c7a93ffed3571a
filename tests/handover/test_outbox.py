"""The durable outbox: owner-only files, backoff, atomic claims, crash recovery, privacy."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.handover.outbox import BACKOFF_CAP, CLAIM_LEASE, Outbox, backoff, redact

PDF = b"%PDF-1.4\n%%EOF\n"
ICS = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_everything_is_owner_only(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    job = outbox.add("email", {"recipient": "a@b.example"}, PDF, ICS)
    outbox.mark_retry(job.id, "server down")  # writes through the WAL

    assert mode(outbox.root) == 0o700
    assert mode(outbox.files) == 0o700
    assert mode(job.folder) == 0o700
    for path in [outbox.database, job.pdf, job.folder / "calendar.ics"]:
        assert mode(path) == 0o600, path
    for extra in outbox.root.glob("outbox.sqlite3-*"):
        assert mode(extra) == 0o600, extra


def test_the_database_is_in_wal_mode(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    with contextlib.closing(sqlite3.connect(outbox.database)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff(n) for n in (1, 2, 3, 4)] == [30.0, 60.0, 120.0, 240.0]
    assert backoff(50) == BACKOFF_CAP == 3600.0


def test_a_job_survives_a_crash_of_the_process_that_queued_it(tmp_path: Path) -> None:
    root = tmp_path / "outbox"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from kiosk.handover.outbox import Outbox\n"
        "outbox = Outbox(Path(sys.argv[1]))\n"
        "job = outbox.add('print', {'language': 'de'}, b'%PDF-1.4\\n%%EOF\\n')\n"
        "outbox.claim(job.id)\n"
        "os._exit(9)  # dies mid-delivery: no clean-up, no close\n"
    )
    crashed = subprocess.run([sys.executable, "-c", script, str(root)], check=False, timeout=60)
    assert crashed.returncode == 9

    outbox = Outbox(root)
    [job] = outbox.jobs()
    assert (job.state, job.details) == ("sending", {"language": "de"})
    assert job.pdf.read_bytes() == PDF
    assert outbox.due() == []  # the dead process's claim is still fresh
    assert outbox.due(time.time() + CLAIM_LEASE + 1) == [job.id]  # then it is taken up again
    assert outbox.claim(job.id, now=time.time() + CLAIM_LEASE + 1) is not None


def test_only_one_caller_can_claim_a_job(tmp_path: Path) -> None:
    first, second = Outbox(tmp_path / "outbox"), Outbox(tmp_path / "outbox")
    job = first.add("print", {}, PDF)

    assert first.claim(job.id) is not None
    assert second.claim(job.id) is None
    assert second.claim(job.id, include_failed=True, ignore_schedule=True) is None


def test_retry_waits_for_the_backoff(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    job = outbox.add("print", {}, PDF)
    assert outbox.due() == [job.id]
    outbox.claim(job.id)
    job = outbox.mark_retry(job.id, "printer stopped")

    assert (job.state, job.attempts, job.last_error) == ("pending", 1, "printer stopped")
    assert outbox.due() == []
    assert outbox.claim(job.id) is None
    assert outbox.due(job.next_attempt_at) == [job.id]


def test_done_forgets_the_address_and_deletes_the_files(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    job = outbox.add("email", {"recipient": "zoe@example.com", "name": "Zoë", "language": "fr"}, PDF, ICS)
    outbox.claim(job.id)
    outbox.mark_done(job.id)

    done = outbox.get(job.id)
    assert done.state == "done"
    assert done.details == {"language": "fr"}
    assert not job.folder.exists()
    for stored in outbox.root.glob("outbox.sqlite3*"):
        assert b"zoe@example.com" not in stored.read_bytes(), stored


def test_errors_are_stored_without_the_clients_address_or_name(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    job = outbox.add("email", {"recipient": "zoe@example.com", "name": "Zoë Haddad"}, PDF)
    outbox.claim(job.id)
    stored = outbox.mark_failed(job.id, "550 <ZOE@example.com> unknown; dear zoë haddad")

    assert stored.last_error == "550 <<recipient>> unknown; dear <name>"
    assert stored.state == "failed-permanently"
    assert job.pdf.exists()  # kept for staff


def test_redact_leaves_short_or_empty_values_alone() -> None:
    assert redact("a b c", {"name": "", "recipient": "a"}) == "a b c"


def test_discard_removes_the_job_and_its_files(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    job = outbox.add("email", {"recipient": "zoe@example.com"}, PDF, ICS)
    outbox.discard(job.id)
    assert outbox.jobs() == []
    assert not job.folder.exists()


def test_files_of_a_job_that_was_never_committed_are_removed(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    orphan = outbox.files / "0123abcd"
    orphan.mkdir()
    (orphan / "calendar.pdf").write_bytes(PDF)
    old = time.time() - 3600
    os.utime(orphan, (old, old))
    kept = outbox.add("print", {}, PDF)

    Outbox(tmp_path / "outbox")

    assert not orphan.exists()
    assert kept.folder.exists()


def test_done_jobs_are_pruned_after_a_week(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    job = outbox.add("print", {}, PDF)
    outbox.mark_done(job.id)
    assert outbox.prune() == 0
    assert outbox.prune(older_than=-1) == 1
    with pytest.raises(KeyError):
        outbox.get(job.id)
