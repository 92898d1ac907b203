"""Saving and loading scenarios on both back-ends: content, geometries, catalogue operations."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely
import sqlalchemy as sa
from geopandas.testing import assert_geodataframe_equal

from capacityplanner.errors import InputError
from capacityplanner.scenarios.model import Scenario, ScenarioConflict
from capacityplanner.scenarios.storage import open_repository


def test_round_trip_keeps_every_table_value_and_geometry(db_url, samples):
    original = samples.scenario()
    with open_repository(db_url, author="An Planner") as repo:
        repo.save(original)
        assert original.version == 1
        loaded = repo.load("Basis")

    assert loaded.version == 1
    assert loaded.author == "An Planner"
    assert loaded.modified_by == "An Planner"
    assert loaded.params == original.params
    assert loaded.layer_refs == original.layer_refs
    assert loaded.notes == "Startpunt"
    assert loaded.data_version == "1.0"
    assert set(loaded.layers) == {"kandidaatsites", "woonprojecten"}
    for key, layer in original.layers.items():
        assert_geodataframe_equal(loaded.layers[key], layer)
        assert loaded.layers[key].crs.to_epsg() == 31370
        # Exact coordinates, not a text rendering of them.
        present = ~layer.geometry.isna()
        assert shapely.equals_exact(
            loaded.layers[key].geometry[present].array, layer.geometry[present].array, tolerance=0
        ).all()
    pd.testing.assert_frame_equal(loaded.capacity_changes, original.capacity_changes)
    pd.testing.assert_frame_equal(loaded.results["balance"], original.results["balance"])


def test_round_trip_of_index_categories_and_empty_tables(db_url):
    indexed = pd.DataFrame(
        {"demand": [1.5, 2.5], "level": pd.Categorical(["lager", "kleuter"], ordered=True)},
        index=pd.MultiIndex.from_tuples([(1, 2024), (2, 2025)], names=["wijknr", "year"]),
    )
    empty_layer = gpd.GeoDataFrame(
        {"site_id": pd.Series([], dtype="str")}, geometry=gpd.GeoSeries([], crs=31370)
    )
    scenario = Scenario(
        "Leeg", results={"forecast": indexed, "nothing": pd.DataFrame()}, layers={"x": empty_layer}
    )
    with open_repository(db_url) as repo:
        repo.save(scenario)
        loaded = repo.load("Leeg")
    pd.testing.assert_frame_equal(loaded.results["forecast"], indexed)
    assert loaded.results["nothing"].empty
    assert len(loaded.layers["x"]) == 0 and loaded.layers["x"].crs.to_epsg() == 31370


def test_geometries_are_stored_as_geometries(db_url, backend, samples):
    with open_repository(db_url) as repo:
        repo.save(samples.scenario())
        with repo.engine.connect() as conn:
            table = conn.execute(
                sa.text("SELECT table_name FROM cp_scenario_tables WHERE key = 'kandidaatsites'")
            ).scalar_one()
            if backend == "postgresql":
                rows = conn.execute(
                    sa.text(
                        f"SELECT ST_SRID(geom), GeometryType(geom), ST_X(geom) FROM {table} "
                        "ORDER BY fid"
                    )
                ).all()
                assert {r[0] for r in rows} == {31370}
                assert {r[1] for r in rows} == {"POINT"}
                assert rows[0][2] == samples.sites().geometry.x.iloc[0]
            else:
                blob = conn.execute(sa.text(f"SELECT geom FROM {table} ORDER BY fid")).first()[0]
                assert bytes(blob[:2]) == b"GP"  # GeoPackage binary, not WKT text
                assert int.from_bytes(bytes(blob[4:8]), "little") == 31370


def test_project_file_opens_as_geopackage_with_its_layers(tmp_path, samples):
    path = tmp_path / "project.gpkg"
    scenario = samples.scenario()
    with open_repository(path) as repo:
        repo.save(scenario)
        with repo.engine.connect() as conn:
            tables = dict(
                conn.execute(sa.text("SELECT key, table_name FROM cp_scenario_tables")).all()
            )
    listed = dict(pyogrio.list_layers(path))
    assert listed[tables["kandidaatsites"]] == "Point"
    assert listed[tables["woonprojecten"]] == "MultiPolygon" or listed[tables["woonprojecten"]] in (
        "Unknown",
        "Geometry",
    )
    assert tables["balance"] in listed  # attribute tables are listed too

    read = gpd.read_file(path, layer=tables["kandidaatsites"])
    expected = scenario.layers["kandidaatsites"]
    assert read.crs.to_epsg() == 31370
    assert list(read["site_id"]) == list(expected["site_id"])
    assert shapely.equals_exact(read.geometry.array, expected.geometry.array, tolerance=0).all()
    projects = gpd.read_file(path, layer=tables["woonprojecten"])
    assert projects.geometry.iloc[1].equals_exact(
        scenario.layers["woonprojecten"].geometry.iloc[1], tolerance=0
    )
    assert projects.geometry.iloc[2] is None
    info = pyogrio.read_info(path, layer=tables["kandidaatsites"])
    assert info["layer_metadata"]["IDENTIFIER"] == "Basis: kandidaatsites"


def test_list_branch_rename_delete(db_url, samples):
    with open_repository(db_url, author="Els") as repo:
        repo.save(samples.scenario("Basis"))
        branch = repo.branch("Basis", "Uitbreiding Tondelier")
        assert branch.parent == "Basis" and branch.version == 1 and branch.author == "Els"
        assert [i.name for i in repo.list()] == ["Basis", "Uitbreiding Tondelier"]
        assert_geodataframe_equal(
            repo.load("Uitbreiding Tondelier").layers["kandidaatsites"],
            samples.sites(),
        )

        repo.rename("Basis", "Basis 2024")
        assert repo.names() == ["Basis 2024", "Uitbreiding Tondelier"]
        assert repo.info("Uitbreiding Tondelier").parent == "Basis 2024"
        assert repo.load("Basis 2024").notes == "Startpunt"
        with pytest.raises(InputError, match="already exists"):
            repo.rename("Basis 2024", "Uitbreiding Tondelier")

        repo.delete("Basis 2024")
        assert repo.names() == ["Uitbreiding Tondelier"]
        with pytest.raises(InputError, match="no scenario named 'Basis 2024'"):
            repo.load("Basis 2024")
        with repo.engine.connect() as conn:
            names = sa.inspect(conn).get_table_names()
        # The deleted scenario's data tables are gone; the branch's remain.
        assert not [n for n in names if n.startswith("cpdata_1_")]
        assert [n for n in names if n.startswith("cpdata_2_")]


def test_reopening_keeps_scenarios(db_url, samples):
    with open_repository(db_url) as repo:
        repo.save(samples.scenario())
    with open_repository(db_url, create=False) as repo:
        assert repo.names() == ["Basis"]


def test_stale_save_is_refused_and_can_be_saved_as_branch(db_url, samples):
    with open_repository(db_url, author="Els") as els, open_repository(db_url, author="Jan") as jan:
        els.save(samples.scenario())
        mine = els.load("Basis")
        theirs = jan.load("Basis")
        theirs.notes = "Jan's edit"
        jan.save(theirs)

        mine.notes = "Els's edit"
        with pytest.raises(ScenarioConflict) as caught:
            els.save(mine)
        message = str(caught.value)
        assert "'Basis'" in message and "Jan" in message and "version 2" in message
        assert caught.value.saved_by == "Jan"
        assert els.load("Basis").notes == "Jan's edit"  # nothing overwritten
        assert mine.version == 1  # the caller's copy is untouched

        els.save_as_branch(mine, "Basis (Els)")
        branch = els.load("Basis (Els)")
        assert branch.notes == "Els's edit" and branch.parent == "Basis"


def test_creating_an_existing_name_is_a_conflict(db_url, samples):
    with open_repository(db_url) as repo:
        repo.save(samples.scenario())
        with pytest.raises(ScenarioConflict, match="already exists"):
            repo.save(samples.scenario())


def test_bad_scenarios_are_refused_with_a_sentence(db_url):
    with open_repository(db_url) as repo:
        with pytest.raises(InputError, match="key 2024 must be text"):
            repo.save(Scenario("P", params={"births": {2024: 3000.0}}))
        with pytest.raises(InputError, match="not a table"):
            repo.save(Scenario("R", results={"balance": [1, 2]}))
        with pytest.raises(InputError, match="non-empty text"):
            repo.save(Scenario(" "))
        assert repo.names() == []


def test_not_a_project_file_is_an_input_error(tmp_path):
    bad = tmp_path / "notes.gpkg"
    bad.write_text("not a database")
    with pytest.raises(InputError, match="not a GeoPackage or SQLite file"):
        open_repository(bad)
    with pytest.raises(InputError, match="does not exist"):
        open_repository(tmp_path / "missing.gpkg", create=False)
    with pytest.raises(InputError, match="mysql"):
        open_repository("mysql://u:p@localhost/db")


def test_tables_with_clashing_labels_are_all_kept(db_url):
    """A layer named like the capacity-changes table, a result named like a layer."""
    changes = pd.DataFrame({"change_id": ["C1"], "places": [10]})
    layer = pd.DataFrame({"change_id": ["L1"], "places": [20]})
    scenario = Scenario(
        "Botsing",
        capacity_changes=changes,
        layers={"capaciteitswijzigingen": layer, "result balance": layer},
        results={"balance": changes},
    )
    with open_repository(db_url) as repo:
        repo.save(scenario)
        back = repo.load("Botsing")
        repo.rename("Botsing", "Botsing 2")
    pd.testing.assert_frame_equal(back.capacity_changes, changes)
    pd.testing.assert_frame_equal(back.layers["capaciteitswijzigingen"], layer)
    pd.testing.assert_frame_equal(back.layers["result balance"], layer)
    pd.testing.assert_frame_equal(back.results["balance"], changes)
