"""Write files so that a reader sees the whole new file or nothing: never a half-written one.

`write_all_atomically` writes several outputs of one command as a unit: every file is written beside its
target first, and only when all are on disk do they replace their targets; a failure half-way puts back the
files already replaced. A device, a pipe or any other special file is never replaced by a regular file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from kiosk.errors import UserError, shown
from kiosk.paths import data_dir, data_folder_problem, within


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import: os.umask is process-wide, so toggling it later could race other threads' file creation.
_UMASK = _read_umask()


def write_atomically(path: Path, data: bytes) -> None:
    write_all_atomically([(path, data)])


def _check_target(path: Path) -> Path:
    """The file to replace: a symbolic link's target (the link stays), refused when it is no regular file."""
    if not str(path).strip():
        raise UserError("an output path is empty: give the path of the file to write")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"folder {shown(folder)} does not exist: create it or choose another output path")
    try:
        target = path.resolve(strict=False) if path.is_symlink() else path
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UserError(f"{shown(path)} is a folder: give a file name for the output")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UserError(
            f"{shown(path)} is a device or other special file, not a regular file: choose a file name for the output"
        )
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise UserError(f"folder {shown(directory)} does not exist: create it or choose another output path")
    return target


def _cannot_write(path: Path, exc: OSError) -> UserError:
    """Nothing was changed; in the kiosk's data folder the fix is the folder, elsewhere another path."""
    reason = exc.strerror or type(exc).__name__
    if within(path, data_dir()):
        return UserError(data_folder_problem(f"{reason}: {shown(path)}"))
    return UserError(f"cannot write {shown(path)} ({reason}): nothing was changed; choose another output path")


def _write_temp(target: Path, data: bytes) -> str:
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise _cannot_write(directory, exc) from None
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600; an output file gets the usual mode
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from None
        raise
    return temp_name


def write_all_atomically(outputs: Sequence[tuple[Path, bytes]]) -> None:
    """Write every (path, data) or none: on any failure no target has changed and no temporary file is left."""
    targets = [_check_target(path) for path, _data in outputs]
    if len({str(target.resolve(strict=False)) for target in targets}) != len(targets):
        raise UserError("two outputs name the same file: give each output its own file name")
    temps: list[str] = []
    backups: list[tuple[Path, str | None]] = []  # replaced targets and a hard link to their old content
    try:
        for target, (_path, data) in zip(targets, outputs, strict=True):
            temps.append(_write_temp(target, data))
        for target, temp in zip(targets, temps, strict=True):
            backup = None
            if target.exists():
                backup = _backup(target)
            backups.append((target, backup))
            os.replace(temp, target)
    except BaseException as exc:
        _roll_back(backups, temps)
        if isinstance(exc, OSError):
            raise _cannot_write(Path(exc.filename) if isinstance(exc.filename, str) else targets[0], exc) from None
        raise
    for _target, backup in backups:
        if backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(backup)


def _backup(target: Path) -> str:
    """A hard link to the target's current content (a copy where the file system has no hard links)."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".old", dir=target.parent)
    os.close(fd)
    os.unlink(name)  # only the free name is wanted: os.link makes the file
    try:
        os.link(target, name)
    except OSError:
        shutil.copy2(target, name)
    return name


def _roll_back(backups: list[tuple[Path, str | None]], temps: list[str]) -> None:
    for target, backup in reversed(backups):
        with contextlib.suppress(OSError):
            if backup is None:
                os.unlink(target)
            else:
                os.replace(backup, target)
        if backup is not None:  # renaming a hard link onto its twin does nothing: the link may still be there
            with contextlib.suppress(OSError):
                os.unlink(backup)
    for temp in temps:
        with contextlib.suppress(OSError):
            os.unlink(temp)
