"""Capacitated facility location with split demand, solved exactly on HiGHS.

Open sites (fixed cost ``f_j``, capacity ``s_j``) and serve every customer's
demand ``d_i``, possibly from several sites; serving the fraction ``x_ij``
costs ``x_ij c_ij`` (``c_ij`` is the cost of serving all of it)::

    min  sum_j f_j y_j + sum_ij c_ij x_ij
    s.t. sum_j x_ij = 1                      every customer fully served
         sum_i d_i x_ij <= s_j y_j           capacity of an open site
         x_ij <= y_j                         strong linking
         sum_j s_j y_j >= sum_i d_i          enough capacity opened (cover cut)
         y binary, 0 <= x <= 1

The strong linking rows make the relaxation tight (the OR-Library cap
optima assume this split-demand model). Everything is assembled as one
sparse matrix without loops over customer-site pairs.
"""

from __future__ import annotations

import time

import numpy as np
import scipy.sparse as sp

from capacityplanner.models.optimise.mip import LocationSolution, solve_mip

__all__ = ["solve_facility"]


def solve_facility(
    capacity: np.ndarray,
    fixed_cost: np.ndarray,
    demand: np.ndarray,
    cost: np.ndarray,
    *,
    time_limit: float | None = None,
    threads: int | None = None,
) -> LocationSolution:
    """Solve capacitated facility location (split demand) to proven optimality.

    Parameters
    ----------
    capacity, fixed_cost : numpy.ndarray
        ``(sites,)`` capacity and opening cost of each site.
    demand : numpy.ndarray
        ``(customers,)`` demand of each customer.
    cost : numpy.ndarray
        ``(customers, sites)`` cost of serving all of a customer's demand
        from a site.
    time_limit : float, optional
        Seconds; on expiry the best solution found is returned with
        ``proven_optimal`` False.
    threads : int, optional
        HiGHS thread count.

    Returns
    -------
    LocationSolution
        ``flows`` holds the served fractions; ``objective`` is ``inf`` when
        the total capacity cannot meet the demand.
    """
    began = time.perf_counter()
    capacity = np.asarray(capacity, dtype=float)
    fixed_cost = np.asarray(fixed_cost, dtype=float)
    demand = np.asarray(demand, dtype=float)
    cost = np.asarray(cost, dtype=float)
    n, m = cost.shape
    nx = n * m
    ii, jj = np.divmod(np.arange(nx), m)  # x column k = i * m + j
    x_col = m + np.arange(nx)
    # Rows: n assignment, m capacity, nx linking, 1 cover.
    r_assign = ii
    r_cap_x, r_cap_y = n + jj, n + np.arange(m)
    r_link = n + m + np.arange(nx)
    r_cover = n + m + nx
    rows = np.concatenate([r_assign, r_cap_x, r_cap_y, r_link, r_link, np.full(m, r_cover)])
    cols = np.concatenate([x_col, x_col, np.arange(m), x_col, jj, np.arange(m)])
    vals = np.concatenate([np.ones(nx), demand[ii], -capacity, np.ones(nx), -np.ones(nx), capacity])
    matrix = sp.csc_matrix((vals, (rows, cols)), shape=(r_cover + 1, m + nx))
    total = float(demand.sum())
    row_lower = np.concatenate([np.ones(n), np.full(m + nx, -np.inf), [total]])
    row_upper = np.concatenate([np.ones(n), np.zeros(m + nx), [np.inf]])
    col_cost = np.concatenate([fixed_cost, cost.ravel()])
    integer = np.concatenate([np.ones(m, dtype=bool), np.zeros(nx, dtype=bool)])
    stats = {"customers": n, "sites": m, "columns": m + nx, "nonzeros": int(matrix.nnz)}
    if capacity.sum() < total:
        return LocationSolution(
            objective=np.inf, bound=np.inf, proven_optimal=True,
            seconds=time.perf_counter() - began, open_sites=np.array([], dtype=int),
            stats=stats | {"status": "infeasible"},
        )  # fmt: skip
    run = solve_mip(
        col_cost, matrix, row_lower, row_upper, np.zeros(m + nx), np.ones(m + nx), integer,
        time_limit=time_limit, threads=threads,
    )  # fmt: skip
    stats["status"] = run.status
    if run.values is None:
        bound = run.bound if run.bound is not None else -np.inf
        return LocationSolution(
            objective=np.inf, bound=bound, proven_optimal=run.status == "infeasible",
            seconds=time.perf_counter() - began, open_sites=np.array([], dtype=int),
            stats=stats,
        )  # fmt: skip
    y = run.values[:m] > 0.5
    flows = np.clip(run.values[m:].reshape(n, m), 0.0, 1.0)
    flows[:, ~y] = 0.0
    objective = float(fixed_cost[y].sum() + (cost * flows).sum())
    proven = run.status == "optimal"
    return LocationSolution(
        objective=objective,
        bound=objective if proven else float(run.bound),
        proven_optimal=proven,
        seconds=time.perf_counter() - began,
        open_sites=np.flatnonzero(y),
        flows=flows,
        stats=stats,
    )
