"""What the kiosk model makes of the signature pad's strokes: points only (whatever else QML sends goes), the
store's limits, and the JSON the check-in keeps (none for a stray tap)."""

from __future__ import annotations

import json

from kiosk.core.flow import PadSignature
from kiosk.store import Signature
from kiosk.store.receipt import MAX_POINTS, MAX_STROKES
from kiosk.ui.signature_pad import pad_signature, signature_json


def test_only_points_are_kept() -> None:
    odd = ["x", [1], [1, 2, 3], [True, 2.0], [None, 1], [float("nan"), 1.0], [1.0, float("inf")]]
    strokes = [[[1, 2], [3.5, 4.5], *odd], "junk", [], [[10, 10]]]
    signature = pad_signature(300.0, 100.0, strokes)
    assert signature == PadSignature(300.0, 100.0, (((1.0, 2.0), (3.5, 4.5)), ((10.0, 10.0),)))
    assert pad_signature(300.0, 100.0, "not a list").strokes == ()


def test_the_stores_limits_hold() -> None:
    many = [[[float(i), 1.0], [float(i), 2.0]] for i in range(MAX_STROKES + 50)]
    assert len(pad_signature(300.0, 100.0, many).strokes) == MAX_STROKES
    long = [[[float(i % 300), 1.0] for i in range(MAX_POINTS + 10)]]
    assert pad_signature(300.0, 100.0, long).strokes == ()  # one stroke over the limit is not kept whole


def test_the_check_in_keeps_the_stores_json_only_for_a_signature() -> None:
    line = PadSignature(300.0, 100.0, (((10.0, 50.0), (200.0, 60.0)),))
    kept = signature_json(line)
    assert kept is not None
    assert Signature.from_json(kept) == Signature(300.0, 100.0, (((10.0, 50.0), (200.0, 60.0)),))
    assert json.loads(kept)["width"] == 300.0
    assert signature_json(PadSignature(300.0, 100.0, (((10.0, 50.0),),))) is None  # a tap
    assert signature_json(None) is None
