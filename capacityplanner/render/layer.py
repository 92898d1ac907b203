"""A map layer: features, a style, visibility, and the caches that draw it fast."""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from PySide6.QtGui import QPainterPath

from capacityplanner.render.geometry import (
    path_from_geometries,
    paths_from_geometries,
    point_coordinates,
)
from capacityplanner.render.spatial_index import SpatialIndex
from capacityplanner.render.style import LabelStyle, SingleStyle, Style, Symbol

__all__ = ["Batch", "MapLayer", "detail_tolerance", "geometry_kind"]

#: Lines wider than this (pixels) are drawn in chunks: Qt's stroker slows
#: down sharply on one huge wide path.
_WIDE = 1.0
_CHUNK = 16


def detail_tolerance(resolution: float | None) -> float:
    """Simplification tolerance (metres) used to draw at ``resolution`` metres per pixel.

    A power of 4 times 1/8 metre, between 1/8 and 1/2 of a pixel; 0 (full
    detail) for None or very fine resolutions.

    Examples
    --------
    >>> detail_tolerance(10.0)
    2.0
    >>> detail_tolerance(None)
    0.0
    """
    if resolution is None or resolution <= 0.5:
        return 0.0
    level = math.floor(math.log(resolution * 4, 4))  # 4**level <= 4 * resolution
    return float(4.0**level) / 8


def geometry_kind(geoms: np.ndarray) -> str:
    """``"point"``, ``"line"`` or ``"polygon"`` from the most common geometry type."""
    geoms = np.asarray(geoms, dtype=object)
    ok = geoms[~shapely.is_missing(geoms)]
    if len(ok) == 0:
        return "point"
    ids = shapely.get_type_id(ok)
    dims = np.select([np.isin(ids, (0, 4)), np.isin(ids, (1, 2, 5))], [0, 1], 2)
    return ("point", "line", "polygon")[int(np.bincount(dims, minlength=3).argmax())]


@dataclass
class Batch:
    """Everything drawn with one symbol, in map coordinates.

    ``paths`` are drawn with the symbol's pen and brush. When the outline is
    wide, ``fill`` holds the polygons filled without a pen and ``paths`` the
    outlines in small chunks (Qt's stroker slows down sharply on one huge
    wide path). Point layers use ``points`` instead.
    """

    symbol: Symbol
    paths: list[QPainterPath]
    points: np.ndarray  # (n, 2) map coordinates, for point layers
    fill: QPainterPath | None = None


class MapLayer:
    """A vector layer on the map.

    Parameters
    ----------
    name : str
        Key of the layer (the data set's layer name, e.g. ``"wijken"``).
    frame : GeoDataFrame
        Features in EPSG:31370. The index is reset to 0..n-1 and used as the
        feature id; new features get the next free id.
    style : Style, optional
        Single, categorized or graduated; a grey single symbol by default.
    title : str, optional
        Text shown in the layer tree and legend (default: ``name``).
    group : str
        Key of the layer-tree group the layer belongs to.
    visible : bool
        Drawn or not.
    illustrative : bool
        True for generated (not real) data: marked in tree, legend and identify.
    labels : LabelStyle, optional
        Field drawn as text at each feature.
    source, description : str
        Where the data comes from and what it is (shown by identify).
    """

    def __init__(
        self,
        name: str,
        frame: gpd.GeoDataFrame,
        style: Style | None = None,
        *,
        title: str | None = None,
        group: str = "basis",
        visible: bool = True,
        illustrative: bool = False,
        labels: LabelStyle | None = None,
        source: str = "",
        description: str = "",
    ) -> None:
        self.name = name
        self.frame = frame.reset_index(drop=True)
        self.style: Style = style or SingleStyle()
        self.title = title or name
        self.group = group
        self.visible = visible
        self.illustrative = illustrative
        self.labels = labels
        self.source = source
        self.description = description
        self.kind = geometry_kind(self.frame.geometry.values)
        self._index: SpatialIndex | None = None
        self._batches: dict[float, list[Batch]] = {}
        self._anchors: np.ndarray | None = None

    # -- data ---------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.frame)

    @property
    def ids(self) -> np.ndarray:
        """Feature ids (the frame's index)."""
        return self.frame.index.to_numpy()

    def extent(self, ids: list[int] | None = None) -> tuple[float, float, float, float] | None:
        """Bounds of all features, or of ``ids``; None when there is nothing."""
        geoms = self.frame.geometry if ids is None else self.frame.geometry.loc[list(ids)]
        bounds = shapely.bounds(np.asarray(geoms.values, dtype=object))  # NaN: missing or empty
        bounds = bounds[~np.isnan(bounds).any(axis=1)]
        if len(bounds) == 0:
            return None
        lower, upper = bounds[:, :2].min(axis=0), bounds[:, 2:].max(axis=0)
        return (float(lower[0]), float(lower[1]), float(upper[0]), float(upper[1]))

    @property
    def spatial_index(self) -> SpatialIndex:
        """The rtree index of the features (built on first use, then kept up to date)."""
        if self._index is None:
            self._index = SpatialIndex(self.ids, self.frame.geometry.values)
        return self._index

    def add_feature(self, geometry, **attributes) -> int:
        """Append a feature and return its new id."""
        fid = int(self.frame.index.max()) + 1 if len(self.frame) else 0
        geo = self.frame.geometry.name
        data = {c: [attributes.get(c)] for c in self.frame.columns if c != geo}
        data[geo] = [geometry]
        new = gpd.GeoDataFrame(data, geometry=geo, crs=self.frame.crs, index=[fid])
        self.frame = pd.concat([self.frame, new])
        if self._index is not None:
            self._index.insert(fid, geometry)
        self.invalidate()
        return fid

    def move_feature(self, fid: int, geometry) -> None:
        """Replace the geometry of feature ``fid``."""
        geo = self.frame.geometry.name
        self.frame.loc[fid, geo] = geometry
        if self._index is not None:
            self._index.move(fid, geometry)
        self.invalidate()

    def remove_feature(self, fid: int) -> None:
        """Delete feature ``fid``."""
        self.frame = self.frame.drop(index=fid)
        if self._index is not None:
            self._index.remove(fid)
        self.invalidate()

    def features_in(self, bounds: tuple[float, float, float, float]) -> list[int]:
        """Ids of the features that intersect the rectangle ``bounds``."""
        candidates = self.spatial_index.query(bounds)
        if not candidates:
            return []
        geoms = self.frame.geometry.loc[candidates].values
        hit = shapely.intersects(np.asarray(geoms, dtype=object), shapely.box(*bounds))
        return [c for c, h in zip(candidates, hit, strict=False) if h]

    def features_at(self, x: float, y: float, tolerance: float) -> list[int]:
        """Ids of features within ``tolerance`` metres of ``(x, y)``, nearest first."""
        candidates = self.spatial_index.query(
            (x - tolerance, y - tolerance, x + tolerance, y + tolerance)
        )
        if not candidates:
            return []
        geoms = np.asarray(self.frame.geometry.loc[candidates].values, dtype=object)
        dist = shapely.distance(geoms, shapely.Point(x, y))
        order = np.argsort(dist, kind="stable")
        return [candidates[i] for i in order if dist[i] <= tolerance]

    # -- drawing caches -----------------------------------------------------
    def invalidate(self) -> None:
        """Forget drawing caches (after a data or style change)."""
        self._batches = {}
        self._anchors = None

    def set_style(self, style: Style) -> None:
        """Change the style; paths are rebuilt on the next draw."""
        self.style = style
        self.invalidate()

    def batches(self, resolution: float | None = None) -> list[Batch]:
        """Per-symbol paths (map coordinates) or point anchors, cached per detail level.

        Parameters
        ----------
        resolution : float, optional
            Metres per device pixel the paths will be drawn at. Geometries are
            simplified to a tolerance of at most half a pixel, in steps of a
            factor 4, so one cached level serves every zoom within that step
            (wide antialiased strokes cost time per vertex). None gives
            the full detail.
        """
        tol = detail_tolerance(resolution) if self.kind != "point" else 0.0
        if tol not in self._batches:
            self._batches[tol] = self._build_batches(tol)
        return self._batches[tol]

    def has_batches(self, resolution: float | None) -> bool:
        """True when the paths for ``resolution`` are already built."""
        tol = detail_tolerance(resolution) if self.kind != "point" else 0.0
        return tol in self._batches

    def anchors(self) -> np.ndarray:
        """Label anchor per feature (map coordinates), cached."""
        if self._anchors is None:
            self._anchors = point_coordinates(self.frame.geometry.values)
        return self._anchors

    def label_priority(self) -> np.ndarray:
        """Per feature: area (polygons), length (lines) or 0; larger labels are placed first."""
        geoms = np.asarray(self.frame.geometry.values, dtype=object)
        if self.kind == "polygon":
            return np.nan_to_num(shapely.area(geoms))
        if self.kind == "line":
            return np.nan_to_num(shapely.length(geoms))
        return np.zeros(len(geoms))

    def _build_batches(self, tolerance: float) -> list[Batch]:
        codes = self.style.assign(self.frame)
        geoms = np.asarray(self.frame.geometry.values, dtype=object)
        if tolerance > 0:
            # Douglas-Peucker without topology checks: 4-30x faster, and a sliver
            # collapsing below half a pixel is invisible anyway
            geoms = shapely.simplify(geoms, tolerance, preserve_topology=False)
        out = []
        empty = np.empty((0, 2))
        for i, symbol in enumerate(self.style.symbols()):
            sel = geoms[codes == i]
            if len(sel) == 0:
                continue
            if self.kind == "point":
                out.append(Batch(symbol, [], point_coordinates(sel)))
            elif symbol.stroke and symbol.stroke_width > _WIDE:
                chunk = _CHUNK if self.kind == "line" else 1
                paths = paths_from_geometries(sel, chunk)
                fill = path_from_geometries(sel) if self.kind == "polygon" and symbol.fill else None
                out.append(Batch(symbol, paths, empty, fill))
            else:
                out.append(Batch(symbol, [path_from_geometries(sel)], empty))
        return out
