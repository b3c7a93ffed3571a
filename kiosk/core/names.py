"""Text a person typed, made safe to show: no control characters, no line breaks, no runaway spaces."""

from __future__ import annotations

import unicodedata

# Format characters that carry meaning in names: joiners (Indic, emoji sequences) and bidi marks.
_KEEP_FORMAT = {"\u200c", "\u200d", "\u200e", "\u200f"}


def clean_text(text: str, max_length: int = 200) -> str:
    """Drop control and stray format characters, fold all whitespace to single spaces, trim to max_length."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char.isspace():
            kept.append(" ")
        elif category == "Cc" or (category == "Cf" and char not in _KEEP_FORMAT):
            continue
        else:
            kept.append(char)
    return " ".join("".join(kept).split())[:max_length].strip()
