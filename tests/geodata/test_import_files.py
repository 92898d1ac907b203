"""Reading user files: every format, and a clear problem for every broken file."""

import io
import json
import zipfile

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Transformer

from capacityplanner.errors import InputError
from capacityplanner.geodata.importer import import_layer, read_layer

# Two places in Ghent (lon, lat): the Korenmarkt and Sint-Amandsberg.
KORENMARKT = (3.7219, 51.0545)
SINT_AMANDSBERG = (3.7500, 51.0600)
TO_LAMBERT = Transformer.from_crs("EPSG:4326", "EPSG:31370", always_xy=True)


def schools_4326(n=3):
    """A small basis-school layer in WGS84 with the fields the role needs."""
    lon = np.linspace(3.70, 3.76, n)
    lat = np.linspace(51.03, 51.07, n)
    return gpd.GeoDataFrame(
        {
            "naam": [f"School {i}" for i in range(1, n + 1)],
            # Shapefile-safe names (at most 10 characters), as users have them.
            "cap_kleut": np.arange(1, n + 1) * 50,
            "cap_lager": np.arange(1, n + 1) * 100,
        },
        geometry=gpd.points_from_xy(lon, lat),
        crs="EPSG:4326",
    )


def only_problem(result):
    assert not result.loadable
    assert len(result.problems) == 1, [p.message for p in result.problems]
    return result.problems[0]


def test_missing_file_is_named(tmp_path):
    path = tmp_path / "scholen.gpkg"
    p = only_problem(read_layer(path, role="scholen_basis"))
    assert p.file == "scholen.gpkg"
    assert "scholen.gpkg" in p.message and "does not exist" in p.message


def test_random_bytes_named_gpkg_is_not_geodata(tmp_path):
    path = tmp_path / "ruis.gpkg"
    path.write_bytes(np.random.default_rng(1).bytes(4096))
    p = only_problem(read_layer(path, role="scholen_basis"))
    assert p.message.startswith("ruis.gpkg")
    assert "not a geodata file" in p.message


def test_truncated_gpkg_is_reported_damaged(tmp_path):
    good = tmp_path / "good.gpkg"
    schools_4326(400).to_file(good, layer="scholen")
    raw = good.read_bytes()
    bad = tmp_path / "afgebroken.gpkg"
    bad.write_bytes(raw[: len(raw) // 2])
    p = only_problem(read_layer(bad, role="scholen_basis"))
    assert p.message.startswith("afgebroken.gpkg")
    assert "damaged or incomplete" in p.message


def test_geojson_with_invalid_json_names_line(tmp_path):
    path = tmp_path / "scholen.geojson"
    path.write_text('{"type": "FeatureCollection",\n "features": [\n {"type": "Feature",, }\n]}')
    p = only_problem(read_layer(path, role="scholen_basis"))
    assert p.message.startswith("scholen.geojson")
    assert "not valid JSON" in p.message and "line 3" in p.message


def test_json_array_is_not_geojson(tmp_path):
    path = tmp_path / "speelterreinen.json"
    path.write_text('[{"naam": "a"}]')
    p = only_problem(read_layer(path, role="kinderopvang"))
    assert "not GeoJSON" in p.message


def test_empty_layer_names_file_and_layer(tmp_path):
    path = tmp_path / "leeg.gpkg"
    schools_4326().iloc[:0].to_file(path, layer="scholen")
    p = only_problem(read_layer(path, role="scholen_basis"))
    assert p.layer == "scholen"
    assert p.message.startswith("leeg.gpkg, layer 'scholen'")
    assert "no features" in p.message


def test_unknown_extension_is_not_geodata(tmp_path):
    path = tmp_path / "notities.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    p = only_problem(read_layer(path, role="scholen_basis"))
    assert "notities.docx" in p.message and "not a geodata file" in p.message


def test_shapefile_without_prj_has_no_crs(tmp_path):
    shp = tmp_path / "scholen.shp"
    schools_4326().to_crs(31370).to_file(shp)
    shp.with_suffix(".prj").unlink()
    p = only_problem(read_layer(shp, role="scholen_basis"))
    assert p.message.startswith("scholen.shp")
    assert "no coordinate reference system" in p.message and ".prj" in p.message
    # Telling the CRS makes it loadable, and the points land where they were.
    result = read_layer(shp, role="scholen_basis", assume_crs="EPSG:31370")
    assert result.loadable, result.problems
    expected = schools_4326().to_crs(31370).geometry
    assert np.allclose(
        shapely.get_coordinates(result.layer.geometry), shapely.get_coordinates(expected)
    )


@pytest.mark.parametrize(
    "prj",
    ['PROJCS["onbekend",GEOGCS["x"]]', 'LOCAL_CS["Lokaal",UNIT["metre",1]]'],
    ids=["unreadable", "local"],
)
def test_shapefile_with_unknown_crs(tmp_path, prj):
    shp = tmp_path / "opvang.shp"
    gpd.GeoDataFrame(
        {"naam": ["A"], "plaatsen": [12]}, geometry=[shapely.Point(104_500, 194_000)], crs=31370
    ).to_file(shp)
    shp.with_suffix(".prj").write_text(prj)
    p = only_problem(read_layer(shp, role="kinderopvang"))
    assert p.message.startswith("opvang.shp, layer 'opvang'")
    assert "coordinate reference system" in p.message and "unknown" in p.message


def test_zipped_shapefile_is_read_and_reprojected(tmp_path):
    folder = tmp_path / "shp"
    folder.mkdir()
    schools_4326().to_file(folder / "scholen.shp")
    archive = tmp_path / "scholen.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in folder.iterdir():
            zf.write(f, f"data/{f.name}")
    result = read_layer(archive, role="scholen_basis")
    assert result.loadable, result.problems
    assert result.layer.crs.to_epsg() == 31370
    assert result.mapping["capacity_kleuter"] == "cap_kleut"
    assert list(result.layer["capacity_lager"]) == [100, 200, 300]
    x, y = TO_LAMBERT.transform(3.70, 51.03)
    assert result.layer.geometry.iloc[0].distance(shapely.Point(x, y)) < 0.01


def test_zip_without_geodata_is_reported(tmp_path):
    archive = tmp_path / "map.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("lees.txt", "hallo")
    p = only_problem(read_layer(archive, role="scholen_basis"))
    assert "map.zip" in p.message and "no shapefile" in p.message


def test_belgian_csv_cp1252_semicolons_decimal_commas(tmp_path):
    text = (
        (
            "naam;lat;lon;capaciteit kleuter;capaciteit lager\n"
            f"Sint-Amandsberg école;{SINT_AMANDSBERG[1]:.4f};{SINT_AMANDSBERG[0]:.4f};120;1.250\n"
            f"Basisschool Korenmarkt;{KORENMARKT[1]:.4f};{KORENMARKT[0]:.4f};80;240\n"
        )
        .replace("51.", "51,")
        .replace("3.7", "3,7")
    )
    path = tmp_path / "scholen.csv"
    path.write_bytes(text.encode("cp1252"))
    result = read_layer(path, role="scholen_basis")
    assert result.loadable, result.problems
    assert list(result.layer["name"]) == ["Sint-Amandsberg école", "Basisschool Korenmarkt"]
    # "1.250" in a decimal-comma file is one thousand two hundred and fifty.
    assert list(result.layer["capacity_lager"]) == [1250, 240]
    x, y = TO_LAMBERT.transform(*SINT_AMANDSBERG)
    assert result.layer.geometry.iloc[0].distance(shapely.Point(x, y)) < 0.5


def test_csv_with_lambert_xy_and_utf8(tmp_path):
    x, y = TO_LAMBERT.transform(*KORENMARKT)
    path = tmp_path / "opvang.csv"
    path.write_text(
        f"naam,x,y,plaatsen\nKinderdagverblijf Ça va,{x:.1f},{y:.1f},28\n", encoding="utf-8"
    )
    result = read_layer(path, role="kinderopvang")
    assert result.loadable, result.problems
    assert result.layer["name"].iloc[0] == "Kinderdagverblijf Ça va"
    assert result.layer["places"].iloc[0] == 28
    assert result.layer.geometry.iloc[0].distance(shapely.Point(x, y)) < 0.1


def test_xlsx_with_lat_lon(tmp_path):
    frame = pd.DataFrame(
        {
            "Naam": ["Jeugdhuis A", "Chiro B"],
            "Latitude": [KORENMARKT[1], SINT_AMANDSBERG[1]],
            "Longitude": [KORENMARKT[0], SINT_AMANDSBERG[0]],
            "Type": ["jeugdhuis", "jeugdbeweging"],
            "Capaciteit": [150, 90],
        }
    )
    path = tmp_path / "jeugd.xlsx"
    frame.to_excel(path, index=False, sheet_name="lijst")
    result = read_layer(path, role="jeugdinfrastructuur")
    assert result.loadable, result.problems
    assert result.source_layer == "lijst"
    assert list(result.layer["capacity"]) == [150, 90]
    x, y = TO_LAMBERT.transform(*SINT_AMANDSBERG)
    assert result.layer.geometry.iloc[1].distance(shapely.Point(x, y)) < 0.5


def test_csv_row_without_coordinates_names_row_and_field(tmp_path):
    path = tmp_path / "opvang.csv"
    path.write_text(
        "naam;lat;lon;plaatsen\nA;51,05;3,72;10\nB;;3,73;12\nC;51,06;oost;14\n", encoding="utf-8"
    )
    result = read_layer(path, role="kinderopvang")
    messages = [p.message for p in result.problems]
    assert "opvang.csv, row 3, field 'lat': is empty; the coordinates are required." in messages
    assert "opvang.csv, row 4, field 'lon': is not a number." in messages
    assert len(messages) == 2, messages


def test_gpkg_with_several_layers_asks_which(tmp_path):
    path = tmp_path / "alles.gpkg"
    schools_4326().to_file(path, layer="a")
    schools_4326().to_file(path, layer="b")
    p = only_problem(read_layer(path, role="scholen_basis"))
    assert "alles.gpkg" in p.message and "a, b" in p.message
    assert read_layer(path, layer="b", role="scholen_basis").loadable
    assert (
        "has no layer 'c'"
        in only_problem(read_layer(path, layer="c", role="scholen_basis")).message
    )


def test_import_layer_raises_first_problem(tmp_path):
    path = tmp_path / "kapot.geojson"
    path.write_text("{")
    with pytest.raises(InputError, match=r"^kapot.geojson: is not valid JSON"):
        import_layer(path, role="wijken")
    good = tmp_path / "scholen.geojson"
    schools_4326().to_file(good, driver="GeoJSON")
    layer = import_layer(good, role="scholen_basis")
    assert len(layer) == 3 and layer.crs.to_epsg() == 31370


def test_reading_leaves_the_file_untouched(tmp_path):
    path = tmp_path / "scholen.geojson"
    schools_4326().to_file(path, driver="GeoJSON")
    before = path.read_bytes()
    read_layer(path, role="scholen_basis")
    assert path.read_bytes() == before
    assert json.loads(io.BytesIO(before).read())["type"] == "FeatureCollection"
