"""The Linux kiosk session files: the systemd unit, its PAM stack, the install script (no systemd needed to run)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
UNIT = LINUX / "smp-kiosk.service"


def unit_settings(path: Path) -> dict[str, list[str]]:
    """`Section.Key` -> values, in order (systemd allows a key more than once)."""
    settings: dict[str, list[str]] = {}
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        key, _, value = line.partition("=")
        settings.setdefault(f"{section}.{key.strip()}", []).append(value.strip())
    return settings


def test_the_unit_restarts_the_kiosk_one_second_after_any_exit_and_never_gives_up() -> None:
    settings = unit_settings(UNIT)
    assert settings["Service.Restart"] == ["always"]
    assert settings["Service.RestartSec"] == ["1"]
    assert settings["Unit.StartLimitIntervalSec"] == ["0"]


def test_the_unit_runs_the_bundle_under_cage_as_the_kiosk_user_on_tty1() -> None:
    settings = unit_settings(UNIT)
    command = settings["Service.ExecStart"][0].split()
    assert command[:2] == ["/usr/bin/cage", "-d"]
    assert command[command.index("--") + 1] == "/opt/smp-kiosk/smp-kiosk"
    assert settings["Service.User"] == ["kiosk"]
    assert settings["Service.PAMName"] == ["smp-kiosk"]
    assert settings["Service.TTYPath"] == ["/dev/tty1"]
    assert settings["Unit.Conflicts"] == ["getty@tty1.service"]
    assert settings["Install.WantedBy"] == ["graphical.target"]
    environment = dict(value.split("=", 1) for value in settings["Service.Environment"])
    assert environment["QT_QPA_PLATFORM"] == "wayland"
    assert environment["QT_IM_MODULE"] == "qtvirtualkeyboard"
    assert environment["SMP_KIOSK_DATA_DIR"] == "/var/lib/smp-kiosk"
    assert settings["Service.StateDirectory"] == ["smp-kiosk"]


def test_the_pam_stack_registers_a_logind_session() -> None:
    lines = [line.split() for line in (LINUX / "smp-kiosk.pam").read_text(encoding="utf-8").splitlines()]
    stack = [line[:3] for line in lines if line and not line[0].startswith("#")]
    assert ["session", "required", "pam_systemd.so"] in stack
    assert ["account", "required", "pam_unix.so"] in stack


def test_the_tablet_never_sleeps_or_blanks() -> None:
    logind = unit_settings(LINUX / "logind-smp-kiosk.conf")
    assert logind["Login.IdleAction"] == ["ignore"]
    assert logind["Login.HandleLidSwitch"] == ["ignore"]
    assert "consoleblank=0" in (LINUX / "grub-smp-kiosk.cfg").read_text(encoding="utf-8")
    script = (LINUX / "install.sh").read_text(encoding="utf-8")
    assert "systemctl_offline mask sleep.target suspend.target hibernate.target hybrid-sleep.target" in script


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_unit_without_a_warning(tmp_path: Path) -> None:
    if shutil.which("cage") is None:
        pytest.skip("cage is not installed (bootstrap installs it): systemd-analyze checks that ExecStart exists")
    copy = tmp_path / UNIT.name
    shutil.copyfile(UNIT, copy)
    result = subprocess.run(
        # --man=no: whether the machine has man pages installed (a minimal Debian 13 has no `man`) is not the unit's
        # business; everything else systemd checks must pass without a word.
        ["systemd-analyze", "verify", "--man=no", str(copy)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "" and result.stdout.strip() == ""


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
def test_the_install_script_and_the_command_wrapper_pass_shellcheck() -> None:
    scripts = [str(LINUX / "install.sh"), str(LINUX / "smp-kiosk-command")]
    result = subprocess.run(["shellcheck", *scripts], capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stdout


def test_the_install_script_ships_every_file_it_installs() -> None:
    script = (LINUX / "install.sh").read_text(encoding="utf-8")
    for name in ("smp-kiosk.service", "smp-kiosk.pam", "environment", "logind-smp-kiosk.conf", "grub-smp-kiosk.cfg"):
        assert f'"$HERE/{name}"' in script
        assert (LINUX / name).is_file()
    assert '"$HERE/smp-kiosk-command" "$ROOT/usr/local/bin/smp-kiosk"' in script


def test_the_install_script_refuses_what_is_not_a_bundle_without_changing_anything(tmp_path: Path) -> None:
    """Run as a normal user it stops at once; as root it stops before apt-get when the folder is no bundle."""
    not_a_bundle = tmp_path / "downloads"
    not_a_bundle.mkdir()
    result = subprocess.run(
        ["sh", str(LINUX / "install.sh"), str(not_a_bundle)], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode != 0
    assert "run me as root" in result.stderr or "is not a kiosk bundle" in result.stderr
    assert result.stdout == ""
