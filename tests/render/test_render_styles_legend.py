"""render: graduated and categorized classes, legend entries, illustrative marking."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import shapely  # noqa: E402
from PySide6.QtCore import QCoreApplication, QPointF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from capacityplanner.render.defaults import default_layer  # noqa: E402
from capacityplanner.render.layer import MapLayer  # noqa: E402
from capacityplanner.render.legend import draw_legend, layer_title, legend_entries  # noqa: E402
from capacityplanner.render.spatial_index import SpatialIndex  # noqa: E402
from capacityplanner.render.style import (  # noqa: E402
    CategorizedStyle,
    Category,
    GraduatedClass,
    GraduatedStyle,
    Symbol,
    class_breaks,
    color_ramp,
)


def test_graduated_assigns_each_value_to_its_class():
    style = GraduatedStyle(
        "v",
        [
            GraduatedClass(0, 10, Symbol(), "a"),
            GraduatedClass(10, 20, Symbol(), "b"),
            GraduatedClass(20, 30, Symbol(), "c"),
        ],
    )
    frame = pd.DataFrame({"v": [0, 5, 10, 10.5, 20, 29, 30, 31, -1, np.nan]})
    assert style.assign(frame).tolist() == [0, 0, 0, 1, 1, 2, 2, -1, -1, -1]


def test_graduated_from_values_quantiles_and_sizes():
    values = pd.Series(np.arange(1, 101))
    style = GraduatedStyle.from_values("v", values, 4, method="quantile", sizes=(6, 15))
    counts = np.bincount(style.assign(pd.DataFrame({"v": values})), minlength=4)
    assert counts.tolist() == [25, 25, 25, 25]
    sizes = [c.symbol.size for c in style.classes]
    assert sizes == sorted(sizes) and sizes[0] == 6 and sizes[-1] == 15
    assert style.classes[0].lower == 1 and style.classes[-1].upper == 100
    fills = [c.symbol.fill for c in style.classes]
    assert len(set(fills)) == 4


def test_equal_interval_breaks_and_colour_ramp():
    assert class_breaks([0, 3, 7, 100], 4, "equal").tolist() == [0, 25, 50, 75, 100]
    assert color_ramp("#000000", "#ffffff", 3) == ["#000000", "#808080", "#ffffff"]


def test_categorized_with_grouped_values_and_other():
    style = CategorizedStyle(
        "road_class",
        [
            Category((8, 9, 10), Symbol(stroke_width=0.5), "minor"),
            Category((0, 1), Symbol(stroke_width=3), "main"),
        ],
        other=Symbol(stroke="#ff00ff"),
        other_label="other",
    )
    frame = pd.DataFrame({"road_class": [0, 9, 1, 5, None]})
    symbols = style.symbols()
    drawn = [symbols[i].stroke_width for i in style.assign(frame)]
    assert drawn == [3, 0.5, 3, 1.0, 1.0]  # 5 and missing take the "other" symbol (width 1)
    assert symbols[-1].stroke_width == 3  # main roads drawn last, on top
    # legend lists the category drawn on top first, "other" last
    assert [label for label, _ in style.legend()] == ["main", "minor", "other"]


def test_legend_entries_follow_the_style(qapp):
    frame = gpd.GeoDataFrame(
        {"cap": [100, 200, 300, 400]},
        geometry=shapely.points(np.arange(8).reshape(4, 2)),
        crs=31370,
    )
    style = GraduatedStyle.from_values("cap", frame["cap"], 2, method="equal")
    layer = MapLayer("sites", frame, style, title="Sites", illustrative=True)
    entries = legend_entries(layer)
    assert [e.label for e in entries] == [c.label for c in style.classes]
    assert all(e.kind == "point" for e in entries)
    suffix = QCoreApplication.translate("Legend", "(illustrative)")  # "(illustratief)" in Dutch
    assert suffix in ("(illustrative)", "(illustratief)")
    assert layer_title(layer) == f"Sites {suffix}"
    assert layer_title(MapLayer("x", frame, style, title="X")) == "X"


def test_default_site_layers_are_graduated_by_capacity_and_candidates_hollow():
    pts = shapely.points(np.arange(10).reshape(5, 2))
    schools = gpd.GeoDataFrame(
        {"capacity_kleuter": [10, 20, 30, 40, 50], "capacity_lager": [100, 200, 300, 400, 500]},
        geometry=pts,
        crs=31370,
    )
    layer = default_layer("scholen_basis", schools, illustrative=True)
    assert layer.style.kind == "graduated" and layer.style.field == "capacity_basis"
    assert layer.frame["capacity_basis"].tolist() == [110, 220, 330, 440, 550]
    sizes = [s.size for s in layer.style.symbols()]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    candidates = default_layer(
        "kandidaatsites", gpd.GeoDataFrame(geometry=pts, crs=31370), illustrative=True
    )
    assert all(s.fill is None and s.stroke for s in candidates.style.symbols())
    roads = gpd.GeoDataFrame(
        {"road_class": [0, 7]}, geometry=[shapely.LineString([(0, 0), (1, 1)])] * 2, crs=31370
    )
    road_style = default_layer("wegen", roads).style
    idx = road_style.assign(roads)
    width = [road_style.symbols()[i].stroke_width for i in idx]
    assert width[0] > width[1]  # main road thicker than a local street


def test_draw_legend_paints_a_block_with_every_layer(qapp):
    frame = gpd.GeoDataFrame({"cap": [1, 2]}, geometry=shapely.points([[0, 0], [1, 1]]), crs=31370)
    layers = [
        MapLayer(
            "a",
            frame,
            GraduatedStyle.from_values("cap", frame["cap"], 2, method="equal"),
            title="A",
        ),
        MapLayer("b", frame, title="B"),
    ]
    image = QImage(300, 300, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    rect = draw_legend(painter, QPointF(10, 10), layers, title="Legend")
    painter.end()
    # title + layer A heading + 2 classes + layer B single row = 5 rows of 1.5 x 12 px (title 1.2x)
    assert rect.height() > 4 * 18 and rect.width() > 20
    arr = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(300, 300, 4)
    assert (
        arr[int(rect.top()) : int(rect.bottom()), :, :3] < 128
    ).any()  # something dark was drawn
    assert (arr[int(rect.bottom()) + 5 :, :, :3] == 255).all()  # nothing below the block


def test_spatial_index_insert_move_remove():
    idx = SpatialIndex([0, 1], [shapely.Point(0, 0), shapely.box(10, 10, 20, 20)])
    assert idx.query((-1, -1, 1, 1)) == [0]
    assert idx.query((15, 15, 16, 16)) == [1]
    idx.insert(5, shapely.Point(100, 100))
    assert idx.query((99, 99, 101, 101)) == [5] and len(idx) == 3
    idx.move(5, shapely.Point(200, 200))
    assert idx.query((99, 99, 101, 101)) == [] and idx.query((199, 199, 201, 201)) == [5]
    idx.remove(0)
    assert idx.query((-1, -1, 1, 1)) == [] and 0 not in idx
