"""The staff screen's settings form without Qt (texts <-> ClinicSettings, each problem named in the staff member's
language), the export folder of a kiosk, and what a kiosk runs with (docs/settings.md's order of precedence)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import msgspec
import pytest

from kiosk.core import kiosk_config
from kiosk.core.clinic import load_clinic
from kiosk.core.kiosk_config import KioskConfig, default_export_dir, folder_problem, removable_folders
from kiosk.core.protocol import load_protocol
from kiosk.handover.config import HandoverConfig, SmtpConfig
from kiosk.i18n import supported_languages, translations
from kiosk.paths import resources_dir
from kiosk.store.effective import effective_settings
from kiosk.store.settings import ClinicSettings, SettingError, SmtpSettings, clinic_with_settings
from kiosk.store.settings_form import (
    DAY_COUNT_PROBLEM,
    PROBLEMS,
    day_count_fields,
    form_values,
    problem_text,
    settings_from_form,
)

PROTOCOL = load_protocol()
SHIPPED = supported_languages()
BASE = ClinicSettings.from_clinic(load_clinic())


def submit(**changes: Any) -> ClinicSettings:
    values = form_values(BASE, PROTOCOL, SHIPPED)
    values.update(changes)
    return settings_from_form(BASE, values, PROTOCOL, SHIPPED, "en")


def refused(**changes: Any) -> SettingError:
    with pytest.raises(SettingError) as caught:
        submit(**changes)
    return caught.value


def test_the_form_shows_the_settings_and_saves_them_unchanged() -> None:
    values = form_values(BASE, PROTOCOL, SHIPPED)
    assert values["name"] == "Northside Scalp Studio" and values["timeout"] == "90"
    assert values["dayCounts"] == {
        "dry": "3",
        "gentle": "3",
        "all-clear": "30",
        "course.min-gap": "7",
        "course.touch-up-from": "21",
        "course.touch-up-until": "90",
        "course.maintenance-years": "2",
    }
    assert values["languages"] == list(SHIPPED)  # none listed: every language is on
    assert submit() == BASE


def test_typed_values_become_settings() -> None:
    settings = submit(
        name="  Harbour   SMP ",
        phone="\u200e+44 113 496 0000",  # the screen's left-to-right mark is not kept
        languages=["de", "ar"],
        timeout="45",
        dayCounts={"dry": "4", "gentle": "3", "all-clear": "28"},
        smtpHost="smtp.example.org",
        smtpPort="",
        smtpSecurity="ssl",
        smtpPassword=" with spaces ",
        smtpSender="desk@example.org",
        receipt=True,
        retention="30",
    )
    assert settings.name == "Harbour SMP" and settings.phone == "+44 113 496 0000"
    assert settings.languages == ("en", "ar", "de")  # the default language always, in shipped order
    assert settings.inactivity_timeout_s == 45 and settings.retention_days == 30 and settings.receipt_required
    assert settings.day_counts == {"dry": 4, "all-clear": 28}  # only what differs from the protocol file
    assert settings.smtp == SmtpSettings("smtp.example.org", 465, "ssl", "", " with spaces ", "desk@example.org")
    assert submit(languages=list(SHIPPED)).languages == ()  # every language: stays "all", new ones included


@pytest.mark.parametrize(
    ("changes", "setting"),
    [
        ({"name": "  "}, "name"),
        ({"email": "desk at clinic"}, "email"),
        ({"printer": "front desk"}, "printer"),
        ({"timeout": "ninety"}, "inactivity_timeout_s"),
        ({"timeout": "5"}, "inactivity_timeout_s"),
        ({"retention": "0"}, "retention_days"),
        ({"languages": ["xx"]}, "languages"),
        ({"dayCounts": {"dry": "0"}}, "day_counts.dry"),
        ({"dayCounts": {"all-clear": "3.5"}}, "day_counts.all-clear"),
        ({"smtpSecurity": "tls"}, "smtp.security"),
        ({"smtpHost": "smtp.example.org", "smtpPort": "99999", "smtpSender": "a@b.example"}, "smtp.port"),
        ({"smtpHost": "smtp example"}, "smtp.host"),
        ({"smtpHost": "smtp.example.org", "smtpSender": ""}, "smtp.sender"),
        ({"logo": "/nowhere/logo.png"}, "logo_path"),
    ],
)
def test_a_bad_value_names_its_setting(changes: dict[str, Any], setting: str) -> None:
    assert refused(**changes).setting == setting


def test_each_problem_is_said_in_the_staff_members_language(tmp_path: Path) -> None:
    german = translations("de").gettext
    for changes, setting in [({"timeout": "5"}, "inactivity_timeout_s"), ({"smtpSecurity": "x"}, "smtp.security")]:
        text = problem_text(refused(**changes), german, PROTOCOL)
        assert text == german(PROBLEMS[setting]) and text != PROBLEMS[setting]
    days = problem_text(refused(dayCounts={"dry": "0"}), german, PROTOCOL)
    label = next(field["label"] for field in day_count_fields(PROTOCOL, german) if field["id"] == "dry")
    assert days == german(DAY_COUNT_PROBLEM).format(field=label) and german("Keep your scalp dry") in label
    notes = tmp_path / "logo.png"
    notes.write_text("not a picture", encoding="utf-8")
    english = translations("en").gettext
    assert problem_text(refused(logo=str(notes)), english, PROTOCOL) == "Logo: this file is not a PNG or JPEG picture."
    missing = refused(logo=str(tmp_path / "gone.png"))
    assert problem_text(missing, english, PROTOCOL) == "Logo: there is no file at this path."


def test_day_count_fields_follow_the_protocol_in_plain_words() -> None:
    fields = day_count_fields(PROTOCOL, translations("en").gettext)
    assert fields == [
        {"id": "dry", "label": "Keep your scalp dry: how many days"},
        {"id": "gentle", "label": "Gentle care: how many days"},
        {"id": "all-clear", "label": "Saunas, pools and fake tan are fine: how many days after the final session"},
        {"id": "course.min-gap", "label": "Usual least number of days between sessions"},
        {"id": "course.touch-up-from", "label": "Touch-up window: first day after the final main session"},
        {"id": "course.touch-up-until", "label": "Touch-up window: last day after the final main session"},
        {"id": "course.maintenance-years", "label": "Refresh session reminder: after how many years (0 for none)"},
    ]


def test_a_png_or_jpeg_logo_is_accepted(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    shutil.copy(resources_dir() / "clinics" / "demo-logo.png", logo)
    assert submit(logo=str(logo)).logo_path == str(logo)
    jpeg = tmp_path / "logo.jpg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + bytes(32))
    assert submit(logo=str(jpeg)).logo_path == str(jpeg)
    assert submit(logo="").logo_path == ""  # no logo


# ---------------------------------------------------------------- what a kiosk runs with


def test_clinic_settings_go_over_the_profile_and_the_kiosks_own_files_win() -> None:
    profile = load_clinic()
    settings = msgspec.structs.replace(
        BASE,
        name="Harbour SMP",
        logo_path="/gone/logo.png",  # saved on another kiosk that has the file: left out here
        languages=("en", "de"),
        inactivity_timeout_s=45,
        day_counts={"dry": 5},
        printer="clinic-printer",
        smtp=SmtpSettings(host="smtp.clinic.example", sender="Harbour <desk@clinic.example>"),
        receipt_required=True,
    )
    bare = effective_settings(profile, PROTOCOL, settings, kiosk_handover=HandoverConfig(), kiosk_inactivity=None)
    assert bare.clinic.name == "Harbour SMP" and bare.clinic.logo is None and bare.clinic.languages == ("en", "de")
    assert bare.clinic.region == profile.region and bare.clinic.default_language == "en"  # only in the profile
    assert bare.inactivity_seconds == 45 and bare.receipt_required
    assert [(p.first_day, p.last_day) for p in bare.protocol.phases] == [(1, 5), (6, 8), (9, None)]
    assert bare.handover is not None and bare.handover.printer == "clinic-printer"
    assert bare.handover.smtp is not None and bare.handover.smtp.from_name == "Harbour"

    own_smtp = SmtpConfig(host="smtp.kiosk.example", port=25, security="plain", from_address="k@kiosk.example")
    own = effective_settings(
        profile,
        PROTOCOL,
        settings,
        kiosk_handover=HandoverConfig(printer="kiosk-printer", smtp=own_smtp),
        kiosk_inactivity=120,
    )
    assert own.handover is not None and own.handover.printer == "kiosk-printer" and own.handover.smtp == own_smtp
    assert own.inactivity_seconds == 120
    assert effective_settings(profile, PROTOCOL, settings, kiosk_handover=None, kiosk_inactivity=None).handover is None


def test_day_counts_for_another_protocol_leave_this_kiosks_protocol_alone() -> None:
    settings = msgspec.structs.replace(BASE, day_counts={"sauna": 3})
    applied = effective_settings(load_clinic(), PROTOCOL, settings, kiosk_handover=None, kiosk_inactivity=None)
    assert applied.protocol == PROTOCOL


def test_an_empty_logo_means_no_logo() -> None:
    assert clinic_with_settings(load_clinic(), msgspec.structs.replace(BASE, logo_path="")).logo is None
    assert clinic_with_settings(load_clinic(), BASE).logo == load_clinic().logo


# ---------------------------------------------------------------- the export folder (state.json)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_the_export_folder_is_kept_per_kiosk(data_dir: Path, tmp_path: Path) -> None:
    config = KioskConfig()
    assert config.export_dir() == default_export_dir() == data_dir / "exports"
    config.set_export_dir(tmp_path)
    assert KioskConfig().export_dir() == tmp_path
    config.set_export_dir(default_export_dir())
    assert config.state().export_dir == ""


def test_folders_are_tried_for_real(tmp_path: Path) -> None:
    assert folder_problem(tmp_path) == ""
    assert folder_problem(Path("relative/folder")) == "not-absolute"
    assert folder_problem(tmp_path / "gone") == "missing"
    (tmp_path / "file.csv").write_text("x", encoding="utf-8")
    assert folder_problem(tmp_path / "file.csv") == "not-folder"
    assert folder_problem(Path("/proc")) == "not-writable"  # even root cannot make files there
    assert list(tmp_path.iterdir()) == [tmp_path / "file.csv"]  # the probe leaves nothing behind


def test_plugged_in_drives_are_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("STICK", "CARD"):
        (tmp_path / "media" / "staff" / name).mkdir(parents=True)
    (tmp_path / "media" / "staff" / "notes.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(kiosk_config, "REMOVABLE_DRIVES", (str(tmp_path / "media" / "*" / "*"), "/proc"))
    assert removable_folders() == [tmp_path / "media" / "staff" / name for name in ("CARD", "STICK")]


def test_a_timeout_in_kiosk_toml_is_this_kiosks_own(data_dir: Path) -> None:
    config = KioskConfig()
    assert config.inactivity_override() is None  # the clinic setting decides
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "kiosk.toml").write_text("inactivity_seconds = 120\n", encoding="utf-8")
    assert config.inactivity_override() == 120


def test_reading_aloud_settings_round_trip_and_reach_the_kiosk() -> None:
    settings = submit(speakOnWelcome=True, readAloudVolume="40")
    assert settings.speak_on_welcome and settings.read_aloud_volume == 40
    assert form_values(settings, PROTOCOL, SHIPPED)["readAloudVolume"] == "40"
    assert settings.with_fields(settings.to_fields()) == settings
    for volume in ("5", "101", "loud"):
        assert refused(readAloudVolume=volume).setting == "read_aloud_volume"
    german = translations("de").gettext
    assert problem_text(refused(readAloudVolume="0"), german, PROTOCOL) == german(PROBLEMS["read_aloud_volume"])
    running = effective_settings(
        load_clinic(), PROTOCOL, settings, kiosk_handover=None, kiosk_inactivity=None
    ).read_aloud
    assert running.speak_on_welcome and running.volume == 40


def test_the_treatment_plan_numbers_are_edited_with_their_own_bounds() -> None:
    counts = {"course.min-gap": "10", "course.touch-up-from": "28", "course.maintenance-years": "0"}
    settings = submit(dayCounts=counts)
    assert settings.day_counts == {"course.min-gap": 10, "course.touch-up-from": 28, "course.maintenance-years": 0}
    applied = effective_settings(load_clinic(), PROTOCOL, settings, kiosk_handover=None, kiosk_inactivity=None)
    course = applied.protocol.course
    assert (course.min_gap_days, course.touch_up_first_day, course.touch_up_last_day) == (10, 28, 90)
    assert course.maintenance_years == 0  # off
    assert submit(dayCounts={"course.min-gap": "7"}).day_counts == {}  # the protocol's own value: not stored
    english = translations("en").gettext
    too_many = refused(dayCounts={"course.maintenance-years": "11"})
    assert too_many.setting == "day_counts.course.maintenance-years"
    assert problem_text(too_many, english, PROTOCOL) == (
        "Refresh session reminder: after how many years (0 for none): type a whole number from 0 to 10."
    )
    upside_down = refused(dayCounts={"course.touch-up-from": "100"})
    assert problem_text(upside_down, english, PROTOCOL) == (
        "Touch-up window: the last day must not be before the first day."
    )
    german = problem_text(refused(dayCounts={"course.min-gap": "0"}), translations("de").gettext, PROTOCOL)
    assert german.startswith("Übliche Mindestzahl an Tagen zwischen Sitzungen:") and "1" in german and "60" in german
