"""Street-network distances on small hand-built networks with hand-computed answers."""

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import LineString, MultiLineString

from capacityplanner.errors import InputError
from capacityplanner.geodata.network import (
    BIKE_KMH,
    CAR_SPEEDS_KMH,
    WALK_KMH,
    StreetNetwork,
    euclidean_matrix,
)


def wegen(lines, road_class=7, rijrichting="D"):
    """A wegen layer from a list of coordinate lists (or (coords, class, direction))."""
    geoms, classes, dirs = [], [], []
    for item in lines:
        if isinstance(item, tuple):
            coords, rc, rr = item
        else:
            coords, rc, rr = item, road_class, rijrichting
        geoms.append(LineString(coords))
        classes.append(rc)
        dirs.append(rr)
    return gpd.GeoDataFrame({"road_class": classes, "rijrichting": dirs}, geometry=geoms, crs=31370)


def grid(n=3, step=100.0):
    lines = []
    for i in range(n):
        for j in range(n - 1):
            lines.append([(j * step, i * step), ((j + 1) * step, i * step)])
            lines.append([(i * step, j * step), (i * step, (j + 1) * step)])
    return wegen(lines)


def pt(*xy):
    return np.array(xy, dtype=float).reshape(-1, 2)


def test_grid_shortest_path_is_manhattan_distance():
    net = StreetNetwork.from_wegen(grid(), "walk")
    d = net.distance_matrix(pt(0, 0), pt(200, 200, 100, 0, 200, 100)).toarray()
    np.testing.assert_allclose(d, [[400.0, 100.0, 300.0]])


def test_minutes_follow_mode_speed():
    walk = StreetNetwork.from_wegen(grid(), "walk")
    bike = StreetNetwork.from_wegen(grid(), "bike")
    # 400 m at 4.8 km/h = 5 min; at 15 km/h = 1.6 min
    w = walk.distance_matrix(pt(0, 0), pt(200, 200), weight="minutes").toarray()
    b = bike.distance_matrix(pt(0, 0), pt(200, 200), weight="minutes").toarray()
    np.testing.assert_allclose(w, [[0.4 / WALK_KMH * 60]])
    np.testing.assert_allclose(b, [[0.4 / BIKE_KMH * 60]])
    assert w[0, 0] == pytest.approx(5.0)


def square_with_direct_link(direct_class=7, direct_dir="D"):
    """A at (0,0), B at (100,0): direct link A-B, and a 300 m detour A-(0,100)-(100,100)-B."""
    return wegen(
        [
            ([(0, 0), (100, 0)], direct_class, direct_dir),
            ([(0, 0), (0, 100)], 7, "D"),
            ([(0, 100), (100, 100)], 7, "D"),
            ([(100, 100), (100, 0)], 7, "D"),
        ]
    )


def test_one_way_street_binds_car_not_walk():
    layer = square_with_direct_link(direct_dir="FT")  # digitised A -> B
    a, b = pt(0, 0), pt(100, 0)
    car = StreetNetwork.from_wegen(layer, "car")
    walk = StreetNetwork.from_wegen(layer, "walk")
    assert car.distance_matrix(a, b)[0, 0] == pytest.approx(100.0)
    assert car.distance_matrix(b, a)[0, 0] == pytest.approx(300.0)
    assert walk.distance_matrix(b, a)[0, 0] == pytest.approx(100.0)


def test_tf_is_one_way_against_digitising():
    layer = square_with_direct_link(direct_dir="TF")
    car = StreetNetwork.from_wegen(layer, "car")
    assert car.distance_matrix(pt(0, 0), pt(100, 0))[0, 0] == pytest.approx(300.0)
    assert car.distance_matrix(pt(100, 0), pt(0, 0))[0, 0] == pytest.approx(100.0)


def test_one_way_direction_kept_when_running_from_the_smaller_side():
    layer = square_with_direct_link(direct_dir="FT")
    car = StreetNetwork.from_wegen(layer, "car")
    # 3 origins, 1 destination: Dijkstra runs from the destination on the reversed graph
    many_to_one = car.distance_matrix(pt(100, 0, 100, 0, 0, 0), pt(0, 0)).toarray()
    one_to_many = car.distance_matrix(pt(0, 0), pt(100, 0, 100, 0, 0, 0)).toarray()
    np.testing.assert_allclose(many_to_one[:, 0], [300.0, 300.0, 1.0])
    np.testing.assert_allclose(one_to_many[0], [100.0, 100.0, 1.0])


def test_no_motor_traffic_and_paths_closed_to_cars():
    for direct in [(7, "N"), (10, "D"), (10, None)]:
        layer = square_with_direct_link(*direct)
        car = StreetNetwork.from_wegen(layer, "car")
        bike = StreetNetwork.from_wegen(layer, "bike")
        assert car.distance_matrix(pt(0, 0), pt(100, 0))[0, 0] == pytest.approx(300.0)
        assert bike.distance_matrix(pt(0, 0), pt(100, 0))[0, 0] == pytest.approx(100.0)


def test_motorway_closed_to_walking_open_to_cars():
    layer = square_with_direct_link(direct_class=0)
    walk = StreetNetwork.from_wegen(layer, "walk")
    car = StreetNetwork.from_wegen(layer, "car")
    assert walk.distance_matrix(pt(0, 0), pt(100, 0))[0, 0] == pytest.approx(300.0)
    assert car.distance_matrix(pt(0, 0), pt(100, 0))[0, 0] == pytest.approx(100.0)
    car_min = car.distance_matrix(pt(0, 0), pt(100, 0), weight="minutes")[0, 0]
    assert car_min == pytest.approx(0.1 / CAR_SPEEDS_KMH[0] * 60)


def test_null_direction_is_both_ways_for_cars():
    layer = square_with_direct_link(direct_dir=None)
    car = StreetNetwork.from_wegen(layer, "car")
    assert car.distance_matrix(pt(100, 0), pt(0, 0))[0, 0] == pytest.approx(100.0)


def test_snapping_onto_the_middle_of_an_edge_is_exact():
    layer = wegen([[(0, 0), (100, 0)], [(100, 0), (100, 100)]])
    net = StreetNetwork.from_wegen(layer, "walk")
    snap = net.snap(pt(30, 10))
    assert snap.along_m[0] == pytest.approx(30.0)
    assert snap.offset_m[0] == pytest.approx(10.0)
    np.testing.assert_allclose(snap.xy, [[30.0, 0.0]])
    d = net.distance_matrix(pt(30, 10), pt(100, 100, 80, -5, 0, 0)).toarray()
    # 10 off the road + 70 to the corner + 100 up; same edge: 10 + 50 + 5; back: 10 + 30
    np.testing.assert_allclose(d, [[180.0, 65.0, 40.0]])


def test_snapping_along_a_bent_line():
    layer = wegen([[(0, 0), (100, 0), (100, 100)], [(100, 100), (200, 100)]])
    net = StreetNetwork.from_wegen(layer, "walk")
    d = net.distance_matrix(pt(90, 50), pt(200, 100, 0, 0)).toarray()
    # snapped at (100, 50), 150 m along the first line: 10 + 50 + 100 and 10 + 150
    np.testing.assert_allclose(d, [[160.0, 160.0]])


def test_same_edge_pair_respects_one_way():
    layer = wegen(
        [
            ([(0, 0), (100, 0)], 7, "FT"),
            ([(100, 0), (100, 100)], 7, "D"),
            ([(100, 100), (0, 100)], 7, "D"),
            ([(0, 100), (0, 0)], 7, "D"),
        ]
    )
    car = StreetNetwork.from_wegen(layer, "car")
    d = car.distance_matrix(pt(20, 0, 70, 0), pt(70, 0, 20, 0)).toarray()
    # forward along the edge: 50; backward: round the block 30 + 300 + 20; same spot: 1 m
    np.testing.assert_allclose(d, [[50.0, 1.0], [1.0, 350.0]])


def test_isolated_segment_is_not_snapped_to():
    layer = wegen(
        [
            [(0, 0), (100, 0)],
            [(100, 0), (200, 0)],
            [(0, 50), (100, 50)],  # isolated, nearer to the query point
        ]
    )
    net = StreetNetwork.from_wegen(layer, "walk")
    assert net.n_edges == 2
    assert net.lcc_node_share == pytest.approx(3 / 5)
    snap = net.snap(pt(50, 45))
    assert snap.wegen_row[0] == 0
    assert net.distance_matrix(pt(50, 45), pt(200, 0))[0, 0] == pytest.approx(45.0 + 150.0)


def test_endpoints_within_tolerance_connect():
    layer = wegen([[(0, 0), (100, 0)], [(100.3, 0.2), (200, 0)]])
    net = StreetNetwork.from_wegen(layer, "walk")
    assert net.n_edges == 2
    assert net.distance_matrix(pt(0, 0), pt(200, 0))[0, 0] == pytest.approx(200.0, abs=0.5)


def test_multilinestring_parts_are_edges():
    geom = MultiLineString([[(0, 0), (100, 0)], [(100, 0), (100, 100)]])
    layer = gpd.GeoDataFrame({"road_class": [7], "rijrichting": ["D"]}, geometry=[geom], crs=31370)
    net = StreetNetwork.from_wegen(layer, "walk")
    assert net.distance_matrix(pt(0, 0), pt(100, 100))[0, 0] == pytest.approx(200.0)


def test_limit_drops_far_pairs_and_pattern_is_reachability():
    layer = wegen([[(x, 0), (x + 100, 0)] for x in range(0, 1000, 100)])
    net = StreetNetwork.from_wegen(layer, "walk")
    origins = pt(0, 0, 0, 0)
    sites = pt(0, 0, 500, 0, 1000, 0)
    d = net.distance_matrix(origins, sites, limit_m=600)
    assert d.shape == (2, 3)
    assert d.nnz == 4
    np.testing.assert_allclose(d.toarray(), [[1.0, 500.0, 0.0], [1.0, 500.0, 0.0]])
    # 600 m at 4.8 km/h = 7.5 min: same pairs, values in minutes
    t = net.distance_matrix(origins, sites, limit_min=7.5, weight="minutes")
    assert (t.toarray() > 0).tolist() == (d.toarray() > 0).tolist()
    assert t[0, 1] == pytest.approx(500 / 80.0)


def test_car_limit_in_minutes_measured_along_the_shortest_route():
    # 1166 m local street (30 km/h, 2.33 min) vs 2500 m motorway (100 km/h, 1.5 min)
    layer = wegen(
        [
            ([(0, 0), (500, 300), (1000, 0)], 7, "D"),
            ([(0, 0), (0, -750), (1000, -750), (1000, 0)], 0, "D"),
        ]
    )
    local_m = float(layer.geometry.length.iloc[0])
    car = StreetNetwork.from_wegen(layer, "car")
    a, b = pt(0, 0), pt(1000, 0)
    assert car.distance_matrix(a, b)[0, 0] == pytest.approx(local_m)
    assert car.distance_matrix(a, b, weight="minutes")[0, 0] == pytest.approx(2500 / 100e3 * 60)
    slow_min = local_m / 30e3 * 60
    assert car.distance_matrix(a, b, limit_min=slow_min + 0.01).nnz == 1
    assert car.distance_matrix(a, b, limit_min=slow_min - 0.01).nnz == 0
    # fastest route is 2500 m long: a 2000 m limit drops it
    assert car.distance_matrix(a, b, limit_m=2000, weight="minutes").nnz == 0
    assert car.distance_matrix(a, b, limit_m=3000, weight="minutes").nnz == 1


def test_bad_input_raises_input_error():
    with pytest.raises(InputError, match="mode"):
        StreetNetwork.from_wegen(grid(), "tram")
    with pytest.raises(InputError, match="rijrichting"):
        StreetNetwork.from_wegen(wegen([[(0, 0), (1, 0)]], rijrichting="X"), "car")
    with pytest.raises(InputError, match="road_class"):
        StreetNetwork.from_wegen(grid().drop(columns="road_class"), "walk")
    net = StreetNetwork.from_wegen(grid(), "walk")
    with pytest.raises(InputError, match="weight"):
        net.distance_matrix(pt(0, 0), pt(1, 1), weight="km")
    with pytest.raises(InputError, match="origins point 2"):
        net.distance_matrix(pt(0, 0, np.nan, 0), pt(1, 1))
    with pytest.raises(InputError, match="limit_m"):
        net.distance_matrix(pt(0, 0), pt(1, 1), limit_m=-5)


def test_empty_point_sets_give_empty_matrix():
    net = StreetNetwork.from_wegen(grid(), "walk")
    assert net.distance_matrix(np.zeros((0, 2)), pt(1, 1)).shape == (0, 1)
    assert net.distance_matrix(pt(1, 1), np.zeros((0, 2))).shape == (1, 0)


def test_to_networkx_matches_the_matrix():
    import networkx as nx

    net = StreetNetwork.from_wegen(square_with_direct_link(direct_dir="FT"), "car")
    g = net.to_networkx()
    a = min(g.nodes, key=lambda n: g.nodes[n]["x"] ** 2 + g.nodes[n]["y"] ** 2)
    b = min(g.nodes, key=lambda n: (g.nodes[n]["x"] - 100) ** 2 + g.nodes[n]["y"] ** 2)
    assert nx.shortest_path_length(g, b, a, weight="metres") == pytest.approx(300.0)


def test_euclidean_is_straight_line_times_detour():
    o = pt(0, 0, 1000, 1000)
    d = pt(300, 400, 0, 0)
    full = euclidean_matrix(o, d, detour_factor=1.3).toarray()
    np.testing.assert_allclose(full[0], [500 * 1.3, 1.0])  # coincident pair floored at 1 m
    assert full[1, 0] == pytest.approx(np.hypot(700, 600) * 1.3)
    limited = euclidean_matrix(o, d, detour_factor=1.3, limit_m=700)
    assert limited.nnz == 2
    np.testing.assert_allclose(limited.toarray()[0], [650.0, 1.0])


def test_car_limit_in_other_unit_matches_networkx_on_a_random_grid():
    import networkx as nx

    rng = np.random.default_rng(7)
    n = 6
    xy = {
        (i, j): (i * 100 + rng.uniform(-20, 20), j * 100 + rng.uniform(-20, 20))
        for i in range(n)
        for j in range(n)
    }
    items = []
    for (i, j), p in xy.items():
        for q in ((i + 1, j), (i, j + 1)):
            if q in xy:
                rr = rng.choice(["D", "D", "FT", "TF"])
                items.append(([p, xy[q]], int(rng.choice([0, 2, 4, 7])), str(rr)))
    car = StreetNetwork.from_wegen(wegen(items), "car")
    g = nx.DiGraph(car.to_networkx())  # a grid has no parallel edges
    nodes = sorted(g.nodes)
    pts = np.array([[g.nodes[k]["x"], g.nodes[k]["y"]] for k in nodes])
    # minutes along the metres-shortest route, per pair, by networkx
    minutes = np.full((len(nodes), len(nodes)), np.inf)
    for a, src in enumerate(nodes):
        _, routes = nx.single_source_dijkstra(g, src, weight="metres")
        for b, dst in enumerate(nodes):
            if dst in routes:
                r = routes[dst]
                minutes[a, b] = sum(
                    g.edges[x, y]["minutes"] for x, y in zip(r, r[1:], strict=False)
                )
    limit = float(np.median(minutes[np.isfinite(minutes) & (minutes > 0)]))
    got = car.distance_matrix(pts, pts[: len(nodes) // 2], limit_min=limit)
    expected = minutes[:, : len(nodes) // 2] <= limit
    assert 0 < expected.sum() < expected.size
    assert (got.toarray() > 0).tolist() == expected.tolist()


def test_point_on_a_node_leaves_by_any_street_whatever_the_one_way():
    # the node (100, 0) ends the one-way A -> B and starts the detour; a point placed on
    # it must reach the detour however the tie between the two edges is snapped
    layer = square_with_direct_link(direct_dir="FT")
    car = StreetNetwork.from_wegen(layer, "car")
    d = car.distance_matrix(pt(100, 0, 0, 0), pt(100, 100, 0, 100)).toarray()
    np.testing.assert_allclose(d, [[100.0, 200.0], [200.0, 100.0]])
