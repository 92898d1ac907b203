"""The schema and its Alembic migrations, and living with GDAL in the same GeoPackage."""

from __future__ import annotations

import geopandas as gpd
import pyogrio
import pytest
import shapely
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from capacityplanner.errors import InputError
from capacityplanner.scenarios import migrations
from capacityplanner.scenarios.storage import open_repository
from capacityplanner.scenarios.storage.schema import metadata


def _diff(conn: sa.Connection, filtered: bool) -> list:
    opts = {"compare_type": True, "target_metadata": metadata}
    if filtered:
        opts |= {
            "include_object": migrations.include_object,
            "include_name": migrations.include_name,
        }
    return compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)


@pytest.mark.filterwarnings("ignore:Did not recognize type 'geometry'")
def test_autogenerate_finds_no_changes_on_an_up_to_date_database(db_url, samples):
    with open_repository(db_url) as repo:
        repo.save(samples.scenario())  # data tables, GeoPackage/PostGIS tables exist too
        with repo.engine.connect() as conn:
            assert migrations.current_revision(conn) == migrations.head_revision()
            assert _diff(conn, filtered=True) == []
            # Without the filters Alembic would want to drop the data tables (and GeoPackage's).
            unfiltered = [d for d in _diff(conn, filtered=False) if d[0] == "remove_table"]
            assert any(d[1].name.startswith("cpdata_") for d in unfiltered)


def test_database_from_a_newer_program_is_refused(db_url):
    with open_repository(db_url) as repo:
        with repo.engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(InputError, match="newer version of the program"):
        open_repository(db_url)


def test_layers_written_by_gdal_into_the_project_file_keep_working(tmp_path, samples):
    """GDAL puts R-tree triggers calling ST_IsEmpty, ST_MinX, ... on the layers it writes."""
    path = tmp_path / "project.gpkg"
    with open_repository(path) as repo:
        repo.save(samples.scenario())
    own = gpd.GeoDataFrame(
        {"naam": ["Citadelpark"]},
        geometry=[shapely.box(104000, 193000, 104500, 193400)],
        crs=31370,
    )
    pyogrio.write_dataframe(own, path, layer="mijn_laag", driver="GPKG", append=True)

    with open_repository(path) as repo:
        with repo.engine.begin() as conn:
            triggers = (
                conn.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'mijn_laag'"
                )
                .scalars()
                .all()
            )
            assert any("ST_IsEmpty" in t for t in triggers)
            # An edit of the GDAL layer fires its triggers, which need the ST_* functions.
            conn.exec_driver_sql(
                "UPDATE mijn_laag SET geom = (SELECT geom FROM mijn_laag), naam = 'Park'"
            )
        edited = repo.load("Basis")
        edited.notes = "after GDAL"
        repo.save(edited)
        assert repo.load("Basis").notes == "after GDAL"
    assert gpd.read_file(path, layer="mijn_laag")["naam"].tolist() == ["Park"]
    assert "mijn_laag" in dict(pyogrio.list_layers(path))
