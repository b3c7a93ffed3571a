"""`backup`: a consistent copy of the kiosk's SQLite database, made while the kiosk runs.

SQLite's online backup copies the pages under SQLite's own locks, so the copy is a whole database even while the
kiosk writes check-ins (a plain copy or tar of a live WAL database can miss what is still in the -wal file). A
chain on PostgreSQL backs up with pg_dump instead (docs/install-linux.md).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

from kiosk.core.kiosk_config import KioskConfig
from kiosk.errors import UserError
from kiosk.settings.files import DATABASE_FILE
from kiosk.store.files import PRIVATE_FILE


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="copy the kiosk's SQLite database safely while the kiosk runs",
        description="Write a consistent copy of the kiosk's own database (SQLite's online backup). The copy is "
        "readable by its owner only: it holds clients' first names. PostgreSQL: use pg_dump (docs/install-linux.md).",
    )
    parser.add_argument("--out", required=True, metavar="FILE.db", help="where to write the copy (a new file)")
    parser.set_defaults(handler=run_backup)


def run_backup(args: argparse.Namespace) -> int:
    config = KioskConfig()
    if config.database_url() is not None:
        raise UserError("this kiosk uses a shared PostgreSQL database: back it up with pg_dump (docs/install-linux.md)")
    source = config.folder / DATABASE_FILE
    if not source.is_file():
        raise UserError(f"there is no database at {source} yet: nothing to back up")
    out = Path(args.out)
    if not args.out.strip() or out.exists():
        raise UserError(f"--out {args.out!r} exists or is empty: give the path of a new file")
    if not out.parent.is_dir():
        raise UserError(f"folder {out.parent} does not exist: create it or choose another path")
    part = out.with_name(f".{out.name}.part")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        os.close(fd)
        live = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
        with contextlib.closing(live), contextlib.closing(sqlite3.connect(part)) as copy:
            live.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        os.replace(part, out)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        raise UserError(f"the backup could not be written ({exc}): check the folder and the free space") from None
    print(f"database copied to {out}")
    return 0
