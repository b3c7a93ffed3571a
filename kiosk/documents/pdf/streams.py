"""PDF streams made once per process and written as they are into every calendar.

The pictogram forms and the font subsets are the same bytes in calendar after calendar: ReportLab would
build, deflate and format them again for each document (a few milliseconds), so they are deflated once
here and handed to ReportLab as finished objects.
"""

from __future__ import annotations

import zlib
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFObject

LEVEL = 9  # made once and kept: the smallest deflate costs nothing per document


class Preformatted(PDFObject):  # type: ignore[misc]  # ReportLab has no type hints
    """An indirect object whose whole text (dictionary and stream) was written before."""

    def __init__(self, text: bytes) -> None:
        self.text = text

    def format(self, document: Any) -> bytes:
        return self.text


def flate_stream(entries: str, data: bytes) -> bytes:
    """A deflated stream object: `entries` are the dictionary's other keys, as PDF text."""
    packed = zlib.compress(data, LEVEL)
    head = f"<< {entries} /Filter /FlateDecode /Length {len(packed)} >>".encode("latin-1")
    return head + b"\nstream\n" + packed + b"\nendstream\n"
