"""render: layers drawn onto a QImage cover the expected pixels; paths; transform; scale bar."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402

from capacityplanner.render.decorations import nice_scale_length  # noqa: E402
from capacityplanner.render.geometry import (  # noqa: E402
    path_from_geometries,
    paths_from_geometries,
)
from capacityplanner.render.image import render_image  # noqa: E402
from capacityplanner.render.layer import MapLayer, detail_tolerance  # noqa: E402
from capacityplanner.render.map_model import MapModel  # noqa: E402
from capacityplanner.render.style import SingleStyle, Symbol  # noqa: E402
from capacityplanner.render.transform import MapTransform  # noqa: E402

RED = "#ff0000"


def _model(*layers):
    model = MapModel()
    for layer in layers:
        model.add_layer(layer)
    return model


def _square_with_hole():
    outer = shapely.box(0, 0, 100, 100)
    return gpd.GeoDataFrame(geometry=[outer.difference(shapely.box(40, 40, 60, 60))], crs=31370)


def test_polygon_fill_covers_its_pixels_and_leaves_the_hole(qapp):
    layer = MapLayer("p", _square_with_hole(), SingleStyle(Symbol(fill=RED, stroke=None)))
    image = render_image(_model(layer), 100, 100, extent=(0, 0, 100, 100), background="#ffffff")
    t = MapTransform.fit((0, 0, 100, 100), 100, 100)
    inside = t.to_device(20, 20)
    hole = t.to_device(50, 50)
    assert image.pixelColor(int(inside[0]), int(inside[1])) == QColor(RED)
    assert image.pixelColor(int(hole[0]), int(hole[1])) == QColor("#ffffff")
    # about the area share of the filled polygon: (100² - 20²) / 100², scaled by the fit margin
    arr = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(100, 100, 4)
    red = (arr[..., 2] > 200) & (arr[..., 1] < 60)
    expected = (100**2 - 20**2) / 100**2 * (1 / 1.06) ** 2
    assert red.mean() == pytest.approx(expected, abs=0.04)


def test_hidden_layer_is_not_drawn(qapp):
    layer = MapLayer("p", _square_with_hole(), SingleStyle(Symbol(fill=RED, stroke=None)))
    model = _model(layer)
    model.set_visible("p", False)
    image = render_image(model, 50, 50, extent=(0, 0, 100, 100))
    assert image.pixelColor(10, 10) == QColor("#ffffff")


def test_lines_are_drawn_along_their_geometry(qapp):
    frame = gpd.GeoDataFrame(geometry=[shapely.LineString([(0, 50), (100, 50)])], crs=31370)
    layer = MapLayer("l", frame, SingleStyle(Symbol(stroke="#0000ff", stroke_width=3)))
    image = render_image(_model(layer), 100, 100, extent=(0, 0, 100, 100), labels=False)
    t = MapTransform.fit((0, 0, 100, 100), 100, 100)
    x, y = t.to_device(50, 50)
    assert image.pixelColor(int(x), int(y)).blue() > 200
    x, y = t.to_device(50, 80)
    assert image.pixelColor(int(x), int(y)) == QColor("#ffffff")


def test_point_markers_are_drawn_at_the_points(qapp):
    frame = gpd.GeoDataFrame(geometry=[shapely.Point(25, 25), shapely.Point(75, 75)], crs=31370)
    layer = MapLayer("pts", frame, SingleStyle(Symbol(fill="#00aa00", stroke=None, size=10)))
    image = render_image(_model(layer), 100, 100, extent=(0, 0, 100, 100))
    t = MapTransform.fit((0, 0, 100, 100), 100, 100)
    for x, y in ((25, 25), (75, 75)):
        px, py = t.to_device(x, y)
        assert image.pixelColor(round(px), round(py)) == QColor("#00aa00")
    px, py = t.to_device(75, 25)
    assert image.pixelColor(round(px), round(py)) == QColor("#ffffff")


def test_selection_is_highlighted(qapp):
    frame = gpd.GeoDataFrame(
        geometry=[shapely.box(0, 0, 50, 100), shapely.box(50, 0, 100, 100)], crs=31370
    )
    layer = MapLayer("p", frame, SingleStyle(Symbol(fill="#ffffff", stroke=None)))
    model = _model(layer)
    model.select("p", [1])
    image = render_image(model, 100, 100, extent=(0, 0, 100, 100))
    t = MapTransform.fit((0, 0, 100, 100), 100, 100)
    left, right = t.to_device(25, 50), t.to_device(75, 50)
    assert image.pixelColor(int(left[0]), int(left[1])) == QColor("#ffffff")
    assert image.pixelColor(int(right[0]), int(right[1])).blue() < 200  # tinted yellow


def test_path_holds_every_part_and_ring():
    geoms = [
        shapely.MultiLineString([[(0, 0), (1, 1)], [(2, 2), (3, 3), (4, 4)]]),
        _square_with_hole().geometry.iloc[0],
        None,
    ]
    path = path_from_geometries(np.array(geoms, dtype=object))
    n_coords = int(shapely.get_num_coordinates(np.array(geoms[:2], dtype=object)).sum())
    assert path.elementCount() == n_coords
    starts = [i for i in range(path.elementCount()) if path.elementAt(i).isMoveTo()]
    assert len(starts) == 4  # two line parts, outer ring, hole
    assert path.boundingRect().getCoords() == (0.0, 0.0, 100.0, 100.0)


def test_chunked_paths_match_one_path_per_chunk():
    geoms = np.array(
        [
            shapely.MultiLineString([[(0, 0), (1, 1)], [(2, 2), (3, 3), (4, 4)]]),
            _square_with_hole().geometry.iloc[0],
            None,
            shapely.LineString(),
            shapely.MultiPolygon([shapely.box(5, 5, 6, 6), shapely.box(7, 7, 9, 9)]),
            shapely.LineString([(10, 0), (10, 5)]),
            None,
        ],
        dtype=object,
    )
    for chunk in (1, 2, 3, 16):
        expected = [path_from_geometries(geoms[j : j + chunk]) for j in range(0, len(geoms), chunk)]
        assert paths_from_geometries(geoms, chunk) == expected  # same elements, same order


def test_transform_round_trip_and_zoom_about_anchor():
    t = MapTransform.fit((100000, 190000, 110000, 200000), 800, 600)
    assert t.to_map(*t.to_device(104000, 195000)) == pytest.approx((104000, 195000))
    anchor = (100, 100)
    before = t.to_map(*anchor)
    t.zoom(2.0, anchor)
    assert t.to_map(*anchor) == pytest.approx(before)
    q = t.qtransform()
    p = q.map(104000.0, 195000.0)
    assert p == pytest.approx(t.to_device(104000, 195000))


def test_simplification_level_stays_below_half_a_pixel():
    for resolution in (0.6, 1.0, 3.0, 7.9, 15.0, 100.0):
        assert 0 < detail_tolerance(resolution) <= resolution / 2
    assert detail_tolerance(0.2) == 0.0


def test_scale_bar_length_is_round_and_fits():
    metres, px = nice_scale_length(12.5, 150)
    assert metres in (1000.0, 500.0, 2000.0)
    assert px <= 150 and px == pytest.approx(metres / 12.5)
