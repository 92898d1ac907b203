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
    "paths_from_geometries",
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
    last_start = int(np.flatnonzero(starts)[-1]) if starts.any() else 0
    return _read_path(n, _elements(coords, starts).tobytes(), last_start, odd_even)


def _elements(coords: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """The path elements (move-to or line-to, x, y) in QDataStream's binary layout."""
    body = np.empty(len(coords), dtype=_ELEMENT)
    body["type"] = np.where(starts, _MOVE_TO, _LINE_TO)
    body["x"] = coords[:, 0]
    body["y"] = coords[:, 1]
    return body


def _read_path(n: int, body: bytes, last_start: int, odd_even: bool = True) -> QPainterPath:
    """A path read from ``n`` serialised elements."""
    head = np.array([n], dtype=">i4").tobytes()
    # cStart (index of the start of the last sub-path) and the fill rule.
    tail = np.array([last_start, 0 if odd_even else 1], dtype=">i4").tobytes()
    data = QByteArray(head + body + tail)  # kept alive while the stream reads it
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    path = QPainterPath()
    stream >> path
    return path


def _vertices(geoms: np.ndarray, chunk: int | None = None) -> tuple[np.ndarray, ...]:
    """Vertices of all parts and rings of ``geoms`` with sub-path start flags.

    With ``chunk``, the vertices are ordered by group of ``chunk`` consecutive
    geometries (in each group as for that group alone) and a third array gives
    the group of every vertex.
    """
    geoms = np.asarray(geoms, dtype=object)
    keep = np.flatnonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))
    if len(keep) == 0:
        empty = (np.empty((0, 2)), np.empty(0, dtype=bool))
        return empty if chunk is None else (*empty, np.empty(0, dtype=np.intp))
    parts, owner = shapely.get_parts(geoms[keep], return_index=True)
    owner = keep[owner]
    is_poly = shapely.get_type_id(parts) == 3
    if is_poly.any():
        rings, ring_owner = shapely.get_rings(parts[is_poly], return_index=True)
        owner = np.concatenate([owner[~is_poly], owner[is_poly][ring_owner]])
        parts = np.concatenate([parts[~is_poly], rings])
    group = None
    if chunk is not None:
        # lines before rings inside each group, as _vertices of the group alone gives them
        order = np.argsort(owner // chunk, kind="stable")
        parts, group = parts[order], (owner // chunk)[order]
    coords, index = shapely.get_coordinates(parts, return_index=True)
    starts = np.ones(len(index), dtype=bool)
    starts[1:] = index[1:] != index[:-1]
    return (coords, starts) if group is None else (coords, starts, group[index])


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


def paths_from_geometries(geoms: np.ndarray, chunk: int) -> list[QPainterPath]:
    """One path per ``chunk`` consecutive geometries, as :func:`path_from_geometries` each.

    The vertices of all geometries are read at once, which is much faster than
    one call per chunk when there are many chunks.

    Examples
    --------
    >>> import shapely
    >>> paths = paths_from_geometries([shapely.box(0, 0, 1, 1), None, shapely.box(5, 5, 7, 7)], 2)
    >>> [p.boundingRect().width() for p in paths]
    [1.0, 2.0]
    """
    geoms = np.asarray(geoms, dtype=object)
    coords, starts, group = _vertices(geoms, chunk)
    bounds = np.searchsorted(group, np.arange(-(-len(geoms) // chunk) + 1)).tolist()
    body = _elements(coords, starts).tobytes()
    size = _ELEMENT.itemsize
    first = np.flatnonzero(starts)  # every group begins with a sub-path
    last = (first[np.searchsorted(first, bounds[1:]) - 1] if len(first) else bounds[1:]).tolist()
    return [
        _read_path(b - a, body[a * size : b * size], last_b - a) if b > a else QPainterPath()
        for a, b, last_b in zip(bounds[:-1], bounds[1:], last, strict=True)
    ]


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
