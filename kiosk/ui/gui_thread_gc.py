"""Python's cycle collector, run on the GUI thread only.

The collector runs on whichever thread happens to allocate when a generation fills up. In the kiosk that is
often a worker (the store's thread pool running a migration, the calendar job shaping text). If the garbage
it finds holds a Qt object, for example a window or item left in a reference cycle by a closed screen, that
object's C++ destructor runs on the worker thread, and Qt aborts the process ("Fatal Python error: Aborted"
during a migration, seen in the test suite under PySide6 6.12). So automatic collection is switched off and a
timer on the GUI thread collects with Python's own thresholds, the way PyQt applications such as Anki do.
Reference counting still frees everything that is not in a cycle at once, on any thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

# Often enough that a busy screen does not pile up cycles (a generation-0 pass takes well under a millisecond),
# rarely enough to cost nothing while the kiosk waits.
CHECK_INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects when a generation is over Python's threshold, on the thread that owns the application."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        counts = gc.get_count()
        generation = -1
        for level, (count, threshold) in enumerate(zip(counts, self.thresholds, strict=True)):
            if threshold and count > threshold:
                generation = level
        if generation >= 0:
            gc.collect(generation)

    def collect_now(self) -> None:
        """A full collection on this (the GUI) thread: after a wipe or when a kiosk window is taken down."""
        gc.collect()


_installed: list[GuiThreadCollector] = []


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector once per application (tests and screenshots start many kiosks) and return it."""
    if not _installed:
        _installed.append(GuiThreadCollector(app))
    return _installed[0]
