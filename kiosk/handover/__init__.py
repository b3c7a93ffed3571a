"""Hand-over: print the calendar at the kiosk, email it with an offline outbox. No Qt here.

The UI (kiosk/ui) drives this API from a worker thread; every call blocks (CUPS polling, SMTP, fsync)
and none touches Qt. Sketch of the wiring:

    from kiosk.handover import HandoverService, InvalidAddressError, InvalidDocumentError

    service = HandoverService.open(clinic=settings)   # once at start-up: kiosk.toml + outbox/ in data_dir();
    #   `clinic`: optional kiosk.store.settings.ClinicSettings; its printer and SMTP fill what kiosk.toml leaves out
    service.email_enabled                     # False without [smtp] in kiosk.toml: hide the email button

    # "Print" button (worker thread):
    result = service.print_calendar(pdf_bytes, language=visit.language)
    #   pdf_bytes: the bytes from build_calendar_pdf (or a Path). Paper size (A4/Letter) is read from the PDF.
    #   Raises InvalidDocumentError (a UserError) when the PDF is not whole: show the error state, nothing is queued.

    # Email screen: check as the client types or on "Send" (cheap, can run on the GUI thread):
    try:
        address = service.check_address(text)
    except InvalidAddressError as exc:
        show(exc.localised(visit.language))   # clear message in the client's language
    # then (worker thread):
    result = service.email_calendar(pdf_bytes, to=text, language=visit.language,
                                    name=visit.first_name, ics=plan_to_ics(...))

    # Both return HandoverResult:
    result.status          # "done" | "queued" (in the outbox, retried with backoff) | "failed" (staff must act)
    result.client_message  # already in the client's language: show it as is ("please ask at the desk")
    result.client_message_id  # its gettext id, if the screen re-translates on a language switch
    result.staff_message   # English detail for staff / the log, no client data ("" when done)
    result.job_id

    # Retries: call service.retry_due() in a worker at start-up and about once a minute (e.g. a QTimer
    # that starts a worker); it tries every job whose backoff has run out and returns their results.
    # Staff: service.jobs() lists the outbox; service.retry_now(job_id=None) ignores the backoff.

On-screen QR codes are not part of this package: they come from kiosk.documents.qr over
kiosk.documents.pdf.calendar_codes(request) (the key dates' events, the same codes as the PDF).

Configuration (kiosk.toml): see kiosk.handover.config. Messages for the client: kiosk.handover.messages.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.handover.config import HandoverConfig, SmtpConfig, load_handover_config, with_clinic_settings
    from kiosk.handover.errors import (
        EmailNotConfiguredError,
        HandoverError,
        InvalidAddressError,
        InvalidDocumentError,
        PermanentDeliveryError,
        TemporaryDeliveryError,
    )
    from kiosk.handover.outbox import Job, Outbox
    from kiosk.handover.service import HandoverResult, HandoverService

# Each name loads its module on first use: the settings resolver reads kiosk.handover.config, and `calendar`
# or `schedule` must not load CUPS, IPP, HTTP, TLS and SMTP for it (about 20 ms a process).
_HOMES = {
    "HandoverConfig": "config",
    "SmtpConfig": "config",
    "load_handover_config": "config",
    "with_clinic_settings": "config",
    "EmailNotConfiguredError": "errors",
    "HandoverError": "errors",
    "InvalidAddressError": "errors",
    "InvalidDocumentError": "errors",
    "PermanentDeliveryError": "errors",
    "TemporaryDeliveryError": "errors",
    "Job": "outbox",
    "Outbox": "outbox",
    "HandoverResult": "service",
    "HandoverService": "service",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "EmailNotConfiguredError",
    "HandoverConfig",
    "HandoverError",
    "HandoverResult",
    "HandoverService",
    "InvalidAddressError",
    "InvalidDocumentError",
    "Job",
    "Outbox",
    "PermanentDeliveryError",
    "SmtpConfig",
    "TemporaryDeliveryError",
    "load_handover_config",
    "with_clinic_settings",
]
