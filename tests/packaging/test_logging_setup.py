"""The kiosk's log: a rotating file under data_dir()/logs that stays small and keeps exception messages out."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import __version__, logging_setup
from kiosk.cli import main

CLIENT_NAME = "Amara Okafor"
CLIENT_EMAIL = "amara@example.org"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    yield tmp_path / "data"  # then close our handlers on the temporary folder
    for handler in list(logging_setup._installed):
        logging.getLogger(logging_setup.ROOT_LOGGER_NAME).removeHandler(handler)
        handler.close()
    logging_setup._installed.clear()


def test_log_file_lives_in_the_data_folder_and_only_the_kiosk_user_can_read_it(data_dir: Path) -> None:
    log_file = logging_setup.configure_logging()
    logging.getLogger("kiosk.test").info("kiosk started")
    assert log_file == data_dir / "logs" / "kiosk.log"
    assert "INFO kiosk.test" in log_file.read_text(encoding="utf-8")
    assert "kiosk started" in log_file.read_text(encoding="utf-8")
    if os.name == "posix":
        assert (log_file.parent.stat().st_mode & 0o777) == 0o700


def test_the_log_rotates_and_keeps_a_bounded_number_of_files(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logging_setup, "MAX_LOG_BYTES", 2_000)
    monkeypatch.setattr(logging_setup, "BACKUP_COUNT", 3)
    log_file = logging_setup.configure_logging()
    assert log_file is not None
    logger = logging.getLogger("kiosk.rotation")
    for number in range(400):
        logger.info("line %d of a busy day", number)
    files = sorted(path.name for path in log_file.parent.iterdir())
    assert files == ["kiosk.log", "kiosk.log.1", "kiosk.log.2", "kiosk.log.3"]
    assert all(path.stat().st_size <= 2_000 for path in log_file.parent.iterdir())
    assert "line 399 of a busy day" in log_file.read_text(encoding="utf-8")


def test_warnings_also_reach_stderr_but_info_does_not(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    logging_setup.configure_logging()
    logging.getLogger("kiosk.console").info("routine")
    logging.getLogger("kiosk.console").warning("printer offline")
    err = capsys.readouterr().err
    assert "printer offline" in err
    assert "routine" not in err


def test_configuring_twice_does_not_duplicate_lines(data_dir: Path) -> None:
    logging_setup.configure_logging()
    log_file = logging_setup.configure_logging()
    assert log_file is not None
    logging.getLogger("kiosk.twice").info("once")
    assert log_file.read_text(encoding="utf-8").count("once") == 1


def test_an_exception_is_logged_by_type_and_place_without_its_message(data_dir: Path) -> None:
    log_file = logging_setup.configure_logging()
    assert log_file is not None
    try:
        raise ValueError(f"name {CLIENT_NAME!r} is too long")  # traceback lines show code, never values
    except ValueError as exc:
        logging_setup.log_exception_type_only(logging.getLogger("kiosk.flow"), "making the calendar", exc)
    text = log_file.read_text(encoding="utf-8")
    assert "making the calendar failed: ValueError" in text
    assert "test_logging_setup.py" in text and "Traceback (most recent call last)" in text
    assert "Amara" not in text


def test_any_module_logging_a_traceback_leaves_the_messages_out(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """log.exception() anywhere in the kiosk: frames and types, chained ones too, but not what the errors said."""
    log_file = logging_setup.configure_logging()
    assert log_file is not None
    try:
        try:
            raise KeyError(CLIENT_EMAIL)
        except KeyError as inner:
            raise RuntimeError(f"could not email {CLIENT_NAME}") from inner
    except RuntimeError:
        logging.getLogger("kiosk.handover.service").exception("hand-over job 7 (email) crashed")
    text = log_file.read_text(encoding="utf-8")
    assert "hand-over job 7 (email) crashed" in text
    assert "KeyError (message left out of the log)" in text
    assert "RuntimeError (message left out of the log)" in text
    assert "The above exception was the direct cause of the following exception" in text
    assert text.count("Traceback (most recent call last)") == 2
    assert "amara" not in text.lower()
    assert "amara" not in capsys.readouterr().err.lower()  # the stderr copy (the journal) too


def test_an_uncaught_exception_is_logged_without_its_message(data_dir: Path) -> None:
    log_file = logging_setup.configure_logging()
    assert log_file is not None
    assert sys.excepthook is logging_setup._log_uncaught
    try:
        raise RuntimeError(f"email to {CLIENT_EMAIL} bounced")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    text = log_file.read_text(encoding="utf-8")
    assert "the kiosk failed: RuntimeError" in text
    assert "amara" not in text


def test_an_unwritable_log_folder_does_not_stop_the_kiosk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(blocker))
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    assert logging_setup.configure_logging() is None
    assert capsys.readouterr().err == ""  # nothing before a refusal's one line
    logging_setup.report_log_problem()  # the kiosk starts
    assert "logging to stderr only" in capsys.readouterr().err
    logging.getLogger("kiosk.degraded").warning("still running")
    assert "still running" in capsys.readouterr().err


def test_the_command_line_sets_up_the_log(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--today", "2026-03-01", "schedule", "--session", "2026-03-02"]) == 0
    capsys.readouterr()
    log = (data_dir / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert f"smp-kiosk {__version__} started: schedule (python)" in log
    handlers = logging.getLogger(logging_setup.ROOT_LOGGER_NAME).handlers
    assert any(isinstance(handler, logging.FileHandler) for handler in handlers)
