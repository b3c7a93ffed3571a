"""Reading aloud: the "Read aloud" switch, the volume, and what is said when.

When the switch is on, a screen is read when it shows (kiosk.ui.screen_reading walks what it shows), a tapped
control is named with its state, confirmations and errors are said, and typed letters are echoed; the PIN pad
only gives a tone. The words come from kiosk.core.readaloud; the voice is kiosk.ui.speech_engine. A new screen
stops the speech, a second tap on the switch stops it, and the switch, volume and anything queued are wiped with
the client. Nothing spoken is logged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Property, QEvent, QObject, QPointF, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QMouseEvent, QTouchEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.core import readaloud as ra
from kiosk.i18n import is_rtl, language_name, translations
from kiosk.ui import screen_reading as sr
from kiosk.ui.speech_choice import preferred_engines

if TYPE_CHECKING:
    from kiosk.ui.kiosk_model import KioskModel
    from kiosk.ui.speech_engine import SpeechEngine

_TYPING = frozenset({QEvent.Type.KeyPress, QEvent.Type.InputMethod})
SCREEN_SETTLE_MS = 0  # a new screen is read once its bindings have run (the next turn of the event loop)


class Speech(QObject):
    changed = Signal()

    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
        self.model = model
        self.engine: SpeechEngine | None = None
        self.window: QQuickWindow | None = None
        self.locales: list[str] | None = None  # the engine's voices, once it has loaded
        self._enabled = False
        self._volume = ra.DEFAULT_VOLUME
        self._speaking: ra.Kind | None = None
        self._screen_key: tuple[str, ...] = ()
        self._screens = 0  # counts screens shown: a tap that changed the screen is not named afterwards
        self._messages: dict[str, str] = {}
        self._hinted = False  # the welcome hint was said for this client
        self._field: QObject | None = None
        self._typed = ""
        self._read = QTimer(self)
        self._read.setSingleShot(True)
        self._read.setInterval(SCREEN_SETTLE_MS)
        self._read.timeout.connect(self.read_screen)
        self._check_typed = QTimer(self)
        self._check_typed.setSingleShot(True)
        self._check_typed.setInterval(0)
        self._check_typed.timeout.connect(self._text_changed)

    # ------------------------------------------------------------ set-up

    def attach(self, window: QQuickWindow) -> None:
        """Watch the kiosk window (taps) and the model (screens, messages, the client leaving)."""
        self.window = window
        self.model.changed.connect(self._model_changed)
        self.model.wiped.connect(self.wipe)
        self.model.clinicChanged.connect(self._clinic_changed)
        self.model.handover_bridge.changed.connect(self._handover_changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusObjectChanged.connect(self._focus_changed)
        self._screen_key = self._key()
        self._clinic_changed()

    def watch_input(self) -> None:
        """Taps on the window; keys and the on-screen keyboard's letters on fields. app.start calls this after the
        first frame: every event of the application passes through the filter, a cost nobody's tap needs sooner."""
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.installEventFilter(self)

    @Slot()
    def load_voices(self) -> None:
        """app.start calls this on the first frame (a slot: the frame may be swapped on the render thread)."""
        self.load()

    def load(self, engine: SpeechEngine | None = None) -> None:
        """Start the voice (after the first frame: loading it takes a while); tests hand in their own."""
        if self.engine is not None:
            return
        if engine is None:
            if not preferred_engines():  # reading aloud is off on this machine: no voice, no switch
                self.locales = []
                self.changed.emit()
                return
            from kiosk.ui.speech_engine import QtSpeechEngine  # noqa: PLC0415 - Qt's speech library, after the first frame

            engine = QtSpeechEngine(self)
        self.engine = engine
        self.engine.ready.connect(self._engine_ready)
        self.engine.activeChanged.connect(self._active_changed)
        self.engine.set_volume(self._volume)
        self.engine.start()

    def use(self, engine: SpeechEngine) -> None:
        """Speak through `engine` from now on (tests: a recording engine in place of the real voice)."""
        if self.engine is not None:
            self.engine.close()
            self.engine = None
        self.load(engine)

    def close(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.removeEventFilter(self)
            app.focusObjectChanged.disconnect(self._focus_changed)
        if self.engine is not None:
            self.engine.close()

    def _engine_ready(self) -> None:
        assert self.engine is not None
        self.locales = self.engine.locales()
        self.changed.emit()

    def _active_changed(self, active: bool) -> None:
        if not active:
            self._speaking = None

    # ------------------------------------------------------------ the language and its voice

    def _language(self) -> str:
        return str(self.model.flow.visit.language)

    def _gettext(self, tag: str | None = None) -> Callable[[str], str]:
        return translations(tag or self._language()).gettext

    def voice(self, tag: str) -> str | None:
        return ra.voice_locale(tag, self.locales or [])

    def _offered(self) -> bool:
        return self.voice(self._language()) is not None

    def _active(self) -> bool:
        return self._enabled and self._offered() and self.engine is not None and not self._staff_open()

    def _staff_open(self) -> bool:
        if self.window is None:
            return False
        staff = self.window.findChild(QQuickItem, "staffScreen")
        return staff is not None and staff.isVisible()

    # ------------------------------------------------------------ speaking

    def speak(self, utterances: list[ra.Utterance]) -> None:
        utterances = [u for u in utterances if u.text and self.voice(u.language)]
        if not utterances or self.engine is None:
            return
        interrupt = ra.interrupts(utterances[0].kind, self._speaking)
        self._speaking = utterances[0].kind if interrupt or self._speaking is None else self._speaking
        items = [(u.text, self.voice(u.language) or "") for u in utterances]
        self.engine.say(items, interrupt)

    def say(self, text: str, kind: ra.Kind) -> None:
        if self._active():
            self.speak([ra.Utterance(text, self._language(), kind)])

    def silence(self) -> None:
        self._speaking = None
        if self.engine is not None:
            self.engine.stop()

    def _loader_item(self) -> QQuickItem | None:
        loader = self.window.findChild(QQuickItem, "screenLoader") if self.window is not None else None
        item = loader.property("item") if loader is not None else None
        return item if isinstance(item, QQuickItem) else None

    def _shown_item(self) -> QQuickItem | None:
        """What the client looks at: the "Are you still there?" warning over the screen, or the screen."""
        if self.model.flow.warning and self.window is not None:
            return self.window.findChild(QQuickItem, "inactivityOverlay")
        return self._loader_item()

    def screen_text(self) -> str:
        """The current screen as it will be said: what it shows, in its language, without the client's name."""
        item = self._shown_item()
        if item is None:
            return ""
        visit = self.model.flow.visit
        return ra.compose(list(sr.parts(item)), self._gettext(), (visit.first_name, visit.last_name))

    @Slot()
    def read_screen(self) -> None:
        if self._active():
            self.say(self.screen_text(), ra.Kind.SCREEN)

    # ------------------------------------------------------------ what the model tells

    def _key(self) -> tuple[str, ...]:
        flow = self.model.flow
        return (flow.step.value, str(flow.care_index), flow.visit.language, flow.pdf.value, str(flow.warning))

    def _model_changed(self) -> None:
        key = self._key()
        if key != self._screen_key:  # a new screen (or before-care page, or language): stop, then read it
            self._screen_key = key
            self._screens += 1
            self.silence()
            self.changed.emit()  # the language may have changed: the switch shows only where there is a voice
            self._read.start()
        self._message("problem", str(self.model.problem))

    def _handover_changed(self) -> None:
        bridge = self.model.handover_bridge
        self._message("print", str(bridge.printMessage))
        self._message("email", str(bridge.emailMessage))

    def _message(self, source: str, text: str) -> None:
        """A confirmation or an error is said when it appears (or changes), after what is being said."""
        if text != self._messages.get(source, ""):
            self._messages[source] = text
            if text:
                self.say(text, ra.Kind.MESSAGE)

    def _clinic_changed(self) -> None:
        settings = self.model.read_aloud
        if not self._enabled:
            self._set_volume(settings.volume)
        self.changed.emit()  # the languages offered may have changed

    @Slot()
    def wipe(self) -> None:
        """The client has gone: the switch off, the clinic's volume, nothing queued, nothing remembered."""
        self.silence()
        self._read.stop()
        self._enabled = False
        self._hinted = False
        self._messages.clear()
        self._typed = ""
        self._set_volume(self.model.read_aloud.volume)
        self.changed.emit()

    # ------------------------------------------------------------ taps and typing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in _TYPING and self._field is not None:
            self._check_typed.start()  # once the field has the letter
        elif not isinstance(watched, QQuickWindow) or watched is not self.window:
            return False
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._tap_at(event.scenePosition())
        elif kind == QEvent.Type.TouchEnd and isinstance(event, QTouchEvent) and event.points():
            self._tap_at(event.points()[0].scenePosition())
        return False

    def _tap_at(self, point: QPointF) -> None:
        if self.window is None:
            return
        pressed = sr.tapped(self.window.contentItem(), point)
        screens = self._screens
        # After the tap has done its work: the control's new state, unless the tap opened another screen.
        QTimer.singleShot(0, lambda: self._after_tap(pressed, point, screens))

    def _after_tap(self, pressed: QQuickItem | None, point: QPointF, screens: int) -> None:
        if self.window is None:
            return
        item = pressed
        if item is not None and not shiboken6.isValid(item):  # a list the tap changed made its items anew
            item = sr.tapped(self.window.contentItem(), point)
        if self._welcome_hint(item):
            return
        if item is None or not self._active() or screens != self._screens:
            return
        if sr.inside_named(item, "pinPad"):
            assert self.engine is not None
            self.engine.tone()  # never the digit
            return
        if item.objectName() == "readAloudSwitch":
            return  # turning it on reads the screen; the second tap stops
        part = (
            sr.control_part(item) if sr.is_control(item) or sr.is_field(item) else ra.Part(str(item.property("text")))
        )
        self.say(ra.control_text(part.text, part.selected, self._gettext()), ra.Kind.CONTROL)

    def _welcome_hint(self, item: QQuickItem | None) -> bool:
        """The clinic's "speak on the welcome screen": a client's first tap there says how to turn reading on,
        in each offered language that has a voice."""
        settings = self.model.read_aloud
        if self._hinted or self._enabled or not settings.speak_on_welcome or self.engine is None:
            return False
        if self.model.flow.step.value != "welcome" or (item is not None and item.objectName() == "readAloudSwitch"):
            return False
        self._hinted = True
        self.speak(ra.welcome_hints(self._languages_here_first(), self._gettext))
        return True

    def _focus_changed(self, focus: QObject | None) -> None:
        # (No connection to the field's own textChanged: PySide keeps what it learns of a QML item's signals
        # past the item, so the field is compared after each key or input-method event instead.)
        self._field = focus if isinstance(focus, QQuickItem) and sr.is_field(focus) else None
        self._typed = str(self._field.property("text") or "") if self._field is not None else ""

    def _text_changed(self) -> None:
        """A letter typed into the focused field is echoed (only while typing; nothing is kept)."""
        if self._field is None:
            return
        try:
            text = str(self._field.property("text") or "")
        except RuntimeError:  # the field went with its screen
            self._field = None
            return
        before, self._typed = self._typed, text
        if len(text) != len(before) + 1:
            return
        index = next((i for i, (a, b) in enumerate(zip(before, text, strict=False)) if a != b), len(before))
        self.say(ra.letter_text(text[index], self._gettext()), ra.Kind.LETTER)

    # ------------------------------------------------------------ what QML sees

    def _set_enabled(self, on: bool) -> None:
        if on == self._enabled:
            return
        self._enabled = on
        self.changed.emit()
        if on:
            self.load()
            self.read_screen()
        else:
            self.silence()

    def _set_volume(self, volume: int) -> None:
        volume = ra.clamp_volume(volume)
        if volume != self._volume:
            self._volume = volume
            if self.engine is not None:
                self.engine.set_volume(volume)
            self.changed.emit()

    @Slot()
    def louder(self) -> None:
        self._set_volume(ra.louder(self._volume))

    @Slot()
    def quieter(self) -> None:
        self._set_volume(ra.quieter(self._volume))

    def _languages_here_first(self) -> list[str]:
        """The offered languages, the one on screen first."""
        here = self._language()
        return [here, *(tag for tag in self.model.flow.languages if tag != here)]

    def _hints(self) -> list[dict[str, object]]:
        """The welcome screen's line, in each offered language that has a voice here."""
        # Only those languages' catalogs: before the voices are known (the first frame) that is none of them.
        spoken = [tag for tag in self._languages_here_first() if self.voice(tag)]
        return [
            {"tag": h.language, "text": h.text, "rtl": is_rtl(h.language)}
            for h in ra.welcome_hints(spoken, self._gettext)
        ]

    def _report(self) -> str:
        """For the staff screen: which offered languages have no voice on this kiosk."""
        if self.locales is None:
            return ""
        coverage = ra.voice_coverage(self.model.flow.languages, self.locales)
        return ra.coverage_text(coverage, self._gettext(), language_name)

    enabled = Property(bool, lambda self: self._enabled, _set_enabled, notify=changed)
    offered = Property(bool, _offered, notify=changed)
    volume = Property(int, lambda self: self._volume, notify=changed)
    minVolume = Property(int, lambda self: ra.MIN_VOLUME, constant=True)  # noqa: N815
    maxVolume = Property(int, lambda self: ra.MAX_VOLUME, constant=True)  # noqa: N815
    welcomeHints = Property(list, _hints, notify=changed)  # noqa: N815
    voiceReport = Property(str, _report, notify=changed)  # noqa: N815
