"""The clinic's logo as every PDF embeds it: small, flattened on white, a JPEG; prepared once per logo file.

Preparing it (Pillow reads the file, scales it down, flattens it, writes an optimised JPEG) costs about 18 ms,
more than the rest of a warm calendar. The result depends only on the logo file's bytes, so it is kept in the
kiosk's cache folder (kiosk.paths.cache_dir) under a hash of those bytes and of the recipe below: a new or edited
logo gets a name of its own, an old entry is never wrong. A cache that cannot be written (read-only disk, another
user's folder) or a damaged entry costs only the time: the logo is prepared again.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from msgspec import Struct

from kiosk.errors import UserError
from kiosk.paths import cache_dir, keep_in_cache

LOGO_PIXELS = 144  # about 230 dpi at 16 mm (180 dpi at large print's 20 mm): sharp on paper
LOGO_QUALITY = 80
_RECIPE = f"logo 1: {LOGO_PIXELS} px, JPEG quality {LOGO_QUALITY}, flattened on white".encode()
_JPEG_START, _JPEG_END = b"\xff\xd8", b"\xff\xd9"


class LogoJpeg(Struct, frozen=True):
    """What ReportLab's drawImage takes in place of an image reader: a JPEG, which it embeds as it is (so
    drawing the logo needs no Pillow), named by its content (the same logo is stored once per PDF)."""

    data: bytes
    digest: str

    def jpeg_fh(self) -> BinaryIO:
        return io.BytesIO(self.data)

    def __str__(self) -> str:  # drawImage names the image by this
        return f"clinic-logo-{self.digest}"


def logo_cache_dir() -> Path:
    return cache_dir() / "logos"


@lru_cache(maxsize=8)
def logo_image(path: Path) -> LogoJpeg:
    """The clinic's logo at print resolution, from the cache when it was prepared before.

    Flattened on white (the page's colour): a page with a soft mask makes CUPS's PostScript step flatten the
    whole page and turn every letter into outlines, so the printed page has no text to search or copy.
    Stored as a JPEG: a third of the bytes of the same pixels deflated; with optimised Huffman tables, a tenth
    fewer bytes for the very same pixels."""
    try:
        source = path.read_bytes()
    except OSError as exc:
        raise UserError(f"clinic logo {path} cannot be read ({exc.strerror})") from None
    digest = hashlib.sha256(_RECIPE + source).hexdigest()[:32]
    cached = logo_cache_dir() / f"{digest}.jpg"
    try:
        data = cached.read_bytes()
    except OSError:
        data = b""
    if not (data.startswith(_JPEG_START) and data.endswith(_JPEG_END)):  # none yet, or cut short
        data = _prepare(source, path)
        keep_in_cache(cached, data)
    return LogoJpeg(data, digest)


def _prepare(source: bytes, path: Path) -> bytes:
    from PIL import Image  # noqa: PLC0415 - only a logo not prepared before needs Pillow's image formats

    try:
        with Image.open(io.BytesIO(source)) as image:
            image.load()
            logo = image.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UserError(f"clinic logo {path} cannot be read as an image ({exc})") from None
    logo.thumbnail((LOGO_PIXELS, LOGO_PIXELS))
    flat = Image.new("RGB", logo.size, "white")
    flat.paste(logo, mask=logo.getchannel("A"))
    data = io.BytesIO()
    flat.save(data, "JPEG", quality=LOGO_QUALITY, optimize=True)
    return data.getvalue()
