"""One set of settings: what staff save on the staff screen is what every command on the same kiosk uses.

The clinic's name, five dry days, the printer and the SMTP server are typed on the staff screen; then `settings`,
`schedule`, `ics`, `calendar`, `print`, `email`, `outbox` and `records` run in the same data folder, as the IT
person would at the desk, and each shows or uses the new values.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.cli import main
from kiosk.ui.app import KioskApp
from tests.handover import servers
from tests.handover.servers import PdfPrinter, SmtpServer, pdf_text
from tests.ui.conftest import Driver
from tests.ui.test_staff_screen import retype, reveal
from tests.ui.test_staff_settings import open_settings, save

cups_server, cups_env, pdf_printer = servers.cups_server, servers.cups_env, servers.pdf_printer
certificate, smtp_server = servers.certificate, servers.smtp_server
SESSION = "2026-11-24"  # a Tuesday: five dry days make the first light shower Sunday 29 November


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(["--today", SESSION, *argv])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def test_a_setting_saved_on_the_staff_screen_reaches_every_command(  # noqa: PLR0917 - fixtures
    qtbot: QtBot,
    kiosk: KioskApp,
    data_dir: Path,
    tmp_path: Path,
    pdf_printer: PdfPrinter,
    smtp_server: Callable[..., SmtpServer],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = smtp_server()
    drive = Driver(qtbot, kiosk)
    open_settings(drive)
    retype(drive, "staffClinicName", "Harbour SMP")
    retype(drive, "staffDays_dry", "5")
    retype(drive, "staffPrinter", pdf_printer.name)
    retype(drive, "staffSmtpHost", "127.0.0.1")
    retype(drive, "staffSmtpPort", str(server.port))
    reveal(drive, "staffSmtpSecurity_none")
    drive.tap("staffSmtpSecurity_none")
    retype(drive, "staffSmtpSender", "desk@harbour.example")
    save(drive)

    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(data_dir))  # the kiosk's folder (the server fixtures move it)
    shown = {row["name"]: row for row in json.loads(run(capsys, "settings", "--json"))}
    assert shown["name"]["value"] == "Harbour SMP" and "database" in shown["name"]["source"]
    assert shown["day_counts.dry"]["value"] == "5" and "database" in shown["day_counts.dry"]["source"]
    assert shown["printer"]["value"] == pdf_printer.name and shown["smtp.host"]["value"] == "127.0.0.1"

    plan = json.loads(run(capsys, "schedule", "--session", SESSION, "--json"))
    assert [day["date"] for day in plan["days"] if day["phase"] == "dry"][-1] == "2026-11-28"
    assert "dry" in run(capsys, "schedule", "--session", SESSION).split("2026-11-28")[1].split("\n")[0]

    ics = tmp_path / "plan.ics"
    run(capsys, "ics", "--session", SESSION, "--out", str(ics))
    assert "DTSTART;VALUE=DATE:20261129" in ics.read_text(encoding="utf-8")  # the first light shower, day 6

    pdf = tmp_path / "calendar.pdf"
    run(capsys, "calendar", "--name", "Anna", "--session", SESSION, "--out", str(pdf))
    text = " ".join(pdf_text(pdf).split())
    assert "Harbour SMP" in text and "Sunday 29 November First light shower" in text

    assert "done" in run(capsys, "print", str(pdf))  # on the printer staff named, not the system default
    [printed] = pdf_printer.printed()
    assert "Harbour SMP" in " ".join(pdf_text(printed).split())

    assert "done" in run(capsys, "email", str(pdf), "--to", "client@example.org")  # through the clinic's server
    [envelope] = server.mailbox.envelopes
    assert envelope.mail_from == "desk@harbour.example"

    listed = run(capsys, "outbox")
    assert "print  done" in listed and f"printer {pdf_printer.name}" in listed and "email  done" in listed

    kiosk_db = run(capsys, "records", "--all-branches", "--from", SESSION)  # the kiosk's own database, read
    assert "error" not in kiosk_db
