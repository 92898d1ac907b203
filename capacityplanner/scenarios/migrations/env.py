"""Alembic environment: runs on the connection handed over by the program."""

from __future__ import annotations

from alembic import context

from capacityplanner.scenarios.migrations import include_name, include_object
from capacityplanner.scenarios.storage.engine import create_engine, resolve_url
from capacityplanner.scenarios.storage.schema import metadata

config = context.config


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=include_object,
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(resolve_url(config.get_main_option("sqlalchemy.url")))
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():  # pragma: no cover - the program never runs offline
    raise SystemExit("The scenario migrations run online only.")
run_migrations_online()
