"""Helpers of the map-window tests: a small synthetic data set and pixel probes.

Kept out of conftest.py so that test modules can import them by name (a ``conftest``
import would pick whichever conftest.py comes first on the path)."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import geopandas as gpd  # noqa: E402
import shapely  # noqa: E402

X0, Y0 = 104000.0, 193000.0  # somewhere in Ghent, EPSG:31370
CREDIT = "Bron: Stad Gent (data.stad.gent), Provincies in Cijfers, Informatie Vlaanderen"


def box(x0, y0, x1, y1):
    return shapely.box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def line(*pts):
    return shapely.LineString([(X0 + x, Y0 + y) for x, y in pts])


class SyntheticDataset:
    """Three wijken in a row, a park, a few streets and two illustrative schools."""

    def __init__(self):
        crs = 31370
        self.layers = {
            "wijken": gpd.GeoDataFrame(
                {
                    "wijknr": [1, 2, 3],
                    "wijk": ["Alpha", "Beta", "Gamma"],
                    "population_2024": [1000, 2000, 3000],
                },
                geometry=[
                    box(0, 0, 1000, 1000),
                    box(1000, 0, 2000, 1000),
                    box(2000, 0, 3000, 1000),
                ],
                crs=crs,
            ),
            "parken": gpd.GeoDataFrame(
                {"naam": ["Groenpark"]}, geometry=[box(200, 200, 600, 600)], crs=crs
            ),
            "wegen": gpd.GeoDataFrame(
                {
                    "wegsegid": ["W1", "W2", "W3", "W4"],
                    "straatnaam": ["Korenmarkt", "Korenmarkt", "Veldstraat", None],
                    "road_class": [2, 2, 7, 10],
                    "length_m": [300.0, 200.0, 400.0, 100.0],
                },
                geometry=[
                    line((1100, 500), (1400, 500)),
                    line((1400, 500), (1600, 500)),
                    line((2500, 100), (2500, 500)),
                    line((100, 900), (200, 900)),
                ],
                crs=crs,
            ),
            "scholen_basis": gpd.GeoDataFrame(
                {
                    "site_id": ["BAS-001", "BAS-002"],
                    "name": ["School A", "School B"],
                    "capacity_kleuter": [100, 200],
                    "capacity_lager": [200, 400],
                    "illustrative": [1, 1],
                },
                geometry=[shapely.Point(X0 + 1500, Y0 + 800), shapely.Point(X0 + 2700, Y0 + 800)],
                crs=crs,
            ),
        }
        self.tables = {}
        self.info = {"credit": CREDIT, "illustrative_notice": "illustratief"}

    def layer(self, name):
        return self.layers[name]

    def is_illustrative(self, name):
        return name == "scholen_basis"

    def description(self, name):
        return f"Test layer {name}"


def device_pos(canvas, x, y):
    """Widget position of map offset (x, y) from the synthetic origin."""
    from PySide6.QtCore import QPoint

    px, py = canvas.transform.to_device(X0 + x, Y0 + y)
    return QPoint(round(px), round(py))


def pixel(canvas, x, y):
    """Colour the canvas shows at map offset (x, y)."""
    image = canvas.grab().toImage()
    pos = device_pos(canvas, x, y)
    return image.pixelColor(pos.x(), pos.y())
