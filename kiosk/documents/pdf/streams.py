"""PDF streams made once per process and written as they are into every calendar, and the pages written fast.

The pictogram forms and the font subsets are the same bytes in calendar after calendar: ReportLab would
build, deflate and format them again for each document (a few milliseconds), so they are deflated once
here and handed to ReportLab as finished objects. Each page's content is deflated as the page ends, at
zlib's fastest level, and its dictionary is written as text (quick_page_streams).
"""

from __future__ import annotations

import zlib
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    BasicFonts,
    PDFArray,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFPage,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format

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
    level when it writes the file): a calendar's pages are about 70 KB of operators, deflated for every one.
    A plain page is then written as text (_Page)."""
    add_page = document.addPage

    def add_deflated_page(page: Any) -> None:
        if page.stream and not page.Contents:
            data = page.stream.encode("utf-8")  # as ReportLab encodes it (the operators are ASCII)
            page.Contents = document.Reference(Preformatted(flate_stream("", data, PAGE_LEVEL)))
        add_page(_Page(page) if _Page.can_write(page) else page)

    document.addPage = add_deflated_page


class _Page(PDFObject):  # type: ignore[misc]  # ReportLab has no type hints
    """A page dictionary written as text: ReportLab's PDFPage puts each entry, and each entry of its resources,
    through its general dictionary code (a third of the time of writing the whole file). Only for a page with
    nothing more than its size, content, fonts, forms and images, and the entries tagging.tag_page adds (no
    annotations, boxes, transitions, colour spaces or shadings): any other page stays ReportLab's."""

    __RefOnly__ = 1  # always an indirect object, as ReportLab's page

    def __init__(self, page: PDFPage) -> None:
        self.forms = sorted(page.XObjects.dict) if page.XObjects else []  # what the page draws, by name
        self.entries = {
            "Contents": page.Contents,
            "MediaBox": PDFArray([0, 0, page.pagewidth, page.pageheight]),
            "Rotate": page.Rotate,
            **{key: getattr(page, key) for key in page.__NoDefault__ if key not in _PAGE_KEYS},
            "Type": PDFName("Page"),
        }

    @staticmethod
    def can_write(page: PDFPage) -> bool:
        """Whether the page holds only what _Page writes (an upright page: its MediaBox is not turned)."""
        others = [getattr(page, key) for key in _PAGE_KEYS if key not in ("Contents", "Rotate", "Trans")]
        special = (page.ExtGState, page._colorsUsed, page._shadingUsed, page.Trans and page.Trans.dict)
        return page.Contents is not None and not page.Rotate and not any(others) and not any(special)

    def format(self, document: Any) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        forms = "".join(f" /{name} {numbers[name][0]} 0 R" for name in self.forms)
        resources = f"<< /Font {numbers[BasicFonts][0]} 0 R /ProcSet [ /PDF /Text /ImageB /ImageC /ImageI ]"
        resources += f" /XObject <<{forms} >> >>" if forms else " >>"
        entries = {"Parent": document.Reference(document.Pages), "Resources": resources, **self.entries}
        items = []
        for key, value in sorted(entries.items()):
            if isinstance(value, PDFObjectReference):
                text = f"{numbers[value.name][0]} 0 R".encode("latin-1")
            elif isinstance(value, str) and key == "Resources":
                text = value.encode("latin-1")
            else:
                text = pdf_format(value, document)
            items.append(b"/%s %s" % (key.encode("latin-1"), text))
        return b"<< " + b" ".join(items) + b" >>"


_PAGE_KEYS = frozenset(PDFPage.__NoDefault__)  # what ReportLab's page itself can hold
