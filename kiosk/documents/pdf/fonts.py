"""The fonts shipped in resources/fonts/ and which one draws each character.

Every font is a TrueType (glyf) Noto font under the SIL Open Font License, embedded as a subset. They are
registered with ReportLab once per process and reused by every document: parsing a font costs milliseconds,
a document must cost few.

A character is drawn with the first font of the fallback chain that has it: Noto Sans (Latin, Greek,
Cyrillic, digits), Noto Sans Arabic, Noto Sans Hebrew (which has no digits: they come from Noto Sans),
then Noto Sans Symbols 2. A character none of them has is dropped if it has no width of its own (variation
selectors, joiners) and otherwise shown as U+FFFD, a visible replacement, never a blank box.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.paths import resources_dir

REPLACEMENT = "\ufffd"
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
_PRIVATE_USE_START = 0xF0000  # glyphs without a character of their own get code points from here


@dataclass(frozen=True)
class FontFile:
    family: str
    regular: str
    bold: str | None  # None: the regular face serves for bold too
    complex_script: bool  # shaped with HarfBuzz (joining, marks), not drawn character by character


FALLBACK_CHAIN: tuple[FontFile, ...] = (
    FontFile("NotoSans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", complex_script=False),
    FontFile("NotoSansArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", complex_script=True),
    FontFile("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", complex_script=True),
    FontFile("NotoSansSymbols2", "NotoSansSymbols2-Regular.ttf", None, complex_script=False),
)
LICENCE_FILE = "OFL.txt"


def fonts_dir() -> Any:
    return resources_dir() / "fonts"


class Font:
    """One registered face: its ReportLab name, its own characters, and glyph-to-character mapping."""

    def __init__(self, file: FontFile, bold: bool) -> None:
        filename = (file.bold if bold else None) or file.regular
        self.family = file.family
        self.complex_script = file.complex_script
        self.name = f"SmpKiosk-{file.family}-{'Bold' if bold and file.bold else 'Regular'}"
        self.path = fonts_dir() / filename
        registered = self.name in pdfmetrics.getRegisteredFontNames()
        self.ttf: Any = pdfmetrics.getFont(self.name) if registered else TTFont(self.name, str(self.path))
        if not registered:
            pdfmetrics.registerFont(self.ttf)
        face = self.ttf.face
        self.covers: frozenset[int] = frozenset(c for c in face.charToGlyph if c < _PRIVATE_USE_START)
        self.units_per_em: int = face.unitsPerEm
        self._hb_font: hb.Font | None = None

    @property
    def hb_font(self) -> hb.Font:
        if self._hb_font is None:
            face = hb.Face(hb.Blob(self.ttf.face._ttf_data))
            self._hb_font = hb.Font(face)
        return self._hb_font

    def char_for_glyph(self, glyph: int, advance: float) -> str:
        """A character that ReportLab's subsetter maps to `glyph`; a private one for unmapped glyphs.

        HarfBuzz returns glyph ids (joined Arabic letter forms have no character of their own), while
        ReportLab embeds characters, so each such glyph gets a private-use code point of this font.
        """
        face = self.ttf.face
        chars = face.glyphToChar.get(glyph)
        if chars:
            return chr(chars[0])
        code = getattr(face, "smp_next_private", _PRIVATE_USE_START)  # kept on the face: one counter per font file
        face.smp_next_private = code + 1
        face.charToGlyph[code] = glyph
        face.glyphToChar.setdefault(glyph, []).append(code)
        face.charWidths[code] = advance
        return chr(code)

    def width(self, text: str, size: float) -> float:
        return float(pdfmetrics.stringWidth(text, self.name, size))


def font(family: str, bold: bool = False) -> Font:
    """The registered font of a family in the chain (one object per face for the life of the process)."""
    return _font(family, bold)


@cache
def _font(family: str, bold: bool) -> Font:
    for file in FALLBACK_CHAIN:
        if file.family == family:
            return Font(file, bold)
    raise KeyError(family)


def chain(bold: bool = False) -> tuple[Font, ...]:
    return tuple(font(file.family, bold) for file in FALLBACK_CHAIN)


@lru_cache(maxsize=4096)
def font_for_char(char: str, bold: bool = False) -> Font | None:
    """The first font in the chain that has `char`; None when none has it."""
    code = ord(char)
    for candidate in chain(bold):
        if code in candidate.covers:
            return candidate
    return None


def is_zero_width(char: str) -> bool:
    """Marks, format characters, variation selectors and emoji skin-tone modifiers."""
    code = ord(char)
    return (
        unicodedata.category(char) in _ZERO_WIDTH_CATEGORIES
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0100 <= code <= 0xE01EF
    )


def drawable(text: str, bold: bool = False) -> str:
    """`text` with visible characters no shipped font has replaced by U+FFFD (zero-width ones stay: the
    bidi algorithm may need them, and they are simply not drawn)."""
    if all(font_for_char(ch, bold) is not None for ch in text):
        return text
    return "".join(ch if font_for_char(ch, bold) is not None or is_zero_width(ch) else REPLACEMENT for ch in text)
