"""Why kiosk/ui/refcount_guard.py is still here: the locked PySide6 still drops references to None.

When this test fails after `python3 packaging/bootstrap.py lock --upgrade`, the new PySide6 has fixed the bug:
delete refcount_guard.py, its two callers and this test.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QGuiApplication

from kiosk.ui.refcount_guard import RESERVE, protect_singletons

CALLS = 1000

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None, True and False are immortal from Python 3.12 on"
)


def test_the_locked_pyside6_still_drops_references_to_none(qapp: QGuiApplication) -> None:
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        QCoreApplication.processEvents()
        holder.property("not-set")  # returns None
    dropped = before - sys.getrefcount(None)
    assert dropped >= CALLS, f"PySide6 dropped {dropped} references in {2 * CALLS} calls: delete the guard"


def test_the_guard_gives_none_true_and_false_a_reserve_once() -> None:
    protect_singletons()
    counts = [sys.getrefcount(singleton) for singleton in (None, True, False)]
    # the UI tests before this one have used some of the reserve already (the layout test about 20,000 a run)
    assert all(count > RESERVE // 2 for count in counts)
    protect_singletons()  # a second call adds nothing (other threads may move the counts a little meanwhile)
    assert all(sys.getrefcount(singleton) < 2 * RESERVE for singleton in (None, True, False))
