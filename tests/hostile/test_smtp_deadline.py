"""One SMTP delivery has a total deadline, connect to QUIT; a worker that gives up gives its claim back at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from kiosk.handover import HandoverService
from kiosk.handover.config import SmtpConfig
from kiosk.handover.errors import TemporaryDeliveryError
from kiosk.handover.mail import send_email
from kiosk.handover.outbox import Outbox

from .conftest import assert_refused, run_cli
from .slow_smtp import Mode, slow_smtp

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 1.0
MODES: list[Mode] = ["drip-greeting", "drip-after-ehlo", "silent", "stop-reading-data"]


def _message(size: int) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "calendar@clinic.example"
    message["To"] = "client@example.com"
    message["Subject"] = "Your aftercare calendar"
    message.set_content("Hello")
    message.add_attachment(b"\x00" * size, maintype="application", subtype="pdf", filename="calendar.pdf")
    return message


@pytest.mark.parametrize("mode", MODES)
def test_a_slow_server_is_cut_off_at_the_deadline(mode: Mode) -> None:
    with slow_smtp(mode) as server:
        smtp = SmtpConfig(
            host="127.0.0.1", port=server.port, security="plain", from_address="calendar@clinic.example",
            timeout=DEADLINE,
        )  # fmt: skip
        started = time.monotonic()
        with pytest.raises(TemporaryDeliveryError) as caught:
            send_email(smtp, _message(16_000_000 if mode == "stop-reading-data" else 1000))
        elapsed = time.monotonic() - started
    assert elapsed < DEADLINE + 1.5, elapsed
    assert "\n" not in caught.value.staff_message


def _kiosk_toml(folder: Path, port: int, timeout: str = "1") -> None:
    (folder / "kiosk.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "plain"\n'
        f'from_address = "calendar@clinic.example"\ntimeout = {timeout}\n',
        encoding="utf-8",
    )


def _pdf(tmp_path: Path) -> Path:
    pdf = tmp_path / "calendar.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /MediaBox [0 0 595.28 841.89] >> endobj\n%%EOF\n")
    return pdf


@pytest.mark.parametrize("mode", ["drip-greeting", "drip-after-ehlo"])
def test_the_worker_that_gives_up_releases_the_job_at_once(tmp_path: Path, mode: Mode) -> None:
    with slow_smtp(mode) as server:
        _kiosk_toml(tmp_path, server.port)
        service = HandoverService.open(tmp_path)
        started = time.monotonic()
        result = service.email_calendar(_pdf(tmp_path), to="client@example.com", language="en")
        assert time.monotonic() - started < DEADLINE + 1.5
    assert result.status == "queued"
    job = service.outbox.get(result.job_id)
    assert job.state == "pending"  # not left `sending` for the claim lease
    assert service.outbox.claim(job.id, ignore_schedule=True) is not None  # anybody may retry it right now
    assert job.pdf.is_file()  # nothing lost


def test_the_email_command_waits_no_longer_than_the_deadline(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    with slow_smtp("drip-greeting") as server:
        _kiosk_toml(data_dir, server.port)
        started = time.monotonic()
        outcome = run_cli(capsys, "email", str(_pdf(tmp_path)), "--to", "client@example.com")
        assert time.monotonic() - started < DEADLINE + 2.5
    assert outcome.code == 3, outcome
    assert outcome.err == ""  # no log warning printed around the command's own line
    assert "did not finish within 1 s" in outcome.out


@pytest.mark.parametrize(
    "value",
    ["nan", "inf", "-inf", "1e309", "0", "-1", "0.001", "100000", "9223372036854775807", '"30"', "true", "[30]"],
)
@pytest.mark.parametrize("field", ["smtp.timeout", "print_timeout"])
def test_a_hostile_timeout_in_kiosk_toml_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path, value: str, field: str
) -> None:
    if field == "smtp.timeout":
        _kiosk_toml(data_dir, 25, value)
        outcome = run_cli(capsys, "email", str(_pdf(tmp_path)), "--to", "client@example.com")
    else:
        (data_dir / "kiosk.toml").write_text(f"print_timeout = {value}\n", encoding="utf-8")
        outcome = run_cli(capsys, "print", str(_pdf(tmp_path)))
    assert_refused(outcome, field)
    assert not (data_dir / "outbox").exists() or not list((data_dir / "outbox" / "files").iterdir())


def test_a_stopped_email_command_gives_its_claim_back_at_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with slow_smtp("drip-greeting") as server:
        _kiosk_toml(data, server.port, "600")
        env = {**os.environ, "SMP_KIOSK_DATA_DIR": str(data)}
        command = [sys.executable, "-m", "kiosk", "email", str(_pdf(tmp_path)), "--to", "client@example.com"]
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        outbox = Outbox(data / "outbox") if _wait_for_outbox(data) else None
        assert outbox is not None
        deadline = time.monotonic() + 20
        while not any(job.state == "sending" for job in outbox.jobs()) and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=20)
    assert process.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in err
    [job] = outbox.jobs()
    assert job.state == "pending"  # given back at once: not stuck in `sending` for the claim lease
    assert outbox.claim(job.id, ignore_schedule=True) is not None
    assert job.pdf.is_file()


def _wait_for_outbox(data: Path) -> bool:
    deadline = time.monotonic() + 20
    while not (data / "outbox" / "outbox.sqlite3").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # its tables are created right after the file
    return (data / "outbox" / "outbox.sqlite3").exists()
