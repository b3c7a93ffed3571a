"""Write files so that a reader sees the whole new file or nothing: never a half-written one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from kiosk.errors import UserError


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import: os.umask is process-wide, so toggling it later could race other threads' file creation.
_UMASK = _read_umask()


def write_atomically(path: Path, data: bytes) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UserError(f"folder {directory} does not exist: create it or choose another output path")
    if path.is_dir():
        raise UserError(f"{path} is a folder: give a file name for the output")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise UserError(f"cannot write in {directory} ({exc.strerror}): choose another output path") from None
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600; an output file gets the usual mode
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise UserError(f"cannot write {path} ({exc.strerror}): choose another output path") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
