"""Readers for the OR-Library location instances (J.E. Beasley).

Three formats, each read into a plain dataclass of numpy arrays that the
solvers in :mod:`capacityplanner.models.optimise` take as they are:

``pmed``
    Uncapacitated p-median (pmed1-40). First line ``n edges p``, then
    ``i j cost`` edges of an undirected graph on nodes ``1..n``. The cost
    matrix is the all-pairs shortest path length; an edge given more than
    once (in either direction) takes the cost of its last occurrence. Every
    node is a client of weight 1 and a candidate site.
``cap``
    Capacitated warehouse location (cap41-cap134, capa/b/c). First line
    ``m n``; ``m`` lines ``capacity fixed_cost``; then per customer its
    demand followed by ``m`` numbers, the cost of serving *all* of that
    customer's demand from each site. In capa/b/c the capacity field is the
    word ``capacity``, to be replaced by a chosen value.
``pmedcap``
    Capacitated p-median of Osman and Christofides. Line 1 ``instance
    best_known``, line 2 ``n p capacity``, then ``id x y demand`` per node.
    Distances are Euclidean, rounded down to integers.

Every problem with a file raises :class:`~capacityplanner.errors.InputError`
naming the file and line.

Source of the instances: OR-Library, people.brunel.ac.uk/~mastjjb/jeb/orlib.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import shortest_path

from capacityplanner.errors import InputError

__all__ = [
    "CapacitatedPMedianInstance",
    "FacilityInstance",
    "PMedianInstance",
    "read_cap",
    "read_pmed",
    "read_pmedcap",
]


@dataclass
class PMedianInstance:
    """An uncapacitated p-median instance.

    Attributes
    ----------
    name : str
        Instance name (the file stem).
    p : int
        Number of sites to open.
    cost : numpy.ndarray
        ``(clients, sites)`` cost of serving each client from each site.
    weight : numpy.ndarray
        ``(clients,)`` demand weight of each client (all ones for pmed).
    """

    name: str
    p: int
    cost: np.ndarray
    weight: np.ndarray

    @property
    def num_clients(self) -> int:
        return int(self.cost.shape[0])

    @property
    def num_sites(self) -> int:
        return int(self.cost.shape[1])


@dataclass
class FacilityInstance:
    """A capacitated facility location instance (demand may be split).

    Attributes
    ----------
    name : str
        Instance name.
    capacity : numpy.ndarray
        ``(sites,)`` capacity of each site.
    fixed_cost : numpy.ndarray
        ``(sites,)`` cost of opening each site.
    demand : numpy.ndarray
        ``(customers,)`` demand of each customer.
    cost : numpy.ndarray
        ``(customers, sites)`` cost of serving all of a customer's demand
        from a site; serving a fraction costs that fraction of it.
    """

    name: str
    capacity: np.ndarray
    fixed_cost: np.ndarray
    demand: np.ndarray
    cost: np.ndarray

    @property
    def num_customers(self) -> int:
        return int(self.cost.shape[0])

    @property
    def num_sites(self) -> int:
        return int(self.cost.shape[1])


@dataclass
class CapacitatedPMedianInstance:
    """A capacitated p-median instance (each customer served by one site).

    Attributes
    ----------
    name : str
        Instance name (the file stem).
    best_known : float
        Best known (for pmedcap01-10: optimal) value from line 1.
    p : int
        Number of sites to open.
    capacity : numpy.ndarray
        ``(sites,)`` capacity of each site (equal for the OR-Library set).
    xy : numpy.ndarray
        ``(nodes, 2)`` coordinates.
    demand : numpy.ndarray
        ``(nodes,)`` demand of each node.
    cost : numpy.ndarray
        ``(nodes, nodes)`` Euclidean distance rounded down; every node is a
        customer and a candidate site.
    """

    name: str
    best_known: float
    p: int
    capacity: np.ndarray
    xy: np.ndarray
    demand: np.ndarray
    cost: np.ndarray

    @property
    def num_customers(self) -> int:
        return int(self.cost.shape[0])

    @property
    def num_sites(self) -> int:
        return int(self.cost.shape[1])


class _Tokens:
    """Whitespace separated tokens of a file, each remembering its line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="ascii", errors="strict")
        except FileNotFoundError:
            raise InputError(f"{path}: file not found.") from None
        except UnicodeDecodeError as exc:
            line = path.read_bytes()[: exc.start].count(b"\n") + 1
            raise InputError(f"{path}, line {line}: not a plain text instance file.") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
        self.lines = text.splitlines()
        words: list[str] = []
        line_of: list[int] = []
        for number, line in enumerate(self.lines, start=1):
            parts = line.split()
            words.extend(parts)
            line_of.extend([number] * len(parts))
        self.words = words
        self.line_of = line_of
        self.pos = 0

    def error(self, message: str, at: int | None = None) -> InputError:
        at = self.pos if at is None else at
        if at < len(self.words):
            return InputError(f"{self.path}, line {self.line_of[at]}: {message}")
        return InputError(f"{self.path}, line {max(len(self.lines), 1)}: {message}")

    def take(self, count: int, what: str) -> list[str]:
        if self.pos + count > len(self.words):
            raise self.error(f"expected {what}, found the end of the file", len(self.words))
        chunk = self.words[self.pos : self.pos + count]
        self.pos += count
        return chunk

    def numbers(self, count: int, what: str, *, integer: bool = False) -> np.ndarray:
        """Next ``count`` tokens as floats (``integer``: whole numbers)."""
        start = self.pos
        chunk = self.take(count, what)
        try:
            values = np.array([float(word) for word in chunk])
        except ValueError:
            bad = next(k for k, word in enumerate(chunk) if not _is_number(word))
            raise self.error(f"expected {what}, found {chunk[bad]!r}", start + bad) from None
        finite = np.isfinite(values)
        if not finite.all():
            bad = int(np.argmin(finite))
            raise self.error(f"expected {what}, found {chunk[bad]!r}", start + bad)
        if integer:
            whole = values == np.round(values)
            if not whole.all():
                bad = int(np.argmin(whole))
                raise self.error(
                    f"expected {what} as a whole number, found {chunk[bad]!r}", start + bad
                )
        return values

    def expect_end(self) -> None:
        if self.pos < len(self.words):
            raise self.error(f"unexpected extra data {self.words[self.pos]!r}")


def _is_number(word: str) -> bool:
    try:
        return math.isfinite(float(word))
    except ValueError:
        return False


def read_pmed(path: str | PathLike[str]) -> PMedianInstance:
    """Read an OR-Library pmed file; the cost matrix is all-pairs shortest paths.

    Parameters
    ----------
    path : str or os.PathLike
        The instance file.

    Returns
    -------
    PMedianInstance
        ``cost`` is ``(n, n)``, ``weight`` all ones.

    Raises
    ------
    InputError
        When the file is missing or malformed, or the graph is disconnected.
    """
    path = Path(path)
    tokens = _Tokens(path)
    n, m, p = (int(v) for v in tokens.numbers(3, "'nodes edges p' on the first line", integer=True))
    if n < 1:
        raise tokens.error(f"the number of nodes must be positive, found {n}", 0)
    if not 1 <= p <= n:
        raise tokens.error(f"p must be between 1 and the number of nodes {n}, found {p}", 2)
    if m < 0:
        raise tokens.error(f"the number of edges cannot be negative, found {m}", 1)
    start = tokens.pos
    edges = tokens.numbers(3 * m, f"{m} edges 'i j cost'").reshape(m, 3)
    ends = edges[:, :2]
    bad_end = (ends != np.round(ends)) | (ends < 1) | (ends > n)
    if bad_end.any():
        row, col = np.argwhere(bad_end)[0]
        raise tokens.error(
            f"edge end must be a node number 1..{n}, found {tokens.words[start + 3 * row + col]!r}",
            start + 3 * row + col,
        )
    if (edges[:, 2] < 0).any():
        row = int(np.argmax(edges[:, 2] < 0))
        raise tokens.error("edge cost cannot be negative", start + 3 * row + 2)
    tokens.expect_end()
    i = ends[:, 0].astype(np.int64) - 1
    j = ends[:, 1].astype(np.int64) - 1
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    key = lo * n + hi
    # Keep the last occurrence of every undirected edge.
    _, last_rev = np.unique(key[::-1], return_index=True)
    keep = m - 1 - last_rev
    keep = keep[lo[keep] != hi[keep]]
    lo, hi, weight = lo[keep], hi[keep], edges[keep, 2]
    # Zero-cost edges would vanish from a sparse matrix; shift them to a tiny
    # positive value and round back after the shortest paths.
    tiny = 0.0
    if (weight == 0).any():
        tiny = 1e-9
        weight = np.where(weight == 0, tiny, weight)
    graph = sp.coo_matrix((weight, (lo, hi)), shape=(n, n)).tocsr()
    cost = shortest_path(graph, method="D", directed=False)
    if not np.isfinite(cost).all():
        raise InputError(f"{path}: the graph is not connected, so some nodes cannot be served.")
    if tiny:
        cost = np.round(cost, 6)
    return PMedianInstance(name=path.stem, p=p, cost=cost, weight=np.ones(n))


def read_cap(path: str | PathLike[str], capacity: float | None = None) -> FacilityInstance:
    """Read an OR-Library capacitated warehouse location file (cap41-134, capa/b/c).

    Parameters
    ----------
    path : str or os.PathLike
        The instance file.
    capacity : float, optional
        Capacity of every site whose capacity field is the word
        ``capacity`` (capa/b/c); required for those files.

    Returns
    -------
    FacilityInstance

    Raises
    ------
    InputError
        When the file is missing or malformed, or a capacity is needed and
        not given.
    """
    path = Path(path)
    tokens = _Tokens(path)
    m, n = (int(v) for v in tokens.numbers(2, "'sites customers' on the first line", integer=True))
    if m < 1 or n < 1:
        raise tokens.error("the numbers of sites and customers must be positive", 0)
    caps = np.empty(m)
    fixed = np.empty(m)
    for k in range(m):
        if tokens.pos < len(tokens.words) and tokens.words[tokens.pos].lower() == "capacity":
            if capacity is None:
                raise tokens.error(
                    "the site capacity is the word 'capacity': give a value with --capacity"
                )
            tokens.pos += 1
            caps[k] = float(capacity)
        else:
            caps[k] = tokens.numbers(1, f"the capacity of site {k + 1}")[0]
        fixed[k] = tokens.numbers(1, f"the fixed cost of site {k + 1}")[0]
    if (caps < 0).any() or (fixed < 0).any():
        raise InputError(f"{path}: site capacities and fixed costs cannot be negative.")
    demand = np.empty(n)
    cost = np.empty((n, m))
    for c in range(n):
        demand[c] = tokens.numbers(1, f"the demand of customer {c + 1}")[0]
        cost[c] = tokens.numbers(m, f"{m} costs of customer {c + 1}")
    if (demand < 0).any():
        raise InputError(f"{path}: customer demand cannot be negative.")
    tokens.expect_end()
    return FacilityInstance(
        name=path.stem if capacity is None else f"{path.stem}_{capacity:g}",
        capacity=caps,
        fixed_cost=fixed,
        demand=demand,
        cost=cost,
    )


def read_pmedcap(path: str | PathLike[str]) -> CapacitatedPMedianInstance:
    """Read an OR-Library capacitated p-median file (Osman and Christofides).

    Parameters
    ----------
    path : str or os.PathLike
        The instance file.

    Returns
    -------
    CapacitatedPMedianInstance
        ``cost`` holds Euclidean distances rounded down to integers.

    Raises
    ------
    InputError
        When the file is missing or malformed.
    """
    path = Path(path)
    tokens = _Tokens(path)
    tokens.take(1, "the instance number on line 1")
    best = tokens.numbers(1, "the best known value on line 1")[0]
    n, p, q = tokens.numbers(3, "'n p capacity' on line 2")
    if n != round(n) or n < 1:
        raise tokens.error("the number of nodes must be a positive whole number", tokens.pos - 3)
    if p != round(p) or not 1 <= p <= n:
        raise tokens.error(f"p must be a whole number between 1 and {int(n)}", tokens.pos - 2)
    if q < 0:
        raise tokens.error("the capacity cannot be negative", tokens.pos - 1)
    n = int(n)
    start = tokens.pos
    rows = tokens.numbers(4 * n, f"{n} nodes 'id x y demand'").reshape(n, 4)
    if (rows[:, 3] < 0).any():
        row = int(np.argmax(rows[:, 3] < 0))
        raise tokens.error("demand cannot be negative", start + 4 * row + 3)
    tokens.expect_end()
    xy = rows[:, 1:3]
    diff = xy[:, None, :] - xy[None, :, :]
    # A tiny tolerance keeps exact integer distances (e.g. 5.0 from 3-4-5)
    # from dropping to 4 through rounding noise in sqrt.
    cost = np.floor(np.sqrt((diff**2).sum(axis=2)) + 1e-9)
    return CapacitatedPMedianInstance(
        name=path.stem,
        best_known=float(best),
        p=int(p),
        capacity=np.full(n, float(q)),
        xy=xy,
        demand=rows[:, 3].copy(),
        cost=cost,
    )
