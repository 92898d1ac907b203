"""Many-to-many shortest paths on an arc list with :func:`scipy.sparse.csgraph.dijkstra`.

The graph is given as arcs (tail, head, primary cost, secondary cost). Dijkstra runs on the
primary cost from a set of source nodes (with ``limit``); the secondary cost along the
chosen shortest path is recovered from the predecessors, walking back from all
(source, target) pairs at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra

#: Arc costs are floored at this so a zero-length arc still counts as an arc.
MIN_ARC_COST = 1e-9
#: Source rows per Dijkstra call: keeps the dense (rows x nodes) result small.
_ROW_BUDGET = 4_000_000


@dataclass(frozen=True)
class ArcGraph:
    """A directed graph in CSR form with a second cost per arc (same structure)."""

    csr: sp.csr_matrix
    secondary: np.ndarray
    keys: np.ndarray  # tail * n + head, sorted; position == arc index in csr.data

    def key_index(self) -> pd.Index:
        """Hash index of :attr:`keys` (arc lookup by tail * n + head)."""
        return pd.Index(self.keys)

    @property
    def n_nodes(self) -> int:
        return self.csr.shape[0]


def build_arc_graph(
    n_nodes: int,
    tail: np.ndarray,
    head: np.ndarray,
    primary: np.ndarray,
    secondary: np.ndarray,
) -> ArcGraph:
    """Assemble arcs into CSR, keeping the cheapest (primary) arc per (tail, head) pair.

    Self-loops are dropped (they never shorten a path).
    """
    tail = np.asarray(tail, dtype=np.int64)
    head = np.asarray(head, dtype=np.int64)
    primary = np.maximum(np.asarray(primary, dtype=float), MIN_ARC_COST)
    secondary = np.asarray(secondary, dtype=float)
    keep = tail != head
    tail, head, primary, secondary = tail[keep], head[keep], primary[keep], secondary[keep]
    order = np.lexsort((primary, head, tail))
    tail, head, primary, secondary = tail[order], head[order], primary[order], secondary[order]
    keys = tail * n_nodes + head
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    tail, head, primary, secondary, keys = (
        tail[first],
        head[first],
        primary[first],
        secondary[first],
        keys[first],
    )
    indptr = np.zeros(n_nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(tail, minlength=n_nodes), out=indptr[1:])
    csr = sp.csr_matrix((primary, head.astype(np.int32), indptr), shape=(n_nodes, n_nodes))
    return ArcGraph(csr=csr, secondary=secondary, keys=keys)


def _secondary_to_targets(graph: ArcGraph, pred: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Secondary cost from each source (row of ``pred``) to each target along its tree.

    Walks back from every (source, target) pair to the source at once, one arc per round;
    pairs leave the working set as they reach their source.
    """
    k, n = pred.shape
    flat = pred.ravel()
    reached = np.flatnonzero(flat >= 0)
    step = np.zeros(k * n)  # secondary cost of the tree arc into each (row, node)
    arc = graph.key_index().get_indexer(flat[reached].astype(np.int64) * n + reached % n)
    step[reached] = graph.secondary[arc]
    pos = ((np.arange(k, dtype=np.int64) * n)[:, None] + targets[None, :]).ravel()
    acc = np.zeros(pos.size)
    active = np.flatnonzero(flat[pos] >= 0)
    while active.size:
        p = pos[active]
        acc[active] += step[p]
        parent = flat[p]
        more = parent >= 0
        active = active[more]
        pos[active] = p[more] - p[more] % n + parent[more]
    return acc.reshape(k, len(targets))


def many_to_many(
    graph: ArcGraph,
    sources: np.ndarray,
    targets: np.ndarray,
    limit: float = np.inf,
    with_secondary: bool = False,
) -> tuple[np.ndarray, np.ndarray | None]:
    """Primary (and optionally secondary) cost from each source to each target node.

    Parameters
    ----------
    graph : ArcGraph
    sources, targets : ndarray of int
        Node ids.
    limit : float
        Dijkstra stops beyond this primary cost; pairs further away are ``inf``.
    with_secondary : bool
        Also return the secondary cost along the primary-shortest path.

    Returns
    -------
    primary : ndarray, shape (len(sources), len(targets))
        ``inf`` where unreachable within ``limit``.
    secondary : ndarray or None
        Same shape; ``inf`` where unreachable.
    """
    k, m = len(sources), len(targets)
    primary = np.full((k, m), np.inf)
    secondary = np.full((k, m), np.inf) if with_secondary else None
    if k == 0 or m == 0:
        return primary, secondary
    budget = _ROW_BUDGET // 2 if with_secondary else _ROW_BUDGET
    chunk = max(1, budget // max(graph.n_nodes, 1))
    for start in range(0, k, chunk):
        block = sources[start : start + chunk]
        if with_secondary:
            dist, pred = dijkstra(
                graph.csr, directed=True, indices=block, limit=limit, return_predecessors=True
            )
            sec = _secondary_to_targets(graph, pred, targets)
            secondary[start : start + len(block)] = np.where(
                np.isfinite(dist[:, targets]), sec, np.inf
            )
        else:
            dist = dijkstra(graph.csr, directed=True, indices=block, limit=limit)
        primary[start : start + len(block)] = dist[:, targets]
    return primary, secondary
