"""Branch settings read back from the database or the settings copy keep to the same bounds staff are held to:
a value out of bounds or of the wrong type is left out, so no absurd number reaches a timer, a socket or date
arithmetic whoever wrote it."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.core.clinic import load_clinic
from kiosk.handover.config import HandoverConfig, with_clinic_settings
from kiosk.settings.secret import SecretBox
from kiosk.store.settings import ClinicSettings, read_settings_copy


def test_absurd_stored_values_are_left_out(tmp_path: Path) -> None:
    base = ClinicSettings.from_clinic(load_clinic())
    copy = tmp_path / "clinic-settings.json"
    stored = {
        "name": "Harbour SMP",
        "inactivity_timeout_s": 10**9,
        "retention_days": -5,
        "day_counts": {"dry": 10**6, "gentle": 4, "all-clear": True},
        "smtp": {"host": "smtp.example", "port": 0, "security": "rot13", "sender": "a@b.example"},
        "receipt_required": "yes",
    }
    copy.write_text(json.dumps(stored), encoding="utf-8")
    settings = read_settings_copy(copy, base, SecretBox(tmp_path))
    assert settings.name == "Harbour SMP" and settings.day_counts == {"gentle": 4}
    assert (settings.inactivity_timeout_s, settings.retention_days) == (base.inactivity_timeout_s, base.retention_days)
    assert (settings.smtp.host, settings.smtp.port, settings.smtp.security) == ("smtp.example", 587, "starttls")
    assert settings.receipt_required is False
    copy.write_text('{"inactivity_timeout_s": NaN, "retention_days": Infinity}', encoding="utf-8")
    settings = read_settings_copy(copy, base, SecretBox(tmp_path))
    assert (settings.inactivity_timeout_s, settings.retention_days) == (base.inactivity_timeout_s, base.retention_days)


def test_the_password_is_never_in_a_settings_repr(tmp_path: Path) -> None:
    base = ClinicSettings.from_clinic(load_clinic())
    secret = "harbour-s3cret-pw"
    settings = base.with_fields({"smtp": {"host": "smtp.example", "password": secret, "sender": "a@b.example"}})
    assert settings.smtp.password == secret and secret not in repr(settings)


def test_the_password_is_never_in_the_hand_over_settings_repr() -> None:
    """What the printer and mail code is given (kiosk.handover.config), logged or shown in a traceback."""
    base = ClinicSettings.from_clinic(load_clinic())
    secret = "harbour-s3cret-pw"
    settings = base.with_fields({"smtp": {"host": "smtp.example", "password": secret, "sender": "Desk <a@b.example>"}})
    config = with_clinic_settings(HandoverConfig(), settings)
    assert config.smtp is not None and config.smtp.password == secret
    assert secret not in repr(config) and "smtp.example" in repr(config)
