"""Alembic environment: always run programmatically by kiosk.store.database.migrate() with a connection."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from kiosk.store.models import Base


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


_config = getattr(context, "config", None)  # only there while Alembic runs this file
if _config is not None:
    _connection = _config.attributes.get("connection")
    if not isinstance(_connection, Connection):
        raise RuntimeError("kiosk.store migrations run through kiosk.store.database.migrate(), not the alembic CLI")
    run_migrations(_connection)
