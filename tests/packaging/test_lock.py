"""uv.lock: every package of it installs from a wheel on Debian 12 and 13 and on Windows, and bootstrap reads it."""

from __future__ import annotations

import inspect
import os
import re
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

if TYPE_CHECKING:  # mypy knows the file by its path in the project
    from packaging import bootstrap
else:  # at run time `packaging` is the PyPI library: load the script from its folder
    sys.path.insert(0, str(ROOT / "packaging"))
    import bootstrap

# (CPython minor version, system, glibc): Debian 12 has Python 3.11 and glibc 2.36, Debian 13 Python 3.13 and
# glibc 2.41; the Windows bundle is built with python.org's 3.11 or later.
MACHINES = [(11, "linux", (2, 36)), (13, "linux", (2, 41)), (11, "win", (0, 0)), (13, "win", (0, 0))]
LEGACY_LINUX = {"manylinux1_x86_64", "manylinux2010_x86_64", "manylinux2014_x86_64", "linux_x86_64"}


def locked_packages() -> list[dict[str, Any]]:
    packages: list[dict[str, Any]] = tomllib.loads(bootstrap.LOCK.read_text(encoding="utf-8"))["package"]
    return packages


def platform_fits(platform: str, system: str, glibc: tuple[int, int]) -> bool:
    if platform == "any":
        return True
    if system == "win":
        return platform == "win_amd64"
    manylinux = re.fullmatch(r"manylinux_(\d+)_(\d+)_x86_64", platform)
    if manylinux:
        return (int(manylinux[1]), int(manylinux[2])) <= glibc
    return platform in LEGACY_LINUX


def wheel_fits(filename: str, minor: int, system: str, glibc: tuple[int, int]) -> bool:
    """Whether pip/uv would install this wheel there (PEP 425 tags; free-threaded 'cp313t' builds do not fit)."""
    python, abi, platform = filename.removesuffix(".whl").split("-")[-3:]
    abis = abi.split(".")
    python_fits = any(
        tag in {"py3", f"cp3{minor}"}
        or (tag.startswith("cp3") and tag[3:].isdigit() and int(tag[3:]) <= minor and "abi3" in abis)
        for tag in python.split(".")
    )
    abi_fits = any(tag in {"none", "abi3", f"cp3{minor}"} for tag in abis)
    return python_fits and abi_fits and any(platform_fits(tag, system, glibc) for tag in platform.split("."))


@pytest.mark.parametrize(("minor", "system", "glibc"), MACHINES)
def test_every_locked_package_installs_from_a_wheel(minor: int, system: str, glibc: tuple[int, int]) -> None:
    """No compiler needed on either Debian release or on Windows: each package has a wheel there."""
    missing = [
        f"{package['name']} {package['version']}"
        for package in locked_packages()
        if "editable" not in package["source"]
        and not any(wheel_fits(wheel["url"].rsplit("/", 1)[1], minor, system, glibc) for wheel in package["wheels"])
    ]
    assert missing == []


def test_the_wheel_check_tells_builds_apart() -> None:
    assert wheel_fits("a-1-cp312-abi3-manylinux_2_28_x86_64.whl", 13, "linux", (2, 41))
    assert not wheel_fits("a-1-cp312-abi3-manylinux_2_28_x86_64.whl", 11, "linux", (2, 36))
    assert not wheel_fits("a-1-cp313-cp313t-manylinux_2_17_x86_64.whl", 13, "linux", (2, 41))
    assert not wheel_fits("a-1-cp311-cp311-manylinux_2_39_x86_64.whl", 11, "linux", (2, 36))
    assert wheel_fits("a-1-py3-none-any.whl", 11, "win", (0, 0))
    assert not wheel_fits("a-1-cp311-cp311-win_amd64.whl", 11, "linux", (2, 36))


def test_the_lock_says_which_uv_bootstrap_installs_with_its_hashes() -> None:
    requirement = bootstrap.locked_uv()
    uv = next(package for package in locked_packages() if package["name"] == "uv")
    assert requirement[0] == f"uv=={uv['version']}"
    assert len(requirement) - 1 == len(uv["wheels"]) >= 2
    assert all(re.fullmatch(r"--hash=sha256:[0-9a-f]{64}", line) for line in requirement[1:])


def test_the_install_stamp_follows_the_lock_and_not_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kiosk` after `test` installs nothing again (one set for every command); a changed lock installs anew."""
    assert list(inspect.signature(bootstrap.ensure_venv).parameters) == []
    lock = tmp_path / "uv.lock"
    lock.write_text(bootstrap.LOCK.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(bootstrap, "LOCK", lock)
    before = bootstrap.install_stamp()
    assert bootstrap.install_stamp() == before
    lock.write_text(lock.read_text(encoding="utf-8").replace('version = "', 'version = "9', 1), encoding="utf-8")
    assert bootstrap.install_stamp() != before


@pytest.mark.parametrize("cores", [1, 2, 4, 64])
def test_the_suite_runs_on_every_core_unless_asked_otherwise(monkeypatch: pytest.MonkeyPatch, cores: int) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    workers = min(2 * cores, bootstrap.MAX_WORKERS)  # two per core: many tests wait
    whole = bootstrap.pytest_arguments([])
    assert ("-n" in whole) == (cores > 1) and "--durations=15" in whole
    if cores > 1:
        assert whole[whole.index("-n") + 1] == str(workers)
    assert bootstrap.pytest_arguments(["tests/i18n", "-x"])[-2:] == ["tests/i18n", "-x"]
    for chosen in (["-n", "0"], ["-n0"], ["-p", "no:xdist"], ["--pdb"], ["--numprocesses=3"]):
        arguments = bootstrap.pytest_arguments(["tests/core", *chosen])
        assert arguments == ["tests/core", *chosen], arguments  # the caller's choice, nothing added


@pytest.mark.parametrize(("prefix", "system"), [("/usr", True), ("/root/.pyenv/versions/3.11.7", False)])
def test_the_bundle_build_gets_objdump_and_the_system_pythons_shared_library(
    monkeypatch: pytest.MonkeyPatch, prefix: str, system: bool
) -> None:
    monkeypatch.setattr(sys, "base_prefix", prefix)
    library = f"libpython{sys.version_info.major}.{sys.version_info.minor}"  # Debian 13: libpython3.13
    expected = ["binutils", library] if system else ["binutils"]
    assert bootstrap.bundle_packages() == expected
