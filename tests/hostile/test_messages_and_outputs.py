"""Messages that echo input stay one short, clean line; outputs change all together or not at all; a fault
deep inside is still one line (a command) or one kind sentence (the kiosk)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core import events as f
from kiosk.core import flow as flow_module
from kiosk.core.flow import SOMETHING_WENT_WRONG, Flow, Step
from kiosk.core.protocol import load_protocol
from kiosk.documents.atomic import write_all_atomically
from kiosk.errors import MAX_MESSAGE, MAX_SHOWN, UserError, one_line, shown

from .conftest import SESSION, TODAY, assert_refused, run_cli

ECHOED = [
    pytest.param("2026-11-24\r\nX-Injected: yes", id="crlf"),
    pytest.param("a\nb\nc", id="line-feeds"),
    pytest.param("\x1b[2J\x1b[31mred", id="terminal-escapes"),
    pytest.param("\u202egnp.exe", id="bidi-override"),
    pytest.param("\u2028next\u2029para\x85", id="unicode-line-separators"),
    pytest.param("x" * 100_000, id="100k"),
    pytest.param("word " * 20_000, id="100k-with-spaces"),
    pytest.param("\x00\x07\x08\x7f", id="nul-bell-backspace-delete"),
]


@pytest.mark.parametrize("value", ECHOED)
def test_shown_values_are_clean_and_short(value: str) -> None:
    text = shown(value)
    assert len(text) <= MAX_SHOWN
    assert not any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in text)
    assert "\u202e" not in text


@pytest.mark.parametrize("value", ECHOED)
@pytest.mark.parametrize("option", ["--session", "--protocol", "--language", "--today"])
def test_a_command_echoes_hostile_input_as_one_short_line(
    capsys: pytest.CaptureFixture[str], value: str, option: str
) -> None:
    args = ["schedule", "--session", SESSION, option, value] if option != "--today" else [option, value, "schedule"]
    if option != "--today":
        args = ["--today", TODAY, *args]
    else:
        args += ["--session", SESSION]
    line = assert_refused(run_cli(capsys, *args))
    assert "X-Injected" not in line.split("\\r\\n")[0] or "\\r\\n" in line


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_one_line_always_gives_one_bounded_printable_line(text: str) -> None:
    line = one_line(text)
    assert len(line) <= MAX_MESSAGE
    assert len(line.splitlines()) <= 1
    assert not any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in line)


def test_a_failing_second_output_leaves_the_first_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "c.pdf", tmp_path / "c.ics"
    first.write_bytes(b"old pdf")
    second.write_bytes(b"old ics")
    real_replace = os.replace
    calls: list[str] = []

    def replace(source: str, target: object) -> None:
        calls.append(str(target))
        if str(target) == str(second) and len(calls) == 2:
            raise OSError(28, "No space left on device", str(second))
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(UserError, match="nothing was changed"):
        write_all_atomically([(first, b"new pdf"), (second, b"new ics")])
    assert first.read_bytes() == b"old pdf"
    assert second.read_bytes() == b"old ics"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["c.ics", "c.pdf"]  # no temporary file left


def test_a_new_first_output_is_removed_when_the_second_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "c.pdf", tmp_path / "c.ics"
    real_replace = os.replace

    def replace(source: str, target: object) -> None:
        if str(target) == str(second):
            raise OSError(5, "Input/output error", str(second))
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(UserError):
        write_all_atomically([(first, b"new pdf"), (second, b"new ics")])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "ics",
    [
        pytest.param("missing/plan.ics", id="missing-folder"),
        pytest.param(".", id="a-folder"),
        pytest.param(os.devnull, id="dev-null"),
        pytest.param("c.pdf", id="same-as-out"),
    ],
)
def test_calendar_with_a_bad_ics_changes_no_existing_pdf(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, ics: str
) -> None:
    out = tmp_path / "c.pdf"
    out.write_bytes(b"the client's earlier calendar")
    ics_path = ics if ics == os.devnull else str(tmp_path / ics)
    args = ["--today", TODAY, "calendar", "--name", "Sam", "--session", SESSION, "--out", str(out), "--ics", ics_path]
    assert_refused(run_cli(capsys, *args))
    assert out.read_bytes() == b"the client's earlier calendar"


def test_a_symbolic_link_output_stays_a_link(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    real = tmp_path / "real.ics"
    real.write_bytes(b"old")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    assert run_cli(capsys, "--today", TODAY, "ics", "--session", SESSION, "--out", str(link)).code == 0
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_an_unexpected_fault_in_a_command_is_one_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.commands import plan  # noqa: PLC0415

    def broken(_args: argparse.Namespace) -> int:
        message = "year 10000 is out of range\n" + "secret" + " line"  # not on the traceback's source line
        raise ValueError(message)

    monkeypatch.setattr(plan, "plan_as_text", lambda *_a, **_k: broken(argparse.Namespace()))
    line = assert_refused(run_cli(capsys, "--today", TODAY, "schedule", "--session", SESSION), "ValueError")
    assert "secret line" not in line
    log = (data_dir / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "ValueError" in log and "secret line" not in log


def test_a_fault_inside_the_kiosk_flow_is_a_kind_line_and_the_kiosk_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    flow = Flow(load_protocol(), default_language="en", languages=("en",), today=lambda: dt.date(2026, 11, 24))
    flow.handle(f.CheckIn())
    flow.handle(f.SetName("Ana", ""))

    def broken(_text: str) -> str:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(flow_module, "clean_name", broken)
    assert flow.handle(f.Next())
    assert flow.step is Step.NAME
    assert flow.problem == SOMETHING_WENT_WRONG
    monkeypatch.undo()
    flow.handle(f.Next())
    assert flow.step.value == "session"
