"""Shapely geometries to Qt painter paths, vectorised.

A :class:`~PySide6.QtGui.QPainterPath` can be read from a
:class:`~PySide6.QtCore.QDataStream`. Writing the coordinates of many
geometries into that binary layout with numpy builds one path holding
thousands of sub-paths without a Python loop over vertices (the approach
pyqtgraph uses for its curves). Paths are built in map coordinates
(EPSG:31370 metres) and drawn through a :class:`~PySide6.QtGui.QTransform`,
so zooming or panning never rebuilds them.
"""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

__all__ = [
    "path_from_coordinates",
    "path_from_geometries",
    "point_coordinates",
    "polygon_from_coordinates",
]

_MOVE_TO = 0
_LINE_TO = 1
_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])


def path_from_coordinates(
    coords: np.ndarray, starts: np.ndarray, *, odd_even: bool = True
) -> QPainterPath:
    """Build one path from vertices and a flag marking where sub-paths start.

    Parameters
    ----------
    coords : ndarray of shape (n, 2)
        Vertices in the order they are drawn.
    starts : ndarray of bool, shape (n,)
        True where a new sub-path (a line part or a polygon ring) begins.
    odd_even : bool
        Fill rule: odd-even (holes stay empty) when True, winding otherwise.

    Returns
    -------
    QPainterPath
        The path; empty when ``coords`` is empty.
    """
    n = len(coords)
    if n == 0:
        return QPainterPath()
    body = np.empty(n, dtype=_ELEMENT)
    body["type"] = np.where(starts, _MOVE_TO, _LINE_TO)
    body["x"] = coords[:, 0]
    body["y"] = coords[:, 1]
    head = np.array([n], dtype=">i4").tobytes()
    # cStart (index of the start of the last sub-path) and the fill rule.
    last_start = int(np.flatnonzero(starts)[-1]) if starts.any() else 0
    tail = np.array([last_start, 0 if odd_even else 1], dtype=">i4").tobytes()
    data = QByteArray(head + body.tobytes() + tail)
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    path = QPainterPath()
    stream >> path
    return path


def _vertices(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vertices of all parts and rings of ``geoms`` with sub-path start flags."""
    geoms = np.asarray(geoms, dtype=object)
    geoms = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)]
    if len(geoms) == 0:
        return np.empty((0, 2)), np.empty(0, dtype=bool)
    parts = shapely.get_parts(geoms)
    is_poly = shapely.get_type_id(parts) == 3
    if is_poly.any():
        rings = shapely.get_rings(parts[is_poly])
        parts = np.concatenate([parts[~is_poly], rings])
    coords, index = shapely.get_coordinates(parts, return_index=True)
    starts = np.ones(len(index), dtype=bool)
    starts[1:] = index[1:] != index[:-1]
    return coords, starts


def path_from_geometries(geoms: np.ndarray) -> QPainterPath:
    """One path holding every line part and polygon ring of ``geoms``.

    Parameters
    ----------
    geoms : array-like of shapely geometries
        Lines, polygons or their multi-part forms; missing or empty ones are
        skipped. Points contribute nothing visible.

    Returns
    -------
    QPainterPath
        Filled with the odd-even rule, so polygon holes stay open.

    Examples
    --------
    >>> import shapely
    >>> path = path_from_geometries([shapely.box(0, 0, 10, 10)])
    >>> path.boundingRect().width()
    10.0
    """
    coords, starts = _vertices(np.asarray(geoms, dtype=object))
    return path_from_coordinates(coords, starts)


def polygon_from_coordinates(coords: np.ndarray) -> QPolygonF:
    """A :class:`QPolygonF` from an (n, 2) array (small inputs: outlines, symbols)."""
    return QPolygonF([QPointF(float(x), float(y)) for x, y in np.asarray(coords)])


def point_coordinates(geoms: np.ndarray) -> np.ndarray:
    """An (n, 2) array with one anchor per geometry (its representative point).

    Points give themselves; lines and polygons a point on or inside them.
    Missing geometries give NaN.
    """
    geoms = np.asarray(geoms, dtype=object)
    out = np.full((len(geoms), 2), np.nan)
    ok = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    if ok.any():
        is_point = shapely.get_type_id(geoms[ok]) == 0
        anchors = np.where(is_point, geoms[ok], None)
        others = ~is_point
        if others.any():
            anchors[others] = shapely.point_on_surface(geoms[ok][others])
        out[ok] = shapely.get_coordinates(anchors.astype(object))
    return out
