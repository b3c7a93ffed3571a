"""Calls for help travel through the database: one kiosk asks, every kiosk's staff screen sees it, one answers."""

from __future__ import annotations

import datetime as dt

from tests.store.conftest import Clock, StoreFactory


def test_a_call_from_one_kiosk_shows_on_the_others_and_is_answered_once(make_store: StoreFactory, clock: Clock) -> None:
    front, back = make_store("front"), make_store("back")
    assert front.ask_for_help("front", "before-care")
    clock.now += dt.timedelta(minutes=2)
    assert back.ask_for_help("back", "session")
    [newest, first] = front.todays_help_requests(dt.UTC)
    assert (newest.kiosk_id, newest.screen, newest.waiting) == ("back", "session", True)
    assert (first.kiosk_id, first.screen) == ("front", "before-care")
    assert first.requested_at == clock.now - dt.timedelta(minutes=2)
    back.answer_help_request(first.id)
    answered = {call.id: call for call in front.todays_help_requests(dt.UTC)}
    assert not answered[first.id].waiting and answered[newest.id].waiting
    clock.now += dt.timedelta(days=1)  # tomorrow's list starts empty
    assert front.todays_help_requests(dt.UTC) == []
