"""A guard against a reference-counting bug in PySide6 6.12.0 that would crash a kiosk left running.

In 6.12.0, many calls that return None, True or False (QCoreApplication.processEvents, postEvent,
QObject.property of a null value, QQuickItem.parentItem of a root item, QObject.setProperty, ...) hand Python
the object without taking a reference to it. Each such call lowers the count by one; after enough of them
(a few thousand: an afternoon of taps) the interpreter frees None and aborts with "deallocating None".
Python 3.12 and later make these objects immortal, so there is nothing to do there. On 3.11 we give each of
them a reserve of references that no kiosk will ever use up. Remove this module when PySide6 is fixed:
tests/ui/test_refcount_guard.py fails on the first locked PySide6 that no longer drops them (checked on 6.12.0,
the newest release when the lock was written).
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40
_applied = False


def protect_singletons() -> None:
    global _applied  # noqa: PLW0603 - once per process
    if _applied or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += RESERVE
    _applied = True
