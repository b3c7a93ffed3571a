"""Every visit is recorded as it happens, driven through the real screens offscreen: a client walks away at each
step (the real inactivity timeout, set short), and afterwards the record, the staff screen and `smp-kiosk records`
say where they stopped; visits in progress on another kiosk show on the staff screen within 3 seconds, and stay
listed while the database is away (PostgreSQL stopped for real)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.cli import main
from kiosk.core.visit_record import VisitOutcome, VisitStep
from kiosk.store import CheckIn, CheckInStore, CheckInSummary, Flag
from kiosk.ui.app import KioskApp
from tests.store.conftest import postgres  # noqa: F401 - the private PostgreSQL server, shared with tests/store
from tests.store.postgres_server import PostgresServer
from tests.ui.conftest import Driver, read_property
from tests.ui.test_kiosk_flow import assert_no_trace
from tests.ui.test_receipt_screen import turn_receipt_on
from tests.ui.test_staff_screen import FIRST, LAST, open_staff_screen

LIVE_MSECS = 3500  # the staff list is read every 3 seconds
STATE_TEXTS = {
    "before-care": "walked away at: before-care questions",
    "calendar": "walked away at: calendar",
    "handover": "walked away at: print or email",
    "receipt": "walked away at: signed receipt",
}


def walk_to(drive: Driver, step: str) -> None:
    """A client's way by touch up to `step`, where they stop: moisturised "yes", hair "not yet"."""
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.type_keys(FIRST)
    drive.tap("lastNameField")
    drive.type_keys(LAST)
    for here, after in (("name", "session"), ("session", "before-care")):
        if step == here:
            return
        drive.tap("nextButton")
        drive.wait_step(after)
    drive.tap("moisturisedYes")
    if step == "before-care":
        return
    drive.tap("hair_not-yet")
    while read_property(drive.kiosk.model, "step") == "before-care":
        drive.tap("nextButton")
    drive.wait_step("review")
    drive.tap("nextButton")  # Make my calendar
    drive.wait_step("calendar")
    drive.qtbot.waitUntil(lambda: read_property(drive.kiosk.model, "pdfStatus") == "ready", timeout=30_000)
    for here, after in (("calendar", "handover"), ("handover", "receipt")):
        if step == here:
            return
        drive.tap("nextButton")
        drive.wait_step(after)


def todays(data_dir: Path) -> list[CheckInSummary]:
    store = CheckInStore(data_dir=data_dir)
    try:
        return store.todays_checkins()
    finally:
        store.close()


@pytest.mark.parametrize("step", ["before-care", "calendar", "handover", "receipt"])
@pytest.mark.slow
def test_a_client_who_walks_away_is_recorded_where_they_stopped(
    qtbot: QtBot,
    make_kiosk: Callable[..., KioskApp],
    data_dir: Path,
    step: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if step == "receipt":
        turn_receipt_on()
    kiosk = make_kiosk(inactivity=1, warning=2)
    qtbot.waitUntil(lambda: kiosk.model.flow.receipt_required == (step == "receipt"), timeout=10_000)
    drive = Driver(qtbot, kiosk)
    walk_to(drive, step)
    # Before the walk-away: the visit is already on record, in progress, where the client is.
    qtbot.waitUntil(lambda: [s.step.value for s in todays(data_dir)] == [step], timeout=10_000)
    [during] = todays(data_dir)
    assert during.outcome is VisitOutcome.IN_PROGRESS and during.display_name == f"{FIRST} {LAST[0]}."
    with qtbot.waitSignal(kiosk.staff.bridge.recorded, timeout=15_000):
        drive.wait_step("welcome", timeout=10_000)
    assert_no_trace(kiosk)  # the record is written; the kiosk itself keeps nothing

    [record] = todays(data_dir)  # one record for the visit, never two
    assert (record.uid, record.outcome, record.step) == (during.uid, VisitOutcome.WALKED_AWAY, VisitStep(step))
    assert record.moisturised is True and Flag.NOT_BUZZ_CUT in record.flags
    assert record.calendar_made == (step != "before-care")  # the walk waits for the calendar to show
    assert (record.first_name, record.last_initial) == (FIRST, LAST[0])  # minimal data stays minimal

    open_staff_screen(drive)
    qtbot.waitUntil(lambda: drive.has("staffState0"), timeout=10_000)
    assert drive.text("staffState0") == STATE_TEXTS[step]
    assert "not buzz cut yet" in drive.text("staffFlags0")
    drive.tap("staffBack")

    assert main(["records", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert (listed["first_name"], listed["outcome"], listed["step"]) == (FIRST, "walked-away", step)
    assert main(["records"]) == 0
    assert STATE_TEXTS[step] in capsys.readouterr().out


@pytest.mark.slow
def test_a_client_who_leaves_before_choosing_a_session_leaves_no_record(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], data_dir: Path
) -> None:
    kiosk = make_kiosk(inactivity=1, warning=2)
    drive = Driver(qtbot, kiosk)
    walk_to(drive, "session")
    drive.wait_step("welcome", timeout=10_000)
    kiosk.staff.bridge.wait()
    assert todays(data_dir) == []
    assert_no_trace(kiosk)


@pytest.mark.slow
def test_a_finished_visit_is_one_record_that_says_finished(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], data_dir: Path
) -> None:
    kiosk = make_kiosk()
    drive = Driver(qtbot, kiosk)
    walk_to(drive, "handover")
    drive.tap("nextButton")
    drive.wait_step("finish")
    with qtbot.waitSignal(kiosk.staff.bridge.recorded, timeout=15_000):
        drive.tap("nextButton")
    [record] = todays(data_dir)
    assert (record.outcome, record.step, record.calendar_made) == (VisitOutcome.FINISHED, VisitStep.FINISH, True)
    open_staff_screen(drive)
    qtbot.waitUntil(lambda: drive.has("staffState0"), timeout=10_000)
    assert drive.text("staffState0") == "finished"


def other_kiosk_visit(name: str, revision: int, step: VisitStep, outcome: VisitOutcome, uid: str = "") -> CheckIn:
    visit = CheckIn.create(
        first_name=name,
        last_name="Vale",
        session=2,
        session_date=dt.date.today(),
        language="en",
        moisturised=None,
        hair=None,
        kiosk_id="side-door",
        step=step,
        outcome=outcome,
        calendar_made=step is not VisitStep.BEFORE_CARE,
        revision=revision,
    )
    return dataclasses.replace(visit, uid=uid) if uid else visit


@pytest.mark.slow
def test_the_staff_screen_is_live_and_keeps_its_list_while_the_database_is_away(
    qtbot: QtBot,
    postgres: PostgresServer,  # noqa: F811
    make_kiosk: Callable[..., KioskApp],
    data_dir: Path,
) -> None:
    name = postgres.create_database()
    url = postgres.url(name)
    (data_dir / "kiosk.toml").write_text(f'database_url = "{url}"\nkiosk_id = "front-desk"\n', encoding="utf-8")
    side = CheckInStore(url, data_dir=data_dir / "side", fallback_dir=data_dir / "side-fallback")
    try:
        kiosk = make_kiosk()
        drive = Driver(qtbot, kiosk)
        open_staff_screen(drive)
        qtbot.waitUntil(lambda: read_property(kiosk.staff, "loaded"), timeout=10_000)
        assert not drive.has("staffState0")

        started = other_kiosk_visit("Orla", 1, VisitStep.BEFORE_CARE, VisitOutcome.IN_PROGRESS)
        side.record(started)  # a client on the other kiosk, mid-visit
        qtbot.waitUntil(lambda: drive.has("staffState0"), timeout=LIVE_MSECS)
        assert drive.text("staffName0") == "Orla V."
        assert drive.text("staffState0") == "in progress: before-care questions"
        side.record(other_kiosk_visit("Orla", 2, VisitStep.CALENDAR, VisitOutcome.WALKED_AWAY, started.uid))
        qtbot.waitUntil(lambda: drive.text("staffState0") == "walked away at: calendar", timeout=LIVE_MSECS)
        assert "not buzz cut yet" in drive.text("staffFlags0")

        postgres.stop("fast")
        try:
            qtbot.waitUntil(lambda: "server" in read_property(kiosk.staff, "health"), timeout=LIVE_MSECS * 2)
            qtbot.wait(3500)  # another read while the server is away: the list stays
            assert drive.text("staffName0") == "Orla V."
            assert drive.text("staffState0") == "walked away at: calendar"
            assert "not buzz cut yet" in drive.text("staffFlags0")
        finally:
            postgres.start()
        qtbot.waitUntil(lambda: read_property(kiosk.staff, "health") == "", timeout=LIVE_MSECS * 3)
        drive.tap("staffBack")
    finally:
        side.close()
        postgres.drop_database(name)
