"""Errors a person can act on: shown as one line, never as a traceback.

Messages often quote what a person gave (a date, a path, a protocol id). `shown` makes such a value safe to
quote: control characters (a CR or LF could forge a second line, an ESC could recolour a terminal) become
visible escapes and a long value is shortened in the middle. `one_line` does the same for a whole message
just before it is printed, so a message built anywhere stays one readable line.
"""

from __future__ import annotations

import unicodedata

MAX_SHOWN = 80  # characters of a quoted value: enough to recognise it
MAX_MESSAGE = 600  # characters of a whole message: the start says what is wrong, the end how to fix it
ELLIPSIS = "\u2026"
# Characters that change how a line displays: bidi overrides and isolates, line and paragraph separators.
_INVISIBLE_FORMAT = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\u0085")


class UserError(Exception):
    """Bad input or configuration; the message says what is wrong and how to fix it."""


class ProtocolError(UserError):
    """A protocol file is missing, unreadable or inconsistent."""


def _visible(text: str) -> str:
    out = []
    for char in text:
        if char in _INVISIBLE_FORMAT or unicodedata.category(char) in ("Cc", "Cs"):
            code = ord(char)
            out.append(
                {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}")
            )
        else:
            out.append(char)
    return "".join(out)


def shorten(text: str, limit: int) -> str:
    """`text` cut in the middle to at most `limit` characters, with an ellipsis where it was cut."""
    if len(text) <= limit:
        return text
    head = (limit - 1) * 2 // 3
    tail = limit - 1 - head
    return text[:head] + ELLIPSIS + (text[-tail:] if tail else "")


def shown(value: object, limit: int = MAX_SHOWN) -> str:
    """A value someone gave, fit to quote in a message: control characters escaped, at most `limit` long."""
    return shorten(_visible(str(value)), limit)


def one_line(message: str) -> str:
    """A whole message as one printable line: control characters escaped, very long words and the whole
    message shortened (each word to MAX_SHOWN * 2, the message to MAX_MESSAGE)."""
    words = [shorten(word, MAX_SHOWN * 2) for word in _visible(message).split(" ")]
    return shorten(" ".join(words), MAX_MESSAGE)
