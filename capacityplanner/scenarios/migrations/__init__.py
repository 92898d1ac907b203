"""Alembic migrations of the scenario schema, run from code (no alembic.ini).

:func:`upgrade` brings a database to the newest schema inside the caller's
transaction; :func:`alembic_config` gives a configuration for Alembic's own
commands (``alembic.command.revision(cfg, autogenerate=True)`` when the schema
in :mod:`capacityplanner.scenarios.storage.schema` changes).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from capacityplanner.scenarios.storage.schema import is_foreign_table

if TYPE_CHECKING:  # alembic is imported on use: it costs a third of a second at start-up
    from alembic.config import Config

HERE = Path(__file__).resolve().parent


def alembic_config(connection: sa.Connection | None = None, url: str | None = None) -> Config:
    """An Alembic configuration for this package's migrations.

    Parameters
    ----------
    connection : sqlalchemy.Connection, optional
        Run on this connection (and its transaction) instead of opening one.
    url : str, optional
        Database URL when no connection is given.
    """
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest schema revision shipped with the program."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    """Every revision of this package's migrations."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: sa.Connection) -> str | None:
    """The schema revision of the database behind ``connection`` (None: not created yet)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: sa.Connection, revision: str = "head") -> None:
    """Migrate the database behind ``connection`` to ``revision`` in its current transaction."""
    from alembic import command

    command.upgrade(alembic_config(connection), revision)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic filter: leave data tables, GeoPackage's and PostGIS's own objects alone."""
    if type_ == "table":
        return not is_foreign_table(name, getattr(obj, "schema", None))
    table = getattr(obj, "table", None)
    if table is not None:
        return not is_foreign_table(table.name, table.schema)
    return True


def include_name(name, type_, parent_names) -> bool:
    """Alembic filter on reflected names (before reflection): skip foreign tables and schemas."""
    if type_ == "schema":
        return name in (None, "public", "main")
    if type_ == "table":
        return not is_foreign_table(name, parent_names.get("schema_name"))
    return True
