"""Backup and restore as docs/install-linux.md tells it: `smp-kiosk backup` (SQLite's online backup) while the
kiosk writes check-ins, and pg_dump / pg_restore for a chain's PostgreSQL database."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import stat
import subprocess
import threading
from pathlib import Path

import msgspec
import pytest

from kiosk.cli import main
from kiosk.core.clinic import load_clinic
from kiosk.store import CheckInStore
from kiosk.store.database import check_url

from .conftest import NOW, make_check_in
from .postgres_server import PostgresServer


def test_the_sqlite_backup_is_whole_while_the_kiosk_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "kiosk"
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(data))
    store = CheckInStore(data_dir=data, clinic=load_clinic())
    stop = threading.Event()

    def keep_checking_in() -> None:  # the kiosk at work
        minute = 0
        while not stop.is_set():
            minute += 1
            store.record(make_check_in(f"Client{minute}", when=NOW.replace(minute=minute % 60)))

    writer = threading.Thread(target=keep_checking_in)
    writer.start()
    try:
        store.record(make_check_in("Anna"))
        copies = [tmp_path / f"backup-{n}.db" for n in range(3)]
        for copy in copies:
            assert main(["backup", "--out", str(copy)]) == 0
    finally:
        stop.set()
        writer.join()
        store.close()
    assert "database copied to" in capsys.readouterr().out
    for copy in copies:
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600  # it holds clients' first names
        assert not copy.with_name(copy.name + "-wal").exists()  # one self-contained file
        with contextlib.closing(sqlite3.connect(copy)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    restored = tmp_path / "restored"
    restored.mkdir(mode=0o700)
    shutil.copy2(copies[-1], restored / "checkins.db")
    reopened = CheckInStore(data_dir=restored, clinic=load_clinic())
    try:
        names = [s.first_name for s in reopened.checkins_on_days(NOW.date(), NOW.date(), tz=None)]
        assert "Anna" in names
    finally:
        reopened.close()
    assert main(["backup", "--out", str(copies[0])]) == 2  # never over an earlier backup
    assert "exists" in capsys.readouterr().err


def test_pg_dump_and_restore_bring_back_check_ins_and_settings(postgres: PostgresServer, tmp_path: Path) -> None:
    source = postgres.create_database()
    target = postgres.create_database()
    try:
        store = CheckInStore(postgres.url(source), data_dir=tmp_path / "kiosk", clinic=load_clinic(), branch="north")
        store.record(make_check_in("Anna"))
        assert store.save_settings(msgspec.structs.replace(store.settings(), name="North Side"))
        store.close()
        dump = tmp_path / "chain.dump"
        tool = postgres.bin_dir
        plain = check_url(postgres.url(source)).replace("+psycopg", "")
        subprocess.run([str(tool / "pg_dump"), "--format=custom", "--file", str(dump), plain], check=True)
        restore_to = check_url(postgres.url(target)).replace("+psycopg", "")
        subprocess.run([str(tool / "pg_restore"), "--no-owner", "--dbname", restore_to, str(dump)], check=True)
        restored = CheckInStore(postgres.url(target), data_dir=tmp_path / "other", clinic=load_clinic(), branch="north")
        try:
            assert restored.settings().name == "North Side"
            [summary] = restored.checkins_on_days(NOW.date(), NOW.date(), tz=None)
            assert (summary.first_name, summary.branch) == ("Anna", "north")
        finally:
            restored.close()
    finally:
        postgres.drop_database(source)
        postgres.drop_database(target)
