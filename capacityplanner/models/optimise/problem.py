"""Inputs of the location-allocation planning models.

A :class:`PlanningProblem` holds the demand points, the existing sites, the
candidate sites and, per level, a sparse matrix of reachable (point, site)
pairs with their distance. :class:`PlanOptions` says which model to run and
with which limits and city rules.

Column conventions (all coordinates EPSG:31370, metres):

demand points
    ``point_id``, ``x``, ``y``, ``wijknr`` (0 for entry points outside
    Ghent), one column per level key holding the children (float), and
    ``weight`` (priority multiplier). Without ``weight`` but with
    ``deprivation_index``, the weight is ``1 + alpha * deprivation_index``.
existing sites
    ``site_id``, ``x``, ``y``, ``wijknr``, ``capacity_<level>``,
    ``cost_per_place``, ``max_extra_places``, ``status`` in
    :data:`EXISTING_STATUSES` (default ``expandable``), optional
    ``closure_saving`` (EUR gained when a closable site closes) and ``name``.
candidate sites
    ``site_id``, ``x``, ``y``, ``wijknr``, ``max_<level>`` (places a new
    site could offer per level), ``fixed_cost`` (EUR per function opened),
    ``cost_per_place``, optional ``status`` in :data:`CANDIDATE_STATUSES`
    and ``name``.
statuses of existing sites
    ``open``: kept at its capacity; ``expandable`` (default): kept, may grow
    by up to ``max_extra_places`` (all levels together) at
    ``cost_per_place``; ``forced_open``: kept whatever the model, may grow
    (as ``expandable``; the word makes the planner's decision explicit);
    ``closable``: the model may close it (its capacity goes, its
    ``closure_saving`` counts), it does not grow.
statuses of candidate sites
    ``candidate`` (default): the model decides; ``forced_open``: opens in
    every plan (the model picks its functions); ``excluded``: never used.
distances
    ``{level: csr_matrix}`` of shape (points, existing + candidates), sites
    in that order; a stored entry means the site is within the level's
    maximum distance and holds the distance in metres.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

from capacityplanner.errors import InputError

LEVELS = ("kinderopvang", "kleuter", "lager", "basis", "secundair", "bso", "jeugd")
MODELS = ("cover-cost", "p-median", "max-cover", "min-sites")

#: A level belongs to one site function; kleuter and lager are one school.
FUNCTION_OF_LEVEL = {
    "kleuter": "basis",
    "lager": "basis",
    "basis": "basis",
    "secundair": "secundair",
    "kinderopvang": "kinderopvang",
    "bso": "bso",
    "jeugd": "jeugd",
}
FUNCTIONS = ("basis", "secundair", "kinderopvang", "bso", "jeugd")
SCHOOL_FUNCTIONS = ("basis", "secundair")
LEVELS_OF_FUNCTION = {
    "basis": ("kleuter", "lager", "basis"),
    "secundair": ("secundair",),
    "kinderopvang": ("kinderopvang",),
    "bso": ("bso",),
    "jeugd": ("jeugd",),
}

EXISTING_STATUSES = ("open", "expandable", "closable", "forced_open")
CANDIDATE_STATUSES = ("candidate", "forced_open", "excluded")

#: Smallest new function worth building on a new site (places). A basis school
#: of 150 pupils (kleuter + lager) and a secondary school of 300 are the small
#: end of Ghent's schools; 14 childcare places are one group; 20 bso places
#: one out-of-school-care group; 30 youth-work places one youth-movement group.
DEFAULT_MIN_NEW_PLACES: dict[str, float] = {
    "basis": 150.0,
    "secundair": 300.0,
    "kinderopvang": 14.0,
    "bso": 20.0,
    "jeugd": 30.0,
}

#: When only part of a function's levels is planned, its minimum counts pro
#: rata: kleuter holds about a third of a basis school's pupils (three of its
#: nine years), lager two thirds.
LEVEL_SHARE_OF_FUNCTION = {"kleuter": 1.0 / 3.0, "lager": 2.0 / 3.0, "basis": 1.0}


@dataclass
class PlanOptions:
    """Which model to run, with which limits and city rules.

    Parameters
    ----------
    model : str
        ``"cover-cost"`` (close the shortfall at least cost),
        ``"p-median"`` (exactly ``p`` new sites, each of at least the
        minimum size, least demand-weighted distance, then least cost;
        with ``places_within_shortfall`` no more places added than the
        shortfall),
        ``"max-cover"`` (most weighted children served within the budget
        and/or site limit) or ``"min-sites"`` (fewest new sites that close
        the gap, then the cheapest such plan).
    levels : sequence of str, optional
        Levels to plan; default all levels of the problem.
    budget : float, optional
        Upper bound on investment (EUR): fixed costs minus brede savings
        plus places at new sites plus extra places at existing sites.
    max_new_sites : int, optional
        At most this many new sites.
    p : int, optional
        Number of new sites for ``p-median``.
    brede_saving : float
        Share of a candidate's fixed cost saved for each function beyond
        the first opened on the same site (0 <= saving < 1).
    rule_basis_with_bso : bool
        Every new basis school also gets out-of-school care (bso).
    rule_brede_standard : bool
        Every new site is a brede site: a school with kinderopvang and bso.
    allow_unmet : bool
        Let cover-cost and min-sites leave demand unserved at a penalty
        instead of declaring the problem infeasible.
    unmet_penalty : float or mapping of level to float, optional
        What the model counts per unserved child (times the child's
        priority weight) when unmet demand is allowed: EUR for cover-cost,
        metres for p-median, sites for min-sites (max-cover maximises the
        weighted children served and needs none). The default for
        cover-cost is, per level, :data:`~.formulation.UNMET_PENALTY_FACTOR`
        (2) times the dearest place of a smallest viable new site: the
        largest ``cost_per_place + fixed cost / minimum size`` over the
        candidates able to host the level (the fixed cost of every function
        the city rules add to such a site included), or the dearest
        expansion place if higher. So an expansion in reach always serves a
        child, and a new site opens once the children it would serve reach
        about half its minimum size (weighted); a pocket of a few children
        near no viable site stays unserved and is reported as such.
        For min-sites the default is 2 / minimum size sites per child
        (a new site is worth opening for half its minimum size); for
        p-median ten times the longest reachable distance plus 10 km. With
        ``min_new_places`` disabled (0) for a level's function, the
        default makes serving a single child always win (the former
        behaviour).
    min_new_places : mapping of str to float
        Minimum places of a function opened on a new site, keyed by function
        (``basis``, ``secundair``, ``kinderopvang``, ``bso``, ``jeugd``;
        counts the planned levels of that function together) or by level
        (``kleuter``, ``lager``: that level alone). Default
        :data:`DEFAULT_MIN_NEW_PLACES`: basis school 150 (kleuter + lager;
        when only kleuter or lager is planned, a third or two thirds of it),
        secundair 300, kinderopvang 14 (one group), bso 20, jeugd 30. 0 (or
        an empty mapping) disables the minimum. A candidate whose ``max_``
        places for the function fall short of its minimum cannot host it.
        Functions the city rules add without planning their level (e.g.
        kinderopvang on a brede site when only secundair is planned) have
        no places to check.
    min_expansion_places : float
        Minimum extra places of an expansion of an existing site (all its
        levels together): a site grows by at least this many places or not
        at all, so that the plan does not add a handful of places to a
        school (e.g. 24, one classroom). A site whose ``max_extra_places``
        are fewer cannot grow. 0 (default) sets no minimum.
    integer_places : bool
        Build whole places: places at new sites and extra places at
        existing sites are integer variables (the allocation of children
        stays continuous), and each demand point's children are rounded to
        whole children (largest remainder per level, the city total kept;
        see :func:`~.formulation.whole_children`). ``False`` keeps places
        and demand as they are (fractional places).
    mip_rel_gap : float
        Relative MIP gap; 0 proves optimality.
    time_limit : float, optional
        Seconds for the whole solve.
    strong_linking : bool
        Add ``x_ij <= d_i y_j`` rows for new sites (tighter, usually faster).
    places_within_shortfall : bool
        ``p-median`` only: per function, the places built at new sites plus
        those added at existing sites stay within the shortfall (demand of
        the planned levels minus the capacity of existing sites, plus what
        closable sites hold), or within ``p`` times the minimum size of a
        new site where that is larger. Without it, every place that
        shortens a trip is worth building, whatever it costs (a budget is
        then the only limit).
    """

    model: str = "cover-cost"
    levels: Sequence[str] | None = None
    budget: float | None = None
    max_new_sites: int | None = None
    p: int | None = None
    brede_saving: float = 0.25
    rule_basis_with_bso: bool = False
    rule_brede_standard: bool = False
    allow_unmet: bool = False
    unmet_penalty: float | Mapping[str, float] | None = None
    min_new_places: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_MIN_NEW_PLACES)
    )
    min_expansion_places: float = 0.0
    integer_places: bool = True
    mip_rel_gap: float = 0.0
    time_limit: float | None = None
    strong_linking: bool = True
    places_within_shortfall: bool = True

    def validate(self, problem: PlanningProblem) -> tuple[str, ...]:
        """Check the options against ``problem``; return the levels to plan."""
        if self.model not in MODELS:
            raise InputError(
                f"Unknown planning model {self.model!r}; choose one of {', '.join(MODELS)}."
            )
        levels = tuple(self.levels) if self.levels else problem.levels
        missing = [lv for lv in levels if lv not in problem.levels]
        if missing:
            raise InputError(
                f"Level(s) {', '.join(missing)} asked for, but the planning problem only has "
                f"{', '.join(problem.levels)}."
            )
        if not 0.0 <= self.brede_saving < 1.0:
            raise InputError(
                f"brede_saving must lie between 0 and 1 (a share); got {self.brede_saving}."
            )
        if self.budget is not None and self.budget < 0:
            raise InputError(f"The budget must not be negative; got {self.budget}.")
        if self.max_new_sites is not None and self.max_new_sites < 0:
            raise InputError(f"max_new_sites must not be negative; got {self.max_new_sites}.")
        if self.model == "p-median":
            if self.p is None or self.p < 0:
                raise InputError("The p-median model needs p, the number of new sites (0 or more).")
            if self.p > problem.n_candidates:
                raise InputError(
                    f"p = {self.p} new sites asked for, but there are only "
                    f"{problem.n_candidates} candidate sites."
                )
        if self.model == "max-cover" and self.budget is None and self.max_new_sites is None:
            raise InputError("The max-cover model needs a budget or a maximum number of new sites.")
        if self.mip_rel_gap < 0:
            raise InputError(f"mip_rel_gap must not be negative; got {self.mip_rel_gap}.")
        if self.time_limit is not None and self.time_limit <= 0:
            raise InputError(f"time_limit must be positive seconds; got {self.time_limit}.")
        for key, value in (self.min_new_places or {}).items():
            if key not in FUNCTIONS and key not in LEVELS:
                raise InputError(
                    f"min_new_places has key {key!r}; use a function ({', '.join(FUNCTIONS)}) "
                    f"or a level ({', '.join(LEVELS)})."
                )
            if not np.isfinite(value) or value < 0:
                raise InputError(f"min_new_places[{key!r}] must be 0 or more places; got {value}.")
        if not np.isfinite(self.min_expansion_places) or self.min_expansion_places < 0:
            raise InputError(
                f"min_expansion_places must be 0 or more places; got {self.min_expansion_places}."
            )
        penalties = self.unmet_penalty
        if penalties is not None:
            items = penalties.items() if isinstance(penalties, Mapping) else [("all", penalties)]
            for key, value in items:
                if not np.isfinite(value) or value < 0:
                    raise InputError(f"unmet_penalty ({key}) must be 0 or more; got {value}.")
        return levels

    def function_minimum(self, function: str, levels: Sequence[str]) -> float:
        """Minimum places of ``function`` on a new site, counting the planned ``levels`` of it.

        The function's own entry, pro rata to the planned share of its
        levels (:data:`LEVEL_SHARE_OF_FUNCTION`); 0 without an entry.
        """
        minimum = float((self.min_new_places or {}).get(function, 0.0))
        if minimum <= 0:
            return 0.0
        planned = [lv for lv in LEVELS_OF_FUNCTION[function] if lv in levels]
        if function == "basis" and "basis" not in planned:
            share = sum(LEVEL_SHARE_OF_FUNCTION[lv] for lv in planned)
            minimum *= min(share, 1.0)
        return float(np.ceil(minimum - 1e-9)) if planned else 0.0

    def level_minimum(self, level: str) -> float:
        """Minimum places of ``level`` alone on a new site (a level key of ``min_new_places``)."""
        if level == FUNCTION_OF_LEVEL[level]:
            return 0.0  # a function key, handled by function_minimum
        return float((self.min_new_places or {}).get(level, 0.0))


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(f"The {what} table lacks column(s) {', '.join(missing)}.")


def _numeric(frame: pd.DataFrame, column: str, what: str, default: float = 0.0) -> np.ndarray:
    if column not in frame.columns:
        return np.full(len(frame), float(default))
    values = pd.to_numeric(frame[column], errors="coerce")
    bad = values.isna() & frame[column].notna()
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError(
            f"The {what} table has a non-numeric value {frame[column].iloc[row]!r} "
            f"in column {column!r}, row {row + 1}."
        )
    values = values.fillna(default).to_numpy(dtype=float)
    if np.any(values < 0):
        row = int(np.flatnonzero(values < 0)[0])
        raise InputError(
            f"The {what} table has a negative value in column {column!r}, row {row + 1}."
        )
    return values


def level_column(frame: pd.DataFrame, prefix: str, level: str, what: str) -> np.ndarray:
    """Values of ``<prefix><level>``; ``basis`` falls back to kleuter + lager."""
    name = f"{prefix}{level}"
    if name in frame.columns:
        return _numeric(frame, name, what)
    if level == "basis":
        return _numeric(frame, f"{prefix}kleuter", what) + _numeric(frame, f"{prefix}lager", what)
    return np.zeros(len(frame))


@dataclass
class PlanningProblem:
    """Demand, existing sites, candidate sites and reachable distances.

    Build it with :meth:`from_frames`, which checks the tables and raises
    :class:`~capacityplanner.errors.InputError` on bad input.
    """

    levels: tuple[str, ...]
    points: pd.DataFrame
    existing: pd.DataFrame
    candidates: pd.DataFrame
    distances: dict[str, sp.csr_matrix]
    year: int | None = None
    demand: dict[str, np.ndarray] = field(default_factory=dict)
    weight: np.ndarray = field(default_factory=lambda: np.zeros(0))
    max_distance: dict[str, float] = field(default_factory=dict)

    @property
    def n_points(self) -> int:
        return len(self.points)

    @property
    def n_existing(self) -> int:
        return len(self.existing)

    @property
    def n_candidates(self) -> int:
        return len(self.candidates)

    @property
    def n_sites(self) -> int:
        return self.n_existing + self.n_candidates

    @property
    def site_ids(self) -> np.ndarray:
        return np.concatenate(
            [self.existing["site_id"].to_numpy(object), self.candidates["site_id"].to_numpy(object)]
        )

    @classmethod
    def from_frames(
        cls,
        demand: pd.DataFrame,
        existing: pd.DataFrame,
        candidates: pd.DataFrame,
        distances: Mapping[str, sp.spmatrix],
        *,
        levels: Sequence[str] | None = None,
        year: int | None = None,
        alpha: float = 1.0,
        max_distance: Mapping[str, float] | None = None,
    ) -> PlanningProblem:
        """Check and assemble a planning problem from tables.

        Parameters
        ----------
        demand : pandas.DataFrame
            Demand points (see module docstring).
        existing, candidates : pandas.DataFrame
            Existing and candidate sites (either may be empty).
        distances : mapping of level to sparse matrix
            Reachable pairs per level, shape (points, existing + candidates).
        levels : sequence of str, optional
            Levels in the problem; default the keys of ``distances``.
        year : int, optional
            Target school year the demand describes (for the texts).
        alpha : float
            Priority weight ``1 + alpha * deprivation_index`` when ``demand``
            has no ``weight`` column.
        max_distance : mapping of level to metres, optional
            The distance limit the matrices were built with (for the texts);
            default the longest stored distance.
        """
        levels = tuple(levels) if levels is not None else tuple(distances)
        if not levels:
            raise InputError("The planning problem needs at least one level.")
        for lv in levels:
            if lv not in LEVELS:
                raise InputError(f"Unknown level {lv!r}; level keys are {', '.join(LEVELS)}.")
            if lv not in distances:
                raise InputError(f"No distance matrix given for level {lv!r}.")
        _require(demand, ["point_id", "x", "y", "wijknr", *levels], "demand points")
        _require(existing, ["site_id", "x", "y", "wijknr"], "existing sites")
        _require(candidates, ["site_id", "x", "y", "wijknr"], "candidate sites")
        points = demand.reset_index(drop=True).copy()
        existing = existing.reset_index(drop=True).copy()
        candidates = candidates.reset_index(drop=True).copy()
        if points["point_id"].duplicated().any():
            dup = points.loc[points["point_id"].duplicated(), "point_id"].iloc[0]
            raise InputError(f"The demand points table repeats point_id {dup!r}.")
        ids = pd.concat([existing["site_id"], candidates["site_id"]], ignore_index=True)
        if ids.duplicated().any():
            raise InputError(
                f"site_id {ids[ids.duplicated()].iloc[0]!r} appears more than once among "
                "existing and candidate sites."
            )
        dem = {lv: _numeric(points, lv, "demand points") for lv in levels}
        if "weight" in points.columns:
            weight = _numeric(points, "weight", "demand points", default=1.0)
        elif "deprivation_index" in points.columns:
            weight = 1.0 + alpha * _numeric(points, "deprivation_index", "demand points")
        else:
            weight = np.ones(len(points))
        points["weight"] = weight

        if "status" not in existing.columns:
            existing["status"] = "expandable"
        existing["status"] = existing["status"].fillna("expandable").astype(str)
        bad = ~existing["status"].isin(EXISTING_STATUSES)
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise InputError(
                f"Existing site {existing['site_id'].iloc[row]!r} has status "
                f"{existing['status'].iloc[row]!r}; use one of {', '.join(EXISTING_STATUSES)}."
            )
        for col in ("cost_per_place", "max_extra_places", "closure_saving"):
            existing[col] = _numeric(existing, col, "existing sites")
        if "status" not in candidates.columns:
            candidates["status"] = "candidate"
        candidates["status"] = candidates["status"].fillna("candidate").astype(str)
        bad = ~candidates["status"].isin(CANDIDATE_STATUSES)
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise InputError(
                f"Candidate site {candidates['site_id'].iloc[row]!r} has status "
                f"{candidates['status'].iloc[row]!r}; use one of {', '.join(CANDIDATE_STATUSES)}."
            )
        for col in ("fixed_cost", "cost_per_place"):
            candidates[col] = _numeric(candidates, col, "candidate sites")
        for lv in levels:
            existing[f"capacity_{lv}"] = level_column(existing, "capacity_", lv, "existing sites")
            candidates[f"max_{lv}"] = level_column(candidates, "max_", lv, "candidate sites")

        n_sites = len(existing) + len(candidates)
        mats: dict[str, sp.csr_matrix] = {}
        for lv in levels:
            mat = sp.csr_matrix(distances[lv])
            if mat.shape != (len(points), n_sites):
                raise InputError(
                    f"The distance matrix for {lv} has shape {mat.shape}; expected "
                    f"({len(points)} points, {n_sites} sites: existing then candidates)."
                )
            if mat.nnz and (not np.all(np.isfinite(mat.data)) or mat.data.min() < 0):
                raise InputError(f"The distance matrix for {lv} holds negative or missing values.")
            mat.sum_duplicates()
            mat.sort_indices()
            mats[lv] = mat
        limits = {lv: float(v) for lv, v in (max_distance or {}).items() if lv in levels}
        return cls(levels, points, existing, candidates, mats, year, dem, weight, limits)

    def functions_available(self, function: str) -> np.ndarray:
        """Boolean per candidate: may this function be opened there?

        A function whose levels have a ``max_`` column is available where one
        of them is positive; a function with no such column (e.g. bso when no
        bso demand is planned) is available everywhere.
        """
        cols = [f"max_{lv}" for lv in LEVELS_OF_FUNCTION[function]]
        present = [c for c in cols if c in self.candidates.columns]
        if not present:
            return np.ones(self.n_candidates, dtype=bool)
        total = sum(_numeric(self.candidates, c, "candidate sites") for c in present)
        return np.asarray(total > 0)
