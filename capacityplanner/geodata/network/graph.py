"""Turn the ``wegen`` segments into a routable graph: nodes, edges, arcs.

Segments that share an endpoint connect. Endpoints closer than ``node_tolerance_m``
(default 0.5 m) are merged into one node, so digitising near-misses still connect; this
is a clustering, not grid rounding, so two endpoints 0.01 m apart never fall into
different cells. MultiLineStrings are split into their parts, each part an edge.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import scipy.sparse as sp
import shapely
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from capacityplanner.errors import InputError

#: Endpoints closer than this (metres) become one node.
NODE_TOLERANCE_M = 0.5


@dataclass(frozen=True)
class Segments:
    """Line parts of the street layer with their end nodes.

    Attributes
    ----------
    geometry : ndarray of shapely.LineString
        One line per part (MultiLineStrings split).
    row : ndarray of int
        Position of the part's feature in the ``wegen`` layer.
    u, v : ndarray of int
        Start and end node of each part (digitising direction).
    length_m : ndarray of float
        Length along the line in metres.
    node_xy : ndarray, shape (n_nodes, 2)
        Node coordinates in EPSG:31370.
    """

    geometry: np.ndarray
    row: np.ndarray
    u: np.ndarray
    v: np.ndarray
    length_m: np.ndarray
    node_xy: np.ndarray


def check_wegen(wegen: gpd.GeoDataFrame) -> None:
    """Raise :class:`InputError` unless ``wegen`` has the DATA.md fields in EPSG:31370."""
    missing = [c for c in ("road_class", "rijrichting") if c not in wegen.columns]
    if missing:
        raise InputError(f"Layer wegen lacks the field(s) {', '.join(missing)}.")
    if wegen.crs is not None and wegen.crs.to_epsg() != 31370:
        raise InputError(f"Layer wegen is in {wegen.crs.name}; convert it to EPSG:31370 first.")
    types = set(shapely.get_type_id(wegen.geometry.values[~wegen.geometry.isna().to_numpy()]))
    if not types <= {1, 5}:
        raise InputError("Layer wegen must hold LineString or MultiLineString geometries.")


def split_segments(wegen: gpd.GeoDataFrame, node_tolerance_m: float = NODE_TOLERANCE_M) -> Segments:
    """Split ``wegen`` into line parts and give every part its two end nodes.

    Parameters
    ----------
    wegen : GeoDataFrame
        LineString/MultiLineString layer in EPSG:31370.
    node_tolerance_m : float
        Endpoints closer than this are merged into one node.

    Returns
    -------
    Segments
    """
    geoms = wegen.geometry.to_numpy()
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    parts, row = shapely.get_parts(geoms[present], return_index=True)
    row = np.flatnonzero(present)[row]
    parts = shapely.force_2d(parts)
    keep = shapely.get_num_points(parts) >= 2
    parts, row = parts[keep], row[keep]
    start = shapely.get_coordinates(shapely.get_point(parts, 0))
    end = shapely.get_coordinates(shapely.get_point(parts, -1))
    k = len(parts)
    ends = np.vstack([start, end])
    if k == 0:
        node_of_end = np.zeros(0, dtype=np.int64)
        node_xy = np.zeros((0, 2))
    else:
        pairs = cKDTree(ends).query_pairs(node_tolerance_m, output_type="ndarray")
        merge = sp.coo_matrix(
            (np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(2 * k, 2 * k)
        )
        _, cluster = connected_components(merge, directed=False)
        # number clusters in order of first appearance so node ids are deterministic
        _, first, node_of_end = np.unique(cluster, return_index=True, return_inverse=True)
        order = np.argsort(first)
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        node_of_end = rank[node_of_end]
        n = len(order)
        counts = np.bincount(node_of_end, minlength=n)
        node_xy = np.column_stack(
            [
                np.bincount(node_of_end, weights=ends[:, 0], minlength=n) / counts,
                np.bincount(node_of_end, weights=ends[:, 1], minlength=n) / counts,
            ]
        )
    return Segments(
        geometry=parts,
        row=row,
        u=node_of_end[:k],
        v=node_of_end[k:],
        length_m=shapely.length(parts),
        node_xy=node_xy,
    )


def largest_component(
    n_nodes: int, u: np.ndarray, v: np.ndarray, forward: np.ndarray, backward: np.ndarray
) -> np.ndarray:
    """Boolean mask of the nodes in the largest connected component.

    Undirected networks (every usable edge both ways) use connected components; a network
    with one-way edges uses the largest *strongly* connected component, so every node kept
    can reach and be reached from every other.
    """
    if n_nodes == 0:
        return np.zeros(0, dtype=bool)
    tail = np.concatenate([u[forward], v[backward]])
    head = np.concatenate([v[forward], u[backward]])
    graph = sp.coo_matrix((np.ones(len(tail)), (tail, head)), shape=(n_nodes, n_nodes)).tocsr()
    directed = bool(np.any(forward != backward))
    _, label = connected_components(
        graph, directed=directed, connection="strong" if directed else "weak"
    )
    # nodes touched by no usable edge are their own component; never pick one of those
    used = np.zeros(n_nodes, dtype=bool)
    used[tail] = True
    used[head] = True
    if not used.any():
        return used
    sizes = np.bincount(label[used], minlength=label.max() + 1)
    return label == int(np.argmax(sizes))
