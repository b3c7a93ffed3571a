"""A speech engine for tests: it has a voice for the locales it is given, and records what it is handed."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.ui.speech_engine import SpeechEngine

# One voice for each shipped language, as speech-dispatcher with espeak-ng names them.
ALL_VOICES = (
    "en_GB",
    "es_ES",
    "fr_FR",
    "de_DE",
    "it_IT",
    "pt_BR",
    "nl_NL",
    "pl_PL",
    "tr_TR",
    "ru_RU",
    "ar_EG",
    "he_IL",
)


@dataclass(frozen=True)
class Said:
    text: str
    locale: str
    interrupt: bool


class RecordingEngine(SpeechEngine):
    def __init__(self, locales: tuple[str, ...] = ALL_VOICES) -> None:
        super().__init__()
        self._locales = list(locales)
        self.said: list[Said] = []
        self.stops = 0
        self.tones = 0
        self.volume = -1
        self.closed = False

    def locales(self) -> list[str]:
        return list(self._locales)

    def start(self) -> None:
        self.ready.emit()

    def say(self, items: list[tuple[str, str]], interrupt: bool) -> None:
        for index, (text, locale) in enumerate(items):
            self.said.append(Said(text, locale, interrupt and index == 0))

    def stop(self) -> None:
        self.stops += 1

    def set_volume(self, percent: int) -> None:
        self.volume = percent

    def tone(self) -> None:
        self.tones += 1

    def close(self) -> None:
        self.closed = True

    def texts(self, since: int = 0) -> list[str]:
        return [said.text for said in self.said[since:]]
