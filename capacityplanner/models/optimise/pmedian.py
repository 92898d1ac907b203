"""Uncapacitated p-median, solved exactly: heuristic start + radius formulation on HiGHS.

Choose ``p`` of the candidate sites so that the weighted sum of each
client's cost to its nearest open site is least.

1. *Heuristic.* Greedy adding, then vertex substitution (Teitz-Bart
   interchange) with the fast swap evaluation of Resende and Werneck
   (2003): gain, loss and an ``extra`` matrix give the profit of every swap
   in one vectorised step.
2. *Lagrangian bound.* Subgradient optimisation of the relaxation of the
   assignment rows (its optimum is the linear relaxation bound), with the
   interchange run from the relaxed solutions now and then (a Lagrangian
   heuristic) to improve the incumbent. When the bound meets the incumbent
   (within 1 for integer data) the incumbent is proven optimal here.
3. *Reduction.* A site whose forced opening lifts the Lagrangian bound to
   the incumbent value is closed for good, one whose forced closing does
   so is opened for good (for small ``p`` this removes most sites).
4. *Radius formulation* (Elloumi 2010; García, Labbé and Marín 2011) of the
   reduced problem, solved by HiGHS with the incumbent as start and a zero
   gap. For client ``i`` with sorted distinct costs ``D_i0 < D_i1 < ...``,
   ``z_ik`` is 1 when no open site is closer than ``D_ik``; the cost is
   ``D_i0 + sum_k (D_ik - D_i,k-1) z_ik``. The covering rows
   ``z_ik + sum_{j: c_ij < D_ik} y_j >= 1`` are written as a chain
   ``z_ik - z_i,k-1 + sum_{j: c_ij = D_i,k-1} y_j >= 0`` (``z_i0 = 1``), the
   same linear relaxation with every ``y_j`` once per client instead of
   once per level: the matrix has ``clients x sites + 2 x levels``
   non-zeros. Sites at a client's largest cost never enter its rows.
"""

from __future__ import annotations

import time

import numpy as np
import scipy.sparse as sp

from capacityplanner.models.optimise.mip import LocationSolution, solve_mip

__all__ = ["greedy_interchange", "solve_pmedian"]

#: HiGHS settings for the reduced radius model: the incumbent comes from the
#: heuristics, so HiGHS' own primal heuristics and restarts only cost time.
HIGHS_OPTIONS = {
    "mip_heuristic_effort": 0.0,
    "mip_allow_restart": False,
    "mip_heuristic_run_feasibility_jump": False,
    "mip_heuristic_run_rins": False,
    "mip_heuristic_run_rens": False,
}


def _nearest_two(cost: np.ndarray, open_sites: np.ndarray) -> tuple[np.ndarray, ...]:
    """Nearest open site, its cost, and the second nearest cost, per client."""
    sub = cost[:, open_sites]
    if open_sites.size == 1:
        c1 = np.zeros(cost.shape[0], dtype=np.int64)
        d1 = sub[:, 0]
        d2 = np.full(cost.shape[0], cost.max() + 1.0)
        return open_sites[c1], d1, d2
    two = np.argpartition(sub, 1, axis=1)[:, :2]
    rows = np.arange(cost.shape[0])
    a, b = sub[rows, two[:, 0]], sub[rows, two[:, 1]]
    first = np.where(a <= b, two[:, 0], two[:, 1])
    return open_sites[first], np.minimum(a, b), np.maximum(a, b)


def greedy(cost: np.ndarray, weight: np.ndarray, p: int) -> np.ndarray:
    """Greedy adding: open, one at a time, the site that lowers the cost most.

    Returns the indices of the ``p`` sites (``cost`` is ``(clients, sites)``).
    """
    n, m = cost.shape
    wcost = cost * np.asarray(weight, dtype=float)[:, None]
    nearest = np.full(n, np.inf)
    is_open = np.zeros(m, dtype=bool)
    for _ in range(p):
        totals = np.minimum(wcost, nearest[:, None]).sum(axis=0)
        totals[is_open] = np.inf
        j = int(np.argmin(totals))
        is_open[j] = True
        nearest = np.minimum(nearest, wcost[:, j])
    return np.flatnonzero(is_open)


def interchange(
    cost: np.ndarray, weight: np.ndarray, open_sites: np.ndarray, *, max_swaps: int = 100_000
) -> np.ndarray:
    """Vertex substitution (Teitz-Bart), best improvement, fast swap evaluation.

    Parameters
    ----------
    cost : numpy.ndarray
        ``(clients, sites)`` costs.
    weight : numpy.ndarray
        ``(clients,)`` non-negative weights.
    open_sites : numpy.ndarray
        Starting set of open sites.
    max_swaps : int
        Upper limit on the number of swaps.

    Returns
    -------
    numpy.ndarray
        Open sites, ascending, such that no swap of one open site for one
        closed site lowers the cost.
    """
    n, m = cost.shape
    w = np.asarray(weight, dtype=float)
    is_open = np.zeros(m, dtype=bool)
    is_open[np.asarray(open_sites)] = True
    if is_open.all():
        return np.flatnonzero(is_open)
    scale = max(float(np.abs(cost * w[:, None]).max()), 1.0)
    for _ in range(max_swaps):
        sites = np.flatnonzero(is_open)
        c1, d1, d2 = _nearest_two(cost, sites)
        # Profit of swapping site j in for open site r (Resende-Werneck).
        gain = (w[:, None] * np.maximum(d1[:, None] - cost, 0.0)).sum(axis=0)
        loss = np.bincount(c1, weights=w * (d2 - d1), minlength=m)
        extra_per_client = w[:, None] * np.maximum(d2[:, None] - np.maximum(cost, d1[:, None]), 0)
        # Sum the rows of each open site's clients (no BLAS: it competes
        # for the cores with HiGHS and other processes).
        owner = np.searchsorted(sites, c1)
        order = np.argsort(owner, kind="stable")
        counts = np.bincount(owner, minlength=sites.size)
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        padded = np.vstack([extra_per_client[order], np.zeros((1, m))])
        extra = np.add.reduceat(padded, starts, axis=0)
        extra[counts == 0] = 0.0  # (open, sites)
        profit = gain[None, :] - loss[sites, None] + extra
        profit[:, is_open] = -np.inf
        r_pos, j = np.unravel_index(int(np.argmax(profit)), profit.shape)
        if profit[r_pos, j] <= 1e-9 * scale:
            break
        is_open[sites[r_pos]] = False
        is_open[j] = True
    return np.flatnonzero(is_open)


def greedy_interchange(cost: np.ndarray, weight: np.ndarray, p: int) -> np.ndarray:
    """A good p-median solution: :func:`greedy`, then :func:`interchange`."""
    return interchange(cost, weight, greedy(cost, weight, p))


#: Subgradient iterations after which the Lagrangian heuristic runs.
_HEURISTIC_AT = frozenset({0, 15, 40, 80, 150, 300, 600, 1200, 2400})


def lagrangian_bound(
    cost: np.ndarray,
    weight: np.ndarray,
    p: int,
    upper: float,
    start: np.ndarray,
    *,
    target: float,
    max_iterations: int = 3000,
    on_sites=None,
) -> tuple[float, np.ndarray]:
    """Subgradient optimisation of the Lagrangian relaxation of the assignment rows.

    ``L(lam) = sum_i lam_i + (sum of the p smallest rho_j)`` with
    ``rho_j = sum_i min(0, w_i c_ij - lam_i)``; its maximum equals the
    linear relaxation bound. Stops when the bound reaches ``target``, or
    the step gets small. ``on_sites(sites)`` may return an improved upper
    bound from the Lagrangian solution (a Lagrangian heuristic).

    Returns the best bound and its multipliers.
    """
    wcost = cost * np.asarray(weight, dtype=float)[:, None]
    lam = np.asarray(start, dtype=float).copy()
    best, best_lam = -np.inf, lam.copy()
    step, stall = 2.0, 0
    for iteration in range(max_iterations):
        below = wcost < lam[:, None]
        rho = np.where(below, wcost - lam[:, None], 0.0).sum(axis=0)
        chosen = np.argpartition(rho, p - 1)[:p]
        bound = float(lam.sum() + rho[chosen].sum())
        if bound > best + 1e-9:
            best, best_lam, stall = bound, lam.copy(), 0
        else:
            stall += 1
            if stall >= 20:
                step, stall = step / 2, 0
        if on_sites is not None and iteration in _HEURISTIC_AT:
            upper = min(upper, on_sites(chosen))
        if best >= min(target, upper) or step < 5e-3:
            break
        g = 1.0 - below[:, chosen].sum(axis=1)
        norm = float(g @ g)
        if norm == 0:  # the relaxed solution is feasible, hence optimal
            break
        lam = lam + step * max(upper - bound, 1e-6 * abs(upper)) / norm * g
    return best, best_lam


def _levels(cost: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per client, the level (rank among distinct costs) of every site.

    Returns ``level (clients, sites)``, ``distinct (clients, sites)`` with
    the sorted distinct costs left-aligned (padded with the largest), and
    ``count (clients,)`` the number of distinct costs.
    """
    n, m = cost.shape
    order = np.argsort(cost, axis=1, kind="stable")
    sorted_cost = np.take_along_axis(cost, order, axis=1)
    new = np.ones((n, m), dtype=bool)
    new[:, 1:] = sorted_cost[:, 1:] != sorted_cost[:, :-1]
    rank_sorted = np.cumsum(new, axis=1) - 1
    level = np.empty_like(rank_sorted)
    np.put_along_axis(level, order, rank_sorted, axis=1)
    count = rank_sorted[:, -1] + 1
    distinct = np.repeat(sorted_cost[:, -1:], m, axis=1)
    r, c = np.nonzero(new)
    distinct[r, rank_sorted[r, c]] = sorted_cost[r, c]
    return level, distinct, count


def _radius_model(
    cost: np.ndarray,
    weight: np.ndarray,
    p: int,
    keep_levels: np.ndarray,
    site_lower: np.ndarray,
    site_upper: np.ndarray,
    level: np.ndarray,
    distinct: np.ndarray,
):
    """Assemble the chained radius formulation with levels ``1..keep_levels[i]``.

    Columns: ``y`` (sites) then ``z_ik`` per client ``i`` and level
    ``k = 1..keep_levels[i]``. Truncating the levels gives a relaxation:
    it under-counts a client only when its cost exceeds ``D_i,keep``.
    """
    n, m = cost.shape
    keep = np.asarray(keep_levels, dtype=np.int64)
    zoff = np.concatenate(([0], np.cumsum(keep)))
    num_z = int(zoff[-1])
    client_of = np.repeat(np.arange(n), keep)
    k_of = np.arange(num_z) - zoff[client_of] + 1  # level 1..keep_i
    w = np.asarray(weight, dtype=float)
    zcost = w[client_of] * (distinct[client_of, k_of] - distinct[client_of, k_of - 1])
    # Chain rows: one per z_ik.
    diag_r = np.arange(num_z)
    prev = k_of >= 2
    prev_r = diag_r[prev]
    prev_c = m + diag_r[prev] - 1
    # y_j enters row (i, level_ij + 1) when that level is kept.
    yi, yj = np.nonzero(level < keep[:, None])
    y_r = zoff[yi] + level[yi, yj]  # row of level (level_ij + 1)
    rows = np.concatenate([diag_r, prev_r, y_r, np.full(m, num_z)])
    cols = np.concatenate([m + diag_r, prev_c, yj, np.arange(m)])
    vals = np.concatenate([np.ones(num_z), -np.ones(prev_r.size), np.ones(y_r.size), np.ones(m)])
    matrix = sp.csc_matrix((vals, (rows, cols)), shape=(num_z + 1, m + num_z))
    row_lower = np.where(k_of == 1, 1.0, 0.0)
    row_lower = np.append(row_lower, p)
    row_upper = np.append(np.full(num_z, np.inf), p)
    col_cost = np.concatenate([np.zeros(m), zcost])
    col_lower = np.concatenate([site_lower, np.zeros(num_z)])
    col_upper = np.concatenate([site_upper, np.ones(num_z)])
    integer = np.concatenate([np.ones(m, dtype=bool), np.zeros(num_z, dtype=bool)])
    offset = float((w * distinct[:, 0]).sum())
    return col_cost, matrix, row_lower, row_upper, col_lower, col_upper, integer, offset, zoff


def _start_values(cost, open_sites, keep, zoff, distinct, m):
    """Column values of the radius model for a given set of open sites."""
    n = cost.shape[0]
    d = cost[:, open_sites].min(axis=1)
    num_z = int(zoff[-1])
    client_of = np.repeat(np.arange(n), keep)
    k_of = np.arange(num_z) - zoff[client_of] + 1
    z = (d[client_of] >= distinct[client_of, k_of]).astype(float)
    y = np.zeros(m)
    y[open_sites] = 1.0
    return np.concatenate([y, z])


def solve_pmedian(
    cost: np.ndarray,
    weight: np.ndarray | None,
    p: int,
    *,
    time_limit: float | None = None,
    threads: int | None = None,
) -> LocationSolution:
    """Solve the uncapacitated p-median problem to proven optimality.

    Parameters
    ----------
    cost : numpy.ndarray
        ``(clients, sites)`` non-negative costs.
    weight : numpy.ndarray or None
        ``(clients,)`` non-negative weights; ``None`` for all ones.
    p : int
        Number of sites to open, ``1 <= p <= sites``.
    time_limit : float, optional
        Seconds for HiGHS; on expiry the best solution found is returned
        with ``proven_optimal`` False.
    threads : int, optional
        HiGHS thread count.

    Returns
    -------
    LocationSolution
        ``assignment`` holds the nearest open site of every client.
    """
    began = time.perf_counter()
    cost = np.asarray(cost, dtype=float)
    n, m = cost.shape
    w = np.ones(n) if weight is None else np.asarray(weight, dtype=float)
    if not 1 <= p <= m:
        raise ValueError(f"p must be between 1 and the number of sites {m}, got {p}")
    stats: dict = {"clients": n, "sites": m, "p": p}

    def value_of(sites: np.ndarray) -> float:
        return float((w * cost[:, sites].min(axis=1)).sum())

    best_sites = greedy_interchange(cost, w, p)
    best_value = value_of(best_sites)
    stats["greedy_interchange"] = best_value
    wcost = cost * w[:, None]
    integral = bool(np.all(wcost == np.round(wcost)))
    # A solution must beat the incumbent by more than this to matter.
    margin = 1.0 - 1e-6 if integral else 1e-7 * max(abs(best_value), 1.0)
    tried: set[bytes] = set()

    def lagrangian_heuristic(sites: np.ndarray) -> float:
        nonlocal best_sites, best_value
        key = np.sort(sites).tobytes()
        if key in tried:
            return best_value
        tried.add(key)
        better = interchange(cost, w, sites)
        value = value_of(better)
        if value < best_value:
            best_sites, best_value = better, value
        return best_value

    start_lam = w * cost[:, best_sites].min(axis=1)
    lower, lam = lagrangian_bound(
        cost, w, p, best_value, start_lam, target=best_value - margin,
        on_sites=lagrangian_heuristic,
    )  # fmt: skip
    stats["heuristic"] = best_value
    stats["lagrangian_bound"] = lower
    stats["bound_seconds"] = time.perf_counter() - began
    if lower > best_value - margin:
        return _solution(cost, best_sites, best_value, best_value, True, began, stats)

    # Reduction: a site whose forced opening (closing) lifts the Lagrangian
    # bound above the incumbent is closed (opened) for good.
    wcost = cost * w[:, None]
    rho = np.minimum(wcost - lam[:, None], 0.0).sum(axis=0)
    order = np.sort(rho)
    base = float(lam.sum() + order[:p].sum())
    chosen = np.zeros(m, dtype=bool)
    chosen[np.argsort(rho, kind="stable")[:p]] = True
    threshold = best_value - margin
    closed = ~chosen & (base + rho - order[p - 1] > threshold)
    fixed_open = chosen & (base - rho + (order[p] if p < m else np.inf) > threshold)
    keep_sites = np.flatnonzero(~closed)
    stats["sites_closed"] = int(closed.sum())
    stats["sites_fixed_open"] = int(fixed_open.sum())

    sub = cost[:, keep_sites]
    level, distinct, count = _levels(sub)
    k = keep_sites.size
    site_lower = fixed_open[keep_sites].astype(float)
    model = _radius_model(sub, w, p, count - 1, site_lower, np.ones(k), level, distinct)
    col_cost, matrix, rlo, rhi, clo, chi, integer, offset, zoff = model
    stats["columns"] = int(matrix.shape[1])
    stats["rows"] = int(matrix.shape[0])
    stats["nonzeros"] = int(matrix.nnz)
    start = None
    position = np.searchsorted(keep_sites, best_sites)
    if np.isin(best_sites, keep_sites).all() and site_lower[position].sum() == site_lower.sum():
        start = _start_values(sub, position, count - 1, zoff, distinct, k)
    remaining = None
    if time_limit is not None:
        remaining = max(time_limit - (time.perf_counter() - began), 0.01)
    run = solve_mip(
        col_cost, matrix, rlo, rhi, clo, chi, integer, offset=offset, start=start,
        time_limit=remaining, abs_gap=margin, threads=threads, options=HIGHS_OPTIONS,
    )  # fmt: skip
    stats["mip_seconds"] = run.seconds
    if run.values is not None:
        sites = keep_sites[np.flatnonzero(run.values[:k] > 0.5)]
        if sites.size == p and value_of(sites) < best_value:
            best_sites, best_value = sites, value_of(sites)
    proven = run.status == "optimal"
    bound = best_value if proven else max(lower, run.bound if run.bound is not None else lower)
    return _solution(cost, best_sites, best_value, bound, proven, began, stats)


def _solution(cost, sites, value, bound, proven, began, stats) -> LocationSolution:
    sites = np.sort(np.asarray(sites))
    return LocationSolution(
        objective=float(value),
        bound=float(min(bound, value)),
        proven_optimal=bool(proven),
        seconds=time.perf_counter() - began,
        open_sites=sites,
        assignment=sites[np.argmin(cost[:, sites], axis=1)],
        stats=stats,
    )
