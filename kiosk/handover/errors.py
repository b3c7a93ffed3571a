"""Why a hand-over did not happen now: a detail for staff, a kind message for the client.

`staff_message` says what is wrong and how to fix it; it never holds the client's name or email address
(the outbox redacts them as well, in case a server echoes them back). `client_message` is a gettext
message id (see kiosk.handover.messages) the screen shows in the client's language.
"""

from __future__ import annotations

from kiosk.errors import UserError
from kiosk.i18n.catalog import translations


class HandoverError(Exception):
    """Delivery failed; `retry` tells whether the outbox tries again by itself."""

    retry = True

    def __init__(self, staff_message: str, client_message: str) -> None:
        super().__init__(staff_message)
        self.staff_message = staff_message
        self.client_message = client_message


class TemporaryDeliveryError(HandoverError):
    """Printer not ready, server unreachable: the job waits in the outbox and is retried with backoff."""

    retry = True


class PermanentDeliveryError(HandoverError):
    """Retrying will not help until staff fix something (a refused login, a refused address)."""

    retry = False


class LocalisedError(UserError):
    """Bad input from the client: `message_id` is a gettext id, so the screen can show it in their language."""

    def __init__(self, message_id: str, **values: str) -> None:
        super().__init__(message_id.format(**values))
        self.message_id = message_id
        self.values = values

    def localised(self, language: str) -> str:
        return translations(language).gettext(self.message_id).format(**self.values)


class InvalidAddressError(LocalisedError):
    """The email address the client typed cannot be used."""


class InvalidDocumentError(UserError):
    """The PDF is missing, empty or cut short: it is never queued, printed or sent."""


class EmailNotConfiguredError(UserError):
    """The kiosk config has no [smtp] section: the email button should not be offered."""
