"""`--language TAG` on the commands: localised text and calendar files, regional fallbacks, a clear refusal."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar

from kiosk.i18n import translations
from tests.cli_runner import run_cli

TODAY = "2026-11-24"


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    """`smp-kiosk --today TODAY ARGS`, run in this process (tests/cli_runner.py)."""
    return run_cli("--today", TODAY, *args)


@pytest.mark.parametrize(("tag", "catalog"), [("de", "de"), ("de-AT", "de"), ("pt_PT", "pt_BR"), ("ru", "ru")])
def test_schedule_text_speaks_the_language(tag: str, catalog: str) -> None:
    result = kiosk("schedule", "--session", "2026-11-24", "--language", tag)
    assert result.returncode == 0, result.stderr
    _ = translations(catalog).gettext
    assert _("No water on your head, no washing, no sweating.") in result.stdout
    assert _("Saunas, pools and fake tan are fine") in result.stdout
    assert "No water on your head" not in result.stdout


def test_schedule_dates_and_weekdays_come_from_cldr() -> None:
    german = kiosk("schedule", "--session", "2026-11-24", "--language", "de").stdout
    assert "Dienstag, 24. November 2026" in german
    assert "2026-11-27 Fr." in german
    arabic = kiosk("schedule", "--session", "2026-11-24", "--language", "ar").stdout
    assert "الثلاثاء، 24 نوفمبر 2026" in arabic


def test_english_stays_the_default() -> None:
    result = kiosk("schedule", "--session", "2026-11-24")
    assert "2026-11-27 Fri  session 1, day 4" in result.stdout


def test_ics_summaries_are_translated(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    result = kiosk("ics", "--session", "2026-11-24", "--language", "fr", "--out", str(out))
    assert result.returncode == 0, result.stderr
    calendar = Calendar.from_ical(out.read_bytes())
    summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    _ = translations("fr").gettext
    assert any(summary.startswith(_("Keep your scalp dry")) for summary in summaries)
    assert _("Saunas, pools and fake tan are fine") in summaries
    assert str(calendar["x-wr-calname"]) == _("Aftercare calendar")


@pytest.mark.parametrize("command", ["schedule", "ics"])
def test_an_unknown_language_exits_2_with_the_supported_list(command: str, tmp_path: Path) -> None:
    extra = ["--out", str(tmp_path / "x.ics")] if command == "ics" else []
    result = kiosk(command, "--session", "2026-11-24", "--language", "xx-YY", *extra)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "language 'xx-YY' is not supported" in lines[0]
    for code in ("en", "es", "fr", "de", "it", "pt_BR", "nl", "pl", "tr", "ru", "ar", "he"):
        assert f"{code} (" in lines[0]
    assert not (tmp_path / "x.ics").exists()


def test_dates_follow_the_region_of_the_tag_as_given() -> None:
    british = kiosk("schedule", "--session", "2026-11-24", "--language", "en-GB").stdout
    assert "Session 1: Tuesday, 24 November 2026" in british
    american = kiosk("schedule", "--session", "2026-11-24", "--language", "en-US").stdout
    assert "Session 1: Tuesday, November 24, 2026" in american
