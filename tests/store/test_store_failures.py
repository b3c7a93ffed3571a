"""When storage fails the kiosk keeps serving: check-ins wait in the spool, staff see why, nothing is lost."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sqlite3
from pathlib import Path

import msgspec
import pytest
from sqlalchemy import create_engine, text

from kiosk.store import CheckIn, CheckInStore, Outcome, Problem
from kiosk.store.database import default_url
from kiosk.store.spool import Spool

from .conftest import NOW, StoreFactory, make_check_in
from .mounts import can_mount, fill, remount, tmpfs
from .postgres_server import PostgresServer

SQLITE_ONLY = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
NEEDS_MOUNT = pytest.mark.skipif(not can_mount(), reason="needs root to mount a tiny tmpfs")


def names(store: CheckInStore) -> list[tuple[str, bool]]:
    return [(s.first_name, s.pending) for s in store.todays_checkins(tz=dt.UTC)]


def later(minutes: int) -> dt.datetime:
    return NOW + dt.timedelta(minutes=minutes)


def assert_recovered(store: CheckInStore, expected: list[str]) -> None:
    health = store.retry()
    assert health.ok, health
    assert (health.problem, health.pending, health.spool_files) == (None, 0, ())
    assert names(store) == [(name, False) for name in expected]


@SQLITE_ONLY
def test_a_corrupt_database_file_is_reported_and_replaced(make_store: StoreFactory, tmp_path: Path) -> None:
    data = tmp_path / "data-front"
    data.mkdir(mode=0o700)
    (data / "checkins.db").write_bytes(b"not a database, just a damaged file " * 300)
    store = make_store()
    assert store.record(make_check_in("Anna")) is Outcome.SPOOLED
    health = store.health()
    assert (health.ok, health.problem, health.pending) == (False, Problem.CORRUPT, 1)
    assert "damaged" in health.message()
    assert names(store) == [("Anna", True)]
    moved = store.replace_corrupt_database()
    assert moved is not None and moved.read_bytes().startswith(b"not a database")
    assert_recovered(store, ["Anna"])


@SQLITE_ONLY
def test_a_locked_database_delays_check_ins_until_it_is_free(make_store: StoreFactory, tmp_path: Path) -> None:
    store = make_store(busy_timeout=0.2)
    assert store.record(make_check_in("Anna")) is Outcome.STORED
    blocker = sqlite3.connect(tmp_path / "data-front" / "checkins.db", isolation_level=None)
    try:
        blocker.execute("BEGIN EXCLUSIVE")
        assert store.record(make_check_in("Ben", when=later(1))) is Outcome.SPOOLED
        assert store.health().problem is Problem.LOCKED
        assert names(store) == [("Anna", False), ("Ben", True)]  # WAL readers still see the stored ones
        assert store.record(make_check_in("Cleo", when=later(2))) is Outcome.SPOOLED
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert_recovered(store, ["Anna", "Ben", "Cleo"])


@SQLITE_ONLY
@NEEDS_MOUNT
def test_a_read_only_data_folder_spools_to_the_fallback(make_store: StoreFactory, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "mnt", "4m") as mount:
        data = mount / "data"
        data.mkdir()
        remount(mount, read_only=True)
        store = make_store(data_dir=data)
        assert store.record(make_check_in("Anna")) is Outcome.SPOOLED
        health = store.health()
        assert health.problem is Problem.READ_ONLY
        assert health.spool_files == (tmp_path / "fallback-front" / "pending-checkins.jsonl",)
        assert "data folder" in health.message()
        remount(mount, read_only=False)
        assert store.record(make_check_in("Ben", when=later(1))) is Outcome.STORED
        assert_recovered(store, ["Anna", "Ben"])
        store.close()


@SQLITE_ONLY
@NEEDS_MOUNT
def test_with_no_writable_folder_at_all_check_ins_wait_in_memory(make_store: StoreFactory, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "mnt", "4m") as mount:
        (mount / "data").mkdir()
        (mount / "fallback").mkdir()
        remount(mount, read_only=True)
        store = make_store(data_dir=mount / "data", fallback_dir=mount / "fallback")
        assert store.record(make_check_in("Anna")) is Outcome.IN_MEMORY
        health = store.health()
        assert (health.pending, health.in_memory, health.problem) == (1, 1, Problem.READ_ONLY)
        assert names(store) == [("Anna", True)]
        remount(mount, read_only=False)
        assert_recovered(store, ["Anna"])
        store.close()


@SQLITE_ONLY
@NEEDS_MOUNT
def test_a_full_disk_spools_and_writes_once_there_is_space(make_store: StoreFactory, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "mnt", "2m") as mount:
        store = make_store(data_dir=mount / "data")
        assert store.record(make_check_in("Anna")) is Outcome.STORED
        filler = fill(mount)
        big = b"\x89PNG\r\n\x1a\n" + os.urandom(300_000)
        check_ins = [make_check_in(f"Guest{n}", when=later(n), signature_png=big) for n in range(1, 4)]
        assert [store.record(c) for c in check_ins] == [Outcome.SPOOLED] * 3
        health = store.health()
        assert health.problem is Problem.DISK_FULL
        assert health.spool_files == (tmp_path / "fallback-front" / "pending-checkins.jsonl",)
        assert "disk is full" in health.message()
        filler.unlink()
        assert_recovered(store, ["Anna", "Guest1", "Guest2", "Guest3"])
        stored = store.check_in(check_ins[2].uid)
        assert stored is not None and stored.signature_png == big
        store.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_postgres_server_going_away_mid_session(make_store: StoreFactory, postgres: PostgresServer) -> None:
    store = make_store()
    assert store.record(make_check_in("Anna")) is Outcome.STORED
    assert store.save_settings(msgspec.structs.replace(store.settings(), name="Harbour SMP", receipt_required=True))
    postgres.stop("fast")
    try:
        assert store.record(make_check_in("Ben", when=later(1))) is Outcome.SPOOLED
        assert store.record(make_check_in("Cleo", when=later(2))) is Outcome.SPOOLED
        health = store.health()
        assert (health.problem, health.pending) == (Problem.UNREACHABLE, 2)
        assert "server" in health.message()
        assert names(store) == [("Ben", True), ("Cleo", True)]
        settings = store.settings()  # this kiosk's private copy while the server is away
        assert (settings.name, settings.receipt_required) == ("Harbour SMP", True)
        assert not store.save_settings(settings)
    finally:
        postgres.start()
    assert_recovered(store, ["Anna", "Ben", "Cleo"])


def test_spooled_check_ins_survive_a_restart(make_store: StoreFactory, tmp_path: Path, backend: str) -> None:
    """A kiosk stopped while the database was away writes its spool on the next start."""
    spooled = make_check_in("Anna")
    Spool([tmp_path / "data-front"]).append(spooled)
    store = make_store()
    assert names(store) == [("Anna", False)]
    assert store.health().pending == 0


def test_replaying_a_spool_twice_stores_each_check_in_once(make_store: StoreFactory, tmp_path: Path) -> None:
    check_in = make_check_in("Anna")
    store = make_store()
    assert store.record(check_in) is Outcome.STORED
    Spool([tmp_path / "data-front"]).append(check_in)  # as if the spool file could not be removed
    assert store.retry().ok
    assert names(store) == [("Anna", False)]


def test_check_ins_are_not_lost_between_spool_and_database(tmp_path: Path) -> None:
    spool = Spool([tmp_path / "one", tmp_path / "two"])
    first, second = make_check_in("Anna"), make_check_in("Ben", when=later(1))
    path = spool.append(first)
    with path.open("ab") as handle:
        handle.write(b'{"uid": "torn')  # a kill in the middle of a write
    spool.append(second)
    loaded: list[CheckIn] = spool.load()
    assert loaded == [first, second]


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to hand a folder to another user")
def test_a_spool_folder_owned_by_someone_else_is_not_used(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir(mode=0o777)
    os.chown(foreign, 65534, 65534)  # nobody
    spool = Spool([foreign, tmp_path / "own"])
    assert spool.append(make_check_in()) == tmp_path / "own" / "pending-checkins.jsonl"
    assert not (foreign / "pending-checkins.jsonl").exists()


def test_a_database_from_a_newer_kiosk_version_does_not_stop_check_ins(
    make_store: StoreFactory, database_url: str | None, tmp_path: Path
) -> None:
    store = make_store()
    store.close()
    engine = create_engine(database_url or default_url(tmp_path / "data-front"))
    try:
        with engine.begin() as connection:
            head = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        reopened = make_store()
        assert reopened.record(make_check_in("Anna")) is Outcome.SPOOLED
        assert reopened.health().problem is Problem.FAILED
        with engine.begin() as connection:  # the kiosk is updated (here: the schema is back)
            connection.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head})
    finally:
        engine.dispose()
    assert_recovered(reopened, ["Anna"])


def test_a_check_in_the_database_refuses_does_not_hold_back_the_others(
    make_store: StoreFactory, tmp_path: Path
) -> None:
    good = make_check_in("Anna")
    bad = dataclasses.replace(make_check_in("Ben", when=later(1)), hair="mohawk")  # type: ignore[arg-type]
    Spool([tmp_path / "data-front"]).append(bad)
    Spool([tmp_path / "data-front"]).append(good)
    store = make_store()
    health = store.health()
    assert (health.ok, health.pending, health.refused) == (True, 0, 1)
    assert names(store) == [("Anna", False)]
    assert Spool([tmp_path / "data-front"], "refused-checkins.jsonl").load() == [bad]
    worse = dataclasses.replace(make_check_in("Cleo", when=later(2)), hair="mullet")  # type: ignore[arg-type]
    assert store.record(worse) is Outcome.REFUSED
    assert store.record(make_check_in("Dan", when=later(3))) is Outcome.STORED
    assert store.health().refused == 2
