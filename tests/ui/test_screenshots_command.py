"""`python -m kiosk.ui.screenshots`: its options are options, never a folder to fill with PNG files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ui import screenshots


@pytest.mark.parametrize("argv", [["--help"], ["-h"], [], ["a", "b"]])
def test_help_or_a_wrong_count_writes_no_screens(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(screenshots, "save_screens", lambda out: pytest.fail(f"screens saved to {out}"))
    with pytest.raises(SystemExit) as stopped:
        screenshots.main(argv)
    assert stopped.value.code == (0 if argv and argv[0].startswith("-") else 2)
    printed = capsys.readouterr()
    assert "usage: python -m kiosk.ui.screenshots" in printed.out + printed.err
    assert list(tmp_path.iterdir()) == []
