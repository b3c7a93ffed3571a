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


def test_a_call_rings_only_in_its_own_branch_on_a_shared_database(make_store: StoreFactory, clock: Clock) -> None:
    north_desk, north_back = make_store("front", branch="north"), make_store("north-back", branch="north")
    south = make_store("south", branch="south")
    assert north_desk.ask_for_help("north-desk", "session")
    assert south.ask_for_help("south-desk", "finish")
    [north_call] = north_back.todays_help_requests(dt.UTC)  # the other kiosk of the branch sees it
    assert (north_call.kiosk_id, north_call.screen) == ("north-desk", "session")
    [south_call] = south.todays_help_requests(dt.UTC)  # and not the other branch's staff screen
    assert south_call.kiosk_id == "south-desk"
    south.answer_help_request(north_call.id)  # another branch cannot answer it
    assert north_desk.todays_help_requests(dt.UTC)[0].waiting
    north_back.answer_help_request(north_call.id)
    assert not north_desk.todays_help_requests(dt.UTC)[0].waiting
    assert south.todays_help_requests(dt.UTC)[0].waiting
