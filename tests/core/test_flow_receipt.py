"""The signed-receipt step of the check-in flow: only when the clinic asks, signing needed to go on, Back
keeps the signature, Clear and every wipe forget it, and the progress indicator counts the step."""

from __future__ import annotations

import pytest

from kiosk.core import flow as f
from kiosk.core.flow import MIN_SIGNATURE_LENGTH, PROGRESS_STEPS, Flow, PadSignature, PdfStatus, Step
from tests.core.test_flow import make_flow, walk_to

SIGNATURE = PadSignature(600, 200, (((20.0, 150.0), (120.0, 60.0), (220.0, 140.0)), ((260.0, 100.0), (400.0, 90.0))))
A_TAP = PadSignature(600, 200, (((300.0, 100.0),),))


def step_of(flow: Flow) -> Step:
    """Read through a call so that type checkers do not keep an earlier narrowing."""
    return flow.step


def receipt_flow() -> Flow:
    flow = make_flow()
    flow.receipt_required = True
    walk_to(flow, Step.HANDOVER)
    assert flow.handle(f.Next())
    assert step_of(flow) is Step.RECEIPT
    return flow


def test_without_the_setting_there_is_no_receipt_step() -> None:
    flow = make_flow()
    assert flow.receipt_required is False  # the default: clinics turn it on
    walk_to(flow, Step.HANDOVER)
    flow.handle(f.Next())
    assert step_of(flow) is Step.FINISH
    assert flow.handle(f.Sign(SIGNATURE)) is False  # the pad is not on screen: nothing to sign
    flow.handle(f.Back())
    assert step_of(flow) is Step.HANDOVER
    assert flow.progress_steps == PROGRESS_STEPS and Step.RECEIPT not in flow.progress_steps


def test_the_receipt_comes_after_the_hand_over_and_before_finish() -> None:
    flow = receipt_flow()
    assert flow.handle(f.Sign(SIGNATURE))
    assert flow.signature == SIGNATURE and flow.signed
    assert flow.handle(f.Next())
    assert step_of(flow) is Step.FINISH and flow.signature == SIGNATURE
    assert flow.pdf is PdfStatus.READY


def test_going_on_without_signing_explains_and_stays() -> None:
    flow = receipt_flow()
    assert flow.handle(f.Next())
    assert step_of(flow) is Step.RECEIPT
    assert flow.problem == "Please sign in the box with your finger."
    flow.handle(f.Sign(A_TAP))  # a stray tap is not a signature
    assert A_TAP.length == 0 and not flow.signed
    flow.handle(f.Next())
    assert step_of(flow) is Step.RECEIPT and flow.problem
    flow.handle(f.Sign(SIGNATURE))
    assert flow.problem == ""  # the message goes as soon as the client does something
    flow.handle(f.Next())
    assert step_of(flow) is Step.FINISH


def test_a_short_scribble_is_not_enough_but_a_real_line_is() -> None:
    short = PadSignature(600, 200, (((10.0, 10.0), (10.0 + MIN_SIGNATURE_LENGTH / 2, 10.0)),))
    long = PadSignature(600, 200, (((10.0, 10.0), (10.0 + MIN_SIGNATURE_LENGTH, 10.0)),))
    assert not short.signed and long.signed
    assert not PadSignature(0, 0, long.strokes).signed  # a pad with no size cannot keep a signature


def test_clear_empties_the_pad() -> None:
    flow = receipt_flow()
    flow.handle(f.Sign(SIGNATURE))
    assert flow.handle(f.ClearSignature())
    assert flow.signature is None and not flow.signed
    flow.handle(f.Next())
    assert step_of(flow) is Step.RECEIPT and flow.problem
    flow.handle(f.Sign(PadSignature(600, 200, ())))  # every stroke gone is the same as cleared
    assert flow.signature is None


def test_back_keeps_the_signature_both_ways() -> None:
    flow = receipt_flow()
    flow.handle(f.Sign(SIGNATURE))
    flow.handle(f.Back())
    assert step_of(flow) is Step.HANDOVER and flow.signature == SIGNATURE
    flow.handle(f.Back())
    assert step_of(flow) is Step.CALENDAR and flow.signature == SIGNATURE
    flow.handle(f.Next())
    flow.handle(f.Next())
    assert step_of(flow) is Step.RECEIPT and flow.signature == SIGNATURE
    flow.handle(f.Next())
    flow.handle(f.Back())  # from finish back to the receipt, not past it
    assert step_of(flow) is Step.RECEIPT and flow.signature == SIGNATURE


def test_finish_and_walking_away_forget_the_signature() -> None:
    flow = receipt_flow()
    flow.handle(f.Sign(SIGNATURE))
    flow.handle(f.Next())
    flow.handle(f.Finish())
    assert step_of(flow) is Step.WELCOME and flow.signature is None
    assert flow.receipt_required  # the clinic's setting stays for the next client

    flow = receipt_flow()
    flow.handle(f.Sign(SIGNATURE))
    flow.handle(f.InactivityWarning())
    assert flow.handle(f.Sign(SIGNATURE)) is False  # the warning must be answered first
    flow.handle(f.InactivityTimeout())
    assert step_of(flow) is Step.WELCOME and flow.signature is None and flow.visit.first_name == ""


@pytest.mark.parametrize("required", [False, True])
def test_the_progress_indicator_counts_the_receipt_only_when_asked(required: bool) -> None:
    flow = make_flow()
    flow.receipt_required = required
    expected = [Step.NAME, Step.SESSION, Step.BEFORE_CARE, Step.CALENDAR, Step.HANDOVER]
    expected += [Step.RECEIPT, Step.FINISH] if required else [Step.FINISH]
    assert list(flow.progress_steps) == expected
    walk_to(flow, Step.HANDOVER)
    flow.handle(f.Next())
    assert flow.progress_steps.index(step_of(flow)) == len(expected) - (2 if required else 1)


def test_turned_off_while_a_client_is_on_the_receipt_still_counts_the_step() -> None:
    flow = receipt_flow()
    flow.receipt_required = False  # staff changed the setting behind the PIN meanwhile
    assert Step.RECEIPT in flow.progress_steps
    flow.handle(f.Sign(SIGNATURE))
    flow.handle(f.Next())
    assert step_of(flow) is Step.FINISH
