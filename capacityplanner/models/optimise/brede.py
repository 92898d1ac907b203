"""New sites as bundles of functions: brede sites and the city rules.

Every candidate site ``j`` gets a binary ``o_j`` (the site is used) and, per
function ``f`` (basis school, secundair school, kinderopvang, bso, jeugd), a
binary ``y_jf`` (function ``f`` opens there). With ``F_j`` the fixed cost of
one function at ``j`` and ``s`` the brede saving share, the fixed cost of
the site is::

    F_j * n_j - s * F_j * (n_j - 1)^+ ,   n_j = sum_f y_jf

i.e. every function beyond the first saves ``s * F_j``. With the rows::

    y_jf <= o_j              (a function opens only on a used site)
    o_j  <= sum_{f planned} y_jf   (a used site hosts a planned function)

``o_j = 1`` exactly when ``n_j >= 1``, so ``(n_j - 1)^+ = n_j - o_j`` and the
cost is the linear ``(1 - s) F_j sum_f y_jf + s F_j o_j``. The saving of a
site is ``s F_j (n_j - o_j)``. "Planned" functions are those of the planned
levels: a new site never opens only for a function the rules add (its places
are not planned, so it could not be a viable site); a ``forced_open``
candidate may host any function.

A function opens only where the candidate is *viable* for it
(:func:`viable_candidates`): available, not excluded, and with room for the
function's minimum size (``PlanOptions.min_new_places``); the rows
``places_jf >= min_f y_jf`` are added by :mod:`.formulation`.

City rules, as rows:

* ``rule_basis_with_bso``: ``y_j,basis <= y_j,bso``;
* ``rule_brede_standard``: ``o_j <= y_j,kinderopvang``, ``o_j <= y_j,bso``
  and ``o_j <= y_j,basis + y_j,secundair`` (every new site is a school with
  childcare and out-of-school care).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .problem import (
    FUNCTION_OF_LEVEL,
    FUNCTIONS,
    LEVELS_OF_FUNCTION,
    SCHOOL_FUNCTIONS,
    PlanningProblem,
)


@dataclass
class BredeBlock:
    """Column indices of the candidate-site decisions.

    ``o_cols[c]`` is the column of ``o_c``; ``y_cols[f][c]`` that of
    ``y_cf``. Functions not modelled are absent from ``y_cols``.
    """

    o_cols: np.ndarray
    y_cols: dict[str, np.ndarray]
    fixed_cost: np.ndarray
    saving_share: float


def relevant_functions(
    levels: tuple[str, ...], rule_basis_with_bso: bool, rule_brede_standard: bool
) -> tuple[str, ...]:
    """Functions the model needs: those of the planned levels plus those the rules add."""
    needed = {FUNCTION_OF_LEVEL[lv] for lv in levels}
    if rule_brede_standard:
        needed |= {"kinderopvang", "bso"}
        if not needed & set(SCHOOL_FUNCTIONS):
            needed.add("basis")
    if rule_basis_with_bso and "basis" in needed:
        needed.add("bso")
    return tuple(f for f in FUNCTIONS if f in needed)


def planned_functions(levels: tuple[str, ...]) -> tuple[str, ...]:
    """Functions whose places are planned (those of the planned levels)."""
    needed = {FUNCTION_OF_LEVEL[lv] for lv in levels}
    return tuple(f for f in FUNCTIONS if f in needed)


def viable_candidates(problem: PlanningProblem, function: str, levels, options) -> np.ndarray:
    """Boolean per candidate: may ``function`` open there?

    Available (:meth:`PlanningProblem.functions_available`), not excluded,
    and, for a planned function, room for its minimum size: the ``max_``
    places of its planned levels together reach ``options.function_minimum``
    and each level reaches its own minimum (level keys of
    ``min_new_places``).
    """
    cands = problem.candidates
    n = problem.n_candidates
    if n == 0:
        return np.zeros(0, dtype=bool)
    ok = problem.functions_available(function) & (cands["status"].to_numpy(str) != "excluded")
    planned = [lv for lv in LEVELS_OF_FUNCTION[function] if lv in levels]
    if not planned:
        return ok
    room = sum(cands[f"max_{lv}"].to_numpy(float) for lv in planned)
    ok &= room >= options.function_minimum(function, levels) - 1e-9
    for lv in planned:
        minimum = options.level_minimum(lv)
        if minimum > 0:
            ok &= cands[f"max_{lv}"].to_numpy(float) >= minimum - 1e-9
    return ok


def rule_compatible(problem: PlanningProblem, function: str, levels, options) -> np.ndarray:
    """Boolean per candidate: can ``function`` open there with the functions the rules add?

    ``rule_basis_with_bso`` needs bso beside a basis school;
    ``rule_brede_standard`` needs kinderopvang, bso and a school.
    """
    ok = np.ones(problem.n_candidates, dtype=bool)

    def can(f: str) -> np.ndarray:
        return viable_candidates(problem, f, levels, options)

    if options.rule_basis_with_bso and function == "basis":
        ok &= can("bso")
    if options.rule_brede_standard:
        ok &= can("kinderopvang") & can("bso")
        if function not in SCHOOL_FUNCTIONS:
            ok &= can("basis") | can("secundair")
    return ok


def add_brede_block(builder, problem: PlanningProblem, levels, options) -> BredeBlock:
    """Add ``o``/``y`` columns, the brede rows and the rule rows to ``builder``.

    Parameters
    ----------
    builder : capacityplanner.models.optimise.formulation.ModelBuilder
        Collects columns, rows and objective terms.
    problem : PlanningProblem
    levels : tuple of str
        Planned levels.
    options : PlanOptions
    """
    cands = problem.candidates
    n = problem.n_candidates
    status = cands["status"].to_numpy(str) if n else np.zeros(0, str)
    excluded = status == "excluded"
    forced = status == "forced_open"
    fixed = cands["fixed_cost"].to_numpy(float) if n else np.zeros(0)
    s = float(options.brede_saving)

    o_upper = np.where(excluded, 0.0, 1.0)
    o_lower = np.where(forced, 1.0, 0.0)
    functions = relevant_functions(levels, options.rule_basis_with_bso, options.rule_brede_standard)
    planned = planned_functions(levels)
    y_cols: dict[str, np.ndarray] = {}
    for f in functions:
        avail = viable_candidates(problem, f, levels, options)
        y_cols[f] = builder.cols(np.zeros(n), avail.astype(float), integer=True)
    # A forced-open site that can host nothing would make the model infeasible
    # for a silly reason; explain.py reports it, here we keep the bound.
    o_cols = builder.cols(o_lower, o_upper, integer=True)

    ones = np.ones(n)
    for f in functions:
        # y_cf - o_c <= 0
        rows = builder.rows(np.full(n, -np.inf), np.zeros(n))
        builder.coef(rows, y_cols[f], ones)
        builder.coef(rows, o_cols, -ones)
        builder.objective("cost", y_cols[f], (1.0 - s) * fixed)
    # o_c - sum_{f planned} y_cf <= 0 (forced-open candidates: any function)
    rows = builder.rows(np.full(n, -np.inf), np.zeros(n))
    builder.coef(rows, o_cols, ones)
    for f in functions:
        builder.coef(rows, y_cols[f], -ones if f in planned else -forced.astype(float))
    builder.objective("cost", o_cols, s * fixed)
    builder.objective("sites", o_cols, ones)

    if options.rule_basis_with_bso and "basis" in y_cols:
        rows = builder.rows(np.full(n, -np.inf), np.zeros(n))
        builder.coef(rows, y_cols["basis"], ones)
        builder.coef(rows, y_cols["bso"], -ones)
    if options.rule_brede_standard:
        for f in ("kinderopvang", "bso"):
            rows = builder.rows(np.full(n, -np.inf), np.zeros(n))
            builder.coef(rows, o_cols, ones)
            builder.coef(rows, y_cols[f], -ones)
        rows = builder.rows(np.full(n, -np.inf), np.zeros(n))
        builder.coef(rows, o_cols, ones)
        for f in SCHOOL_FUNCTIONS:
            if f in y_cols:
                builder.coef(rows, y_cols[f], -ones)
    return BredeBlock(o_cols, y_cols, fixed, s)


def brede_costs(block: BredeBlock, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per candidate: number of functions, gross fixed cost and brede saving."""
    n_functions = np.zeros(block.o_cols.shape[0])
    for cols in block.y_cols.values():
        n_functions += np.round(values[cols])
    used = np.round(values[block.o_cols])
    gross = block.fixed_cost * n_functions
    saving = block.saving_share * block.fixed_cost * np.maximum(n_functions - used, 0.0)
    return n_functions, gross, saving
