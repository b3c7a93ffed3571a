"""The on-screen keyboard types in the client's language: an Arabic or Russian name in its own letters."""

from __future__ import annotations

import pytest

from tests.ui.conftest import Driver, read_property
from tests.ui.test_kiosk_flow import type_on_keyboard

pytestmark = pytest.mark.ui


@pytest.mark.parametrize(("language", "name"), [("ar", "سارة"), ("ru", "алексей"), ("he", "דוד")])
def test_a_name_typed_on_the_keyboard_in_the_clients_script(drive: Driver, language: str, name: str) -> None:
    drive.tap(f"language_{language}")
    assert read_property(drive.kiosk.model, "language") == language
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.tap("firstNameField")
    type_on_keyboard(drive, name)
    assert read_property(drive.kiosk.model, "firstName") == name[0].upper() + name[1:]  # starts with a capital
