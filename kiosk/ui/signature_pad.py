"""What the QML signature pad sends, made safe: its strokes as the flow keeps them, and as the store keeps them.

QML hands over plain JavaScript arrays; anything that is not a finite [x, y] point is dropped here, and the
limits of kiosk.store.receipt apply, so a stuck finger or a broken pad cannot grow a check-in without bound.
"""

from __future__ import annotations

from kiosk.core.flow import PadSignature
from kiosk.errors import UserError
from kiosk.store.receipt import MAX_POINTS, MAX_STROKES, Signature, finite_number


def pad_signature(width: float, height: float, strokes: object) -> PadSignature:
    """The signature pad's strokes (lists of [x, y] from QML) as the flow keeps them; what is not a point goes."""
    kept: list[tuple[tuple[float, float], ...]] = []
    total = 0
    for stroke in strokes if isinstance(strokes, list) else []:
        points = []
        for point in stroke if isinstance(stroke, list) else []:
            if isinstance(point, list) and len(point) == 2 and all(finite_number(value) for value in point):
                points.append((float(point[0]), float(point[1])))
        total += len(points)
        if points and total <= MAX_POINTS and len(kept) < MAX_STROKES:
            kept.append(tuple(points))
    return PadSignature(width, height, tuple(kept))


def signature_json(signature: PadSignature | None) -> str | None:
    """What the store keeps of a signature (kiosk.store.receipt.Signature), None when there is none."""
    if signature is None or not signature.signed:
        return None
    try:
        return Signature.from_strokes(signature.width, signature.height, signature.strokes).to_json()
    except UserError:
        return None
