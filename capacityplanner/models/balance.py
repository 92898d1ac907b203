"""Capacity balance per wijk, level and school year, and citywide.

* ``balance`` = capacity - demand (positive: surplus, negative: shortfall);
  ``shortfall`` = demand - capacity where positive, else 0.
* A wijk's demand is its residents' demand plus its share of the pupils who
  live outside Ghent (``inflow_share`` of the level): those are spread over
  the wijken in proportion to the level's capacity there, because they come
  to where the schools are. Summed over the wijken, demand is the citywide
  demand the Flemish capacity monitor counts.
* The citywide shortfall is total demand minus total capacity (not the sum
  of the wijken's shortfalls).
* Childcare coverage (dekkingsgraad) = childcare places / children aged 0-2,
  against the Barcelona norm (33%) and the Flemish norm (52%).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from capacityplanner.models.capacity import capacity_as_of
from capacityplanner.models.forecast import Forecast
from capacityplanner.models.levels import BASE_LEVELS, COMPOSITE_LEVELS, LEVELS

BARCELONA_NORM = 0.33
FLEMISH_NORM = 0.52


def balance_by_wijk(
    forecast: Forecast,
    records: pd.DataFrame,
    school_year: int,
    wijknrs: np.ndarray,
    capacity_as_of_year: int | None = None,
    variant: str | None = None,
) -> pd.DataFrame:
    """Balance of every wijk and level for one school year.

    Parameters
    ----------
    forecast : Forecast
        Projection at sector or wijk level.
    records : pandas.DataFrame
        Capacity records (:func:`capacityplanner.models.capacity.capacity_records`).
    school_year : int
        School year ``Y`` (Y-(Y+1)); demand uses the population of 1 January Y+1.
    wijknrs : numpy.ndarray
        Every wijk number, so wijken without sites or children still get a row.
    capacity_as_of_year : int, optional
        Count only capacity opened by this school year (default: ``school_year``).
    variant : str, optional
        Birth variant (default: the forecast parameters' variant).

    Returns
    -------
    pandas.DataFrame
        One row per wijk and level (:data:`LEVELS`): ``wijknr``, ``level``, ``year``,
        ``capacity``, ``resident_demand``, ``inflow_demand``, ``demand``, ``balance``,
        ``shortfall``; kinderopvang rows also carry ``children_0_2``, ``coverage``,
        ``income_related`` and ``income_related_share``.
    """
    params = forecast.params
    t = forecast.year_index(school_year)
    as_of = school_year if capacity_as_of_year is None else capacity_as_of_year
    wijknrs = np.asarray(sorted(int(w) for w in wijknrs))
    pos = np.searchsorted(wijknrs, forecast.area_wijknr)

    resident = forecast.resident_demand(variant)[:, :, t - 1]  # (areas, base levels)
    resident_w = np.zeros((len(wijknrs), len(BASE_LEVELS)))
    np.add.at(resident_w, pos, resident)

    cap = capacity_as_of(records, as_of)
    cap_grid = (
        cap.pivot_table(index="wijknr", columns="level", values="capacity", aggfunc="sum")
        .reindex(index=wijknrs, columns=list(BASE_LEVELS))
        .fillna(0.0)
        .to_numpy()
    )
    income = (
        cap[cap["level"] == "kinderopvang"]
        .set_index("wijknr")["income_related"]
        .reindex(wijknrs)
        .fillna(0.0)
        .to_numpy()
    )

    inflow_share = np.array([params.inflow_share.get(level, 0.0) for level in BASE_LEVELS])
    inflow_total = resident_w.sum(axis=0) * inflow_share / (1.0 - inflow_share)
    cap_total = cap_grid.sum(axis=0)
    res_total = resident_w.sum(axis=0)
    spread = np.where(
        cap_total > 0,
        cap_grid / np.where(cap_total > 0, cap_total, 1.0),
        resident_w / np.where(res_total > 0, res_total, 1.0),
    )
    inflow_w = spread * inflow_total

    frames = []
    for j, level in enumerate(BASE_LEVELS):
        frames.append(
            _rows(wijknrs, level, school_year, cap_grid[:, j], resident_w[:, j], inflow_w[:, j])
        )
    for level, parts in COMPOSITE_LEVELS.items():
        idx = [BASE_LEVELS.index(p) for p in parts]
        frames.append(
            _rows(
                wijknrs,
                level,
                school_year,
                cap_grid[:, idx].sum(axis=1),
                resident_w[:, idx].sum(axis=1),
                inflow_w[:, idx].sum(axis=1),
            )
        )
    table = pd.concat(frames, ignore_index=True)

    pop = forecast.population[forecast.variant_index(variant)][:, :, t]
    children = np.zeros(len(wijknrs))
    np.add.at(children, pos, pop[:, 0:3].sum(axis=1))
    kin = table["level"] == "kinderopvang"
    places = table.loc[kin, "capacity"].to_numpy()
    table.loc[kin, "children_0_2"] = children
    table.loc[kin, "coverage"] = np.where(
        children > 0, places / np.where(children > 0, children, 1), np.nan
    )
    table.loc[kin, "income_related"] = income
    table.loc[kin, "income_related_share"] = np.where(
        places > 0, income / np.where(places > 0, places, 1), np.nan
    )
    order = {level: i for i, level in enumerate(LEVELS)}
    table["_order"] = table["level"].map(order)
    return table.sort_values(["_order", "wijknr"]).drop(columns="_order").reset_index(drop=True)


def _rows(wijknrs, level, year, capacity, resident, inflow) -> pd.DataFrame:
    demand = resident + inflow
    return pd.DataFrame(
        {
            "wijknr": wijknrs,
            "level": level,
            "year": year,
            "capacity": capacity,
            "resident_demand": resident,
            "inflow_demand": inflow,
            "demand": demand,
            "balance": capacity - demand,
            "shortfall": np.maximum(demand - capacity, 0.0),
        }
    )


def city_balance(by_wijk: pd.DataFrame) -> pd.DataFrame:
    """Citywide totals per level: the shortfall is total demand minus total capacity.

    Returns
    -------
    pandas.DataFrame
        One row per level: ``level``, ``year``, ``capacity``, ``resident_demand``,
        ``inflow_demand``, ``demand``, ``balance``, ``shortfall``, ``wijken_short``
        (wijken with a shortfall) and, for kinderopvang, ``coverage``,
        ``income_related_share``, ``wijken_under_barcelona`` and ``wijken_under_flemish``.
    """
    sums = by_wijk.groupby("level", sort=False).agg(
        year=("year", "first"),
        capacity=("capacity", "sum"),
        resident_demand=("resident_demand", "sum"),
        inflow_demand=("inflow_demand", "sum"),
        demand=("demand", "sum"),
        wijken_short=("shortfall", lambda s: int((s > 0.5).sum())),
    )
    sums["balance"] = sums["capacity"] - sums["demand"]
    sums["shortfall"] = np.maximum(sums["demand"] - sums["capacity"], 0.0)
    kin = by_wijk[by_wijk["level"] == "kinderopvang"]
    if len(kin):
        children = kin["children_0_2"].sum()
        places = kin["capacity"].sum()
        sums.loc["kinderopvang", "coverage"] = places / children if children else np.nan
        sums.loc["kinderopvang", "income_related_share"] = (
            kin["income_related"].sum() / places if places else np.nan
        )
        sums.loc["kinderopvang", "wijken_under_barcelona"] = int(
            (kin["coverage"] < BARCELONA_NORM).sum()
        )
        sums.loc["kinderopvang", "wijken_under_flemish"] = int(
            (kin["coverage"] < FLEMISH_NORM).sum()
        )
    return sums.reset_index()
