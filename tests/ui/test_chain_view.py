"""Two kiosks of two branches on one real PostgreSQL, the north one driven by touch: its staff screen lists only
its own branch's clients; the owner PIN on the staff screen's **All branches** page shows every branch's visits
per day with their flags; leaving the staff screen forgets them."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.cli import main
from kiosk.core.clinic import load_clinic
from kiosk.store import CheckIn, CheckInStore
from kiosk.ui.app import KioskApp
from tests.store.conftest import postgres  # noqa: F401 - the private PostgreSQL server, shared with tests/store
from tests.store.postgres_server import PostgresServer
from tests.ui.conftest import Driver, read_property
from tests.ui.test_staff_screen import FIRST, check_in, open_staff_screen, retype

OWNER_PIN = "97531"


@pytest.fixture
def north_kiosk(
    postgres: PostgresServer,  # noqa: F811
    make_kiosk: Callable[..., KioskApp],
    data_dir: Path,
    tmp_path: Path,
) -> Iterator[tuple[KioskApp, str]]:
    """The south kiosk (a store of its own) checks two clients in first; then the north kiosk starts. (Two
    stores migrating one new database at the same moment in one process can stall each other in the driver.)"""
    name = postgres.create_database()
    url = postgres.url(name)
    south = CheckInStore(url, data_dir=tmp_path / "south", clinic=load_clinic(), branch="south")
    try:
        for client in ("Bertram", "Cosima"):
            check_in = CheckIn.create(
                first_name=client,
                last_name="S",
                session=1,
                session_date=dt.date.today(),
                language="en",
                moisturised=True,
                hair="buzz",
                kiosk_id="south-desk",
            )
            south.record(check_in)
    finally:
        south.close()
    (data_dir / "kiosk.toml").write_text(
        f'branch = "north"\nkiosk_id = "north-desk"\ndatabase_url = "{url}"\n', encoding="utf-8"
    )
    yield make_kiosk(), url
    postgres.drop_database(name)


def test_each_branch_sees_its_own_clients_and_the_owner_sees_all(
    qtbot: QtBot, north_kiosk: tuple[KioskApp, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk, _url = north_kiosk
    monkeypatch.setattr("sys.stdin", io.StringIO(OWNER_PIN + "\n"))
    assert main(["set-pin", "--owner", "--pin-stdin"]) == 0

    drive = Driver(qtbot, kiosk)
    check_in(drive, hair="not-yet")
    open_staff_screen(drive)
    qtbot.waitUntil(lambda: drive.has("staffName0"), timeout=10_000)
    assert drive.text("staffName0").startswith(FIRST) and not drive.has("staffName1")  # north's own client only

    drive.tap("staffTabChain")
    assert not drive.has("staffChainRow0")  # nothing before the owner PIN
    retype(drive, "staffOwnerPin", "2468")
    drive.tap("staffOwnerOpen")
    qtbot.waitUntil(lambda: drive.text("staffChainMessage") == "That is not the owner PIN.", timeout=10_000)
    retype(drive, "staffOwnerPin", OWNER_PIN)
    drive.tap("staffOwnerOpen")
    chain = kiosk.staff.chain
    qtbot.waitUntil(lambda: read_property(chain, "unlocked"), timeout=10_000)
    rows = {row["branch"]: row for row in read_property(chain, "rows")}
    assert (rows["north"]["visits"], rows["south"]["visits"]) == (1, 2)
    assert rows["north"]["flags"] == "not buzz cut yet: 1" and rows["south"]["flags"] == ""
    today = dt.date.today()  # written as every screen writes a date in this British clinic: day first
    assert rows["north"]["day"] == f"{today:%A}, {today.day} {today:%B} {today.year}"
    qtbot.waitUntil(lambda: drive.has("staffChainRow1"), timeout=5000)
    assert {drive.text("staffChainBranch0"), drive.text("staffChainBranch1")} == {"north", "south"}

    drive.tap("staffBack")  # leaving the staff screen forgets the chain's figures
    assert not read_property(chain, "unlocked") and read_property(chain, "rows") == []
