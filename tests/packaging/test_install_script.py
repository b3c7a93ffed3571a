"""packaging/linux/install.sh, run for real as root but below a temporary root folder (its test-only switch).

apt-get is replaced by a recorder on PATH; systemctl is the real one in its offline `--root` mode, so enabling
the unit, masking sleep and setting the default target are checked as systemd itself does them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
SYSTEM_UNITS = Path("/lib/systemd/system")

pytestmark = [
    pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="install.sh runs as root (CI does)"),
    pytest.mark.skipif(shutil.which("systemctl") is None, reason="systemctl is not installed"),
]


def make_bundle(folder: Path, version: str) -> Path:
    """A stand-in for the bundle (the real one is installed in test_bundle_install below): a program and _internal/."""
    bundle = folder / "smp-kiosk"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "smp-kiosk"
    program.write_text(f"#!/bin/sh\necho 'smp-kiosk {version}'\n", encoding="utf-8")
    program.chmod(0o755)
    return bundle


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """An empty system root with the few stock units install.sh refers to."""
    root = tmp_path / "root"
    units = root / "usr" / "lib" / "systemd" / "system"
    units.mkdir(parents=True)
    for name in ("graphical.target", "multi-user.target", "getty@.service", "sleep.target", "suspend.target",
                 "hibernate.target", "hybrid-sleep.target"):  # fmt: skip
        if (SYSTEM_UNITS / name).exists():
            shutil.copyfile(SYSTEM_UNITS / name, units / name)
    if not (units / "graphical.target").exists():
        pytest.skip("this machine has no systemd unit files to copy")
    return root


def run_install(root: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    shims = tmp_path / "shims"
    shims.mkdir(exist_ok=True)
    apt = shims / "apt-get"
    apt.write_text(f'#!/bin/sh\necho "$@" >> {tmp_path / "apt.log"}\n', encoding="utf-8")
    apt.chmod(0o755)
    env = dict(
        os.environ,
        PATH=f"{shims}:{os.environ['PATH']}",
        SMP_KIOSK_INSTALL_ROOT=str(root),
        SMP_KIOSK_INSTALL_USER="root",
    )
    return subprocess.run(
        ["sh", str(LINUX / "install.sh"), *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_a_first_install_sets_up_the_whole_kiosk_session(target: Path, tmp_path: Path) -> None:
    result = run_install(target, tmp_path, str(make_bundle(tmp_path / "v1", "1.0")))
    assert result.returncode == 0, result.stderr
    assert (target / "opt" / "smp-kiosk" / "smp-kiosk").is_file()
    etc = target / "etc"
    assert (etc / "systemd" / "system" / "smp-kiosk.service").read_bytes() == (LINUX / "smp-kiosk.service").read_bytes()
    assert (etc / "pam.d" / "smp-kiosk").is_file()
    assert (etc / "smp-kiosk" / "environment").is_file()
    assert (etc / "systemd" / "logind.conf.d" / "smp-kiosk.conf").is_file()
    assert os.access(target / "usr" / "local" / "bin" / "smp-kiosk", os.X_OK)
    wanted = etc / "systemd" / "system" / "graphical.target.wants" / "smp-kiosk.service"
    assert wanted.is_symlink()
    assert os.readlink(etc / "systemd" / "system" / "default.target").endswith("graphical.target")
    assert os.readlink(etc / "systemd" / "system" / "suspend.target") == "/dev/null"
    assert ((target / "var" / "lib" / "smp-kiosk").stat().st_mode & 0o777) == 0o700
    apt_calls = (tmp_path / "apt.log").read_text(encoding="utf-8")
    assert "install" in apt_calls and " cage " in f" {apt_calls} " and "xwayland" in apt_calls
    assert "Set the staff PIN: sudo smp-kiosk set-pin" in result.stdout


def test_an_update_keeps_the_previous_version_and_the_site_settings_and_can_be_rolled_back(
    target: Path, tmp_path: Path
) -> None:
    assert run_install(target, tmp_path, str(make_bundle(tmp_path / "v1", "1.0"))).returncode == 0
    settings = target / "etc" / "smp-kiosk" / "environment"
    settings.write_text("CAGE_OPTIONS=-r\n", encoding="utf-8")
    packed = tmp_path / "smp-kiosk-2.0.tar.gz"
    with tarfile.open(packed, "w:gz") as archive:
        archive.add(make_bundle(tmp_path / "v2", "2.0"), arcname="smp-kiosk")

    result = run_install(target, tmp_path, str(packed))
    assert result.returncode == 0, result.stderr
    app = target / "opt" / "smp-kiosk"
    assert "2.0" in (app / "smp-kiosk").read_text(encoding="utf-8")
    assert "1.0" in (target / "opt" / "smp-kiosk.previous" / "smp-kiosk").read_text(encoding="utf-8")
    assert settings.read_text(encoding="utf-8") == "CAGE_OPTIONS=-r\n"
    assert not list((target / "opt").glob(".smp-kiosk-unpack.*"))  # the unpacked copy is cleaned up

    result = run_install(target, tmp_path, "--rollback")
    assert result.returncode == 0, result.stderr
    assert "1.0" in (app / "smp-kiosk").read_text(encoding="utf-8")
    assert "smp-kiosk 1.0 is running again" in result.stdout


def test_a_bundle_that_does_not_start_changes_nothing(target: Path, tmp_path: Path) -> None:
    assert run_install(target, tmp_path, str(make_bundle(tmp_path / "v1", "1.0"))).returncode == 0
    broken = make_bundle(tmp_path / "broken", "9.9")
    (broken / "smp-kiosk").write_text("#!/bin/sh\nexit 127\n", encoding="utf-8")
    result = run_install(target, tmp_path, str(broken))
    assert result.returncode != 0
    assert "the installed kiosk was not changed" in result.stderr
    assert not (target / "opt" / "smp-kiosk.new").exists()
    assert "1.0" in (target / "opt" / "smp-kiosk" / "smp-kiosk").read_text(encoding="utf-8")


def test_what_is_not_a_bundle_is_refused_before_anything_is_installed(target: Path, tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    result = run_install(target, tmp_path, str(tmp_path / "photos"))
    assert result.returncode != 0
    assert "is not a kiosk bundle" in result.stderr
    assert not (tmp_path / "apt.log").exists()
    assert not (target / "opt" / "smp-kiosk").exists()


@pytest.mark.slow
@pytest.mark.timeout(1020)  # may pay for building the bundle (conftest.py)
def test_the_real_bundle_installs_and_runs_from_its_new_place(
    kiosk_bundle: Path, target: Path, tmp_path: Path, bundle_env: dict[str, str]
) -> None:
    result = run_install(target, tmp_path, str(kiosk_bundle))
    assert result.returncode == 0, result.stderr
    installed = target / "opt" / "smp-kiosk" / "smp-kiosk"
    version = subprocess.run([str(installed), "--version"], env=bundle_env, capture_output=True, text=True, check=True)
    assert version.stdout.startswith("smp-kiosk ")
