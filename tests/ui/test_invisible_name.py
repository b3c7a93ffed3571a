"""The name screen refuses a name of only invisible characters with a kind line in the client's language."""

from __future__ import annotations

import pytest

from kiosk.core.names import NAME_HAS_NO_LETTERS
from kiosk.i18n import translations

from .conftest import Driver, read_property


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_an_invisible_name_gets_a_kind_line_in_the_clients_language(drive: Driver, language: str) -> None:
    model = drive.kiosk.model
    drive.tap(f"language_{language}")
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.qtbot.waitUntil(lambda: drive.find("firstNameField").hasActiveFocus())
    drive.type_keys("\u200d\u200d\u3164")
    drive.tap("nextButton")
    assert read_property(model, "step") == "name"  # the kiosk keeps running, on the same screen
    expected = translations(language).gettext(NAME_HAS_NO_LETTERS)
    assert expected != NAME_HAS_NO_LETTERS or language == "en"
    assert read_property(drive.find("problemText"), "text") == expected
    drive.type_keys("Ana")
    drive.tap("nextButton")
    drive.wait_step("session")
