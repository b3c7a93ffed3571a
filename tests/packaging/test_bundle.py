"""The built one-folder bundle works on its own: its command line makes a calendar, its kiosk reaches the welcome
screen. Everything runs the bundled program with a clean environment, never the test's Python."""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import threading
import unicodedata
from pathlib import Path

import pypdf
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1020)]  # the first test pays for the build (conftest.py)

CLIENT = "Zanele Okonkwo-Bright"


def run_bundle(bundle: Path, env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "smp-kiosk"), *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def lines_until(process: subprocess.Popen[str], marker: str, timeout: float) -> list[str]:
    """The program's output lines up to and including `marker`; fails after `timeout` seconds or at its exit."""
    assert process.stdout is not None
    found: list[str] = []
    done = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            found.append(line.rstrip("\n"))
            if line.strip() == marker:
                done.set()
                return
        done.set()

    threading.Thread(target=read, daemon=True).start()
    done.wait(timeout)
    assert marker in found, f"no {marker!r} within {timeout} s (exit code {process.poll()}):\n" + "\n".join(found)
    return found


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_bundled_command_line_makes_a_localised_calendar(
    kiosk_bundle: Path, bundle_env: dict[str, str], tmp_path: Path
) -> None:
    pdf, ics = tmp_path / "calendar.pdf", tmp_path / "calendar.ics"
    result = run_bundle(
        kiosk_bundle, bundle_env, "--today", "2026-03-01", "calendar", "--name", CLIENT,
        "--session", "2026-03-02", "--session", "2026-03-23", "--language", "de",
        "--out", str(pdf), "--ics", str(ics), "--deterministic",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    text = pdf_text(pdf)
    assert CLIENT in text
    assert "Halten Sie Ihren Kopf ganz trocken" in text  # the compiled German catalog is in the bundle
    assert "März 2026" in text  # Babel's CLDR data is in the bundle
    assert ics.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_the_bundle_shapes_right_to_left_text_with_its_own_fonts(
    kiosk_bundle: Path, bundle_env: dict[str, str], tmp_path: Path
) -> None:
    pdf = tmp_path / "arabic.pdf"
    result = run_bundle(
        kiosk_bundle, bundle_env, "--today", "2026-03-01", "calendar", "--name", "ليلى حسن",
        "--session", "2026-03-02", "--language", "ar", "--out", str(pdf), "--deterministic",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    # Shaped Arabic comes back as presentation forms, in visual order; NFKC folds them to plain letters.
    text = unicodedata.normalize("NFKC", pdf_text(pdf))
    assert "حسن" in text and "ليلى" in text
    assert "مارس 2026" in text or "2026 مارس" in text  # Arabic month names from CLDR


def test_bad_input_gets_one_clear_line_not_a_traceback(kiosk_bundle: Path, bundle_env: dict[str, str]) -> None:
    args = ["calendar", "--name", CLIENT, "--session", "2026-13-40", "--out", "never-written.pdf"]
    result = run_bundle(kiosk_bundle, bundle_env, *args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_the_log_records_the_run_but_not_the_client(
    kiosk_bundle: Path, bundle_env: dict[str, str], tmp_path: Path
) -> None:
    result = run_bundle(
        kiosk_bundle, bundle_env, "calendar", "--name", CLIENT, "--session", "2026-03-02",
        "--out", str(tmp_path / "c.pdf"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    logs = Path(bundle_env["SMP_KIOSK_DATA_DIR"]) / "logs"
    text = "".join(path.read_text(encoding="utf-8") for path in logs.iterdir())
    assert re.search(r"smp-kiosk \S+ started: calendar \(bundle\)", text)
    assert "Zanele" not in text and "Okonkwo" not in text


def test_the_bundle_ships_the_virtual_keyboard_and_qtpdf_but_not_unused_qt_modules(kiosk_bundle: Path) -> None:
    qt = kiosk_bundle / "_internal" / "PySide6" / "Qt"
    assert (qt / "qml" / "QtQuick" / "VirtualKeyboard" / "qmldir").is_file()
    assert (qt / "qml" / "QtQuick" / "Pdf" / "qmldir").is_file()
    assert any((qt / "plugins" / "platforminputcontexts").glob("*qtvirtualkeyboardplugin*"))
    assert any((qt / "plugins" / "platforms").glob("*qwayland*"))  # the kiosk runs under cage (Wayland)
    assert list(qt.rglob("*WebEngine*")) == []
    assert list(qt.rglob("*Quick3D*")) == []
    assert not (qt / "qml" / "Qt3D").exists()
    size = sum(path.stat().st_size for path in kiosk_bundle.rglob("*") if path.is_file() and not path.is_symlink())
    assert size < 400 * 2**20, f"the bundle grew to {size / 2**20:.0f} MiB"


def test_the_bundled_kiosk_starts_offscreen_to_its_welcome_screen(
    kiosk_bundle: Path, bundle_env: dict[str, str]
) -> None:
    process = subprocess.Popen(
        [str(kiosk_bundle / "smp-kiosk")],
        env={**bundle_env, "SMP_KIOSK_READY_SIGNAL": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    with process:
        try:
            output = lines_until(process, "welcome-screen-ready", timeout=60)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    problems = ("is not installed", "QQmlApplicationEngine failed", "Traceback", "Could not load the Qt platform")
    assert [line for line in output if any(problem in line for problem in problems)] == []
    log = (Path(bundle_env["SMP_KIOSK_DATA_DIR"]) / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "started: kiosk (bundle)" in log and "welcome-screen-ready" in log
    # The screens came compiled (the .qmlc beside them): Qt's disk cache in this fresh HOME holds at most the
    # few QML files of Qt's own modules it compiled, not one unit per kiosk file.
    compiled_here = list(Path(bundle_env["HOME"], ".cache").rglob("*.qmlc"))
    kiosk_qml = list((kiosk_bundle / "_internal" / "resources" / "qml").rglob("*.qml"))
    assert len(compiled_here) < len(kiosk_qml) // 4, f"{len(compiled_here)} QML files compiled at start"


def test_the_bundle_ships_its_qml_compiled_ahead_of_time(kiosk_bundle: Path) -> None:
    screens = list((kiosk_bundle / "_internal" / "resources" / "qml").rglob("*.qml"))
    assert len(screens) > 10
    for screen in screens:
        compiled = screen.with_suffix(".qmlc")
        assert compiled.is_file(), f"{screen.name} has no .qmlc"
        assert compiled.stat().st_mtime_ns >= screen.stat().st_mtime_ns
    assert list(kiosk_bundle.rglob("*.aotstats")) == []


def newest_migration() -> str:
    """The head of the Alembic history in kiosk/store/migrations: the revision no other one builds on."""
    versions = Path(__file__).resolve().parents[2] / "kiosk" / "store" / "migrations" / "versions"
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in versions.glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revisions.update(re.findall(r'^revision\s*(?::[^=]*)?=\s*"([^"]+)"', text, re.MULTILINE))
        parents.update(re.findall(r'^down_revision\s*(?::[^=]*)?=\s*"([^"]+)"', text, re.MULTILINE))
    heads = revisions - parents
    assert len(heads) == 1, heads
    return heads.pop()


def test_the_bundle_creates_its_database_with_the_shipped_migrations(
    kiosk_bundle: Path, bundle_env: dict[str, str], tmp_path: Path
) -> None:
    """Alembic runs the migration scripts from inside the bundle (they ship as source, see bundle_contents.py)."""
    export = tmp_path / "checkins.csv"
    result = run_bundle(kiosk_bundle, bundle_env, "--today", "2026-03-01", "records", "--csv", str(export))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"0 check-ins written to {export}"
    database = Path(bundle_env["SMP_KIOSK_DATA_DIR"]) / "checkins.db"
    with contextlib.closing(sqlite3.connect(database)) as connection:
        (version,) = connection.execute("select version_num from alembic_version").fetchone()
    assert version == newest_migration()


def postgres_programs() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(Path(path).parts[4]))
    return Path(found[-1]).parent if found else None


@pytest.mark.skipif(postgres_programs() is None, reason="PostgreSQL is not installed (bootstrap installs it)")
def test_the_bundle_uses_a_clinic_postgresql_server(
    kiosk_bundle: Path, bundle_env: dict[str, str], tmp_path: Path
) -> None:
    """The PostgreSQL driver, loaded by name, is in the bundle: a private server on loopback, migrated by it."""
    programs = postgres_programs()
    assert programs is not None
    root = Path(tempfile.mkdtemp(prefix="smp-kiosk-bundle-pg-"))
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []  # initdb refuses root
    if as_postgres:
        shutil.chown(root, user="postgres", group="postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = root / "data"

    def postgres(*args: str) -> None:
        subprocess.run([*as_postgres, str(programs / args[0]), *args[1:]], check=True, capture_output=True, timeout=120)

    try:
        postgres("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "--no-sync")
        options = f"-p {port} -c listen_addresses=127.0.0.1 -k {root}"
        postgres("pg_ctl", "-D", str(data), "-l", str(root / "log"), "-o", options, "-w", "start")
        url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        export = tmp_path / "checkins.csv"
        result = run_bundle(kiosk_bundle, bundle_env, "records", "--database", url, "--csv", str(export))
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"0 check-ins written to {export}"
        assert not (Path(bundle_env["SMP_KIOSK_DATA_DIR"]) / "checkins.db").exists()  # not the SQLite fallback
    finally:
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            postgres("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
