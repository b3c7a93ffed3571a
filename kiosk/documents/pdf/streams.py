"""PDF streams made once per process and written as they are into every calendar.

The pictogram forms and the font subsets are the same bytes in calendar after calendar: ReportLab would
build, deflate and format them again for each document (a few milliseconds), so they are deflated once
here and handed to ReportLab as finished objects.
"""

from __future__ import annotations

import zlib
from typing import Any

from reportlab.pdfbase.pdfdoc import BasicFonts, PDFObject, xObjectName

LEVEL = 9  # made once and kept: the smallest deflate costs nothing per document
_FORM = xObjectName("")  # ReportLab's prefix of form and image names
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
    level when it writes the file): a calendar's pages are about 70 KB of operators, deflated for every one.
    The pages also share one resource dictionary (_Resources), written once instead of once a page."""
    add_page = document.addPage
    resources = _Resources()

    def add_deflated_page(page: Any) -> None:
        if page.stream and not page.Contents:
            data = page.stream.encode("utf-8")  # as ReportLab encodes it (the operators are ASCII)
            page.Contents = document.Reference(Preformatted(flate_stream("", data, PAGE_LEVEL)))
        if not page.Resources:
            page.Resources = document.Reference(resources)
        add_page(page)

    document.addPage = add_deflated_page


class _Resources(PDFObject):  # type: ignore[misc]  # ReportLab has no type hints
    """The resource dictionary of every page: the fonts, and every form and image of the document by name
    (a page may list one it does not draw). Written when ReportLab writes the file, when all are known."""

    def format(self, document: Any) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        forms = " ".join(f"/{name} {numbers[name][0]} 0 R" for name in sorted(numbers) if name.startswith(_FORM))
        fonts = numbers[BasicFonts][0]
        return f"<< /Font {fonts} 0 R /ProcSet [ /PDF /Text /ImageB /ImageC /ImageI ] /XObject << {forms} >> >>".encode(
            "latin-1"
        )
