"""HiGHS (highspy) runs for the exact location solvers: start, cutoff, gap, limit.

:func:`solve_mip` passes a sparse model to HiGHS, hands it a starting
solution (from a heuristic), sets the gap to zero so the optimum is proven,
and reports what HiGHS established. :class:`LocationSolution` is the common
result of :mod:`.pmedian`, :mod:`.facility` and :mod:`.cpmp`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import highspy
import numpy as np
import scipy.sparse as sp

__all__ = ["LocationSolution", "MipOutcome", "highs_lp", "solve_mip"]


@dataclass
class MipOutcome:
    """What one HiGHS run established.

    Attributes
    ----------
    status : str
        ``"optimal"`` (proven at the requested gap), ``"time_limit"``,
        ``"infeasible"`` or ``"error"``.
    values : numpy.ndarray or None
        Column values of the best solution found.
    objective : float or None
        Its objective value (including the offset).
    bound : float or None
        Best proven lower bound.
    seconds : float
        Wall time of the run.
    row_duals : numpy.ndarray or None
        Row duals of a pure LP (``cost - A' duals`` are the reduced costs).
    """

    status: str
    values: np.ndarray | None
    objective: float | None
    bound: float | None
    seconds: float
    row_duals: np.ndarray | None = None


@dataclass
class LocationSolution:
    """A solved location problem.

    Attributes
    ----------
    objective : float
        Cost of the solution, recomputed from the instance data.
    bound : float
        Proven lower bound on the optimum.
    proven_optimal : bool
        True when ``objective`` is proven optimal (gap zero).
    seconds : float
        Wall time, heuristics and model building included.
    open_sites : numpy.ndarray
        Indices of the open sites, ascending.
    assignment : numpy.ndarray or None
        Site index serving each client (single assignment), else ``None``.
    flows : numpy.ndarray or None
        ``(clients, sites)`` fraction of each client's demand served by each
        site (split demand), else ``None``.
    stats : dict
        Model sizes and stage timings, for reports and benchmarks.
    """

    objective: float
    bound: float
    proven_optimal: bool
    seconds: float
    open_sites: np.ndarray
    assignment: np.ndarray | None = None
    flows: np.ndarray | None = None
    stats: dict = field(default_factory=dict)

    @property
    def gap(self) -> float:
        """Relative gap between objective and bound (0 when proven)."""
        if self.proven_optimal:
            return 0.0
        if not np.isfinite(self.bound):
            return float("inf")
        return max(0.0, self.objective - self.bound) / max(abs(self.objective), 1e-9)


def highs_lp(
    cost: np.ndarray,
    matrix: sp.spmatrix,
    row_lower: np.ndarray,
    row_upper: np.ndarray,
    col_lower: np.ndarray,
    col_upper: np.ndarray,
    *,
    offset: float = 0.0,
) -> highspy.HighsLp:
    """The LP ``min cost x + offset`` s.t. ``row_lower <= A x <= row_upper`` for HiGHS.

    Parameters
    ----------
    cost, col_lower, col_upper : numpy.ndarray
        One entry per column.
    matrix : scipy.sparse matrix
        Constraint matrix, rows x columns (duplicates are summed).
    row_lower, row_upper : numpy.ndarray
        One entry per row (``numpy.inf`` for a missing side).
    offset : float
        Constant added to the objective.

    Returns
    -------
    highspy.HighsLp
        Column-wise, ready for ``Highs.passModel``.
    """
    csc = sp.csc_matrix(matrix)
    csc.sum_duplicates()
    csc.sort_indices()
    num_row, num_col = csc.shape
    lp = highspy.HighsLp()
    lp.num_col_ = num_col
    lp.num_row_ = num_row
    lp.col_cost_ = np.asarray(cost, dtype=float)
    lp.col_lower_ = np.asarray(col_lower, dtype=float)
    lp.col_upper_ = np.asarray(col_upper, dtype=float)
    lp.row_lower_ = np.asarray(row_lower, dtype=float)
    lp.row_upper_ = np.asarray(row_upper, dtype=float)
    lp.offset_ = float(offset)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.num_col_ = num_col
    lp.a_matrix_.num_row_ = num_row
    lp.a_matrix_.start_ = csc.indptr.astype(np.int32)
    lp.a_matrix_.index_ = csc.indices.astype(np.int32)
    lp.a_matrix_.value_ = csc.data.astype(float)
    return lp


def solve_mip(
    cost: np.ndarray,
    matrix: sp.spmatrix,
    row_lower: np.ndarray,
    row_upper: np.ndarray,
    col_lower: np.ndarray,
    col_upper: np.ndarray,
    integer: np.ndarray,
    *,
    offset: float = 0.0,
    start: np.ndarray | None = None,
    cutoff: float | None = None,
    time_limit: float | None = None,
    abs_gap: float = 1e-6,
    threads: int | None = None,
    options: dict | None = None,
) -> MipOutcome:
    """Solve ``min cost x + offset`` s.t. ``row_lower <= A x <= row_upper`` with HiGHS.

    Parameters
    ----------
    cost, col_lower, col_upper : numpy.ndarray
        One entry per column.
    matrix : scipy.sparse matrix
        Constraint matrix, rows x columns.
    row_lower, row_upper : numpy.ndarray
        One entry per row (``numpy.inf`` for a missing side).
    integer : numpy.ndarray of bool
        True for integer columns.
    offset : float
        Constant added to the objective.
    start : numpy.ndarray, optional
        A feasible solution HiGHS starts from.
    cutoff : float, optional
        Upper bound on the optimum (``objective_bound``): HiGHS prunes every
        node that cannot beat it; with no solution below it the run ends
        ``"infeasible"`` (or ``"optimal_at_cutoff"``).
    time_limit : float, optional
        Seconds; ``None`` for none.
    abs_gap : float
        Absolute gap at which HiGHS stops. The relative gap is zero, so the
        optimum is proven; with integer objective data any value below 1
        proves it too.
    threads : int, optional
        HiGHS thread count.
    options : dict, optional
        Further HiGHS options.

    Returns
    -------
    MipOutcome
    """
    began = time.perf_counter()
    lp = highs_lp(cost, matrix, row_lower, row_upper, col_lower, col_upper, offset=offset)
    is_mip = bool(np.any(integer))
    if is_mip:
        kinds = np.where(
            np.asarray(integer, dtype=bool),
            highspy.HighsVarType.kInteger,
            highspy.HighsVarType.kContinuous,
        )
        lp.integrality_ = list(kinds)

    h = highspy.Highs()
    h.silent()
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", float(abs_gap))
    if time_limit is not None:
        h.setOptionValue("time_limit", max(float(time_limit), 0.01))
    if threads is not None:
        h.setOptionValue("threads", int(threads))
    if cutoff is not None and np.isfinite(cutoff):
        h.setOptionValue("objective_bound", float(cutoff))
    for key, value in (options or {}).items():
        h.setOptionValue(key, value)
    h.passModel(lp)
    if start is not None and is_mip:
        solution = highspy.HighsSolution()
        solution.col_value = list(np.asarray(start, dtype=float))
        solution.value_valid = True
        h.setSolution(solution)
    h.run()
    seconds = time.perf_counter() - began

    ms = highspy.HighsModelStatus
    model_status = h.getModelStatus()
    info = h.getInfo()
    values = None
    if info.primal_solution_status == 2:
        values = np.asarray(h.getSolution().col_value, dtype=float)
    objective = float(info.objective_function_value) if values is not None else None
    duals = None
    if is_mip:
        bound = float(info.mip_dual_bound)
    else:
        bound = objective
        if info.dual_solution_status == 2:
            duals = np.asarray(h.getSolution().row_dual, dtype=float)
    if model_status == ms.kOptimal:
        status = "optimal"
    elif model_status in (ms.kInfeasible, ms.kUnboundedOrInfeasible):
        status = "infeasible"
    elif model_status in (ms.kTimeLimit, ms.kIterationLimit, ms.kInterrupt, ms.kSolutionLimit):
        status = "time_limit"
    elif model_status == ms.kObjectiveBound:
        # Nothing beats the cutoff: the solution that set it is optimal.
        status = "optimal_at_cutoff"
    else:
        status = "error"
    h.clear()
    return MipOutcome(status, values, objective, bound, seconds, duals)
