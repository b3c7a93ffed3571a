"""This kiosk's own settings (kiosk.toml) and state (state.json): the hashed PIN, the persisted lockout, the timers,
and `smp-kiosk set-pin`."""

from __future__ import annotations

import io
import json
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.kiosk_config import DEMO_PIN, LOCKOUT_SECONDS, MAX_WRONG_TRIES, KioskConfig
from kiosk.errors import UserError


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path))
    return tmp_path


def test_the_demo_pin_works_until_a_pin_is_set(data_dir: Path) -> None:
    config = KioskConfig()
    assert not config.has_pin()
    assert config.check_pin(DEMO_PIN).accepted
    config.set_pin("97531")
    assert config.has_pin()
    assert not config.check_pin(DEMO_PIN).accepted
    assert config.check_pin("97531").accepted


def test_the_pin_is_stored_hashed_with_a_salt_and_owner_only(data_dir: Path) -> None:
    KioskConfig().set_pin("97531")
    path = data_dir / "state.json"
    text = path.read_text()
    assert "97531" not in text
    stored = json.loads(text)["pin"]
    assert set(stored) == {"salt", "hash"} and len(bytes.fromhex(stored["salt"])) == 16  # the cost is in code
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    KioskConfig().set_pin("97531")
    assert json.loads(path.read_text())["pin"]["salt"] != stored["salt"]


@pytest.mark.parametrize("pin", ["", "123", "12a4", "１２３４", "1234567890123"])
def test_bad_pins_are_refused(data_dir: Path, pin: str) -> None:
    with pytest.raises(UserError, match="4 to 12 digits"):
        KioskConfig().set_pin(pin)


def test_five_wrong_tries_lock_the_pad_for_five_minutes_even_after_a_restart(data_dir: Path) -> None:
    clock = Clock()
    KioskConfig(clock=clock).set_pin("97531")
    for left in range(MAX_WRONG_TRIES - 1, 0, -1):
        result = KioskConfig(clock=clock).check_pin("00000")
        assert (result.accepted, result.tries_left, result.locked_for) == (False, left, 0)
    result = KioskConfig(clock=clock).check_pin("00000")
    assert result.locked_for == LOCKOUT_SECONDS
    clock.now += LOCKOUT_SECONDS - 10
    restarted = KioskConfig(clock=clock)  # a new process reading the same file
    blocked = restarted.check_pin("97531")
    assert not blocked.accepted and blocked.locked_for == 10
    clock.now += 10
    assert restarted.check_pin("97531").accepted
    assert restarted.check_pin("00000").tries_left == MAX_WRONG_TRIES - 1  # a fresh count after a success


def test_timers_come_from_the_file(data_dir: Path) -> None:
    config = KioskConfig()
    assert (config.inactivity_seconds(), config.warning_seconds()) == (90, 30)
    (data_dir / "kiosk.toml").write_text("inactivity_seconds = 20\nwarning_seconds = 5\n")
    assert (config.inactivity_seconds(), config.warning_seconds()) == (20, 5)
    (data_dir / "kiosk.toml").write_text('inactivity_seconds = "soon"\n')
    with pytest.raises(UserError, match=r"kiosk.toml: 'inactivity_seconds' must be a whole number"):
        config.inactivity_seconds()
    (data_dir / "kiosk.toml").write_text("{not toml")
    with pytest.raises(UserError, match="is not valid TOML"):
        config.inactivity_seconds()


def test_set_pin_from_stdin(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("86420\n"))
    assert main(["set-pin", "--pin-stdin"]) == 0
    assert KioskConfig().check_pin("86420").accepted


def test_set_pin_asks_twice(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["86420", "86421"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["set-pin"]) == 2
    assert "do not match" in capsys.readouterr().err
    assert not KioskConfig().has_pin()
    answers = iter(["86420", "86420"])
    assert main(["set-pin"]) == 0
    assert KioskConfig().check_pin("86420").accepted


def test_set_pin_refuses_a_bad_pin(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert main(["set-pin", "--pin-stdin"]) == 2
    assert not KioskConfig().has_pin()


def test_the_command_line_does_not_load_qt() -> None:
    code = (
        "import sys; from kiosk.cli import main; main(['schedule', '--session', '2026-11-24']); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_kiosk_id_defaults_to_the_host_name_and_database_to_sqlite(tmp_path: Path) -> None:
    config = KioskConfig(tmp_path)
    assert config.kiosk_id() == (socket.gethostname() or "kiosk")
    assert config.database_url() is None
    (tmp_path / "kiosk.toml").write_text('kiosk_id = " front-desk "\ndatabase_url = "postgresql://smp@db/smp"\n')
    assert config.kiosk_id() == "front-desk"
    assert config.database_url() == "postgresql://smp@db/smp"
    (tmp_path / "kiosk.toml").write_text("database_url = 5\n")
    with pytest.raises(UserError, match="database_url"):
        config.database_url()
