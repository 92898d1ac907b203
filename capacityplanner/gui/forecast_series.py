"""Time series behind the forecast charts, for the city or one wijk, every school year at once.

:func:`demand_capacity_series` is the balance of
:func:`capacityplanner.models.balance.balance_by_wijk` vectorised over all
school years (one call instead of one per year and variant), so a chart of
27 years x 3 variants draws at once; the tests check it against the
workspace's balance. :func:`age_band_series` and :func:`housing_series` give
the population and what housing projects add, by age band.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from capacityplanner.models.forecast import Forecast, level_weight_matrix, project
from capacityplanner.models.forecast_inputs import build_inputs
from capacityplanner.models.levels import BASE_LEVELS, expand_level
from capacityplanner.models.params import VARIANTS
from capacityplanner.scenarios.workspace import Workspace

__all__ = [
    "AGE_BANDS_SHOWN",
    "Series",
    "age_band_series",
    "demand_capacity_series",
    "housing_series",
    "project_housing",
]

#: Age bands of the charts (inclusive): childcare, kleuter, lager, secundair.
AGE_BANDS_SHOWN = {"0-2": (0, 2), "3-5": (3, 5), "6-11": (6, 11), "12-17": (12, 17)}


@dataclass
class Series:
    """Values per year for the low, mid and high births variant.

    Attributes
    ----------
    years : numpy.ndarray
        School years (demand, capacity) or 1 January years (population).
    values : numpy.ndarray
        ``(3, n_years)`` in the order of :data:`VARIANTS`.
    """

    years: np.ndarray
    values: np.ndarray

    @property
    def low(self) -> np.ndarray:
        return self.values[VARIANTS.index("low")]

    @property
    def mid(self) -> np.ndarray:
        return self.values[VARIANTS.index("mid")]

    @property
    def high(self) -> np.ndarray:
        return self.values[VARIANTS.index("high")]


def _capacity_grid(
    workspace: Workspace, wijknrs: np.ndarray, school_years: np.ndarray
) -> np.ndarray:
    """Capacity ``(wijk, base level, school year)`` counting what opened by each year."""
    records = workspace.capacity_records()
    grid = np.zeros((len(wijknrs), len(BASE_LEVELS), len(school_years)))
    if len(records) == 0:
        return grid
    w = np.searchsorted(wijknrs, records["wijknr"].to_numpy(dtype=int))
    level_pos = {lvl: i for i, lvl in enumerate(BASE_LEVELS)}
    lv = records["level"].map(level_pos).to_numpy()
    t = np.searchsorted(
        school_years, records["school_year"].to_numpy(dtype=int)
    )  # first year it counts
    ok = pd.notna(lv) & (t < len(school_years)) & (w < len(wijknrs))
    ok &= wijknrs[np.clip(w, 0, len(wijknrs) - 1)] == records["wijknr"].to_numpy(dtype=int)
    np.add.at(
        grid,
        (w[ok], lv[ok].astype(int), t[ok]),
        records["places"].to_numpy(dtype=float)[ok],
    )
    return np.cumsum(grid, axis=2)


def demand_capacity_series(
    workspace: Workspace, level: str, wijknr: int | None = None
) -> tuple[Series, np.ndarray]:
    """Demand (per variant) and capacity of ``level`` for the city or one wijk, every school year.

    Demand is residents plus the inflow share, as in the balance: the pupils
    living outside Ghent spread over the wijken by the level's capacity.

    Returns
    -------
    demand : Series
        School years and demand per variant.
    capacity : numpy.ndarray
        Capacity per school year (places opened by then).
    """
    forecast = workspace.forecast("sector")
    params = workspace.params
    years = forecast.school_years.astype(int)
    wijknrs = workspace.wijknrs
    pos = np.searchsorted(wijknrs, forecast.area_wijknr)
    cap = _capacity_grid(workspace, wijknrs, years)  # (w, l, t)
    share = np.array([params.inflow_share.get(lvl, 0.0) for lvl in BASE_LEVELS])[:, None]
    parts = [BASE_LEVELS.index(p) for p in expand_level(level)]
    sel = slice(None) if not wijknr else wijknrs == int(wijknr)
    demand = np.zeros((len(VARIANTS), len(years)))
    for v, variant in enumerate(VARIANTS):
        resident = forecast.resident_demand(variant)  # (areas, l, t)
        res_w = np.zeros((len(wijknrs), *resident.shape[1:]))
        np.add.at(res_w, pos, resident)
        res_total = res_w.sum(axis=0)
        cap_total = cap.sum(axis=0)
        spread = np.where(
            cap_total > 0,
            cap / np.where(cap_total > 0, cap_total, 1.0),
            res_w / np.where(res_total > 0, res_total, 1.0),
        )
        inflow = spread * (res_total * share / (1.0 - share))
        demand[v] = (res_w + inflow)[sel][:, parts].sum(axis=(0, 1))
    return Series(years, demand), cap[sel][:, parts].sum(axis=(0, 1))


def age_band_series(workspace: Workspace, wijknr: int | None = None) -> dict[str, Series]:
    """Population per age band (1 January of each year) for the city or one wijk."""
    forecast = workspace.forecast("sector")
    sel = slice(None) if not wijknr else forecast.area_wijknr == int(wijknr)
    pop = forecast.population[:, sel].sum(axis=1)  # (v, ages, years)
    return {
        band: Series(forecast.years.astype(int), pop[:, lo : hi + 1].sum(axis=1))
        for band, (lo, hi) in AGE_BANDS_SHOWN.items()
    }


def project_housing(workspace: Workspace, project_id: str | None) -> tuple[Forecast, np.ndarray]:
    """What housing adds: the wijk-level forecast and its ``housing_population``.

    Parameters
    ----------
    project_id : str or None
        One project (``project_id`` or ``site_id`` of the woonprojecten layer);
        None for all projects together.
    """
    if project_id is None:
        forecast = workspace.forecast("wijk")
        return forecast, forecast.housing_population
    projects = workspace.housing_projects()
    key = "project_id" if "project_id" in projects.columns else "site_id"
    one = projects[projects[key].astype(str) == str(project_id)]
    wijken = workspace.wijken
    inputs = build_inputs(
        workspace.dataset.table("bevolking"),
        workspace.dataset.table("geboorten"),
        dict(zip(wijken["wijknr"].astype(int), wijken["stadsdeel"], strict=True)),
        workspace.params,
        one,
        level="wijk",
    )
    forecast = project(inputs, workspace.params)
    return forecast, forecast.housing_population


def housing_series(
    workspace: Workspace, project_id: str | None = None, wijknr: int | None = None
) -> tuple[np.ndarray, dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Extra children by age band, and extra demand by level, that housing adds per year.

    Returns
    -------
    years : numpy.ndarray
        1 January years.
    bands : dict
        Age band -> extra residents per year.
    levels : dict
        Base level -> extra resident demand per school year (index = years[1:]).
    """
    forecast, added = project_housing(workspace, project_id)
    sel = slice(None) if not wijknr else forecast.area_wijknr == int(wijknr)
    total = added[sel].sum(axis=0)  # (ages, years)
    bands = {b: total[lo : hi + 1].sum(axis=0) for b, (lo, hi) in AGE_BANDS_SHOWN.items()}
    weights = level_weight_matrix(workspace.params)  # (levels, ages)
    demand = weights @ total[:, 1:]
    levels = {lvl: demand[i] for i, lvl in enumerate(BASE_LEVELS)}
    return forecast.years.astype(int), bands, levels
