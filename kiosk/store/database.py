"""Opening the database: SQLite in the data folder (WAL, synchronous=FULL) or PostgreSQL by URL.

SQLite runs in WAL mode with `synchronous=FULL`: a commit that returned is on disk, so it survives the
process being killed and a power cut. Files are private to the kiosk's user: the data folder is 0700 and
the database (with its -wal and -shm files) 0600. The schema is brought up to date with the Alembic
scripts shipped in kiosk/store/migrations, run from code; no alembic.ini is needed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from kiosk.errors import UserError
from kiosk.settings.files import DATABASE_FILE
from kiosk.store.files import PRIVATE_FILE, make_private_dir, make_private_file

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def default_url(data_dir: Path) -> str:
    return f"sqlite+pysqlite:///{data_dir / DATABASE_FILE}"


def load_driver(url: str | None) -> None:
    """Import SQLAlchemy's dialect and the database driver for `url` (SQLite when None) now, on the caller's
    thread; a bad address or a missing driver is left for opening the store to report."""
    with contextlib.suppress(Exception):
        make_url(url or "sqlite+pysqlite://").get_dialect().import_dbapi()


def check_url(url: str) -> str:
    """A database URL we can use, or a UserError that says how to write one."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UserError(
            f"database address '{url}' is not valid: use postgresql://USER:PASSWORD@HOST/DATABASE "
            "or leave it empty for the kiosk's own database"
        ) from None
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise UserError(f"database '{parsed.get_backend_name()}' is not supported: use PostgreSQL or SQLite")
    if parsed.get_backend_name() == "postgresql" and parsed.drivername in {"postgresql", "postgres"}:
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return url


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def protect_sqlite_files(path: Path) -> None:
    make_private_dir(path.parent)
    make_private_file(path)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            if stat.S_IMODE(companion.stat().st_mode) != PRIVATE_FILE:
                os.chmod(companion, PRIVATE_FILE)


class _NoResultRows(logging.Filter):
    """SQLAlchemy logs result rows at DEBUG ("Row (1, 'Anna', ...)"): they hold clients' names."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG


def _keep_names_out_of_logs() -> None:
    engine_logger = logging.getLogger("sqlalchemy.engine.Engine")
    if not any(isinstance(f, _NoResultRows) for f in engine_logger.filters):
        engine_logger.addFilter(_NoResultRows())


def move_aside(path: Path, label: str) -> Path:
    """Rename a SQLite file and its companions to <name>.<label>; return the new path of the file."""
    moved = path.with_name(f"{path.name}.{label}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            os.replace(part, moved.with_name(moved.name + suffix))
    return moved


def create_store_engine(url: str, *, busy_timeout: float = 5.0, connect_timeout: int = 5) -> Engine:
    """An engine with the kiosk's settings. Neither statement parameters nor result rows are ever
    logged, whatever the logging level: both hold clients' names."""
    _keep_names_out_of_logs()
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        engine = create_engine(
            url,
            hide_parameters=True,
            connect_args={"timeout": busy_timeout},
        )
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout))
        return engine
    return create_engine(
        url,
        hide_parameters=True,
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=2,
        connect_args={"connect_timeout": connect_timeout, "application_name": "smp-kiosk"},
    )


def _sqlite_pragmas(busy_timeout: float) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    return on_connect


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision shipped with this version of the kiosk."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
