"""The check-in state machine: every transition, back keeps answers, wipe forgets everything, the error step."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kiosk.core import flow as f
from kiosk.core.flow import CarePageKind, Flow, PdfStatus, Step
from kiosk.core.protocol import load_protocol
from kiosk.core.visit import HairAnswer, Visit, clean_name

TODAY = dt.date(2026, 11, 24)
PROTOCOL = load_protocol("smp")


def make_flow() -> Flow:
    return Flow(PROTOCOL, default_language="en", languages=("en", "de", "ar"), today=lambda: TODAY)


def walk_to(flow: Flow, step: Step) -> None:
    """Drive a flow from welcome to `step` the way a client would."""
    order = [
        Step.WELCOME,
        Step.NAME,
        Step.SESSION,
        Step.BEFORE_CARE,
        Step.REVIEW,
        Step.CALENDAR,
        Step.HANDOVER,
        Step.FINISH,
    ]
    actions: dict[Step, list[f.Event]] = {
        Step.WELCOME: [f.ChooseLanguage("de"), f.CheckIn()],
        Step.NAME: [f.SetName("Amira", "Haddad"), f.Next()],
        Step.SESSION: [f.SetSession(2), f.AddPlannedDate(TODAY + dt.timedelta(days=14)), f.Next()],
        Step.BEFORE_CARE: [f.AnswerMoisturised(True), f.ChooseHair("long")],  # a "yes" answer goes straight on
        Step.REVIEW: [f.Next()],
        Step.CALENDAR: [f.PdfReady(flow.generation + 1), f.Next()],
        Step.HANDOVER: [f.Next()],
    }
    for current in order[: order.index(step)]:
        assert flow.step is current
        for event in actions[current]:
            flow.handle(f.PdfReady(flow.generation) if isinstance(event, f.PdfReady) else event)
    assert flow.step is step


def state(flow: Flow) -> tuple[Step, PdfStatus]:
    """The step and PDF status, read through a call so that type checkers do not keep an earlier narrowing."""
    return flow.step, flow.pdf


def test_care_pages_follow_the_protocol() -> None:
    kinds = [page.kind for page in f.care_pages(PROTOCOL)]
    assert kinds == [CarePageKind.MOISTURISED, CarePageKind.HAIR]
    assert [item.id for item in f.care_notes(PROTOCOL)] == ["relax"]  # read on the review screen
    hair_page = f.care_pages(PROTOCOL)[1]
    assert {item.id for item in hair_page.items} == {"buzz-cut", "keep-length"}


def test_a_fresh_flow_is_on_welcome_in_the_default_language() -> None:
    flow = make_flow()
    assert flow.step is Step.WELCOME
    assert flow.visit.language == "en"
    assert flow.visit.session_date == TODAY
    assert flow.visit.is_blank("en")


def test_the_whole_way_through() -> None:
    flow = make_flow()
    walk_to(flow, Step.FINISH)
    assert flow.visit.language == "de"
    assert flow.visit.display_name == "Amira Haddad"
    assert flow.visit.session_number == 2
    assert flow.visit.session_dates() == [TODAY, TODAY + dt.timedelta(days=14)]
    assert flow.visit.moisturised is True
    assert flow.visit.hair == "long"
    assert flow.pdf is PdfStatus.READY


def test_language_must_be_offered() -> None:
    flow = make_flow()
    assert flow.handle(f.ChooseLanguage("xx"))
    assert flow.visit.language == "en"


def test_first_name_is_required_and_last_name_is_not() -> None:
    flow = make_flow()
    walk_to(flow, Step.NAME)
    flow.handle(f.SetName("   ", "Haddad"))
    flow.handle(f.Next())
    assert flow.step is Step.NAME
    assert flow.problem == "Please type your first name."
    flow.handle(f.SetName("Amira ", ""))
    assert flow.problem == ""
    assert flow.visit.first_name == "Amira "  # as typed, while typing
    flow.handle(f.Next())
    assert state(flow) == (Step.SESSION, PdfStatus.NONE)
    assert flow.visit.first_name == "Amira"


def test_names_are_cleaned() -> None:
    assert clean_name("  Jo\x00hn \n  Paul ") == "John Paul"  # a control character is dropped, a line break is a space
    assert len(clean_name("x" * 500)) == 60


def test_session_dates_are_checked() -> None:
    flow = make_flow()
    walk_to(flow, Step.SESSION)
    flow.handle(f.SetSessionDate(TODAY + dt.timedelta(days=3 * 365)))
    assert flow.problem == "Please check the year of your session."
    assert flow.visit.session_date == TODAY
    flow.handle(f.AddPlannedDate(TODAY))
    assert flow.problem == "A next session must be after this session."
    flow.handle(f.AddPlannedDate(TODAY + dt.timedelta(days=14)))
    assert flow.problem == ""
    flow.handle(f.AddPlannedDate(TODAY + dt.timedelta(days=14)))
    assert flow.problem == "You have already added that date."
    for weeks in (4, 6, 8):
        flow.handle(f.AddPlannedDate(TODAY + dt.timedelta(weeks=weeks)))
    flow.handle(f.AddPlannedDate(TODAY + dt.timedelta(weeks=10)))
    assert flow.problem == "You can add up to four next sessions."
    flow.handle(f.RemovePlannedDate(TODAY + dt.timedelta(weeks=4)))
    assert len(flow.visit.planned_dates) == 3
    # moving the session date later drops planned dates that are no longer after it
    flow.handle(f.SetSessionDate(TODAY + dt.timedelta(weeks=5)))
    assert flow.visit.planned_dates == [TODAY + dt.timedelta(weeks=6), TODAY + dt.timedelta(weeks=8)]
    flow.handle(f.SetSession("touch-up"))
    assert flow.visit.session_number == "touch-up"


def test_before_care_questions_need_an_answer() -> None:
    flow = make_flow()
    walk_to(flow, Step.BEFORE_CARE)
    flow.handle(f.Next())
    assert flow.problem == "Please tap Yes or Not yet."
    assert flow.care_index == 0
    flow.handle(f.ChooseHair("buzz"))  # not on this page
    assert flow.visit.hair is None
    flow.handle(f.AnswerMoisturised(False))  # "not yet" stays on its page, which shows what to do
    assert flow.care_index == 0 and flow.visit.moisturised is False
    flow.handle(f.Next())
    assert flow.care_index == 1
    flow.handle(f.Next())
    assert flow.problem == "Please choose one answer."
    flow.handle(f.ChooseHair("not-yet"))
    assert flow.step is Step.BEFORE_CARE and flow.visit.hair == "buzz"
    flow.handle(f.ChooseHair("buzz"))
    assert state(flow)[0] is Step.REVIEW
    flow.handle(f.Next())
    assert state(flow) == (Step.CALENDAR, PdfStatus.MAKING)


def test_the_review_changes_one_answer_and_comes_straight_back() -> None:
    flow = make_flow()
    walk_to(flow, Step.REVIEW)
    changes: list[tuple[str, Step, list[f.Event]]] = [
        ("name", Step.NAME, [f.SetName("Amy", ""), f.Next()]),
        ("session", Step.SESSION, [f.SetSession(3), f.Next()]),
        ("moisturised", Step.BEFORE_CARE, [f.AnswerMoisturised(False), f.Next()]),
        ("hair", Step.BEFORE_CARE, [f.ChooseHair("buzz")]),
    ]
    for answer, step, then in changes:
        flow.handle(f.ChangeAnswer(answer))  # type: ignore[arg-type]
        assert flow.step is step
        for event in then:
            flow.handle(event)
        assert flow.step is Step.REVIEW, answer
    assert (flow.visit.first_name, flow.visit.session_number) == ("Amy", 3)
    assert (flow.visit.moisturised, flow.visit.hair) == (False, "buzz")
    flow.handle(f.Next())
    assert flow.step is Step.CALENDAR and not flow.reviewing


def test_asking_for_help_works_on_every_step_and_the_wipe_forgets_it() -> None:
    flow = make_flow()
    walk_to(flow, Step.SESSION)
    assert flow.handle(f.AskForHelp("session")) and flow.help and flow.help_screen == "session"
    assert flow.handle(f.Next()) and flow.step is Step.BEFORE_CARE  # the client can carry on meanwhile
    assert flow.handle(f.CloseHelp()) and not flow.help
    flow.handle(f.AskForHelp("before-care"))
    flow.wipe()
    assert not flow.help and flow.help_screen == ""


def test_back_from_every_step_keeps_every_answer() -> None:
    flow = make_flow()
    walk_to(flow, Step.FINISH)
    answers = dataclasses.asdict(flow.visit)
    expected = [Step.HANDOVER, Step.CALENDAR, Step.REVIEW, *[Step.BEFORE_CARE] * 2, Step.SESSION, Step.NAME]
    for step in [*expected, Step.WELCOME]:
        flow.handle(f.Back())
        assert flow.step is step
        assert dataclasses.asdict(flow.visit) == answers
    assert flow.handle(f.Back()) is False  # nothing before welcome
    walk_to(flow, Step.FINISH)  # forward again: the same answers, re-entered the same way
    assert dataclasses.asdict(flow.visit) == answers


def test_stale_pdf_results_are_ignored() -> None:
    flow = make_flow()
    walk_to(flow, Step.CALENDAR)
    old = flow.generation
    flow.handle(f.Back())
    flow.handle(f.Next())
    assert flow.step is Step.CALENDAR and flow.generation > old
    assert flow.handle(f.PdfReady(old)) is False
    assert flow.pdf is PdfStatus.MAKING
    assert flow.handle(f.Next()) and flow.step is Step.CALENDAR  # no finishing before the calendar is there
    flow.handle(f.PdfReady(flow.generation))
    assert state(flow) == (Step.CALENDAR, PdfStatus.READY)


def test_a_failed_pdf_goes_to_the_error_step_and_retry_comes_back() -> None:
    flow = make_flow()
    walk_to(flow, Step.CALENDAR)
    flow.handle(f.PdfFailed(flow.generation, "disk full"))
    assert flow.step is Step.ERROR and flow.error == "disk full" and flow.pdf is PdfStatus.NONE
    flow.handle(f.Retry())
    assert state(flow) == (Step.CALENDAR, PdfStatus.MAKING) and flow.error == ""
    flow.handle(f.PdfFailed(flow.generation, "again"))
    flow.handle(f.Back())
    assert state(flow) == (Step.REVIEW, PdfStatus.NONE) and flow.visit.first_name == "Amira"


def test_an_impossible_schedule_goes_to_the_error_step() -> None:
    flow = make_flow()
    walk_to(flow, Step.BEFORE_CARE)
    flow.visit.planned_dates = [TODAY + dt.timedelta(days=n) for n in range(1, 8)]  # more than max_sessions
    flow.handle(f.AnswerMoisturised(True))
    flow.handle(f.ChooseHair("buzz"))
    flow.handle(f.Next())
    assert flow.step is Step.ERROR and "at most 6" in flow.error


@pytest.mark.parametrize("step", [Step.NAME, Step.SESSION, Step.BEFORE_CARE, Step.CALENDAR, Step.FINISH])
def test_inactivity_warns_then_wipes(step: Step) -> None:
    flow = make_flow()
    walk_to(flow, step)
    flow.handle(f.InactivityWarning())
    assert flow.warning
    assert flow.handle(f.Back()) is False  # the warning must be answered first
    flow.handle(f.StillHere())
    assert not flow.warning and flow.step is step and flow.visit.first_name in ("", "Amira")
    flow.handle(f.InactivityWarning())
    flow.handle(f.InactivityTimeout())
    assert_wiped(flow)


def test_finish_wipes() -> None:
    flow = make_flow()
    walk_to(flow, Step.FINISH)
    before = flow.generation
    flow.handle(f.Finish())
    assert_wiped(flow)
    assert flow.generation > before
    assert flow.wipes == 1


def test_inactivity_on_welcome_only_resets_a_changed_language() -> None:
    flow = make_flow()
    assert flow.handle(f.InactivityWarning()) is False
    flow.handle(f.ChooseLanguage("ar"))
    assert flow.handle(f.InactivityWarning())
    assert not flow.warning
    assert_wiped(flow)


def test_a_pdf_finishing_after_a_wipe_is_dropped() -> None:
    flow = make_flow()
    walk_to(flow, Step.CALENDAR)
    pending = flow.generation
    flow.handle(f.InactivityTimeout())
    assert flow.handle(f.PdfReady(pending)) is False
    assert flow.handle(f.PdfFailed(pending, "late")) is False
    assert_wiped(flow)


def test_the_wipe_uses_a_fresh_today() -> None:
    days = iter([TODAY, TODAY + dt.timedelta(days=1)])
    flow = Flow(PROTOCOL, default_language="en", languages=("en",), today=lambda: next(days))
    flow.wipe()
    assert flow.visit.today == flow.visit.session_date == TODAY + dt.timedelta(days=1)


def assert_wiped(flow: Flow) -> None:
    assert flow.step is Step.WELCOME
    assert flow.visit == Visit(language="en", today=TODAY)
    assert (flow.care_index, flow.warning, flow.pdf, flow.problem, flow.error) == (0, False, PdfStatus.NONE, "", "")


def test_events_that_do_not_fit_are_ignored() -> None:
    flow = make_flow()
    for event in (f.Next(), f.Finish(), f.Retry(), f.SetName("x", "y"), f.AnswerMoisturised(True), f.StillHere()):
        assert flow.handle(event) is False
    assert flow.step is Step.WELCOME and flow.visit.first_name == ""


def test_handover_keeps_the_pdf_both_ways() -> None:
    flow = make_flow()
    walk_to(flow, Step.HANDOVER)
    generation = flow.generation
    assert flow.handle(f.Back()) and state(flow) == (Step.CALENDAR, PdfStatus.READY)
    assert flow.handle(f.Next()) and state(flow) == (Step.HANDOVER, PdfStatus.READY)
    assert flow.handle(f.Next()) and state(flow) == (Step.FINISH, PdfStatus.READY)
    assert flow.handle(f.Back()) and state(flow) == (Step.HANDOVER, PdfStatus.READY)
    assert flow.generation == generation  # no new calendar was asked for: print and codes match the preview
    assert not flow.handle(f.Finish())  # finishing happens on the finish screen only
    assert flow.step is Step.HANDOVER


def test_handover_is_a_progress_step_between_calendar_and_finish() -> None:
    steps = list(f.PROGRESS_STEPS)
    assert steps.index(Step.HANDOVER) == steps.index(Step.CALENDAR) + 1 == steps.index(Step.FINISH) - 1


@pytest.mark.parametrize(("answer", "plan"), [("buzz", "buzz"), ("long", "long"), ("not-yet", "buzz")])
def test_hair_answer_kept_and_not_yet_plans_a_buzz_cut(answer: HairAnswer, plan: str) -> None:
    flow = make_flow()
    walk_to(flow, Step.BEFORE_CARE)
    flow.handle(f.AnswerMoisturised(True))
    flow.handle(f.ChooseHair(answer))
    assert flow.visit.hair_answer == answer
    assert flow.visit.hair == plan  # the calendar follows the buzz-cut branch for "not yet"
    flow.handle(f.Back())
    assert flow.visit.hair_answer == answer  # back keeps the answer
    flow.wipe()
    assert flow.visit.hair_answer is None and flow.visit.hair is None
