"""PDF streams made once per process and written as they are into every calendar.

The pictogram forms and the font subsets are the same bytes in calendar after calendar: ReportLab would
build, deflate and format them again for each document (a few milliseconds), so they are deflated once
here and handed to ReportLab as finished objects.
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
    xObjectName,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format

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
    The pages also share one resource dictionary (_Resources), written once instead of once a page, and a
    plain page is written as text (_Page)."""
    add_page = document.addPage
    resources = _Resources()

    def add_deflated_page(page: Any) -> None:
        if page.stream and not page.Contents:
            data = page.stream.encode("utf-8")  # as ReportLab encodes it (the operators are ASCII)
            page.Contents = document.Reference(Preformatted(flate_stream("", data, PAGE_LEVEL)))
        if not _Page.can_write(page):
            add_page(page)  # something only ReportLab writes (annotations, colour spaces...): its own page
            return
        page.Resources = document.Reference(resources)
        add_page(_Page(page))

    document.addPage = add_deflated_page


class _Page(PDFObject):  # type: ignore[misc]  # ReportLab has no type hints
    """A page dictionary written as text: ReportLab's PDFPage puts each entry through its general dictionary
    code, a fifth of the time of writing the whole file. Only for a page that has nothing more than its size,
    content, resources and the entries added with tagging.tag_page (no annotations, boxes or transitions)."""

    __RefOnly__ = 1  # always an indirect object, as ReportLab's page

    def __init__(self, page: PDFPage) -> None:
        self.entries = {
            "Contents": page.Contents,
            "MediaBox": PDFArray([0, 0, page.pagewidth, page.pageheight]),
            "Resources": page.Resources,
            "Rotate": page.Rotate,
            **{key: getattr(page, key) for key in page.__NoDefault__ if key not in _PAGE_KEYS},
            "Type": PDFName("Page"),
        }

    @staticmethod
    def can_write(page: PDFPage) -> bool:
        """Whether the page holds only what _Page and the shared _Resources write."""
        others = [getattr(page, key) for key in _PAGE_KEYS if key not in ("Contents", "Rotate", "Trans")]
        special = (page.ExtGState, page._colorsUsed, page._shadingUsed, page.Trans and page.Trans.dict)
        return page.Contents is not None and not any(others) and not any(special)

    def format(self, document: Any) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        items = []
        for key, value in sorted({"Parent": document.Reference(document.Pages), **self.entries}.items()):
            if isinstance(value, PDFObjectReference):
                text = f"{numbers[value.name][0]} 0 R".encode("latin-1")
            else:
                text = pdf_format(value, document)
            items.append(b"/%s %s" % (key.encode("latin-1"), text))
        return b"<< " + b" ".join(items) + b" >>"


_PAGE_KEYS = frozenset(PDFPage.__NoDefault__)  # what ReportLab's page itself can hold


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
