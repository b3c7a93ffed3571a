"""Every state of a visit whose record() returned survives SIGKILL of the process mid-commit, 100 times: the
database (or the spool) holds that state or a newer one of the same visit, never an older one, never two rows."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk.core.clinic import load_clinic
from kiosk.store import CheckInStore

from .postgres_server import PostgresServer

KILLS = 100
WORKER = Path(__file__).with_name("crash_worker.py")
ROOT = Path(__file__).resolve().parents[2]


class Worker:
    def __init__(self, data_dir: Path, url: str | None) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        args = [sys.executable, str(WORKER), str(data_dir), *([url] if url else [])]
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, bufsize=0)
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        assert self.next_line(60) == "ready"

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            self.lines.put(raw.decode().strip())

    def next_line(self, timeout: float = 30) -> str:
        return self.lines.get(timeout=timeout)

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((line + "\n").encode())

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.send("quit")
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)
        self.process.stdout.close()


Reported = dict[str, int]  # uid -> the highest revision record() returned for


def kill_during_commits(data_dir: Path, url: str | None, kills: int) -> tuple[Reported, Reported]:
    """Returns the visits' states reported stored and the ones reported spooled."""
    rng = random.Random(20261124)
    stored: Reported = {}
    spooled: Reported = {}
    worker = Worker(data_dir, url)
    try:
        for _ in range(kills):
            worker.send("spawn")
            pid, started = 0, False
            while not (pid and started):  # the parent's "pid" and the child's "started" come in either order
                line = worker.next_line()
                if line.startswith("pid "):
                    pid = int(line.split()[1])
                else:
                    assert line == "started", line
                    started = True
            time.sleep(rng.uniform(0.005, 0.1))  # then it commits in a loop
            os.kill(pid, signal.SIGKILL)
            worker.send(f"reap {pid}")
            while (line := worker.next_line()) != f"reaped {pid}":
                kind, uid, revision = line.split()
                reported = stored if kind == "ok" else spooled
                reported[uid] = max(reported.get(uid, 0), int(revision))
    finally:
        worker.close()
    return stored, spooled


def stored_revisions(store: CheckInStore) -> Reported:
    """Each visit's revision as the store has it now (a second row for one uid would fail here)."""
    day = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    summaries = store.checkins_between(day - dt.timedelta(days=2), day + dt.timedelta(days=400))
    found = {s.uid: store.check_in(s.uid) for s in summaries}
    assert len(found) == len(summaries)
    return {uid: check_in.revision for uid, check_in in found.items() if check_in is not None}


def assert_kept(reported: Reported, kept: Reported) -> None:
    lost = {uid: revision for uid, revision in reported.items() if kept.get(uid, 0) < revision}
    assert lost == {}


def merged(first: Reported, second: Reported) -> Reported:
    return {uid: max(first.get(uid, 0), second.get(uid, 0)) for uid in first.keys() | second.keys()}


@pytest.mark.slow
def test_sqlite_commits_survive_sigkill(tmp_path: Path) -> None:
    data = tmp_path / "data"
    stored, spooled = kill_during_commits(data, None, KILLS)
    assert sum(stored.values()) > KILLS  # the kills really landed among commits (states: revisions 1..3 in order)
    assert any(revision < 3 for revision in stored.values())  # some kills landed mid-visit
    with contextlib.closing(sqlite3.connect(data / "checkins.db")) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        in_database = dict(connection.execute("SELECT uid, revision FROM check_ins").fetchall())
    assert_kept(stored, in_database)
    store = CheckInStore(data_dir=data, fallback_dir=data / "fallback", clinic=load_clinic())
    try:
        assert_kept(merged(stored, spooled), stored_revisions(store))
        assert store.health().ok
    finally:
        store.close()


@pytest.mark.slow
def test_postgres_commits_survive_sigkill(tmp_path: Path, postgres: PostgresServer) -> None:
    name = postgres.create_database()
    try:
        stored, spooled = kill_during_commits(tmp_path / "data", postgres.url(name), 25)
        assert sum(stored.values()) > 25
        store = CheckInStore(
            postgres.url(name), data_dir=tmp_path / "data", fallback_dir=tmp_path / "fb", clinic=load_clinic()
        )
        try:
            assert_kept(merged(stored, spooled), stored_revisions(store))
        finally:
            store.close()
    finally:
        postgres.drop_database(name)
