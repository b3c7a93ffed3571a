"""VisitRecorder: a visit's record starts once the client has a first name and a session, is written again only
when something it holds changed (with a rising revision), and ends finished or walked away where the client was."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.core import flow as f
from kiosk.core.flow import Flow, PdfStatus, Step
from kiosk.core.visit_record import (
    OUTCOME_TEXTS,
    STEP_TEXTS,
    VisitOutcome,
    VisitProgress,
    VisitRecorder,
    VisitStep,
    state_text,
)
from kiosk.i18n import translations
from tests.core.test_flow import make_flow, walk_to

START = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def follow(recorder: VisitRecorder, flow: Flow) -> VisitProgress | None:
    return recorder.follow(flow.step, flow.visit, None, calendar_ready=flow.pdf is PdfStatus.READY)


def test_no_record_before_the_session_is_chosen() -> None:
    flow, recorder = make_flow(), VisitRecorder(lambda: START)
    for step in (Step.WELCOME, Step.NAME, Step.SESSION):
        walk_to(flow, step)
        assert follow(recorder, flow) is None
        flow.wipe()
    assert not recorder.open
    walk_to(flow, Step.SESSION)
    assert recorder.end(flow.step, flow.visit, None, finished=False) is None  # walked away: nothing to write


def test_one_uid_rising_revisions_and_a_write_only_on_change() -> None:
    flow, recorder = make_flow(), VisitRecorder(lambda: START)
    walk_to(flow, Step.BEFORE_CARE)
    first = follow(recorder, flow)
    assert first is not None and (first.revision, first.step, first.outcome) == (
        1,
        VisitStep.BEFORE_CARE,
        VisitOutcome.IN_PROGRESS,
    )
    assert first.started_at == START and first.visit.first_name == "Amira" and not first.calendar_made
    assert follow(recorder, flow) is None  # nothing changed: nothing to write
    flow.handle(f.AnswerMoisturised(True))
    answered = follow(recorder, flow)
    assert answered is not None and answered.revision == 2 and answered.visit.moisturised is True
    flow.handle(f.ChooseHair("long"))
    flow.handle(f.Next())
    flow.handle(f.PdfReady(flow.generation))
    ready = follow(recorder, flow)
    assert ready is not None and (ready.step, ready.calendar_made) == (VisitStep.CALENDAR, True)
    recorder.handed_over("print")
    printed = follow(recorder, flow)
    assert printed is not None and printed.printed and not printed.emailed
    ended = recorder.end(flow.step, flow.visit, None, finished=False)
    assert ended is not None and ended.uid == first.uid and ended.revision == printed.revision + 1
    assert (ended.outcome, ended.step, ended.calendar_made) == (VisitOutcome.WALKED_AWAY, VisitStep.CALENDAR, True)
    assert not recorder.open  # the next client gets a new record


def test_the_next_visit_is_a_new_record() -> None:
    flow, recorder = make_flow(), VisitRecorder()
    walk_to(flow, Step.FINISH)
    first = follow(recorder, flow)
    done = recorder.end(flow.step, flow.visit, None, finished=True)
    assert first is not None and done is not None and done.outcome is VisitOutcome.FINISHED
    flow.wipe()
    walk_to(flow, Step.BEFORE_CARE)
    second = follow(recorder, flow)
    assert second is not None and second.uid != first.uid and second.revision == 1


@pytest.mark.parametrize("outcome", list(VisitOutcome))
def test_every_state_has_words_for_staff(outcome: VisitOutcome) -> None:
    assert set(STEP_TEXTS) == set(VisitStep) and set(OUTCOME_TEXTS) == set(VisitOutcome)
    text = state_text(outcome, VisitStep.HANDOVER)
    assert ("print or email" in text) == (outcome is not VisitOutcome.FINISHED)
    german = state_text(outcome, VisitStep.HANDOVER, translations("de").gettext)  # both parts translated
    assert (
        german
        == {
            VisitOutcome.IN_PROGRESS: "läuft: Drucken oder E-Mail",
            VisitOutcome.FINISHED: "fertig",
            VisitOutcome.WALKED_AWAY: "gegangen bei: Drucken oder E-Mail",
        }[outcome]
    )
