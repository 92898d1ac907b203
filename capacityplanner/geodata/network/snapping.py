"""Snapping points onto the nearest edge of a street network (split at the snapped spot)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from capacityplanner.errors import InputError


@dataclass(frozen=True)
class Snap:
    """Where points meet the network.

    Attributes
    ----------
    edge : ndarray of int
        Edge index (into the network's edge arrays) each point was snapped to.
    along_m : ndarray of float
        Distance along that edge from its start node to the snapped location.
    offset_m : ndarray of float
        Straight-line distance from the point to the snapped location.
    xy : ndarray, shape (n, 2)
        Snapped location.
    wegen_row : ndarray of int
        Position of the snapped segment in the ``wegen`` layer.
    """

    edge: np.ndarray
    along_m: np.ndarray
    offset_m: np.ndarray
    xy: np.ndarray
    wegen_row: np.ndarray


def as_points(xy: np.ndarray, what: str) -> np.ndarray:
    arr = np.asarray(xy, dtype=float)
    if arr.ndim == 1 and arr.size == 0:
        arr = arr.reshape(0, 2)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise InputError(f"The {what} must be an (n, 2) array of x, y in EPSG:31370.")
    bad = ~np.isfinite(arr).all(axis=1)
    if bad.any():
        raise InputError(f"The {what} point {int(np.flatnonzero(bad)[0]) + 1} has no valid x, y.")
    return arr


def snap_points(
    tree: shapely.STRtree,
    edges: np.ndarray,
    edge_length_m: np.ndarray,
    edge_wegen_row: np.ndarray,
    xy: np.ndarray,
) -> Snap:
    """Snap points onto the nearest of ``edges`` (indexed by ``tree``).

    Returns where each point meets its edge: the distance along the edge from its start,
    the straight offset from the point and the snapped location.
    """
    pts = as_points(xy, "points")
    geoms = shapely.points(pts)
    if len(pts) == 0:
        empty = np.zeros(0)
        return Snap(empty.astype(int), empty, empty, pts, empty.astype(int))
    (inp, hit), _ = tree.query_nearest(geoms, return_distance=True, all_matches=False)
    edge = np.empty(len(pts), dtype=np.int64)
    edge[inp] = hit
    lines = edges[edge]
    along = np.clip(shapely.line_locate_point(lines, geoms), 0.0, edge_length_m[edge])
    on_line = shapely.line_interpolate_point(lines, along)
    return Snap(
        edge=edge,
        along_m=along,
        offset_m=shapely.distance(geoms, on_line),
        xy=shapely.get_coordinates(on_line),
        wegen_row=edge_wegen_row[edge],
    )
