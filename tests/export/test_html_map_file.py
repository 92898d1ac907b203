"""The HTML map file itself: self-contained, compact, and clear about bad input (no browser)."""

from __future__ import annotations

import json
import re
from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from capacityplanner.errors import InputError
from capacityplanner.export.html_map import export_html_map
from capacityplanner.export.provenance import Provenance


@pytest.fixture
def inputs():
    """Four square wijken of 1 km near Ghent's centre and two schools."""
    x0, y0 = 104_000, 194_000
    wijken = gpd.GeoDataFrame(
        {"wijknr": [1, 2, 3, 4], "wijk": ["Binnenstad", "Ledeberg", "Muide", "Gentbrugge"]},
        geometry=[box(x0 + i * 1000, y0, x0 + (i + 1) * 1000, y0 + 1000) for i in range(4)],
        crs="EPSG:31370",
    )
    balance = pd.DataFrame(
        {
            "wijknr": [1, 2, 3, 4] * 2,
            "level": ["basis"] * 4 + ["secundair"] * 4,
            "year": 2024,
            "capacity": [500.0, 300, 800, 200, 900, 0, 400, 100],
            "demand": [450.0, 420, 800, 260, 700, 350, 410, 90],
        }
    )
    balance["balance"] = balance["capacity"] - balance["demand"]
    balance["shortfall"] = (-balance["balance"]).clip(lower=0)
    schools = gpd.GeoDataFrame(
        {
            "site_id": ["BAS-001", "BAS-002"],
            "name": ["Basisschool De Krekel", "Stedelijke basisschool Ledeberg"],
            "capacity_kleuter": [120, 80],
            "capacity_lager": [240, 150],
            "illustrative": [1, 1],
        },
        geometry=[Point(x0 + 500, y0 + 500), Point(x0 + 1500, y0 + 400)],
        crs="EPSG:31370",
    )
    return wijken, balance, {"scholen_basis": schools}


def _features(html_text: str) -> list[dict]:
    """Every GeoJSON feature embedded in the page."""
    out = []
    for m in re.finditer(
        r"L\.geoJSON\((\{\"type\":\"FeatureCollection\".*?\]\}), \{", html_text, re.S
    ):
        out += json.loads(m.group(1))["features"]
    return out


def test_page_is_self_contained(inputs, tmp_path):
    wijken, balance, sites = inputs
    text = export_html_map(tmp_path / "m.html", wijken, balance, sites, year=2024).read_text(
        encoding="utf-8"
    )
    assert not re.search(r"<script[^>]+src=", text)
    assert not re.search(r"<link[^>]+stylesheet", text)
    assert not re.search(r"url\((?!data:|#)", text)  # CSS images are data: URIs
    for lib in ("jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers", "d3.min"):
        assert lib not in text.lower()
    assert "L.version" in text or 'version="1.9.4"' in text  # Leaflet is inlined
    assert "sourceMappingURL" not in text


def test_coordinates_are_wgs84_with_at_most_six_decimals(inputs, tmp_path):
    wijken, balance, sites = inputs
    text = export_html_map(tmp_path / "m.html", wijken, balance, sites, year=2024).read_text(
        encoding="utf-8"
    )
    feats = _features(text)
    assert len(feats) == 4 + 2
    coords = np.array(
        [
            c
            for f in feats
            if f["geometry"]["type"] == "Polygon"
            for c in f["geometry"]["coordinates"][0]
        ]
    )
    assert 3.6 < coords[:, 0].min() < coords[:, 0].max() < 3.9  # longitude of Ghent
    assert 51.0 < coords[:, 1].min() < coords[:, 1].max() < 51.2
    numbers = re.findall(r"\d+\.(\d+)", json.dumps([f["geometry"] for f in feats]))
    assert numbers and max(len(d) for d in numbers) <= 6


def test_wijk_popups_and_classes_follow_the_balance(inputs, tmp_path):
    wijken, balance, sites = inputs
    text = export_html_map(
        tmp_path / "m.html", wijken, balance, sites, year=2024, level="basis"
    ).read_text(encoding="utf-8")
    wijk_feats = {
        f["properties"]["_t"]: f["properties"]
        for f in _features(text)
        if "cp-wijk" in f["properties"]["_c"]
    }
    assert set(wijk_feats) == {"Binnenstad", "Ledeberg", "Muide", "Gentbrugge"}
    # no shortfall in Binnenstad and Muide: class 0; Ledeberg (120 short) darker than Gentbrugge (60)
    assert wijk_feats["Binnenstad"]["_s"] == wijk_feats["Muide"]["_s"] == 0
    assert wijk_feats["Ledeberg"]["_s"] > wijk_feats["Gentbrugge"]["_s"] > 0
    popup = wijk_feats["Ledeberg"]["_p"]
    assert (
        "420" in popup and "-120" in popup and "Secundair onderwijs" in popup and "2024-25" in popup
    )
    school = next(
        f["properties"] for f in _features(text) if "cp-site-BAS-002" in f["properties"]["_c"]
    )
    assert "Stedelijke basisschool Ledeberg" in school["_p"] and "150" in school["_p"]
    assert "illustratieve gegevens" in school["_p"]


def test_english_page_without_illustrative_layers(inputs, tmp_path):
    wijken, balance, sites = inputs
    prov = Provenance(
        illustrative=False, language="en", created=date(2025, 3, 5), tool_version="9.9"
    )
    text = export_html_map(
        tmp_path / "m.html", wijken, balance, sites, year=2024, language="en", provenance=prov
    ).read_text(encoding="utf-8")
    assert "Capacity balance Basisonderwijs (kleuter + lager), school year 2024-25" in text
    assert "Made with Ghent capacity planner version 9.9 on 5 March 2025" in text
    assert (
        "cp-notice" not in text.split("</style>")[-1]
    )  # no notice box when nothing is illustrative


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda w, b, s: (w.drop(columns="wijknr"), b, s), "wijken lacks the field"),
        (lambda w, b, s: (w, b.drop(columns="shortfall"), s), "balance table lacks the column"),
        (
            lambda w, b, s: (w, b, {"scholen_basis": s["scholen_basis"].drop(columns="site_id")}),
            "scholen_basis",
        ),
        (
            lambda w, b, s: (w.set_crs(None, allow_override=True), b, s),
            "coordinate reference system",
        ),
    ],
)
def test_bad_input_is_one_clear_sentence(inputs, tmp_path, change, message):
    wijken, balance, sites = inputs
    w, b, s = change(wijken, balance, sites)
    with pytest.raises(InputError, match=message):
        export_html_map(tmp_path / "m.html", w, b, s, year=2024)


def test_missing_year_or_level_names_it(inputs, tmp_path):
    wijken, balance, sites = inputs
    with pytest.raises(InputError, match="2031"):
        export_html_map(tmp_path / "m.html", wijken, balance, sites, year=2031)
    with pytest.raises(InputError, match="kinderopvang"):
        export_html_map(
            tmp_path / "m.html", wijken, balance, sites, year=2024, level="kinderopvang"
        )
