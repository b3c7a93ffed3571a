"""The calendar email: composed in the client's language, sent over SMTP (plain, STARTTLS or SSL).

`compose_email` builds an EmailMessage with the PDF and the .ics attached. The recipient address must
come from `normalise_address`; a name goes into the To: header only when `header_display_name` says it
is plain text. `send_email` blocks (run it in a worker thread) and turns every smtplib/ssl/socket
failure into TemporaryDeliveryError (retry with backoff) or PermanentDeliveryError (staff must act).
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from kiosk.core.limits import bounded_seconds
from kiosk.handover import messages
from kiosk.handover.address import MAX_NAME, header_display_name, one_line
from kiosk.handover.config import SmtpConfig
from kiosk.handover.deadline import Deadline, DeadlinePassedError, deadline_client
from kiosk.handover.errors import PermanentDeliveryError, TemporaryDeliveryError

Translate = Callable[[str], str]
PDF_FILENAME = "aftercare-calendar.pdf"
ICS_FILENAME = "aftercare-calendar.ics"


def compose_email(
    smtp: SmtpConfig,
    *,
    recipient: str,
    name: str,
    pdf: bytes,
    ics: bytes | None,
    translate: Translate,
) -> EmailMessage:
    _ = translate
    clinic = one_line(smtp.from_name)
    first_name = one_line(name)
    message = EmailMessage()
    message["Subject"] = one_line(
        _(messages.EMAIL_SUBJECT).format(clinic=clinic) if clinic else _(messages.EMAIL_SUBJECT_NO_CLINIC)
    )
    # The clinic's name is staff configuration (one line, checked in config): quoted by the email package.
    message["From"] = Address(display_name=clinic[:MAX_NAME], addr_spec=smtp.from_address)
    message["To"] = Address(display_name=header_display_name(name), addr_spec=recipient)
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=smtp.from_address.rpartition("@")[2] or None)
    greeting = _(messages.EMAIL_GREETING).format(name=first_name) if first_name else _(messages.EMAIL_GREETING_NO_NAME)
    paragraphs = [greeting, _(messages.EMAIL_PDF_LINE)]
    if ics is not None:
        paragraphs.append(_(messages.EMAIL_ICS_LINE).format(file=ICS_FILENAME))
    paragraphs.append(_(messages.EMAIL_PRIVACY_LINE))
    paragraphs.append(_(messages.EMAIL_SIGN_OFF) + ("\n" + clinic if clinic else ""))
    message.set_content("\n\n".join(paragraphs) + "\n")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=PDF_FILENAME)
    if ics is not None:
        message.add_attachment(ics, maintype="text", subtype="calendar", filename=ICS_FILENAME)
    return message


def send_email(smtp: SmtpConfig, message: EmailMessage) -> None:
    """Deliver to the configured server; raises TemporaryDeliveryError or PermanentDeliveryError.

    `smtp.timeout` bounds the whole delivery, from connecting to QUIT, not each read: a server that answers
    one byte at a time is cut off when the time is up (see kiosk.handover.deadline).
    """
    where = f"SMTP server {smtp.host}:{smtp.port} ({smtp.security})"
    seconds = bounded_seconds(smtp.timeout)
    try:
        context = ssl.create_default_context(cafile=str(smtp.ca_file) if smtp.ca_file else None)
        with Deadline(seconds) as deadline:
            client = deadline_client(smtp.host, smtp.security == "ssl", deadline, context)
            try:
                client.connect(smtp.host, smtp.port)
                if smtp.security == "starttls":
                    client.starttls(context=context)
                if smtp.username:
                    client.login(smtp.username, smtp.password)
                client.send_message(message)
                client.quit()
            finally:
                client.close()
    except DeadlinePassedError:
        raise _temporary(
            f"{where} did not finish within {seconds:g} s (timeout in [smtp]); trying again later"
        ) from None
    except smtplib.SMTPAuthenticationError as exc:
        raise _permanent(
            f"{where} refused the login for user {smtp.username} ({exc.smtp_code}): check username and password "
            "in [smtp] of kiosk.toml, then retry with `smp-kiosk outbox --retry`"
        ) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise _permanent(
            f"{where} does not support what [smtp] asks for ({exc}): check security and username"
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _text in exc.recipients.values()]
        refusal = f"{where} refused the recipient address (code {', '.join(map(str, codes))})"
        if all(400 <= code < 500 for code in codes):
            raise _temporary(refusal + "; trying again later") from None
        raise _permanent(refusal + ": the address may not exist; ask the client to check it") from None
    except smtplib.SMTPSenderRefused as exc:
        text = f"{where} refused the sender {smtp.from_address} ({exc.smtp_code})"
        if 400 <= exc.smtp_code < 500:
            raise _temporary(text + "; trying again later") from None
        raise _permanent(text + ": check from_address in [smtp] of kiosk.toml") from None
    except smtplib.SMTPResponseException as exc:
        text = f"{where} answered {exc.smtp_code}"
        if 400 <= exc.smtp_code < 500:
            raise _temporary(text + "; trying again later") from None
        raise _permanent(text + ": the server refused the message") from None
    except ssl.SSLCertVerificationError as exc:
        raise _permanent(
            f"{where}: its certificate is not trusted ({exc.verify_message}); set ca_file in [smtp] for a "
            "private certificate"
        ) from None
    except ssl.SSLError as exc:
        raise _temporary(f"{where}: TLS failed ({exc.reason}); check security and port in [smtp]") from None
    except (OSError, smtplib.SMTPException) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else (str(exc) or type(exc).__name__)
        raise _temporary(f"{where} cannot be reached ({detail}); trying again later") from None


def _temporary(staff_message: str) -> TemporaryDeliveryError:
    return TemporaryDeliveryError(staff_message, messages.EMAIL_DELAYED)


def _permanent(staff_message: str) -> PermanentDeliveryError:
    return PermanentDeliveryError(staff_message, messages.EMAIL_FAILED)
