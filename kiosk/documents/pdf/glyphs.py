"""Laid-out lines (text.py) written as PDF text operators, in ReportLab's per-document font subsets."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.rl_accel import escapePDF

from kiosk.documents.pdf.text import Colour, Line, Run, Style


def draw_line(canvas: Any, line: Line, x: float, y: float, style: Style) -> None:
    """Draw a laid-out line with its left end at x and its baseline at y.

    The PDF operators are written directly, the documented way for ReportLab's TrueType subsets
    (`splitString` + `getSubsetInternalName`): a calendar draws a few thousand short strings, and going
    through ReportLab's text objects costs more than the rest of the page.

    Every run has its own position (and every glyph of a shaped run its place, through the moves of one TJ
    array), so the runs are stored in reading order: tools that read the stored
    text (pypdf, search) get Arabic and Hebrew words in logical order. Inside a right-to-left run the glyphs
    stay in HarfBuzz's visual order, which is what poppler and PDFium expect when they reorder a word (with
    the whole line as /ActualText, poppler reversed it again: measured, so not done).
    """
    doc = canvas._doc
    size = f"{style.size:.2f}"
    runs = line.runs
    if not runs:  # nothing drawable (a lone skin tone, say): no operators at all
        return
    if len(runs) == 1 and runs[0].offsets is None:  # most lines: one run of one font, in one subset
        run = runs[0]
        codes = _codes(run.font.ttf, doc)
        chunk = codes.first_subset(run.text)
        if chunk is not None:
            canvas._code.append(
                f"{_colour_op(style.colour)} 1 0 0 1 {x:.2f} {y:.2f} Tm {codes.first_name} {size} Tf "
                f"({escapePDF(chunk)}) Tj ET Q"
            )
            return
    if len(runs) == 1:
        placed = [(runs[0], x)]
    else:
        pens = [x]
        for run in runs[:-1]:
            pens.append(pens[-1] + run.width)
        placed = sorted(zip(runs, pens, strict=True), key=lambda entry: entry[0].order)
    ops = [_colour_op(style.colour)]
    current = ""
    for run, start in placed:
        if run.offsets is not None:
            current = _shaped_run(ops, run, start, y, size=style.size, doc=doc, current=current)
            continue
        ops.append(f"1 0 0 1 {start:.2f} {y:.2f} Tm")
        for name, chunk in _codes(run.font.ttf, doc).chunks(run.text, doc):
            if name != current:  # font operator only when the font changes
                ops.append(f"{name} {size} Tf")
                current = name
            ops.append(f"({escapePDF(chunk)}) Tj")
    ops.append("ET Q")
    canvas._code.append(" ".join(ops))


def _shaped_run(ops: list[str], run: Run, start: float, y: float, *, size: float, doc: Any, current: str) -> str:
    """A shaped run's glyphs, each at HarfBuzz's position: one TJ array of glyphs with small moves between
    them (kerning, joined forms), a new text position only for a glyph raised or lowered (a mark). Returns
    the font operator in effect."""
    ttf, face = run.font.ttf, run.font.ttf.face
    codes = _codes(ttf, doc)
    assert run.offsets is not None
    group: list[str] = []
    expected: float | None = None  # where the next glyph lands without a move; None: set the position

    def flush() -> None:
        if group:
            ops.append(f"[{' '.join(group)}] TJ")
            group.clear()

    for piece, (dx, dy) in zip(run.text, run.offsets, strict=True):
        target = start + dx
        chunks = codes.chunks(piece, doc)
        if dy or len(chunks) != 1 or not chunks[0][1][0]:  # a mark, or a glyph without a code of its own
            flush()
            ops.append(f"1 0 0 1 {target:.2f} {y + dy:.2f} Tm")
            for name, chunk in chunks:
                current = _set_font(ops, name, size, current)
                ops.append(f"({escapePDF(chunk)}) Tj")
            expected = None
            continue
        name, chunk = chunks[0]
        if name != current:
            flush()
            current = _set_font(ops, name, size, current)
            expected = None
        if expected is None:
            flush()
            ops.append(f"1 0 0 1 {target:.2f} {y:.2f} Tm")
            actual = target
        else:
            move = round((expected - target) * 1000 / size, 1)  # thousandths of the size, to the left
            if move:
                group.append(f"{move:g}")
            actual = expected - move * size / 1000
        group.append(f"({escapePDF(chunk)})")
        expected = actual + face.getCharWidth(ord(piece)) * size / 1000
    flush()
    return current


def _set_font(ops: list[str], name: str, size: float, current: str) -> str:
    if name != current:
        ops.append(f"{name} {size:.2f} Tf")
    return name


@lru_cache(maxsize=64)
def _colour_op(colour: Colour) -> str:
    red, green, blue = colour
    return f"q BT {red:.3f} {green:.3f} {blue:.3f} rg"


class _Codes:
    """The codes of one font's characters in one document's subsets (ReportLab's `splitString`), without
    its character-by-character loop when every character already has a code in the first subset (most
    lines after the first few): one str.translate through those codes. Kept on the document, so it does
    not hold the document (no cycle: the document is freed as soon as it is written)."""

    def __init__(self, ttf: Any) -> None:
        self.ttf = ttf
        self.state: Any = None
        self.known = -1  # how many codes the table was made from
        self.table = _FirstSubset()
        self.first_name = ""

    def first_subset(self, text: str) -> bytes | None:
        """The codes of `text` when all of its characters have one in the first subset, else None."""
        state = self.state
        if state is None or len(state.assignments) != self.known:
            return None
        try:
            return text.translate(self.table).encode("latin-1")
        except UnicodeEncodeError:  # a character without a code yet, or with one past the first subset
            return None

    def chunks(self, text: str, doc: Any) -> list[tuple[str, bytes]]:
        """(the subset's font name, its codes) for each stretch of `text` in one subset."""
        state = self.state
        if state is not None:
            if len(state.assignments) != self.known:
                self._refresh(doc)
            codes = self.first_subset(text)
            if codes is not None:
                return [(self.first_name, codes)]
        ttf = self.ttf
        chunks = [(ttf.getSubsetInternalName(subset, doc), chunk) for subset, chunk in ttf.splitString(text, doc)]
        if state is None:
            self.state = ttf.state.get(doc)
        return chunks

    def _refresh(self, doc: Any) -> None:
        assignments = self.state.assignments
        self.table = _FirstSubset({char: code for char, code in assignments.items() if code < 256})
        self.known = len(assignments)
        self.first_name = self.ttf.getSubsetInternalName(0, doc)


class _FirstSubset(dict[int, int]):
    """Character -> code in the first subset, for str.translate; any other character becomes one that
    Latin-1 cannot encode, which sends the text to ReportLab's splitString."""

    def __missing__(self, char: int) -> str:
        return "\u0100"


def _codes(ttf: Any, doc: Any) -> _Codes:
    """The document's _Codes of `ttf` (kept on the document: ReportLab's own states are weakly keyed, slow)."""
    try:
        return doc.smp_font_codes[ttf]  # type: ignore[no-any-return]
    except AttributeError:
        doc.smp_font_codes = {}
    except KeyError:
        pass
    codes: _Codes = doc.smp_font_codes.setdefault(ttf, _Codes(ttf))
    return codes
