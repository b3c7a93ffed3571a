"""Email through a real SMTP server on loopback (aiosmtpd): plain, STARTTLS, SSL, login, outages."""

from __future__ import annotations

import gettext
import io
import time
from collections.abc import Callable
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from kiosk.handover import HandoverService, InvalidAddressError, InvalidDocumentError, messages, service
from kiosk.handover.errors import EmailNotConfiguredError
from kiosk.handover.mail import ICS_FILENAME, PDF_FILENAME
from kiosk.i18n.catalog import translations

from .servers import SMTP_PASSWORD, SMTP_USER, Certificate, SmtpServer, free_port

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n"
ADDRESS = "zoe.client@example.com"


def kiosk(
    data: Path, port: int, security: str = "plain", *, login: str = "", ca: Path | None = None
) -> HandoverService:
    data.mkdir(parents=True, exist_ok=True)
    lines = [
        "[smtp]",
        'host = "127.0.0.1"',
        f"port = {port}",
        f'security = "{security}"',
        'from_address = "calendar@northside.example"',
        'from_name = "Northside Scalp Studio"',
        "timeout = 5",
    ]
    if login:
        lines += [f'username = "{SMTP_USER}"', f'password = "{login}"']
    if ca:
        lines.append(f'ca_file = "{ca}"')
    (data / "kiosk.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return HandoverService.open(data)


def received(server: SmtpServer) -> EmailMessage:
    [envelope] = server.mailbox.envelopes
    content = envelope.original_content or b""
    parsed = message_from_bytes(content, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def attachments(message: EmailMessage) -> dict[str, tuple[str, bytes]]:
    found = {}
    for part in message.iter_attachments():
        assert isinstance(part, EmailMessage)
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        found[part.get_filename() or ""] = (part.get_content_type(), payload)
    return found


@pytest.mark.parametrize("security", ["plain", "starttls", "ssl"])
def test_delivers_pdf_and_ics_over_each_security(
    security: str,
    smtp_server: Callable[..., SmtpServer],
    certificate: Certificate,
    make_pdf: Callable[..., Path],
    tmp_path: Path,
) -> None:
    server = smtp_server(security)
    pdf = make_pdf()
    service_ = kiosk(tmp_path / "data", server.port, security, ca=certificate.cert)

    result = service_.email_calendar(pdf, to=ADDRESS, language="en", name="Zoë", ics=ICS)

    assert result.status == "done", result.staff_message
    assert result.client_message == messages.EMAIL_SENT
    message = received(server)
    assert server.mailbox.envelopes[0].rcpt_tos == [ADDRESS]
    assert message["Subject"] == "Your aftercare calendar from Northside Scalp Studio"
    assert message["To"] == f"Zoë <{ADDRESS}>"
    assert message["From"] == "Northside Scalp Studio <calendar@northside.example>"
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert text.startswith("Hello Zoë,")
    assert ICS_FILENAME in text
    assert attachments(message) == {
        PDF_FILENAME: ("application/pdf", pdf.read_bytes()),
        ICS_FILENAME: ("text/calendar", ICS),
    }
    [job] = service_.jobs()
    assert job.state == "done"
    assert "recipient" not in job.details and "name" not in job.details  # the address is deleted once sent
    assert not job.folder.exists()


def test_starttls_with_login(
    smtp_server: Callable[..., SmtpServer], certificate: Certificate, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    server = smtp_server("starttls", login=True)
    service_ = kiosk(tmp_path / "data", server.port, "starttls", login=SMTP_PASSWORD, ca=certificate.cert)

    result = service_.email_calendar(make_pdf(), to=ADDRESS, language="en")

    assert result.status == "done", result.staff_message
    assert received(server)["To"] == ADDRESS


def test_a_refused_login_is_kept_as_failed_for_staff(
    smtp_server: Callable[..., SmtpServer], certificate: Certificate, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    server = smtp_server("starttls", login=True)
    data = tmp_path / "data"
    service_ = kiosk(data, server.port, "starttls", login="wrong password", ca=certificate.cert)

    result = service_.email_calendar(make_pdf(), to=ADDRESS, language="en", name="Zoë", ics=ICS)

    assert result.status == "failed"
    assert result.client_message == messages.EMAIL_FAILED
    assert f"refused the login for user {SMTP_USER} (535)" in result.staff_message
    assert server.mailbox.envelopes == []
    [job] = service_.jobs()
    assert job.state == "failed-permanently"
    assert ADDRESS not in job.last_error and "Zoë" not in job.last_error
    assert service_.retry_due(now=time.time() + 86400) == []  # not retried by itself
    assert job.pdf.is_file()  # kept, so staff can retry once the password is fixed

    fixed = kiosk(data, server.port, "starttls", login=SMTP_PASSWORD, ca=certificate.cert)
    [retried] = fixed.retry_now(job.id)
    assert retried.status == "done", retried.staff_message
    assert received(server)["To"] == f"Zoë <{ADDRESS}>"


def test_server_down_then_up_delivers_from_the_outbox(
    smtp_server: Callable[..., SmtpServer], make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    port = free_port()
    data = tmp_path / "data"
    service_ = kiosk(data, port)

    result = service_.email_calendar(make_pdf(), to=ADDRESS, language="en", name="Zoë", ics=ICS)

    assert result.status == "queued"
    assert result.client_message == messages.EMAIL_DELAYED
    assert "cannot be reached" in result.staff_message
    [job] = service_.jobs()
    assert (job.state, job.attempts) == ("pending", 1)
    assert job.details["recipient"] == ADDRESS
    assert ADDRESS not in job.last_error
    first_wait = job.next_attempt_at - time.time()
    assert 20 < first_wait <= 30

    [again] = service_.retry_due(now=job.next_attempt_at + 1)  # still down: the backoff doubles
    assert again.status == "queued"
    job = service_.jobs()[0]
    assert job.attempts == 2
    assert 50 < job.next_attempt_at - time.time() <= 60

    server = smtp_server("plain", port=port)
    restarted = HandoverService.open(data)  # after a restart of the kiosk
    assert restarted.retry_due() == []  # not due yet
    [delivered] = restarted.retry_due(now=job.next_attempt_at + 1)
    assert delivered.status == "done", delivered.staff_message
    assert attachments(received(server))[ICS_FILENAME] == ("text/calendar", ICS)
    assert "recipient" not in restarted.jobs()[0].details


def test_newlines_in_the_name_never_reach_a_header(
    smtp_server: Callable[..., SmtpServer], make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    server = smtp_server()
    service_ = kiosk(tmp_path / "data", server.port)
    name = "Eve\r\nBcc: victim@evil.example\r\nSubject: free money"

    result = service_.email_calendar(make_pdf(), to=ADDRESS, language="en", name=name)

    assert result.status == "done", result.staff_message
    [envelope] = server.mailbox.envelopes
    assert envelope.rcpt_tos == [ADDRESS]
    message = received(server)
    assert message["To"] == ADDRESS  # no display name at all rather than a cleaned-up one
    assert message["Bcc"] is None
    assert message.get_all("Subject") == ["Your aftercare calendar from Northside Scalp Studio"]
    headers = (envelope.original_content or b"").split(b"\r\n\r\n", 1)[0]
    assert b"evil.example" not in headers and b"free money" not in headers


@pytest.mark.parametrize("name", ["Eve <x@evil.example>", "Bcc: victim@evil.example", 'Eve" , victim@evil.example'])
def test_header_text_in_the_name_is_left_out_of_the_header(
    name: str, smtp_server: Callable[..., SmtpServer], make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    server = smtp_server()
    result = kiosk(tmp_path / "data", server.port).email_calendar(make_pdf(), to=ADDRESS, language="en", name=name)

    assert result.status == "done", result.staff_message
    assert server.mailbox.envelopes[0].rcpt_tos == [ADDRESS]
    assert received(server)["To"] == ADDRESS


@pytest.mark.parametrize(
    "address", ["zoe@example.com\r\nBcc: victim@evil.example", "zoe@example.com, victim@evil.example", "zoe@"]
)
def test_a_bad_address_is_refused_before_anything_is_queued(
    address: str, make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    service_ = kiosk(tmp_path / "data", free_port())
    with pytest.raises(InvalidAddressError):
        service_.email_calendar(make_pdf(), to=address, language="en")
    assert service_.jobs() == []


def test_a_broken_pdf_is_never_sent(smtp_server: Callable[..., SmtpServer], tmp_path: Path) -> None:
    server = smtp_server()
    service_ = kiosk(tmp_path / "data", server.port)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")  # cut short: no %%EOF
    with pytest.raises(InvalidDocumentError, match="cut short"):
        service_.email_calendar(broken, to=ADDRESS, language="en")
    assert service_.jobs() == []
    assert server.mailbox.envelopes == []


def test_email_needs_an_smtp_section(tmp_path: Path, make_pdf: Callable[..., Path]) -> None:
    service_ = HandoverService.open(tmp_path / "data")
    assert not service_.email_enabled
    with pytest.raises(EmailNotConfiguredError, match=r"\[smtp\]"):
        service_.email_calendar(make_pdf(), to=ADDRESS, language="en")


def german_catalog() -> gettext.GNUTranslations:
    catalog = Catalog(locale="de")
    texts = {
        messages.EMAIL_SUBJECT: "Dein Nachsorge-Kalender von {clinic}",
        messages.EMAIL_GREETING: "Hallo {name},",
        messages.EMAIL_PDF_LINE: "Dein Nachsorge-Kalender ist als PDF-Datei angehängt.",
        messages.EMAIL_SENT: "Wir haben deinen Kalender an deine E-Mail-Adresse geschickt.",
    }
    for source, translated in texts.items():
        catalog.add(source, translated)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def test_subject_and_body_are_in_the_clients_language(
    smtp_server: Callable[..., SmtpServer],
    make_pdf: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    german = german_catalog()

    def translations(language: str) -> gettext.NullTranslations:
        return german if language == "de" else gettext.NullTranslations()

    monkeypatch.setattr(service, "translations", translations)
    monkeypatch.setattr(messages, "translations", translations)
    server = smtp_server()

    result = kiosk(tmp_path / "data", server.port).email_calendar(make_pdf(), to=ADDRESS, language="de", name="Jörg")

    assert result.client_message == "Wir haben deinen Kalender an deine E-Mail-Adresse geschickt."
    message = received(server)
    assert message["Subject"] == "Dein Nachsorge-Kalender von Northside Scalp Studio"
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    assert text.startswith("Hallo Jörg,\n\nDein Nachsorge-Kalender ist als PDF-Datei angehängt.")


@pytest.mark.parametrize("language", ["de", "ar", "pt_BR"])
def test_the_shipped_catalogs_translate_the_email_and_the_messages(
    language: str, smtp_server: Callable[..., SmtpServer], make_pdf: Callable[..., Path], tmp_path: Path
) -> None:
    _ = translations(language).gettext
    assert _(messages.EMAIL_SUBJECT) != messages.EMAIL_SUBJECT, f"{language}: the hand-over texts are not translated"
    server = smtp_server()

    result = kiosk(tmp_path / "data", server.port).email_calendar(
        make_pdf(), to=ADDRESS, language=language, name="Mira", ics=ICS
    )

    assert result.client_message == _(messages.EMAIL_SENT) != messages.EMAIL_SENT
    message = received(server)
    assert message["Subject"] == _(messages.EMAIL_SUBJECT).format(clinic="Northside Scalp Studio")
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    assert text.startswith(_(messages.EMAIL_GREETING).format(name="Mira") + "\n\n" + _(messages.EMAIL_PDF_LINE))
    assert _(messages.EMAIL_PRIVACY_LINE) in text
    with pytest.raises(InvalidAddressError) as refused:
        kiosk(tmp_path / "data", server.port).check_address("zoe at example.com")
    assert refused.value.localised(language) == _(messages.ADDRESS_HAS_SPACE) != messages.ADDRESS_HAS_SPACE


def test_a_job_whose_files_were_lost_is_failed_for_staff(make_pdf: Callable[..., Path], tmp_path: Path) -> None:
    service_ = kiosk(tmp_path / "data", free_port())
    queued = service_.email_calendar(make_pdf(), to=ADDRESS, language="en")
    assert queued.status == "queued"
    service_.jobs()[0].pdf.unlink()

    [result] = service_.retry_now(queued.job_id)

    assert result.status == "failed"
    assert result.client_message == messages.EMAIL_FAILED
    assert "is missing from the outbox" in result.staff_message
