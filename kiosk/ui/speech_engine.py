"""The voice: Qt TextToSpeech on its own thread, so that a slow or stuck speech service never freezes the screen.

speech-dispatcher (with espeak-ng) on Linux, WinRT or SAPI on Windows; `SMP_KIOSK_SPEECH_ENGINE` names another
Qt engine, or "none" (kiosk/ui/speech_choice.py). Loading the speech-dispatcher engine takes about a second (it
lists every voice), so the kiosk asks for it only after the first frame (app.start), and kiosk.ui.speech imports
this module only then. Utterances arrive as a list of (text, locale) pairs; "interrupt" stops what is being said
first. The texts are never logged.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject, QThread, QUrl, Signal, Slot
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.paths import resources_dir
from kiosk.ui.speech_choice import preferred_engines

TONE = "sounds/key-tone.wav"  # the PIN pad's short tone (the digits are never spoken)
log = logging.getLogger(__name__)


class SpeechEngine(QObject):
    """What kiosk.ui.speech.Speech talks to. `ready` fires once the voices are known (maybe none)."""

    ready = Signal()
    activeChanged = Signal(bool)  # noqa: N815 - speaking or not

    def locales(self) -> list[str]:
        raise NotImplementedError

    def start(self) -> None:
        raise NotImplementedError

    def say(self, items: list[tuple[str, str]], interrupt: bool) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def set_volume(self, percent: int) -> None:
        raise NotImplementedError

    def tone(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class _Worker(QObject):
    """Lives on the speech thread: owns the QTextToSpeech and the list still to say."""

    loaded = Signal(list)
    active = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.tts: QTextToSpeech | None = None
        self.pending: list[tuple[str, str]] = []
        self.locale = ""
        self.volume = 0.7
        self.effect: QSoundEffect | None = None

    @Slot()
    def load(self) -> None:

        available = QTextToSpeech.availableEngines()
        names = [name for name in preferred_engines() if name in available]
        if not names:
            log.warning("no speech engine on this machine (Qt has %s): reading aloud is off", ", ".join(available))
            self.loaded.emit([])
            return
        tts = QTextToSpeech(names[0], self)
        if tts.state() == QTextToSpeech.State.Error:
            log.warning("the %s speech engine did not start: %s", names[0], tts.errorString())
            self.loaded.emit([])
            return
        tts.stateChanged.connect(self._state)
        tts.setVolume(self.volume)
        self.tts = tts
        self.loaded.emit(sorted({locale.name() for locale in tts.availableLocales()}))

    @Slot(list, bool)
    def say(self, items: list[tuple[str, str]], interrupt: bool) -> None:

        tts = self.tts
        if tts is None:
            return
        if interrupt:
            self.pending = list(items)
            tts.stop(QTextToSpeech.BoundaryHint.Immediate)
        else:
            self.pending.extend(items)
        if tts.state() in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._next()

    @Slot()
    def stop(self) -> None:

        self.pending.clear()
        if self.tts is not None:
            self.tts.stop(QTextToSpeech.BoundaryHint.Immediate)

    @Slot(float)
    def set_volume(self, volume: float) -> None:

        self.volume = volume
        if self.tts is not None:
            self.tts.setVolume(volume)

    @Slot()
    def tone(self) -> None:
        if self.effect is None:
            self.effect = QSoundEffect(self)
            self.effect.setSource(QUrl.fromLocalFile(str(resources_dir() / TONE)))
        self.effect.setVolume(self.volume)
        self.effect.play()

    def _next(self) -> None:

        tts = self.tts
        if not self.pending or tts is None:
            return
        text, locale = self.pending.pop(0)
        if locale != self.locale:
            self.locale = locale
            tts.setLocale(QLocale(locale))
        tts.say(text)

    def _state(self, state: QTextToSpeech.State) -> None:

        speaking = state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing)
        if state == QTextToSpeech.State.Error and self.tts is not None:
            log.warning("the speech engine reported a problem: %s", self.tts.errorString())
        if not speaking and self.pending:
            self._next()
            return
        self.active.emit(speaking)


class QtSpeechEngine(SpeechEngine):
    _say = Signal(list, bool)
    _stop = Signal()
    _volume = Signal(float)
    _tone = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locales: list[str] = []
        self.voice_thread = QThread()
        self.voice_thread.setObjectName("speech")
        self.worker = _Worker()
        self.worker.moveToThread(self.voice_thread)
        self.voice_thread.started.connect(self.worker.load)
        self.voice_thread.finished.connect(self.worker.deleteLater)
        self.worker.loaded.connect(self._loaded)
        self.worker.active.connect(self.activeChanged)
        self._say.connect(self.worker.say)
        self._stop.connect(self.worker.stop)
        self._volume.connect(self.worker.set_volume)
        self._tone.connect(self.worker.tone)

    def _loaded(self, locales: list[str]) -> None:
        self._locales = locales
        self.ready.emit()

    def locales(self) -> list[str]:
        return list(self._locales)

    def start(self) -> None:
        if not self.voice_thread.isRunning():
            self.voice_thread.start()

    def say(self, items: list[tuple[str, str]], interrupt: bool) -> None:
        self._say.emit(items, interrupt)

    def stop(self) -> None:
        self._stop.emit()

    def set_volume(self, percent: int) -> None:
        self._volume.emit(percent / 100)

    def tone(self) -> None:
        self._tone.emit()

    def close(self) -> None:
        if self.voice_thread.isRunning():
            self._stop.emit()
            self.voice_thread.quit()
            if not self.voice_thread.wait(3000):
                log.warning("the speech engine did not stop within 3 s")
                _STUCK.append(self.voice_thread)  # never destroy a running thread


_STUCK: list[QThread] = []
