"""Reading aloud as a client meets it: the switch, taps named with their state, confirmations and errors, typed
letters, the PIN pad's tone, stopping, the volume, the welcome hint, languages without a voice, and privacy."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from kiosk.core.readaloud import (
    DEFAULT_VOLUME,
    MIN_VOLUME,
    READ_ALOUD,
    VOLUME_STEP,
    WELCOME_HINT,
    ReadAloudSettings,
)
from kiosk.i18n import translations
from kiosk.store import CheckInStore
from kiosk.ui.app import KioskApp
from kiosk.ui.speech_engine import QtSpeechEngine
from tests.ui.conftest import Driver, read_property, shown
from tests.ui.speech_recorder import RecordingEngine
from tests.ui.test_kiosk_flow import type_on_keyboard
from tests.ui.test_kiosk_layout import check_screen
from tests.ui.test_staff_screen import retype, reveal
from tests.ui.test_staff_settings import open_settings, save, stored_settings


def reading(drive: Driver, engine: RecordingEngine | None = None) -> RecordingEngine:
    engine = engine or RecordingEngine()
    drive.kiosk.model.speech.use(engine)
    drive.qtbot.wait(20)
    drive.tap("readAloudSwitch")
    drive.qtbot.waitUntil(lambda: bool(engine.said), timeout=5000)
    return engine


def test_a_tapped_control_is_named_with_its_state(drive: Driver) -> None:
    engine = reading(drive)
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.type_keys("Al")
    drive.tap("nextButton")
    drive.wait_step("session")
    mark = len(engine.said)
    drive.tap("session_2")
    drive.qtbot.waitUntil(lambda: len(engine.said) > mark, timeout=5000)
    assert engine.said[-1].text == "Second session, selected"
    assert engine.said[-1].interrupt  # a tap cuts off what was being said


def test_confirmations_and_errors_are_said_after_the_current_words(drive: Driver) -> None:
    engine = reading(drive)
    drive.tap("checkInButton")
    drive.wait_step("name")
    mark = len(engine.said)
    drive.tap("nextButton")  # no first name: the problem line appears
    problem = str(read_property(drive.kiosk.model, "problem"))
    assert problem
    drive.qtbot.waitUntil(lambda: problem in engine.texts(mark), timeout=5000)
    said = next(s for s in engine.said[mark:] if s.text == problem)
    assert said.text == problem


def test_typed_letters_are_echoed_and_the_name_is_never_read_back(drive: Driver) -> None:
    engine = reading(drive)
    drive.tap("checkInButton")
    drive.wait_step("name")
    mark = len(engine.said)
    drive.type_keys("Zoe")
    drive.qtbot.wait(50)
    assert engine.texts(mark) == ["Z", "o", "e"]
    drive.tap("nextButton")
    drive.wait_step("session")
    drive.kiosk.model.next()
    drive.qtbot.wait(50)
    for said in engine.said[mark + 3 :]:
        assert "Zoe" not in said.text


def test_a_tapped_text_is_read_even_the_name(drive: Driver, kiosk: KioskApp) -> None:
    """On a later screen the name is left out of what is read, unless the client taps it."""
    kiosk.model.set_receipt_required(True)
    engine = reading(drive)
    model = kiosk.model
    model.checkIn()
    model.setName("Zoe", "Quinn")
    model.next()
    model.next()
    model.answerMoisturised(True)
    model.chooseHair("long")
    while model.flow.step.value in ("before-care", "review"):
        model.next()
    drive.qtbot.waitUntil(lambda: read_property(model, "pdfStatus") == "ready", timeout=30_000)
    model.next()
    model.next()
    drive.wait_step("receipt")
    drive.qtbot.wait(50)
    screen = [s.text for s in engine.said if "Quinn" in s.text or "Zoe" in s.text]
    assert screen == []
    mark = len(engine.said)
    drive.tap("receiptName")
    drive.qtbot.waitUntil(lambda: len(engine.said) > mark, timeout=5000)
    assert engine.said[-1].text == "Zoe Quinn"


def test_the_pin_pad_gives_a_tone_never_a_digit(drive: Driver) -> None:
    engine = reading(drive)
    drive.open_pin_pad()
    drive.qtbot.waitUntil(lambda: shown(drive.find("pinPad", visible=False)), timeout=5000)
    mark = len(engine.said)
    for digit in "2468":
        drive.tap(f"pinKey{digit}")
    drive.qtbot.wait(50)
    assert engine.tones == 4
    assert not any(ch.isdigit() for text in engine.texts(mark) for ch in text)


def test_a_new_screen_stops_the_speech_and_a_second_tap_stops_it(drive: Driver) -> None:
    engine = reading(drive)
    stops = engine.stops
    drive.tap("checkInButton")
    drive.wait_step("name")
    assert engine.stops > stops
    assert engine.said[-1].interrupt and "What is your name?" in engine.said[-1].text
    stops, mark = engine.stops, len(engine.said)
    drive.tap("readAloudSwitch")
    drive.qtbot.wait(30)
    assert engine.stops > stops
    assert not read_property(drive.kiosk.model.speech, "enabled")
    drive.type_keys("A")
    assert engine.texts(mark) == []  # off: nothing more is said


def test_volume_buttons_show_while_on_and_the_client_leaving_wipes_everything(qtbot: QtBot, drive: Driver) -> None:
    speech = drive.kiosk.model.speech
    assert not drive.has("volumeUp")
    engine = reading(drive)
    assert drive.has("volumeUp") and drive.has("volumeDown")
    drive.tap("volumeUp")
    assert engine.volume == DEFAULT_VOLUME + VOLUME_STEP
    for _ in range(12):
        if drive.find("volumeDown").isEnabled():
            drive.tap("volumeDown")
    assert engine.volume == MIN_VOLUME  # never silent
    drive.tap("checkInButton")
    drive.wait_step("name")
    stops = engine.stops
    drive.kiosk.model.inactivityTimeout()
    drive.wait_step("welcome")
    assert engine.stops > stops
    assert not read_property(speech, "enabled")
    assert engine.volume == DEFAULT_VOLUME
    assert not drive.has("volumeUp")


def test_the_welcome_screen_says_how_to_turn_it_on_in_each_language(drive: Driver, kiosk: KioskApp) -> None:
    engine = RecordingEngine(("en_GB", "de_DE", "ar_EG"))  # three languages have a voice here
    kiosk.model.speech.use(engine)
    drive.qtbot.wait(20)
    hints = read_property(kiosk.model.speech, "welcomeHints")
    assert [hint["tag"] for hint in hints] == [tag for tag in kiosk.model.flow.languages if tag in ("en", "de", "ar")]
    hints = {hint["tag"]: hint for hint in hints}
    assert hints["de"]["text"] == translations("de").gettext(
        "To hear the screen read aloud, tap “{switch}” at the top."
    ).format(switch=translations("de").gettext("Read aloud"))
    assert hints["ar"]["rtl"] is True
    assert shown(drive.find("readAloudHint"))
    assert drive.text("readAloudHint") in [hint["text"] for hint in hints.values()]
    drive.tap("checkInButton")  # the clinic has not asked for the spoken hint: nothing is said
    drive.wait_step("name")
    assert engine.said == []


def test_a_chosen_languages_hint_stays_a_whole_turn(drive: Driver, kiosk: KioskApp) -> None:
    """The line turns through the languages; a client who taps theirs reads it in full, not for whatever was
    left of the turn before."""
    kiosk.model.speech.use(RecordingEngine(("en_GB", "de_DE", "ar_EG")))
    hint = drive.find("readAloudHint")
    hint.setProperty("turnInterval", 1200)
    first = drive.text("readAloudHint")
    drive.qtbot.waitUntil(lambda: drive.text("readAloudHint") != first, timeout=3000)  # a turn just began
    drive.qtbot.wait(800)  # most of it gone
    drive.tap("language_de")
    german = translations("de")
    line = german.gettext(WELCOME_HINT).format(switch=german.gettext(READ_ALOUD))
    drive.qtbot.wait(550)  # past where the old turn ended, well before a new one would
    assert drive.text("readAloudHint") == line
    drive.qtbot.waitUntil(lambda: drive.text("readAloudHint") != line, timeout=3000)  # and then it turns on


def test_speak_on_the_welcome_screen_at_the_first_tap(drive: Driver, kiosk: KioskApp) -> None:
    engine = RecordingEngine(("en_GB", "fr_FR"))
    kiosk.model.read_aloud = ReadAloudSettings(speak_on_welcome=True)
    kiosk.model.speech.use(engine)
    drive.find("language_fr")
    drive.tap_item(drive.find("readAloudHint"))
    drive.qtbot.waitUntil(lambda: len(engine.said) >= 2, timeout=5000)
    assert [s.locale for s in engine.said] == ["en_GB", "fr_FR"]
    assert "Read aloud" in engine.said[0].text and "Lire à voix haute" in engine.said[1].text
    drive.tap_item(drive.find("readAloudHint"))
    drive.qtbot.wait(50)
    assert len(engine.said) == 2  # once per client


def test_a_language_without_a_voice_has_no_switch_and_staff_are_told(drive: Driver, kiosk: KioskApp) -> None:
    kiosk.model.speech.use(RecordingEngine(("en_GB", "fr_FR")))
    drive.qtbot.wait(20)
    assert shown(drive.find("readAloudSwitch"))
    drive.tap("language_he")
    drive.qtbot.wait(30)
    assert not drive.has("readAloudSwitch")
    drive.tap("language_fr")
    drive.qtbot.wait(30)
    assert shown(drive.find("readAloudSwitch"))
    report = str(read_property(kiosk.model.speech, "voiceReport"))
    assert "hébreu" in report.lower() or "עברית" in report


def test_nothing_spoken_is_logged(drive: Driver, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    engine = reading(drive)
    drive.tap("checkInButton")
    drive.wait_step("name")
    drive.type_keys("Xenia")
    drive.qtbot.wait(50)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for said in engine.said:
        if len(said.text) > 3:  # (single typed letters are in any log)
            assert said.text not in logged


def test_the_clinic_volume_is_where_each_client_starts(
    make_kiosk: Callable[..., KioskApp], qtbot: QtBot, data_dir: Path
) -> None:
    """Staff save a volume on the settings page (here: straight into the store); the kiosk starts each client there."""
    store = CheckInStore(data_dir=data_dir)
    try:
        assert store.save_settings(msgspec.structs.replace(store.settings(), read_aloud_volume=40))
    finally:
        store.close()
    kiosk = make_kiosk()
    qtbot.waitUntil(lambda: kiosk.model.read_aloud.volume == 40, timeout=10_000)
    engine = RecordingEngine()
    kiosk.model.speech.use(engine)
    assert engine.volume == 40
    assert read_property(kiosk.model.speech, "volume") == 40


def test_the_qt_engine_speaks_on_its_own_thread(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real engine class with Qt's mock voice: voices arrive from the speech thread, and a text is spoken
    there to the end."""
    monkeypatch.setenv("SMP_KIOSK_SPEECH_ENGINE", "mock")
    engine = QtSpeechEngine()
    try:
        with qtbot.waitSignal(engine.ready, timeout=10_000):
            engine.start()
        assert "en_GB" in engine.locales()
        states: list[bool] = []
        engine.activeChanged.connect(states.append)
        engine.set_volume(50)
        engine.say([("Hello there", "en_GB"), ("Second part", "en_GB")], True)
        qtbot.waitUntil(lambda: states[-2:] == [True, False] if len(states) >= 2 else False, timeout=10_000)
    finally:
        engine.close()
    assert not engine.voice_thread.isRunning()


def test_the_still_there_warning_is_read_over_the_screen(drive: Driver, kiosk: KioskApp) -> None:
    engine = reading(drive)
    drive.tap("checkInButton")
    drive.wait_step("name")
    mark = len(engine.said)
    kiosk.model.inactivityWarning()
    drive.qtbot.waitUntil(lambda: len(engine.said) > mark, timeout=5000)
    assert engine.said[-1].interrupt and engine.said[-1].text.startswith("Are you still there?")
    assert "What is your name?" not in engine.said[-1].text


def test_letters_typed_on_the_on_screen_keyboard_are_echoed(drive: Driver) -> None:
    engine = reading(drive)
    drive.tap("checkInButton")
    drive.wait_step("name")
    mark = len(engine.said)
    type_on_keyboard(drive, "mia")
    drive.qtbot.wait(50)
    assert [text.lower() for text in engine.texts(mark)] == ["m", "i", "a"]


FRESH = """
import sys
from PySide6.QtCore import QTimer
from kiosk.core.clinic import load_clinic
from kiosk.core.kiosk_config import KioskConfig
from kiosk.ui.app import start

kiosk = start(load_clinic("demo"), KioskConfig())
print("speech before the first frame:", "PySide6.QtTextToSpeech" in sys.modules, flush=True)
speech = kiosk.model.speech
poll = QTimer()
poll.timeout.connect(lambda: speech.locales is not None and kiosk.app.exit(0))
poll.start(50)
QTimer.singleShot(30_000, lambda: kiosk.app.exit(3))
code = kiosk.app.exec()
print("voices after it:", sorted(speech.locales or []), flush=True)
kiosk.shutdown()
sys.exit(code)
"""


def test_the_voices_load_after_the_first_frame_on_their_own_thread(tmp_path: Path) -> None:
    env = dict(os.environ, SMP_KIOSK_DATA_DIR=str(tmp_path), SMP_KIOSK_SPEECH_ENGINE="mock")
    command = [sys.executable, "-c", FRESH]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=90, check=False)
    assert "speech before the first frame: False" in result.stdout, result.stderr[-2000:]
    assert "'en_GB'" in result.stdout and result.returncode == 0, result.stderr[-2000:]


def test_staff_set_reading_aloud_and_see_which_languages_have_no_voice(
    qtbot: QtBot, kiosk: KioskApp, data_dir: Path
) -> None:
    kiosk.model.speech.use(RecordingEngine(("en_GB", "de_DE")))
    drive = Driver(qtbot, kiosk)
    open_settings(drive)
    report = drive.find("staffVoiceReport", visible=False)
    text = str(read_property(report, "text"))
    assert text.startswith("No voice on this kiosk for: ") and "Français" in text and "Deutsch" not in text
    reveal(drive, "staffSpeakOnWelcome")
    drive.tap("staffSpeakOnWelcome")
    retype(drive, "staffReadAloudVolume", "50")
    reveal(drive, "staffSaveSettings")
    save(drive)
    saved = stored_settings(data_dir)
    assert saved.speak_on_welcome and saved.read_aloud_volume == 50


@pytest.mark.parametrize(("language", "size"), [("de", (800, 1280)), ("ru", (1280, 800)), ("ar", (800, 1280))])
def test_the_switch_and_volume_fit_on_screen_with_larger_text(
    qtbot: QtBot, make_kiosk: Callable[..., KioskApp], language: str, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(*size)
    drive = Driver(qtbot, kiosk)
    kiosk.model.speech.use(RecordingEngine())
    drive.tap(f"language_{language}")
    drive.tap("largeTextSwitch")
    drive.tap("readAloudSwitch")
    drive.tap("checkInButton")
    drive.wait_step("name")
    for name in ("largeTextSwitch", "contrastSwitch", "readAloudSwitch", "volumeDown", "volumeUp"):
        item = drive.find(name)
        corner = item.mapToScene(QPointF(item.width(), item.height()))
        origin = item.mapToScene(QPointF(0, 0))
        assert origin.x() >= 0 and corner.x() <= size[0] and corner.y() <= size[1], f"{name} runs off screen"
    assert check_screen(drive, f"{language} {size}") == []
