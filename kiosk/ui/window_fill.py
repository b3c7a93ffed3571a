"""The kiosk window fills its screen, with or without a window manager, and a lost window ends the process.

Without a window manager nobody acts on "full screen": the window keeps the size QML gave it. So the window
takes the geometry of the screen it is on, and takes it again when the screen turns or changes size. A window
that is gone (closed, destroyed or hidden by the window system) ends the process with a failure code, so the
supervisor (systemd's Restart=always) starts a fresh kiosk instead of leaving a process with nothing on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtQuick import QQuickWindow

LOST_WINDOW_EXIT = 3  # "the window went away": the supervisor restarts the kiosk
CHECK_MS = 1000
MISSES_BEFORE_EXIT = 3  # a window may be unmapped for a moment while the screen turns


def fill_screen(window: QQuickWindow) -> None:
    """Full screen on the window's screen: the exact geometry, then the full-screen state for a window manager."""
    screen = window.screen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()


class ScreenFiller(QObject):
    """Keeps a full-screen window the size of its screen when the screen turns, changes size or changes."""

    def __init__(self, window: QQuickWindow) -> None:
        super().__init__(window)
        self.window = window
        self._screen: QScreen | None = None
        window.screenChanged.connect(self._follow)
        self._follow(window.screen())
        fill_screen(window)

    def _follow(self, screen: QScreen | None) -> None:
        if self._screen is not None:
            self._screen.geometryChanged.disconnect(self._refill)
        self._screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self._refill)
            self._refill()

    def _refill(self) -> None:
        fill_screen(self.window)


class WindowWatch(QObject):
    """Ends the application when its window is gone for a few seconds (never while staff let the kiosk exit:
    that path quits on its own)."""

    def __init__(self, app: QGuiApplication, window: QQuickWindow) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.misses = 0
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        window.frameSwapped.connect(self.timer.start)  # watched once something was on screen

    def check(self) -> None:
        if self.window.isVisible() and self.window.isExposed():
            self.misses = 0
            return
        self.misses += 1
        if self.misses >= MISSES_BEFORE_EXIT:
            self.timer.stop()
            self.app.exit(LOST_WINDOW_EXIT)
