"""Names: nothing invisible gets through, every script the Noto family covers prints, clusters stay whole."""

from __future__ import annotations

import datetime as dt
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from kiosk.core import events as f
from kiosk.core.flow import Flow, Step
from kiosk.core.names import (
    NAME_HAS_NO_LETTERS,
    clean_text,
    graphemes,
    has_visible_character,
    name_problem,
    shorten_graphemes,
)
from kiosk.core.protocol import load_protocol
from kiosk.documents.pdf.text import Style, wrap

from .conftest import SESSION, TODAY, run_cli

INVISIBLE = [
    "\u200d",
    "\u200d\u200d\u200d",
    "\u200c",
    "\u200e\u200f",
    "\u3164",
    "\u2800\u2800",
    "\u115f",
    "\uffa0",
    "\u180e",
    "\u200c\u3164\u200d",
    "\U0001f3fb",  # a skin tone alone: it only colours the emoji before it
    "\U0001f3fd\U0001f3ff",
    "\U000e0067\U000e007f",  # emoji tag characters alone
]
VISIBLE = [
    "Zoë",
    "देवनागरी",
    "สมชาย",
    "王小明",
    "やまだ",
    "김민준",
    "محمد",
    "יעל",
    "👍🏽",
    "🇬🇧",
    "👨\u200d👩\u200d👧",
    "O'Brien-Smith",
    "7",
    "\u200dAna",  # a stray joiner beside letters: the letters print
]


@pytest.mark.parametrize("name", INVISIBLE)
def test_a_name_with_nothing_visible_is_refused(name: str) -> None:
    assert not has_visible_character(name)
    assert name_problem(clean_text(name)) in (NAME_HAS_NO_LETTERS, None)
    if clean_text(name):
        assert name_problem(clean_text(name)) == NAME_HAS_NO_LETTERS


@pytest.mark.parametrize("name", VISIBLE)
def test_a_name_in_any_script_is_accepted(name: str) -> None:
    assert name_problem(clean_text(name)) is None


@pytest.mark.parametrize("name", INVISIBLE[:5])
@pytest.mark.parametrize("field", ["first", "last"])
def test_the_kiosk_flow_refuses_an_invisible_name_kindly(name: str, field: str) -> None:
    flow = Flow(load_protocol(), default_language="en", languages=("en", "de"), today=lambda: dt.date(2026, 11, 24))
    flow.handle(f.CheckIn())
    assert flow.step is Step.NAME
    first, last = (name, "Smith") if field == "first" else ("Ana", name)
    flow.handle(f.SetName(first, last))
    flow.handle(f.Next())
    assert flow.step is Step.NAME
    assert flow.problem == NAME_HAS_NO_LETTERS


CLUSTERS = [
    pytest.param("👍🏽", 1, id="skin-tone"),
    pytest.param("🇬🇧🇫🇷", 2, id="two-flags"),
    pytest.param("👨\u200d👩\u200d👧\u200d👦", 1, id="zwj-family"),
    pytest.param("🏳\ufe0f\u200d🌈", 1, id="rainbow-flag"),
    pytest.param("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 1, id="tag-flag-scotland"),
    pytest.param("e\u0301", 1, id="combining-accent"),
    pytest.param("क्षि", 1, id="devanagari-conjunct"),
    pytest.param("ก่", 1, id="thai-tone-mark"),
    pytest.param("Zoë", 3, id="latin"),
    pytest.param("1\ufe0f\u20e3", 1, id="keycap"),
]


@pytest.mark.parametrize(("text", "count"), CLUSTERS)
def test_grapheme_clusters(text: str, count: int) -> None:
    assert len(graphemes(text)) == count
    assert "".join(graphemes(text)) == text


@pytest.mark.parametrize(("text", "_count"), CLUSTERS)
def test_shortening_never_cuts_a_cluster(text: str, _count: int) -> None:
    for limit in range(len(text) + 1):
        short = shorten_graphemes(text, limit)
        assert len(short) <= limit
        assert graphemes(short) == graphemes(text)[: len(graphemes(short))]


def test_a_long_emoji_name_wraps_between_clusters() -> None:
    name = "👨\u200d👩\u200d👧\u200d👦👍🏽🇬🇧" * 6
    lines = wrap(name, Style(12), 40)
    assert len(lines) > 1
    assert "".join(lines) == name
    for line in lines:
        assert line[0] not in ("\u200d", "\ufe0f") and not 0x1F3FB <= ord(line[0]) <= 0x1F3FF


NAME_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Z", "Cf", "Cc")), max_size=120
)


@settings(max_examples=200, deadline=None)
@given(NAME_TEXT, st.integers(min_value=1, max_value=80))
def test_clean_text_is_one_printable_line_within_its_length(text: str, limit: int) -> None:
    cleaned = clean_text(text, limit)
    assert len(cleaned) <= limit
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    assert not any(unicodedata.category(ch) == "Cc" for ch in cleaned)
    assert clean_text(cleaned, limit) == cleaned  # cleaning twice changes nothing


@settings(max_examples=200, deadline=None)
@given(NAME_TEXT)
def test_every_name_is_either_visible_or_refused(text: str) -> None:
    cleaned = clean_text(text)
    if not cleaned:
        return
    problem = name_problem(cleaned)
    assert (problem is None) == has_visible_character(cleaned)


def _fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(
    ("name", "font", "expected_text"),
    [
        pytest.param("राम शर्मा", "NotoSansDevanagari", "र", id="devanagari"),
        pytest.param("สมชาย ใจดี", "NotoSansThai", "สมชาย", id="thai"),
        pytest.param("王小明", "NotoSansCJK", "王小明", id="chinese"),
        pytest.param("山田 はなこ", "NotoSansCJK", "はなこ", id="japanese"),
        pytest.param("김민준", "NotoSansCJK", "김민준", id="korean"),
        pytest.param("Zoë 👍🏽🇬🇧", "Symbola", "Zoë", id="emoji"),
    ],
)
def test_a_name_in_another_script_prints_with_its_font(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, font: str, expected_text: str
) -> None:
    out = tmp_path / "c.pdf"
    args = ["--today", TODAY, "calendar", "--name", name, "--session", SESSION, "--out", str(out), "--deterministic"]
    outcome = run_cli(capsys, *args)
    assert outcome.code == 0, outcome.err
    assert font in _fonts(out)
    first_page = PdfReader(out).pages[0].extract_text()
    assert expected_text in first_page
    assert "\ufffd" not in first_page


def test_a_latin_calendar_embeds_none_of_the_name_fonts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    args = ["--today", TODAY, "calendar", "--name", "Sam Smith", "--session", SESSION, "--out", str(out)]
    assert run_cli(capsys, *args).code == 0
    fonts = _fonts(out)
    for family in ("Devanagari", "Thai", "CJK", "Symbola"):
        assert family not in fonts


MIXED_ALPHABET = [
    *"Aé ",
    *("\u200d", "\u200c", "\ufe0f", "👍", "🏽", "🇬", "🇧", "👨"),
    *("王", "김", "क", "\u094d", "ष", "ก", "\u0e48", "م", "ש"),
]


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(MIXED_ALPHABET),
        min_size=1,
        max_size=40,
    ),
    st.floats(min_value=8, max_value=200),
)
def test_any_mix_of_scripts_and_emoji_lays_out_and_wraps_whole(name: str, width: float) -> None:
    from kiosk.documents.pdf.text import clean, layout_line  # noqa: PLC0415

    text = clean(name)
    lines = wrap(text, Style(12), width)
    position = 0
    for line in lines:
        layout_line(line, Style(12))
        if text[position : position + 1] == " ":  # a break at a space drops the space
            position += 1
        elif position > 0:  # a break inside a word falls between two grapheme clusters of the word
            start = text.rfind(" ", 0, position) + 1
            end = text.find(" ", position) % (len(text) + 1) if " " in text[position:] else len(text)
            ends = {start + sum(len(c) for c in graphemes(text[start:end])[:n]) for n in range(len(text) + 1)}
            assert position in ends, (text, lines)
        assert text.startswith(line, position), (text, lines)
        position += len(line)
    assert position == len(text)
