"""Fixtures for the scenario-storage tests: every storage test runs on both back-ends.

* ``sqlite``: a fresh GeoPackage project file per test.
* ``postgresql``: a fresh schema per test in the PostGIS database named by
  ``CAPACITYPLANNER_TEST_PG_URL`` (CI sets it from ``.ci/postgres.sh``). Without
  that variable the fixture starts a local server with ``.ci/postgres.sh
  --no-install`` when PostgreSQL and PostGIS are installed, and skips the
  PostgreSQL variant (saying why) only when neither gives a URL.
"""

from __future__ import annotations

import functools
import os
import subprocess
import uuid
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from capacityplanner.scenarios.model import Scenario

ROOT = Path(__file__).resolve().parents[2]
PG_ENV = "CAPACITYPLANNER_TEST_PG_URL"


@functools.cache
def postgres_url() -> tuple[str | None, str]:
    """(URL of a PostGIS test database, or None; why not)."""
    url = os.environ.get(PG_ENV)
    if url:
        return url, ""
    script = ROOT / ".ci" / "postgres.sh"
    try:
        run = subprocess.run(
            ["bash", str(script), "--no-install"],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"{PG_ENV} is not set and .ci/postgres.sh could not start a server ({exc})"
    lines = run.stdout.strip().splitlines()
    if run.returncode == 0 and lines:
        return lines[-1], ""
    why = (run.stderr.strip().splitlines() or ["no output"])[-1]
    return None, f"{PG_ENV} is not set and no local PostgreSQL/PostGIS could be started: {why}"


def _pg_schema_url(base: str, schema_name: str) -> str:
    url = make_url(base)
    options = f"-csearch_path={schema_name},public"
    return url.update_query_dict({"options": options}).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


def _database(backend: str, tmp_path: Path):
    if backend == "sqlite":
        yield str(tmp_path / "project.gpkg")
        return
    base, why = postgres_url()
    if base is None:
        pytest.skip(why)
    schema_name = f"cp_test_{uuid.uuid4().hex[:12]}"
    base_url = make_url(base).set(drivername="postgresql+psycopg")
    engine = sa.create_engine(base_url)
    with engine.begin() as conn:
        if sa.inspect(conn).has_table("cp_scenarios", schema="public"):
            pytest.fail(
                f"The database in {PG_ENV} holds scenarios in its public schema; the storage "
                "tests need a database of their own (each test works in a fresh schema)."
            )
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema_name}"')
    try:
        yield _pg_schema_url(base_url.render_as_string(hide_password=False), schema_name)
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema_name}" CASCADE')
        engine.dispose()


@pytest.fixture
def db_url(backend, tmp_path):
    """A URL of an empty scenario database on the back-end under test."""
    yield from _database(backend, tmp_path)


@pytest.fixture
def pg_url(tmp_path):
    """A URL (with its password) of an empty scenario database on PostgreSQL/PostGIS."""
    yield from _database("postgresql", tmp_path)


def sample_sites(n: int = 5, seed: int = 1) -> gpd.GeoDataFrame:
    """Candidate sites with every column type a scenario layer has."""
    rng = np.random.default_rng(seed)
    x = 100_000 + rng.random(n) * 10_000
    y = 190_000 + rng.random(n) * 10_000
    return gpd.GeoDataFrame(
        {
            "site_id": [f"KS-{i:03d}" for i in range(n)],
            "name": [f"Site {i} – Gent" for i in range(n)],
            "wijknr": np.arange(1, n + 1, dtype=np.int64),
            "max_lager": rng.integers(0, 600, n),
            "fixed_cost": rng.random(n) * 1e6,
            "illustrative": np.ones(n, dtype=bool),
            "geometry": shapely.points(x, y),
        },
        crs="EPSG:31370",
    )


def sample_projects() -> gpd.GeoDataFrame:
    poly = shapely.Polygon([(104000.25, 194000.5), (104100, 194000), (104100, 194120.75)])
    multi = shapely.MultiPolygon([poly, shapely.affinity.translate(poly, 500, 0)])
    return gpd.GeoDataFrame(
        {
            "project_id": ["WP-1", "WP-2", "WP-3"],
            "dwelling_type": ["appartement", "eengezinswoning", None],
            "dwellings": [800, 120, 45],
            "first_year": [2026, 2027, 2028],
            "geometry": [poly, multi, None],
        },
        crs="EPSG:31370",
    )


def sample_balance(shift: float = 0.0) -> pd.DataFrame:
    wijknr = np.repeat(np.arange(1, 4), 2)
    level = np.tile(["lager", "secundair"], 3)
    capacity = np.array([500.0, 800, 300, 200, 450, 900]) + shift
    demand = np.array([520.0, 700, 310, 260, 400, 950])
    return pd.DataFrame(
        {
            "wijknr": wijknr,
            "level": level,
            "year": 2024,
            "capacity": capacity,
            "demand": demand,
            "balance": capacity - demand,
            "shortfall": np.maximum(demand - capacity, 0.0),
        }
    )


def sample_scenario(name: str = "Basis") -> Scenario:
    return Scenario(
        name=name,
        author="An Planner",
        data_version="1.0",
        layer_refs={"wijken": "a" * 64, "scholen_basis": "b" * 64},
        layers={"kandidaatsites": sample_sites(), "woonprojecten": sample_projects()},
        params={"forecast": {"birth_variant": "mid", "migration": {"centrum": {"0-5": -0.045}}}},
        capacity_changes=pd.DataFrame(
            {
                "change_id": ["C1", "C2"],
                "site_id": ["BAS-001", "SEC-004"],
                "level": ["lager", "secundair"],
                "places": [200, -30],
                "school_year": [2026, 2025],
            }
        ),
        results={"balance": sample_balance()},
        notes="Startpunt",
    )


@pytest.fixture
def samples():
    """Factories of sample tables and scenarios (fixtures, since tests cannot import conftest)."""
    from types import SimpleNamespace

    return SimpleNamespace(
        sites=sample_sites,
        projects=sample_projects,
        balance=sample_balance,
        scenario=sample_scenario,
    )
