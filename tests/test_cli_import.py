"""``capacityplanner layers`` and ``capacityplanner import``: output and exit status."""

import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from capacityplanner.cli import main

X0, Y0 = 104_500.0, 194_000.0


@pytest.fixture
def small_dataset(tmp_path):
    """A data-set GeoPackage with a boundary, one illustrative layer and two tables."""
    path = tmp_path / "data.gpkg"
    boundary = gpd.GeoDataFrame(
        {"niscode": ["44021"], "naam": ["Gent"]},
        geometry=[shapely.box(X0 - 5000, Y0 - 5000, X0 + 5000, Y0 + 5000)],
        crs=31370,
    )
    boundary.to_file(path, layer="gemeentegrens")
    schools = gpd.GeoDataFrame(
        {
            "name": ["A", "B", "C"],
            "capacity_kleuter": [1, 2, 3],
            "capacity_lager": [4, 5, 6],
            "illustrative": [1, 1, 1],
        },
        geometry=gpd.points_from_xy([X0, X0 + 10, X0 + 20], [Y0] * 3),
        crs=31370,
    )
    schools.to_file(path, layer="scholen_basis")
    pd.DataFrame({"sector_code": ["44021A02-"] * 2, "age": [0, 1], "population": [1.0, 2.0]}).pipe(
        lambda t: gpd.GeoDataFrame(t)
    ).to_file(path, layer="bevolking", driver="GPKG")
    info = pd.DataFrame(
        {
            "key": ["credit", "layer_description:scholen_basis"],
            "value": ["Bron: test", "Illustratieve scholen"],
        }
    )
    gpd.GeoDataFrame(info).to_file(path, layer="dataset_info", driver="GPKG")
    return path


def test_layers_human_table(small_dataset, capsys):
    assert main(["layers", "--data", str(small_dataset)]) == 0
    out = capsys.readouterr().out.splitlines()
    header = next(i for i, line in enumerate(out) if line.startswith("name"))
    rows = {
        line.split()[0]: line.split() for line in out[header + 2 :] if line.strip() and " " in line
    }
    assert rows["scholen_basis"][:5] == ["scholen_basis", "layer", "3", "EPSG:31370", "Point"]
    assert rows["scholen_basis"][-1] == "yes"
    assert rows["gemeentegrens"][-1] == "no"
    assert rows["bevolking"][:3] == ["bevolking", "table", "2"]
    # Aligned: the kind column starts at the same place on every row.
    starts = {
        line.index(" layer") if " layer" in line else line.index(" table")
        for line in out[header + 2 :]
        if " layer" in line or " table" in line
    }
    assert len(starts) == 1


def test_layers_json(small_dataset, capsys):
    assert main(["layers", "--data", str(small_dataset), "--json"]) == 0
    entries = {e["name"]: e for e in json.loads(capsys.readouterr().out)}
    assert entries["scholen_basis"] == {
        "name": "scholen_basis",
        "kind": "layer",
        "count": 3,
        "crs": "EPSG:31370",
        "geometry": "Point",
        "illustrative": True,
        "description": "Illustratieve scholen",
    }
    assert entries["bevolking"]["kind"] == "table" and entries["bevolking"]["count"] == 2
    assert entries["bevolking"]["crs"] is None


def test_layers_missing_data_set_is_one_error(tmp_path, capsys):
    assert main(["layers", "--data", str(tmp_path / "geen.gpkg")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "geen.gpkg" in err and "Traceback" not in err


def write_schools_csv(path, rows):
    path.write_text(
        "naam;x;y;capaciteit kleuter;capaciteit lager\n" + "".join(rows), encoding="utf-8"
    )
    return path


def test_import_loadable_file_exits_0(tmp_path, capsys, small_dataset):
    path = write_schools_csv(
        tmp_path / "scholen.csv", [f"A;{X0};{Y0};10;20\n", f"B;{X0};{Y0};30;40\n"]
    )
    assert main(["import", str(path), "--as", "scholen_basis", "--data", str(small_dataset)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "loadable as scholen_basis, 2 features" in out
    assert "capacity_kleuter <- capaciteit kleuter" in out


def test_import_bad_file_exits_2_with_every_problem(tmp_path, capsys, small_dataset):
    path = write_schools_csv(
        tmp_path / "scholen.csv",
        [f"A;{X0};{Y0};veel;20\n", f"B;{X0};{Y0};30;-4\n", f"C;{X0 + 9000};{Y0};1;2\n"],
    )
    code = main(["import", str(path), "--as", "scholen_basis", "--data", str(small_dataset)])
    assert code == 2
    out, err = capsys.readouterr()
    assert "cannot be loaded as scholen_basis; 3 problems" in out
    lines = err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("error: scholen.csv, row ") for line in lines)
    assert "row 2, field 'capaciteit kleuter'" in lines[0]
    assert "row 3, field 'capaciteit lager'" in lines[1]
    # Outside the data set's boundary (5 km box) though inside Ghent's usual bounds.
    assert "row 4, field 'geometry': lies outside Ghent" in lines[2]


def test_import_json_report(tmp_path, capsys):
    path = write_schools_csv(tmp_path / "scholen.csv", [f"A;{X0};{Y0};10;-20\n"])
    code = main(["import", str(path), "--as", "scholen_basis", "--json"])
    assert code == 2
    report = json.loads(capsys.readouterr().out)
    assert report["loadable"] is False and report["role"] == "scholen_basis"
    [p] = report["problems"]
    assert (p["file"], p["row"], p["field"]) == ("scholen.csv", 2, "capaciteit lager")


def test_import_with_join_and_map(tmp_path, capsys):
    layer = gpd.GeoDataFrame(
        {"titel": ["A", "B"], "instellingsnummer": ["1", "2"]},
        geometry=gpd.points_from_xy([X0, X0 + 50], [Y0, Y0]),
        crs=31370,
    )
    gpkg = tmp_path / "scholen.gpkg"
    layer.to_file(gpkg, layer="scholen")
    csv = tmp_path / "cap.csv"
    csv.write_text("nr;k;l\n1;10;20\n3;5;5\n", encoding="utf-8")
    args = [
        "import",
        str(gpkg),
        "--as",
        "scholen_basis",
        "--join",
        str(csv),
        "--key",
        "instellingsnummer=nr",
        "--map",
        "name=titel",
        "capacity_kleuter=k",
        "--map",
        "capacity_lager=l",
    ]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert "join with cap.csv by instellingsnummer=nr: 1 features matched" in out
    assert "features without a table row (1): 2" in out
    assert "table rows without a feature (1): 3" in out
    assert "error: scholen.gpkg, layer 'scholen', row 2, field 'instellingsnummer'" in err
    csv.write_text("nr;k;l\n1;10;20\n2;5;5\n", encoding="utf-8")
    assert main(args + ["--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["mapping"]["capacity_kleuter"] == "k" and report["join"]["matched"] == 2


def test_import_missing_file_and_bad_map(tmp_path, capsys):
    assert main(["import", str(tmp_path / "weg.geojson"), "--as", "wijken"]) == 2
    assert "error: weg.geojson: the file does not exist" in capsys.readouterr().err
    path = write_schools_csv(tmp_path / "scholen.csv", [f"A;{X0};{Y0};10;20\n"])
    assert main(["import", str(path), "--map", "naam"]) == 2
    assert (
        capsys.readouterr().err
        == "error: --map expects FIELD=COLUMN (e.g. name=naam), got 'naam'.\n"
    )


def test_import_role_guessed_from_file_name(tmp_path, capsys):
    wijken = gpd.GeoDataFrame(
        {"wijk": ["Binnenstad"], "wijknr": [1], "naam": ["Binnenstad"]},
        geometry=[shapely.box(X0, Y0, X0 + 100, Y0 + 100)],
        crs=31370,
    ).to_crs(4326)
    path = tmp_path / "stadswijken-gent.geojson"
    wijken.to_file(path, driver="GeoJSON")
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "loadable as wijken" in out
    assert "wijk      <- wijk" in out and "stadsdeel <- naam" in out
