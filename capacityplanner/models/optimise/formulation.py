"""Assemble the capacitated location-allocation model from sparse matrices.

Columns (all non-negative):

* ``x`` per level, one per stored (point, site) pair of that level's
  distance matrix where the site can serve the level and the point has
  demand: children of the point placed at the site (``<= d_i``);
* ``u`` per level and point with demand: unserved children;
* ``e`` per level and expandable existing site offering the level: extra
  places (together ``<= max_extra_places``), integer (whole places) unless
  ``PlanOptions.integer_places`` is off;
* ``z`` per closable existing site: 1 keeps it open;
* ``g`` per expandable existing site when ``PlanOptions.min_expansion_places``
  is set: 1 lets it grow, by at least that many places;
* ``p`` per level and candidate able to offer it: places built, integer
  like ``e``;
* ``o``/``y`` per candidate (site used / function opened, see :mod:`.brede`).

Rows: demand ``sum_j x_ij + u_i = d_i``; capacity of existing sites
``sum_i x_ij - e_j - cap_j z_j <= cap_j (not closable) / 0 (closable)``;
capacity of new sites ``sum_i x_ij <= p_j <= max_j y_jf``; minimum size of a
new function ``sum_{l in f} p_jl >= min_f y_jf`` (and per level for level
keys of ``PlanOptions.min_new_places``); optionally the strong linking
``x_ij <= d_i y_jf``; brede and rule rows; budget and site-count rows.

Unmet children cost ``penalty_l * w_i * u_i`` in the objectives that allow
them (see :func:`unmet_penalties`).

Whole places go with whole children: with ``integer_places`` the demand of
each point is rounded to whole children per level, by largest remainder so
that the level's city total is kept (:func:`whole_children`). With integer
demand and the site decisions fixed, the remaining model is a network flow
whose linear relaxation already has whole places, so the integer places
cost little extra solving time (with fractional demand, proving the
rounding of every site's places optimal takes ten times longer on Ghent). No Python loop runs over point-site pairs: the ``x`` block
is the coordinate form of the (masked) distance matrix.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import scipy.sparse as sp

from .brede import BredeBlock, add_brede_block, planned_functions, viable_candidates
from .problem import FUNCTION_OF_LEVEL, LEVELS_OF_FUNCTION, PlanningProblem, PlanOptions
from .solver import LinearProgram

OPEN_STATUSES_THAT_EXPAND = ("expandable", "forced_open")

#: Default unmet penalty = this many times the dearest place of a smallest viable
#: new site (cost models) or 1 / this share of a minimum-size site (min-sites).
UNMET_PENALTY_FACTOR = 2.0


class ModelBuilder:
    """Collects columns, sparse row entries and named objective terms."""

    def __init__(self) -> None:
        self._lower: list[np.ndarray] = []
        self._upper: list[np.ndarray] = []
        self._integer: list[np.ndarray] = []
        self.n_cols = 0
        self._ri: list[np.ndarray] = []
        self._ci: list[np.ndarray] = []
        self._v: list[np.ndarray] = []
        self._rlb: list[np.ndarray] = []
        self._rub: list[np.ndarray] = []
        self.n_rows = 0
        self._obj: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {}

    def cols(self, lower, upper, integer: bool = False) -> np.ndarray:
        lower = np.asarray(lower, dtype=float)
        upper = np.asarray(upper, dtype=float)
        idx = np.arange(self.n_cols, self.n_cols + lower.shape[0])
        self._lower.append(lower)
        self._upper.append(upper)
        self._integer.append(np.full(lower.shape[0], integer))
        self.n_cols += lower.shape[0]
        return idx

    def rows(self, lower, upper) -> np.ndarray:
        lower = np.asarray(lower, dtype=float)
        upper = np.asarray(upper, dtype=float)
        idx = np.arange(self.n_rows, self.n_rows + lower.shape[0])
        self._rlb.append(lower)
        self._rub.append(upper)
        self.n_rows += lower.shape[0]
        return idx

    def coef(self, rows, cols, values) -> None:
        rows = np.asarray(rows)
        cols = np.asarray(cols)
        values = np.broadcast_to(np.asarray(values, dtype=float), rows.shape)
        keep = values != 0
        self._ri.append(rows[keep])
        self._ci.append(cols[keep])
        self._v.append(values[keep])

    def objective(self, name: str, cols, values) -> None:
        cols = np.asarray(cols)
        values = np.broadcast_to(np.asarray(values, dtype=float), cols.shape)
        self._obj.setdefault(name, []).append((cols, np.array(values)))

    def objective_vector(self, name: str) -> np.ndarray:
        vec = np.zeros(self.n_cols)
        for cols, vals in self._obj.get(name, []):
            np.add.at(vec, cols, vals)
        return vec

    def program(self, cost: np.ndarray, offset: float = 0.0) -> LinearProgram:
        cat = lambda parts: np.concatenate(parts) if parts else np.zeros(0)  # noqa: E731
        matrix = sp.csc_matrix(
            (cat(self._v), (cat(self._ri).astype(np.int64), cat(self._ci).astype(np.int64))),
            shape=(self.n_rows, self.n_cols),
        )
        return LinearProgram(
            cost=cost,
            col_lower=cat(self._lower),
            col_upper=cat(self._upper),
            integrality=cat(self._integer).astype(bool),
            matrix=matrix,
            row_lower=cat(self._rlb),
            row_upper=cat(self._rub),
            offset=offset,
        )


@dataclass
class LevelBlock:
    """Columns of one level. Sites are global indices (existing then candidates)."""

    level: str
    x_cols: np.ndarray
    x_point: np.ndarray
    x_site: np.ndarray
    x_dist: np.ndarray
    u_cols: np.ndarray
    u_point: np.ndarray
    e_cols: np.ndarray
    e_site: np.ndarray
    p_cols: np.ndarray
    p_cand: np.ndarray
    demand_rows: np.ndarray


@dataclass
class Formulation:
    """The assembled model and the maps from columns back to the plan."""

    problem: PlanningProblem
    options: PlanOptions
    levels: tuple[str, ...]
    builder: ModelBuilder
    blocks: dict[str, LevelBlock]
    brede: BredeBlock
    z_cols: np.ndarray
    z_site: np.ndarray
    closure_offset: float
    unmet_penalty: dict[str, float]
    demand: dict[str, np.ndarray] = field(default_factory=dict)
    objectives: dict[str, np.ndarray] = field(default_factory=dict)
    minimum: dict[str, float] = field(default_factory=dict)
    places_cap: dict[str, float] = field(default_factory=dict)

    def program(self, cost: np.ndarray | None = None, offset: float = 0.0) -> LinearProgram:
        if cost is None:
            cost = np.zeros(self.builder.n_cols)
        return self.builder.program(cost, offset)


def serving_sites(
    problem: PlanningProblem,
    level: str,
    options: PlanOptions | None = None,
    levels: tuple[str, ...] | None = None,
) -> np.ndarray:
    """Boolean per global site: can it offer places for ``level`` at all?

    With ``options`` (and the planned ``levels``), a candidate too small for
    the minimum size of the level's function does not count.
    """
    cap = problem.existing[f"capacity_{level}"].to_numpy(float)
    cand = problem.candidates
    function = FUNCTION_OF_LEVEL[level]
    if options is None:
        avail = problem.functions_available(function) & (cand["status"].to_numpy(str) != "excluded")
    else:
        avail = viable_candidates(problem, function, levels or (level,), options)
    can_new = (cand[f"max_{level}"].to_numpy(float) > 0) & avail
    return np.concatenate([cap > 0, can_new])


def whole_children(demand: np.ndarray) -> np.ndarray:
    """Round demand to whole children per point, keeping the (rounded) total.

    Largest-remainder rounding: every point gets the floor of its demand,
    and the points with the largest fractions (ties: first point first) get
    one more child until the total equals the rounded original total.
    """
    demand = np.asarray(demand, dtype=float)
    floor = np.floor(demand + 1e-9)
    extra = int(round(float(demand.sum()))) - int(floor.sum())
    out = floor.copy()
    if extra > 0:
        order = np.argsort(-(demand - floor), kind="stable")
        out[order[:extra]] += 1.0
    return out


def build_formulation(
    problem: PlanningProblem,
    options: PlanOptions,
    levels: tuple[str, ...],
    *,
    relax_limits: bool = False,
) -> Formulation:
    """Build every column and row of the planning model.

    Parameters
    ----------
    relax_limits : bool
        Leave out the budget, site-count and p rows (used by the
        infeasibility explanation).
    """
    b = ModelBuilder()
    places_cap: dict[str, float] = {}
    n_e, n_c = problem.n_existing, problem.n_candidates
    ex = problem.existing
    brede = add_brede_block(b, problem, levels, options)
    status = ex["status"].to_numpy(str) if n_e else np.zeros(0, str)
    closable = status == "closable"
    z_site = np.flatnonzero(closable)
    z_cols = b.cols(np.zeros(z_site.size), np.ones(z_site.size), integer=True)
    closure = ex["closure_saving"].to_numpy(float)[z_site] if n_e else np.zeros(0)
    b.objective("cost", z_cols, closure)
    closure_offset = -float(closure.sum())
    b.objective("closure", z_cols, closure)
    z_of_site = np.full(n_e, -1)
    z_of_site[z_site] = z_cols

    unmet_allowed = options.model in ("p-median", "max-cover") or options.allow_unmet
    max_extra = ex["max_extra_places"].to_numpy(float) if n_e else np.zeros(0)
    may_expand = np.isin(status, OPEN_STATUSES_THAT_EXPAND) & (max_extra > 0)
    cpp_existing = ex["cost_per_place"].to_numpy(float) if n_e else np.zeros(0)
    cpp_new = problem.candidates["cost_per_place"].to_numpy(float) if n_c else np.zeros(0)
    # An expansion adds at least min_expansion_places or nothing: binary g_j with
    # min g_j <= sum_l e_jl <= max_extra_j g_j.
    minimum_extra = float(options.min_expansion_places or 0.0)
    g_site = np.flatnonzero(may_expand) if minimum_extra > 0 else np.zeros(0, dtype=int)
    g_cols = b.cols(np.zeros(g_site.size), np.ones(g_site.size), integer=True)
    expansion_upper = max_extra.copy()
    expansion_upper[g_site] = 0.0
    expansion_rows = b.rows(np.full(n_e, -np.inf), expansion_upper)
    b.coef(expansion_rows[g_site], g_cols, -max_extra[g_site])
    minimum_rows = np.full(n_e, -1)
    minimum_rows[g_site] = b.rows(np.zeros(g_site.size), np.full(g_site.size, np.inf))
    b.coef(minimum_rows[g_site], g_cols, -minimum_extra)
    whole = bool(options.integer_places)

    blocks: dict[str, LevelBlock] = {}
    demand = {
        lv: whole_children(problem.demand[lv]) if whole else problem.demand[lv] for lv in levels
    }
    for lv in levels:
        d = demand[lv]
        w = problem.weight
        serve = serving_sites(problem, lv, options, levels)
        coo = problem.distances[lv].tocoo()
        keep = serve[coo.col] & (d[coo.row] > 0)
        xp, xs, xd = coo.row[keep], coo.col[keep], coo.data[keep]
        order = np.lexsort((xs, xp))
        xp, xs, xd = xp[order], xs[order], xd[order]
        x_cols = b.cols(np.zeros(xp.size), d[xp])
        b.objective("distance", x_cols, w[xp] * xd)

        u_point = np.flatnonzero(d > 0)
        u_cols = b.cols(
            np.zeros(u_point.size), d[u_point] if unmet_allowed else np.zeros(u_point.size)
        )
        b.objective("unmet", u_cols, w[u_point])
        b.objective("unmet_children", u_cols, np.ones(u_point.size))
        dem_rows = b.rows(d[u_point], d[u_point])
        row_of_point = np.full(problem.n_points, -1)
        row_of_point[u_point] = dem_rows
        b.coef(row_of_point[xp], x_cols, 1.0)
        b.coef(dem_rows, u_cols, 1.0)

        # existing sites offering the level
        cap = ex[f"capacity_{lv}"].to_numpy(float) if n_e else np.zeros(0)
        e_site_all = np.flatnonzero(cap > 0)
        cap_rows = b.rows(
            np.full(e_site_all.size, -np.inf), np.where(closable[e_site_all], 0.0, cap[e_site_all])
        )
        row_of_site = np.full(n_e, -1)
        row_of_site[e_site_all] = cap_rows
        on_existing = xs < n_e
        b.coef(row_of_site[xs[on_existing]], x_cols[on_existing], 1.0)
        zc = closable[e_site_all]
        b.coef(cap_rows[zc], z_of_site[e_site_all[zc]], -cap[e_site_all[zc]])
        e_site = e_site_all[may_expand[e_site_all]]
        e_cols = b.cols(np.zeros(e_site.size), max_extra[e_site], integer=whole)
        b.coef(row_of_site[e_site], e_cols, -1.0)
        b.coef(expansion_rows[e_site], e_cols, 1.0)
        gated = minimum_rows[e_site] >= 0
        b.coef(minimum_rows[e_site[gated]], e_cols[gated], 1.0)
        b.objective("cost", e_cols, cpp_existing[e_site])
        b.objective("investment", e_cols, cpp_existing[e_site])

        # candidate sites offering the level
        f = FUNCTION_OF_LEVEL[lv]
        p_cand = np.flatnonzero(serve[n_e:])
        max_l = problem.candidates[f"max_{lv}"].to_numpy(float)[p_cand] if n_c else np.zeros(0)
        p_cols = b.cols(np.zeros(p_cand.size), max_l, integer=whole)
        b.objective("cost", p_cols, cpp_new[p_cand])
        b.objective("investment", p_cols, cpp_new[p_cand])
        use_rows = b.rows(np.full(p_cand.size, -np.inf), np.zeros(p_cand.size))
        row_of_cand = np.full(n_c, -1)
        row_of_cand[p_cand] = use_rows
        on_new = ~on_existing
        b.coef(row_of_cand[xs[on_new] - n_e], x_cols[on_new], 1.0)
        b.coef(use_rows, p_cols, -1.0)
        y = brede.y_cols[f]
        link_rows = b.rows(np.full(p_cand.size, -np.inf), np.zeros(p_cand.size))
        b.coef(link_rows, p_cols, 1.0)
        b.coef(link_rows, y[p_cand], -max_l)
        if options.strong_linking and on_new.any():
            n_new = int(on_new.sum())
            strong = b.rows(np.full(n_new, -np.inf), np.zeros(n_new))
            b.coef(strong, x_cols[on_new], 1.0)
            b.coef(strong, y[xs[on_new] - n_e], -d[xp[on_new]])
        blocks[lv] = LevelBlock(
            lv, x_cols, xp, xs, xd, u_cols, u_point, e_cols, e_site, p_cols, p_cand, dem_rows
        )

    minimum = _minimum_rows(b, problem, options, levels, blocks, brede)

    # fixed costs of new sites count as investment too
    for fcols in brede.y_cols.values():
        b.objective("investment", fcols, (1.0 - brede.saving_share) * brede.fixed_cost)
    b.objective("investment", brede.o_cols, brede.saving_share * brede.fixed_cost)

    if not relax_limits:
        investment = b.objective_vector("investment")
        if options.budget is not None:
            row = b.rows([-np.inf], [float(options.budget)])
            nz = np.flatnonzero(investment)
            b.coef(np.full(nz.size, row[0]), nz, investment[nz])
        if options.max_new_sites is not None:
            row = b.rows([-np.inf], [float(options.max_new_sites)])
            b.coef(np.full(n_c, row[0]), brede.o_cols, 1.0)
        if options.model == "p-median":
            row = b.rows([float(options.p)], [float(options.p)])
            b.coef(np.full(n_c, row[0]), brede.o_cols, 1.0)
            if options.places_within_shortfall:
                places_cap = _shortfall_rows(b, problem, options, levels, blocks, demand, closable)

    penalty = unmet_penalties(problem, options, levels)
    for lv in levels:
        blk = blocks[lv]
        b.objective("unmet_penalised", blk.u_cols, penalty[lv] * problem.weight[blk.u_point])
    form = Formulation(
        problem, options, levels, b, blocks, brede, z_cols, z_site, closure_offset, penalty,
        demand=demand, minimum=minimum, places_cap=places_cap,
    )  # fmt: skip
    for name in ("cost", "investment", "distance", "unmet", "unmet_children", "unmet_penalised",
                 "sites", "closure"):  # fmt: skip
        form.objectives[name] = b.objective_vector(name)
    return form


def _minimum_rows(b: ModelBuilder, problem, options, levels, blocks, brede) -> dict[str, float]:
    """Rows ``sum_{l in f} p_jl - min_f y_jf >= 0``; returns the minimum per planned function."""
    n_c = problem.n_candidates
    minimum: dict[str, float] = {}
    for f in planned_functions(levels):
        planned = [lv for lv in LEVELS_OF_FUNCTION[f] if lv in levels]
        minimum[f] = options.function_minimum(f, levels)
        limits = [(minimum[f], planned)] + [
            (options.level_minimum(lv), [lv]) for lv in planned if options.level_minimum(lv) > 0
        ]
        for value, lvs in limits:
            if value <= 0 or n_c == 0:
                continue
            rows = b.rows(np.zeros(n_c), np.full(n_c, np.inf))
            for lv in lvs:
                blk = blocks[lv]
                b.coef(rows[blk.p_cand], blk.p_cols, 1.0)
            b.coef(rows, brede.y_cols[f], -value)
    return minimum


def _shortfall_rows(
    b: ModelBuilder, problem, options, levels, blocks, demand, closable: np.ndarray
) -> dict[str, float]:
    """p-median: places added per function beyond its shortfall cost more than any trip.

    Per planned function ``f`` a row ``added places - excess_f <= shortfall_f``
    where the shortfall is the planned levels' whole children minus the
    capacity of existing sites (each level at least 0) plus the places of
    closable sites, raised to ``p`` new sites of minimum size where that is
    more (those places are built anyway). ``excess_f`` counts, per place, twice the longest
    (priority-weighted) distance plus one metre in the main objective: more than any place can
    save in travel, less than the penalty of an unserved child. So places
    beyond the shortfall are built only where children would otherwise go
    without one. Returns the shortfall per function.
    """
    ex = problem.existing
    longest = max((float(problem.distances[lv].max()) for lv in levels), default=0.0)
    longest *= max(float(np.max(problem.weight, initial=1.0)), 1.0)  # priority-weighted trips
    caps: dict[str, float] = {}
    for f in planned_functions(levels):
        planned = [lv for lv in LEVELS_OF_FUNCTION[f] if lv in levels]
        need = 0.0
        for lv in planned:
            held = ex[f"capacity_{lv}"].to_numpy(float) if problem.n_existing else np.zeros(0)
            need += max(0.0, float(demand[lv].sum()) - float(held.sum()))
            need += float(held[closable].sum())
        caps[f] = float(np.ceil(need - 1e-9))
        smallest = options.function_minimum(f, levels) + sum(
            options.level_minimum(lv) for lv in planned
        )
        row = b.rows([-np.inf], [max(caps[f], float(options.p) * smallest)])[0]
        excess = b.cols([0.0], [np.inf])
        b.objective("unmet_penalised", excess, [2.0 * longest + 1.0])
        b.coef([row], excess, -1.0)
        for lv in planned:
            blk = blocks[lv]
            b.coef(np.full(blk.e_cols.size, row), blk.e_cols, 1.0)
            b.coef(np.full(blk.p_cols.size, row), blk.p_cols, 1.0)
    return caps


def _rule_functions(function: str, options: PlanOptions) -> int:
    """Functions a new site opening ``function`` must host under the city rules."""
    if options.rule_brede_standard:
        return 4 if function == "jeugd" else 3
    if options.rule_basis_with_bso and function == "basis":
        return 2
    return 1


def unmet_penalties(problem: PlanningProblem, options: PlanOptions, levels) -> dict[str, float]:
    """Penalty per weighted unserved child per level, in the unit of the main objective.

    See :class:`~.problem.PlanOptions` (``unmet_penalty``) for the defaults.
    """
    given = options.unmet_penalty
    if given is not None:
        if isinstance(given, dict) or hasattr(given, "items"):
            default = unmet_penalties(problem, replace(options, unmet_penalty=None), levels)
            return {lv: float(given.get(lv, default[lv])) for lv in levels}
        return {lv: float(given) for lv in levels}
    if options.model == "p-median":
        longest = max((problem.distances[lv].max() for lv in levels), default=0.0)
        return {lv: 10.0 * float(longest) + 10_000.0 for lv in levels}
    out: dict[str, float] = {}
    cands = problem.candidates
    s = float(options.brede_saving)
    cpp_e = problem.existing["cost_per_place"].to_numpy(float) if problem.n_existing else [0.0]
    for lv in levels:
        f = FUNCTION_OF_LEVEL[lv]
        smallest = max(options.function_minimum(f, levels), options.level_minimum(lv), 1.0)
        if options.model == "min-sites":
            minimum = max(options.function_minimum(f, levels), options.level_minimum(lv))
            out[lv] = (
                UNMET_PENALTY_FACTOR / minimum if minimum > 0 else float(problem.n_candidates + 1)
            )
            continue
        dearest = float(np.max(cpp_e)) if len(cpp_e) else 0.0
        hosts = serving_sites(problem, lv, options, levels)[problem.n_existing :]
        if hosts.any():
            k = _rule_functions(f, options)
            fixed = cands["fixed_cost"].to_numpy(float)[hosts] * (k - s * (k - 1))
            per_place = cands["cost_per_place"].to_numpy(float)[hosts] + fixed / smallest
            dearest = max(dearest, float(per_place.max()))
        out[lv] = UNMET_PENALTY_FACTOR * dearest + 1.0
    return out
