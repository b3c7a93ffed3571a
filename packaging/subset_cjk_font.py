"""Make resources/fonts/NotoSansCJK-Subset.ttf: Noto Sans CJK JP, cut down to the characters names use most.

Run by hand when the font changes, with fontTools (`pip install fonttools`; not a kiosk dependency):
    python packaging/subset_cjk_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc OUT.ttf

Debian's Noto Sans CJK (package fonts-noto-cjk) has PostScript (CFF) outlines, which ReportLab cannot embed;
the subset is converted to TrueType (quadratic) outlines. Kept: kana, the CJK symbols and punctuation, full-width
forms, the 2,350 Hangul syllables of KS X 1001, the hanzi of GB 2312 level 1 and the kanji of JIS X 0208 level 1
(together the characters of nearly every Chinese, Japanese and Korean given name and family name).
"""

from __future__ import annotations

import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

MAX_ERROR = 1.0  # font units: how far a quadratic curve may stray from the cubic one


def _decoded(codec: str, first: range, second: range) -> set[int]:
    chars = set()
    for high in first:
        for low in second:
            try:
                chars.add(ord(bytes((high, low)).decode(codec)))
            except (UnicodeDecodeError, TypeError):
                continue
    return chars


def wanted() -> set[int]:
    chars = set(range(0x3000, 0x3100)) | set(range(0xFF00, 0xFFF0)) | set(range(0x31F0, 0x3200))
    chars |= _decoded("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))  # hanzi level 1
    chars |= _decoded("shift_jis", range(0x88, 0x99), range(0x40, 0xFD))  # kanji level 1
    chars |= _decoded("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))  # Hangul syllables
    return {c for c in chars if c >= 0x2E80}


def to_truetype(font: TTFont) -> None:
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
        "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
    ):  # fmt: skip
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def main(source: str, target: str) -> None:
    font = TTCollection(source).fonts[0]  # the JP face
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted())
    subsetter.subset(font)
    to_truetype(font)
    font.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
