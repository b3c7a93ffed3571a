"""Font subsets without hinting, made once per set of characters and reused by the next calendars.

ReportLab cuts a subset of each font for every document and deflates it again (the largest part of saving
a calendar). Here the finished stream is kept per set of characters, so a calendar with the same letters as
one before gets it for free. The subsets also leave out the TrueType hinting (the instructions that fit
outlines to a screen's pixel grid: the fpgm, prep and cvt tables and each glyph's instructions): printers,
poppler and PDF.js draw unhinted outlines, and the file is several kilobytes smaller.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from itertools import pairwise
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfdoc import PDFObject
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont, TTFontFace, TTFontMaker

from kiosk.documents.pdf.streams import Preformatted, flate_stream

HINTING_TABLES = frozenset({b"cvt ", b"fpgm", b"prep"})
_MORE_COMPONENTS, _WORDS, _SCALE, _XY_SCALE, _TWO_BY_TWO, _INSTRUCTIONS = 0x20, 0x1, 0x8, 0x40, 0x80, 0x100


def _tables(font: bytes) -> dict[bytes, bytes]:
    count = struct.unpack_from(">H", font, 4)[0]
    tables = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sLLL", font, 12 + 16 * index)
        tables[tag] = font[offset : offset + length]
    return tables


def _without_instructions(glyph: bytes) -> bytes:
    """One glyph's outline without its hinting instructions."""
    if len(glyph) < 10:
        return glyph
    contours = struct.unpack_from(">h", glyph)[0]
    if contours >= 0:  # simple glyph: end points, instruction length, instructions, then the points
        at = 10 + 2 * contours
        length = struct.unpack_from(">H", glyph, at)[0]
        return glyph[:at] + b"\0\0" + glyph[at + 2 + length :]
    at, flags_at, flags = 10, 10, _MORE_COMPONENTS
    while flags & _MORE_COMPONENTS:  # composite glyph: instructions follow the last component
        flags_at, flags = at, struct.unpack_from(">H", glyph, at)[0]
        at += 4 + (4 if flags & _WORDS else 2)
        at += 2 if flags & _SCALE else 4 if flags & _XY_SCALE else 8 if flags & _TWO_BY_TWO else 0
    if not flags & _INSTRUCTIONS:
        return glyph
    return glyph[:flags_at] + struct.pack(">H", flags & ~_INSTRUCTIONS) + glyph[flags_at + 2 : at]


def unhinted(font: bytes) -> bytes:
    """A TrueType font (as ReportLab's subsetter writes it) without its hinting."""
    tables = _tables(font)
    long_offsets = struct.unpack_from(">h", tables[b"head"], 50)[0] == 1
    loca, glyf = tables[b"loca"], tables[b"glyf"]
    count = len(loca) // (4 if long_offsets else 2)
    starts = struct.unpack(f">{count}{'L' if long_offsets else 'H'}", loca)
    starts = starts if long_offsets else tuple(2 * start for start in starts)
    glyphs, offsets, position = [], [], 0
    for start, end in pairwise(starts):
        glyph = _without_instructions(glyf[start:end])
        glyph += b"\0" * (-len(glyph) % 4)
        offsets.append(position)
        glyphs.append(glyph)
        position += len(glyph)
    offsets.append(position)
    tables[b"glyf"] = b"".join(glyphs)
    tables[b"loca"] = struct.pack(
        f">{len(offsets)}{'L' if long_offsets else 'H'}", *(offsets if long_offsets else [o // 2 for o in offsets])
    )
    maker = TTFontMaker()
    for tag, data in tables.items():
        if tag not in HINTING_TABLES:
            maker.add(tag.decode("latin-1"), data)
    return bytes(maker.makeStream())


@lru_cache(maxsize=32)
def _font_file(face: TTFontFace, subset: tuple[int, ...]) -> bytes:
    """The deflated FontFile2 stream of one subset of `face`."""
    data = unhinted(face.makeSubset(list(subset)))
    return flate_stream(f"/Length1 {len(data)}", data)


def forget_subsets() -> None:
    """The subsets show which letters the last names had: the kiosk forgets them with its cached text."""
    _font_file.cache_clear()
    _font_tables.cache_clear()


def cached_subset_count() -> int:
    return _font_file.cache_info().currsize + _font_tables.cache_info().currsize


class _Inline(PDFObject):  # type: ignore[misc]  # ReportLab has no type hints
    """An object written as the PDF text it was given (the fonts' dictionaries)."""

    def __init__(self, text: bytes) -> None:
        self.text = text

    def format(self, document: Any) -> bytes:
        return self.text


@lru_cache(maxsize=32)
def _font_tables(face: TTFontFace, number: int, subset: tuple[int, ...]) -> tuple[bytes, bytes]:
    """(the /Widths array, the deflated ToUnicode stream) of subset `number` of `face`."""
    widths = "[ " + " ".join(f"{face.getCharWidth(code):g}" for code in subset) + " ]"
    name = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode("latin-1")
    cmap = ttfonts.makeToUnicodeCMap(name, list(subset))  # fonts.py's, with the calendar's fixes
    return widths.encode("latin-1"), flate_stream("", cmap.encode("latin-1"))


def _dictionary(entries: dict[str, str]) -> bytes:
    """A dictionary laid out the way ReportLab writes one (keys sorted, a line break every six entries); the
    fonts' dictionaries are written here directly, ReportLab's formatting of them costs more than the rest."""
    items = [f"/{key} {value}".encode("latin-1") for key, value in sorted(entries.items())]
    for index in reversed(range(6, len(items), 6)):
        items.insert(index, b"\n ")
    return b"<<\n" + b" ".join(items) + b"\n>>"


def _ref(reference: Any, document: Any) -> str:
    return f"{document.idToObjectNumberAndVersion[reference.name][0]} 0 R"


def add_font_objects(font: TTFont, document: Any) -> None:
    """ReportLab's TTFont.addObjects (one font dictionary per subset of 256 characters) with the widths and
    the ToUnicode map of a subset made once, like its font file."""
    state = font.state.get(document) or font._assignState(document)
    state.frozen = 1
    face = font.face
    for number, subset in enumerate(state.subsets):
        internal = font.getSubsetInternalName(number, document)[1:]
        widths, cmap = _font_tables(face, number, tuple(subset))
        base = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode("latin-1")
        to_unicode = document.Reference(Preformatted(cmap), "toUnicodeCMap:" + base)
        descriptor = face.addSubsetObjects(document, base, subset)
        entry = _dictionary(
            {
                "Type": "/Font",
                "Subtype": "/TrueType",
                "BaseFont": f"/{base}",
                "Name": f"/{internal}",
                "FirstChar": "0",
                "LastChar": str(len(subset) - 1),
                "Widths": widths.decode("latin-1"),
                "ToUnicode": _ref(to_unicode, document),
                "FontDescriptor": _ref(descriptor, document),
            }
        )
        document.idToObject["BasicFonts"].dict[internal] = document.Reference(_Inline(entry), internal)
    del font.state[document]


def add_subset_objects(face: TTFontFace, document: Any, fontname: str, subset: list[int]) -> Any:
    """ReportLab's TTFontFace.addSubsetObjects with the subset's stream made once (see above)."""
    stream = Preformatted(_font_file(face, tuple(subset)))
    reference = document.Reference(stream, f"fontFile:{face.filename}({fontname})")
    descriptor = _dictionary(
        {
            "Type": "/FontDescriptor",
            "Ascent": fp_str(face.ascent),
            "CapHeight": fp_str(face.capHeight),
            "Descent": fp_str(face.descent),
            "Flags": str((face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC),
            "FontBBox": "[ " + " ".join(fp_str(value) for value in face.bbox) + " ]",
            "FontName": f"/{fontname}",
            "ItalicAngle": fp_str(face.italicAngle),
            "StemV": fp_str(face.stemV),
            "FontFile2": _ref(reference, document),
            "MissingWidth": fp_str(face.defaultWidth),
        }
    )
    return document.Reference(_Inline(descriptor), "fontDescriptor:" + fontname)
