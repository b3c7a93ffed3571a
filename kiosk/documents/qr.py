"""QR codes as a matrix of modules, drawn as vector squares by the PDF and by the kiosk screen.

zxing-cpp encodes a code in well under a millisecond (pure-Python encoders take ~10 ms a code).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

import zxingcpp

from kiosk.errors import UserError

_DARK = bytes(1 if value < 128 else 0 for value in range(256))
ERROR_CORRECTION = "M"  # 15 % of the code may be damaged: a printed page survives a fold or a smudge
ECI_UTF8 = 26  # the code says its bytes are UTF-8: readers that would guess (zbar) get "Zurück" right


@lru_cache(maxsize=64)
def qr_modules(data: bytes) -> tuple[int, bytes]:
    """The QR code for UTF-8 `data` (byte mode behind an ECI UTF-8 marker) as (modules per side, one byte per
    module row by row, 1 = dark).

    Kept for the next calls (a code costs about half a millisecond): the kiosk screen shows the same codes as
    the PDF, and a calendar printed, sent and saved again reuses them. The payloads hold a client's plan, so
    the kiosk forgets them at every wipe (`forget_codes`)."""
    if not data:
        raise UserError("a QR code needs some data to hold")
    try:
        barcode = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_CORRECTION, eci=ECI_UTF8)
    except ValueError as exc:
        raise UserError(f"the QR code cannot hold {len(data)} bytes ({exc})") from None
    image = barcode.to_image(scale=1, add_quiet_zones=False)  # 0 = dark, 255 = light
    # A 2-D buffer of bytes. The wheel for Python 3.12+ declares Image.__buffer__ and the 3.11 one does not, so
    # mypy would disagree between the two Pythons the lock covers.
    pixels = memoryview(cast(Any, image))
    return pixels.shape[0], bytes(pixels).translate(_DARK)  # type: ignore[index]


@lru_cache(maxsize=64)
def mask_hex(modules: tuple[int, bytes]) -> str:
    """A code's modules as rows of bits (1 = dark), each row padded to whole bytes, in hex: a PDF image mask."""
    count, rows = modules
    hex_rows = []
    pad = "0" * (-count % 8)
    for row in range(count):
        bits = rows[row * count : (row + 1) * count].translate(_BITS).decode("ascii") + pad
        hex_rows.append(f"{int(bits, 2):0{len(bits) // 4}X}")
    return "".join(hex_rows)


_BITS = bytes.maketrans(b"\x00\x01", b"01")


def forget_codes() -> None:
    qr_modules.cache_clear()
    mask_hex.cache_clear()


def cached_code_count() -> int:
    return qr_modules.cache_info().currsize + mask_hex.cache_info().currsize


def qr_matrix(data: bytes) -> list[list[bool]]:
    """The QR code for `data` (byte mode) as rows of modules, True = dark; no quiet zone around it."""
    size, modules = qr_modules(data)
    return [[bool(value) for value in modules[row * size : (row + 1) * size]] for row in range(size)]
