"""The styled GeoPackage reads back with its layers and QGIS styles in ``layer_styles``."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import LineString

from capacityplanner.errors import InputError
from capacityplanner.export.balance_layer import balance_wide
from capacityplanner.export.gpkg_styles import (
    add_total_places,
    allocation_style_spec,
    balance_style_spec,
    export_styled_gpkg,
    site_style_spec,
)
from capacityplanner.export.provenance import DEFAULT_CREDIT
from capacityplanner.geodata.dataset import load_dataset

OGC = "{http://www.opengis.net/ogc}"
QGIS_COLUMNS = [
    "f_table_catalog",
    "f_table_schema",
    "f_table_name",
    "f_geometry_column",
    "styleName",
    "styleQML",
    "styleSLD",
    "useAsDefault",
    "description",
    "owner",
    "ui",
    "update_time",
]


@pytest.fixture(scope="module")
def layers():
    ds = load_dataset()
    wijken = ds.layer("wijken")
    n = len(wijken)
    cap = np.full(n, 1000.0)
    dem = cap.copy()
    dem[wijken["wijknr"].to_numpy() == 4] = 1430.0  # Brugse Poort: 430 places short
    dem[wijken["wijknr"].to_numpy() == 13] = 1090.0  # Dampoort: 90 short
    balance = pd.DataFrame(
        {"wijknr": wijken["wijknr"], "level": "basis", "year": 2026, "capacity": cap, "demand": dem}
    )
    balance["balance"] = balance["capacity"] - balance["demand"]
    balance["shortfall"] = (-balance["balance"]).clip(lower=0)
    saldo = balance_wide(wijken, balance, 2026)
    sites = ds.layer("kandidaatsites").head(3)[["site_id", "name", "geometry"]]
    sites = add_total_places(
        sites.assign(
            places_secundair=[600, 400, 300], places_kinderopvang=[28, 0, 14], brede=[1, 0, 1]
        )
    )
    a, b = saldo.geometry.iloc[3].centroid, sites.geometry.iloc[0]
    alloc = gpd.GeoDataFrame(
        {"wijknr": [4], "level": ["basis"], "children": [120.0]},
        geometry=[LineString([a, b])],
        crs=saldo.crs,
    )
    return {"saldo": saldo, "voorstel": sites, "toewijzing": alloc}


@pytest.fixture(scope="module")
def gpkg(layers, tmp_path_factory):
    styles = {
        "saldo": balance_style_spec(layers["saldo"], "shortfall_basis"),
        "voorstel": site_style_spec(layers["voorstel"]),
        "toewijzing": allocation_style_spec(),
    }
    return export_styled_gpkg(tmp_path_factory.mktemp("gpkg") / "plan.gpkg", layers, styles)


def _styles(path) -> dict[str, dict]:
    con = sqlite3.connect(path)
    try:
        con.row_factory = sqlite3.Row
        return {r["f_table_name"]: dict(r) for r in con.execute("SELECT * FROM layer_styles")}
    finally:
        con.close()


def test_layers_read_back_in_lambert72_with_their_values(gpkg, layers):
    listed = {name: geom for name, geom in pyogrio.list_layers(gpkg)}
    assert (
        listed["saldo"] == "Polygon"
        and listed["voorstel"] == "Point"
        and listed["toewijzing"] == "LineString"
    )
    saldo = gpd.read_file(gpkg, layer="saldo")
    assert saldo.crs.to_epsg() == 31370 and len(saldo) == 25
    row = saldo[saldo["wijknr"] == 4].iloc[0]
    assert row["shortfall_basis"] == 430 and row["wijk"] == "Brugse Poort - Rooigem"
    sites = gpd.read_file(gpkg, layer="voorstel")
    assert sites["places_total"].tolist() == [628, 400, 314]


def test_layer_styles_table_follows_the_qgis_convention(gpkg):
    con = sqlite3.connect(gpkg)
    try:
        columns = [r[1] for r in con.execute("PRAGMA table_info(layer_styles)")]
        geom_cols = dict(con.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"))
        contents = dict(con.execute("SELECT table_name, description FROM gpkg_contents"))
    finally:
        con.close()
    assert set(QGIS_COLUMNS) <= set(columns)
    styles = _styles(gpkg)
    assert set(styles) == {"saldo", "voorstel", "toewijzing"}
    for name, row in styles.items():
        assert row["useAsDefault"] == 1
        assert row["f_geometry_column"] == geom_cols[name]
        assert DEFAULT_CREDIT in row["description"]
        assert DEFAULT_CREDIT in contents[name] and "Illustratieve" in contents[name]


def test_balance_qml_is_graduated_red_green_on_the_shortfall_field(gpkg):
    qml = ET.fromstring(_styles(gpkg)["saldo"]["styleQML"])
    renderer = qml.find("renderer-v2")
    assert renderer.get("type") == "graduatedSymbol" and renderer.get("attr") == "shortfall_basis"
    assert "shortfall_basis" in pyogrio.read_info(gpkg, layer="saldo")["fields"]
    ranges = renderer.findall("ranges/range")
    symbols = {s.get("name"): s for s in renderer.findall("symbols/symbol")}

    def fill_of(value: float) -> str:
        for r in ranges:
            if float(r.get("lower")) <= value <= float(r.get("upper")):
                layer = symbols[r.get("symbol")].find("layer")
                return {p.get("k"): p.get("v") for p in layer.findall("prop")}["color"]
        raise AssertionError(f"no range holds {value}")

    green = fill_of(0)
    worst = fill_of(430)
    r, g, _b, _a = (int(x) for x in worst.split(","))
    assert green.startswith("26,152,80")  # no shortfall: green
    assert r > 200 and g < 80  # 430 short: red
    assert fill_of(90) not in (green, worst)
    assert qml.find("labeling/settings/text-style").get("fieldName") == "wijk"


def test_site_qml_sizes_by_places_and_marks_brede_sites(gpkg):
    qml_text = _styles(gpkg)["voorstel"]["styleQML"]
    qml = ET.fromstring(qml_text)
    renderer = qml.find("renderer-v2")
    assert renderer.get("attr") == "places_total"
    sizes = [
        float({p.get("k"): p.get("v") for p in s.find("layer").findall("prop")}["size"])
        for s in renderer.findall("symbols/symbol")
    ]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    expressions = [o.get("value") for o in qml.iter("Option") if o.get("name") == "expression"]
    assert any('"brede" = 1' in e and "star" in e for e in expressions)


def test_sld_parses_and_filters_on_the_layers_fields(gpkg):
    styles = _styles(gpkg)
    for name in ("saldo", "voorstel"):
        sld = ET.fromstring(styles[name]["styleSLD"])
        props = {p.text for p in sld.iter(f"{OGC}PropertyName")}
        fields = set(pyogrio.read_info(gpkg, layer=name)["fields"])
        assert props and props <= fields
    voorstel = ET.fromstring(styles["voorstel"]["styleSLD"])
    names = [n.text for n in voorstel.iter("{http://www.opengis.net/se}WellKnownName")]
    assert "star" in names and "circle" in names


def test_style_for_a_missing_field_is_a_clear_input_error(layers, tmp_path):
    spec = balance_style_spec(layers["saldo"], "shortfall_basis")
    with pytest.raises(InputError, match="shortfall_basis"):
        export_styled_gpkg(
            tmp_path / "x.gpkg",
            {"saldo": layers["saldo"].drop(columns="shortfall_basis")},
            {"saldo": spec},
        )
    with pytest.raises(InputError, match="not among the layers"):
        export_styled_gpkg(tmp_path / "x.gpkg", {"voorstel": layers["voorstel"]}, {"saldo": spec})
