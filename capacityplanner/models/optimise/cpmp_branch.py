"""Branch and bound over the open sites of the capacitated p-median problem.

The LP relaxation of the single-assignment model is weak where sites open
half-way: on pmedcap08 two groups of three sites sit at ``y = 1/2``, each
group serving a cluster of customers that needs two whole sites. HiGHS
branches on sites and assignments alike and needs thousands of nodes there.
This search branches on the sites only:

* each node is the LP with some sites forced open or closed, re-solved by
  the dual simplex from the basis HiGHS holds;
* where fractional sites share customers and their number is fractional
  (the half-open groups), the node branches on the number of open sites in
  that group and the sites near it (``<= floor`` or ``>= ceil``);
  otherwise on one site, chosen by reliability branching (strong branching
  on up to six sites nearest one half until a site has pseudo-costs, then
  its pseudo-costs);
* a node whose LP opens whole sites ``S`` is settled: a Lagrangian bound of
  the assignment to ``S`` (one 0/1 knapsack per site, multipliers from the
  node LP) or else the exact assignment (a small HiGHS MIP) decides whether
  ``S`` holds a cheaper solution, and the cut ``sum_{j in S} y_j <= p - 1``
  then excludes ``S`` everywhere; cover inequalities of the open sites'
  capacities are added there too;
* reduced costs close or open sites for the node's subtree.

A node is pruned when its bound cannot beat the incumbent by ``margin``
(just under 1 for whole-number costs), so the search ends with the
incumbent proven optimal.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import highspy
import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from capacityplanner.models.optimise.cpmp_lagrange import knapsack_items, site_knapsacks
from capacityplanner.models.optimise.mip import highs_lp, solve_mip

__all__ = [
    "BranchOutcome",
    "LpTrouble",
    "assign_exactly",
    "branch_on_sites",
    "single_assignment_model",
]

_MS = highspy.HighsModelStatus
_FRACTIONAL = 1e-6
_RELIABLE = 1  # strong-branching samples per direction before pseudo-costs are trusted
_STRONG_CANDIDATES = 6  # sites closest to one half that may be strong-branched at a node
_SETTLE_STEPS = 10  # subgradient steps of the Lagrangian bound of a whole-site node


class LpTrouble(RuntimeError):
    """HiGHS ended a node LP with neither an optimum nor proven infeasibility."""


@dataclass
class BranchOutcome:
    """What the site branch and bound established.

    Attributes
    ----------
    upper : float
        Cost of the best solution known (the incumbent passed in, or better).
    assignment : numpy.ndarray or None
        Its serving site per customer.
    bound : float
        Proven lower bound on the optimum.
    proven : bool
        True when the search finished, so ``upper`` is optimal.
    stats : dict
        Nodes, strong-branching solves, settled site sets, cuts.
    """

    upper: float
    assignment: np.ndarray | None
    bound: float
    proven: bool
    stats: dict = field(default_factory=dict)


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
    run = solve_mip(
        col_cost, matrix, row_lower, row_upper, np.concatenate([np.ones(k), np.zeros(ii.size)]),
        np.ones(ncol), np.ones(ncol, dtype=bool), abs_gap=1e-6, cutoff=cutoff,
        time_limit=time_limit, threads=threads,
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


class _NodeLp:
    """The LP relaxation in HiGHS; site bounds and branching rows change per node."""

    def __init__(self, col_cost, matrix, row_lower, row_upper, col_upper, m):
        lp = highs_lp(col_cost, matrix, row_lower, row_upper, np.zeros(matrix.shape[1]), col_upper)
        self.h = highspy.Highs()
        self.h.silent()
        self.h.passModel(lp)
        self.m = m
        self.lo = np.zeros(m)
        self.hi = np.asarray(col_upper[:m], dtype=float).copy()
        self.num_rows = matrix.shape[0]
        self.groups: dict[frozenset, int] = {}
        self.active: dict[int, tuple[float, float]] = {}
        self.solves = 0

    def add_row(self, cols: np.ndarray, vals: np.ndarray, lower: float, upper: float) -> int:
        """Append a row; returns its index."""
        idx = np.asarray(cols, dtype=np.int32)
        self.h.addRow(lower, upper, idx.size, idx, np.asarray(vals, dtype=float))
        self.num_rows += 1
        return self.num_rows - 1

    def group_row(self, sites: np.ndarray) -> int:
        """Row ``sum_{j in sites} y_j``, free until a node bounds it."""
        key = frozenset(int(j) for j in sites)
        if key not in self.groups:
            cols = np.array(sorted(key))
            self.groups[key] = self.add_row(cols, np.ones(cols.size), -np.inf, np.inf)
        return self.groups[key]

    def solve(self, lo: np.ndarray, hi: np.ndarray, rows: dict) -> tuple[float, np.ndarray | None]:
        """LP value and column values at a node (``inf``/``None`` if infeasible)."""
        changed = np.flatnonzero((lo != self.lo) | (hi != self.hi))
        if changed.size:
            self.h.changeColsBounds(
                changed.size, changed.astype(np.int32), lo[changed], hi[changed]
            )
            self.lo[changed], self.hi[changed] = lo[changed], hi[changed]
        for r in [r for r in self.active if r not in rows]:
            self.h.changeRowBounds(r, -np.inf, np.inf)
            del self.active[r]
        for r, bounds in rows.items():
            if self.active.get(r) != bounds:
                self.h.changeRowBounds(r, *bounds)
                self.active[r] = bounds
        self.h.run()
        self.solves += 1
        status = self.h.getModelStatus()
        if status in (_MS.kInfeasible, _MS.kUnboundedOrInfeasible):
            return np.inf, None
        if status != _MS.kOptimal:
            raise LpTrouble(self.h.modelStatusToString(status))
        return self.h.getInfo().objective_function_value, np.asarray(self.h.getSolution().col_value)

    def duals(self) -> tuple[np.ndarray, np.ndarray]:
        """Column reduced costs and row duals of the last solve."""
        solution = self.h.getSolution()
        return np.asarray(solution.col_dual), np.asarray(solution.row_dual)


def _fractional_group(values, m, ii, jj, frac, cost):
    """Sites to branch on as a group, or ``None``.

    Fractional sites that share a customer form groups; the group whose
    number of open sites is furthest from a whole number is widened to
    every site at most as far (summed over the group's customers) as its
    farthest member, so that the branch cannot be dodged by moving the
    half-open sites next door; when the widened set opens a whole number of
    sites, the group itself is returned. Either way the number of open sites
    in the returned set is fractional, so both branches cut the LP solution.
    """
    x = values[m:]
    is_frac = np.zeros(m, dtype=bool)
    is_frac[frac] = True
    split = (x > _FRACTIONAL) & is_frac[jj]
    n = cost.shape[0]
    graph = sp.coo_matrix((np.ones(split.sum()), (ii[split], n + jj[split])), shape=(n + m, n + m))
    _, label = connected_components(graph.tocsr(), directed=False)
    y = values[:m]
    best, best_score = None, 1e-6
    for lab in np.unique(label[n + frac]):
        group = frac[label[n + frac] == lab]
        if group.size < 2:
            continue
        total = y[group].sum()
        score = min(total - np.floor(total), np.ceil(total) - total)
        if score > best_score:
            best, best_score = group, score
    if best is None:
        return None
    customers = np.unique(ii[split & np.isin(jj, best)])
    spread = cost[customers].sum(axis=0)
    wide = np.flatnonzero(spread <= spread[best].max() + 1e-9)
    total = y[wide].sum()
    if min(total - np.floor(total), np.ceil(total) - total) > 1e-6:
        return wide
    return best  # the sites next door make the number whole: branch on the group itself


def _violated_covers(values, m, col_of, weight, size):
    """Cover inequalities ``sum_{i in C} x_ij <= (|C| - 1) y_j`` the LP violates.

    Per open site, customers are taken in order of ``(1 - x_ij / y_j)`` per
    unit of demand until they overfill the capacity; the cover is violated
    when those terms sum below 1.
    """
    y = values[:m]
    found = []
    for j in np.flatnonzero(y > _FRACTIONAL):
        col = col_of[:, j]
        items = np.flatnonzero(col >= 0)
        share = np.clip(values[col[items]] / y[j], 0.0, 1.0)
        items, share = items[share > _FRACTIONAL], share[share > _FRACTIONAL]
        if weight[items].sum() <= size[j]:
            continue
        order = np.argsort((1.0 - share) / np.maximum(weight[items], 1e-9), kind="stable")
        fill = np.cumsum(weight[items[order]])
        take = order[: int(np.searchsorted(fill, size[j], side="right")) + 1]
        if (1.0 - share[take]).sum() < 1.0 - 1e-4:
            found.append((j, items[take]))
    return found


def _assignment_bound(cost, keep, weight, size, sites, lam, cut):
    """Lagrangian bound of assigning every customer to one of ``sites``.

    Starts from the node LP's assignment duals ``lam`` and takes a few
    subgradient steps; stops as soon as the bound exceeds ``cut``.
    """
    allowed = keep[:, sites]
    c = np.where(allowed, cost[:, sites], 0.0)
    cap = size[sites]
    lam = lam.copy()
    best = -np.inf
    for _ in range(_SETTLE_STEPS + 1):
        value = np.where(allowed, lam[:, None] - c, -np.inf)
        kv, took = site_knapsacks(value, weight, cap, keep=True)
        bound = float(lam.sum() - kv.sum())
        best = max(best, bound)
        if best > cut:
            break
        grad = 1.0 - knapsack_items(took, weight, cap, np.arange(sites.size)).sum(axis=1)
        norm = float(grad @ grad)
        if norm == 0:
            break
        lam += (cut + 1.0 - bound) / norm * grad
    return best


def branch_on_sites(
    cost: np.ndarray,
    demand: np.ndarray,
    capacity: np.ndarray,
    p: int,
    keep: np.ndarray,
    *,
    y_lower: np.ndarray,
    y_upper: np.ndarray,
    upper: float,
    assignment: np.ndarray | None,
    margin: float,
    deadline: float | None = None,
    solve_limit: int | None = None,
    strong_candidates: int = _STRONG_CANDIDATES,
    threads: int | None = None,
) -> BranchOutcome:
    """Search the open-site sets for a solution cheaper than ``upper - margin``.

    Parameters
    ----------
    cost : numpy.ndarray
        ``(customers, sites)`` cost.
    demand, capacity : numpy.ndarray
        Customer demands and site capacities.
    p : int
        Number of sites to open.
    keep : numpy.ndarray of bool
        ``(customers, sites)`` pairs that may occur in a solution cheaper
        than ``upper``.
    y_lower, y_upper : numpy.ndarray
        Sites already forced open (lower 1) or closed (upper 0).
    upper, assignment : float and numpy.ndarray or None
        The incumbent (``inf`` and ``None`` when there is none).
    margin : float
        A solution must be cheaper than ``upper - margin`` to count as
        better (just under 1 for whole-number costs).
    deadline : float, optional
        ``time.perf_counter()`` value at which to stop unproven.
    threads : int, optional
        HiGHS thread count of the exact assignments.

    Returns
    -------
    BranchOutcome

    Raises
    ------
    LpTrouble
        When HiGHS ends a node LP without an answer (the caller falls back
        to HiGHS's own branch and bound).
    """
    n, m = cost.shape
    ii, jj = np.nonzero(keep)
    whole = bool(np.all(demand == np.round(demand)) and np.all(capacity == np.round(capacity)))
    weight, size = demand.astype(int), capacity.astype(int)
    col_cost, matrix, row_lower, row_upper = single_assignment_model(
        cost, demand, capacity, p, ii, jj
    )
    lp = _NodeLp(col_cost, matrix, row_lower, row_upper, np.r_[y_upper, np.ones(ii.size)], m)
    col_of = np.full((n, m), -1)
    col_of[ii, jj] = m + np.arange(ii.size)
    pseudo_sum = np.zeros((2, m))
    pseudo_count = np.zeros((2, m))
    stats = {"nodes": 0, "strong_solves": 0, "settled_sets": 0, "settled_by_bound": 0}
    stats |= {"group_branches": 0, "covers": 0}
    # A node: site lower and upper bounds, its parent's LP bound, group-row bounds.
    stack = [(np.asarray(y_lower, float).copy(), np.asarray(y_upper, float).copy(), -np.inf, {})]
    root = -np.inf

    def stop(z: float) -> BranchOutcome:
        bound = min([z, upper, *(node[2] for node in stack)])
        stats["status"] = "time_limit"
        stats["lp_solves"] = lp.solves
        return BranchOutcome(upper, assignment, max(bound, root), False, stats)

    while stack:
        lo, hi, parent, rows = stack.pop()
        if deadline is not None and time.perf_counter() > deadline:
            return stop(parent)
        if solve_limit is not None and lp.solves >= solve_limit:
            stack.append((lo, hi, parent, rows))
            return stop(parent)
        cut = upper - margin
        if parent > cut:
            continue
        z, values = lp.solve(lo, hi, rows)
        stats["nodes"] += 1
        if stats["nodes"] == 1:
            root = z
            stats["root_bound"] = round(float(z), 6) if np.isfinite(z) else None
        if values is None or z > cut:
            continue
        y = values[:m]
        frac = np.flatnonzero(np.abs(y - np.round(y)) > _FRACTIONAL)
        if frac.size == 0 and whole:
            covers = _violated_covers(values, m, col_of, weight, size)
            for j, members in covers:
                cols = np.r_[col_of[members, j], j]
                lp.add_row(cols, np.r_[np.ones(members.size), 1.0 - members.size], -np.inf, 0.0)
            stats["covers"] += len(covers)
            if covers:
                z, values = lp.solve(lo, hi, rows)
                if values is None or z > cut:
                    continue
                y = values[:m]
                frac = np.flatnonzero(np.abs(y - np.round(y)) > _FRACTIONAL)
        reduced, row_dual = lp.duals()
        lo, hi = lo.copy(), hi.copy()
        hi[(y < 1e-9) & (reduced[:m] > cut - z)] = 0.0
        lo[(y > 1 - 1e-9) & (-reduced[:m] > cut - z)] = 1.0
        if frac.size == 0:
            sites = np.flatnonzero(y > 0.5)
            if whole and np.isfinite(cut):
                settled = _assignment_bound(cost, keep, weight, size, sites, row_dual[:n], cut)
                settled = settled > cut
            else:
                settled = False
            if settled:
                stats["settled_by_bound"] += 1
            else:
                left = None if deadline is None else max(deadline - time.perf_counter(), 0.01)
                obj, where, proven = assign_exactly(
                    cost, demand, capacity, sites, keep=keep,
                    cutoff=cut + 0.5 * margin if np.isfinite(cut) else None,
                    time_limit=left, threads=threads,
                )  # fmt: skip
                stats["settled_sets"] += 1
                if obj < upper:
                    upper, assignment = obj, where
                if not proven:
                    return stop(z)
            lp.add_row(sites, np.ones(sites.size), -np.inf, float(p - 1))
            stack.append((lo, hi, z, rows))
            continue
        group = _fractional_group(values, m, ii, jj, frac, cost)
        if group is not None:
            r = lp.group_row(group)
            total = float(y[group].sum())
            stats["group_branches"] += 1
            low, high = rows.get(r, (-np.inf, np.inf))
            fewer = rows | {r: (low, min(high, float(np.floor(total))))}
            more = rows | {r: (max(low, float(np.ceil(total))), high)}
            stack += [(lo, hi, z, fewer), (lo.copy(), hi.copy(), z, more)]
            continue
        score = np.empty(frac.size)
        forced = False
        may_probe = np.zeros(frac.size, dtype=bool)
        may_probe[np.argsort(np.abs(y[frac] - 0.5), kind="stable")[:strong_candidates]] = True
        for pos, j in enumerate(frac):
            gains = []
            for side in (0, 1):
                share = y[j] if side == 0 else 1.0 - y[j]
                if pseudo_count[side, j] < _RELIABLE and not may_probe[pos]:
                    gains.append(share)  # no estimate yet: the fraction itself
                    continue
                if pseudo_count[side, j] < _RELIABLE:
                    if solve_limit is not None and lp.solves >= solve_limit:
                        stack.append((lo, hi, z, rows))
                        return stop(z)
                    lo2, hi2 = lo.copy(), hi.copy()
                    lo2[j] = hi2[j] = float(side)
                    child, _ = lp.solve(lo2, hi2, rows)
                    stats["strong_solves"] += 1
                    gain = min(child, cut + 1e3) - z
                    pseudo_sum[side, j] += gain / share
                    pseudo_count[side, j] += 1
                    if child > cut:
                        # Nothing better on that side: fix the site the other way.
                        lo[j] = hi[j] = float(1 - side)
                        forced = True
                    gains.append(gain)
                else:
                    gains.append(pseudo_sum[side, j] / pseudo_count[side, j] * share)
            score[pos] = max(gains[0], 1e-6) * max(gains[1], 1e-6)
        if forced:
            stack.append((lo, hi, z, rows))
            continue
        j = frac[int(np.argmax(score))]
        down = (lo.copy(), hi.copy(), z, rows)
        down[1][j] = 0.0
        up = (lo.copy(), hi.copy(), z, rows)
        up[0][j] = 1.0
        # Depth first, the side the LP leans to first.
        stack += [down, up] if y[j] >= 0.5 else [up, down]
    stats["status"] = "optimal"
    stats["lp_solves"] = lp.solves
    return BranchOutcome(upper, assignment, upper, True, stats)
