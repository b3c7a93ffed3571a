"""The email keyboard: Latin letters in any language; @, . and .com one tap away beside the field."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskApp
from tests.handover import servers
from tests.handover.servers import SmtpServer
from tests.ui.conftest import Driver, has_properties, items_of, read_property, shown
from tests.ui.test_handover_screen import smtp_config, walk_to_handover, write_config

certificate, smtp_server = servers.certificate, servers.smtp_server


def key_texts(drive: Driver) -> set[str]:
    keys = set()
    for item in items_of(drive.find("inputPanel")):
        if has_properties(item, "key", "text") and shown(item):
            keys.add(str(read_property(item, "text")))
    return keys


def test_an_arabic_client_types_an_email_address_in_latin_letters(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], smtp_server: Callable[..., SmtpServer]
) -> None:
    write_config(*smtp_config(smtp_server().port))
    kiosk = make_kiosk()
    drive = Driver(qtbot, kiosk)
    kiosk.model.chooseLanguage("ar")
    walk_to_handover(drive)
    drive.tap("emailField")
    qtbot.waitUntil(lambda: shown(drive.find("inputPanel", visible=False)), timeout=5000)
    qtbot.wait(400)
    keys = key_texts(drive)
    assert "." in keys and {"a", "m"} <= {key.lower() for key in keys}
    assert not any("\u0600" <= char <= "\u06ff" for key in keys for char in key), sorted(keys)  # no Arabic letters
    drive.type_keys("amira")
    drive.tap("emailKey0")  # @, beside the field
    drive.type_keys("example")
    drive.tap("emailKey2")  # .com
    assert drive.text("emailField") == "amira@example.com"
    assert drive.find("emailField").hasActiveFocus()
