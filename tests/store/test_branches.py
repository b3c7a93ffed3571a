"""A chain: two kiosks of two branches on one real PostgreSQL. Each branch has its own settings and sees only its
own check-ins; the owner sees all (`records --all-branches`, CSV). The SMTP password is sealed: a database dump
alone reveals nothing. Data from before branches becomes the default branch "main"."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import DateTime, bindparam, create_engine, text

from kiosk.cli import main
from kiosk.core.clinic import load_clinic
from kiosk.core.kiosk_config import KioskConfig
from kiosk.settings.resolver import open_store, resolve
from kiosk.store import CheckInStore, SmtpSettings
from kiosk.store.database import MIGRATIONS_DIR, check_url, default_url

from .conftest import NOW, make_check_in
from .postgres_server import PostgresServer

PASSWORD = "harbour-s3cret-pw"


def kiosk_folder(root: Path, name: str, branch: str, url: str) -> Path:
    folder = root / name
    folder.mkdir(mode=0o700)
    (folder / "kiosk.toml").write_text(
        f'branch = "{branch}"\nkiosk_id = "{name}"\ndatabase_url = "{url}"\n', encoding="utf-8"
    )
    return folder


def store_of(folder: Path) -> CheckInStore:
    config = KioskConfig(folder)
    return open_store(config, load_clinic())


@pytest.fixture
def chain_url(postgres: PostgresServer) -> Iterator[str]:
    name = postgres.create_database()
    yield postgres.url(name)
    postgres.drop_database(name)


def test_two_branches_on_one_postgresql_keep_their_own_settings_and_clients(
    chain_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    north_dir = kiosk_folder(tmp_path, "north-desk", "north", chain_url)
    south_dir = kiosk_folder(tmp_path, "south-desk", "south", chain_url)
    north, south = store_of(north_dir), store_of(south_dir)
    try:
        smtp = SmtpSettings("smtp.north.example", 587, "starttls", "desk", PASSWORD, "desk@north.example")
        assert north.save_settings(msgspec.structs.replace(north.settings(), name="North Side", smtp=smtp))
        assert south.save_settings(msgspec.structs.replace(south.settings(), name="South Bank", day_counts={"dry": 5}))
        assert north.settings().name == "North Side" and north.settings().smtp.password == PASSWORD
        assert south.settings().name == "South Bank" and south.settings().smtp.host == ""
        north.record(make_check_in("Anna", kiosk_id="north-desk"))
        south.record(make_check_in("Ben", kiosk_id="south-desk"))
        assert [s.first_name for s in north.checkins_on_days(NOW.date(), NOW.date())] == ["Anna"]
        assert [s.first_name for s in south.checkins_on_days(NOW.date(), NOW.date())] == ["Ben"]
        assert sorted(north.branches()) == ["main", "north", "south"]
    finally:
        north.close()
        south.close()

    # every command of a kiosk resolves its own branch's settings
    assert resolve(folder=north_dir).effective.clinic.name == "North Side"
    assert resolve(folder=south_dir).effective.protocol.phases[0].last_day == 5

    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(north_dir))
    day = NOW.date().isoformat()
    assert main(["records", "--from", day]) == 0
    own = capsys.readouterr().out
    assert "Anna" in own and "Ben" not in own
    assert main(["records", "--from", day, "--all-branches"]) == 0
    chain = capsys.readouterr().out
    assert "north" in chain.split("Anna")[0].splitlines()[-1] and "south" in chain.split("Ben")[0].splitlines()[-1]
    assert main(["records", "--from", day, "--all-branches", "--summary"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{day}  north        visits 1    walk-aways 0    no flags",
        f"{day}  south        visits 1    walk-aways 0    no flags",
    ]
    csv_file = tmp_path / "chain.csv"
    assert main(["records", "--from", day, "--all-branches", "--csv", str(csv_file)]) == 0
    rows = csv_file.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("checked_in_at,branch,kiosk") and len(rows) == 3
    assert {row.split(",")[1] for row in rows[1:]} == {"north", "south"}


def test_a_database_dump_reveals_no_smtp_password(
    chain_url: str, postgres: PostgresServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = kiosk_folder(tmp_path, "north-desk", "north", chain_url)
    store = store_of(first)
    try:
        smtp = SmtpSettings("smtp.north.example", 587, "starttls", "desk", PASSWORD, "desk@north.example")
        assert store.save_settings(msgspec.structs.replace(store.settings(), smtp=smtp))
    finally:
        store.close()
    dump = subprocess.run(
        [str(postgres.bin_dir / "pg_dump"), "--dbname", check_url(chain_url).replace("+psycopg", "")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "smtp.north.example" in dump and PASSWORD not in dump
    assert PASSWORD not in (first / "clinic-settings.json").read_text(encoding="utf-8")

    second = kiosk_folder(tmp_path, "north-desk-2", "north", chain_url)  # a second kiosk, without the key yet
    assert resolve(folder=second).branch_settings.smtp.password == ""
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(second))
    shown = {row.name: row.value for row in resolve(folder=second).sources}
    assert "copy secret.key" in shown["smtp.password"]
    shutil.copy2(first / "secret.key", second / "secret.key")  # as docs/install-linux.md says
    assert resolve(folder=second).branch_settings.smtp.password == PASSWORD
    assert resolve(folder=second).sources and all(PASSWORD not in row.value for row in resolve(folder=second).sources)


def test_a_password_stored_in_plain_text_by_an_older_version_is_sealed_on_first_read(
    chain_url: str, tmp_path: Path
) -> None:
    folder = kiosk_folder(tmp_path, "north-desk", "main", chain_url)
    store = store_of(folder)
    store.settings()
    store.close()
    engine = create_engine(check_url(chain_url))
    plain = {"host": "smtp.x.example", "port": 25, "security": "none", "username": "u", "password": PASSWORD}
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO clinic_settings (branch_id, key, value, updated_at) VALUES ('main', 'smtp', :v, now())"
                ),
                {"v": json.dumps({**plain, "sender": "a@x.example"})},
            )
        reopened = store_of(folder)
        assert reopened.settings().smtp.password == PASSWORD
        reopened.close()
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT value FROM clinic_settings WHERE key = 'smtp'")).scalar_one()
    finally:
        engine.dispose()
    assert PASSWORD not in stored and "fernet:" in stored


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_todays_data_becomes_the_default_branch(database_url: str | None, tmp_path: Path) -> None:
    url = check_url(database_url) if database_url else default_url(tmp_path / "old")
    (tmp_path / "old").mkdir()
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")  # a kiosk from before branches, with a check-in and a setting
            connection.execute(
                text(
                    "INSERT INTO check_ins (uid, first_name, last_initial, session, session_date, language,"
                    " receipt_required, checked_in_at, kiosk_id) VALUES ('u1', 'Anna', 'K', '1', '2026-11-24', 'en',"
                    " false, '2026-11-24 10:30:00', 'front')"
                )
            )
            connection.execute(
                # typed: SQLAlchemy writes the datetime for SQLite (sqlite3's own adapter is deprecated since 3.12)
                text(
                    "INSERT INTO clinic_settings (key, value, updated_at) VALUES ('name', '\"Old Name\"', :t)"
                ).bindparams(bindparam("t", type_=DateTime())),
                {"t": NOW.replace(tzinfo=None)},
            )
    finally:
        engine.dispose()
    store = CheckInStore(database_url, data_dir=tmp_path / "old", clinic=load_clinic())
    try:
        assert store.settings().name == "Old Name"
        [summary] = store.checkins_on_days(NOW.date(), NOW.date(), tz=None)
        assert (summary.first_name, summary.branch) == ("Anna", "main")
        assert store.branches() == ["main"]
    finally:
        store.close()
