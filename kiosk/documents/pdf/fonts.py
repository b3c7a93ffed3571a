"""The fonts shipped in resources/fonts/ and which one draws each character.

Every font is a TrueType (glyf) font with its licence beside it (resources/fonts/README.md), embedded as a
subset. They are
registered with ReportLab once per process and reused by every document: parsing a font costs milliseconds,
a document must cost few.

A character is drawn with the first font of the fallback chain that has it: Noto Sans (Latin, Greek,
Cyrillic, digits), Noto Sans Arabic, Noto Sans Hebrew (which has no digits: they come from Noto Sans),
then Noto Sans Symbols 2, then a black-and-white emoji font (a subset of Symbola), then the scripts of names:
Devanagari, Thai, and Chinese, Japanese and Korean (a subset of Noto Sans CJK). A character none of them has
is dropped if it has no width of its own (variation selectors, joiners) and otherwise shown as U+FFFD, a visible
replacement, never a blank box.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING, Any

from msgspec import Struct

if "uharfbuzz" not in sys.modules and "reportlab.pdfbase.ttfonts" not in sys.modules:
    # ReportLab's TrueType module imports HarfBuzz for a shaping of its own, which the calendar never asks for (it
    # shapes with HarfBuzz itself, below, where a script needs it): loaded without it, a Latin or Cyrillic
    # calendar saves the library's 7 ms and draws the very same bytes.
    sys.modules["uharfbuzz"] = None  # type: ignore[assignment]  # (import then raises ImportError)
    try:
        from reportlab.pdfbase import ttfonts
    finally:
        del sys.modules["uharfbuzz"]
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.documents.pdf import font_info
from kiosk.documents.pdf.subsets import add_font_objects, add_subset_objects
from kiosk.paths import resources_dir

if TYPE_CHECKING:  # HarfBuzz loads with the first complex-script text: a Latin calendar goes without it (7 ms)
    from collections.abc import Container

    import uharfbuzz as hb

REPLACEMENT = "\ufffd"
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
_PRIVATE_USE_START = 0xF0000  # glyphs without a character of their own get code points from here


class _Covers:
    """The characters a face has a glyph for, read from its own table: a copy of the thousands of them cost
    about a millisecond a face on every start. The codes the shaping adds to that table for glyphs without a
    character of their own (from _PRIVATE_USE_START) are not characters of the face."""

    __slots__ = ("_glyphs",)

    def __init__(self, char_to_glyph: Container[int]) -> None:
        self._glyphs = char_to_glyph

    def __contains__(self, code: object) -> bool:
        return isinstance(code, int) and code < _PRIVATE_USE_START and code in self._glyphs


class FontFile(Struct, frozen=True):
    family: str
    regular: str
    bold: str | None  # None: the regular face serves for bold too
    complex_script: bool  # shaped with HarfBuzz (joining, marks), not drawn character by character
    licence: str  # the licence file beside the fonts


OFL = "OFL.txt"
FALLBACK_CHAIN: tuple[FontFile, ...] = (
    FontFile("NotoSans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", False, OFL),
    FontFile("NotoSansArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", True, OFL),
    FontFile("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", True, OFL),
    FontFile("NotoSansSymbols2", "NotoSansSymbols2-Regular.ttf", None, False, OFL),
    FontFile("SymbolaEmoji", "SymbolaEmoji.ttf", None, False, "Symbola-LICENSE.txt"),
    # Scripts of clients' names, last so that a calendar without them never loads them.
    FontFile("NotoSansDevanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", True, OFL),
    FontFile("NotoSansThai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", True, OFL),
    FontFile("NotoSansCJK", "NotoSansCJK-Subset.ttf", None, False, OFL),
)


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
        face.addSubsetObjects = partial(add_subset_objects, face)  # subsets made once, unhinted (subsets.py)
        self.ttf.addObjects = partial(add_font_objects, self.ttf)  # and their widths and ToUnicode maps
        self.covers = _Covers(face.charToGlyph)
        self.units_per_em: int = face.unitsPerEm
        self._hb_font: hb.Font | None = None

    @property
    def hb_font(self) -> hb.Font:
        if self._hb_font is None:
            import uharfbuzz as hb  # noqa: PLC0415 - see TYPE_CHECKING above

            face = hb.Face(hb.Blob(self.ttf.face._ttf_data))
            self._hb_font = hb.Font(face)
        return self._hb_font

    def char_for_glyph(self, glyph: int, advance: float, text: str) -> str:
        """A character that ReportLab's subsetter maps to `glyph`; a private one for unmapped glyphs.

        HarfBuzz returns glyph ids (ligatures and some joined forms have no character of their own), while
        ReportLab embeds characters, so each such glyph gets a private-use code point; `text` (what the glyph
        stands for) goes into the PDF's ToUnicode map, so copying and searching still find the real letters.
        """
        face = self.ttf.face
        chars = face.glyphToChar.get(glyph)
        if chars:
            return chr(chars[0])
        code = _PRIVATE_USE_START + len(_PRIVATE_TEXT)  # unique across fonts: the ToUnicode map is shared
        _PRIVATE_TEXT[code] = text
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


_PRIVATE_TEXT: dict[int, str] = {}  # private code point -> the text its glyph stands for


def _unicode_text(code: int) -> str:
    """What a glyph code stands for: Arabic presentation forms (joined letter shapes) as their base letters."""
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        letters = unicodedata.normalize("NFKC", chr(code))
        if len(letters) == 1:  # a ligature (lam-alef) stays one character: poppler and PDFium reverse two
            return letters
    return _PRIVATE_TEXT.get(code, chr(code))


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, fixed for what the calendar draws: characters beyond U+FFFF (emoji) as
    UTF-16 surrogate pairs, as PDF requires, private glyph codes as the letters they stand for and Arabic
    letter shapes as the letters (text read back is what was typed, not presentation forms)."""
    entries = [
        f"<{index:02X}> <{_unicode_text(code).encode('utf-16-be').hex().upper()}>" for index, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({fontname}) /Ordering ({fontname}) /Supplement 0 >> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # used by TTFont.addObjects when a document is saved
font_info.install()  # fonts' metrics from the .rlinfo files made at packaging time, where they are current


@lru_cache(maxsize=4096)
def font_for_char(char: str, bold: bool = False) -> Font | None:
    """The first font in the chain that has `char`; None when none has it.

    Fonts are loaded as the search reaches them: a calendar without emoji never loads the emoji font.
    """
    code = ord(char)
    if 0x1F3FB <= code <= 0x1F3FF:  # skin-tone modifiers would show as swatches: the emoji stays, the tone goes
        return None
    for file in FALLBACK_CHAIN:
        candidate = font(file.family, bold)
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


class _PlainChars:
    """The characters the chain's first font draws by itself: visible (no marks, joiners or format characters,
    which follow their letter's font) and without a rule of their own (skin-tone modifiers). Learnt as text asks:
    a calendar uses about a hundred characters, the font covers thousands."""

    def __init__(self, covers: Container[int]) -> None:
        self.covers = covers
        self.plain: set[str] = set()
        self.other: set[str] = set()

    def draws_all(self, text: str) -> bool:
        if self.plain.issuperset(text):
            return True
        for char in set(text).difference(self.plain):
            if char in self.other:
                return False
            if ord(char) not in self.covers or is_zero_width(char):
                self.other.add(char)
                return False
            self.plain.add(char)
        return True


@cache
def _plain_chars(bold: bool) -> _PlainChars:
    return _PlainChars(font(FALLBACK_CHAIN[0].family, bold).covers)


def first_font_draws(text: str, bold: bool = False) -> Font | None:
    """The chain's first font when it draws every character of `text` itself: most text of every calendar but
    the Arabic, Hebrew and emoji, found with one set operation instead of a font lookup per character."""
    return font(FALLBACK_CHAIN[0].family, bold) if _plain_chars(bold).draws_all(text) else None


def drawable(text: str, bold: bool = False) -> str:
    """`text` with visible characters no shipped font has replaced by U+FFFD (zero-width ones stay: the
    bidi algorithm may need them, and they are simply not drawn)."""
    if _plain_chars(bold).draws_all(text) or all(font_for_char(ch, bold) is not None for ch in text):
        return text
    return "".join(ch if font_for_char(ch, bold) is not None or is_zero_width(ch) else REPLACEMENT for ch in text)
