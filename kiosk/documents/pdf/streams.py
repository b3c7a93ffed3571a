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
PAGE_LEVEL = 1  # made anew for every calendar: half the time of zlib's default, a few per cent larger


class Preformatted(PDFObject):  # type: ignore[misc]  # ReportLab has no type hints
    """An indirect object whose whole text (dictionary and stream) was written before."""

    def __init__(self, text: bytes) -> None:
        self.text = text

    def format(self, document: Any) -> bytes:
        return self.text


def flate_stream(entries: str, data: bytes, level: int = LEVEL) -> bytes:
    """A deflated stream object: `entries` are the dictionary's other keys, as PDF text."""
    packed = zlib.compress(data, level)
    head = f"<< {entries} /Filter /FlateDecode /Length {len(packed)} >>".encode("latin-1")
    return head + b"\nstream\n" + packed + b"\nendstream\n"


def quick_page_streams(document: Any) -> None:
    """Deflate each page's content as the page is added, at PAGE_LEVEL (ReportLab deflates at zlib's default
    level when it writes the file): a calendar's pages are about 70 KB of operators, deflated for every one."""
    add_page = document.addPage

    def add_deflated_page(page: Any) -> None:
        if page.stream and not page.Contents:
            data = page.stream.encode("utf-8")  # as ReportLab encodes it (the operators are ASCII)
            page.Contents = document.Reference(Preformatted(flate_stream("", data, PAGE_LEVEL)))
        add_page(page)

    document.addPage = add_deflated_page
