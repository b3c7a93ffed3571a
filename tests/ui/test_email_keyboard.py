"""The email keyboard: Latin letters in any language, with @ and . (and .com) on its first layer; the client's
own letters come back for the next name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from tests.handover import servers
from tests.handover.servers import SmtpServer
from tests.ui.conftest import Driver, has_properties, items_of, read_property, shown
from tests.ui.test_handover_screen import smtp_config, walk_to_handover, write_config
from tests.ui.test_kiosk_flow import keyboard_key

certificate, smtp_server = servers.certificate, servers.smtp_server
SCRIPTS = {"ar": ("\u0600", "\u06ff"), "ru": ("\u0400", "\u04ff"), "he": ("\u0590", "\u05ff")}


def key_texts(drive: Driver) -> set[str]:
    keys = set()
    for item in items_of(drive.find("inputPanel")):
        if has_properties(item, "key", "text") and shown(item) and item.width() > 0:
            keys.add(str(read_property(item, "text")))
    return keys


def in_script(keys: set[str], language: str) -> bool:
    low, high = SCRIPTS[language]
    return any(low <= char <= high for key in keys for char in key)


@pytest.mark.parametrize("language", ["ar", "ru", "he"])
def test_a_client_types_an_email_address_in_latin_letters_with_at_on_the_first_layer(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], smtp_server: Callable[..., SmtpServer], language: str
) -> None:
    write_config(*smtp_config(smtp_server().port))
    kiosk = make_kiosk()
    drive = Driver(qtbot, kiosk)
    kiosk.model.chooseLanguage(language)
    walk_to_handover(drive)
    drive.tap("emailField")
    qtbot.waitUntil(lambda: shown(drive.find("inputPanel", visible=False)), timeout=5000)
    qtbot.waitUntil(lambda: "@" in key_texts(drive), timeout=5000)  # the first layer, no key to a second one
    keys = key_texts(drive)
    assert {"@", ".", ".com", "-", "_", "0", "9"} <= keys and set("abcdefghijklmnopqrstuvwxyz") <= keys
    assert all(key.isascii() for key in keys), sorted(keys)  # Latin letters only
    for char in "amira":
        drive.tap_item(keyboard_key(drive, char))
    drive.tap_item(keyboard_key(drive, "@"))
    for char in "example":
        drive.tap_item(keyboard_key(drive, char))
    drive.tap_item(keyboard_key(drive, "."))
    for char in "org":
        drive.tap_item(keyboard_key(drive, char))
    assert drive.text("emailField") == "amira@example.org"
    assert drive.find("emailField").hasActiveFocus()

    kiosk.model.inactivityTimeout()  # the next client types a name in the language's own letters again
    drive.wait_step("welcome")
    kiosk.model.chooseLanguage(language)
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.tap("firstNameField")
    qtbot.waitUntil(lambda: in_script(key_texts(drive), language), timeout=5000)
    assert "@" not in key_texts(drive)


def test_a_kiosk_closed_while_an_email_is_typed_leaves_the_next_keyboard_in_the_clients_letters(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], smtp_server: Callable[..., SmtpServer]
) -> None:
    # The keyboard's settings belong to the whole application: a restart of the window (or the next test) must
    # not inherit the email keyboard from a window that closed with the email field focused.
    write_config(*smtp_config(smtp_server().port))
    first = make_kiosk()
    drive = Driver(qtbot, first)
    first.model.chooseLanguage("ar")
    walk_to_handover(drive)
    drive.tap("emailField")
    qtbot.waitUntil(lambda: "@" in key_texts(drive), timeout=5000)
    first.shutdown()

    second = make_kiosk()
    drive = Driver(qtbot, second)
    second.model.chooseLanguage("ar")
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.tap("firstNameField")
    qtbot.waitUntil(lambda: in_script(key_texts(drive), "ar"), timeout=5000)
    assert "@" not in key_texts(drive)
