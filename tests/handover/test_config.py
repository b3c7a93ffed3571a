"""kiosk.toml: the printer and the [smtp] section."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk.errors import UserError
from kiosk.handover import HandoverService
from kiosk.handover.config import HandoverConfig, SmtpConfig, load_handover_config, with_clinic_settings
from kiosk.store.settings import ClinicSettings, SmtpSettings


def config(tmp_path: Path, text: str) -> HandoverConfig:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return load_handover_config(path)


def test_no_file_means_default_printer_and_no_email(tmp_path: Path) -> None:
    assert load_handover_config(tmp_path / "kiosk.toml") == HandoverConfig(printer=None, smtp=None)


def test_a_full_smtp_section(tmp_path: Path) -> None:
    (tmp_path / "ca.pem").write_text("x", encoding="utf-8")
    loaded = config(
        tmp_path,
        'printer = "Front_Desk"\nprint_timeout = 30\nkiosk_id = "k1"\n[smtp]\nhost = "smtp.example.com"\n'
        'security = "ssl"\nusername = "u"\npassword = " p w "\nfrom_address = "cal@clinic.example"\n'
        'from_name = "Clinic"\nca_file = "ca.pem"\n',
    )
    assert loaded == HandoverConfig(
        printer="Front_Desk",
        print_timeout=30.0,
        smtp=SmtpConfig(
            host="smtp.example.com",
            port=465,
            security="ssl",
            from_address="cal@clinic.example",
            from_name="Clinic",
            username="u",
            password=" p w ",
            ca_file=tmp_path / "ca.pem",
        ),
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("printer = 3", "'printer' must be a text"),
        ('printer = "Front Desk"', "'printer' must be a CUPS queue name"),
        ("print_timeout = 0", "'print_timeout' must be a number >= 1"),
        ('smtp = "x"', "'smtp' must be a section such as [smtp]"),
        ('[smtp]\nhost = "h"\nfrom_address = "a@b.c"\nsecurity = "tls"', "'smtp.security' cannot be 'tls'"),
        ('[smtp]\nhost = "h"\nfrom_address = "a@b.c"\nport = 70000', "'smtp.port' must be a whole number <= 65535"),
        ('[smtp]\nhost = "h"\nfrom_adress = "a@b.c"', "'smtp.from_adress' is not a setting"),
        ('[smtp]\nhost = "h"\nfrom_address = "nobody"', "'smtp.from_address' must be a text matching"),
        ('[smtp]\nhost = "h"\nfrom_address = "a@b.c"\nfrom_name = "A\\nBcc: x"', "'smtp.from_name' must be a text"),
        ('[other]\nkiosk_id = "k1"', "'other' is not a setting"),
        ('[smtp]\nhost = "h"\nfrom_address = "a@b.c"\npassword = "p"', "username' is needed"),
        ('[smtp]\nhost = "h"\nfrom_address = "a@b.c"\nca_file = "missing.pem"', "does not exist"),
        ("[smtp\n", "is not valid TOML"),
    ],
)
def test_mistakes_name_the_field(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(UserError, match=problem.replace("[", r"\[")):
        config(tmp_path, text)


@dataclass(frozen=True)
class ClinicSmtp:
    host: str = "smtp.clinic.example"
    port: int = 25
    security: str = "none"
    username: str = ""
    password: str = ""
    sender: str = "Northside <cal@clinic.example>"


@dataclass(frozen=True)
class Clinic:
    name: str = "Northside Scalp Studio"
    printer: str = "Desk"
    smtp: ClinicSmtp = field(default_factory=ClinicSmtp)


def test_clinic_wide_settings_fill_what_kiosk_toml_leaves_out() -> None:
    merged = with_clinic_settings(HandoverConfig(), Clinic())
    assert merged.printer == "Desk"
    assert merged.smtp == SmtpConfig(
        host="smtp.clinic.example", port=25, security="plain", from_address="cal@clinic.example", from_name="Northside"
    )
    own = HandoverConfig(printer="Kiosk2", smtp=SmtpConfig("h", 587, "starttls", "k@x.example"))
    assert with_clinic_settings(own, Clinic()) == own
    assert with_clinic_settings(HandoverConfig(), Clinic(smtp=ClinicSmtp(host=""))).smtp is None


def test_the_stores_clinic_settings_fit(tmp_path: Path) -> None:
    settings = ClinicSettings(
        name="Northside Scalp Studio",
        printer="Front_Desk",
        smtp=SmtpSettings(host="smtp.clinic.example", port=465, security="ssl", sender="cal@clinic.example"),
    )
    service = HandoverService.open(tmp_path, clinic=settings)

    assert service.email_enabled
    assert service.config.printer == "Front_Desk"
    assert service.config.smtp == SmtpConfig(
        host="smtp.clinic.example",
        port=465,
        security="ssl",
        from_address="cal@clinic.example",
        from_name="Northside Scalp Studio",
    )
