"""The four planning models and :func:`solve_plan`, the one entry point.

Each model is a sequence of objectives solved one after the other; every
later stage keeps the earlier objectives at their optimum (a row
``objective <= value``). A stage is a MIP (``mip``: site decisions and
whole places free) or a linear program with every integer fixed (``lp``).
The last stage of cover-cost, max-cover and min-sites fixes the plan and
places the children as close as the chosen capacity allows, so the
allocation table and travel figures are meaningful; p-median's second stage
(least cost among the shortest-travel plans) is a MIP, so that among sites
equally good for travel the cheaper ones open, each at the smallest viable
size.

============  ===========================================  ==================
model         main objective (integer stage)               then
============  ===========================================  ==================
cover-cost    investment (+ penalty per unmet child when   shortest travel
              ``allow_unmet``)
p-median      demand-weighted distance with ``p`` new       least cost
              sites (+ penalty per unmet child)
max-cover     weighted unmet children (= most weighted      least cost, then
              children served) within budget / site limit   shortest travel
min-sites     number of new sites (+ penalty with           least cost, then
              ``allow_unmet``)                              shortest travel
============  ===========================================  ==================

The penalty per unserved child is per level (see
:func:`~.formulation.unmet_penalties`): with minimum sizes for new sites
(``PlanOptions.min_new_places``) cover-cost leaves a pocket of a few children
unserved rather than open a site for them, and reports why.
"""

from __future__ import annotations

import time

import numpy as np
import scipy.sparse as sp

from .explain import explain_infeasible
from .formulation import Formulation, build_formulation
from .problem import PlanningProblem, PlanOptions
from .result import PlanResult, build_result, empty_result
from .solver import (
    CancelToken,
    LinearProgram,
    ProgressCallback,
    is_cancelled,
    solve_program,
)

#: Per model: (objective recipe, stage kind) in order; kinds ``mip`` (every
#: decision free) and ``lp`` (every integer fixed at the stage before).
STAGES: dict[str, list[tuple[str, str]]] = {
    "cover-cost": [("cost+unmet", "mip"), ("distance", "lp")],
    "p-median": [("distance+unmet", "mip"), ("cost", "mip")],
    "max-cover": [("unmet", "mip"), ("cost", "mip"), ("distance", "lp")],
    "min-sites": [("sites+unmet", "mip"), ("cost", "mip"), ("distance", "lp")],
}

#: Seconds the final placement LP may always use, even past the time limit.
FINAL_LP_MIN_SECONDS = 10.0

STAGE_LABELS = {
    "cost+unmet": "least-cost plan",
    "distance+unmet": "shortest travel",
    "unmet": "most children served",
    "sites+unmet": "fewest new sites",
    "cost": "least cost",
    "distance": "placing children",
}


def _objective(form: Formulation, recipe: str) -> tuple[np.ndarray, float]:
    obj = form.objectives
    offset = 0.0
    vec = np.zeros(form.builder.n_cols)
    for part in recipe.split("+"):
        if part == "unmet" and "+" in recipe:
            vec = vec + obj["unmet_penalised"]
        else:
            vec = vec + obj[part]
        if part == "cost":
            offset += form.closure_offset
    return vec, offset


def _with_row(program: LinearProgram, coefs: np.ndarray, upper: float) -> LinearProgram:
    nz = np.flatnonzero(coefs)
    row = sp.csc_matrix(
        (coefs[nz], (np.zeros(nz.size, dtype=np.int64), nz)), shape=(1, program.num_col)
    )
    return LinearProgram(
        cost=program.cost,
        col_lower=program.col_lower,
        col_upper=program.col_upper,
        integrality=program.integrality,
        matrix=sp.vstack([program.matrix, row], format="csc"),
        row_lower=np.append(program.row_lower, -np.inf),
        row_upper=np.append(program.row_upper, upper),
        offset=program.offset,
    )


def _fix_integers(program: LinearProgram, values: np.ndarray) -> LinearProgram:
    """The linear program with every integer column fixed at ``values``."""
    ints = program.integrality
    lower = program.col_lower.copy()
    upper = program.col_upper.copy()
    fixed = np.round(values[ints])
    lower[ints] = fixed
    upper[ints] = fixed
    return LinearProgram(
        cost=program.cost,
        col_lower=lower,
        col_upper=upper,
        integrality=np.zeros_like(ints),
        matrix=program.matrix,
        row_lower=program.row_lower,
        row_upper=program.row_upper,
        offset=program.offset,
    )


def solve_plan(
    problem: PlanningProblem,
    options: PlanOptions,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    *,
    explain: bool = True,
) -> PlanResult:
    """Run a planning model and return the proposed plan.

    Parameters
    ----------
    problem : PlanningProblem
        Demand, sites and reachable distances.
    options : PlanOptions
        Model, limits and city rules.
    progress : callable, optional
        ``progress(fraction_or_None, message)``, called from the solving
        thread a few times a second.
    cancel : threading.Event or callable, optional
        When set (or returning True) the solve stops within about a second;
        the result then has status ``cancelled`` and the best plan found so
        far, if any.
    explain : bool
        On infeasibility, work out why (may run a few extra solves).

    Returns
    -------
    PlanResult

    Examples
    --------
    >>> result = solve_plan(problem, PlanOptions(model="cover-cost", budget=30e6))
    ... # doctest: +SKIP
    >>> print(summary_en(result))  # doctest: +SKIP
    """
    start = time.perf_counter()
    levels = options.validate(problem)

    def say(fraction: float | None, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    say(0.0, "building the planning model")
    form = build_formulation(problem, options, levels)
    base = form.program()
    stages = STAGES[options.model]
    program = base
    values: np.ndarray | None = None
    first = None
    notes: list[str] = []
    proven = options.mip_rel_gap == 0
    skip_to_final = False
    for k, (recipe, kind) in enumerate(stages):
        integer = kind == "mip"
        final = k == len(stages) - 1
        label = f"step {k + 1}/{len(stages)}: {STAGE_LABELS[recipe]}"
        if k > 0 and is_cancelled(cancel):
            break
        if skip_to_final and not final:
            proven = False
            continue
        remaining = None
        if options.time_limit is not None:
            remaining = options.time_limit - (time.perf_counter() - start)
            if k > 0 and integer and remaining <= 0:
                notes.append(f"time limit reached before {STAGE_LABELS[recipe]}")
                proven = False
                continue
            if not integer:
                # placing the children is a quick LP; it always runs
                remaining = max(remaining, FINAL_LP_MIN_SECONDS)
        cost, offset = _objective(form, recipe)
        stage_program = LinearProgram(
            cost, program.col_lower, program.col_upper, program.integrality,
            program.matrix, program.row_lower, program.row_upper, offset,
        )  # fmt: skip
        if not integer:
            stage_program = _fix_integers(stage_program, values)
        say(None, label)
        outcome = solve_program(
            stage_program,
            time_limit=remaining,
            mip_rel_gap=options.mip_rel_gap if integer else 0.0,
            progress=progress,
            cancel=cancel,
            label=label,
        )
        if k == 0:
            first = outcome
            if outcome.status == "infeasible":
                result = empty_result(form, "infeasible", time.perf_counter() - start)
                if explain:
                    say(None, "explaining why no plan exists")
                    result.explanation = explain_infeasible(problem, options, levels, cancel=cancel)
                result.solve_seconds = time.perf_counter() - start
                return result
            if not outcome.has_solution:
                status = "cancelled" if outcome.status == "cancelled" else "no_solution"
                if outcome.status not in ("cancelled", "time_limit"):
                    notes.append(f"solver stopped: {outcome.message}")
                return empty_result(form, status, time.perf_counter() - start, notes)
        if outcome.has_solution:
            values = outcome.values
        if outcome.status == "cancelled":
            proven = False
            if not final:
                notes.append("cancelled: children placed as the interrupted step left them")
            break
        if outcome.status != "optimal":
            proven = False
            skip_to_final = True
            if k > 0 or outcome.status != "time_limit":
                notes.append(f"{STAGE_LABELS[recipe]}: {outcome.message}")
            if not outcome.has_solution:
                continue
        if not final:
            reached = float(cost @ values)
            tol = 1e-7 * abs(reached) + 1e-6
            program = _with_row(program, cost, reached + tol)

    status = first.status if first.status in ("cancelled",) else "optimal"
    if first.status == "time_limit":
        status = "feasible"
    if is_cancelled(cancel):
        status = "cancelled"
    if status == "cancelled":
        proven = False
    gap = first.gap
    if gap is not None and gap > options.mip_rel_gap + 1e-9:
        proven = False
    say(1.0, "plan ready")
    return build_result(
        form,
        values,
        status=status,
        mip_gap=gap,
        proven_optimal=proven and status == "optimal",
        seconds=time.perf_counter() - start,
        objective=first.objective,
        notes=notes,
    )
