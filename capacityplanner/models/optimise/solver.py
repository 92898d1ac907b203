"""A thin HiGHS (highspy) wrapper: progress, cancel, time limit and MIP gap.

The planning models assemble a :class:`LinearProgram` (sparse, column-wise)
and hand it to :func:`solve_program`. The wrapper

* reports progress through ``progress(fraction_or_None, message)`` at most a
  few times a second (fraction is the share of the time limit used, or
  ``None`` when there is no time limit);
* runs HiGHS on a worker thread (highspy releases the GIL) and watches
  ``cancel`` (a :class:`threading.Event` or a callable returning ``bool``)
  from the calling thread every 50 ms. On cancel it asks HiGHS to stop
  through its interrupt callbacks; HiGHS only checks those between phases
  of its work (sometimes seconds apart), so after a short grace the wrapper
  returns at once with the best solution the improving-solution callback
  reported, and the worker ends by itself at its next check;
* maps the HiGHS model status to a small vocabulary a planner understands.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import highspy
import numpy as np
import scipy.sparse as sp

ProgressCallback = Callable[[float | None, str], None]
CancelToken = threading.Event | Callable[[], bool]

#: How often (seconds) progress messages are passed on at most.
PROGRESS_INTERVAL = 0.25
#: How often (seconds) the calling thread checks for cancel and time.
POLL_INTERVAL = 0.05
#: Seconds to wait for HiGHS to stop after an interrupt before returning without it.
ABANDON_GRACE = 0.3


@dataclass
class LinearProgram:
    """A minimisation problem ``min c x + offset`` s.t. ``row_lower <= A x <= row_upper``.

    Parameters
    ----------
    cost, col_lower, col_upper : numpy.ndarray
        One entry per column.
    integrality : numpy.ndarray of bool
        True for integer (here: binary) columns.
    matrix : scipy.sparse.csc_matrix
        Constraint matrix, rows x columns.
    row_lower, row_upper : numpy.ndarray
        One entry per row; use ``numpy.inf`` for a missing side.
    offset : float
        Constant added to the objective.
    """

    cost: np.ndarray
    col_lower: np.ndarray
    col_upper: np.ndarray
    integrality: np.ndarray
    matrix: sp.csc_matrix
    row_lower: np.ndarray
    row_upper: np.ndarray
    offset: float = 0.0

    @property
    def num_col(self) -> int:
        return int(self.cost.shape[0])

    @property
    def num_row(self) -> int:
        return int(self.row_lower.shape[0])


@dataclass
class SolveOutcome:
    """What one HiGHS run produced.

    ``status`` is one of ``"optimal"``, ``"time_limit"``, ``"cancelled"``,
    ``"infeasible"`` or ``"error"``. ``values`` holds the column values of
    the best solution found (``None`` when there is none).
    """

    status: str
    values: np.ndarray | None
    objective: float | None
    bound: float | None
    gap: float | None
    seconds: float
    message: str = ""

    @property
    def has_solution(self) -> bool:
        return self.values is not None


def is_cancelled(cancel: CancelToken | None) -> bool:
    """True when the cancel token (event or callable) asks to stop."""
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def _to_highs_lp(program: LinearProgram) -> highspy.HighsLp:
    matrix = sp.csc_matrix(program.matrix)
    matrix.sort_indices()
    lp = highspy.HighsLp()
    lp.num_col_ = program.num_col
    lp.num_row_ = program.num_row
    lp.col_cost_ = np.asarray(program.cost, dtype=float)
    lp.col_lower_ = np.asarray(program.col_lower, dtype=float)
    lp.col_upper_ = np.asarray(program.col_upper, dtype=float)
    lp.row_lower_ = np.asarray(program.row_lower, dtype=float)
    lp.row_upper_ = np.asarray(program.row_upper, dtype=float)
    lp.offset_ = float(program.offset)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.num_col_ = program.num_col
    lp.a_matrix_.num_row_ = program.num_row
    lp.a_matrix_.start_ = matrix.indptr.astype(np.int32)
    lp.a_matrix_.index_ = matrix.indices.astype(np.int32)
    lp.a_matrix_.value_ = matrix.data.astype(float)
    if np.any(program.integrality):
        integer = highspy.HighsVarType.kInteger
        continuous = highspy.HighsVarType.kContinuous
        lp.integrality_ = [integer if flag else continuous for flag in program.integrality]
    return lp


def solve_program(
    program: LinearProgram,
    *,
    time_limit: float | None = None,
    mip_rel_gap: float = 0.0,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    label: str = "solve",
    threads: int | None = None,
) -> SolveOutcome:
    """Solve ``program`` with HiGHS, honouring progress, cancel and limits.

    Parameters
    ----------
    program : LinearProgram
        The model (LP or MIP).
    time_limit : float, optional
        Seconds; ``None`` for no limit.
    mip_rel_gap : float
        Relative MIP gap at which to stop; 0 proves optimality.
    progress : callable, optional
        ``progress(fraction_or_None, message)``.
    cancel : threading.Event or callable, optional
        Checked from HiGHS' interrupt callbacks.
    label : str
        Prefix for progress messages (e.g. ``"plan"``).
    threads : int, optional
        HiGHS thread count (default: HiGHS' own choice).

    Returns
    -------
    SolveOutcome
    """
    start = time.perf_counter()
    if is_cancelled(cancel):
        return SolveOutcome("cancelled", None, None, None, None, 0.0, "cancelled before start")
    h = highspy.Highs()
    h.silent()
    h.setOptionValue("mip_rel_gap", float(mip_rel_gap))
    if time_limit is not None:
        h.setOptionValue("time_limit", max(float(time_limit), 0.01))
    if threads is not None:
        h.setOptionValue("threads", int(threads))
    h.passModel(_to_highs_lp(program))
    is_mip = bool(np.any(program.integrality))

    # Shared between the HiGHS thread (callbacks) and this thread.
    state: dict = {"stop": False, "best": None, "primal": np.inf, "dual": -np.inf, "gap": None}

    def interrupt(event: highspy.highs.HighsCallbackEvent) -> None:
        out = event.data_out
        if event.callback_type == highspy.cb.HighsCallbackType.kCallbackMipInterrupt:
            state["dual"] = out.mip_dual_bound
            state["gap"] = out.mip_gap
        if state["stop"] or is_cancelled(cancel):
            state["stop"] = True
            event.interrupt()

    def improving(event: highspy.highs.HighsCallbackEvent) -> None:
        out = event.data_out
        state["best"] = np.array(out.mip_solution, dtype=float)
        state["primal"] = out.objective_function_value

    h.cbMipInterrupt.subscribe(interrupt)
    h.cbSimplexInterrupt.subscribe(interrupt)
    h.cbIpmInterrupt.subscribe(interrupt)
    if is_mip:
        h.cbMipImprovingSolution.subscribe(improving)

    def work() -> None:
        try:
            h.run()
        finally:
            state["done"] = True

    # Not a daemon: at interpreter exit Python waits for an abandoned solver to
    # reach its next interrupt check instead of killing it inside C++.
    worker = threading.Thread(target=work, name=f"highs-{label}", daemon=False)
    worker.start()
    last = 0.0
    abandoned = False
    while worker.is_alive():
        worker.join(POLL_INTERVAL)
        now = time.perf_counter()
        elapsed = now - start
        overdue = time_limit is not None and elapsed > time_limit + ABANDON_GRACE
        if is_cancelled(cancel) or overdue:
            state["stop"] = True
            state["overdue"] = overdue and not is_cancelled(cancel)
            worker.join(ABANDON_GRACE)
            if worker.is_alive():
                # HiGHS checks for interrupts only between phases of its work;
                # stop waiting and keep the best plan its callbacks reported.
                # The solver thread ends at its next interrupt check.
                abandoned = True
                break
        if progress is not None and now - last >= PROGRESS_INTERVAL and worker.is_alive():
            last = now
            fraction = min(elapsed / time_limit, 1.0) if time_limit else None
            if np.isfinite(state["primal"]):
                gap = state["gap"]
                gap_text = f", gap {100 * gap:.2f}%" if gap is not None and np.isfinite(gap) else ""
                message = (
                    f"{label}: best plan {state['primal']:,.0f}, bound {state['dual']:,.0f}"
                    f"{gap_text}, {elapsed:.1f} s"
                )
            elif is_mip:
                message = f"{label}: searching for a first plan, {elapsed:.1f} s"
            else:
                message = f"{label}: {elapsed:.1f} s"
            progress(fraction, message)
    seconds = time.perf_counter() - start

    if abandoned:
        best = state["best"]
        primal = float(state["primal"]) if best is not None else None
        dual = float(state["dual"]) if np.isfinite(state["dual"]) else None
        gap = None
        if primal is not None and dual is not None:
            gap = abs(primal - dual) / max(abs(primal), 1e-9)
        status = "cancelled" if is_cancelled(cancel) else "time_limit"
        return SolveOutcome(status, best, primal, dual, gap, seconds, "stopped while solving")

    model_status = h.getModelStatus()
    info = h.getInfo()
    ms = highspy.HighsModelStatus
    values = None
    if info.primal_solution_status == 2:  # feasible
        values = np.asarray(h.getSolution().col_value, dtype=float)
    objective = float(info.objective_function_value) if values is not None else None
    bound = float(info.mip_dual_bound) if is_mip else objective
    gap = (
        float(info.mip_gap)
        if is_mip and values is not None
        else (0.0 if values is not None else None)
    )
    if gap is not None and not np.isfinite(gap):
        gap = None

    if model_status == ms.kOptimal:
        status = "optimal"
        if not is_mip:
            gap = 0.0
    elif model_status in (ms.kInfeasible, ms.kUnboundedOrInfeasible):
        status = "infeasible"
        values = None
    elif state.get("overdue"):
        status = "time_limit"  # stopped by this wrapper past the time limit, not by the user
    elif model_status == ms.kInterrupt or state["stop"]:
        status = "cancelled"
    elif model_status in (ms.kTimeLimit, ms.kIterationLimit, ms.kSolutionLimit):
        status = "time_limit"
    else:
        status = "error"
    message = h.modelStatusToString(model_status)
    h.clear()
    return SolveOutcome(status, values, objective, bound, gap, seconds, message)
