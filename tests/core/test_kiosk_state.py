"""The staff PIN's state is apart from the file people edit: losing or breaking either never brings back the demo
PIN once a PIN was set for the branch, never resets a lockout, and never crashes the PIN pad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.core.kiosk_config import DEMO_PIN, LOCKOUT_SECONDS, KioskConfig, make_pin_record
from kiosk.errors import UserError


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def branch_knows(folder: Path, pin: str) -> None:
    """What the store writes after reading the branch's settings: the branch's PIN hash in the settings copy."""
    record = make_pin_record(pin)
    copy = {"name": "Clinic", "staff_pin": {"salt": record.salt, "hash": record.hash}}
    (folder / "clinic-settings.json").write_text(json.dumps(copy))


def test_a_weak_scrypt_cost_in_the_state_file_is_not_a_setting(tmp_path: Path) -> None:
    config = KioskConfig(tmp_path)
    config.set_pin("97531")
    state = json.loads((tmp_path / "state.json").read_text())
    state["pin"]["n"] = 2  # someone tries to weaken (or inflate) the hash
    (tmp_path / "state.json").write_text(json.dumps(state))
    clock = Clock()
    damaged = KioskConfig(tmp_path, clock=clock)
    result = damaged.check_pin(DEMO_PIN)
    assert not result.accepted and result.locked_for == LOCKOUT_SECONDS  # a damaged file is a fresh lockout
    clock.now += LOCKOUT_SECONDS
    retired = damaged.check_pin(DEMO_PIN)
    assert not retired.accepted and retired.demo_retired  # and the demo PIN is gone for good: `smp-kiosk set-pin`


def test_deleting_the_state_file_never_brings_back_the_demo_pin(tmp_path: Path) -> None:
    clock = Clock()
    KioskConfig(tmp_path, clock=clock).set_pin("97531")
    branch_knows(tmp_path, "97531")
    (tmp_path / "state.json").unlink()
    config = KioskConfig(tmp_path, clock=clock)
    result = config.check_pin(DEMO_PIN)
    assert not result.accepted and result.locked_for == LOCKOUT_SECONDS  # losing the file is a lockout too
    clock.now += LOCKOUT_SECONDS
    demo = config.check_pin(DEMO_PIN)
    assert not demo.accepted and demo.demo_retired  # the pad then says to use `smp-kiosk set-pin`
    assert config.check_pin("97531").accepted  # the branch's PIN still opens it


def test_a_new_kiosk_of_a_branch_with_a_pin_starts_unlocked(tmp_path: Path) -> None:
    clock = Clock()
    config = KioskConfig(tmp_path, clock=clock)
    config.begin()  # the kiosk's first start, before it has read the branch's settings
    branch_knows(tmp_path, "97531")  # then the store reads them: the branch has a PIN
    assert config.locked_for() == 0 and config.check_pin("97531").accepted
    demo = config.check_pin(DEMO_PIN)
    assert not demo.accepted and demo.demo_retired


def test_a_lockout_survives_the_state_file_being_deleted(tmp_path: Path) -> None:
    clock = Clock()
    config = KioskConfig(tmp_path, clock=clock)
    config.set_pin("97531")
    branch_knows(tmp_path, "97531")
    for _ in range(5):
        config.check_pin("00000")
    assert config.locked_for() == LOCKOUT_SECONDS
    clock.now += 60
    (tmp_path / "state.json").unlink()
    assert KioskConfig(tmp_path, clock=clock).locked_for() == LOCKOUT_SECONDS


@pytest.mark.parametrize(
    "text",
    [
        '{"lockout": {"failures": "many", "until": 0}}',
        '{"lockout": {"failures": 0, "until": NaN}}',
        '{"lockout": {"failures": 0, "until": 1e400}}',
        '{"pin": {"salt": 7, "hash": []}}',
        '{"pin": null, "surprise": 1}',
        "[1, 2]",
        "\\u0000\\u0001",
    ],
)
def test_wrong_types_in_the_state_lock_the_pad_and_never_crash(tmp_path: Path, text: str) -> None:
    (tmp_path / "state.json").write_text(text)
    result = KioskConfig(tmp_path).check_pin(DEMO_PIN)
    assert not result.accepted and result.locked_for == LOCKOUT_SECONDS


def test_an_unknown_key_in_kiosk_toml_names_the_key_and_the_file(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text('kiosk_id = "front"\n[smtp]\nhost = "h"\nfrom_adress = "a@b.c"\n')
    with pytest.raises(UserError) as caught:
        KioskConfig(tmp_path).kiosk_id()
    assert str(tmp_path / "kiosk.toml") in str(caught.value) and "'smtp.from_adress' is not a setting" in str(
        caught.value
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("inactivity_seconds = nan", "'inactivity_seconds' must be a whole number"),
        ("inactivity_seconds = 1e9", "'inactivity_seconds' must be a whole number"),
        ("inactivity_seconds = 100000", "'inactivity_seconds' must be a whole number <= 3600"),
        ("print_timeout = inf", "'print_timeout' must be a number <= 600"),
        ("print_timeout = nan", "'print_timeout' must be a number"),
        ("warning_seconds = -1", "'warning_seconds' must be a whole number >= 5"),
        ('branch = "North Side"', "'branch' must be a branch id"),
        ("inactivity_seconds = 30\nwarning_seconds = 30", "'warning_seconds' must be less than"),
    ],
)
def test_absurd_numbers_never_reach_a_timer(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "kiosk.toml").write_text(text + "\n")
    with pytest.raises(UserError, match=problem):
        KioskConfig(tmp_path).file()


def test_an_old_kiosk_json_is_moved_into_kiosk_toml_and_the_state(tmp_path: Path) -> None:
    old = KioskConfig(tmp_path)
    record = old.set_pin("97531")
    pin = {"algorithm": "scrypt", "n": 2**14, "r": 8, "p": 1, "salt": record.salt, "hash": record.hash}
    legacy = {"pin": pin, "kiosk_id": "front", "database_url": "postgresql://smp@db/smp", "export_dir": "/mnt/x"}
    (tmp_path / "state.json").unlink()
    (tmp_path / "kiosk.json").write_text(json.dumps(legacy))
    (tmp_path / "kiosk.toml").write_text('printer = "Front"\n')
    config = KioskConfig(tmp_path)
    assert (config.kiosk_id(), config.database_url(), config.file().printer) == (
        "front",
        legacy["database_url"],
        "Front",
    )
    assert config.check_pin("97531").accepted and not config.check_pin(DEMO_PIN).accepted
    assert str(config.export_dir()) == "/mnt/x"
    assert not (tmp_path / "kiosk.json").exists() and (tmp_path / "kiosk.json.migrated").exists()
