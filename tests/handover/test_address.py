"""Addresses typed by a client, and names that may go into a mail header."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.handover import messages
from kiosk.handover.address import header_display_name, normalise_address, one_line
from kiosk.handover.errors import InvalidAddressError


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        ("zoe@example.com", "zoe@example.com"),
        ("  zoe.haddad+smp@Mail.Example.ORG ", "zoe.haddad+smp@mail.example.org"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("joerg@bücher.de", "joerg@xn--bcher-kva.de"),
    ],
)
def test_good_addresses_are_accepted(typed: str, address: str) -> None:
    assert normalise_address(typed) == address


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", messages.ADDRESS_EMPTY),
        ("   ", messages.ADDRESS_EMPTY),
        ("zoe example.com", messages.ADDRESS_HAS_SPACE),
        ("zoe@example.com\nBcc: victim@evil.example", messages.ADDRESS_HAS_SPACE),
        ("zoe@example.com\r\n", messages.ADDRESS_HAS_SPACE),
        ("zoe@example.com\u2028", messages.ADDRESS_HAS_SPACE),
        ("zoe.example.com", messages.ADDRESS_NO_AT),
        ("zoe@@example.com", messages.ADDRESS_NO_AT),
        ("zoe@example.com,eve@evil.example", messages.ADDRESS_NO_AT),
        ("zoe@", messages.ADDRESS_BAD_DOMAIN),
        ("zoe@localhost", messages.ADDRESS_BAD_DOMAIN),
        ("zoe@example.c0m", messages.ADDRESS_BAD_DOMAIN),
        ("zoe@-example.com", messages.ADDRESS_BAD_DOMAIN),
        ("zoe@example..com", messages.ADDRESS_BAD_DOMAIN),
        ("@example.com", messages.ADDRESS_BAD_NAME),
        ("zoe..h@example.com", messages.ADDRESS_BAD_NAME),
        ("<zoe>@example.com", messages.ADDRESS_BAD_NAME),
        ('"zoe"@example.com', messages.ADDRESS_BAD_NAME),
        ("zoë@example.com", messages.ADDRESS_BAD_NAME),
        ("z" * 65 + "@example.com", messages.ADDRESS_BAD_NAME),
        ("zoe@" + "a" * 250 + ".com", messages.ADDRESS_TOO_LONG),
    ],
)
def test_bad_addresses_get_a_clear_message(typed: str, message: str) -> None:
    with pytest.raises(InvalidAddressError) as refused:
        normalise_address(typed)
    assert refused.value.message_id == message
    assert refused.value.localised("en") == message
    assert str(refused.value) == message


@given(st.text(max_size=60))
def test_nothing_with_a_line_break_or_header_syntax_is_ever_accepted(text: str) -> None:
    try:
        address = normalise_address(text)
    except InvalidAddressError:
        return
    assert not any(ch in address for ch in '\r\n\t ,;:<>"()[]\\')
    assert address.count("@") == 1


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Zoë Müller", "Zoë Müller"),
        ("  Ana   Lima ", "Ana Lima"),
        ("مريم", "مريم"),
        ("می\u200cخواهم", "می\u200cخواهم"),  # the zero-width non-joiner Persian needs stays
        ("Eve\r\nBcc: x@evil.example", ""),
        ("Eve\nX", ""),
        ("Bcc: x@evil.example", ""),
        ("Eve <x@evil.example>", ""),
        ('Eve" <x@evil.example>', ""),
        ("Eve\u202e", ""),  # a right-to-left override could disguise the header
    ],
)
def test_only_plain_names_go_into_a_header(name: str, shown: str) -> None:
    assert header_display_name(name) == shown


def test_one_line_turns_line_breaks_into_spaces() -> None:
    assert one_line("Zoë\r\n Müller\u2028x") == "Zoë Müller x"
