"""A calendar PDF per shipped language, made by the `calendar` command, read back as text and rendered."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pypdf
import pypdfium2
import pytest

from kiosk.cli import main
from kiosk.documents.pdf.text import Style, layout_line
from kiosk.i18n import supported_languages, text_direction, translations

TODAY = "2026-11-24"
SESSIONS = ("2026-11-27", "2026-12-18")


def make_calendar(language: str, out: Path) -> bytes:
    sessions = [arg for date in SESSIONS for arg in ("--session", date)]
    argv = ["--today", TODAY, "calendar", "--name", "Sam Rivera", *sessions, "--language", language]
    assert main([*argv, "--out", str(out), "--deterministic"]) == 0
    return out.read_bytes()


def words(text: str) -> set[str]:
    """Words without the punctuation around them (in a right-to-left line it reads back on the other side)."""
    stripped = (word.strip(".,:;!?()«»\"'،؛؟") for word in unicodedata.normalize("NFKC", text).split())
    return {word for word in stripped if word}


@pytest.mark.parametrize("language", supported_languages())
def test_calendar_pdf_renders_in_every_language(language: str, tmp_path: Path) -> None:
    pdf = make_calendar(language, tmp_path / f"{language}.pdf")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    found = set().union(*(words(page.extract_text()) for page in reader.pages))
    _ = translations(language).gettext
    for message in ("Key dates", "Keep your scalp dry", "Do not use shampoo yet.", "Questions? Get in touch"):
        # Right-to-left lines read back in visual order, so compare words, not whole sentences.
        missing = words(_(message)) - found
        assert not missing, f"{language}: {_(message)!r} is not in the PDF (missing {missing})"
    if language != "en":
        assert "shampoo yet" not in " ".join(found)
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=40 / 72).to_pil().convert("L")
    finally:
        document.close()
    darkest, lightest = image.getextrema()
    assert lightest > 200 and darkest < 80  # ink on paper, not a blank page


@pytest.mark.parametrize("language", ["ar", "he"])
def test_right_to_left_text_is_shaped_and_keeps_latin_names_whole(language: str) -> None:
    assert text_direction(language) == "rtl"
    _ = translations(language).gettext
    sentence = _("Your aftercare calendar from {clinic}").format(clinic="Northside Scalp Studio")
    line = layout_line(sentence, Style(10), "rtl")
    latin = [run.text for run in line.runs if run.text.isascii() and run.text.strip()]
    # The Latin name stays in its own order, and at the left end: the end of a right-to-left sentence.
    assert latin[0] == "Northside Scalp Studio"
    assert line.runs[0].text == "Northside Scalp Studio"
    if language == "ar":  # joined letters: HarfBuzz picked the contextual (presentation) forms
        drawn = "".join(run.text for run in line.runs)
        assert any(0xFE70 <= ord(ch) <= 0xFEFF for ch in drawn)
