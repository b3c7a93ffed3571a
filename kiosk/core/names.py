"""Text a person typed, made safe to show: no control characters, no line breaks, no runaway spaces.

One rule for names everywhere (the kiosk's name screen, `calendar --name`, `email --name`, the PDF and the
.ics file): `clean_text` cleans, `name_problem` refuses a name with nothing visible in it (only spaces,
zero-width joiners, invisible fillers), and `graphemes` keeps what a reader sees as one character whole (an
emoji with a skin tone, a flag, a family joined by ZWJ, a letter with its marks, an Indic conjunct) when a
name is shortened or a line is broken.
"""

from __future__ import annotations

import unicodedata


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation, translate later"
    return text


# Format characters that carry meaning in names: joiners (Indic, emoji sequences) and bidi marks.
_KEEP_FORMAT = {"\u200c", "\u200d", "\u200e", "\u200f"}
ZWJ = "\u200d"
# Letters that draw nothing: Hangul fillers, the braille blank, the Mongolian vowel separator, ...
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u17b4\u17b5")
_VISIBLE_CATEGORIES = ("L", "N", "P", "S")
NAME_PART_MAX_CHARS = 60  # a first or a last name, as the kiosk's name screen takes it
FULL_NAME_MAX_CHARS = 2 * NAME_PART_MAX_CHARS + 1  # both and a space: what a calendar prints
NAME_HAS_NO_LETTERS = N_("We cannot see any letters in this name. Please type it again.")


def _is_extender(char: str) -> bool:
    """Characters that belong to the character before them: marks, joiners, variation selectors, skin
    tones and emoji tag characters."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or char in ("\u200c", ZWJ)
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
        or 0xE0100 <= code <= 0xE01EF
    )


def _is_regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def graphemes(text: str) -> list[str]:
    """`text` split into user-perceived characters (a practical subset of Unicode's extended grapheme
    clusters: marks, joiner sequences, skin tones, flags as pairs, viramas joining the next letter)."""
    clusters: list[str] = []
    for char in text:
        if clusters:
            last = clusters[-1]
            joined_by_previous = last[-1] == ZWJ or unicodedata.combining(last[-1]) == 9  # ZWJ or a virama
            pair_open = _is_regional_indicator(char) and sum(map(_is_regional_indicator, last)) == 1
            if _is_extender(char) or pair_open or (joined_by_previous and not char.isspace()):
                clusters[-1] = last + char
                continue
        clusters.append(char)
    return clusters


def shorten_graphemes(text: str, max_length: int) -> str:
    """At most `max_length` code points, never cutting a grapheme cluster in two."""
    if len(text) <= max_length:
        return text
    kept: list[str] = []
    used = 0
    for cluster in graphemes(text):
        if used + len(cluster) > max_length:
            break
        kept.append(cluster)
        used += len(cluster)
    return "".join(kept)


def clean_text(text: str, max_length: int = 200) -> str:
    """Drop control and stray format characters, fold all whitespace to single spaces, trim to max_length."""
    kept = []
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if char.isspace():
            kept.append(" ")
        elif category in ("Cc", "Cs", "Co", "Cn") or (category == "Cf" and char not in _KEEP_FORMAT):
            continue
        else:
            kept.append(char)
    return shorten_graphemes(" ".join("".join(kept).split()), max_length).strip()


def has_visible_character(text: str) -> bool:
    """True when something in `text` draws ink: a letter, digit, punctuation or symbol that is not a filler."""
    return any(
        unicodedata.category(char)[0] in _VISIBLE_CATEGORIES and char not in _BLANK_LETTERS and not _is_extender(char)
        for char in text  # a skin tone or tag character alone draws nothing: it only changes the emoji before it
    )


def name_problem(text: str) -> str | None:
    """None for a name that prints; NAME_HAS_NO_LETTERS (a message id) for one that is not empty but shows
    nothing. An empty name is for the caller to judge (a last name may be left out)."""
    if text.strip() and not has_visible_character(text):
        return NAME_HAS_NO_LETTERS
    return None
