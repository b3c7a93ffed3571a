"""Where the kiosk finds its shipped resources and keeps its own data."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path

APP_NAME = "smp-kiosk"


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside the bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The kiosk's own writable folder (config, database, outbox); SMP_KIOSK_DATA_DIR overrides it."""
    override = os.environ.get("SMP_KIOSK_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "linux":  # the XDG rule, as platformdirs applies it, without its 5 ms import
        xdg = os.environ.get("XDG_DATA_HOME", "").strip()
        return Path(xdg if os.path.isabs(xdg) else Path.home() / ".local" / "share") / APP_NAME
    import platformdirs  # noqa: PLC0415 - Windows and macOS folders

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Where the kiosk keeps what it can always make again (a prepared logo): inside SMP_KIOSK_DATA_DIR when
    that is set (a test, a second kiosk on one machine), else the user's cache folder (~/.cache on Linux)."""
    if os.environ.get("SMP_KIOSK_DATA_DIR"):
        return data_dir() / "cache"
    if sys.platform == "linux":
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(xdg if os.path.isabs(xdg) else Path.home() / ".cache") / APP_NAME
    import platformdirs  # noqa: PLC0415 - Windows and macOS folders

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def keep_in_cache(target: Path, data: bytes) -> None:
    """Store `data` as `target` in the cache folder, whole or not at all (also with two processes at once);
    quietly not, where the cache cannot be written: whatever is cached can always be made again."""
    partial = target.with_name(f"{target.stem}.{os.getpid()}-{threading.get_ident()}.partial")  # per writer
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(target)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def within(path: Path, folder: Path) -> bool:
    try:
        return path.resolve(strict=False).is_relative_to(folder.resolve(strict=False))
    except (OSError, RuntimeError, ValueError):
        return False


def describe_os_error(exc: OSError, what: str = "") -> str:
    """One line for a file-system failure: which file, what happened, and what to do about it.

    Inside the data folder (read-only, full, a file where a folder should be) the fix is the folder itself.
    """
    from kiosk.errors import shown  # noqa: PLC0415 - kiosk.errors stays free of imports for every module

    reason = exc.strerror or type(exc).__name__
    name = exc.filename if isinstance(exc.filename, str) else None
    folder = data_dir()
    if name is None or within(Path(name), folder):
        return data_folder_problem(reason + (": " + shown(name) if name else ""))
    target = what or shown(name)
    return f"cannot use {target} ({reason}): check that its folder exists, can be written and has free space"


def data_folder_problem(reason: str) -> str:
    """The one message for a data folder the kiosk cannot use (read-only, full, a file, an outbox that is a file)."""
    from kiosk.errors import shown  # noqa: PLC0415

    return (
        f"the kiosk's data folder {shown(data_dir())} cannot be used ({reason}): make it a folder the kiosk user"
        " can write to, with free space, or set SMP_KIOSK_DATA_DIR to one"
    )


def is_regular_file(path: Path) -> bool:
    """Path.is_file that says False, not OSError, for a name too long or otherwise impossible."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False
