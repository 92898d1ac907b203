"""The linear programs of the capacitated p-median search, on HiGHS.

:func:`single_assignment_model` builds the single-assignment model as one
sparse matrix; :func:`assign_exactly` solves the assignment to a set of
open sites as a small MIP; :class:`NodeLp` holds the LP relaxation that the
branch and bound over open sites (:mod:`.cpmp_branch`) re-solves per node,
with the cuts and branching rows every worker shares in a :class:`RowPool`.
"""

from __future__ import annotations

import copy
import time

import highspy
import numpy as np
import scipy.sparse as sp

from capacityplanner.models.optimise.mip import highs_lp, solve_mip

__all__ = [
    "LpTimeUp",
    "LpTrouble",
    "NodeLp",
    "RowPool",
    "assign_exactly",
    "single_assignment_model",
]

_MS = highspy.HighsModelStatus
FRACTIONAL = 1e-6  # a value further than this from a whole number is fractional
_SEED_LINKS = 10  # linking rows per customer (its nearest sites) in the first node LP


class LpTrouble(RuntimeError):
    """HiGHS ended a node LP with neither an optimum nor proven infeasibility."""


class LpTimeUp(RuntimeError):
    """The deadline passed before a node LP was solved."""


def single_assignment_model(
    cost: np.ndarray,
    demand: np.ndarray,
    capacity: np.ndarray,
    p: int,
    ii: np.ndarray,
    jj: np.ndarray,
) -> tuple:
    """Sparse single-assignment model over the customer-site pairs ``(ii, jj)``.

    Columns: the ``m`` sites, then one per pair. Rows: one assignment row
    per customer, one capacity row per site, one linking row ``x <= y`` per
    pair, and ``sum y = p``.

    Returns
    -------
    tuple
        Column costs, constraint matrix, row lower and upper bounds.
    """
    n, m = cost.shape
    nx = ii.size
    x_col = m + np.arange(nx)
    r_cap_x, r_cap_y = n + jj, n + np.arange(m)
    r_link = n + m + np.arange(nx)
    r_p = n + m + nx
    rows = np.concatenate([ii, r_cap_x, r_cap_y, r_link, r_link, np.full(m, r_p)])
    cols = np.concatenate([x_col, x_col, np.arange(m), x_col, jj, np.arange(m)])
    vals = np.concatenate(
        [np.ones(nx), demand[ii], -capacity, np.ones(nx), -np.ones(nx), np.ones(m)]
    )
    matrix = sp.csc_matrix((vals, (rows, cols)), shape=(r_p + 1, m + nx))
    row_lower = np.concatenate([np.ones(n), np.full(m + nx, -np.inf), [p]])
    row_upper = np.concatenate([np.ones(n), np.zeros(m + nx), [p]])
    col_cost = np.concatenate([np.zeros(m), cost[ii, jj]])
    return col_cost, matrix, row_lower, row_upper


def assign_exactly(
    cost: np.ndarray,
    demand: np.ndarray,
    capacity: np.ndarray,
    sites: np.ndarray,
    *,
    keep: np.ndarray | None = None,
    cutoff: float | None = None,
    time_limit: float | None = None,
    threads: int | None = None,
) -> tuple[float, np.ndarray | None, bool]:
    """Cheapest single assignment to the open ``sites`` (a small HiGHS MIP).

    Parameters
    ----------
    cost, demand, capacity : numpy.ndarray
        The instance.
    sites : numpy.ndarray
        Open sites; each one is used as a site of the solution.
    keep : numpy.ndarray of bool, optional
        ``(customers, sites)`` pairs allowed (default: where demand fits).
    cutoff : float, optional
        Only solutions cheaper than this count.
    time_limit : float, optional
        Seconds.
    threads : int, optional
        HiGHS thread count.

    Returns
    -------
    tuple of float, numpy.ndarray or None, bool
        Objective and serving site per customer (``inf`` and ``None`` when
        no assignment fits, or none beats the cutoff), and whether that
        answer is proven.
    """
    n = cost.shape[0]
    allowed = demand[:, None] <= capacity[None, sites]
    if keep is not None:
        allowed &= keep[:, sites]
    if not allowed.any(axis=1).all():
        return np.inf, None, True
    ii, kk = np.nonzero(allowed)
    k = sites.size
    col_cost, matrix, row_lower, row_upper = single_assignment_model(
        cost[:, sites], demand, capacity[sites], k, ii, kk
    )
    ncol = k + ii.size
    # Presolve costs these small models more than it saves (13 assignments met in the
    # pmedcap07-10 solves: 308 ms with it, 265 ms without).
    run = solve_mip(
        col_cost, matrix, row_lower, row_upper, np.concatenate([np.ones(k), np.zeros(ii.size)]),
        np.ones(ncol), np.ones(ncol, dtype=bool), abs_gap=1e-6, cutoff=cutoff,
        time_limit=time_limit, threads=threads, options={"presolve": "off"},
    )  # fmt: skip
    proven = run.status in ("optimal", "infeasible", "optimal_at_cutoff")
    if run.values is None or run.status not in ("optimal", "time_limit"):
        return np.inf, None, proven
    x = run.values[k:] > 0.5
    where = np.full(n, -1)
    where[ii[x]] = sites[kk[x]]
    if (where < 0).any():
        return np.inf, None, False
    return float(cost[np.arange(n), where].sum()), where, proven


class RowPool:
    """Rows every node LP holds besides the model: cuts and group rows.

    Each worker's LP adds the pool's rows in order before it solves; nodes
    refer to rows by their place in the pool.
    """

    def __init__(self) -> None:
        self.rows: list[tuple[np.ndarray, np.ndarray, float, float]] = []
        self.groups: dict[frozenset, int] = {}

    def add(self, cols: np.ndarray, vals: np.ndarray, lower: float, upper: float) -> int:
        """Append a row; returns its place in the pool."""
        self.rows.append(
            (np.asarray(cols, dtype=np.int32), np.asarray(vals, dtype=float), lower, upper)
        )
        return len(self.rows) - 1

    def group(self, sites: np.ndarray) -> int:
        """Row ``sum_{j in sites} y_j``, free until a node bounds it."""
        key = frozenset(int(j) for j in sites)
        if key not in self.groups:
            cols = np.array(sorted(key))
            self.groups[key] = self.add(cols, np.ones(cols.size), -np.inf, np.inf)
        return self.groups[key]


class NodeLp:
    """The LP relaxation in HiGHS, re-solved per node with changed site bounds and rows.

    Each worker of :func:`branch_on_sites` owns one; the root relaxation of
    :func:`.cpmp.solve_cpmp` is one too, so that a search can start from
    its basis (:meth:`restrict`).

    The linking rows ``x_ij <= y_j`` are added as they are violated: most of
    them never bind, and without them the basis HiGHS factorises is a fifth
    of the size. A node LP without some of them is a relaxation, so a value
    above the cutoff prunes at once; otherwise violated rows are added and
    the LP re-solved until none is left. Where the sites are whole the
    capacity rows imply the linking rows of customers with positive demand.
    """

    def __init__(
        self,
        model: tuple,
        col_upper: np.ndarray,
        m: int,
        pairs: tuple[np.ndarray, np.ndarray],
        demand: np.ndarray,
        *,
        presolve: bool = True,
    ) -> None:
        """Build the LP of ``model`` (from :func:`single_assignment_model`).

        Parameters
        ----------
        model : tuple
            Column costs, matrix, row bounds of the single-assignment model.
        col_upper : numpy.ndarray
            Column upper bounds (sites first, then pairs).
        m : int
            Number of sites.
        pairs : tuple of numpy.ndarray
            Customer and site of each pair column.
        demand : numpy.ndarray
            Customer demands.
        presolve : bool
            Let HiGHS presolve the first solve (later solves start from a
            basis and skip it).
        """
        col_cost, matrix, row_lower, row_upper = model
        ii, jj, n = pairs[0], pairs[1], demand.size
        nx = ii.size
        self.ii, self.jj, self.pair_cost, self.demand = ii, jj, col_cost[m:], demand
        self.m = m
        self.linked = self._seed()
        base = np.r_[np.arange(n + m), n + m + nx, n + m + np.flatnonzero(self.linked)]
        lp = highs_lp(
            col_cost, sp.csr_matrix(matrix)[base], row_lower[base], row_upper[base],
            np.zeros(matrix.shape[1]), col_upper,
        )  # fmt: skip
        self.h = highspy.Highs()
        self.h.silent()
        if not presolve:
            self.h.setOptionValue("presolve", "off")
        self.h.passModel(lp)
        self.lo = np.zeros(m)
        self.hi = np.asarray(col_upper[:m], dtype=float).copy()
        self.num_rows = base.size
        self.local: list[int] = []  # this LP's row of each pool row
        self.active: dict[int, tuple[float, float]] = {}
        self.solves = 0

    def _seed(self) -> np.ndarray:
        """Pairs whose linking row the LP starts with: each customer's nearest, and zero demands."""
        ii, n, nx = self.ii, self.demand.size, self.ii.size
        seed = np.zeros(nx, dtype=bool)
        if nx:
            order = np.lexsort((self.pair_cost, ii))
            first = np.searchsorted(ii[order], np.arange(n))
            rank = np.arange(nx) - np.repeat(first, np.diff(np.r_[first, nx]))
            seed[order[rank < _SEED_LINKS]] = True
            seed |= self.demand[ii] <= 0
        return seed

    def _sync(self, pool: RowPool) -> None:
        """Add the pool rows this LP does not hold yet."""
        for cols, vals, lower, upper in pool.rows[len(self.local) :]:
            self.h.addRow(lower, upper, cols.size, cols, vals)
            self.local.append(self.num_rows)
            self.num_rows += 1

    def solve(
        self,
        lo: np.ndarray,
        hi: np.ndarray,
        rows: dict | None = None,
        cut: float = np.inf,
        pool: RowPool | None = None,
        deadline: float | None = None,
    ) -> tuple[float, np.ndarray | None]:
        """LP value and column values at a node (``inf``/``None`` if infeasible).

        ``rows`` bounds pool rows by their place in the pool. A value above
        ``cut`` may come from the LP without all its linking rows (still a
        valid bound); at or below it the LP is complete. Raises
        :class:`LpTimeUp` when ``deadline`` (a ``time.perf_counter()`` value)
        passes first.
        """
        rows = {} if rows is None else rows
        if pool is not None:
            self._sync(pool)
        changed = np.flatnonzero((lo != self.lo) | (hi != self.hi))
        if changed.size:
            self.h.changeColsBounds(
                changed.size, changed.astype(np.int32), lo[changed], hi[changed]
            )
            self.lo[changed], self.hi[changed] = lo[changed], hi[changed]
        for r in [r for r in self.active if r not in rows]:
            self.h.changeRowBounds(self.local[r], -np.inf, np.inf)
            del self.active[r]
        for r, bounds in rows.items():
            if self.active.get(r) != bounds:
                self.h.changeRowBounds(self.local[r], *bounds)
                self.active[r] = bounds
        while True:
            if deadline is not None:
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise LpTimeUp("time limit")
                # HiGHS counts its time limit over every run of this instance.
                self.h.setOptionValue("time_limit", self.h.getRunTime() + left)
            self.h.run()
            self.solves += 1
            status = self.h.getModelStatus()
            if status in (_MS.kInfeasible, _MS.kUnboundedOrInfeasible):
                return np.inf, None
            if status == _MS.kTimeLimit:
                raise LpTimeUp("time limit")
            if status != _MS.kOptimal:
                raise LpTrouble(self.h.modelStatusToString(status))
            z = self.h.getInfo().objective_function_value
            values = np.asarray(self.h.getSolution().col_value)
            if z > cut or not self._link(values):
                return z, values

    def _link(self, values: np.ndarray) -> bool:
        """Add the missing linking rows that ``values`` violates; any added?"""
        m, jj = self.m, self.jj
        violated = np.flatnonzero(~self.linked & (values[m:] > values[jj] + FRACTIONAL))
        return self._add_links(violated)

    def _add_links(self, violated: np.ndarray) -> bool:
        """Add the linking rows of the pairs ``violated``; any added?"""
        m, jj = self.m, self.jj
        k = violated.size
        if k == 0:
            return False
        self.linked[violated] = True
        index = np.empty(2 * k, dtype=np.int32)
        index[0::2], index[1::2] = m + violated, jj[violated]
        value = np.tile([1.0, -1.0], k)
        starts = np.arange(0, 2 * k, 2, dtype=np.int32)
        self.h.addRows(k, np.full(k, -np.inf), np.zeros(k), 2 * k, starts, index, value)
        self.num_rows += k
        return True

    def duals(self) -> tuple[np.ndarray, np.ndarray]:
        """Column reduced costs and row duals of the last solve."""
        solution = self.h.getSolution()
        return np.asarray(solution.col_dual), np.asarray(solution.row_dual)

    def restrict(self, kept: np.ndarray, site_upper: np.ndarray) -> NodeLp:
        """A copy without the pair columns not ``kept``, starting from this LP's basis.

        The columns dropped must be nonbasic (at zero), as those fixed by
        reduced costs are; their linking rows stay, reduced to ``y_j >= 0``.
        ``site_upper`` closes sites (upper bound 0).
        """
        other = self.clone()
        drop = (self.m + np.flatnonzero(~kept)).astype(np.int32)
        if drop.size:
            other.h.deleteCols(drop.size, drop)
        other.ii, other.jj, other.pair_cost = self.ii[kept], self.jj[kept], self.pair_cost[kept]
        other.linked = self.linked[kept]
        sites = np.arange(self.m, dtype=np.int32)
        other.hi = np.asarray(site_upper, dtype=float).copy()
        other.h.changeColsBounds(self.m, sites, other.lo, other.hi)
        other._add_links(np.flatnonzero(other._seed() & ~other.linked))
        return other

    def clone(self) -> NodeLp:
        """A second LP with the same rows and bounds, starting from this one's basis."""
        other = copy.copy(self)
        other.h = highspy.Highs()
        other.h.silent()
        other.h.passModel(self.h.getLp())
        other.h.setBasis(self.h.getBasis())
        other.linked = self.linked.copy()
        other.lo, other.hi = self.lo.copy(), self.hi.copy()
        other.local, other.active = list(self.local), dict(self.active)
        other.solves = 0
        return other
