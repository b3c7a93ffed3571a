"""The command line as other tools call it: exit codes, one-line errors, JSON shape, atomic files."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from kiosk.commands import COMMANDS
from tests.cli_runner import fresh_process_report, run_cli

TODAY = "2026-11-24"
ROOT = Path(__file__).resolve().parent.parent


def kiosk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`smp-kiosk --today TODAY ARGS`, run in this process (tests/cli_runner.py)."""
    return run_cli("--today", TODAY, *args, cwd=cwd)


def kiosk_process(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m kiosk --today TODAY ARGS` in a fresh process, for what only a process shows."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "--today", TODAY, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_schedule_json_has_the_stable_shape() -> None:
    result = kiosk("schedule", "--session", "2026-12-08", "--session", "2026-11-24", "--json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["days"][0] == {"date": "2026-11-24", "phase": "dry", "day": 1, "session": 1}
    assert plan["days"][14] == {"date": "2026-12-08", "phase": "dry", "day": 1, "session": 2}
    assert plan["days"][-1]["date"] == "2027-01-06"
    assert {"date": "2027-01-06", "id": "all-clear", "session": 2} in plan["milestones"]
    assert {"date": "2027-03-07", "id": "touch-up-closes", "session": 2} in plan["milestones"]  # day 90
    assert plan["milestones"][-1] == {"date": "2028-12-08", "id": "maintenance", "session": 2}
    assert all(set(day) == {"date", "phase", "day", "session"} for day in plan["days"])


def test_schedule_text_is_readable() -> None:
    result = kiosk("schedule", "--session", "2026-11-24")
    assert result.returncode == 0
    assert "Day 1 is the day of the session" in result.stdout
    assert "2026-11-27 Fri  session 1, day 4" in result.stdout
    assert "Saunas, pools and fake tan are fine" in result.stdout


def test_a_session_after_the_main_ones_is_a_touch_up_never_a_number() -> None:
    dates = ["2026-11-24", "2026-12-08", "2026-12-22", "2027-01-19"]
    result = kiosk("schedule", *(arg for date in dates for arg in ("--session", date)))
    assert result.returncode == 0, result.stderr
    assert "Session 3: Tuesday, December 22, 2026" in result.stdout
    assert "Touch-up: Tuesday, January 19, 2027" in result.stdout and "Session 4" not in result.stdout
    assert "2027-01-19 Tue  touch-up, day 1" in result.stdout
    assert "2027-01-11 Mon  Your touch-up can be done from today" in result.stdout  # day 21 after session 3


def test_console_script_and_module_do_the_same() -> None:
    script = Path(sys.executable).parent / "smp-kiosk"
    if not script.exists():
        found = shutil.which("smp-kiosk")
        assert found, "the smp-kiosk console script is not installed"
        script = Path(found)
    args = ["--today", TODAY, "schedule", "--session", "2026-11-24", "--json"]
    by_script = subprocess.run([str(script), *args], capture_output=True, text=True, check=True, timeout=60)
    assert by_script.stdout == kiosk_process(*args[2:]).stdout


@pytest.mark.parametrize(
    ("sessions", "needles"),
    [
        (["2026-02-30"], ["'2026-02-30' does not exist"]),
        (["next tuesday"], ["is not a date", "YYYY-MM-DD"]),
        (["   "], ["date is empty"]),
        ([""], ["date is empty"]),
        (["2026-11-24", "2026-11-24"], ["given twice"]),
        ([f"2026-12-0{n}" for n in range(1, 8)], ["at most 6"]),
        (["2029-01-01"], ["more than 2 years"]),
        (["2024-01-01"], ["more than 2 years"]),
        ([], ["no session date"]),
    ],
)
def test_bad_sessions_exit_2_with_one_line(sessions: list[str], needles: list[str], tmp_path: Path) -> None:
    args = [arg for session in sessions for arg in ("--session", session)]
    assert_one_line_error(kiosk("schedule", *args), *needles)
    out = tmp_path / "plan.ics"
    assert_one_line_error(kiosk("ics", *args, "--out", str(out)), *needles)
    assert list(tmp_path.iterdir()) == []


def test_bad_protocols_exit_2_naming_the_problem(tmp_path: Path) -> None:
    assert_one_line_error(kiosk("schedule", "--session", TODAY, "--protocol", "tattoo"), "unknown protocol")
    missing = tmp_path / "missing.toml"
    assert_one_line_error(kiosk("schedule", "--session", TODAY, "--protocol", str(missing)), "does not exist")
    broken = tmp_path / "broken.toml"
    broken.write_text("this is = = not toml", encoding="utf-8")
    assert_one_line_error(kiosk("schedule", "--session", TODAY, "--protocol", str(broken)), "not valid TOML")
    negative = tmp_path / "negative.toml"
    source = (ROOT / "resources/protocols/smp.toml").read_text(encoding="utf-8")
    negative.write_text(source.replace("first_day = 7", "first_day = -7"), encoding="utf-8")
    assert_one_line_error(
        kiosk("schedule", "--session", TODAY, "--protocol", str(negative)), str(negative), "phases[2].first_day"
    )


def test_usage_errors_are_one_line_too() -> None:
    assert_one_line_error(kiosk("schedule", "--sessoin", TODAY), "unrecognized arguments")
    assert_one_line_error(kiosk("ics", "--session", TODAY), "--out")
    assert_one_line_error(kiosk("--today", "2026-13-01", "schedule", "--session", TODAY), "--today")


def test_ics_is_written_and_parses_back(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    result = kiosk("ics", "--session", "2027-12-30", "--session", "2028-02-27", "--out", str(out))
    assert result.returncode == 0, result.stderr
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert any(str(e["summary"]) == "Saunas, pools and fake tan are fine" for e in events)
    assert [p.name for p in tmp_path.iterdir()] == ["plan.ics"]


def test_ics_into_a_missing_folder_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "plan.ics"
    assert_one_line_error(kiosk("ics", "--session", TODAY, "--out", str(out)), "does not exist")
    assert not out.parent.exists()


def test_ics_where_nothing_can_be_written_leaves_nothing() -> None:
    # /proc refuses new files even for root, like a read-only folder does for the kiosk's user.
    assert_one_line_error(kiosk("ics", "--session", TODAY, "--out", "/proc/plan.ics"), "cannot write")
    assert not Path("/proc/plan.ics").exists()


def test_written_files_get_the_usual_mode_not_owner_only(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    assert kiosk("ics", "--session", TODAY, "--out", str(out)).returncode == 0
    umask = os.umask(0o022)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # mkstemp alone would leave 0600


def test_a_second_session_is_labelled_session_2_in_every_output(tmp_path: Path) -> None:
    args = ["--session", TODAY, "--session", "2026-12-08", "--first-session-number", "2"]
    plan = json.loads(kiosk("schedule", *args, "--json").stdout)
    assert (plan["days"][0]["session"], plan["days"][-1]["session"]) == (2, 3)
    out, ics = tmp_path / "c.pdf", tmp_path / "c.ics"
    result = kiosk("calendar", "--name", "Ann", *args, "--out", str(out), "--ics", str(ics), "--deterministic")
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Session 2:" in text and "Session 3:" in text
    assert "Session 1" not in text
    summaries = [str(e["summary"]) for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert "Session 3 is tomorrow: before-care tonight" in summaries
    assert any("after session 2" in s for s in summaries)


# What a command imports shows only in a fresh process: the PDF stack, the database and Qt stay out of the plan's.
PDF_STACK = ("reportlab", "kiosk.documents.pdf", "uharfbuzz", "bidi", "zxingcpp", "sqlalchemy", "PySide6")


def modules_after(args: list[str], tmp_path: Path) -> list[str]:
    """The modules a fresh `smp-kiosk ARGS` process had loaded when its command was done (it must succeed)."""
    modules: list[str] = fresh_process_report(args, tmp_path / "modules.json", report="sorted(sys.modules)")
    return modules


@pytest.mark.parametrize("command", ["schedule", "ics"])
def test_plan_commands_load_nothing_of_the_pdf_stack(command: str, tmp_path: Path) -> None:
    args = ["--today", TODAY, command, "--session", TODAY]
    args += ["--out", str(tmp_path / "plan.ics")] if command == "ics" else []
    modules = modules_after(args, tmp_path)
    assert "kiosk.commands.plan" in modules  # the listing is taken after the command ran
    loaded = [name for name in modules if name.split(".")[0] in PDF_STACK or name.startswith(PDF_STACK)]
    assert loaded == [], f"`{command}` imported {loaded[:10]}"


# What a calendar PDF does not need: the .ics library (QR payloads escape their text themselves), the database,
# the printer and mail services, Qt; and for Latin text, HarfBuzz and the bidi algorithm (only scripts that need
# shaping load HarfBuzz, only right-to-left text the bidi algorithm).
NOT_FOR_A_LATIN_CALENDAR = (
    "icalendar",
    "dateutil",
    "sqlalchemy",
    "PySide6",
    "uharfbuzz",
    "bidi",
    "kiosk.handover.service",
)


def test_the_calendar_command_loads_only_what_its_pdf_needs(tmp_path: Path) -> None:
    args = ["--today", TODAY, "calendar", "--name", "Ann", "--session", TODAY, "--out", str(tmp_path / "c.pdf")]
    modules = modules_after(args, tmp_path)
    assert "kiosk.documents.pdf.document" in modules  # the listing is taken after the PDF was made
    loaded = [n for n in modules if n.split(".")[0] in NOT_FOR_A_LATIN_CALENDAR or n in NOT_FOR_A_LATIN_CALENDAR]
    assert loaded == [], f"`calendar` imported {loaded[:10]}"


# What a start does without once its inputs were prepared before (kiosk/documents/pdf/logo.py, font_info.py):
# Pillow's image formats (the logo comes ready from the cache), Babel's catalog compiler (the .mo files are
# compiled), and modules only some settings or other systems need.
NOT_FOR_A_SECOND_CALENDAR = (
    "PIL.PngImagePlugin",
    "PIL.JpegImagePlugin",
    "babel.messages",
    "email",
    "html",
    "logging.handlers",  # the log's rotation is kiosk.logging_setup's own: no sockets, queues or pickling
    "socket",
    *(["platformdirs"] if sys.platform == "linux" else []),
)


def test_a_second_calendar_uses_the_prepared_logo_and_loads_no_image_formats(tmp_path: Path) -> None:
    args = ["--today", TODAY, "calendar", "--name", "Ann", "--session", TODAY, "--out", str(tmp_path / "c.pdf")]
    modules_after(args, tmp_path)  # the first one prepares the clinic's logo
    modules = modules_after(args, tmp_path)
    assert "kiosk.documents.pdf.logo" in modules
    loaded = [n for n in modules if n in NOT_FOR_A_SECOND_CALENDAR or n.startswith(NOT_FOR_A_SECOND_CALENDAR)]
    assert loaded == [], f"`calendar` imported {loaded[:10]}"


def test_a_command_process_ends_with_its_output_and_log_complete(tmp_path: Path) -> None:
    """The console script ends a command without Python's clean-up (kiosk.cli.run): what it printed, what it
    logged and its exit code must all still be there, also through a pipe."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}  # a pipe buffers
    env["SMP_KIOSK_DATA_DIR"] = str(tmp_path / "data")
    sessions = [arg for day in ("2026-11-24", "2026-12-15", "2027-01-12") for arg in ("--session", day)]
    plan = subprocess.run(
        [sys.executable, "-m", "kiosk", "--today", TODAY, "schedule", *sessions],  # line by line
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert plan.returncode == 0, plan.stderr
    assert plan.stdout == kiosk("schedule", *sessions).stdout  # all of it, not cut at the last full buffer
    bad = subprocess.run(
        [sys.executable, "-m", "kiosk", "calendar", "--name", "Ann", "--session", "soon", "--out", "c.pdf"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=False,
    )
    assert_one_line_error(bad, "'soon'")
    log = (tmp_path / "data" / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert log.count(" started: schedule ") == 1 and log.count(" started: calendar ") == 1, log


def test_the_command_table_names_exactly_what_each_module_registers() -> None:
    """kiosk/commands/__init__.py is the one list of commands: a command a module registers but the table lacks
    could never be chosen, and a listed one its module does not register would fail only when called."""
    for module_name in {command.module for command in COMMANDS.values()}:
        parser = argparse.ArgumentParser()
        subparsers = parser.add_subparsers(dest="command")
        importlib.import_module(module_name).register(subparsers)
        listed = {name for name, command in COMMANDS.items() if command.module == module_name}
        assert set(subparsers.choices) == listed, module_name
    help_text = " ".join(kiosk("--help").stdout.split())  # argparse wraps long lines
    assert all(f"{name} " in help_text and command.help in help_text for name, command in COMMANDS.items())
