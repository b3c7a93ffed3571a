"""QR codes as a matrix of modules, drawn as vector squares by the PDF and by the kiosk screen.

zxing-cpp encodes a code in well under a millisecond (pure-Python encoders take ~10 ms a code).
"""

from __future__ import annotations

import zxingcpp

from kiosk.errors import UserError

ERROR_CORRECTION = "M"  # 15 % of the code may be damaged: a printed page survives a fold or a smudge


def qr_matrix(data: bytes) -> list[list[bool]]:
    """The QR code for `data` (byte mode) as rows of modules, True = dark; no quiet zone around it."""
    if not data:
        raise UserError("a QR code needs some data to hold")
    try:
        barcode = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_CORRECTION)
    except ValueError as exc:
        raise UserError(f"the QR code cannot hold {len(data)} bytes ({exc})") from None
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    rows: list[list[int]] = memoryview(image).tolist()  # type: ignore[arg-type, assignment]  # 2-D buffer
    return [[value < 128 for value in row] for row in rows]
