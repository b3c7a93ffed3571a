"""The calendar as assistive technology and other tools read it: tagged (pdfua), a structure with headings,
lists, the key-dates table and described figures, its language, its title, its text in reading order, and
a short handout (pages, bytes)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from pypdf.generic import ArrayObject, DictionaryObject

from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf, content
from kiosk.documents.pdf.document import render
from kiosk.documents.pdf.regional import regional
from kiosk.i18n import translations
from tests.documents.conftest import page_texts

Make = Callable[..., CalendarRequest]
LANGUAGES = ["en", "es", "fr", "de", "it", "pt_BR", "nl", "pl", "tr", "ru", "ar", "he"]


def pdfua_report(pdf: bytes, folder: Path) -> dict[str, Any]:
    path = folder / "calendar.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", "--format", "json", str(path)], capture_output=True, check=False
    )
    report: dict[str, Any] = json.loads(result.stdout)
    return report


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdfua_finds_nothing_in_normal_and_large_print(make_request: Make, tmp_path: Path, language: str) -> None:
    for large in (False, True):
        report = pdfua_report(build_calendar_pdf(make_request(language=language, large_print=large)), tmp_path)
        assert report["findings"] == [], (large, report["findings"])
        assert report["skipped"] == []
        assert report["summary"]["rules_run"] >= 12


def elements(node: Any) -> Iterator[Any]:
    kids = node.get("/K")
    items = kids if isinstance(kids, ArrayObject) else [kids]
    for item in items:
        kid = item.get_object() if item is not None else None
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            yield kid
            yield from elements(kid)


def structure(pdf: bytes) -> tuple[Any, list[Any]]:
    catalog: Any = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"].get_object()
    root: Any = catalog["/StructTreeRoot"].get_object()
    return catalog, list(elements(root))


def test_the_catalog_says_tagged_language_title_and_pdfua(make_request: Make) -> None:
    pdf = build_calendar_pdf(make_request(language="pt_BR"))
    catalog, _elements = structure(pdf)
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "pt-BR"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = catalog["/Metadata"].get_object().get_data().decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "Zoë Ødegård" in xmp  # dc:title, as the document info's title


def test_the_structure_has_headings_lists_the_key_dates_table_and_described_figures(make_request: Make) -> None:
    _catalog, found = structure(build_calendar_pdf(make_request()))
    roles = [str(element["/S"]) for element in found]
    assert roles[0] == "/Document"
    assert roles.count("/H1") == 1
    assert roles.count("/H2") >= 5
    assert roles.count("/H3") == 3  # one a phase
    assert roles.count("/Table") == 1
    assert roles.count("/TR") == 11  # two sessions, 8 milestones (touch-up window, refresh), one evening
    assert roles.count("/TH") == 11
    assert roles.count("/L") >= 8
    figures = [element for element in found if element["/S"] == "/Figure"]
    alts = [str(figure["/Alt"]) for figure in figures]
    assert all(alt.strip() for alt in alts)
    codes = [alt for alt in alts if alt.startswith("QR code")]
    assert len(codes) == 9  # 8 milestones (the touch-up window's two ends and the refresh among them), 1 evening
    assert codes[2].startswith("QR code: it adds “Session 2 is tomorrow: before-care tonight” on Thursday, December 17")
    assert "Northside Scalp Studio" in alts  # the logo
    assert any(alt.startswith("November 2026. Keep your scalp dry: Fri, Nov 27 to Sun, Nov 29") for alt in alts)
    assert {"Yes, do this", "No, avoid this", "Calendar", "Phone"} <= set(alts)


def test_a_name_in_another_script_carries_its_language(make_request: Make) -> None:
    _catalog, found = structure(build_calendar_pdf(make_request(name="سارة")))
    assert [str(element["/Lang"]) for element in found if "/Lang" in element] == ["ar"]
    _catalog, found = structure(build_calendar_pdf(make_request(name="Zoë")))
    assert not [element for element in found if "/Lang" in element]


def test_no_unused_helvetica(make_request: Make) -> None:
    reader = pypdf.PdfReader(io.BytesIO(build_calendar_pdf(make_request())))
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]  # type: ignore[index]
        assert all("Helvetica" not in str(font.get_object()["/BaseFont"]) for font in fonts.values())


@pytest.mark.parametrize("language", ["ar", "he"])
def test_text_is_stored_in_reading_order_with_base_letters(make_request: Make, language: str) -> None:
    """pypdf reads the stored text: Arabic and Hebrew come back as typed (not reversed, not letter shapes)."""
    _ = translations(language).gettext
    reader = pypdf.PdfReader(io.BytesIO(build_calendar_pdf(make_request(language=language))))
    text = " ".join(page.extract_text() for page in reader.pages)
    for message in ("Key dates", "What to do, step by step", "Looking after it for years"):
        assert _(message) in text, message
    # letters, not their joined shapes (a lam-alef ligature keeps its one character: poppler and PDFium would
    # swap its two letters)
    assert not any(0xFE70 <= ord(ch) <= 0xFEF4 or 0xFB50 <= ord(ch) <= 0xFBFF for ch in text)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_two_sessions_take_three_pages(make_request: Make, language: str, paper: str) -> None:
    assert render(make_request(language=language, paper=paper)).pages <= 3


def test_the_handout_is_small(make_request: Make) -> None:
    """Pictograms are forms drawn once, fonts are subsets without hinting, day cells and shaped words are
    written compactly, objects sit in a compressed object stream, the logo is a JPEG. The targets are 60 KB
    and 120 KB; the limits here keep the room under them (about 45 KB and 77 KB when this was written)."""
    assert len(build_calendar_pdf(make_request())) <= 50 * 1024
    assert len(build_calendar_pdf(make_request(language="ar", large_print=True, name="سارة"))) <= 90 * 1024


def card_words(request: CalendarRequest) -> Counter[str]:
    """The words of the key-dates section itself: its heading, its introduction, and each card's date and text."""
    _ = translations(request.language).gettext
    schedule = request.schedule
    local = regional(request.language, request.clinic.region)
    text = [_("Key dates"), _("Point your phone's camera at a code. It adds that date to your phone's calendar.")]
    for entry in content.key_dates(schedule, local, _):
        text += [content.key_date_when(schedule, entry.date, local), entry.text]
    return Counter(unicodedata.normalize("NFKC", " ".join(text)).split())


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_no_page_holds_only_qr_codes(make_request: Make, language: str, paper: str) -> None:
    """Each code sits in its key date's card beside the date and what happens, and every page with codes also
    carries other reading (a section of the handout), not only key-date cards: at least 40 words that are not a
    card's, the key-dates heading or introduction, or the footer."""
    request = make_request(language=language, paper=paper)
    pdf = build_calendar_pdf(request)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    cards = card_words(request)
    pages_with_codes = 0
    for page, text in zip(reader.pages, page_texts(pdf), strict=True):
        content_stream = page.get_contents()
        assert content_stream is not None
        if content_stream.get_data().count(b" BI /W "):
            pages_with_codes += 1
            footer = text.strip().splitlines()[-1]  # the clinic, its phone and the page number
            other = Counter(text.split()) - cards - Counter(footer.split())
            assert other.total() >= 40, (page.page_number, text)
    assert pages_with_codes >= 1
