"""`print`, `email` and `outbox` on the command line: exit codes 0, 2 (bad input), 3 (queued), 4 (failed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main

from .servers import SMTP_USER, Certificate, CupsServer, PdfPrinter, SmtpServer, free_port, pdf_text

ADDRESS = "zoe.client@example.com"


def write_smtp(data: Path, port: int, extra: str = "", security: str = "plain") -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / "kiosk.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "{security}"\nfrom_address = "cal@clinic.example"\n'
        f"timeout = 5\n{extra}",
        encoding="utf-8",
    )


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if not line.startswith("20")]  # log lines carry a timestamp
    assert len(lines) == 1, err
    return lines[0]


def test_print_exit_0_and_the_page_arrives(
    pdf_printer: PdfPrinter, make_pdf: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["print", str(make_pdf("Lea Roth")), "--printer", pdf_printer.name]) == 0
    assert ": done" in capsys.readouterr().out
    assert "Lea Roth" in pdf_text(pdf_printer.printed()[0])


def test_print_exit_3_when_the_printer_is_stopped_then_outbox_retry_prints(
    pdf_printer: PdfPrinter, cups_env: CupsServer, make_pdf: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    cups_env.run("cupsdisable", pdf_printer.name)
    assert main(["print", str(make_pdf("Lea Roth")), "--printer", pdf_printer.name]) == 3
    assert "queued in the outbox" in capsys.readouterr().out

    assert main(["outbox"]) == 0
    listing = capsys.readouterr().out
    assert "print  pending" in listing and f"printer {pdf_printer.name}" in listing and "is stopped" in listing

    cups_env.run("cupsenable", pdf_printer.name)
    assert main(["outbox", "--retry"]) == 0
    assert "Lea Roth" in pdf_text(pdf_printer.printed()[0])


@pytest.mark.parametrize(
    ("content", "problem"),
    [(None, "does not exist"), (b"%PDF-1.4\n<< /Type", "cut short"), (b"", "is empty")],
)
def test_print_exit_2_for_a_broken_pdf_and_nothing_is_queued(
    content: bytes | None, problem: str, tmp_path: Path, cups_env: CupsServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "calendar.pdf"
    if content is not None:
        path.write_bytes(content)
    assert main(["print", str(path)]) == 2
    assert problem in one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "data" / "outbox").exists()


def test_print_exit_2_for_an_empty_printer_name(
    make_pdf: Callable[..., Path], cups_env: CupsServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["print", str(make_pdf()), "--printer", " "]) == 2
    assert "--printer is empty" in one_error_line(capsys.readouterr().err)


def test_email_exit_0_with_pdf_and_ics(
    smtp_server: Callable[..., SmtpServer],
    make_pdf: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = smtp_server()
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    write_smtp(tmp_path / "data", server.port)
    ics = tmp_path / "plan.ics"
    ics.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")

    code = main(["email", str(make_pdf()), "--to", ADDRESS, "--ics", str(ics), "--language", "de-AT", "--name", "Jo"])

    assert code == 0, capsys.readouterr()
    [envelope] = server.mailbox.envelopes
    assert envelope.rcpt_tos == [ADDRESS]
    assert b'filename="aftercare-calendar.ics"' in (envelope.original_content or b"")


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--to", "zoe@example.com\nBcc: x@evil.example"], "no spaces or line breaks"),
        (["--to", "zoe"], "one @ sign"),
        (["--to", ADDRESS, "--ics", "missing.ics"], "--ics missing.ics does not exist"),
        (["--to", ADDRESS, "--language", "xx-invalid!"], "language"),
    ],
)
def test_email_exit_2_for_bad_input(
    *,
    args: list[str],
    problem: str,
    make_pdf: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    write_smtp(tmp_path / "data", free_port())
    assert main(["email", str(make_pdf()), *args]) == 2
    assert problem in one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "data" / "outbox").exists()


def test_email_without_smtp_is_exit_2(
    make_pdf: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    assert main(["email", str(make_pdf()), "--to", ADDRESS]) == 2
    assert "[smtp]" in one_error_line(capsys.readouterr().err)


def test_email_exit_3_when_the_server_is_down_then_outbox_retry_sends(
    smtp_server: Callable[..., SmtpServer],
    make_pdf: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    port = free_port()
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    write_smtp(tmp_path / "data", port)

    assert main(["email", str(make_pdf()), "--to", ADDRESS]) == 3
    assert "cannot be reached" in capsys.readouterr().out
    assert main(["outbox"]) == 0
    listing = capsys.readouterr().out
    assert "z***@example.com" in listing and ADDRESS not in listing

    server = smtp_server(port=port)
    assert main(["outbox", "--retry"]) == 0
    assert server.mailbox.envelopes[0].rcpt_tos == [ADDRESS]
    assert main(["outbox"]) == 0
    assert "email  done" in capsys.readouterr().out


def test_email_exit_4_when_the_login_is_refused(
    *,
    smtp_server: Callable[..., SmtpServer],
    certificate: Certificate,
    make_pdf: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = smtp_server("starttls", login=True)
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    login = f'username = "{SMTP_USER}"\npassword = "nope"\nca_file = "{certificate.cert}"\n'
    write_smtp(tmp_path / "data", server.port, login, security="starttls")

    assert main(["email", str(make_pdf()), "--to", ADDRESS]) == 4
    assert "refused the login" in one_error_line(capsys.readouterr().err)


def test_outbox_exit_2_for_an_unknown_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    assert main(["outbox", "--discard", "nope"]) == 2
    assert "there is no job nope" in one_error_line(capsys.readouterr().err)
    assert main(["outbox"]) == 0
    assert "the outbox is empty" in capsys.readouterr().out
