"""Save, load, list, branch, rename and delete scenarios in one database.

Every change is one transaction: a save that is interrupted (an error, a
cancelled progress callback, a killed process) leaves the last saved version
as it was. Saves are checked against the version the scenario was loaded at,
so two planners cannot silently overwrite each other
(:class:`~capacityplanner.scenarios.model.ScenarioConflict`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine

from capacityplanner import __version__
from capacityplanner.errors import InputError
from capacityplanner.scenarios import migrations
from capacityplanner.scenarios.model import (
    Scenario,
    ScenarioInfo,
    check_name,
    default_author,
    now_utc,
)
from capacityplanner.scenarios.storage import frames, schema
from capacityplanner.scenarios.storage.engine import (
    create_engine,
    is_sqlite,
    mask_url,
    resolve_url,
    write_connection,
)
from capacityplanner.scenarios.storage.saving import (
    Progress,
    identifier,
    iso,
    parse_time,
    write_scenario,
)

log = logging.getLogger(__name__)

_S = schema.scenarios
_T = schema.scenario_tables


def open_repository(
    db: str | URL | None = None, create: bool = True, author: str | None = None
) -> Repository:
    """Open (and create or migrate, if needed) the scenario database ``db``.

    Parameters
    ----------
    db : str or URL, optional
        A project file path, ``sqlite:///file.gpkg`` or ``postgresql://user:pw@host/db``;
        default: ``$CAPACITYPLANNER_DB`` or ``./project.gpkg``.
    create : bool
        Create a missing project file (else raise :class:`InputError`).
    author : str, optional
        Who saves through this repository (default: :func:`default_author`).

    Examples
    --------
    >>> repo = open_repository("project.gpkg")  # doctest: +SKIP
    >>> base = repo.load("basis")  # doctest: +SKIP
    >>> repo.save(base)  # doctest: +SKIP
    """
    url = resolve_url(db)
    if is_sqlite(url):
        from pathlib import Path

        path = Path(url.database)
        if not path.exists() and not create:
            raise InputError(f"The project file {path} does not exist.")
        if path.exists() and path.is_dir():
            raise InputError(f"The project file {path} is a folder.")
        if path.exists() and path.stat().st_size and not _is_sqlite_file(path):
            raise InputError(f"The project file {path} is not a GeoPackage or SQLite file.")
    engine = create_engine(url)
    repo = Repository(url, engine, author=author)
    try:
        repo.migrate()
    except BaseException:
        engine.dispose()
        raise
    return repo


def _is_sqlite_file(path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


class Repository:
    """The scenarios in one database (project file or PostgreSQL)."""

    def __init__(self, url: URL, engine: Engine, author: str | None = None) -> None:
        self.url = url
        self.engine = engine
        self.author = author or default_author()

    # -- plumbing -----------------------------------------------------------------
    @property
    def display_url(self) -> str:
        """The database URL without its password, for messages and logs."""
        return mask_url(self.url)

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.url.get_backend_name()

    def __repr__(self) -> str:
        return f"Repository({self.display_url!r})"

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        try:
            with write_connection(self.engine) as conn, conn.begin():
                yield conn
        except sa.exc.OperationalError as exc:
            raise self._db_error(exc) from exc

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except sa.exc.OperationalError as exc:
            raise self._db_error(exc) from exc

    def _db_error(self, exc: Exception) -> InputError:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        return InputError(f"The scenario database {self.display_url} cannot be used: {reason}.")

    def migrate(self) -> None:
        """Create the schema, or bring an older one up to date, in one transaction."""
        head = migrations.head_revision()
        with self._reading() as conn:
            current = migrations.current_revision(conn)
        if current == head:
            return
        known = migrations.known_revisions()
        if current is not None and current not in known:
            raise InputError(
                f"The scenario database {self.display_url} was made by a newer version of the "
                f"program (schema {current}); update the capacity planner to open it."
            )
        with self._writing() as conn:
            if conn.dialect.name == "postgresql":
                self._check_postgis(conn)
            log.info(
                "migrating scenario database %s from %s to %s", self.display_url, current, head
            )
            migrations.upgrade(conn)

    def _check_postgis(self, conn: sa.Connection) -> None:
        if conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").first():
            return
        try:
            with conn.begin_nested():
                conn.exec_driver_sql("CREATE EXTENSION postgis")
        except sa.exc.DBAPIError as exc:
            raise InputError(
                f"The database {self.display_url} has no PostGIS and this user may not add it; "
                "ask its administrator to run CREATE EXTENSION postgis."
            ) from exc

    # -- reading ------------------------------------------------------------------
    def list(self) -> list[ScenarioInfo]:
        """Every scenario's catalogue entry, by name."""
        with self._reading() as conn:
            rows = conn.execute(sa.select(_S).order_by(_S.c.name)).mappings().all()
        return [_info(r) for r in rows]

    def names(self) -> list[str]:
        return [i.name for i in self.list()]

    def exists(self, name: str) -> bool:
        with self._reading() as conn:
            return conn.execute(sa.select(_S.c.id).where(_S.c.name == name)).first() is not None

    def info(self, name: str) -> ScenarioInfo:
        """The catalogue entry of ``name`` (no tables read)."""
        with self._reading() as conn:
            return _info(self._row(conn, name))

    def _row(self, conn: sa.Connection, name: str, lock: bool = False) -> sa.RowMapping:
        query = sa.select(_S).where(_S.c.name == name)
        if lock and conn.dialect.name == "postgresql":
            # Waits for a save in progress; keeps saves out while reading the tables.
            query = query.with_for_update(read=True)
        row = conn.execute(query).mappings().first()
        if row is None:
            names = conn.execute(sa.select(_S.c.name).order_by(_S.c.name)).scalars().all()
            known = ", ".join(repr(n) for n in names[:20]) or "none"
            raise InputError(
                f"There is no scenario named {name!r} in {self.display_url} (scenarios: {known})."
            )
        return row

    def load(self, name: str) -> Scenario:
        """The scenario ``name`` with all its tables, as last saved."""
        with self._reading() as conn:
            row = self._row(conn, name, lock=True)
            tables = (
                conn.execute(sa.select(_T).where(_T.c.scenario_id == row["id"])).mappings().all()
            )
            scenario = Scenario(
                name=row["name"],
                parent=row["parent"],
                author=row["author"],
                created=parse_time(row["created"]),
                modified=parse_time(row["modified"]),
                modified_by=row["modified_by"],
                tool_version=row["tool_version"],
                data_version=row["data_version"],
                layer_refs=json.loads(row["layer_refs"]),
                params=json.loads(row["params"]),
                notes=row["notes"],
                version=row["version"],
            )
            for t in tables:
                frame = frames.read_frame(conn, t)
                if t["role"] == schema.ROLE_LAYER:
                    scenario.layers[t["key"]] = frame
                elif t["role"] == schema.ROLE_RESULT:
                    scenario.results[t["key"]] = frame
                elif t["role"] == schema.ROLE_CAPACITY_CHANGES:
                    scenario.capacity_changes = frame
        scenario.layers = dict(sorted(scenario.layers.items()))
        scenario.results = dict(sorted(scenario.results.items()))
        return scenario

    # -- writing ------------------------------------------------------------------
    def save(
        self,
        scenario: Scenario,
        expected_version: int | None = None,
        progress: Progress | None = None,
    ) -> Scenario:
        """Save ``scenario`` in one transaction; return it with its new version.

        Parameters
        ----------
        scenario : Scenario
            What to save. On success its ``version``, ``modified``,
            ``modified_by`` and ``tool_version`` are updated in place.
        expected_version : int, optional
            The version the caller's copy was loaded at (default: ``scenario.version``;
            0 = a new scenario). If the stored version differs, nothing is written
            and :class:`ScenarioConflict` says who saved it and when.
        progress : callable, optional
            ``progress(done, total, what)`` after each table; raise to cancel.

        Raises
        ------
        ScenarioConflict
            Someone saved (or created) the scenario in the meantime.
        InputError
            The scenario cannot be stored as it is.
        """
        scenario.validate()
        expected = scenario.version if expected_version is None else int(expected_version)
        now = now_utc()
        who = self.author
        with self._writing() as conn:
            write_scenario(conn, scenario, expected, now, who, progress, self.display_url)
        scenario.version = expected + 1
        scenario.modified = now
        scenario.modified_by = who
        scenario.tool_version = __version__
        log.info(
            "saved scenario %r version %d in %s", scenario.name, scenario.version, self.display_url
        )
        return scenario

    def save_as_branch(
        self,
        scenario: Scenario,
        name: str,
        author: str | None = None,
        progress: Progress | None = None,
    ) -> Scenario:
        """Save the caller's copy under a new ``name``, branched from ``scenario``.

        This is the way out of a :class:`ScenarioConflict`: the edits are kept
        in a new scenario whose parent is the one that was saved by someone else.
        """
        branch = scenario.branch(name, author=author or self.author)
        return self.save(branch, expected_version=0, progress=progress)

    def branch(self, source: str, name: str, author: str | None = None) -> Scenario:
        """Copy the saved scenario ``source`` to a new scenario ``name``."""
        check_name(name)
        child = self.load(source).branch(name, author=author or self.author)
        return self.save(child, expected_version=0)

    def overwrite(
        self,
        scenario: Scenario,
        on_commit: Callable[[sa.Connection], None] | None = None,
    ) -> int:
        """Store ``scenario`` whatever version is stored (for private recovery copies only).

        ``on_commit(connection)`` runs in the same transaction after the tables are
        written. ``scenario`` itself is not changed. Returns the stored version.
        """
        scenario.validate()
        with self._writing() as conn:
            current = conn.execute(
                sa.select(_S.c.version).where(_S.c.name == scenario.name)
            ).scalar_one_or_none()
            expected = current or 0
            write_scenario(conn, scenario, expected, now_utc(), self.author, None, self.display_url)
            if on_commit is not None:
                on_commit(conn)
        return expected + 1

    def rename(self, old: str, new: str) -> None:
        """Rename scenario ``old`` to ``new`` (branches of it follow)."""
        check_name(new)
        with self._writing() as conn:
            row = self._row(conn, old)
            if old == new:
                return
            if conn.execute(sa.select(_S.c.id).where(_S.c.name == new)).first():
                raise InputError(f"Cannot rename {old!r}: a scenario named {new!r} already exists.")
            conn.execute(
                _S.update()
                .where(_S.c.id == row["id"])
                .values(
                    name=new,
                    version=row["version"] + 1,
                    modified=iso(now_utc()),
                    modified_by=self.author,
                )
            )
            conn.execute(_S.update().where(_S.c.parent == old).values(parent=new))
            for t in conn.execute(sa.select(_T).where(_T.c.scenario_id == row["id"])).mappings():
                frames.rename_identifier(
                    conn, t["table_name"], identifier(new, t["role"], t["key"])
                )
        log.info("renamed scenario %r to %r in %s", old, new, self.display_url)

    def delete(self, name: str) -> None:
        """Delete scenario ``name`` and its tables (its branches keep their parent's name)."""
        with self._writing() as conn:
            row = self._row(conn, name)
            old = conn.execute(sa.select(_T.c.table_name).where(_T.c.scenario_id == row["id"]))
            for table_name in old.scalars().all():
                frames.drop_table(conn, table_name)
            conn.execute(_T.delete().where(_T.c.scenario_id == row["id"]))
            conn.execute(_S.delete().where(_S.c.id == row["id"]))
        log.info("deleted scenario %r from %s", name, self.display_url)


def _info(row: Any) -> ScenarioInfo:
    return ScenarioInfo(
        name=row["name"],
        parent=row["parent"],
        author=row["author"],
        created=parse_time(row["created"]),
        modified=parse_time(row["modified"]),
        modified_by=row["modified_by"],
        tool_version=row["tool_version"],
        data_version=row["data_version"],
        version=row["version"],
        notes=row["notes"],
    )
