"""Never run a screen's old compiled QML: a `.qmlc` older than its `.qml` is removed before the engine loads.

packaging/qml_cache.py writes a `.qmlc` beside each QML file with qmlcachegen, which the engine then loads
instead of compiling the file. Such ahead-of-time files carry no time stamp of their source, so Qt uses them
even when the `.qml` beside them has changed since (an update copied over the screens, a developer edited one):
the kiosk would show the old screen. The check costs one `stat` per file. When a stale file cannot be removed
(a read-only install), Qt's disk cache is turned off for this process instead, so the screens are compiled
from their sources as they load.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)


def is_stale(cache: Path) -> bool:
    """A `.qmlc` that is missing, has no `.qml` beside it, or is older than it (the one rule, also for
    packaging/qml_cache.py, which compiles exactly the stale ones)."""
    source = cache.with_suffix(".qml")
    try:
        return not source.is_file() or cache.stat().st_mtime_ns < source.stat().st_mtime_ns
    except OSError:
        return True


def stale_caches(folder: Path) -> list[Path]:
    """The `.qmlc` files under `folder` that are missing their `.qml` or are older than it."""
    return [cache for cache in folder.rglob("*.qmlc") if is_stale(cache)]


def forget_stale_caches(folder: Path) -> int:
    """Remove the stale `.qmlc` files; turn Qt's QML disk cache off if one stays. How many were stale."""
    stale = stale_caches(folder)
    for cache in stale:
        try:
            cache.unlink()
        except OSError:
            log.warning("compiled QML %s is older than its source and cannot be removed: compiling the QML", cache)
            os.environ["QML_DISABLE_DISK_CACHE"] = "1"  # read by the engine when it loads its first file
    return len(stale)
