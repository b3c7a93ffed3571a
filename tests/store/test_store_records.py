"""Check-ins are stored with only the agreed fields, shared across kiosks, flagged and purged."""

from __future__ import annotations

import datetime as dt
import stat
import threading
from pathlib import Path

import msgspec
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from kiosk.errors import UserError
from kiosk.store import CheckIn, Flag, Outcome, Problem
from kiosk.store.checkin import initial_of
from kiosk.store.database import check_url
from kiosk.store.models import Base

from .conftest import NOW, Clock, StoreFactory, make_check_in

ALLOWED_COLUMNS = {
    "id",
    "branch_id",
    "uid",
    "first_name",
    "last_initial",
    "session",
    "session_date",
    "language",
    "moisturised",
    "hair",
    "receipt_required",
    "signature_strokes",
    "signature_png",
    "checked_in_at",
    "kiosk_id",
    # the visit's life (0002): states and what was handed over, nothing about the client
    "step",
    "outcome",
    "calendar_made",
    "printed",
    "emailed",
    "revision",
    "updated_at",
}


def test_a_check_in_round_trips_with_only_first_name_and_initial(make_store: StoreFactory) -> None:
    store = make_store()
    check_in = make_check_in("  Zoë ", "ölsen-Smith", session="touch-up", moisturised=False, hair="long")
    assert store.record(check_in) is Outcome.STORED
    [summary] = store.todays_checkins(tz=dt.UTC)
    assert summary.display_name == "Zoë Ö."
    assert (summary.session, summary.hair, summary.moisturised) == ("touch-up", "long", False)
    assert summary.checked_in_at == NOW and summary.checked_in_at.tzinfo is not None
    assert not summary.pending
    stored = store.check_in(check_in.uid)
    assert stored == check_in
    assert "lsen" not in repr(stored)
    assert store.health().ok


def test_the_table_has_no_room_for_an_email_or_a_last_name(make_store: StoreFactory) -> None:
    store = make_store()
    engine = create_engine(store.url)
    try:
        columns = {column["name"] for column in inspect(engine).get_columns("check_ins")}
        with engine.connect() as connection:
            version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    finally:
        engine.dispose()
    assert columns == ALLOWED_COLUMNS
    assert version == "0005"  # the newest migration shipped
    assert not hasattr(CheckIn, "email") and "email" not in CheckIn.__dataclass_fields__


def test_reopening_runs_no_migration_twice_and_keeps_records(make_store: StoreFactory) -> None:
    first = make_store()
    first.record(make_check_in())
    first.close()
    again = make_store()
    assert [s.first_name for s in again.todays_checkins(tz=dt.UTC)] == ["Anna"]


def test_todays_list_covers_every_kiosk_sharing_the_database(make_store: StoreFactory) -> None:
    front, back = make_store("front"), make_store("back")
    front.record(make_check_in("Anna", kiosk_id="front"))
    back.record(make_check_in("Ben", kiosk_id="back", when=NOW + dt.timedelta(minutes=5)))
    back.record(make_check_in("Old", kiosk_id="back", when=NOW - dt.timedelta(days=1)))
    for store in (front, back):
        names = [(s.first_name, s.kiosk_id) for s in store.todays_checkins(tz=dt.UTC)]
        assert names == [("Anna", "front"), ("Ben", "back")]


@pytest.mark.parametrize(
    ("moisturised", "hair", "flags"),
    [
        (True, "buzz", ()),
        (True, "long", ()),
        (False, "buzz", (Flag.NOT_MOISTURISED,)),
        (None, "long", (Flag.NOT_MOISTURISED,)),
        (True, None, (Flag.NOT_BUZZ_CUT,)),
        (False, None, (Flag.NOT_MOISTURISED, Flag.NOT_BUZZ_CUT)),
    ],
)
def test_flags_follow_the_before_care_answers(
    make_store: StoreFactory, moisturised: bool | None, hair: str | None, flags: tuple[Flag, ...]
) -> None:
    store = make_store()
    store.record(make_check_in(moisturised=moisturised, hair=hair))  # type: ignore[arg-type]
    assert store.todays_checkins(tz=dt.UTC)[0].flags == flags


def test_a_required_receipt_without_signature_is_flagged(make_store: StoreFactory) -> None:
    store = make_store()
    store.record(make_check_in(receipt_required=True))
    assert Flag.RECEIPT_MISSING in store.todays_checkins(tz=dt.UTC)[0].flags


def test_records_past_retention_are_purged_on_start_and_daily(make_store: StoreFactory, clock: Clock) -> None:
    store = make_store()
    store.record(make_check_in("Old", when=NOW - dt.timedelta(days=91)))
    store.record(make_check_in("Recent", when=NOW - dt.timedelta(days=89)))
    store.close()
    reopened = make_store()  # purges on start
    day = dt.timedelta(days=1)
    names = [s.first_name for s in reopened.checkins_between(NOW - 100 * day, NOW + day)]
    assert names == ["Recent"]
    clock.now = NOW + 2 * day  # a day later, the next call purges again without a restart
    assert reopened.checkins_between(NOW - 100 * day, NOW + day) == []


def test_the_retention_period_is_a_clinic_setting(make_store: StoreFactory) -> None:
    store = make_store()
    store.save_settings(msgspec.structs.replace(store.settings(), retention_days=7))
    store.record(make_check_in("Week", when=NOW - dt.timedelta(days=8)))
    store.record(make_check_in("Today"))
    assert store.purge_expired() == 1
    assert [s.first_name for s in store.todays_checkins(tz=dt.UTC)] == ["Today"]


def test_files_are_private_to_the_kiosk_user(make_store: StoreFactory, backend: str, tmp_path: Path) -> None:
    store = make_store()
    store.record(make_check_in())
    store.settings()
    data = tmp_path / "data-front"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    files = [path for path in data.iterdir() if path.is_file()]
    assert (data / "clinic-settings.json") in files
    if backend == "sqlite":
        assert {p.name for p in files} >= {"checkins.db", "checkins.db-wal", "checkins.db-shm"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_sqlite_runs_in_wal_mode_with_full_sync(make_store: StoreFactory, backend: str) -> None:
    if backend != "sqlite":
        return
    store = make_store()
    engine = store._ready_engine()
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL


def test_bad_check_ins_are_refused_with_a_message() -> None:
    with pytest.raises(UserError, match="first name is empty"):
        make_check_in(" \t ")
    with pytest.raises(UserError, match="not a session number"):
        make_check_in(session=0)
    with pytest.raises(UserError, match="not a language tag"):
        CheckIn.create(
            first_name="Anna",
            last_name="K",
            session=1,
            session_date=NOW.date(),
            language="english please, and make it long",
            moisturised=True,
            hair="buzz",
            kiosk_id="front",
        )
    with pytest.raises(UserError, match="kiosk id"):
        make_check_in(kiosk_id=" ")
    with pytest.raises(UserError, match="time zone"):
        make_check_in(when=dt.datetime(2026, 1, 1))


def test_names_are_cleaned_and_initials_keep_their_accents() -> None:
    assert make_check_in("A\u0000nna\nMaria").first_name == "Anna Maria"
    typed_an_address = make_check_in("anna.k@mail.example", "x@y.example")
    assert (typed_an_address.first_name, typed_an_address.last_initial) == ("anna.k", "X")
    assert initial_of("\u0065\u0301clair") == "\u00c9"
    assert initial_of("") == ""
    assert len(initial_of("e" + "\u0301" * 30)) <= 8
    assert initial_of("محمد") == "م"


def test_database_addresses_are_checked() -> None:
    assert check_url("postgresql://u:p@h/db").startswith("postgresql+psycopg://")
    with pytest.raises(UserError, match="not supported"):
        check_url("mysql://u@h/db")
    with pytest.raises(UserError, match="not valid"):
        check_url("no address at all")


def test_problems_are_reported_not_raised(make_store: StoreFactory) -> None:
    assert Problem.CORRUPT.value == "corrupt"
    store = make_store()
    assert store.health().message() == ""


def test_worker_threads_can_record_at_the_same_time(make_store: StoreFactory) -> None:
    store = make_store()
    errors: list[BaseException] = []

    def client(number: int) -> None:
        try:
            for visit in range(10):
                outcome = store.record(make_check_in(f"T{number}v{visit}", when=NOW + dt.timedelta(seconds=visit)))
                assert outcome is Outcome.STORED
        except BaseException as exc:  # reported below: a thread's failure would go unseen
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(store.todays_checkins(tz=dt.UTC)) == 40


def test_the_migrations_build_exactly_the_models(make_store: StoreFactory) -> None:
    """A model change without its migration script fails here."""
    store = make_store()
    with store._ready_engine().connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
