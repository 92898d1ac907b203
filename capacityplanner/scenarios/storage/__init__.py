"""Scenario storage: one schema on a GeoPackage project file or on PostgreSQL/PostGIS.

>>> from capacityplanner.scenarios.storage import open_repository
>>> repo = open_repository("project.gpkg")  # doctest: +SKIP
"""

from capacityplanner.scenarios.model import ScenarioConflict
from capacityplanner.scenarios.storage.engine import DB_ENV, mask_url, resolve_url
from capacityplanner.scenarios.storage.repository import Progress, Repository, open_repository

__all__ = [
    "DB_ENV",
    "Progress",
    "Repository",
    "ScenarioConflict",
    "mask_url",
    "open_repository",
    "resolve_url",
]
