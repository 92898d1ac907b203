"""Database URLs and engines for the two scenario back-ends.

* A project file on disk: SQLite laid out as a GeoPackage
  (``sqlite:///path/project.gpkg``, or just a path).
* A shared team database: PostgreSQL with PostGIS
  (``postgresql://user:password@host/db``; the psycopg 3 driver is used).

Passwords never leave this module in clear text: :func:`mask_url` renders a
URL for logs, messages and anything stored.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError

from capacityplanner.errors import InputError
from capacityplanner.scenarios.storage import geometry

log = logging.getLogger(__name__)

#: Environment variable naming the default database (a URL or a file path).
DB_ENV = "CAPACITYPLANNER_DB"
#: Project file used when neither ``--db`` nor :data:`DB_ENV` is given.
DEFAULT_PROJECT_FILE = "project.gpkg"
#: Seconds a SQLite writer waits for another one before giving up.
SQLITE_BUSY_TIMEOUT_S = 30.0
#: Connection execution option marking a connection that will write.
WRITE_OPTION = "capacityplanner_write"


def resolve_url(db: str | os.PathLike[str] | URL | None = None) -> URL:
    """Turn what the user gave (URL, file path or nothing) into a SQLAlchemy URL.

    Parameters
    ----------
    db : str, path or URL, optional
        ``postgresql://...``, ``sqlite:///file.gpkg``, a plain file path, or
        ``None`` for :data:`DB_ENV` or else ``./project.gpkg``.

    Returns
    -------
    sqlalchemy.engine.URL
        With the psycopg 3 driver for PostgreSQL and an absolute file path for SQLite.
    """
    if db is None:
        db = os.environ.get(DB_ENV) or DEFAULT_PROJECT_FILE
    if isinstance(db, URL):
        url = db
    else:
        text = os.fspath(db)
        if "://" not in text:
            return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
        try:
            url = make_url(text)
        except ArgumentError as exc:
            raise InputError(f"The database URL {_mask_text(text)!r} is not a valid URL.") from exc
    backend = url.get_backend_name()
    if backend == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise InputError(
                "A scenario database must be a file or a PostgreSQL server, not an in-memory SQLite database."
            )
        return url.set(database=str(Path(url.database).expanduser().resolve()))
    raise InputError(
        f"The database URL {mask_url(url)!r} names a {backend!r} database; "
        "use a project file (sqlite:///project.gpkg) or postgresql://user@host/db."
    )


def mask_url(url: str | URL) -> str:
    """Render ``url`` with its password replaced by ``***`` (for logs, messages, files)."""
    if isinstance(url, str):
        if "://" not in url:
            return url
        try:
            url = make_url(url)
        except ArgumentError:
            return _mask_text(url)
    return url.render_as_string(hide_password=True)


def _mask_text(text: str) -> str:
    # user:password@host -> user:***@host, for strings SQLAlchemy cannot parse.
    scheme, sep, rest = text.partition("://")
    if not sep or "@" not in rest:
        return text
    cred, at, host = rest.rpartition("@")
    user = cred.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in cred else text


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def create_engine(url: URL) -> Engine:
    """An engine whose transactions really are transactions, on both back-ends.

    For SQLite, Python's driver would run DDL outside a transaction; here every
    ``begin()`` emits ``BEGIN`` (``BEGIN IMMEDIATE`` on a :func:`write_connection`) so a save (tables created, dropped and
    filled) commits or rolls back as one, and the ``ST_*`` functions that
    GDAL-made GeoPackage triggers call are registered on every connection.
    """
    if is_sqlite(url):
        path = Path(url.database)
        if not path.parent.is_dir():
            raise InputError(f"The folder of the project file {path} does not exist.")
        engine = sa.create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
            poolclass=sa.pool.NullPool,
        )
        sa.event.listen(engine, "connect", _sqlite_on_connect)
        sa.event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=4)


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (DDL included).
    dbapi_connection.isolation_level = None
    geometry.register_sqlite_functions(dbapi_connection)
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _sqlite_on_begin(conn: sa.Connection) -> None:
    # Writers take the write lock up front (and wait for it); readers do not.
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def write_connection(engine: Engine) -> sa.Connection:
    """A connection whose transactions are meant to write (``BEGIN IMMEDIATE`` on SQLite)."""
    return engine.connect().execution_options(**{WRITE_OPTION: True})
