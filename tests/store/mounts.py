"""Tiny tmpfs mounts for full-disk and read-only tests (root only; the tests say so when they cannot)."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path


def can_mount() -> bool:
    return os.geteuid() == 0 and os.name == "posix"


def _mount(*args: str) -> None:
    result = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise OSError(f"mount {' '.join(args)} failed: {result.stderr.strip()}")


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def remount(folder: Path, *, read_only: bool) -> None:
    _mount("-o", "remount," + ("ro" if read_only else "rw"), str(folder))


def fill(folder: Path) -> Path:
    """Fill the file system holding `folder` until writing fails; return the filler file."""
    filler = folder / "filler"
    chunk = b"\0" * 4096
    with contextlib.suppress(OSError), filler.open("wb") as handle:
        while True:
            handle.write(chunk)
            handle.flush()
    with contextlib.suppress(OSError), filler.open("ab") as handle:
        for _ in range(64):
            handle.write(b"\0")
            handle.flush()
    return filler
