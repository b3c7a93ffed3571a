"""The one way text gets onto a page: clean, pick fonts, wrap, reorder (bidi), shape, draw.

Every string in the calendar, a translated sentence or a client's name, goes through here:
1. `clean` drops control characters and collapses white space; nothing is ever read as markup.
2. The text is split into runs by font (per-character fallback, see fonts.py).
3. `wrap` breaks it into lines of a given width, in logical (typing) order.
4. Per line, the Unicode bidi algorithm gives each character its level; runs are put in visual order and
   right-to-left or complex-script runs are shaped with HarfBuzz, so Arabic letters join and run right to
   left, and Hebrew reads right to left with its digits from Noto Sans.
5. `glyphs.draw_line` writes a laid-out line as PDF text operators.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate
from typing import Any, Literal

import msgspec
from msgspec import Struct

from kiosk.core.names import graphemes
from kiosk.documents.pdf.fonts import Font, drawable, first_font_draws, font_for_char
from kiosk.documents.pdf.subsets import cached_subset_count, forget_subsets

Direction = Literal["ltr", "rtl", "auto"]
Align = Literal["start", "end", "center"]
Colour = tuple[float, float, float]
INK: Colour = (0.12, 0.16, 0.22)

_SPACES = re.compile(r"\s+")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})
_RTL_TYPES = frozenset({"R", "AL", "AN"})
_BIDI_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM: never drawn


class Style(Struct, frozen=True, cache_hash=True):  # a key of the layout caches, looked up for every line
    size: float
    bold: bool = False
    colour: Colour = INK
    leading: float = 1.3  # line height as a multiple of the size

    @property
    def line_height(self) -> float:
        return self.size * self.leading


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """Printable text on one line: NFC, control and bidi-override characters gone, spaces collapsed."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():  # no control, format, private-use or unassigned character, no line break: all kept
        return _SPACES.sub(" ", text).strip()
    kept = []
    for ch in text:
        if ch in "\t\n\r\v\f\u2028\u2029\x85":
            kept.append(" ")
        elif ch not in _BIDI_CONTROLS and unicodedata.category(ch) not in _DROPPED_CATEGORIES:
            kept.append(ch)
    return _SPACES.sub(" ", "".join(kept)).strip()


class Run(Struct, frozen=True):
    """Characters of one font and one bidi level, in visual order once laid out."""

    font: Font
    text: str  # characters ReportLab embeds (private-use ones stand for shaped glyphs)
    width: float
    offsets: tuple[tuple[float, float], ...] | None  # per-glyph (x, y) from the run start; None: plain text
    order: int = 0  # its place in the line's reading order (runs are kept in visual order)


class Line(Struct, frozen=True):
    runs: tuple[Run, ...]
    width: float
    logical: str  # the cleaned text of the line, in reading order (for tests and debugging)


def _fonts_for(text: str, bold: bool) -> list[Font | None]:
    """The font of each character; None for a zero-width one no font has (it is not drawn).

    Marks and joiners stay in the font of the letter before them when that font has them, so a mark is
    never drawn apart from its letter.
    """
    fonts: list[Font | None] = []
    previous: Font | None = None
    for ch in text:
        if ch in _BIDI_MARKS:  # they steer the bidi levels; Noto Sans would draw them as visible marks
            fonts.append(None)
            continue
        chosen = font_for_char(ch, bold)
        if previous is not None and unicodedata.category(ch) in ("Mn", "Me", "Cf") and ord(ch) in previous.covers:
            chosen = previous
        fonts.append(chosen)
        previous = chosen or previous
    return fonts


def _font_runs(text: str, bold: bool) -> list[tuple[Font, str]]:
    """Logical runs of one font (what is measured for line breaking)."""
    first = first_font_draws(text, bold)
    if first is not None:
        return [(first, text)] if text else []
    runs: list[tuple[Font, str]] = []
    for ch, font in zip(text, _fonts_for(text, bold), strict=True):
        if font is None:
            continue
        if runs and runs[-1][0] is font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def _shape(font: Font, text: str, size: float, rtl: bool) -> Run:
    import uharfbuzz as hb  # noqa: PLC0415 - only right-to-left and complex scripts are shaped (Font.hb_font)

    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    hb.shape(font.hb_font, buffer, {"kern": True, "liga": True})
    scale = size / font.units_per_em
    chars = []
    offsets = []
    pen = 0.0
    infos = buffer.glyph_infos
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))  # cluster start -> end, in the text
    for info, position in zip(infos, buffer.glyph_positions, strict=True):
        advance = position.x_advance * 1000 / font.units_per_em
        chars.append(font.char_for_glyph(info.codepoint, advance, text[info.cluster : ends[info.cluster]]))
        offsets.append((pen + position.x_offset * scale, position.y_offset * scale))
        pen += position.x_advance * scale
    return Run(font, "".join(chars), pen, tuple(offsets))


def _run(font: Font, text: str, size: float, rtl: bool) -> Run:
    if rtl or font.complex_script:
        return _shape(font, text, size, rtl)
    return Run(font, text, font.width(text, size), None)


@lru_cache(maxsize=8192)
def measure(text: str, size: float, bold: bool = False) -> float:
    """The width of already-cleaned text in points (shaped where the script needs it)."""
    text = drawable(text, bold)
    return sum(_run(font, part, size, _has_rtl(part)).width for font, part in _font_runs(text, bold))


def _has_rtl(text: str) -> bool:
    if text.isascii():
        return False
    return any(unicodedata.bidirectional(ch) in _RTL_TYPES for ch in text)


def base_is_rtl(text: str, direction: Direction) -> bool:
    """The paragraph direction: given, or from the first strong character (Unicode rule P2)."""
    if direction != "auto":
        return direction == "rtl"
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def bidi_levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of each character (even: left to right, odd: right to left)."""
    if not rtl and not _has_rtl(text):
        return [0] * len(text)
    from bidi import algorithm as bidi  # noqa: PLC0415 - only right-to-left text needs it (2 ms for every calendar)

    storage: dict[str, Any] = bidi.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    bidi.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    bidi.explicit_embed_and_overrides(storage)
    bidi.resolve_weak_types(storage, False)
    bidi.resolve_neutral_types(storage, False)
    bidi.resolve_implicit_levels(storage, False)
    levels = [-1] * len(text)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    previous = storage["base_level"]
    for index, level in enumerate(levels):  # characters the algorithm removed (joiners) follow their neighbour
        levels[index] = previous if level < 0 else level
        previous = levels[index]
    return levels


def _visual_order(items: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
    """Rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above."""
    if not items:
        return items
    highest = max(level for level, _ in items)
    lowest_odd = min((level for level, _ in items if level % 2), default=highest + 1)
    result = list(items)
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(result):
            if result[index][0] >= level:
                end = index
                while end < len(result) and result[end][0] >= level:
                    end += 1
                result[index:end] = result[index:end][::-1]
                index = end
            else:
                index += 1
    return result


@lru_cache(maxsize=4096)
def layout_line(text: str, style: Style, direction: Direction = "auto") -> Line:
    """One line of cleaned text in visual order, shaped, ready to draw (cached: lines repeat a lot)."""
    text = drawable(text, style.bold)
    rtl = base_is_rtl(text, direction)
    first = first_font_draws(text, style.bold)
    if text and first is not None and not rtl and not _has_rtl(text):  # one left-to-right run in one font
        run = msgspec.structs.replace(_run(first, text, style.size, False), order=0)
        return Line((run,), run.width, text)
    levels = bidi_levels(text, rtl)
    pieces: list[tuple[int, tuple[Font, str]]] = []
    for ch, level, font in zip(text, levels, _fonts_for(text, style.bold), strict=True):
        if font is None:
            continue
        if pieces and pieces[-1][0] == level and pieces[-1][1][0] is font:
            pieces[-1] = (level, (font, pieces[-1][1][1] + ch))
        else:
            pieces.append((level, (font, ch)))
    numbered = [(level, (order, font, part)) for order, (level, (font, part)) in enumerate(pieces)]
    runs = tuple(
        msgspec.structs.replace(_run(font, part, style.size, level % 2 == 1), order=order)
        for level, (order, font, part) in _visual_order(numbered)
    )
    return Line(runs, sum(run.width for run in runs), text)


def forget_cached_text() -> None:
    """Drop the cached lines and widths: they hold the names of the last clients. The kiosk calls this at
    every wipe; the next calendar is about 1 ms slower for it."""
    for cached in _CACHES:
        cached.cache_clear()
    forget_subsets()


def cached_text_count() -> int:
    return sum(cached.cache_info().currsize for cached in _CACHES) + cached_subset_count()


def isolate_ltr(value: str) -> str:
    """Phone numbers, addresses and web sites read left to right inside any sentence ('+44 20 7946 0958',
    not '0958 7946 20 44+' in Arabic): left-to-right marks around them make the bidi algorithm keep them whole."""
    return f"\u200e{value}\u200e" if value else value


def wrap(text: str, style: Style, width: float) -> list[str]:
    """Greedy line breaking at spaces; a word wider than the line is broken between characters."""
    return list(_wrapped(text, style.size, style.bold, width))


@lru_cache(maxsize=4096)
def _wrapped(text: str, size: float, bold: bool, width: float) -> tuple[str, ...]:
    """The lines of `wrap`, kept: a calendar measures the same sentences at the same widths again and again
    (to fit page 1, to keep blocks whole), and the next calendar in that language has them too."""
    style = Style(size, bold)
    text = clean(text)
    if not text:
        return ()
    space = measure(" ", style.size, style.bold)
    lines: list[str] = []
    current = ""
    current_width = 0.0
    for token in text.split(" "):
        word = token
        word_width = measure(word, style.size, style.bold)
        if current and current_width + space + word_width <= width:
            current += " " + word
            current_width += space + word_width
            continue
        if current:
            lines.append(current)
        while word_width > width and len(word) > 1:
            cut = _longest_prefix(word, style, width)
            lines.append(word[:cut])
            word = word[cut:]
            word_width = measure(word, style.size, style.bold)
        current, current_width = word, word_width
    if current:
        lines.append(current)
    return tuple(lines)


@lru_cache(maxsize=4096)
def wrapped_lines(text: str, style: Style, width: float, direction: Direction) -> tuple[Line, ...]:
    """`text` wrapped to `width` and laid out, line by line."""
    return tuple(layout_line(part, style, direction) for part in _wrapped(text, style.size, style.bold, width))


def _longest_prefix(word: str, style: Style, width: float) -> int:
    """How many characters of `word` fit in `width`: at least one whole grapheme cluster, never part of one
    (an emoji with its skin tone, a flag, a ZWJ family, a letter with its marks stay on one line)."""
    ends = list(accumulate(len(cluster) for cluster in graphemes(word)))
    low, high = 0, len(ends) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[: ends[middle]], style.size, style.bold) <= width:
            low = middle
        else:
            high = middle - 1
    return ends[low]


_CACHES = (clean, measure, layout_line, _wrapped, wrapped_lines)
