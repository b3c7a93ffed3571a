"""Store tests run against SQLite and a real PostgreSQL server (started here, on loopback)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.core.clinic import load_clinic
from kiosk.store import CheckIn, CheckInStore
from kiosk.store.checkin import Hair, Session
from kiosk.store.database import default_url

from .postgres_server import PostgresServer, PostgresStartError

BACKENDS = ["sqlite", "postgresql"]
NOW = dt.datetime(2026, 11, 24, 10, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One private server for the whole run; a test that needs PostgreSQL fails (never skips) without it."""
    try:
        server = PostgresServer()
        server.init()
        server.start()
    except (PostgresStartError, OSError, LookupError) as exc:
        pytest.fail(f"the PostgreSQL test server cannot start: {exc}", pytrace=False)
    yield server
    server.destroy()


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing in these tests may touch the real kiosk data folder."""
    folder = tmp_path / "default-data"
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(folder))
    return folder


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None for SQLite (the kiosk's default file in its data folder), else a fresh PostgreSQL database."""
    if backend == "sqlite":
        yield None
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


StoreFactory = Callable[..., CheckInStore]


@pytest.fixture
def make_store(database_url: str | None, tmp_path: Path, clock: Clock) -> Iterator[StoreFactory]:
    """Opens stores on the test's database; each kiosk has its own data folder (never the real one)."""
    opened: list[CheckInStore] = []

    def factory(kiosk: str = "front", **options: object) -> CheckInStore:
        options.setdefault("data_dir", tmp_path / f"data-{kiosk}")
        options.setdefault("fallback_dir", tmp_path / f"fallback-{kiosk}")
        options.setdefault("clinic", load_clinic())
        options.setdefault("clock", clock)
        options.setdefault("busy_timeout", 0.5)
        url = database_url
        if url is None and kiosk != "front":  # SQLite shared by kiosks: the front kiosk's file
            url = default_url(tmp_path / "data-front")
        store = CheckInStore(url, **options)  # type: ignore[arg-type]
        opened.append(store)
        return store

    yield factory
    for store in opened:
        store.close()


def make_check_in(
    first_name: str = "Anna",
    last_name: str = "Kowalski",
    *,
    kiosk_id: str = "front",
    session: Session = 1,
    moisturised: bool | None = True,
    hair: Hair | None = "buzz",
    when: dt.datetime = NOW,
    **extra: object,
) -> CheckIn:
    return CheckIn.create(
        first_name=first_name,
        last_name=last_name,
        session=session,
        session_date=when.date(),
        language="en",
        moisturised=moisturised,
        hair=hair,
        kiosk_id=kiosk_id,
        checked_in_at=when,
        **extra,  # type: ignore[arg-type]
    )
