"""Printing through a real CUPS server with a virtual PDF printer (cups-pdf)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.core.clinic import load_clinic
from kiosk.core.protocol import load_protocol
from kiosk.core.schedule import build_schedule
from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf
from kiosk.handover import HandoverService, cups
from kiosk.handover.messages import PRINT_DELAYED, PRINTING

from .servers import CupsServer, PdfPrinter, pdf_page_size, pdf_pages, pdf_text

REAL_ENSURE_READY = cups.ensure_ready


def service(data: Path) -> HandoverService:
    return HandoverService.open(data)


def test_prints_the_calendar_with_the_clients_name_on_a4(
    pdf_printer: PdfPrinter, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    kiosk = service(tmp_path / "data")
    result = kiosk.print_calendar(make_pdf("Zoë Müller"), language="en", printer=pdf_printer.name)

    assert result.status == "done", result.staff_message
    assert result.client_message == PRINTING
    printed = pdf_printer.printed()
    assert len(printed) == 1
    assert "Zoë Müller" in pdf_text(printed[0])
    assert "aftercare-calendar" in printed[0].name and "Zo" not in printed[0].name  # the queue's title, no name
    assert "(A4)" in pdf_page_size(printed[0])
    job = kiosk.jobs()[0]
    assert job.state == "done"
    assert not job.folder.exists()  # the PDF is deleted once printed


def test_a_letter_calendar_prints_on_letter_paper(
    pdf_printer: PdfPrinter, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    # The queue's default paper is A4, so a Letter page only comes out as Letter with `-o media=Letter`.
    result = service(tmp_path / "data").print_calendar(
        make_pdf(paper="letter"), language="en", printer=pdf_printer.name
    )

    assert result.status == "done", result.staff_message
    assert "(letter)" in pdf_page_size(pdf_printer.printed()[0])


def test_the_printer_from_kiosk_toml_is_used(
    pdf_printer: PdfPrinter, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "kiosk.toml").write_text(f'printer = "{pdf_printer.name}"\n', encoding="utf-8")
    result = service(data).print_calendar(make_pdf("Ana Lima"), language="pt_BR")

    assert result.status == "done", result.staff_message
    assert "Ana Lima" in pdf_text(pdf_printer.printed()[0])


def test_the_system_default_printer_is_used_without_config(
    pdf_printer: PdfPrinter, cups_env: CupsServer, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    assert cups_env.run("lpadmin", "-d", pdf_printer.name).returncode == 0
    result = service(tmp_path / "data").print_calendar(make_pdf("Default Printer"), language="en")

    assert result.status == "done", result.staff_message
    assert "Default Printer" in pdf_text(pdf_printer.printed()[0])


def test_no_printer_keeps_the_job_in_the_outbox(
    cups_env: CupsServer, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    assert "no system default" in cups_env.run("lpstat", "-d").stdout
    kiosk = service(tmp_path / "data")
    result = kiosk.print_calendar(make_pdf(), language="en")

    assert result.status == "queued"
    assert result.client_message == result.client_message_id == PRINT_DELAYED
    assert "no printer" in result.staff_message
    [job] = kiosk.jobs()
    assert (job.state, job.attempts) == ("pending", 1)
    assert job.pdf.read_bytes().startswith(b"%PDF-")
    assert job.next_attempt_at > time.time() + 20  # backoff before the next try


def test_an_unknown_printer_is_a_staff_problem_not_a_lost_job(
    cups_env: CupsServer, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    result = service(tmp_path / "data").print_calendar(make_pdf(), language="en", printer="Nowhere")

    assert result.status == "queued"
    assert "Nowhere is not set up in CUPS" in result.staff_message


def test_a_stopped_printer_queues_the_job_and_it_prints_after_cupsenable(
    pdf_printer: PdfPrinter, cups_env: CupsServer, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    (data).mkdir()
    (data / "kiosk.toml").write_text(f'printer = "{pdf_printer.name}"\n', encoding="utf-8")
    assert cups_env.run("cupsdisable", "-r", "Out of paper", pdf_printer.name).returncode == 0

    result = service(data).print_calendar(make_pdf("Omar Haddad"), language="en")

    assert result.status == "queued"
    assert f"printer {pdf_printer.name} is stopped (Out of paper)" in result.staff_message
    assert "Omar" not in result.staff_message
    assert not list(pdf_printer.out.glob("*.pdf"))

    assert cups_env.run("cupsenable", pdf_printer.name).returncode == 0
    restarted = service(data)  # a new process after a restart finds the job in the outbox
    assert restarted.retry_due() == []  # the backoff has not run out yet
    [retried] = restarted.retry_due(now=time.time() + 3600)

    assert retried.status == "done", retried.staff_message
    assert "Omar Haddad" in pdf_text(pdf_printer.printed()[0])
    assert [job.state for job in restarted.jobs()] == ["done"]


def test_cups_not_running_keeps_the_job(
    cups_env: CupsServer, make_pdf: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))
    kiosk = service(tmp_path / "data")
    result = kiosk.print_calendar(make_pdf(), language="en", printer="Front_Desk")

    assert result.status == "queued"
    assert "is not running" in result.staff_message
    assert kiosk.jobs()[0].pdf.is_file()


def stop_printer_after_the_check(monkeypatch: pytest.MonkeyPatch, cups_env: CupsServer, printer: PdfPrinter) -> None:
    """The printer stops between the readiness check and the job: CUPS takes the job but holds it."""

    def ensure_ready_then_stop(name: str) -> None:
        REAL_ENSURE_READY(name)
        assert cups_env.run("cupsdisable", "-r", "Paper jam", printer.name).returncode == 0

    monkeypatch.setattr(cups, "ensure_ready", ensure_ready_then_stop)


def test_a_job_held_by_a_stopped_printer_is_followed_not_printed_twice(
    pdf_printer: PdfPrinter,
    cups_env: CupsServer,
    make_pdf: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stop_printer_after_the_check(monkeypatch, cups_env, pdf_printer)
    kiosk = service(tmp_path / "data")

    result = kiosk.print_calendar(make_pdf("Mia Wong"), language="en", printer=pdf_printer.name)

    assert result.status == "queued"
    assert "stopped while printing" in result.staff_message and "Paper jam" in result.staff_message
    cups_job = kiosk.jobs()[0].details["cups_job"]
    assert cups_job.startswith(pdf_printer.name)

    monkeypatch.setattr(cups, "ensure_ready", REAL_ENSURE_READY)
    assert cups_env.run("cupsenable", pdf_printer.name).returncode == 0  # CUPS prints the held job itself
    [retried] = kiosk.retry_due(now=time.time() + 3600)

    assert retried.status == "done", retried.staff_message
    printed = pdf_printer.printed()
    assert len(printed) == 1 and "Mia Wong" in pdf_text(printed[0])


def test_a_job_canceled_in_cups_is_printed_again(
    pdf_printer: PdfPrinter,
    cups_env: CupsServer,
    make_pdf: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stop_printer_after_the_check(monkeypatch, cups_env, pdf_printer)
    kiosk = service(tmp_path / "data")
    kiosk.print_calendar(make_pdf("Noah Berg"), language="en", printer=pdf_printer.name)
    cups_job = kiosk.jobs()[0].details["cups_job"]
    assert cups_env.run("cancel", cups_job).returncode == 0
    assert cups.job_state(pdf_printer.name, cups_job)[0] == "failed"

    monkeypatch.setattr(cups, "ensure_ready", REAL_ENSURE_READY)
    assert cups_env.run("cupsenable", pdf_printer.name).returncode == 0
    [retried] = kiosk.retry_due(now=time.time() + 3600)

    assert retried.status == "done", retried.staff_message
    printed = pdf_printer.printed()
    assert len(printed) == 1 and "Noah Berg" in pdf_text(printed[0])
    assert kiosk.jobs()[0].details.get("cups_job") != cups_job


def test_a_document_cups_cannot_print_is_retried_then_given_up(
    pdf_printer: PdfPrinter, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    # Starts with %PDF- and ends with %%EOF, so it is queued, but CUPS's PDF filter fails on it.
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\nnot a page at all\n%%EOF\n")
    kiosk = service(tmp_path / "data")

    first = kiosk.print_calendar(damaged, language="en", printer=pdf_printer.name)
    assert first.status == "queued"
    assert "completed with errors" in first.staff_message
    second = kiosk.retry_now(first.job_id)[0]
    assert second.status == "queued"
    third = kiosk.retry_now(first.job_id)[0]

    assert third.status == "failed"
    assert "gave up after 3 failed jobs" in third.staff_message
    assert third.client_message == PRINT_DELAYED
    assert kiosk.jobs()[0].state == "failed-permanently"


def test_the_real_calendar_pdf_prints_whole_on_its_paper(pdf_printer: PdfPrinter, tmp_path: Path) -> None:
    schedule = build_schedule([dt.date(2026, 11, 24)], load_protocol(), dt.date(2026, 11, 24))
    request = CalendarRequest(
        name="Zoë Haddad", schedule=schedule, clinic=load_clinic(), paper="letter", deterministic=True
    )
    calendar = build_calendar_pdf(request)

    result = service(tmp_path / "data").print_calendar(calendar, language="en", printer=pdf_printer.name)

    assert result.status == "done", result.staff_message
    [printed] = pdf_printer.printed()
    original = tmp_path / "original.pdf"
    original.write_bytes(calendar)
    assert "(letter)" in pdf_page_size(printed)
    assert pdf_pages(printed) == pdf_pages(original)
    # cups-pdf goes through PostScript, which drops the text layer of the first page (embedded font
    # subsets); the later pages keep theirs.
    assert "Key dates" in pdf_text(printed)
