"""Autosave and crash recovery, without Qt.

While a planner works, :class:`Autosaver` copies the current scenario every
``interval_s`` seconds to a *recovery file*: a GeoPackage next to the project
file (``project.recovery.gpkg``), or in the cache folder when the project is a
team database. After a crash, :func:`find_recovery` lists what can be brought
back and :func:`load_recovery` returns it, set to the version it was based on
so that saving it to the project still detects other people's saves. A clean
save to the project discards the recovery copy (:meth:`Autosaver.saved`).

The GUI may drive :meth:`Autosaver.save_now` from its own timer instead of
:meth:`Autosaver.start`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL

from capacityplanner.scenarios.model import Scenario, now_utc
from capacityplanner.scenarios.storage import schema
from capacityplanner.scenarios.storage.engine import is_sqlite, mask_url, resolve_url
from capacityplanner.scenarios.storage.repository import Repository, open_repository

log = logging.getLogger(__name__)

#: Environment variable for the cache folder (recovery files of team databases).
CACHE_ENV = "CAPACITYPLANNER_CACHE_DIR"


def cache_dir() -> Path:
    """The program's cache folder (``$CAPACITYPLANNER_CACHE_DIR`` or the XDG cache)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "capacityplanner"


def recovery_path(project: str | URL | None, recovery_dir: str | Path | None = None) -> Path:
    """Where the recovery copies of ``project`` are kept.

    Next to a project file (``<name>.recovery.gpkg``); for a team database, in
    ``recovery_dir`` or the cache folder, named by a hash of the URL without its
    password (the password is never written anywhere).
    """
    url = resolve_url(project)
    if is_sqlite(url):
        path = Path(url.database)
        folder = Path(recovery_dir) if recovery_dir else path.parent
        return folder / f"{path.stem}.recovery.gpkg"
    digest = hashlib.sha256(mask_url(url).encode()).hexdigest()[:16]
    folder = Path(recovery_dir) if recovery_dir else cache_dir() / "recovery"
    return folder / f"team-{digest}.recovery.gpkg"


@dataclass(frozen=True)
class RecoveryEntry:
    """One scenario that can be recovered."""

    scenario: str
    project: str
    base_version: int
    saved_at: datetime
    path: Path


def find_recovery(
    project: str | URL | None, recovery_dir: str | Path | None = None
) -> list[RecoveryEntry]:
    """The unsaved work of ``project`` left by a crash (empty when there is none)."""
    path = recovery_path(project, recovery_dir)
    if not path.exists():
        return []
    with open_repository(path, create=False) as repo, repo.engine.connect() as conn:
        rows = conn.execute(sa.select(schema.recovery).order_by(schema.recovery.c.scenario)).all()
    return [
        RecoveryEntry(
            r.scenario, r.project, r.base_version, datetime.fromisoformat(r.saved_at), path
        )
        for r in rows
    ]


def load_recovery(entry: RecoveryEntry) -> Scenario:
    """The recovered scenario, with the version it was based on in the project."""
    with open_repository(entry.path, create=False) as repo:
        scenario = repo.load(entry.scenario)
    scenario.version = entry.base_version
    return scenario


def discard_recovery(
    project: str | URL | None, name: str | None = None, recovery_dir: str | Path | None = None
) -> None:
    """Forget the recovery copy of scenario ``name`` (all of them if None)."""
    path = recovery_path(project, recovery_dir)
    if not path.exists():
        return
    with open_repository(path, create=False) as repo:
        names = repo.names() if name is None else [name]
        for n in names:
            if repo.exists(n):
                repo.delete(n)
        with repo.engine.begin() as conn:
            query = schema.recovery.delete()
            if name is not None:
                query = query.where(schema.recovery.c.scenario == name)
            conn.execute(query)
        empty = not repo.names()
    if empty:
        path.unlink(missing_ok=True)


class Autosaver:
    """Copy the current scenario to the recovery file now and then.

    Parameters
    ----------
    project : str or URL
        The project (file or team database) the scenario belongs to.
    snapshot : callable
        Returns the scenario to keep (a copy the caller no longer changes), or
        None when there is nothing to save. Called from the autosave thread.
    interval_s : float
        Seconds between two autosaves when :meth:`start` was called.
    recovery_dir : str or Path, optional
        Folder for the recovery file (default: see :func:`recovery_path`).
    """

    def __init__(
        self,
        project: str | URL | None,
        snapshot: Callable[[], Scenario | None],
        interval_s: float = 60.0,
        recovery_dir: str | Path | None = None,
    ) -> None:
        self.project_url = resolve_url(project)
        self.snapshot = snapshot
        self.interval_s = float(interval_s)
        self.path = recovery_path(self.project_url, recovery_dir)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.last_error: Exception | None = None

    def start(self) -> None:
        """Autosave every ``interval_s`` seconds in a background thread."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the background thread (the recovery file stays)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                self.save_now()
            except Exception as exc:  # keep autosaving; the GUI can show last_error
                self.last_error = exc
                log.warning("autosave failed: %s", exc)

    def save_now(self, scenario: Scenario | None = None) -> bool:
        """Write ``scenario`` (default: the snapshot) to the recovery file; False if none."""
        scenario = self.snapshot() if scenario is None else scenario
        if scenario is None:
            return False
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            record = {
                "scenario": scenario.name,
                "project": mask_url(self.project_url),
                "base_version": scenario.version,
                "saved_at": now_utc().isoformat(),
            }

            def remember(conn: sa.Connection) -> None:
                table = schema.recovery
                conn.execute(table.delete().where(table.c.scenario == scenario.name))
                conn.execute(table.insert().values(**record))

            with open_repository(self.path) as repo:
                repo.overwrite(scenario, on_commit=remember)
        log.info("autosaved scenario %r to %s", scenario.name, self.path)
        return True

    def saved(self, scenario: Scenario | str) -> None:
        """The scenario was saved cleanly to the project: drop its recovery copy."""
        name = scenario if isinstance(scenario, str) else scenario.name
        with self._lock:
            discard_recovery(self.project_url, name, self.path.parent)

    def save_to(self, repo: Repository, scenario: Scenario, **kwargs) -> Scenario:
        """Save ``scenario`` to the project ``repo``, then drop its recovery copy."""
        result = repo.save(scenario, **kwargs)
        self.saved(scenario)
        return result
