"""Starting the kiosk: the Qt application, the QML engine on the Kiosk module, the lock and the touch detector."""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import gc
import os
import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QKeyEvent
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.core.clinic import Clinic
from kiosk.core.dates import parse_date
from kiosk.core.kiosk_config import KioskConfig, kiosk_database_url
from kiosk.core.protocol import load_protocol
from kiosk.documents.pdf import forget_cached_text
from kiosk.paths import resources_dir
from kiosk.ui.first_frame import AfterFirstFrame
from kiosk.ui.gettext_translator import GettextTranslator
from kiosk.ui.gui_thread_gc import collect_on_gui_thread
from kiosk.ui.kiosk_model import KioskModel
from kiosk.ui.live_settings import LiveSettings
from kiosk.ui.qml_disk_cache import forget_stale_caches
from kiosk.ui.refcount_guard import protect_singletons
from kiosk.ui.settings_model import SettingsModel
from kiosk.ui.staff_model import StaffModel
from kiosk.ui.store_bridge import StoreBridge
from kiosk.ui.window_fill import ScreenFiller, WindowWatch

QML_MODULE = "Kiosk"
_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.InputMethod,
    }
)


def is_escape_key(event: QKeyEvent) -> bool:
    """Keys that would leave or close the kiosk: Escape, Alt+F4, Ctrl+Q, Ctrl+W and any Ctrl/Alt/Meta shortcut."""
    # Qt's namespace here, not at import: PySide builds all its enums at once (about 14 ms of a cold start).
    from PySide6.QtCore import Qt  # noqa: PLC0415

    if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_Close, Qt.Key.Key_Back):
        return True
    ctrl_alt_meta = (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
    )
    return bool(event.modifiers() & ctrl_alt_meta)


class KioskEventFilter(QObject):
    """On the whole application: every touch, click or key counts as activity; escape keys are swallowed."""

    def __init__(self, model: KioskModel) -> None:
        super().__init__(model)
        self.model = model

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in _ACTIVITY and isinstance(watched, QQuickWindow):
            self.model.touched()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if is_escape_key(event):
                return True
        return False


@dataclass
class KioskApp:
    app: QGuiApplication
    engine: QQmlApplicationEngine
    model: KioskModel
    window: QQuickWindow
    translator: GettextTranslator
    event_filter: KioskEventFilter
    staff: StaffModel
    live: LiveSettings
    closed: bool = False

    def shutdown(self) -> None:
        """Close the window and take the kiosk's hooks off the application (tests, screenshots, benchmarks)."""
        if self.closed:
            return
        self.closed = True
        self.live.stop()
        self.model.speech.close()
        self.model.wait_for_jobs()
        self.staff.close()
        self.staff.settings.wait()
        self.staff.bridge.close()
        self.app.removeEventFilter(self.event_filter)
        self.app.removeTranslator(self.translator)
        self.model.lock.allow_exit()
        # The input method is the application's: left open, the next kiosk in this process (tests, screenshots)
        # would start with a keyboard over its welcome screen.
        QGuiApplication.inputMethod().hide()
        self.window.close()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the QML goes before its model
        self.model.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def application() -> QGuiApplication:
    protect_singletons()
    # The keyboard is the window's own InputPanel: no second, desktop keyboard window over the screen.
    for key, value in (
        ("QT_IM_MODULE", "qtvirtualkeyboard"),
        ("QT_QUICK_CONTROLS_STYLE", "Basic"),
        ("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1"),
    ):
        os.environ.setdefault(key, value)
    existing = QGuiApplication.instance()
    app = existing if isinstance(existing, QGuiApplication) else QGuiApplication(sys.argv[:1])
    app.setApplicationName("SMP Kiosk")
    collect_on_gui_thread(app)  # before any worker thread runs Python
    load_fonts(app)
    return app


def load_fonts(app: QGuiApplication) -> None:
    """The Noto fonts shipped for the PDF, so Latin, Arabic and Hebrew look the same on every tablet."""
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*-Regular.ttf")) + sorted(
        (resources_dir() / "fonts").glob("*-Bold.ttf")
    ):
        font_id = QFontDatabase.addApplicationFont(str(path))
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    if families:
        font = QFont(app.font())
        font.setFamilies(families)
        app.setFont(font)


def release_memory(engine: QQmlApplicationEngine) -> None:
    """After a wipe: let the QML engine and Python collect the client's objects, and hand freed heap back to
    the system (the PDF is made on a worker thread, whose malloc arena glibc otherwise keeps), so a kiosk that
    serves clients all day does not grow. The PDF's cached text lines go too: they hold the client's name."""
    forget_cached_text()
    engine.collectGarbage()
    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def start(
    clinic: Clinic,
    config: KioskConfig,
    *,
    windowed: bool = True,
    today: dt.date | None = None,
    inactivity_seconds: int | None = None,
    warning_seconds: int | None = None,
) -> KioskApp:
    """Build everything and show the welcome screen; the caller runs the event loop (or a test drives it)."""
    app = application()
    config.begin()
    protocol = load_protocol(clinic.protocol)
    model = KioskModel(
        clinic,
        protocol,
        config,
        today=(lambda: today) if today else dt.date.today,
        inactivity_seconds=inactivity_seconds,
        warning_seconds=warning_seconds,
    )
    translator = GettextTranslator(model.flow.visit.language)
    app.installTranslator(translator)
    forget_stale_caches(resources_dir() / "qml")
    engine = QQmlApplicationEngine()
    engine.addImportPath(str(resources_dir() / "qml"))
    engine.addImageProvider("calendar", model.images)

    def switch_language(tag: str) -> None:
        translator.set_language(tag)
        engine.retranslate()

    model.languageSwitched.connect(switch_language)
    model.wiped.connect(lambda: release_memory(engine))
    bridge = StoreBridge(kiosk_database_url(config), config.kiosk_id(), clinic=clinic, branch=config.branch())
    settings = SettingsModel(bridge, config, protocol, model.flow.default_language)
    staff = StaffModel(bridge, config, settings, model.handover_bridge)
    live = LiveSettings(
        model, bridge, clinic, protocol, kiosk_inactivity=inactivity_seconds or config.inactivity_override()
    )
    live.start()  # the clinic settings from this kiosk's copy, before the first screen shows
    model.visitProgressed.connect(bridge.record)  # the visit's record, from the session screen to its end
    model.helpAsked.connect(bridge.ask_for_help)  # to every staff screen on the database
    engine.setInitialProperties({"kiosk": model, "staff": staff, "windowed": windowed})
    engine.loadFromModule(QML_MODULE, "Main")
    roots = engine.rootObjects()
    if not roots:
        raise RuntimeError("the kiosk screens could not be loaded (see the QML errors above)")
    window = roots[0]
    assert isinstance(window, QQuickWindow), type(window)
    event_filter = KioskEventFilter(model)
    model.lock.exitRequested.connect(window.close)
    model.speech.attach(window)
    if not windowed:
        ScreenFiller(window)  # the screen's own size, with or without a window manager
    # The database (and SQLAlchemy with it) only once the welcome screen shows: a faster first frame. The voices
    # too (Qt TextToSpeech loads on its own thread): the switch shows for languages that have one. And the Python
    # event filters: every event of the application passes through them (some 20 ms of a cold start), and no
    # client taps or types before there is a screen to see.
    AfterFirstFrame(
        window,
        live.read_soon,
        model.speech.load_voices,
        lambda: app.installEventFilter(event_filter),
        model.speech.watch_input,
    )
    return KioskApp(app, engine, model, window, translator, event_filter, staff, live)


def run(clinic: Clinic, config: KioskConfig, *, windowed: bool, today: str | None = None) -> int:
    kiosk = start(clinic, config, windowed=windowed, today=parse_date(today, "--today") if today else None)
    kiosk.app.setQuitOnLastWindowClosed(True)
    watch = WindowWatch(kiosk.app, kiosk.window)  # a window the window system took away ends the process
    code = kiosk.app.exec()
    watch.timer.stop()
    kiosk.shutdown()
    return code
