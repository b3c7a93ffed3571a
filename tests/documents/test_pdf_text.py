"""The text layer: cleaning, font fallback, line breaking, bidi order and Arabic shaping."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.documents.pdf.fonts import REPLACEMENT, font, font_for_char
from kiosk.documents.pdf.text import Direction, Style, bidi_levels, clean, isolate_ltr, layout_line, measure, wrap

BODY = Style(12)


def families(text: str, direction: Direction = "auto") -> list[tuple[str, str]]:
    line = layout_line(clean(text), BODY, direction)
    return [(run.font.family, run.text) for run in line.runs]


def test_clean_strips_control_characters_and_keeps_markup_literally() -> None:
    assert clean("Bob\x00\x07\x1b[31m\u202e Smith\r\n") == "Bob[31m Smith"
    assert clean("<b>Bob</b> & Co") == "<b>Bob</b> & Co"
    assert clean("  Zoe\u0308  \t Ødegård ") == "Zoë Ødegård"  # NFC: one letter, as the fonts have it


@pytest.mark.parametrize("name", ["Zoë Ødegård", "Łukasz", "Σοφία", "Алексей"])
def test_latin_greek_and_cyrillic_names_come_from_noto_sans(name: str) -> None:
    assert families(name) == [("NotoSans", name)]


def test_hebrew_reads_right_to_left_with_digits_from_noto_sans() -> None:
    assert font_for_char("ד") is font("NotoSansHebrew")
    assert font_for_char("7") is font("NotoSans")  # Noto Sans Hebrew has no digits
    runs = families("שלום 2026 עולם", "rtl")
    # visual order, left to right: the last word first; the number keeps its digit order
    assert runs == [
        ("NotoSansHebrew", "םלוע"),
        ("NotoSans", " "),
        ("NotoSans", "2026"),
        ("NotoSans", " "),
        ("NotoSansHebrew", "םולש"),
    ]


def test_arabic_letters_are_joined_and_run_right_to_left() -> None:
    line = layout_line("سارة", BODY, "auto")
    (run,) = line.runs
    assert run.font.family == "NotoSansArabic"
    assert run.offsets is not None  # shaped by HarfBuzz, glyph by glyph
    # visual order is the reverse of the typed order; joined forms are not the isolated letters
    assert unicodedata.normalize("NFKC", run.text) == "ةراس"
    assert run.text != "ةراس"
    initial_seen = unicodedata.name(run.text[-1])
    assert "INITIAL FORM" in initial_seen  # the seen (س) joins to the alef: drawn rightmost, initial form


def test_mixed_latin_and_arabic_follows_the_bidi_algorithm() -> None:
    assert bidi_levels("Name: سارة", rtl=False) == [0] * 6 + [1] * 4
    runs = families("Name: سارة 123")
    assert runs[0] == ("NotoSans", "Name: ")
    assert runs[1] == ("NotoSans", "123")  # numbers after Arabic sit to its left (rule W7 and L2)


def test_phone_numbers_stay_whole_in_a_right_to_left_sentence() -> None:
    without = "".join(text for _, text in families("اتصل: +44 20 7946 0958", "rtl"))
    assert "+44 20 7946 0958" not in without  # the plain algorithm splits the groups...
    with_marks = "".join(text for _, text in families("اتصل: " + isolate_ltr("+44 20 7946 0958"), "rtl"))
    assert "+44 20 7946 0958" in with_marks  # ...the marks keep them in order


def test_emoji_come_from_the_emoji_font_and_never_crash() -> None:
    runs = families("Sam 😀👍🏽 ☀ 🥳")
    drawn = "".join(text for _, text in runs)
    # the skin-tone modifier is dropped; 🥳 (Unicode 11) is newer than the emoji font: a visible replacement
    assert drawn == f"Sam 😀👍 ☀ {REPLACEMENT}"
    assert ("SymbolaEmoji", "😀") in runs
    assert ("NotoSansSymbols2", "☀") in runs


def test_no_character_is_drawn_with_a_font_that_lacks_it() -> None:
    text = "Zoë سارة דוד 12 Σοφία ☀ 😀 \u200d\ufe0f"
    for run in layout_line(clean(text), BODY).runs:
        for char in run.text:
            assert ord(char) in run.font.ttf.face.charToGlyph


def test_a_word_wider_than_the_line_is_broken_between_characters() -> None:
    name = "A" * 200
    lines = wrap(name, Style(20), 300)
    assert "".join(lines) == name
    assert all(measure(line, 20) <= 300 for line in lines)
    assert len(lines) > 1


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cdéΣσ אב سا12 ☀,."), max_size=120), st.integers(40, 400))
def test_wrapped_lines_never_exceed_the_width_and_lose_no_word(text: str, width: int) -> None:
    lines = wrap(text, BODY, width)
    assert " ".join(lines).split() == clean(text).split() or "".join(lines).replace(" ", "") == clean(text).replace(
        " ", ""
    )
    for line in lines:
        assert measure(line, BODY.size) <= width + 0.01 or len(line) == 1


def test_bidi_marks_steer_the_order_but_are_never_drawn() -> None:
    marked = clean("Tel: " + isolate_ltr("+44 20"))
    line = layout_line(marked, BODY, "ltr")
    drawn = "".join(run.text for run in line.runs)
    assert "\u200e" not in drawn
    assert measure(marked, 12) == measure("Tel: +44 20", 12)
