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
    placed = []
    pen = x
    for run in line.runs:
        placed.append((run.order, run, pen))
        pen += run.width
    if len(placed) > 1:
        placed.sort(key=lambda entry: entry[0])
    ops = [_colour_op(style.colour)]
    current = ""
    for _order, run, start in placed:
        ttf = run.font.ttf
        if run.offsets is not None:
            current = _shaped_run(ops, run, start, y, size=style.size, doc=doc, current=current)
            continue
        ops.append(f"1 0 0 1 {start:.2f} {y:.2f} Tm")
        for subset, chunk in _encode(ttf, run.text, doc):
            name = ttf.getSubsetInternalName(subset, doc)
            if name != current:  # font operator only when the font changes
                ops.append(f"{name} {size} Tf")
                current = name
            ops.append(f"({escapePDF(chunk)}) Tj")
    ops.append("ET Q")
    canvas.addLiteral(" ".join(ops))


def _shaped_run(ops: list[str], run: Run, start: float, y: float, *, size: float, doc: Any, current: str) -> str:
    """A shaped run's glyphs, each at HarfBuzz's position: one TJ array of glyphs with small moves between
    them (kerning, joined forms), a new text position only for a glyph raised or lowered (a mark). Returns
    the font operator in effect."""
    ttf, face = run.font.ttf, run.font.ttf.face
    assert run.offsets is not None
    group: list[str] = []
    expected: float | None = None  # where the next glyph lands without a move; None: set the position

    def flush() -> None:
        if group:
            ops.append(f"[{' '.join(group)}] TJ")
            group.clear()

    for piece, (dx, dy) in zip(run.text, run.offsets, strict=True):
        target = start + dx
        chunks = _encode(ttf, piece, doc)
        if dy or len(chunks) != 1 or not chunks[0][1][0]:  # a mark, or a glyph without a code of its own
            flush()
            ops.append(f"1 0 0 1 {target:.2f} {y + dy:.2f} Tm")
            for subset, chunk in chunks:
                current = _set_font(ops, ttf.getSubsetInternalName(subset, doc), size, current)
                ops.append(f"({escapePDF(chunk)}) Tj")
            expected = None
            continue
        subset, chunk = chunks[0]
        name = ttf.getSubsetInternalName(subset, doc)
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


def _encode(ttf: Any, text: str, doc: Any) -> list[tuple[int, bytes]]:
    """ReportLab's `splitString` (the codes of `text` in this document's subsets of the font), without its
    character-by-character loop when every character already has its code (most lines after the first few)."""
    states: dict[Any, Any] = doc.__dict__.setdefault("smp_font_states", {})  # ReportLab's are weakly keyed: slow
    state = states.get(ttf)
    if state is None:
        state = ttf.state.get(doc)
        if state is not None:
            states[ttf] = state
    if state is not None and "\xa0" not in text:
        assignments = state.assignments
        try:
            codes = [assignments[ord(ch)] for ch in text]
        except KeyError:
            return list(ttf.splitString(text, doc))
        if codes and max(codes) < 256:  # all in the first subset, where most letters are
            return [(0, bytes(codes))]
    return list(ttf.splitString(text, doc))
