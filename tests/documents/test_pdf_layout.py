"""Legibility and the file itself: type sizes, large print reflow, paper, embedded font subsets, determinism."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from pypdf.generic import ContentStream

from kiosk.core.clinic import load_clinic
from kiosk.core.schedule import build_schedule
from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf, default_paper
from kiosk.documents.pdf.document import render
from kiosk.documents.pdf.fonts import FALLBACK_CHAIN, fonts_dir
from kiosk.errors import UserError

Make = Callable[..., CalendarRequest]
Sizes = Callable[[bytes], list[float]]
Texts = Callable[[bytes], list[str]]
PageSizes = Callable[[bytes], list[tuple[float, float]]]


@pytest.mark.parametrize("language", ["en", "ar", "he", "de"])
def test_no_text_is_smaller_than_12_pt(make_request: Make, sizes_of: Sizes, language: str) -> None:
    sizes = sizes_of(build_calendar_pdf(make_request(language=language)))
    assert len(sizes) > 100
    assert min(sizes) >= 12


@pytest.mark.parametrize("language", ["en", "ar"])
def test_large_print_has_no_text_smaller_than_16_pt_and_reflows(
    make_request: Make, sizes_of: Sizes, texts_of: Texts, language: str
) -> None:
    normal = render(make_request(language=language))
    large = render(make_request(language=language, large_print=True))
    assert min(sizes_of(large.pdf)) >= 16
    assert large.pages > normal.pages
    if language == "en":  # the same content, just bigger (extracted Arabic words depend on line breaks)
        text = " ".join(" ".join(texts_of(large.pdf)).split())
        protocol = make_request().schedule.protocol
        for phase in protocol.phases:
            for sentence in (phase.title, *phase.do, *phase.avoid):
                assert sentence in text
    # cells are bigger: one month a row
    normal_cell = normal.cells[0]
    large_cell = large.cells[0]
    assert large_cell.width > normal_cell.width * 1.6
    assert large_cell.height >= normal_cell.height * 16 / 12 - 0.01


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612.0, 792.0))])
def test_paper_sizes(make_request: Make, pages_of: PageSizes, paper: str, size: tuple[float, float]) -> None:
    for width, height in pages_of(build_calendar_pdf(make_request(paper=paper))):
        assert (round(width, 2), round(height, 2)) == size


def test_paper_defaults_to_the_language_region(make_request: Make, pages_of: PageSizes) -> None:
    assert default_paper("de") == "a4"
    assert default_paper("en") == "letter"  # en is US English in CLDR
    assert default_paper("not a language") == "a4"
    (first, *_) = pages_of(build_calendar_pdf(make_request(paper=None, language="de")))
    assert round(first[1], 2) == 841.89


def test_all_text_is_drawn_with_embedded_subsets_of_the_shipped_fonts(make_request: Make) -> None:
    pdf = build_calendar_pdf(make_request(name="Zoë سارة דוד ☀"))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    base_fonts: set[str] = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]  # type: ignore[index]
        contents = page.get_contents()
        assert contents is not None
        current = ""
        for operands, operator in ContentStream(contents, reader).operations:
            if operator == b"Tf":
                current = str(operands[0])
            elif operator in (b"Tj", b"TJ"):
                font = fonts[current].get_object()
                base_fonts.add(str(font["/BaseFont"]))
                assert "/FontFile2" in font["/FontDescriptor"].get_object()  # TrueType outlines, embedded
    assert all(re.match(r"^/[A-Z]{6}\+Noto", name) for name in base_fonts), base_fonts  # subsets, ours only
    families = {re.sub(r"^/[A-Z]{6}\+", "", name) for name in base_fonts}
    assert {
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSansArabic-Regular",
        "NotoSansHebrew-Regular",
        "NotoSansSymbols2-Regular",
    } <= families


def test_every_shipped_font_is_truetype_with_its_licence() -> None:
    folder = fonts_dir()
    total = 0
    for file in FALLBACK_CHAIN:
        assert (folder / file.licence).read_text(encoding="utf-8").strip()
        for name in filter(None, (file.regular, file.bold)):
            data = (folder / name).read_bytes()
            assert data[:4] == b"\x00\x01\x00\x00", name  # glyf outlines, not CFF ('OTTO')
            total += len(data)
    assert "SIL OPEN FONT LICENSE" in (folder / "OFL.txt").read_text(encoding="utf-8")
    # The bundle's fonts: about 3 MB for the calendar's own languages and symbols, about 2.5 MB for the scripts of
    # clients' names (Devanagari, Thai, and the CJK subset); a PDF embeds only the glyphs it uses.
    assert total < 6 * 1024 * 1024


def test_deterministic_mode_gives_the_same_bytes_without_timestamps(make_request: Make) -> None:
    first = build_calendar_pdf(make_request())
    second = build_calendar_pdf(make_request())
    assert first == second
    info = pypdf.PdfReader(io.BytesIO(first)).metadata
    assert info is not None
    assert str(info["/CreationDate"]) == "D:20000101000000+00'00'"
    assert "Zoë Ødegård" in str(info["/Title"])


def test_normal_mode_has_a_real_timestamp(make_request: Make) -> None:
    info = pypdf.PdfReader(io.BytesIO(build_calendar_pdf(make_request(deterministic=False)))).metadata
    assert info is not None
    assert not str(info["/CreationDate"]).startswith("D:2000")


def test_unknown_paper_is_refused(make_request: Make) -> None:
    with pytest.raises(UserError, match="a4 or letter"):
        build_calendar_pdf(make_request(paper="a3"))


def test_six_sessions_over_months_flow_onto_more_pages(
    make_request: Make, images_of: Callable[..., list[Image.Image]], texts_of: Texts
) -> None:
    protocol = make_request().schedule.protocol
    sessions = [dt.date(2026, 12, 1) + dt.timedelta(days=60 * n) for n in range(6)]
    schedule = build_schedule(sessions, protocol, dt.date(2026, 11, 24))
    rendered = render(make_request(schedule=schedule))
    in_grid = {cell.date for cell in rendered.cells}
    assert {day.date for day in schedule.days} <= in_grid
    assert max(cell.page for cell in rendered.cells) >= 2
    text = " ".join(" ".join(texts_of(rendered.pdf)).split())
    assert "Tuesday, December 1, 2026 Session 1." in text  # a plan over a year long: dates say their year
    for image in images_of(rendered.pdf, 40):  # nothing spills into the margins
        grey = image.convert("L")
        darkest, _ = grey.crop((0, 0, grey.width, round(10 / 25.4 * 40))).getextrema()
        assert isinstance(darkest, int)
        assert darkest >= 250


def test_a_clinic_without_logo_or_phone(make_request: Make, texts_of: Texts, tmp_path: Path) -> None:
    profile = tmp_path / "small.toml"
    profile.write_text('id = "small"\nname = "Small Studio"\nemail = "hi@small.example"\n', encoding="utf-8")
    text = " ".join(" ".join(texts_of(build_calendar_pdf(make_request(clinic=load_clinic(str(profile)))))).split())
    assert "Small Studio" in text
    assert "Email: hi@small.example" in text
    assert "Call:" not in text


def test_a_logo_that_is_not_an_image_is_one_clear_error(make_request: Make, tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"not a picture")
    profile = tmp_path / "broken.toml"
    profile.write_text('id = "b"\nname = "B"\nlogo = "logo.png"\n', encoding="utf-8")
    with pytest.raises(UserError, match="logo"):
        build_calendar_pdf(make_request(clinic=load_clinic(str(profile))))
