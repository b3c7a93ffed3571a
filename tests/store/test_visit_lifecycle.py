"""A visit's record has a life: one row per visit, updated state by state (newer revisions win, in the database
and in the spool), listed with its state, kept on the staff list while the database is away, and the migration
from the schema before (0001) on SQLite and PostgreSQL with rows in it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Date, DateTime, bindparam, create_engine, text

from kiosk.cli import main
from kiosk.commands.records import DATABASE_ENV
from kiosk.core.visit_record import VisitOutcome, VisitStep
from kiosk.store import CheckIn, CheckInStore, Outcome, Problem
from kiosk.store.database import MIGRATIONS_DIR, default_url
from kiosk.store.export import checkins_csv
from kiosk.store.spool import Spool

from .conftest import NOW, StoreFactory, make_check_in
from .postgres_server import PostgresServer, free_port


def state(check_in: CheckIn, revision: int, step: VisitStep, outcome: VisitOutcome, **changes: object) -> CheckIn:
    """A later state of the same visit, as the kiosk writes it."""
    when = check_in.checked_in_at + dt.timedelta(minutes=revision)
    return dataclasses.replace(check_in, revision=revision, step=step, outcome=outcome, updated_at=when, **changes)  # type: ignore[arg-type]


def started(name: str = "Anna", minutes: int = 0) -> CheckIn:
    return make_check_in(
        name,
        moisturised=None,
        hair=None,
        when=NOW + dt.timedelta(minutes=minutes),
        step=VisitStep.BEFORE_CARE,
        outcome=VisitOutcome.IN_PROGRESS,
        calendar_made=False,
    )


def states(store: CheckInStore) -> list[tuple[str, str, str, bool]]:
    return [(s.first_name, s.outcome.value, s.step.value, s.pending) for s in store.todays_checkins(tz=dt.UTC)]


def test_one_record_per_visit_updated_step_by_step(make_store: StoreFactory) -> None:
    store = make_store()
    first = started()
    assert store.record(first) is Outcome.STORED
    assert states(store) == [("Anna", "in-progress", "before-care", False)]
    answered = state(first, 2, VisitStep.CALENDAR, VisitOutcome.IN_PROGRESS, moisturised=True, calendar_made=True)
    assert store.record(answered) is Outcome.STORED
    gone = state(answered, 3, VisitStep.CALENDAR, VisitOutcome.WALKED_AWAY, printed=True)
    assert store.record(gone) is Outcome.STORED
    assert store.record(answered) is Outcome.STORED  # an older state arriving late changes nothing
    [summary] = store.todays_checkins(tz=dt.UTC)
    assert (summary.uid, summary.outcome, summary.step) == (first.uid, VisitOutcome.WALKED_AWAY, VisitStep.CALENDAR)
    assert (summary.moisturised, summary.calendar_made, summary.printed, summary.emailed) == (True, True, True, False)
    assert summary.checked_in_at == first.checked_in_at and summary.updated_at == gone.updated_at
    other = make_store("side")  # another kiosk on the same database reads the same one row
    assert states(other) == [("Anna", "walked-away", "calendar", False)]


def test_spooled_states_replay_to_the_newest_whatever_the_order(make_store: StoreFactory, tmp_path: Path) -> None:
    first = started()
    spool = Spool([tmp_path / "data-front"])
    finished = state(first, 4, VisitStep.FINISH, VisitOutcome.FINISHED, moisturised=True, hair="buzz")
    for line in (first, finished, state(first, 2, VisitStep.CALENDAR, VisitOutcome.IN_PROGRESS)):
        spool.append(line)
    assert [c.revision for c in spool.load()] == [4]
    store = make_store()  # opening writes the spool: the newest state only
    assert states(store) == [("Anna", "finished", "finish", False)]
    spool.append(state(first, 3, VisitStep.HANDOVER, VisitOutcome.IN_PROGRESS))  # replayed again, an older one
    assert store.retry().ok
    assert states(store) == [("Anna", "finished", "finish", False)]


def test_a_spool_line_from_before_visits_had_a_life_is_a_finished_check_in(tmp_path: Path) -> None:
    spool = Spool([tmp_path])
    spool.append(make_check_in("Anna"))
    path = spool.files()[0]
    old = path.read_text().replace(', "step": "finish", "outcome": "finished"', "")
    path.write_text(old.split(', "calendar_made"')[0] + "}\n")
    [loaded] = spool.load()
    assert (loaded.outcome, loaded.step, loaded.revision, loaded.printed) == (
        VisitOutcome.FINISHED,
        VisitStep.FINISH,
        1,
        None,
    )


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_the_staff_list_keeps_what_it_saw_while_the_database_is_away(
    make_store: StoreFactory, postgres: PostgresServer
) -> None:
    store = make_store()
    anna, ben = make_check_in("Anna"), started("Ben", 5)
    assert store.record(anna) is Outcome.STORED and store.record(ben) is Outcome.STORED
    assert states(store) == [("Anna", "finished", "finish", False), ("Ben", "in-progress", "before-care", False)]
    postgres.stop("fast")
    try:
        ben_left = state(ben, 2, VisitStep.CALENDAR, VisitOutcome.WALKED_AWAY, calendar_made=True)
        assert store.record(ben_left) is Outcome.SPOOLED
        assert store.record(started("Cleo", 9)) is Outcome.SPOOLED
        listed = store.todays_checkins(tz=dt.UTC)
        assert store.health().problem is Problem.UNREACHABLE
        assert [(s.first_name, s.outcome.value, s.step.value, s.pending, s.cached) for s in listed] == [
            ("Anna", "finished", "finish", False, True),  # as last read from the database
            ("Ben", "walked-away", "calendar", True, False),  # the newer state waits in the spool
            ("Cleo", "in-progress", "before-care", True, False),
        ]
    finally:
        postgres.start()
    assert store.retry().ok
    assert states(store) == [
        ("Anna", "finished", "finish", False),
        ("Ben", "walked-away", "calendar", False),
        ("Cleo", "in-progress", "before-care", False),
    ]


def test_the_csv_has_the_states(make_store: StoreFactory) -> None:
    store = make_store()
    first = started()
    store.record(state(first, 2, VisitStep.HANDOVER, VisitOutcome.WALKED_AWAY, calendar_made=True, printed=True))
    header, row = checkins_csv(store.todays_checkins(tz=dt.UTC)).decode("utf-8-sig").splitlines()
    fields = dict(zip(header.split(","), row.split(","), strict=True))
    assert (fields["outcome"], fields["step"], fields["printed"], fields["emailed"]) == (
        "walked-away",
        "handover",
        "yes",
        "no",
    )


# ---------------------------------------------------------------- the migration from 0001, rows in it


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def migrate_to(url: str, revision: str, *, down: bool = False) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        engine.dispose()


OLD_ROW = (
    "INSERT INTO check_ins (uid, first_name, last_initial, session, session_date, language, moisturised, hair,"
    " receipt_required, checked_in_at, kiosk_id) VALUES ('old-1', 'Anna', 'K', '2', :day, 'en', true, 'buzz',"
    " false, :when, 'front')"
)


def test_the_migration_keeps_existing_check_ins_as_finished(
    database_url: str | None, tmp_path: Path, make_store: StoreFactory
) -> None:
    url = database_url or default_url(tmp_path / "data-front")
    (tmp_path / "data-front").mkdir(mode=0o700, exist_ok=True)
    migrate_to(url, "0001")
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            # Typed parameters: SQLAlchemy writes dates for SQLite (sqlite3's own adapters are deprecated since 3.12)
            old_row = text(OLD_ROW).bindparams(bindparam("day", type_=Date()), bindparam("when", type_=DateTime()))
            connection.execute(old_row, {"day": NOW.date(), "when": NOW.replace(tzinfo=None)})
    finally:
        engine.dispose()
    store = make_store()  # opening migrates to 0002
    [old] = store.todays_checkins(tz=dt.UTC)
    assert (old.uid, old.first_name, old.session, old.outcome, old.step) == (
        "old-1",
        "Anna",
        2,
        VisitOutcome.FINISHED,
        VisitStep.FINISH,
    )
    assert (old.calendar_made, old.printed, old.emailed, old.updated_at) == (True, None, None, NOW)
    walked = started("Ben", 3)
    assert store.record(state(walked, 2, VisitStep.CALENDAR, VisitOutcome.WALKED_AWAY)) is Outcome.STORED
    store.close()
    migrate_to(url, "0001", down=True)  # going back keeps the finished ones, in 0001's shape
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT uid FROM check_ins")).scalars().all() == ["old-1"]
    finally:
        engine.dispose()
    migrate_to(url, "head")
    assert [s.uid for s in make_store().todays_checkins(tz=dt.UTC)] == ["old-1"]


# ---------------------------------------------------------------- smp-kiosk records: the kiosk's own database


def test_records_reads_the_database_in_kiosk_json(
    make_store: StoreFactory,
    database_url: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data-front"
    store = make_store()
    first = started("Zorabel")
    store.record(state(first, 2, VisitStep.CALENDAR, VisitOutcome.WALKED_AWAY, calendar_made=True))
    store.record(started("Ben", 4))
    store.close()
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(data))
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    url_line = f'database_url = "{database_url}"\n' if database_url else ""  # what the kiosk was set up with
    data.mkdir(parents=True, exist_ok=True)
    (data / "kiosk.toml").write_text(url_line + 'kiosk_id = "front"\n', encoding="utf-8")
    assert main(["records", "--from", NOW.date().isoformat()]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "Zorabel K." in lines[0] and "walked away at: calendar" in lines[0]
    assert "Ben K." in lines[1] and "in progress: before-care" in lines[1]
    assert main(["records", "--from", NOW.date().isoformat(), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["first_name"], r["outcome"], r["step"], r["calendar_made"]) for r in listed] == [
        ("Zorabel", "walked-away", "calendar", True),
        ("Ben", "in-progress", "before-care", False),
    ]


def test_records_says_in_one_line_when_the_kiosks_database_cannot_be_reached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    (tmp_path / "data").mkdir()
    url = f"postgresql://kiosk:secret@127.0.0.1:{free_port()}/clinic"
    (tmp_path / "data" / "kiosk.toml").write_text(f'database_url = "{url}"\n', encoding="utf-8")
    assert main(["records", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.strip().splitlines()
    assert "server" in line and "127.0.0.1" in line and "secret" not in line and "Traceback" not in line
