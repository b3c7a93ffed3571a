"""The Windows recipe cannot run here (no Windows, no PowerShell); what can be checked on Linux is checked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
RS5 = "{http://schemas.microsoft.com/AssignedAccess/201810/config}"
CONFIG = "{http://schemas.microsoft.com/AssignedAccess/2017/config}"


def default_program() -> str:
    script = (WINDOWS / "shell-launcher.ps1").read_text(encoding="utf-8")
    match = re.search(r'\[string\]\$Program = "([^"]+)"', script)
    assert match, "shell-launcher.ps1 has no default -Program"
    return match.group(1)


def test_assigned_access_starts_the_same_program_that_shell_launcher_does() -> None:
    tree = ET.parse(WINDOWS / "assigned-access.xml")
    apps = tree.getroot().findall(f".//{CONFIG}App")
    assert [app.get("DesktopAppPath") for app in apps] == [default_program()]
    assert apps[0].get(f"{RS5}AutoLaunch") == "true"
    profile_ids = {profile.get("Id") for profile in tree.getroot().iter(f"{CONFIG}Profile")}
    default_ids = {config.get("Id") for config in tree.getroot().iter(f"{CONFIG}DefaultProfile")}
    assert default_ids == profile_ids and len(profile_ids) == 1
    taskbar = tree.getroot().find(f".//{CONFIG}Taskbar")
    assert taskbar is not None and taskbar.get("ShowTaskbar") == "false"


def test_shell_launcher_restarts_the_kiosk_whenever_it_exits() -> None:
    script = (WINDOWS / "shell-launcher.ps1").read_text(encoding="utf-8")
    assert "$RestartShell = 0" in script  # WESL_UserSetting's restart_shell action
    assert 'SetCustomShell($Sid, "`"$Program`"", $null, $null, $RestartShell)' in script
    assert default_program().endswith("\\smp-kiosk.exe")


def test_the_build_script_uses_the_shared_recipe_and_checks_the_console_twin() -> None:
    script = (WINDOWS / "build.ps1").read_text(encoding="utf-8")
    assert "packaging\\build_bundle.py" in script
    assert "smp-kiosk-cli.exe" in script
    spec = (ROOT / "packaging" / "pyinstaller" / "smp-kiosk.spec").read_text(encoding="utf-8")
    assert 'name="smp-kiosk-cli"' in spec and "console=True" in spec
    assert "console=not WINDOWS" in spec


def test_the_build_script_installs_the_lock_not_the_newest_releases() -> None:
    script = (WINDOWS / "build.ps1").read_text(encoding="utf-8")
    assert '@("-$PythonVersion", "packaging\\bootstrap.py", "sync")' in script
    assert "pip" not in script.lower()
