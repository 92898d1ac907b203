"""Demand points per sector and the entry-point table."""

import geopandas as gpd
import numpy as np
import pytest
import shapely
import shapely.affinity
from shapely.geometry import LineString, Polygon, box

from capacityplanner.errors import InputError
from capacityplanner.geodata.network import default_entry_points, sector_demand_points

U_SHAPE = Polygon(
    [(0, 0), (300, 0), (300, 300), (200, 300), (200, 100), (100, 100), (100, 300), (0, 300)]
)


def sectors(*polys):
    return gpd.GeoDataFrame(
        {
            "sector_code": [f"S{i}" for i in range(len(polys))],
            "wijknr": [i + 1 for i in range(len(polys))],
            "population_2024": [100 * (i + 1) for i in range(len(polys))],
        },
        geometry=list(polys),
        crs=31370,
    )


def streets(items):
    return gpd.GeoDataFrame(
        {"road_class": [rc for _, rc in items], "rijrichting": ["D"] * len(items)},
        geometry=[LineString(c) for c, _ in items],
        crs=31370,
    )


def test_length_weighted_centroid_of_residential_streets():
    sec = sectors(box(0, 0, 100, 100), box(100, 0, 200, 100))
    w = streets(
        [
            ([(0, 10), (100, 10)], 7),  # 100 m, centre (50, 10)
            ([(0, 80), (30, 80)], 6),  # 30 m, centre (15, 80)
            ([(10, 50), (90, 50)], 2),  # main road: not residential
            ([(50, 0), (50, 100)], 10),  # path: not residential
            ([(20, 90), (80, 90)], 9),  # service road: not residential
            ([(70, 30), (130, 30)], 7),  # crosses into sector 2: 30 m each side
        ]
    )
    out = sector_demand_points(sec, w)
    # sector 1: 100 m at (50,10), 30 m at (15,80), 30 m at (85,30)
    x = (100 * 50 + 30 * 15 + 30 * 85) / 160
    y = (100 * 10 + 30 * 80 + 30 * 30) / 160
    assert out.geometry.iloc[0].x == pytest.approx(x)
    assert out.geometry.iloc[0].y == pytest.approx(y)
    assert out["street_m"].iloc[0] == pytest.approx(160.0)
    # sector 2: only the 30 m piece of the crossing street
    assert (out.geometry.iloc[1].x, out.geometry.iloc[1].y) == pytest.approx((115.0, 30.0))
    assert out["placement"].tolist() == ["streets", "streets"]
    assert out["sector_code"].tolist() == ["S0", "S1"]
    assert out["wijknr"].tolist() == [1, 2]
    assert out["population_2024"].tolist() == [100, 200]
    assert out.crs.to_epsg() == 31370


def test_sector_without_streets_gets_a_point_inside():
    u_shape = shapely.affinity.translate(U_SHAPE, 1000, 0)
    sec = sectors(box(0, 0, 100, 100), u_shape)
    w = streets([([(10, 10), (90, 10)], 7)])
    out = sector_demand_points(sec, w)
    assert out["placement"].tolist() == ["streets", "representative_point"]
    assert shapely.within(out.geometry.iloc[1], u_shape)
    plain = sector_demand_points(sec)
    assert (plain["placement"] == "representative_point").all()
    assert shapely.within(plain.geometry.values, sec.geometry.values).all()


def test_centroid_outside_the_sector_moves_onto_its_streets():
    u_shape = U_SHAPE
    w = streets([([(50, 120), (50, 280)], 7), ([(250, 120), (250, 280)], 7)])
    out = sector_demand_points(sectors(u_shape), w)
    p = out.geometry.iloc[0]
    assert out["placement"].iloc[0] == "streets"
    assert u_shape.covers(p)
    assert shapely.distance(p, w.geometry.union_all()) == pytest.approx(0.0, abs=1e-6)
    assert p.y == pytest.approx(200.0)  # nearest point to the centroid (150, 200)


def test_missing_fields_raise_input_error():
    with pytest.raises(InputError, match="sector_code"):
        sector_demand_points(sectors(box(0, 0, 1, 1)).drop(columns="sector_code"))


def test_entry_points_table():
    ep = default_entry_points()
    assert list(ep.columns) == ["name", "x", "y", "share", "mode"]
    assert ep["share"].sum() == pytest.approx(1.0)
    assert (ep["share"] > 0).all()
    assert set(ep["mode"]) == {"train", "car"}
    assert {"Gent-Sint-Pieters station", "Gent-Dampoort station"} <= set(ep["name"])
    assert 4 <= (ep["mode"] == "car").sum() <= 6
    # all inside Ghent's extent in Lambert 72
    assert ep["x"].between(94_000, 116_000).all() and ep["y"].between(185_000, 211_000).all()
    assert np.isfinite(ep[["x", "y"]].to_numpy()).all()
