"""The parts a calendar reuses from the one before: font subsets (without hinting), pictogram forms, QR
codes; and the kiosk forgets what held a client's name at a wipe."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pypdf
from reportlab.pdfbase.ttfonts import TTFontFile

from kiosk.documents import qr
from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf, cached_text_count, content, forget_cached_text
from kiosk.documents.pdf.subsets import HINTING_TABLES, cached_subset_count, unhinted
from kiosk.i18n import dates

Make = Callable[..., CalendarRequest]


def font_files(pdf: bytes) -> list[bytes]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    files = []
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            files.append(descriptor["/FontFile2"].get_object().get_data())
    return files


def table_tags(font: bytes) -> set[bytes]:
    count = int.from_bytes(font[4:6], "big")
    return {font[12 + 16 * index : 16 + 16 * index] for index in range(count)}


def test_embedded_subsets_have_no_hinting_and_still_parse(make_request: Make) -> None:
    files = font_files(build_calendar_pdf(make_request(language="ar", name="Zoë سارة")))
    assert len(files) >= 3  # Noto Sans regular and bold, Noto Sans Arabic
    for data in files:
        assert not table_tags(data) & HINTING_TABLES
        parsed = TTFontFile(io.BytesIO(data), validate=1)  # checksums and tables as a font reader sees them
        assert parsed.numGlyphs > 1


def test_unhinted_keeps_every_glyph_outline(make_request: Make) -> None:
    """The same number of glyphs, each no longer than before (only instructions go), none emptied."""
    from kiosk.documents.pdf.fonts import font  # noqa: PLC0415 - after a calendar has registered the fonts

    build_calendar_pdf(make_request())
    face = font("NotoSans").ttf.face
    hinted = face.makeSubset([0, *range(32, 127)])
    plain = TTFontFile(io.BytesIO(unhinted(hinted)), validate=1)
    before = TTFontFile(io.BytesIO(hinted), validate=1)
    assert plain.numGlyphs == before.numGlyphs
    assert len(unhinted(hinted)) < len(hinted) * 0.85
    for glyph in range(before.numGlyphs):
        old = before.glyphPos[glyph + 1] - before.glyphPos[glyph]
        new = plain.glyphPos[glyph + 1] - plain.glyphPos[glyph]
        assert (old == 0) == (new == 0)
        assert new <= old + 3  # padding to four bytes at most


def test_the_next_calendar_reuses_fonts_and_codes_and_a_wipe_forgets_them(make_request: Make) -> None:
    request = make_request(name="Zoë Ødegård")
    first = build_calendar_pdf(request)
    assert qr.cached_code_count() > 0
    assert cached_subset_count() > 0
    assert dates.cached_date_count() > 0  # the session dates as written
    assert content.plan_spans.cache_info().currsize > 0
    assert font_files(build_calendar_pdf(request)) == font_files(first)
    forget_cached_text()
    assert cached_text_count() == 0
    assert qr.cached_code_count() == 0
    assert cached_subset_count() == 0
    assert dates.cached_date_count() == 0
    assert content.plan_spans.cache_info().currsize == 0
    assert font_files(build_calendar_pdf(request)) == font_files(first)  # made again from the font files
