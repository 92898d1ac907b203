"""Capacitated p-median (single assignment), solved exactly on HiGHS.

Open exactly ``p`` sites; every customer is served wholly by one open site
whose total served demand stays within its capacity::

    min  sum_ij c_ij x_ij
    s.t. sum_j x_ij = 1                      one site per customer
         sum_i q_i x_ij <= Q_j y_j           capacity
         x_ij <= y_j                         strong linking
         sum_j y_j = p
         x, y binary

Assignments that can never occur (a customer whose demand exceeds a site's
capacity) are left out. The model is one sparse matrix built without loops
over customer-site pairs.

With whole-number demands and capacities the solve goes in stages, each
ending it when the incumbent is proven:

1. the LP relaxation; its largest sites, assigned and improved by local
   moves, give the incumbent. While HiGHS solves the LP, a second thread
   assigns the sites of a good uncapacitated p-median solution and improves
   them by site swaps; that start takes over where it is cheaper and within
   3 % of the LP. Where the LP is 1.5-3 % below the incumbent, the exact
   assignment to the incumbent's sites (a small MIP) may lower it, unless
   both starts chose the same sites;
2. when the LP is 3-8 % below the incumbent, a short branch and bound over
   open sites (:mod:`.cpmp_branch`, LPs in :mod:`.cpmp_lp`) restricted to
   the sites the LP opens at all looks for a better incumbent (the optimum
   often lies among them); further below, the LP opens sites half-way in
   groups and its sites are a poor guide: the Lagrangian heuristic of
   stage 4 finds better ones;
3. when the LP is within 3 % of the incumbent, a short branch and bound
   over open sites on the model reduced by the LP's reduced costs;
4. a Lagrangian phase (:mod:`.cpmp_lagrange`): its bound and heuristic,
   then it closes sites, opens sites and drops
   customer-site pairs that cannot take part in any solution cheaper than
   the incumbent;
5. the branch and bound over open sites on that reduced model; when it
   finds no cheaper solution, the incumbent is optimal.

HiGHS's own branch and bound on the reduced model, with the incumbent cost
as objective cutoff, is the alternative (and the fallback should a node LP
fail).
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from capacityplanner.models.optimise.cpmp_branch import branch_on_sites
from capacityplanner.models.optimise.cpmp_lagrange import (
    assign_to_sites,
    lagrangian_bound,
    swap_sites,
)
from capacityplanner.models.optimise.cpmp_lp import (
    LpTimeUp,
    LpTrouble,
    NodeLp,
    assign_exactly,
    single_assignment_model,
)
from capacityplanner.models.optimise.mip import LocationSolution, solve_mip
from capacityplanner.models.optimise.pmedian import greedy_interchange

__all__ = ["solve_cpmp"]

_QUICK_SOLVES = 100  # LP solves of the search before the Lagrangian phase
_QUICK_GAP = 0.03  # that search runs when the root LP is this close to the incumbent
_QUICK_STRONG = 0  # no strong branching in the short searches: it costs more LPs than it saves
_SUPPORT_GAP = 0.08  # up to this LP gap the support search looks for incumbents (pmedcap10 4.3 %:
# it finds the optimum 829; pmedcap08 10.5 %: 859 -> 851 in 0.36 s, while the Lagrangian
# heuristic finds the optimum 820 either way)
_SUPPORT_SOLVES = 60  # LP solves of the incumbent search on the root LP's support
_SUPPORT_WORKERS = 1  # one worker: the same node order, so the same incumbent, every run
_SWAP_BEHIND = 0.01  # LP sites assigned further behind a start that replaces them get no swaps
_EXACT_GAP = 0.015  # from this LP gap to _QUICK_GAP, the exact assignment of the first sites


def _lagrange_applies(demand: np.ndarray, capacity: np.ndarray, n: int, m: int) -> bool:
    """Whole-number demands and capacities with a knapsack table of modest size."""
    whole = np.all(demand == np.round(demand)) and np.all(capacity == np.round(capacity))
    return bool(whole and capacity.max(initial=0) >= 0 and n * m * (capacity.max() + 1) <= 2e7)


def solve_cpmp(
    cost: np.ndarray,
    demand: np.ndarray,
    capacity: np.ndarray,
    p: int,
    *,
    time_limit: float | None = None,
    threads: int | None = None,
    lagrangian: bool = True,
    branch_sites: bool = True,
    workers: int | None = None,
) -> LocationSolution:
    """Solve the capacitated p-median problem to proven optimality.

    Parameters
    ----------
    cost : numpy.ndarray
        ``(customers, sites)`` cost of serving a customer from a site.
    demand : numpy.ndarray
        ``(customers,)`` demand of each customer.
    capacity : numpy.ndarray
        ``(sites,)`` capacity of each site.
    p : int
        Number of sites to open.
    time_limit : float, optional
        Seconds; on expiry the best solution found is returned with
        ``proven_optimal`` False.
    threads : int, optional
        HiGHS thread count.
    lagrangian : bool
        Run the Lagrangian phase (bound, heuristic, fixing) first when the
        demands and capacities are whole numbers; False sends the full model
        straight to the search.
    branch_sites : bool
        Search with the branch and bound over open sites
        (:mod:`.cpmp_branch`); False hands the reduced model to HiGHS's own
        branch and bound (also the fallback if a node LP fails).
    workers : int, optional
        Node LPs the site search solves at once, each in its own thread
        (default: two where there are two cores).

    Returns
    -------
    LocationSolution
        ``assignment`` holds the serving site of every customer;
        ``objective`` is ``inf`` when no assignment fits the capacities.
    """
    began = time.perf_counter()
    cost = np.asarray(cost, dtype=float)
    demand = np.asarray(demand, dtype=float)
    capacity = np.asarray(capacity, dtype=float)
    n, m = cost.shape
    if not 1 <= p <= m:
        raise ValueError(f"p must be between 1 and the number of sites {m}, got {p}")
    fits = demand[:, None] <= capacity[None, :]
    integral = bool(np.all(cost == np.round(cost)))
    margin = 1.0 - 1e-6 if integral else 1e-6
    stats: dict = {"customers": n, "sites": m, "p": p}
    upper, incumbent = np.inf, None
    lower = -np.inf
    y_lower, y_upper = np.zeros(m), np.ones(m)
    keep = fits
    costly = np.where(fits, cost, np.inf)  # pairs that cannot occur cost inf
    deadline = None if time_limit is None else began + time_limit
    if lagrangian and _lagrange_applies(demand, capacity, n, m):
        ii, jj = np.nonzero(fits)
        model = single_assignment_model(cost, demand, capacity, p, ii, jj)
        # Presolve removes nothing from the full model (pmedcap01-10: the same root solution
        # with and without it) and costs 3 ms.
        root = NodeLp(model, np.ones(m + ii.size), m, (ii, jj), demand, presolve=False)
        # HiGHS leaves the interpreter lock while it solves the root LP: the other core
        # meanwhile looks for a first incumbent without it.
        timed_out = False
        with ThreadPoolExecutor(max_workers=1) as pool:
            side = pool.submit(_start_without_lp, cost, costly, demand, capacity, p)
            try:
                z, values = root.solve(np.zeros(m), np.ones(m), deadline=deadline)
            except LpTrouble:
                z, values = -np.inf, None  # no LP answer: straight to the Lagrangian phase
            except LpTimeUp:
                z, values, timed_out = -np.inf, None, True
            side_upper, side_incumbent = side.result()
        if values is None and z == np.inf:
            return _answer(cost, None, np.inf, np.inf, True, began, stats, p)
        if timed_out:
            stats["start_upper"] = side_upper
            return _answer(cost, side_incumbent, side_upper, -np.inf, False, began, stats, p)
        start = None
        if values is None and side_incumbent is not None:
            upper, incumbent = side_upper, side_incumbent
        if values is not None:
            reduced, row_dual = root.duals()
            lp = _RootLp(float(z), values, reduced)
            start = row_dual[:n]
            lp_open = np.sort(np.argsort(-lp.values[:m], kind="stable")[:p])
            upper, incumbent = assign_to_sites(cost, demand, capacity, lp_open)
            # The p-median start found meanwhile replaces the LP's where it is cheaper and
            # brings the LP within _QUICK_GAP, so that the short search starts at once
            # (pmedcap09: 715, the optimum, against 737 from the LP's sites). Further from
            # the LP the later stages look for better incumbents either way, and a different
            # start only sends them another way (pmedcap08: 845 against 859; taking it, 11
            # fresh runs took 1.05-1.60 s, median 1.39 s, against 1.04-1.09 s).
            adopt = side_upper < lp.objective / (1 - _QUICK_GAP)
            # Site swaps improve the LP's sites unless they are the start's (whose own swaps
            # left them as they are) or far behind a start that replaces them.
            swap = not _same_sites(incumbent, side_incumbent) and not (
                adopt and upper > (1 + _SWAP_BEHIND) * side_upper
            )
            if incumbent is not None and float(lp.objective) <= upper - margin and swap:
                upper, incumbent = swap_sites(
                    costly, demand, capacity, incumbent, p, near=3, passes=2
                )
            gap = 1 - lp.objective / upper if incumbent is not None else 0.0
            if _EXACT_GAP < gap < _QUICK_GAP and not _same_sites(incumbent, side_incumbent):
                # Before the short search, the best assignment to these sites may close part
                # of the gap (wider gaps go to the support search and Lagrangian heuristics).
                # Where both starts chose the same sites, the search settles them if it must.
                obj, assignment, _ = assign_exactly(
                    cost, demand, capacity, np.unique(incumbent), cutoff=upper - 0.5 * margin,
                    time_limit=1.0, threads=threads,
                )  # fmt: skip
                if obj < upper:
                    upper, incumbent = obj, assignment
            if adopt and side_upper < upper:
                upper, incumbent = side_upper, side_incumbent
            stats["start_upper"] = side_upper
            stats |= {"lp_bound": round(float(lp.objective), 6), "lp_upper": upper}
            if incumbent is not None and float(lp.objective) > upper - margin:
                return _answer(cost, incumbent, upper, upper, True, began, stats, p)
            support = (1 - _SUPPORT_GAP) * upper <= lp.objective < (1 - _QUICK_GAP) * upper
            if incumbent is not None and branch_sites and support:
                upper, incumbent = _search_lp_support(
                    cost, demand, capacity, p, fits, lp.values[:m], upper, incumbent, margin,
                    deadline, threads,
                )  # fmt: skip
                stats["support_upper"] = upper
            if incumbent is not None and branch_sites and lp.objective >= (1 - _QUICK_GAP) * upper:
                quick = _search_lp_reduced(
                    cost, demand, capacity, p, fits, root, lp, upper, incumbent, margin,
                    deadline, threads, workers,
                )  # fmt: skip
                if quick is not None:
                    stats["lp_reduced_search"] = quick.stats
                    out_of_time = deadline is not None and time.perf_counter() > deadline
                    if quick.proven or out_of_time:
                        return _answer(
                            cost, quick.assignment, quick.upper, max(quick.bound, lower),
                            quick.proven, began, stats, p,
                        )  # fmt: skip
                    upper, incumbent = quick.upper, quick.assignment
        lag = lagrangian_bound(
            costly, demand, capacity, p, integral=integral, start=start, step=2.0, upper=upper,
            assignment=incumbent, iterations=100,
        )  # fmt: skip
        upper, incumbent, lower = lag.upper, lag.assignment, lag.bound
        if lower <= upper - margin and incumbent is not None:
            for sites in lag.open_sets[:1]:
                obj, where = assign_to_sites(costly, demand, capacity, sites)
                if where is not None:
                    obj, where = swap_sites(costly, demand, capacity, where, p, near=5)
                    if obj < upper:
                        upper, incumbent = obj, where
            obj, assignment, _ = assign_exactly(
                cost, demand, capacity, np.unique(incumbent), time_limit=1.0, threads=threads
            )
            if obj < upper:
                upper, incumbent = obj, assignment
            if upper < lag.upper:
                lag = lagrangian_bound(
                    costly, demand, capacity, p, integral=integral, start=lag.multipliers,
                    step=0.0, upper=upper, assignment=incumbent, iterations=1,
                )  # fmt: skip
        stats |= {
            "lagrangian_bound": round(lower, 6), "lagrangian_upper": upper,
            "lagrangian_iterations": lag.iterations,
            "lagrangian_seconds": round(time.perf_counter() - began, 4),
        }  # fmt: skip
        if np.isfinite(upper):
            y_upper[lag.closed_fixed] = 0.0
            y_lower[lag.open_fixed] = 1.0
            keep = fits & (lag.pair_bound <= upper - margin) & (y_upper > 0)[None, :]
            stats |= {
                "sites_closed": int(lag.closed_fixed.size),
                "sites_opened": int(lag.open_fixed.size),
            }
            if lower > upper - margin or not keep.any(axis=1).all() or y_upper.sum() < p:
                return _answer(cost, incumbent, upper, upper, True, began, stats, p)
    if incumbent is None:
        # Without the LP stages (fractional demands, a large knapsack table, or
        # ``lagrangian=False``) the searches below start from the p-median start, so that a
        # time limit still leaves a solution.
        upper, incumbent = _start_without_lp(cost, costly, demand, capacity, p)
        stats["start_upper"] = upper
    if branch_sites:
        try:
            out = branch_on_sites(
                cost, demand, capacity, p, keep, y_lower=y_lower, y_upper=y_upper, upper=upper,
                assignment=incumbent, margin=margin, deadline=deadline, threads=threads,
                workers=workers,
            )  # fmt: skip
        except LpTrouble as trouble:
            stats["site_search"] = f"stopped: {trouble}"
        else:
            stats |= out.stats
            bound = out.bound if out.proven else max(out.bound, lower)
            return _answer(cost, out.assignment, out.upper, bound, out.proven, began, stats, p)
    ii, jj = np.nonzero(keep)
    col_cost, matrix, row_lower, row_upper = single_assignment_model(
        cost, demand, capacity, p, ii, jj
    )
    ncol = m + ii.size
    stats |= {"columns": ncol, "nonzeros": int(matrix.nnz)}
    left = None if time_limit is None else max(time_limit - (time.perf_counter() - began), 0.01)
    run = solve_mip(
        col_cost, matrix, row_lower, row_upper,
        np.concatenate([y_lower, np.zeros(ii.size)]), np.concatenate([y_upper, np.ones(ii.size)]),
        np.ones(ncol, dtype=bool), abs_gap=0.999 if integral else 1e-6,
        cutoff=upper - margin + (0.5 if integral else 0.0) if np.isfinite(upper) else None,
        time_limit=left, threads=threads,
    )  # fmt: skip
    stats["status"] = run.status
    if run.values is not None:
        x = run.values[m:] > 0.5
        assignment = np.full(n, -1)
        assignment[ii[x]] = jj[x]
        objective = float(cost[np.arange(n), assignment].sum())
        if objective < upper:
            upper, incumbent = objective, assignment
    if run.status in ("optimal", "infeasible", "optimal_at_cutoff"):
        # The reduced model holds every solution cheaper than the incumbent.
        return _answer(cost, incumbent, upper, upper, True, began, stats, p)
    bound = max(lower, min(run.bound, upper) if run.bound is not None else -np.inf)
    return _answer(cost, incumbent, upper, bound, False, began, stats, p)


def _same_sites(assignment: np.ndarray | None, other: np.ndarray | None) -> bool:
    """Both assignments exist and serve customers from the same sites."""
    if assignment is None or other is None:
        return False
    return bool(np.array_equal(np.unique(assignment), np.unique(other)))


def _start_without_lp(cost, costly, demand, capacity, p):
    """A first incumbent that needs no LP, found while HiGHS solves the root LP.

    The sites of a good uncapacitated p-median solution (greedy adding,
    then vertex substitution), assigned within the capacities and improved
    by site swaps. Returns the objective and the serving site per customer
    (``inf`` and ``None`` when the assignment fails).
    """
    sites = np.sort(greedy_interchange(cost, np.ones(cost.shape[0]), p))
    upper, incumbent = assign_to_sites(costly, demand, capacity, sites)
    if incumbent is None:
        return np.inf, None
    return swap_sites(costly, demand, capacity, incumbent, p, near=5)


def _search_lp_support(
    cost, demand, capacity, p, fits, y, upper, incumbent, margin, deadline, threads
):  # fmt: skip
    """A better incumbent from the sites the root LP opens at all (and the incumbent's).

    A site search restricted to them, within ``_SUPPORT_SOLVES`` LP solves;
    it often finds the optimum there when the LP is far below the first
    incumbent. Returns the (possibly) improved incumbent.
    """
    m = cost.shape[1]
    support = y > 1e-6
    support[np.unique(incumbent)] = True
    try:
        near = branch_on_sites(
            cost, demand, capacity, p, fits & support[None, :], y_lower=np.zeros(m),
            y_upper=support.astype(float), upper=upper, assignment=incumbent, margin=margin,
            deadline=deadline, solve_limit=_SUPPORT_SOLVES, strong_candidates=_QUICK_STRONG,
            threads=threads, workers=_SUPPORT_WORKERS,
        )  # fmt: skip
    except LpTrouble:
        return upper, incumbent
    return near.upper, near.assignment


def _search_lp_reduced(
    cost, demand, capacity, p, fits, root, lp, upper, incumbent, margin, deadline, threads,
    workers,
):  # fmt: skip
    """Site search on the model reduced by the root LP's reduced costs.

    Sites and customer-site pairs whose reduced cost exceeds the gap between
    the incumbent and the LP bound are left out, and the search gets a budget
    of ``_QUICK_SOLVES`` LP solves. With the LP within ``_QUICK_GAP`` of the
    incumbent most instances end here, without the Lagrangian phase; the
    others go on to it with the incumbent this found. The search starts from
    the root LP's basis, with the columns left out deleted. Returns ``None``
    if a node LP fails.
    """
    m = cost.shape[1]
    ii, jj = root.ii, root.jj
    reduced = lp.reduced
    gap = upper - margin - lp.objective
    y_upper = np.where((reduced[:m] > gap) & (lp.values[:m] < 1e-9), 0.0, 1.0)
    kept = ~((reduced[m:] > gap) & (lp.values[m:] < 1e-9)) & (y_upper[jj] > 0)
    keep = np.zeros_like(fits)
    keep[ii[kept], jj[kept]] = True
    try:
        return branch_on_sites(
            cost, demand, capacity, p, keep, y_lower=np.zeros(m), y_upper=y_upper, upper=upper,
            assignment=incumbent, margin=margin, deadline=deadline, solve_limit=_QUICK_SOLVES,
            strong_candidates=_QUICK_STRONG, threads=threads, workers=workers,
            lp=root.restrict(kept, y_upper),
        )  # fmt: skip
    except LpTrouble:
        return None


@dataclass
class _RootLp:
    """The root LP relaxation's value, column values and reduced costs."""

    objective: float
    values: np.ndarray
    reduced: np.ndarray


def _open_sites(assignment: np.ndarray, p: int, m: int) -> np.ndarray:
    """Serving sites, topped up to ``p`` with the first idle sites."""
    used = np.unique(assignment)
    idle = np.setdiff1d(np.arange(m), used)[: max(p - used.size, 0)]
    return np.sort(np.concatenate([used, idle]))


def _answer(
    cost: np.ndarray,
    assignment: np.ndarray | None,
    objective: float,
    bound: float,
    proven: bool,
    began: float,
    stats: dict,
    p: int,
) -> LocationSolution:
    """Package a result; no assignment means no capacity-feasible solution."""  # fmt: skip
    if assignment is None:
        return LocationSolution(
            objective=np.inf, bound=np.inf if proven else bound, proven_optimal=proven,
            seconds=time.perf_counter() - began, open_sites=np.array([], dtype=int), stats=stats,
        )  # fmt: skip
    return LocationSolution(
        objective=float(cost[np.arange(cost.shape[0]), assignment].sum()),
        bound=objective if proven else float(bound),
        proven_optimal=proven,
        seconds=time.perf_counter() - began,
        open_sites=_open_sites(assignment, p, cost.shape[1]),
        assignment=assignment,
        stats=stats,
    )
