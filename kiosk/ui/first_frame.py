"""Work that waits for the window's first frame: the welcome screen shows first, then the rest loads.

Qt's own one-shot connection (Qt.ConnectionType.SingleShotConnection) would do, but naming it builds PySide's
whole `Qt` namespace (some 95 enums, about 14 ms of a cold start) before the first frame.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtQuick import QQuickWindow


class AfterFirstFrame(QObject):
    """Calls each callable once, on the GUI thread, when the window has shown its first frame. The frame may be
    swapped on a render thread: this object lives on the GUI thread, so Qt queues the call to it there."""

    def __init__(self, window: QQuickWindow, *callbacks: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self._callbacks = list(callbacks)
        window.frameSwapped.connect(self._first_frame)

    @Slot()
    def _first_frame(self) -> None:
        if not self._callbacks:  # a second frame queued before the first was handled
            return
        self.window.frameSwapped.disconnect(self._first_frame)
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()
