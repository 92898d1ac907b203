"""Lagrangian bound and heuristic for the capacitated p-median problem.

Relaxing the assignment rows ``sum_j x_ij = 1`` with multipliers ``lam``
leaves one 0/1 knapsack per site (customers as items, reduced cost
``c_ij - lam_i`` as value, demand as weight, the site capacity as size);
the ``p`` sites with the most negative knapsack values open. The knapsacks
are solved by dynamic programming over integer demands, all sites at once
(numpy, one step per customer). Subgradient optimisation gives a lower
bound far above the LP bound, and the open sets it visits seed a
single-assignment heuristic (regret greedy, then shift and swap moves).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "LagrangianResult",
    "assign_to_sites",
    "knapsack_items",
    "lagrangian_bound",
    "site_knapsacks",
    "swap_sites",
]


@dataclass
class LagrangianResult:
    """Outcome of the subgradient optimisation.

    Attributes
    ----------
    bound : float
        Best Lagrangian lower bound.
    multipliers : numpy.ndarray
        Multipliers that gave it.
    upper : float
        Best heuristic objective found (``inf`` when none fits).
    assignment : numpy.ndarray or None
        Its serving site per customer.
    open_fixed : numpy.ndarray
        Sites that must open in any solution cheaper than ``upper``.
    closed_fixed : numpy.ndarray
        Sites that stay closed in any solution cheaper than ``upper``.
    pair_bound : numpy.ndarray
        ``(customers, sites)`` lower bound on any solution that serves the
        customer from the site.
    iterations : int
        Subgradient steps taken.
    open_sets : list of numpy.ndarray
        Distinct open sets the subproblem chose, best Lagrangian value first.
    """

    bound: float
    multipliers: np.ndarray
    upper: float
    assignment: np.ndarray | None
    open_fixed: np.ndarray
    closed_fixed: np.ndarray
    pair_bound: np.ndarray
    iterations: int
    open_sets: list


def site_knapsacks(
    value: np.ndarray, weight: np.ndarray, size: np.ndarray, keep: bool
) -> tuple[np.ndarray, np.ndarray | None]:
    """Maximise ``sum value[i, j]`` per site ``j`` within capacity ``size[j]``.

    One 0/1 knapsack per site, customers as items, solved together by
    dynamic programming over the whole-number weights.

    Parameters
    ----------
    value : numpy.ndarray
        ``(items, sites)`` value of taking an item at a site (``-inf``: never).
    weight : numpy.ndarray
        ``(items,)`` whole-number weights.
    size : numpy.ndarray
        ``(sites,)`` whole-number capacities.
    keep : bool
        Also return the take-decisions, for :func:`knapsack_items`.

    Returns
    -------
    tuple of numpy.ndarray and numpy.ndarray or None
        The best value per site and, with ``keep``, the table
        ``took[i, j, t]``: item ``i`` is taken when ``t`` units are left for
        items ``0..i``.
    """
    n, m = value.shape
    top = int(size.max())
    best = np.zeros((m, top + 1))
    took = np.zeros((n, m, top + 1), dtype=bool) if keep else None
    for i in range(n):
        w = int(weight[i])
        gain = value[i]
        if w == 0:
            pos = gain > 0
            best += np.where(pos, gain, 0.0)[:, None]
            if keep:
                took[i] = pos[:, None]
            continue
        if w > top:
            continue
        cand = best[:, : top + 1 - w] + gain[:, None]
        better = cand > best[:, w:]
        if keep:
            took[i, :, w:] = better
        np.maximum(best[:, w:], cand, out=best[:, w:])
    return best[np.arange(m), size], took


def _candidates(value: np.ndarray, weight: np.ndarray, size: np.ndarray, p: int) -> np.ndarray:
    """Sites whose knapsack can be among the ``p`` most valuable.

    A greedy fill by value per unit of weight gives each site a feasible
    value (lower bound) and, with the first item that no longer fits taken
    fractionally, the LP bound (upper bound); a site whose upper bound is
    below the ``p``-th largest lower bound cannot be chosen.
    """
    m = value.shape[1]
    if m <= p:
        return np.arange(m)
    gain = np.maximum(value, 0.0)
    w = np.maximum(weight, 1e-9)[:, None]
    order = np.argsort(-gain / w, axis=0, kind="stable")
    v = np.take_along_axis(gain, order, axis=0)
    wt = np.broadcast_to(weight[:, None], gain.shape)
    wt = np.take_along_axis(wt, order, axis=0).astype(float)
    fill = np.cumsum(wt, axis=0)
    fits = fill <= size[None, :]
    lower = np.where(fits, v, 0.0).sum(axis=0)
    first = fits.sum(axis=0)  # index of the first item that does not fit
    cols = np.arange(m)
    inside = first < v.shape[0]
    row = np.minimum(first, v.shape[0] - 1)
    before = np.where(first > 0, fill[np.maximum(first - 1, 0), cols], 0.0)
    part = v[row, cols] * (size - before) / np.maximum(wt[row, cols], 1e-9)
    upper = lower + np.where(inside, np.clip(part, 0.0, None), 0.0)
    kth = np.partition(lower, m - p)[m - p]
    return np.flatnonzero(upper >= kth - 1e-9)


def knapsack_items(
    took: np.ndarray, weight: np.ndarray, size: np.ndarray, sites: np.ndarray
) -> np.ndarray:
    """Items the best knapsacks of ``sites`` take.

    Parameters
    ----------
    took : numpy.ndarray
        Take-decisions from :func:`site_knapsacks`.
    weight, size : numpy.ndarray
        The weights and capacities it was given.
    sites : numpy.ndarray
        Positions of the sites (columns of ``took``) to read.

    Returns
    -------
    numpy.ndarray
        Boolean ``(items, len(sites))``.
    """
    n = took.shape[0]
    left = size[sites].copy()
    chosen = np.zeros((n, sites.size), dtype=bool)
    for i in range(n - 1, -1, -1):
        t = took[i, sites, left]
        chosen[i] = t
        left = left - t * int(weight[i])
    return chosen


def _pair_bound(value: np.ndarray, weight: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Best knapsack value per site when item ``i`` is forced in: ``(items, sites)``.

    Prefix and suffix tables (best value within ``t`` units over items
    before / after ``i``) are combined over every split of the remaining
    capacity.
    """
    n, m = value.shape
    top = int(size.max())
    prefix = np.zeros((n + 1, m, top + 1))
    for i in range(n):
        w = int(weight[i])
        cur = prefix[i].copy()
        if w <= top:
            cand = cur[:, : top + 1 - w] + value[i][:, None]
            np.maximum(cur[:, w:], cand, out=cur[:, w:])
        prefix[i + 1] = cur
    suffix = np.zeros((n + 1, m, top + 1))
    for i in range(n - 1, -1, -1):
        w = int(weight[i])
        cur = suffix[i + 1].copy()
        if w <= top:
            cand = cur[:, : top + 1 - w] + value[i][:, None]
            np.maximum(cur[:, w:], cand, out=cur[:, w:])
        suffix[i] = cur
    forced = np.full((n, m), -np.inf)
    sites = np.arange(m)
    for i in range(n):
        room = size - int(weight[i])  # capacity left for the other items
        ok = room >= 0
        if not ok.any():
            continue
        t = np.arange(top + 1)
        # best over a + b <= room: prefix[i][:, a] + suffix[i + 1][:, room - a]
        b = room[:, None] - t[None, :]
        valid = (b >= 0) & ok[:, None]
        pre = prefix[i]
        suf = suffix[i + 1][sites[:, None], np.clip(b, 0, top)]
        total = np.where(valid, pre + suf, -np.inf).max(axis=1)
        forced[i] = np.where(ok, total + value[i], -np.inf)
    return forced


def _regret_greedy(sub: np.ndarray, demand: np.ndarray, room: np.ndarray) -> np.ndarray | None:
    """Regret greedy recomputed after every assignment (for tight capacities)."""
    n = sub.shape[0]
    room = room.copy()
    where = np.full(n, -1)
    todo = np.ones(n, dtype=bool)
    for _ in range(n):
        fits = (demand[:, None] <= room[None, :]) & todo[:, None]
        c = np.where(fits, sub, np.inf)
        if not np.isfinite(c[todo].min(axis=1)).all():
            return None
        part = np.sort(c, axis=1)
        second = part[:, 1] if part.shape[1] > 1 else np.full(n, np.inf)
        regret = np.full(n, 1e12)
        np.subtract(second, part[:, 0], out=regret, where=np.isfinite(second))
        regret = np.where(todo, regret + 1e-9 * demand, -1.0)
        i = int(np.argmax(regret))
        k = int(np.argmin(c[i]))
        where[i] = k
        room[k] -= demand[i]
        todo[i] = False
    return where


def assign_to_sites(
    cost: np.ndarray, demand: np.ndarray, capacity: np.ndarray, sites: np.ndarray
) -> tuple[float, np.ndarray | None]:
    """Single-assign customers to the open ``sites`` within their capacities.

    Regret greedy (customers in order of the cost difference between their
    two best sites, each to its cheapest site with room), then shift and
    swap moves until none improves.

    Returns
    -------
    tuple of float and numpy.ndarray or None
        Objective and serving site per customer; ``inf`` and ``None`` when
        the greedy finds no feasible assignment.
    """
    n = cost.shape[0]
    sub = cost[:, sites]
    room = capacity[sites].astype(float).copy()
    where = np.full(n, -1)
    part = np.sort(sub, axis=1)
    regret = part[:, 1] - part[:, 0] if part.shape[1] > 1 else np.zeros(n)
    regret = np.where(np.isfinite(regret), regret, 1e12)
    prefer = np.argsort(sub, axis=1, kind="stable")
    for i in np.lexsort((-demand, -regret)):
        q = demand[i]
        for k in prefer[i]:
            if q <= room[k] and np.isfinite(sub[i, k]):
                where[i] = k
                room[k] -= q
                break
        else:
            where = _regret_greedy(sub, demand, capacity[sites].astype(float))
            if where is None:
                return np.inf, None
            room = capacity[sites] - np.bincount(where, weights=demand, minlength=sites.size)
            break
    rows = np.arange(n)
    for _ in range(10 * n):
        now = sub[rows, where]
        # Shift: customer i to site k with room.
        gain = now[:, None] - sub
        gain[(demand[:, None] > room[None, :])] = -1.0
        gain[rows, where] = -1.0
        i, k = np.unravel_index(np.argmax(gain), gain.shape)
        if gain[i, k] > 1e-9:
            room[where[i]] += demand[i]
            room[k] -= demand[i]
            where[i] = k
            continue
        # Swap: customers a and b exchange sites.
        wa = where[:, None]
        wb = where[None, :]
        delta = now[:, None] + now[None, :] - sub[:, where] - sub[:, where].T
        dq = demand[:, None] - demand[None, :]
        fit = (room[wb] >= dq) & (room[wa] >= -dq) & (wa != wb)
        delta = np.where(fit, delta, -1.0)
        a, b = np.unravel_index(np.argmax(delta), delta.shape)
        if delta[a, b] > 1e-9:
            ka, kb = where[a], where[b]
            room[ka] += demand[a] - demand[b]
            room[kb] += demand[b] - demand[a]
            where[a], where[b] = kb, ka
            continue
        break
    return float(sub[rows, where].sum()), sites[where]


def swap_sites(
    cost: np.ndarray,
    demand: np.ndarray,
    capacity: np.ndarray,
    assignment: np.ndarray,
    p: int,
    *,
    near: int = 10,
    passes: int = 6,
) -> tuple[float, np.ndarray]:
    """Improve a solution by moving one open site to a nearby closed one.

    Each open site is tried against the ``near`` closed sites its customers
    reach most cheaply; the first move that lowers the cost after
    :func:`assign_to_sites` is kept.

    Returns
    -------
    tuple of float and numpy.ndarray
        Objective and serving site per customer.
    """
    m = cost.shape[1]
    rows = np.arange(cost.shape[0])
    best = float(cost[rows, assignment].sum())
    sites = np.unique(assignment)
    if sites.size < p:
        extra = np.setdiff1d(np.arange(m), sites)[: p - sites.size]
        sites = np.sort(np.concatenate([sites, extra]))
    tried: set[tuple[int, ...]] = {tuple(sites)}
    for _ in range(passes):
        moved = False
        for s in list(sites):
            members = assignment == s
            spread = cost[members].sum(axis=0) if members.any() else cost[:, s]
            spread = np.where(np.isin(np.arange(m), sites), np.inf, spread)
            for t in np.argsort(spread, kind="stable")[:near]:
                trial = np.sort(np.where(sites == s, t, sites))
                key = tuple(trial)
                if key in tried or not np.isfinite(spread[t]):
                    continue
                tried.add(key)
                obj, where = assign_to_sites(cost, demand, capacity, trial)
                if obj < best - 1e-9:
                    best, assignment, sites, moved = obj, where, trial, True
                    break
        if not moved:
            break
    return best, assignment


def lagrangian_bound(
    cost: np.ndarray,
    demand: np.ndarray,
    capacity: np.ndarray,
    p: int,
    *,
    iterations: int = 300,
    integral: bool = True,
    start: np.ndarray | None = None,
    step: float = 2.0,
    upper: float = np.inf,
    assignment: np.ndarray | None = None,
    tries: int = 12,
) -> LagrangianResult:
    """Subgradient optimisation of the assignment-row Lagrangian.

    Parameters
    ----------
    cost : numpy.ndarray
        ``(customers, sites)`` cost; pairs that cannot occur hold ``inf``.
    demand, capacity : numpy.ndarray
        Whole-number demands and capacities.
    p : int
        Number of sites to open.
    iterations : int
        Maximum subgradient steps.
    integral : bool
        Costs are whole numbers, so a bound above ``upper - 1`` proves
        ``upper`` optimal.
    start : numpy.ndarray, optional
        First multipliers (e.g. the LP duals of the assignment rows); by
        default each customer's second-cheapest cost.
    step : float
        First step factor of the subgradient method (halved when the bound
        stalls).
    upper, assignment : float and numpy.ndarray, optional
        A known solution and its objective.
    tries : int
        Open sets handed to :func:`assign_to_sites` (the first distinct ones).

    Returns
    -------
    LagrangianResult
    """
    n, m = cost.shape
    weight = demand.astype(int)
    size = capacity.astype(int)
    finite = np.isfinite(cost)
    c = np.where(finite, cost, 0.0)
    srt = np.sort(np.where(finite, cost, np.inf), axis=1)
    if start is None:
        lam = srt[:, min(1, m - 1)].copy()
        lam[~np.isfinite(lam)] = srt[~np.isfinite(lam), 0]
    else:
        lam = np.asarray(start, dtype=float).copy()
    best_bound, best_lam = -np.inf, lam.copy()
    best_assign = assignment
    seen: dict[tuple[int, ...], float] = {}
    stall = 0
    eps = 1.0 - 1e-6 if integral else 1e-9
    done = 0
    while done < iterations:
        done += 1
        value = np.where(finite, lam[:, None] - c, -np.inf)
        cand = _candidates(value, weight, size, p)
        kv, took = site_knapsacks(value[:, cand], weight, size[cand], keep=True)
        pick = np.sort(np.argsort(-kv, kind="stable")[:p])
        sites = cand[pick]
        bound = float(lam.sum() - kv[pick].sum())
        if bound > best_bound + 1e-9:
            best_bound, best_lam, stall = bound, lam.copy(), 0
        else:
            stall += 1
            if stall >= 8:
                step, stall = step / 2, 0
        key = tuple(sites)
        if key in seen:
            seen[key] = max(seen[key], bound)
        elif len(seen) >= tries:
            seen[key] = bound
        else:
            seen[key] = bound
            obj, assignment = assign_to_sites(cost, demand, capacity, sites)
            if obj < upper:
                upper, best_assign = obj, assignment
        if best_bound > upper - eps or step < 0.02:
            break
        chosen = knapsack_items(took, weight, size[cand], pick)
        grad = 1.0 - chosen.sum(axis=1)
        norm = float(grad @ grad)
        if norm == 0:
            break
        target = upper if np.isfinite(upper) else 1.05 * abs(best_bound) + 1.0
        lam = lam + step * (target - bound) / norm * grad
    # Fixing with the best multipliers.
    value = np.where(finite, best_lam[:, None] - c, -np.inf)
    kv, _ = site_knapsacks(value, weight, size, keep=False)
    contrib = -kv  # per-site Lagrangian cost when open
    order = np.argsort(contrib, kind="stable")
    base = float(best_lam.sum())
    inside = np.zeros(m, dtype=bool)
    inside[order[:p]] = True
    kth, next_ = contrib[order[p - 1]], contrib[order[p]] if p < m else np.inf
    chosen_sum = contrib[order[:p]].sum()
    # Bound with site j forced open (if outside) or closed (if inside).
    forced_open = base + chosen_sum + np.where(inside, 0.0, contrib - kth)
    forced_closed = base + chosen_sum + np.where(inside, next_ - contrib, 0.0)
    limit = upper - eps
    closed_fixed = np.flatnonzero(forced_open > limit)
    open_fixed = np.flatnonzero(forced_closed > limit)
    forced = -_pair_bound(value, weight, size)  # knapsack cost with i forced in
    pair = base + chosen_sum + forced - np.where(inside, contrib, kth)[None, :]
    pair[~finite] = np.inf
    ranked = sorted(seen, key=seen.get, reverse=True)
    return LagrangianResult(
        best_bound, best_lam, upper, best_assign, open_fixed, closed_fixed, pair, done,
        [np.array(k) for k in ranked],
    )  # fmt: skip
