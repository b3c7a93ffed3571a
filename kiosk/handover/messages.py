"""What the client reads after a hand-over, as gettext message ids (extracted through `N_`).

The screen shows `localise(id, language)`; staff get the detailed English text from the error instead.
"""

from __future__ import annotations

from kiosk.i18n.catalog import translations


def N_(message: str) -> str:  # noqa: N802 - the gettext marker name the extractor knows
    """Marks a text for translation without translating it yet."""
    return message


PRINTING = N_("Your calendar is printing. Please take it from the printer.")
PRINT_DELAYED = N_("The printer is not ready. Please ask at the desk for your printed calendar.")
EMAIL_SENT = N_("We have sent your calendar to your email address.")
EMAIL_DELAYED = N_("We cannot reach the email server right now. We will send your calendar as soon as we can.")
EMAIL_FAILED = N_("We could not send the email. Please ask at the desk.")

ADDRESS_EMPTY = N_("Please type your email address.")
ADDRESS_HAS_SPACE = N_("An email address has no spaces or line breaks. Please check it.")
ADDRESS_NO_AT = N_("An email address has one @ sign, like name@example.com. Please check it.")
ADDRESS_BAD_NAME = N_("The part before the @ has a sign an email address cannot have. Please check it.")
ADDRESS_BAD_DOMAIN = N_("The part after the @ does not look right. It needs a dot, like example.com. Please check it.")
ADDRESS_TOO_LONG = N_("This email address is too long. Please check it.")

EMAIL_SUBJECT = N_("Your aftercare calendar from {clinic}")
EMAIL_SUBJECT_NO_CLINIC = N_("Your aftercare calendar")
EMAIL_GREETING = N_("Hello {name},")
EMAIL_GREETING_NO_NAME = N_("Hello,")
EMAIL_PDF_LINE = N_("Your aftercare calendar is attached to this email as a PDF file. You can print it or keep it.")
EMAIL_ICS_LINE = N_("To add the dates to the calendar on your phone, open the attached file {file}.")
EMAIL_PRIVACY_LINE = N_("We used your email address only to send you this calendar. We did not keep it.")
EMAIL_SIGN_OFF = N_("Best wishes,")


def localise(message_id: str, language: str) -> str:
    return translations(language).gettext(message_id)
