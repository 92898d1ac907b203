"""The street network of one travel mode and its demand-to-site distance matrices.

Example
-------
>>> net = StreetNetwork.from_wegen(wegen, mode="bike")            # doctest: +SKIP
>>> d = net.distance_matrix(demand_xy, site_xy, limit_m=5000)      # doctest: +SKIP
>>> d[i, j]   # metres by bike from demand point i to site j, 0 = not within 5 km

Points are snapped onto the nearest edge of the largest connected component (not to the
nearest node): the edge is split at the snapped location, so the cost from the point to
both end nodes of its edge is exact. The straight access leg from the point to the snapped
location counts too, at the speed of that edge.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import scipy.sparse as sp
import shapely

from capacityplanner.errors import InputError
from capacityplanner.geodata.network.graph import (
    NODE_TOLERANCE_M,
    check_wegen,
    largest_component,
    split_segments,
)
from capacityplanner.geodata.network.modes import (
    check_mode,
    clean_attributes,
    default_speeds_kmh,
    permissions,
    speeds_m_per_min,
)
from capacityplanner.geodata.network.routing import build_arc_graph, many_to_many
from capacityplanner.geodata.network.snapping import Snap, as_points, snap_points

if TYPE_CHECKING:
    import networkx as nx

WEIGHTS: tuple[str, ...] = ("metres", "minutes")
#: Stored values are floored at these so that a stored entry is never 0.
MIN_METRES = 1.0
MIN_MINUTES = 0.01


def _check_limit(value: float | None, name: str) -> float:
    if value is None:
        return np.inf
    if not (isinstance(value, int | float | np.number) and value > 0):
        raise InputError(f"The distance limit {name} must be a positive number, not {value!r}.")
    return float(value)


class StreetNetwork:
    """Routable street graph of one travel mode, restricted to its largest connected component.

    Build it with :meth:`from_wegen`. Use :meth:`distance_matrix` for sparse
    origin-destination matrices, :meth:`snap` to see where points meet the network and
    :meth:`to_networkx` to inspect the graph.
    """

    def __init__(
        self,
        mode: str,
        node_xy: np.ndarray,
        edge_geometry: np.ndarray,
        edge_u: np.ndarray,
        edge_v: np.ndarray,
        edge_length_m: np.ndarray,
        edge_speed_m_per_min: np.ndarray,
        edge_forward: np.ndarray,
        edge_backward: np.ndarray,
        edge_wegen_row: np.ndarray,
        n_nodes_usable: int,
    ) -> None:
        self.mode = check_mode(mode)
        self.node_xy = node_xy
        self.edge_geometry = edge_geometry
        self.edge_u = edge_u
        self.edge_v = edge_v
        self.edge_length_m = edge_length_m
        self.edge_speed_m_per_min = edge_speed_m_per_min
        self.edge_forward = edge_forward
        self.edge_backward = edge_backward
        self.edge_wegen_row = edge_wegen_row
        self.n_nodes_usable = n_nodes_usable
        if len(edge_geometry) == 0:
            raise InputError(f"Layer wegen has no connected streets usable for mode {mode!r}.")
        self._tree = shapely.STRtree(edge_geometry)
        minutes = edge_length_m / edge_speed_m_per_min
        fw, bw = edge_forward, edge_backward
        self._arc_tail = np.concatenate([edge_u[fw], edge_v[bw]])
        self._arc_head = np.concatenate([edge_v[fw], edge_u[bw]])
        self._arc_metres = np.concatenate([edge_length_m[fw], edge_length_m[bw]])
        self._arc_minutes = np.concatenate([minutes[fw], minutes[bw]])
        speeds = np.unique(edge_speed_m_per_min)
        self._constant_speed = float(speeds[0]) if len(speeds) == 1 else None
        self._fingerprint: str | None = None

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_wegen(
        cls,
        wegen: gpd.GeoDataFrame,
        mode: str = "walk",
        *,
        speeds_kmh: Mapping[int, float] | None = None,
        node_tolerance_m: float = NODE_TOLERANCE_M,
    ) -> StreetNetwork:
        """Build the network of ``mode`` from the ``wegen`` layer.

        Parameters
        ----------
        wegen : GeoDataFrame
            Street segments in EPSG:31370 with ``road_class`` and ``rijrichting``
            (``docs/DATA.md``).
        mode : {"walk", "bike", "car"}
            Walking and cycling use every class but motorways, both ways; cars use every
            class but paths and ``N`` segments and respect one-way streets.
        speeds_kmh : mapping, optional
            km/h per road class; defaults to :func:`default_speeds_kmh`. Classes missing
            from the mapping are closed to the mode.
        node_tolerance_m : float
            Segment endpoints closer than this are one node.

        Returns
        -------
        StreetNetwork
            Holding only the largest connected component (strongly connected for cars).

        Raises
        ------
        InputError
            When fields are missing or hold invalid codes.
        """
        check_mode(mode)
        check_wegen(wegen)
        road_class, rijrichting = clean_attributes(wegen["road_class"], wegen["rijrichting"])
        seg = split_segments(wegen, node_tolerance_m)
        rc = road_class[seg.row]
        forward, backward = permissions(mode, rc, rijrichting[seg.row])
        speed = speeds_m_per_min(
            mode, rc, default_speeds_kmh(mode) if speeds_kmh is None else speeds_kmh
        )
        usable = (forward | backward) & np.isfinite(speed)
        forward &= usable
        backward &= usable
        n_nodes = len(seg.node_xy)
        used = np.zeros(n_nodes, dtype=bool)
        used[seg.u[usable]] = True
        used[seg.v[usable]] = True
        in_lcc = largest_component(n_nodes, seg.u, seg.v, forward, backward)
        keep = usable & in_lcc[seg.u] & in_lcc[seg.v]
        return cls(
            mode=mode,
            node_xy=seg.node_xy,
            edge_geometry=seg.geometry[keep],
            edge_u=seg.u[keep],
            edge_v=seg.v[keep],
            edge_length_m=seg.length_m[keep],
            edge_speed_m_per_min=speed[keep],
            edge_forward=forward[keep],
            edge_backward=backward[keep],
            edge_wegen_row=seg.row[keep],
            n_nodes_usable=int(used.sum()),
        )

    # ------------------------------------------------------------------ description
    @property
    def n_nodes(self) -> int:
        """Nodes in the largest connected component."""
        return int(len(np.unique(np.concatenate([self.edge_u, self.edge_v]))))

    @property
    def n_edges(self) -> int:
        """Edges (line parts) in the largest connected component."""
        return len(self.edge_geometry)

    @property
    def lcc_node_share(self) -> float:
        """Share of the nodes usable by this mode that lie in the largest component."""
        return self.n_nodes / max(self.n_nodes_usable, 1)

    @property
    def fingerprint(self) -> str:
        """sha256 of everything that decides a distance: mode, geometry, directions, speeds."""
        if self._fingerprint is None:
            h = hashlib.sha256()
            h.update(self.mode.encode())
            for arr in (
                self.edge_u,
                self.edge_v,
                self.edge_forward,
                self.edge_backward,
                np.round(self.edge_speed_m_per_min, 9),
            ):
                h.update(np.ascontiguousarray(arr).tobytes())
            h.update(b"".join(shapely.to_wkb(self.edge_geometry, byte_order=1)))
            self._fingerprint = h.hexdigest()
        return self._fingerprint

    def __repr__(self) -> str:
        return (
            f"StreetNetwork(mode={self.mode!r}, nodes={self.n_nodes}, edges={self.n_edges}, "
            f"lcc_node_share={self.lcc_node_share:.3f})"
        )

    def to_networkx(self) -> nx.MultiDiGraph:
        """The network as a networkx MultiDiGraph (one arc per allowed direction).

        Nodes carry ``x``, ``y``; arcs carry ``metres``, ``minutes`` and ``wegen_row``.
        """
        import networkx as nx  # imported on use: it takes a third of a second to import

        g = nx.MultiDiGraph(mode=self.mode, crs="EPSG:31370")
        nodes = np.unique(np.concatenate([self.edge_u, self.edge_v]))
        g.add_nodes_from(
            (int(i), {"x": float(self.node_xy[i, 0]), "y": float(self.node_xy[i, 1])})
            for i in nodes
        )
        minutes = self.edge_length_m / self.edge_speed_m_per_min
        for flag, a, b in (
            (self.edge_forward, self.edge_u, self.edge_v),
            (
                self.edge_backward,
                self.edge_v,
                self.edge_u,
            ),
        ):
            idx = np.flatnonzero(flag)
            g.add_edges_from(
                (
                    int(a[e]),
                    int(b[e]),
                    {
                        "metres": float(self.edge_length_m[e]),
                        "minutes": float(minutes[e]),
                        "wegen_row": int(self.edge_wegen_row[e]),
                    },
                )
                for e in idx
            )
        return g

    # ------------------------------------------------------------------ snapping
    def snap(self, xy: np.ndarray) -> Snap:
        """Snap points onto the nearest edge of the network.

        Parameters
        ----------
        xy : ndarray, shape (n, 2)
            Points in EPSG:31370.

        Returns
        -------
        Snap
        """
        return snap_points(
            self._tree, self.edge_geometry, self.edge_length_m, self.edge_wegen_row, xy
        )

    # ------------------------------------------------------------------ matrices
    def _access_arcs(
        self, snap: Snap, first_id: int, outgoing: bool
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Arcs joining snapped points (ids ``first_id``...) to their edge's end nodes."""
        e = snap.edge
        point = first_id + np.arange(len(e))
        length = self.edge_length_m[e]
        to_start = snap.offset_m + snap.along_m
        to_end = snap.offset_m + length - snap.along_m
        # a point exactly on an end node reaches that node whatever the edge's direction
        at_start = snap.along_m <= 1e-9
        at_end = snap.along_m >= length - 1e-9
        fw, bw = self.edge_forward[e], self.edge_backward[e]
        if outgoing:  # point -> start is backward travel, point -> end forward travel
            start_ok, end_ok = bw | at_start, fw | at_end
        else:  # start -> point is forward travel, end -> point backward travel
            start_ok, end_ok = fw | at_start, bw | at_end
        ends = np.concatenate([self.edge_u[e][start_ok], self.edge_v[e][end_ok]])
        points = np.concatenate([point[start_ok], point[end_ok]])
        tail, head = (points, ends) if outgoing else (ends, points)
        metres = np.concatenate([to_start[start_ok], to_end[end_ok]])
        speed = np.concatenate(
            [self.edge_speed_m_per_min[e][start_ok], self.edge_speed_m_per_min[e][end_ok]]
        )
        return tail, head, metres, metres / speed

    def _same_edge_arcs(
        self, o: Snap, d: Snap, o_first: int, d_first: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Direct arcs between an origin and a destination snapped onto the same edge."""
        left = pd.DataFrame({"edge": o.edge, "i": np.arange(len(o.edge))})
        right = pd.DataFrame({"edge": d.edge, "j": np.arange(len(d.edge))})
        pairs = left.merge(right, on="edge")
        i, j, e = pairs["i"].to_numpy(), pairs["j"].to_numpy(), pairs["edge"].to_numpy()
        delta = d.along_m[j] - o.along_m[i]
        ok = ((delta >= 0) & self.edge_forward[e]) | ((delta <= 0) & self.edge_backward[e])
        i, j, e, delta = i[ok], j[ok], e[ok], delta[ok]
        metres = o.offset_m[i] + np.abs(delta) + d.offset_m[j]
        return o_first + i, d_first + j, metres, metres / self.edge_speed_m_per_min[e]

    def distance_matrix(
        self,
        origins: np.ndarray,
        destinations: np.ndarray,
        limit_m: float | None = None,
        limit_min: float | None = None,
        weight: str = "metres",
    ) -> sp.csr_matrix:
        """Sparse street distances (metres) or travel times (minutes) between points.

        Parameters
        ----------
        origins : ndarray, shape (n, 2)
            x, y in EPSG:31370 (e.g. demand points).
        destinations : ndarray, shape (m, 2)
            x, y in EPSG:31370 (e.g. sites).
        limit_m : float, optional
            Keep only pairs whose route is at most this many metres long.
        limit_min : float, optional
            Keep only pairs whose route takes at most this many minutes.
        weight : {"metres", "minutes"}
            What the route minimises and what the matrix holds.

        Returns
        -------
        scipy.sparse.csr_matrix, shape (n, m)
            Only pairs within the limit(s) are stored; a stored value is never 0 (floored
            at 1 m / 0.01 min), so the sparsity pattern is the reachability. Routes follow
            the network of this mode (one-way streets bind cars).

        Notes
        -----
        Dijkstra (:func:`scipy.sparse.csgraph.dijkstra`) runs once per point of the smaller
        side, with ``limit``; from the destinations it runs on the reversed graph. For walk
        and bike (one speed) metres and minutes are proportional; for cars the route
        minimising ``weight`` is taken and the other quantity measured along it.
        """
        if weight not in WEIGHTS:
            raise InputError(f"Distance weight {weight!r} is unknown; use 'metres' or 'minutes'.")
        o_xy = as_points(origins, "origins")
        d_xy = as_points(destinations, "destinations")
        lim_m = _check_limit(limit_m, "limit_m")
        lim_min = _check_limit(limit_min, "limit_min")
        n, m = len(o_xy), len(d_xy)
        if n == 0 or m == 0:
            return sp.csr_matrix((n, m))
        o, d = self.snap(o_xy), self.snap(d_xy)
        base = len(self.node_xy)
        parts = [
            (self._arc_tail, self._arc_head, self._arc_metres, self._arc_minutes),
            self._access_arcs(o, base, outgoing=True),
            self._access_arcs(d, base + n, outgoing=False),
            self._same_edge_arcs(o, d, base, base + n),
        ]
        tail, head, metres, minutes = (np.concatenate(c) for c in zip(*parts, strict=True))
        if weight == "metres":
            primary, secondary, lim_p, lim_s = metres, minutes, lim_m, lim_min
        else:
            primary, secondary, lim_p, lim_s = minutes, metres, lim_min, lim_m
        # metres -> minutes factor when every edge has the same speed
        with_secondary = False
        if self._constant_speed is not None:
            factor = 1.0 / self._constant_speed if weight == "metres" else self._constant_speed
            lim_p = min(lim_p, lim_s / factor)
            lim_s = np.inf
        elif np.isfinite(lim_s):
            with_secondary = True
            v = self.edge_speed_m_per_min
            # a route within lim_s of the other unit is within this bound of primary
            bound = lim_s * v.max() if weight == "metres" else lim_s / v.min()
            lim_p = min(lim_p, bound)
        reverse = m < n
        if reverse:
            tail, head = head, tail
        graph = build_arc_graph(base + n + m, tail, head, primary, secondary)
        o_ids, d_ids = base + np.arange(n), base + n + np.arange(m)
        sources, targets = (d_ids, o_ids) if reverse else (o_ids, d_ids)
        floor = MIN_METRES if weight == "metres" else MIN_MINUTES
        rows, cols, vals = [], [], []
        for start, p_block, s_block in _blocks(graph, sources, targets, lim_p, with_secondary):
            keep = p_block <= lim_p
            if with_secondary:
                keep &= s_block <= lim_s
            r, c = np.nonzero(keep)
            rows.append(r + start)
            cols.append(c)
            vals.append(np.maximum(p_block[r, c], floor))
        r, c, val = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
        if reverse:
            r, c = c, r
        return sp.csr_matrix((val, (r, c)), shape=(n, m))


def _blocks(
    graph, sources: np.ndarray, targets: np.ndarray, limit: float, with_secondary: bool
) -> Iterator[tuple[int, np.ndarray, np.ndarray | None]]:
    """Run :func:`many_to_many` in blocks of sources, yielding (first row, primary, secondary)."""
    step = 512
    for start in range(0, len(sources), step):
        p, s = many_to_many(graph, sources[start : start + step], targets, limit, with_secondary)
        yield start, p, s
