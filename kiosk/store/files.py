"""The kiosk's private files and folders: readable by the kiosk's user only (0600 files in 0700 folders).

Apart from kiosk/store/database.py so that the settings copy and the spool need no database library.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def make_private_dir(directory: Path) -> None:
    """Create the folder (0700) or tighten an existing one the kiosk owns."""
    directory.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    info = directory.stat()
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        # e.g. a fallback folder in /tmp made by someone else: never put clients' names there
        raise PermissionError(13, "folder belongs to another user", str(directory))
    if stat.S_IMODE(info.st_mode) != PRIVATE_DIR:
        os.chmod(directory, PRIVATE_DIR)


def make_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, or tighten an existing one."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, PRIVATE_FILE)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) != PRIVATE_FILE:
            os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)
