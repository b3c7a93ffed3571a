"""Email addresses typed by a client, and names that may go into a mail header.

A typed address is checked with a plain rule set (one @, a local part of the usual characters, a domain
with a dot; international domains become punycode) and then parsed by the standard library, which must
read back exactly the same address. Anything with a space, a line break or header text is refused, so it
can never reach a header. A name goes into the To: header only when it is plain text; otherwise the
message is addressed to the bare address.
"""

from __future__ import annotations

import re
import unicodedata
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.utils import parseaddr

from kiosk.handover import messages
from kiosk.handover.errors import InvalidAddressError

MAX_ADDRESS = 254
MAX_LOCAL = 64
MAX_NAME = 80
_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_TOP_LABEL = re.compile(r"^([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$")
_HEADER_SPECIALS = set('<>@:;,"\\()[]')
_CONTROL = {"Cc", "Cf", "Zl", "Zp"}
_JOINERS = {"\u200c", "\u200d"}  # zero-width (non-)joiner: part of Persian and Indic names


def normalise_address(text: str) -> str:
    """The address to send to, or InvalidAddressError with a message id for the client's language."""
    value = text.strip(" ")
    if not value:
        raise InvalidAddressError(messages.ADDRESS_EMPTY)
    if _has_control(value) or any(ch.isspace() for ch in value):
        raise InvalidAddressError(messages.ADDRESS_HAS_SPACE)
    if len(value) > MAX_ADDRESS:
        raise InvalidAddressError(messages.ADDRESS_TOO_LONG)
    if value.count("@") != 1:
        raise InvalidAddressError(messages.ADDRESS_NO_AT)
    local, domain = value.split("@")
    if not local or len(local) > MAX_LOCAL or not _LOCAL.match(local):
        raise InvalidAddressError(messages.ADDRESS_BAD_NAME)
    ascii_domain = _ascii_domain(domain)
    address = f"{local}@{ascii_domain}"
    if len(address) > MAX_ADDRESS:
        raise InvalidAddressError(messages.ADDRESS_TOO_LONG)
    try:
        parsed = Address(addr_spec=address)
    except (HeaderParseError, ValueError, IndexError):
        raise InvalidAddressError(messages.ADDRESS_BAD_NAME) from None
    if parsed.addr_spec != address or parseaddr(address) != ("", address):
        raise InvalidAddressError(messages.ADDRESS_BAD_NAME)
    return address


def _ascii_domain(domain: str) -> str:
    try:
        ascii_domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
    except UnicodeError:
        raise InvalidAddressError(messages.ADDRESS_BAD_DOMAIN) from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or not _TOP_LABEL.match(labels[-1]):
        raise InvalidAddressError(messages.ADDRESS_BAD_DOMAIN)
    return ascii_domain.lower()


def one_line(text: str) -> str:
    """Text with every control character, line break and run of spaces turned into one space."""
    cleaned = "".join(" " if unicodedata.category(ch) in _CONTROL else ch for ch in text)
    return " ".join(cleaned.split())


def header_display_name(name: str) -> str:
    """The name for a To:/From: header, or "" when it holds anything but plain words.

    A name with a line break, a control character or header syntax (`Bcc:`, `<`, `@`, quotes) is left out
    of the header entirely instead of being cleaned into it.
    """
    if _has_control(name) or any(ch in _HEADER_SPECIALS for ch in name):
        return ""
    return " ".join(name.split())[:MAX_NAME]


def _has_control(text: str) -> bool:
    """Control, format (bidi overrides) or line-separator characters; the joiners some scripts need are fine."""
    return any(unicodedata.category(ch) in _CONTROL and ch not in _JOINERS for ch in text)
