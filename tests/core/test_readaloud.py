"""What is said, without Qt: composing a screen, privacy, the queue policy, volume, voices; and a real synthesis
through espeak-ng to a WAV file in every language, which must not be silent and must last as long as the text."""

from __future__ import annotations

import array
import shutil
import subprocess
import wave
from pathlib import Path

import pytest

from kiosk.core import readaloud as ra
from kiosk.i18n import supported_languages, translations


def english(text: str) -> str:
    return text


def test_a_screen_is_composed_in_order_once_each_with_states() -> None:
    parts = [
        ra.Part("Which session is this?"),
        ra.Part("First session", selected=True),
        ra.Part("✓"),
        ra.Part("Second session"),
        ra.Part("Second session"),
    ]
    assert ra.compose(parts, english) == "Which session is this? First session, selected. Second session."


def test_the_name_is_left_out_with_its_comma() -> None:
    assert ra.redact("Thank you, Ana. You are checked in.", ["Ana", ""]) == "Thank you. You are checked in."
    assert ra.redact("Name Ana Lee", ["Ana", "Lee"]) == "Name"
    assert ra.redact("Comment vous appelez-vous ?", ["Ana"]) == "Comment vous appelez-vous ?"
    assert ra.redact("Anatomy", ["Ana"]) == "Anatomy"


def test_the_queue_policy() -> None:
    assert ra.interrupts(ra.Kind.SCREEN, ra.Kind.MESSAGE)
    assert ra.interrupts(ra.Kind.CONTROL, ra.Kind.SCREEN)
    assert ra.interrupts(ra.Kind.LETTER, ra.Kind.LETTER)
    assert not ra.interrupts(ra.Kind.MESSAGE, ra.Kind.SCREEN)
    assert ra.interrupts(ra.Kind.MESSAGE, ra.Kind.LETTER)
    assert ra.interrupts(ra.Kind.MESSAGE, None)


def test_volume_steps_never_go_silent() -> None:
    assert ra.quieter(ra.MIN_VOLUME) == ra.MIN_VOLUME
    assert ra.louder(ra.MAX_VOLUME) == ra.MAX_VOLUME
    assert ra.louder(ra.DEFAULT_VOLUME) == ra.DEFAULT_VOLUME + ra.VOLUME_STEP


def test_voices_are_matched_by_locale_then_language() -> None:
    locales = ["en_US", "en_GB", "pt_PT", "pt_BR", "ar_EG", "he_IL"]
    assert ra.voice_locale("pt_BR", locales) == "pt_BR"
    assert ra.voice_locale("en", locales) == "en_GB"
    assert ra.voice_locale("ar", locales) == "ar_EG"
    assert ra.voice_locale("tr", locales) is None
    coverage = ra.voice_coverage(["en", "tr"], locales)
    assert ra.coverage_text(coverage, english, str.upper).startswith("No voice on this kiosk for: TR.")


def test_letters_and_spaces() -> None:
    assert ra.letter_text("ж", english) == "ж"
    assert ra.letter_text(" ", translations("de").gettext) == "Leerzeichen"


def wav_samples(path: Path) -> tuple[array.array[int], int]:
    with wave.open(str(path), "rb") as wav:
        assert wav.getsampwidth() == 2 and wav.getnchannels() == 1
        samples = array.array("h", wav.readframes(wav.getnframes()))
        return samples, wav.getframerate()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is installed by packaging/bootstrap.py")
@pytest.mark.parametrize("language", supported_languages())
def test_espeak_ng_speaks_the_welcome_hint_in_every_language(tmp_path: Path, language: str) -> None:
    """A real synthesis: the hint as the kiosk says it, through the voice the kiosk uses, to a WAV file."""
    (hint,) = ra.welcome_hints([language], lambda tag: translations(tag).gettext)
    out = tmp_path / "hint.wav"
    voice = ra.ESPEAK_VOICES[language]
    subprocess.run(["espeak-ng", "-v", voice, "-s", "160", "-w", str(out), hint.text], check=True, timeout=60)
    samples, rate = wav_samples(out)
    seconds = len(samples) / rate
    loud = sum(1 for sample in samples if abs(sample) > 500)
    assert loud > 0.1 * len(samples), f"{language}: mostly silent"
    assert max(abs(sample) for sample in samples) > 5000
    words = len(hint.text.split())
    # At 160 words a minute a word takes about 0.375 s; allow for long words and pauses at punctuation.
    assert 0.15 * words <= seconds <= 1.2 * words + 1.0, f"{language}: {seconds:.1f} s for {words} words"
