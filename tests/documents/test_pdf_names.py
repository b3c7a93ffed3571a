"""Client names are text in any script, never markup, and never leave the page."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pypdfium2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from kiosk.documents.pdf import CalendarRequest, build_calendar_pdf
from kiosk.documents.pdf.fonts import REPLACEMENT
from kiosk.errors import UserError

Make = Callable[..., CalendarRequest]
Texts = Callable[[bytes], list[str]]
Images = Callable[..., list[Image.Image]]


def first_page(texts: list[str]) -> str:
    return " ".join(texts[0].split())


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("Zoë Ødegård", "en"),
        ("Łukasz", "pl"),
        ("Σοφία", "en"),
        ("Алексей", "ru"),
        ("<b>Bob</b> & Co", "en"),
        ("דוד", "he"),
    ],
)
def test_names_are_printed_literally(make_request: Make, texts_of: Texts, name: str, language: str) -> None:
    text = first_page(texts_of(build_calendar_pdf(make_request(name=name, language=language))))
    assert name in text


@pytest.mark.parametrize("language", ["ar", "en"])
def test_arabic_names_are_joined_and_right_to_left(make_request: Make, texts_of: Texts, language: str) -> None:
    text = first_page(texts_of(build_calendar_pdf(make_request(name="سارة", language=language))))
    assert "سارة" in text  # read back in reading order from the joined letter forms


def test_hebrew_words_run_right_to_left(make_request: Make, texts_of: Texts) -> None:
    pdf = build_calendar_pdf(make_request(name="דוד כהן"))
    assert "דוד כהן" in first_page(texts_of(pdf))  # read back in reading order
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0].get_textpage()
        text = page.get_text_range()
        start = text.index("דוד כהן")
        first_name_left = page.get_charbox(start)[0]
        surname_left = page.get_charbox(start + 4)[0]
    finally:
        document.close()
    assert first_name_left > surname_left  # drawn right to left: the first name is on the right


def test_markup_is_never_interpreted(make_request: Make, texts_of: Texts) -> None:
    name = '<font size="40" color="red">Eve</font> <br/> &amp; &lt;'
    text = first_page(texts_of(build_calendar_pdf(make_request(name=name))))
    assert name in text


def test_control_characters_are_stripped(make_request: Make, texts_of: Texts) -> None:
    text = first_page(texts_of(build_calendar_pdf(make_request(name="Ann\x00a\x1b\u202e Lee\n\t"))))
    assert "Anna Lee" in text
    assert "\u202e" not in text


def test_emoji_do_not_crash_and_stay_visible(make_request: Make, texts_of: Texts) -> None:
    text = first_page(texts_of(build_calendar_pdf(make_request(name="Sam 😀🎉 ☀ 🥳"))))
    assert f"Sam 😀🎉 ☀ {REPLACEMENT}" in text


def test_a_200_character_name_wraps_and_stays_on_the_page(
    make_request: Make, texts_of: Texts, images_of: Images
) -> None:
    name = ("Maximilian-Alexander Wolfeschlegelsteinhausenbergerdorff " * 4)[:200]
    assert len(name) == 200
    pdf = build_calendar_pdf(make_request(name=name))
    text = texts_of(pdf)[0]
    assert "".join(name.split()) in "".join(text.split())
    page = images_of(pdf, 60)[0].convert("L")
    margin = round(10 / 25.4 * 60)
    right_strip = page.crop((page.width - margin, 0, page.width, page.height))
    darkest, _ = right_strip.getextrema()
    assert isinstance(darkest, int)
    assert darkest >= 250


def test_a_name_without_spaces_is_broken_to_fit(make_request: Make, texts_of: Texts) -> None:
    name = "Ж" * 200
    text = texts_of(build_calendar_pdf(make_request(name=name)))[0]
    assert "".join(text.split()).count("Ж") == 200


def test_names_are_normalised_to_composed_letters(make_request: Make, texts_of: Texts) -> None:
    decomposed = unicodedata.normalize("NFD", "Zoë Ødegård")
    assert decomposed != "Zoë Ødegård"
    text = first_page(texts_of(build_calendar_pdf(make_request(name=decomposed))))
    assert "Zoë Ødegård" in text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=60))
@pytest.mark.slow
def test_any_typed_name_gives_a_calendar_or_one_clear_error(make_request: Make, name: str) -> None:
    try:
        pdf = build_calendar_pdf(make_request(name=name))
    except UserError as exc:
        assert "name is empty" in str(exc) or "cannot see any letters" in str(exc)
        return
    assert pdf.startswith(b"%PDF-")


@pytest.mark.parametrize("name", ["\U0001f3fb", "\u200d\U0001f3fd", " \U0001f3ff "])
def test_a_name_of_only_a_skin_tone_is_refused_in_plain_words(make_request: Make, name: str) -> None:
    """A skin tone only colours the emoji before it: alone it prints nothing, so the calendar says so."""
    with pytest.raises(UserError, match="cannot see any letters"):
        build_calendar_pdf(make_request(name=name))


def test_a_skin_tone_after_an_emoji_still_prints(make_request: Make) -> None:
    assert build_calendar_pdf(make_request(name="Ana 👍🏽")).startswith(b"%PDF-")
