"""Checks of imported layers: fields, capacities, geometries, location, column guesses."""

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from capacityplanner.geodata.columns import guess_mapping
from capacityplanner.geodata.importer import ImportContext, read_layer

# Lambert 72 metres around Ghent's centre.
X0, Y0 = 104_500.0, 194_000.0


def schools(n=4, **columns):
    """A basis-school point layer in EPSG:31370 near the centre of Ghent."""
    data = {
        "naam": [f"School {i}" for i in range(1, n + 1)],
        "capacity_kleuter": [100] * n,
        "capacity_lager": [200] * n,
    }
    data.update(columns)
    geometry = gpd.points_from_xy(X0 + 300 * np.arange(n), Y0 + 200 * np.arange(n))
    return gpd.GeoDataFrame(data, geometry=geometry, crs="EPSG:31370")


def square(x, y, size=500.0):
    return shapely.box(x, y, x + size, y + size)


def messages(result):
    return [p.message for p in result.problems]


def test_missing_capacity_field_is_named(tmp_path):
    path = tmp_path / "scholen.gpkg"
    schools().drop(columns="capacity_lager").to_file(path, layer="scholen")
    result = read_layer(path, role="scholen_basis")
    assert not result.loadable
    [p] = result.problems
    assert p.field == "capacity_lager"
    assert p.message.startswith("scholen.gpkg, layer 'scholen', field 'capacity_lager'")
    assert "lager capacity" in p.message


def test_user_mapping_overrides_the_guess(tmp_path):
    path = tmp_path / "scholen.gpkg"
    layer = schools().rename(columns={"capacity_lager": "plaatsen L"})
    layer["capacity_lager"] = "nvt"  # a decoy column under the role's own name
    layer.to_file(path)
    guessed = read_layer(path, role="scholen_basis")
    assert not guessed.loadable
    assert all(p.field == "capacity_lager" for p in guessed.problems)
    mapped = read_layer(path, role="scholen_basis", mapping={"capacity_lager": "plaatsen L"})
    assert mapped.loadable, messages(mapped)
    assert mapped.mapping["capacity_lager"] == "plaatsen L"
    assert list(mapped.layer["capacity_lager"]) == [200] * 4


def test_mapping_with_unknown_field_or_column(tmp_path):
    path = tmp_path / "scholen.gpkg"
    schools().to_file(path)
    result = read_layer(path, role="scholen_basis", mapping={"capaciteit": "x", "name": "titel"})
    text = " ".join(messages(result))
    assert "field 'capaciteit'" in text and "column 'x'" in text and "column 'titel'" in text


def test_text_and_negative_capacity_name_row_and_field(tmp_path):
    path = tmp_path / "scholen.csv"
    path.write_text(
        "naam;x;y;capaciteit kleuter;capaciteit lager\n"
        f"A;{X0};{Y0};100;200\n"
        f"B;{X0};{Y0};veel;200\n"
        f"C;{X0};{Y0};100;-40\n"
        f"D;{X0};{Y0};12,5;200\n",
        encoding="utf-8",
    )
    result = read_layer(path, role="scholen_basis")
    assert not result.loadable
    found = {(p.row, p.field): p.message for p in result.problems}
    assert set(found) == {
        (3, "capaciteit kleuter"),
        (4, "capaciteit lager"),
        (5, "capaciteit kleuter"),
    }
    assert found[(3, "capaciteit kleuter")].startswith(
        "scholen.csv, row 3, field 'capaciteit kleuter'"
    )
    assert "'veel'" in found[(3, "capaciteit kleuter")]
    assert "negative (-40)" in found[(4, "capaciteit lager")]
    assert "not a whole number" in found[(5, "capaciteit kleuter")]


def test_empty_capacity_is_reported(tmp_path):
    path = tmp_path / "opvang.gpkg"
    layer = gpd.GeoDataFrame(
        {"naam": ["A", "B"], "plaatsen": [14.0, np.nan]},
        geometry=[shapely.Point(X0, Y0), shapely.Point(X0 + 10, Y0)],
        crs=31370,
    )
    layer.to_file(path)
    result = read_layer(path, role="kinderopvang")
    [p] = result.problems
    assert (p.row, p.field) == (2, "plaatsen") and "is empty" in p.message


def test_self_intersecting_polygon_is_repaired(tmp_path):
    bowtie = shapely.Polygon([(X0, Y0), (X0 + 1000, Y0 + 1000), (X0 + 1000, Y0), (X0, Y0 + 1000)])
    assert not bowtie.is_valid
    wijken = gpd.GeoDataFrame(
        {"wijknr": [1, 2], "wijk": ["Binnenstad", "Ledeberg"]},
        geometry=[bowtie, square(X0 + 2000, Y0)],
        crs=31370,
    )
    path = tmp_path / "wijken.gpkg"
    wijken.to_file(path)
    result = read_layer(path, role="wijken")
    assert result.loadable, messages(result)
    assert result.repaired == 1
    repaired = result.layer.geometry.iloc[0]
    assert repaired.is_valid and repaired.area == 500_000.0
    assert any("repaired 1" in w and "rows 1" in w for w in result.warnings)
    assert list(result.layer["area_km2"]) == [0.5, 0.25]


def test_empty_and_unrepairable_geometries_are_reported(tmp_path):
    collinear = shapely.Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 200, Y0 + 200), (X0, Y0)])
    wijken = gpd.GeoDataFrame(
        {"wijknr": [1, 2, 3], "wijk": ["A", "B", "C"]},
        geometry=[square(X0, Y0), shapely.Polygon(), collinear],
        crs=31370,
    )
    path = tmp_path / "wijken.gpkg"
    wijken.to_file(path, layer="wijken")
    result = read_layer(path, role="wijken")
    found = {p.row: p for p in result.problems}
    assert set(found) == {2, 3}
    assert all(p.field == "geometry" for p in found.values())
    assert found[2].message.startswith("wijken.gpkg, layer 'wijken', row 2, field 'geometry'")
    assert "empty geometry" in found[2].message
    assert "cannot be repaired" in found[3].message
    assert result.repaired == 0


def test_points_far_outside_ghent(tmp_path):
    layer = schools(3)
    # Row 2: in Antwerp; row 3: a Ghent lat/lon written as x/y by mistake.
    layer.loc[1, "geometry"] = shapely.Point(152_000, 212_000)
    layer.loc[2, "geometry"] = shapely.Point(3.72, 51.05)
    path = tmp_path / "scholen.gpkg"
    layer.to_file(path)
    result = read_layer(path, role="scholen_basis")
    found = {p.row: p.message for p in result.problems}
    assert set(found) == {2, 3}
    assert found[2].startswith("scholen.gpkg, layer 'scholen', row 2, field 'geometry'")
    assert "lies outside Ghent, 3" in found[2]  # 37 km from the bounds
    assert "outside Ghent" in found[3]


def test_tolerance_and_boundary_decide_what_is_outside(tmp_path):
    layer = schools(2)
    layer.loc[1, "geometry"] = shapely.Point(X0 + 1500, Y0)  # 500 m east of a small boundary
    path = tmp_path / "scholen.gpkg"
    layer.to_file(path)
    boundary = shapely.box(X0 - 500, Y0 - 500, X0 + 1000, Y0 + 500)
    strict = read_layer(
        path, role="scholen_basis", context=ImportContext(boundary=boundary, tolerance_m=100)
    )
    assert [p.row for p in strict.problems] == [2]
    loose = read_layer(
        path, role="scholen_basis", context=ImportContext(boundary=boundary, tolerance_m=600)
    )
    assert loose.loadable


def test_sites_get_the_wijknr_of_their_district(tmp_path):
    wijken = gpd.GeoDataFrame(
        {"wijknr": [7, 9]},
        geometry=[square(X0 - 100, Y0 - 100, 300), square(X0 + 200, Y0 - 100, 1000)],
        crs=31370,
    )
    path = tmp_path / "scholen.gpkg"
    schools(3).to_file(path)
    result = read_layer(path, role="scholen_basis", context=ImportContext(wijken=wijken))
    assert result.loadable
    assert list(result.layer["wijknr"]) == [7, 9, 9]
    assert result.layer["site_id"].is_unique
    assert (result.layer["illustrative"] == 0).all()


def test_stadswijken_name_is_wijk_not_naam():
    # In stadswijken-gent `naam` holds the stadsdeel; the district name is `wijk`.
    mapping = guess_mapping("wijken", ["naam", "wijk", "wijknr", "nieuwnr", "geometry"])
    assert mapping["wijk"] == "wijk"
    assert mapping["stadsdeel"] == "naam"
    # ggw7 has only `naam`, which is the district name there.
    assert guess_mapping("wijken", ["geoitem", "naam"])["wijk"] == "naam"


def test_city_school_layer_fields_are_recognised():
    columns = ["naam", "aanbod", "onderwijsnet", "adres", "instellingsnummer", "geo_point_2d"]
    mapping = guess_mapping("scholen_secundair", columns)
    assert mapping == {
        "name": "naam",
        "instellingsnummer": "instellingsnummer",
        "network": "onderwijsnet",
        "street": "adres",
    }


def test_input_frames_are_not_changed(tmp_path):
    from capacityplanner.geodata.join import join_table
    from capacityplanner.geodata.validate import check_geometries

    bowtie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    layer = gpd.GeoDataFrame({"k": ["1", "2"]}, geometry=[bowtie, bowtie], crs=31370)
    table = pd.DataFrame({"k": [1, 3], "capaciteit": ["10", "20"]})
    layer_before, table_before = layer.copy(), table.copy()
    check_geometries(layer, "polygon", file="f", layer=None, rows=[1, 2])
    join_table(layer, table, "k", layer_file="a", table_file="b", split_columns=["capaciteit"])
    assert layer.geometry.iloc[0].equals_exact(bowtie, 0) and not layer.geometry.iloc[0].is_valid
    pd.testing.assert_frame_equal(pd.DataFrame(layer), pd.DataFrame(layer_before))
    pd.testing.assert_frame_equal(table, table_before)
