"""Garbage in reference cycles (which may hold Qt objects) is collected on the GUI thread, never on a worker."""

from __future__ import annotations

import gc
import threading

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.ui.app import application
from kiosk.ui.gui_thread_gc import CHECK_INTERVAL_MS, collect_on_gui_thread


class Cycle:
    """Two of these point at each other; only the cycle collector frees them. Records the thread it died on."""

    deaths: list[str] = []  # noqa: RUF012 - shared on purpose: the objects are gone when we look

    def __init__(self) -> None:
        self.other: Cycle | None = None

    def __del__(self) -> None:
        Cycle.deaths.append(threading.current_thread().name)


def make_cycles(count: int) -> None:
    for _ in range(count):
        first, second = Cycle(), Cycle()
        first.other, second.other = second, first


def test_the_kiosk_application_collects_cycles_only_on_the_gui_thread(qapp: QGuiApplication, qtbot: QtBot) -> None:
    assert application() is qapp
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector  # once per process, however many kiosks start
    assert not gc.isenabled()
    gc.collect()
    Cycle.deaths.clear()

    def worker() -> None:
        # far past generation 0's threshold: with automatic collection this thread would collect them
        make_cycles(50 * gc.get_threshold()[0])
        for _ in range(20_000):
            [[] for _ in range(3)]  # allocations that would trigger a collection here

    thread = threading.Thread(target=worker, name="worker")
    thread.start()
    thread.join()
    assert "worker" not in Cycle.deaths
    qtbot.waitUntil(lambda: len(Cycle.deaths) > 0, timeout=CHECK_INTERVAL_MS * 10)
    gc.collect()
    assert set(Cycle.deaths) == {threading.main_thread().name}
