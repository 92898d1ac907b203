"""Street network on the real Ghent streets (the shipped data set's ``wegen`` layer)."""

import numpy as np
import pytest
import shapely

from capacityplanner import paths
from capacityplanner.geodata.network import (
    StreetNetwork,
    default_entry_points,
    euclidean_matrix,
    sector_demand_points,
)

pytestmark = pytest.mark.skipif(
    not paths.GHENT_GPKG.exists(), reason="resources/ghent.gpkg not built"
)


@pytest.fixture(scope="module")
def ghent():
    from capacityplanner.geodata.dataset import load_dataset

    ds = load_dataset()
    return ds.layer("wegen"), ds.layer("sectoren"), ds.layer("gemeentegrens")


@pytest.fixture(scope="module")
def walk(ghent):
    return StreetNetwork.from_wegen(ghent[0], "walk")


def random_points(wegen, n, seed):
    """Points near streets: random positions along random segments, shifted up to 30 m."""
    rng = np.random.default_rng(seed)
    lines = wegen.geometry.values[rng.integers(0, len(wegen), n)]
    on = shapely.line_interpolate_point(lines, rng.uniform(0, 1, n), normalized=True)
    return shapely.get_coordinates(on) + rng.uniform(-30, 30, (n, 2))


def test_largest_component_holds_about_98_percent_of_nodes(ghent, walk):
    assert 0.97 <= walk.lcc_node_share <= 0.995
    car = StreetNetwork.from_wegen(ghent[0], "car")
    assert 0.9 <= car.lcc_node_share <= walk.lcc_node_share
    assert car.n_edges < walk.n_edges


def test_walking_distance_is_at_least_the_straight_line(ghent, walk):
    o = random_points(ghent[0], 60, seed=1)
    d = random_points(ghent[0], 80, seed=2)
    street = walk.distance_matrix(o, d, limit_m=4000)
    straight = euclidean_matrix(o, d, detour_factor=1.0)
    r, c = street.nonzero()
    assert len(r) > 100
    ratio = np.asarray(street[r, c]).ravel() / np.asarray(straight[r, c]).ravel()
    assert ratio.min() >= 1.0 - 1e-9
    assert 1.05 < np.median(ratio) < 2.0  # streets wind, but not absurdly


def test_walking_is_symmetric_and_direction_agnostic(ghent, walk):
    a = random_points(ghent[0], 15, seed=3)
    b = random_points(ghent[0], 25, seed=4)
    ab = walk.distance_matrix(a, b).toarray()
    ba = walk.distance_matrix(b, a).toarray()
    np.testing.assert_allclose(ab, ba.T, rtol=1e-9)
    assert (ab > 0).all()  # no limit: every pair reachable inside the main network


def test_sector_demand_points_lie_in_their_sectors(ghent):
    wegen, sectoren, _ = ghent
    pts = sector_demand_points(sectoren, wegen)
    assert len(pts) == 254
    assert pts["sector_code"].tolist() == sectoren["sector_code"].tolist()
    inside = shapely.covers(
        shapely.buffer(shapely.make_valid(sectoren.geometry.values), 0.01), pts.geometry.values
    )
    assert inside.all()
    streets = pts["placement"] == "streets"
    assert streets.mean() > 0.95
    np.testing.assert_allclose(
        pts.loc[streets, "street_m"], sectoren.loc[streets, "residential_street_m"], atol=1.0
    )


def test_entry_points_sit_on_the_named_places(ghent):
    wegen = ghent[0]
    ep = default_entry_points().set_index("name")
    tree = shapely.STRtree(wegen.geometry.values)

    def nearest_names(name, radius):
        p = shapely.Point(ep.loc[name, "x"], ep.loc[name, "y"])
        hits = tree.query(p, predicate="dwithin", distance=radius)
        return set(wegen["straatnaam"].iloc[hits].dropna())

    assert "Koningin Maria Hendrikaplein" in nearest_names("Gent-Sint-Pieters station", 50)
    assert "Oktrooiplein" in nearest_names("Gent-Dampoort station", 50)
    near_dampoort = nearest_names("Gent-Dampoort station", 150)
    assert {"Dampoortstraat", "Land van Waaslaan"} <= near_dampoort
    main = wegen[wegen["road_class"].between(0, 2)]
    roads = ep[ep["mode"] == "car"]
    gaps = shapely.distance(
        shapely.points(roads[["x", "y"]].to_numpy())[:, None], np.asarray(main.geometry)[None, :]
    ).min(axis=1)
    assert (gaps < 25).all()
    boundary = ghent[2].geometry.union_all().boundary
    to_boundary = shapely.distance(shapely.points(roads[["x", "y"]].to_numpy()), boundary)
    assert (to_boundary < 60).all()


def test_bike_limits_in_minutes_and_metres_agree(ghent):
    wegen, sectoren, _ = ghent
    bike = StreetNetwork.from_wegen(wegen, "bike")
    demand = shapely.get_coordinates(sector_demand_points(sectoren, wegen).geometry.values)
    ep = default_entry_points()[["x", "y"]].to_numpy()
    minutes = bike.distance_matrix(demand, ep, limit_min=20, weight="minutes")
    metres = bike.distance_matrix(demand, ep, limit_m=5000)  # 20 min at 15 km/h
    assert minutes.shape == (254, len(ep))
    assert 0 < minutes.nnz < 254 * len(ep)
    assert minutes.data.max() <= 20
    assert (minutes != 0).toarray().tolist() == (metres != 0).toarray().tolist()
    np.testing.assert_allclose(minutes.data, metres.data / 250.0, rtol=1e-9)
