"""Reading the kiosk aloud, without Qt: what is said for a screen, a tapped control, a message or a typed letter,
which utterance interrupts which, the volume steps, which voice speaks which language, and the privacy rules.

The ui side (kiosk/ui/speech.py) walks the screen the client sees and hands the pieces here; what comes back is
the exact text given to the speech engine. Nothing here (or there) logs what is spoken.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from enum import Enum

from msgspec import Struct


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation, translate later"
    return text


READ_ALOUD = N_("Read aloud")  # the switch's label, also named by the welcome hint
SELECTED = N_("selected")
SPACE = N_("space")
WELCOME_HINT = N_("To hear the screen read aloud, tap “{switch}” at the top.")
NO_VOICE = N_("No voice on this kiosk for: {languages}. The Read aloud switch is not shown in these languages.")
ALL_VOICES = N_("Read aloud has a voice for every language offered.")

MIN_VOLUME = 10  # percent; "quieter" never goes silent, so a client cannot lose the speech by accident
MAX_VOLUME = 100
VOLUME_STEP = 10
DEFAULT_VOLUME = 70

# The espeak-ng voice for each shipped language (speech-dispatcher uses the same voices on Linux).
ESPEAK_VOICES = {
    "en": "en-gb",
    "es": "es",
    "fr": "fr-fr",
    "de": "de",
    "it": "it",
    "pt_BR": "pt-br",
    "nl": "nl",
    "pl": "pl",
    "tr": "tr",
    "ru": "ru",
    "ar": "ar",
    "he": "he",
}

_SENTENCE_END = tuple(".!?…:;。؟")
_SPOKEN = re.compile(r"\w", re.UNICODE)  # a piece with no letter or digit ("✓", "+", "●") is not read


class Kind(Enum):
    SCREEN = "screen"  # a screen's title, question and choices, when it shows
    CONTROL = "control"  # the control the client tapped
    MESSAGE = "message"  # a confirmation or an error
    LETTER = "letter"  # a letter typed on the keyboard


class ReadAloudSettings(Struct, frozen=True):
    """The clinic's choices (kiosk.store.settings): say on the welcome screen, at a client's first tap, how to
    turn reading aloud on; and the volume each client starts with."""

    speak_on_welcome: bool = False
    volume: int = DEFAULT_VOLUME


class Part(Struct, frozen=True):
    """One thing on a screen, in reading order: a text, or a control with its name and state."""

    text: str
    selected: bool = False


class Utterance(Struct, frozen=True):
    text: str
    language: str  # a kiosk language tag (en, pt_BR, ...)
    kind: Kind


def clamp_volume(volume: int) -> int:
    return max(MIN_VOLUME, min(MAX_VOLUME, volume))


def louder(volume: int) -> int:
    return clamp_volume(volume + VOLUME_STEP)


def quieter(volume: int) -> int:
    return clamp_volume(volume - VOLUME_STEP)


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` without any of `secrets` (the client's typed name) and without the commas left around them:
    "Thank you, Ana. You are checked in." -> "Thank you. You are checked in."."""
    removed = 0
    for secret in sorted({s.strip() for s in secrets if s.strip()}, key=len, reverse=True):
        text, count = re.subn(rf"(?<!\w){re.escape(secret)}(?!\w)", "", text, flags=re.IGNORECASE)
        removed += count
    if not removed:  # (French puts a space before "?": leave a text without the name as it is)
        return text
    text = re.sub(r"\s+([,.!?;:،؟])", r"\1", text)  # "you ," -> "you,"
    text = re.sub(r"[,،]\s*([.!?;:؟])", r"\1", text)  # "you,." -> "you."
    text = re.sub(r"[,،]\s*[,،]", ",", text)
    text = re.sub(r"^\s*[,،.]\s*", "", text)
    return " ".join(text.split())


def sentence(text: str) -> str:
    """One line of speech: spaces tidied, and a full stop so that the voice pauses after it."""
    text = " ".join(text.split())
    return text if not text or text.endswith(_SENTENCE_END) else text + "."


def spoken(text: str) -> bool:
    return bool(_SPOKEN.search(text))


def control_text(name: str, selected: bool, gettext: Callable[[str], str]) -> str:
    """A control as said: its name, and "selected" when it is the chosen one (or a switch that is on)."""
    name = " ".join(name.split())
    return f"{name}, {gettext(SELECTED)}" if selected and name else name


def compose(parts: Sequence[Part], gettext: Callable[[str], str], secrets: Iterable[str] = ()) -> str:
    """A screen's utterance: its pieces in reading order, each once, the client's name left out."""
    secret_list = list(secrets)
    lines: list[str] = []
    for part in parts:
        text = redact(part.text, secret_list)
        if not spoken(text):
            continue
        line = sentence(control_text(text, part.selected, gettext))
        if line not in lines:  # a choice's label is often also its accessible name: say it once
            lines.append(line)
    return " ".join(lines)


def letter_text(char: str, gettext: Callable[[str], str]) -> str:
    """A typed character as said: the letter itself (the voice names it), a space as the word "space"."""
    return gettext(SPACE) if char.isspace() else char


def welcome_hints(languages: Sequence[str], gettext_for: Callable[[str], Callable[[str], str]]) -> list[Utterance]:
    """How to turn reading aloud on, in each offered language, each naming the switch as it reads there."""
    hints = []
    for tag in languages:
        gettext = gettext_for(tag)
        hints.append(Utterance(gettext(WELCOME_HINT).format(switch=gettext(READ_ALOUD)), tag, Kind.MESSAGE))
    return hints


def interrupts(new: Kind, current: Kind | None) -> bool:
    """The queue policy. A new screen, a tap and a typed letter cut off whatever is being said (the client has
    moved on); a confirmation or an error waits for the current words, except that it cuts off a letter."""
    if current is None:
        return True
    return new is not Kind.MESSAGE or current is Kind.LETTER


def voice_locale(tag: str, locales: Iterable[str]) -> str | None:
    """The engine locale ("pt_BR", "he_IL", ...) that speaks the kiosk language `tag`, or None when there is none:
    the exact locale first, then any with the same language."""
    names = sorted(set(locales))
    if tag in names:
        return tag
    language = tag.split("_", maxsplit=1)[0]
    same = [name for name in names if name.split("_")[0] == language]
    return same[0] if same else None


def voice_coverage(languages: Sequence[str], locales: Iterable[str]) -> dict[str, str | None]:
    """Each kiosk language -> the engine locale that speaks it (None: no voice on this machine)."""
    names = list(locales)
    return {tag: voice_locale(tag, names) for tag in languages}


def coverage_text(coverage: dict[str, str | None], gettext: Callable[[str], str], name: Callable[[str], str]) -> str:
    """What the staff screen says about the voices: which offered languages have none, and what that means."""
    missing = [name(tag) for tag, locale in coverage.items() if locale is None]
    if not missing:
        return gettext(ALL_VOICES)
    return gettext(NO_VOICE).format(languages=", ".join(missing))
