"""The plan a model proposes, as data: sites, allocation, unmet demand, costs.

:func:`build_result` turns the solver's column values into a
:class:`PlanResult`; the GUI, the command line, the exports and the texts
of :mod:`.summary` all read that object.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .brede import brede_costs
from .formulation import Formulation
from .unmet import UNMET_REASONS, unmet_by_reason

#: Amounts below this (children, places) are solver noise or the tolerance
#: that later stages allow on earlier objectives.
EPS = 1e-3

STATUSES = ("optimal", "feasible", "cancelled", "infeasible", "no_solution")


@dataclass
class PlanCosts:
    """Costs of a plan in EUR.

    ``investment = fixed - brede_saving + new_places + expansion``; the
    closure saving of closed sites is reported apart (``net``).
    """

    fixed: float = 0.0
    brede_saving: float = 0.0
    new_places: float = 0.0
    expansion: float = 0.0
    closure_saving: float = 0.0

    @property
    def investment(self) -> float:
        return self.fixed - self.brede_saving + self.new_places + self.expansion

    @property
    def net(self) -> float:
        return self.investment - self.closure_saving


@dataclass
class Explanation:
    """Why a problem has no plan, in plain words (English and Dutch).

    ``reasons`` holds machine-readable items, each a dict with a ``kind``
    (``unreachable``, ``capacity``, ``local_capacity``, ``budget``,
    ``max_sites``, ``forced``, ``rules``) and the figures behind it.
    """

    reasons: list[dict] = field(default_factory=list)
    text_en: str = ""
    text_nl: str = ""


@dataclass
class PlanResult:
    """What a planning model proposes and how sure it is.

    Attributes
    ----------
    model, levels, year : the question asked.
    status : ``optimal`` (proven within the requested gap), ``feasible``
        (time limit reached with a plan), ``cancelled`` (stopped by the
        user; ``sites`` holds the best plan found, if any), ``infeasible``
        (see ``explanation``) or ``no_solution`` (stopped before any plan).
    sites : DataFrame of actions: ``site_id``, ``name``, ``kind``
        (``new``, ``expanded``, ``closed``), ``x``, ``y``, ``wijknr``,
        ``functions`` (``+``-joined), ``brede`` (bool), ``places_<level>``
        (places built or added: whole numbers unless
        ``PlanOptions.integer_places`` is off; negative for a closure),
        ``fixed_cost``, ``brede_saving``, ``place_cost``, ``cost``.
    allocation : DataFrame ``point_id``, ``site_id``, ``level``,
        ``children``, ``distance``.
    unmet : DataFrame ``wijknr``, ``level``, ``reason``, ``children`` (rows
        with unmet demand only; ``reason`` is one of
        :data:`~.unmet.UNMET_REASONS`, see :mod:`.unmet`).
    travel : DataFrame per level: ``children`` (demand), ``served``,
        ``mean_m``, ``p90_m`` (demand-weighted), ``share_within``.
    costs : PlanCosts
    mip_gap : relative gap of the main objective (None without a plan).
    proven_optimal : True when every integer stage finished optimal with
        gap 0.
    places_cap : p-median: most places the plan may add per function (its
        shortfall, see ``PlanOptions.places_within_shortfall``); empty
        otherwise.
    """

    model: str
    levels: tuple[str, ...]
    year: int | None
    status: str
    sites: pd.DataFrame
    allocation: pd.DataFrame
    unmet: pd.DataFrame
    travel: pd.DataFrame
    costs: PlanCosts
    mip_gap: float | None
    proven_optimal: bool
    solve_seconds: float
    objective: float | None = None
    budget: float | None = None
    max_new_sites: int | None = None
    max_distance: dict[str, float] = field(default_factory=dict)
    wijk_names: dict[int, str] = field(default_factory=dict)
    explanation: Explanation | None = None
    notes: list[str] = field(default_factory=list)
    minimum_places: dict[str, float] = field(default_factory=dict)
    min_expansion: float = 0.0
    unmet_penalty: dict[str, float] = field(default_factory=dict)
    places_cap: dict[str, float] = field(default_factory=dict)

    @property
    def has_plan(self) -> bool:
        return self.status in ("optimal", "feasible") or (
            self.status == "cancelled" and not self.allocation.empty
        )

    @property
    def new_sites(self) -> pd.DataFrame:
        return self.sites[self.sites["kind"] == "new"]

    @property
    def brede_sites(self) -> pd.DataFrame:
        return self.sites[(self.sites["kind"] == "new") & self.sites["brede"]]

    @property
    def expanded_sites(self) -> pd.DataFrame:
        return self.sites[self.sites["kind"] == "expanded"]

    @property
    def closed_sites(self) -> pd.DataFrame:
        return self.sites[self.sites["kind"] == "closed"]

    def places_added(self) -> dict[str, float]:
        """Places added per level by new sites and expansions."""
        added = self.sites[self.sites["kind"].isin(["new", "expanded"])]
        return {lv: float(added[f"places_{lv}"].sum()) for lv in self.levels}

    def unmet_total(self) -> dict[str, float]:
        """Unserved children per level."""
        return {
            lv: float(self.unmet.loc[self.unmet["level"] == lv, "children"].sum())
            for lv in self.levels
        }

    def unmet_by_reason(self) -> dict[str, float]:
        """Unserved children per reason (all levels), in :data:`UNMET_REASONS` order."""
        if self.unmet.empty:
            return {}
        totals = self.unmet.groupby("reason")["children"].sum()
        return {r: float(totals[r]) for r in UNMET_REASONS if r in totals.index}


def site_columns(levels) -> list[str]:
    return [
        "site_id", "name", "kind", "x", "y", "wijknr", "functions", "brede",
        *[f"places_{lv}" for lv in levels],
        "fixed_cost", "brede_saving", "place_cost", "cost",
    ]  # fmt: skip


def weighted_quantile(values: np.ndarray, weights: np.ndarray, q: float) -> float:
    """The ``q`` quantile of ``values`` weighted by ``weights`` (lower value)."""
    if values.size == 0 or weights.sum() <= 0:
        return float("nan")
    order = np.argsort(values, kind="stable")
    cum = np.cumsum(weights[order])
    k = int(np.searchsorted(cum, q * cum[-1] - 1e-9))
    return float(values[order][min(k, values.size - 1)])


def empty_result(form: Formulation, status: str, seconds: float, notes=None) -> PlanResult:
    """A result without a plan (infeasible or stopped before a first plan)."""
    levels = form.levels
    return PlanResult(
        model=form.options.model,
        levels=levels,
        year=form.problem.year,
        status=status,
        sites=pd.DataFrame(columns=site_columns(levels)),
        allocation=pd.DataFrame(columns=["point_id", "site_id", "level", "children", "distance"]),
        unmet=pd.DataFrame(columns=["wijknr", "level", "reason", "children"]),
        travel=pd.DataFrame(
            columns=["level", "children", "served", "mean_m", "p90_m", "share_within"]
        ),
        costs=PlanCosts(),
        mip_gap=None,
        proven_optimal=False,
        solve_seconds=seconds,
        budget=form.options.budget,
        max_new_sites=form.options.max_new_sites,
        max_distance=max_distances(form),
        wijk_names=wijk_names(form),
        notes=list(notes or []),
        minimum_places=dict(form.minimum),
        min_expansion=float(form.options.min_expansion_places or 0.0),
        unmet_penalty=dict(form.unmet_penalty),
        places_cap=dict(form.places_cap),
    )


def max_distances(form: Formulation) -> dict[str, float]:
    prob = form.problem
    out = {}
    for lv in form.levels:
        if lv in prob.max_distance:
            out[lv] = float(prob.max_distance[lv])
        else:
            mat = prob.distances[lv]
            out[lv] = float(mat.max()) if mat.nnz else 0.0
    return out


def wijk_names(form: Formulation) -> dict[int, str]:
    pts = form.problem.points
    if "wijk" not in pts.columns:
        return {}
    named = pts[["wijknr", "wijk"]].dropna().drop_duplicates("wijknr")
    return {int(k): str(v) for k, v in zip(named["wijknr"], named["wijk"], strict=True)}


def _places(values: np.ndarray, whole: bool) -> np.ndarray:
    """Places from column values: rounded when whole, solver noise dropped."""
    if whole:
        return np.round(values) + 0.0  # no -0.0
    return np.where(values > EPS, values, 0.0)


def build_result(
    form: Formulation,
    values: np.ndarray,
    *,
    status: str,
    mip_gap: float | None,
    proven_optimal: bool,
    seconds: float,
    objective: float | None,
    notes=None,
) -> PlanResult:
    """Read the plan out of the column values of ``form``'s model."""
    prob = form.problem
    levels = form.levels
    n_e = prob.n_existing
    site_ids = prob.site_ids
    ex, cand = prob.existing, prob.candidates
    result = empty_result(form, status, seconds, notes)
    result.mip_gap = mip_gap
    result.proven_optimal = proven_optimal
    result.objective = objective

    # -- allocation, unmet demand, travel -------------------------------
    alloc_parts, travel_rows = [], []
    point_ids = prob.points["point_id"].to_numpy(object)
    wijknr = prob.points["wijknr"].to_numpy()
    for lv in levels:
        blk = form.blocks[lv]
        xv = values[blk.x_cols]
        used = xv > EPS
        alloc_parts.append(
            pd.DataFrame(
                {
                    "point_id": point_ids[blk.x_point[used]],
                    "site_id": site_ids[blk.x_site[used]],
                    "level": lv,
                    "children": xv[used],
                    "distance": blk.x_dist[used],
                }
            )
        )
        demand = float(form.demand[lv].sum())
        served = float(xv[used].sum())
        dist = blk.x_dist[used]
        travel_rows.append(
            {
                "level": lv,
                "children": demand,
                "served": served,
                "mean_m": float(np.average(dist, weights=xv[used])) if served > 0 else float("nan"),
                "p90_m": weighted_quantile(dist, xv[used], 0.9),
                "share_within": served / demand if demand > 0 else 1.0,
            }
        )
    result.allocation = pd.concat(alloc_parts, ignore_index=True)
    why = unmet_by_reason(form, values)
    if len(why):
        why["wijknr"] = wijknr[why["point"].to_numpy(dtype=int)]
        result.unmet = why.groupby(["wijknr", "level", "reason"], as_index=False, sort=False)[
            "children"
        ].sum()[["wijknr", "level", "reason", "children"]]
    result.travel = pd.DataFrame(travel_rows)

    # -- sites --------------------------------------------------------------
    rows = []
    places_e = {lv: np.zeros(n_e) for lv in levels}
    places_c = {lv: np.zeros(prob.n_candidates) for lv in levels}
    for lv in levels:
        # Places as built: whole places (integer columns), at least the
        # minimum size of a new function even where fewer children use them.
        blk = form.blocks[lv]
        places_e[lv][blk.e_site] = _places(values[blk.e_cols], form.options.integer_places)
        places_c[lv][blk.p_cand] = _places(values[blk.p_cols], form.options.integer_places)
    cpp_e = ex["cost_per_place"].to_numpy(float) if n_e else np.zeros(0)
    extra = sum(places_e.values()) if levels else np.zeros(n_e)
    kept = np.ones(n_e, dtype=bool)
    kept[form.z_site] = np.round(values[form.z_cols]) > 0.5
    closure = ex["closure_saving"].to_numpy(float) if n_e else np.zeros(0)
    names_e = ex["name"].astype(str).to_numpy() if "name" in ex.columns else site_ids[:n_e]
    for j in np.flatnonzero((extra > EPS) | ~kept):
        closed = not kept[j]
        rows.append(
            {
                "site_id": site_ids[j],
                "name": names_e[j],
                "kind": "closed" if closed else "expanded",
                "x": float(ex["x"].iloc[j]),
                "y": float(ex["y"].iloc[j]),
                "wijknr": int(ex["wijknr"].iloc[j]),
                "functions": "",
                "brede": False,
                **{
                    f"places_{lv}": -float(ex[f"capacity_{lv}"].iloc[j])
                    if closed
                    else places_e[lv][j]
                    for lv in levels
                },
                "fixed_cost": 0.0,
                "brede_saving": 0.0,
                "place_cost": float(cpp_e[j] * extra[j]),
                "cost": float(cpp_e[j] * extra[j]) - (closure[j] if closed else 0.0),
            }
        )
    n_functions, gross, saving = brede_costs(form.brede, values)
    opened = np.round(values[form.brede.o_cols]) > 0.5
    cpp_c = cand["cost_per_place"].to_numpy(float) if prob.n_candidates else np.zeros(0)
    names_c = cand["name"].astype(str).to_numpy() if "name" in cand.columns else site_ids[n_e:]
    for c in np.flatnonzero(opened):
        funcs = [f for f, cols in form.brede.y_cols.items() if values[cols[c]] > 0.5]
        place_cost = float(cpp_c[c] * sum(places_c[lv][c] for lv in levels))
        rows.append(
            {
                "site_id": site_ids[n_e + c],
                "name": names_c[c],
                "kind": "new",
                "x": float(cand["x"].iloc[c]),
                "y": float(cand["y"].iloc[c]),
                "wijknr": int(cand["wijknr"].iloc[c]),
                "functions": "+".join(funcs),
                "brede": len(funcs) >= 2,
                **{f"places_{lv}": places_c[lv][c] for lv in levels},
                "fixed_cost": float(gross[c]),
                "brede_saving": float(saving[c]),
                "place_cost": place_cost,
                "cost": float(gross[c] - saving[c]) + place_cost,
            }
        )
    result.sites = pd.DataFrame(rows, columns=site_columns(levels))
    result.costs = PlanCosts(
        fixed=float(gross[opened].sum()),
        brede_saving=float(saving[opened].sum()),
        new_places=float(sum((cpp_c * places_c[lv]).sum() for lv in levels)),
        expansion=float((cpp_e * extra).sum()) if n_e else 0.0,
        closure_saving=float(closure[~kept].sum()) if n_e else 0.0,
    )
    return result
