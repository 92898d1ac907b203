"""Turn the demographic tables into :class:`~capacityplanner.models.forecast.ProjectionInputs`.

Works on DataFrames only (no file I/O). Rules, documented here because every
forecast number depends on them:

* births are given per wijk; a sector receives its wijk's births in proportion
  to its share of the wijk's children aged 0 in the base year (by total
  population aged 0-24 where a wijk had no children aged 0);
* a user's citywide births series replaces the births of the years it covers,
  keeping each variant's spread over wijken and its ratio to the mid variant;
* housing projects are completed evenly over ``first_year .. last_year``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from capacityplanner.errors import InputError
from capacityplanner.models.forecast import ProjectionInputs
from capacityplanner.models.levels import N_AGES
from capacityplanner.models.params import AREA_CLASSES, CENTRE_STADSDELEN, VARIANTS, ForecastParams


def build_inputs(
    bevolking: pd.DataFrame,
    geboorten: pd.DataFrame,
    wijk_stadsdeel: dict[int, str],
    params: ForecastParams,
    woonprojecten: pd.DataFrame | None = None,
    level: str = "sector",
) -> ProjectionInputs:
    """Build projection inputs at sector or wijk level.

    Parameters
    ----------
    bevolking : pandas.DataFrame
        ``sector_code``, ``wijknr``, ``age`` (0-24), ``population`` on 1 January of
        the base year.
    geboorten : pandas.DataFrame
        ``wijknr``, ``year``, ``variant`` (``observed``, ``low``, ``mid``, ``high``),
        ``births``.
    wijk_stadsdeel : dict
        Stadsdeel of each wijk number (decides the migration area class).
    params : ForecastParams
        Horizon, birth series.
    woonprojecten : pandas.DataFrame, optional
        ``sector_code``, ``dwelling_type``, ``dwellings``, ``first_year``,
        ``last_year``.
    level : {"sector", "wijk"}
        Areas of the projection.

    Returns
    -------
    ProjectionInputs
    """
    _check_population(bevolking)
    pivot = (
        bevolking.pivot_table(
            index=["sector_code", "wijknr"], columns="age", values="population", aggfunc="sum"
        )
        .reindex(columns=range(N_AGES))
        .sort_index()
    )
    missing_age = pivot.columns[pivot.isna().all(axis=0)]
    if len(missing_age):
        raise InputError(
            f"Population table bevolking has no rows for age {int(missing_age[0])} "
            "(ages 0-24 are needed)."
        )
    pivot = pivot.fillna(0.0)
    sector_codes = pivot.index.get_level_values("sector_code").to_numpy()
    sector_wijk = pivot.index.get_level_values("wijknr").to_numpy(dtype=int)
    base = pivot.to_numpy(dtype=float)

    wijken = np.array(sorted(wijk_stadsdeel))
    unknown = sorted(set(sector_wijk) - set(wijken))
    if unknown:
        raise InputError(f"Population table bevolking refers to unknown wijk {unknown[0]}.")
    wijk_births = _wijk_births(geboorten, wijken, params)  # (3, wijken, years)

    # share of each sector in its wijk's births
    age0 = base[:, 0]
    young = base.sum(axis=1)
    wijk_pos = np.searchsorted(wijken, sector_wijk)
    age0_total = np.bincount(wijk_pos, weights=age0, minlength=len(wijken))
    young_total = np.bincount(wijk_pos, weights=young, minlength=len(wijken))
    use_age0 = age0_total[wijk_pos] > 0
    share = np.where(
        use_age0,
        age0 / np.where(age0_total[wijk_pos] > 0, age0_total[wijk_pos], 1.0),
        young / np.where(young_total[wijk_pos] > 0, young_total[wijk_pos], 1.0),
    )

    classes = np.array(
        [
            AREA_CLASSES.index("centrum" if wijk_stadsdeel[w] in CENTRE_STADSDELEN else "rand")
            for w in wijken
        ]
    )
    housing = _housing_rows(woonprojecten, sector_codes, sector_wijk, wijken, level)

    if level == "sector":
        return ProjectionInputs(
            area_ids=sector_codes,
            area_wijknr=sector_wijk,
            area_class=classes[wijk_pos],
            base_population=base,
            births=wijk_births[:, wijk_pos, :] * share[None, :, None],
            housing=housing,
        )
    if level == "wijk":
        base_w = np.zeros((len(wijken), N_AGES))
        np.add.at(base_w, wijk_pos, base)
        return ProjectionInputs(
            area_ids=wijken,
            area_wijknr=wijken,
            area_class=classes,
            base_population=base_w,
            births=wijk_births,
            housing=housing,
        )
    raise ValueError(f"level must be 'sector' or 'wijk', not {level!r}")


def _check_population(bevolking: pd.DataFrame) -> None:
    for column in ("sector_code", "wijknr", "age", "population"):
        if column not in bevolking.columns:
            raise InputError(f"Population table bevolking lacks the field {column!r}.")
    bad = bevolking[(bevolking["population"] < 0) | bevolking["population"].isna()]
    if len(bad):
        row = bad.iloc[0]
        raise InputError(
            f"Population table bevolking, sector {row['sector_code']} age {row['age']}: "
            f"population {row['population']!r} is negative or missing."
        )
    bad_age = bevolking[(bevolking["age"] < 0) | (bevolking["age"] >= N_AGES)]
    if len(bad_age):
        raise InputError(
            f"Population table bevolking has age {bad_age['age'].iloc[0]!r}; ages 0-24 expected."
        )


def _wijk_births(geboorten: pd.DataFrame, wijken: np.ndarray, params: ForecastParams) -> np.ndarray:
    for column in ("wijknr", "year", "variant", "births"):
        if column not in geboorten.columns:
            raise InputError(f"Births table geboorten lacks the field {column!r}.")
    negative = geboorten[(geboorten["births"] < 0) | geboorten["births"].isna()]
    if len(negative):
        row = negative.iloc[0]
        raise InputError(
            f"Births table geboorten, wijk {row['wijknr']} year {row['year']}: births "
            f"{row['births']!r} is negative or missing."
        )
    years = np.arange(params.base_year, params.end_year + 1)
    out = np.zeros((len(VARIANTS), len(wijken), len(years)))
    for v, variant in enumerate(VARIANTS):
        table = geboorten[geboorten["variant"] == variant]
        grid = table.pivot_table(
            index="wijknr", columns="year", values="births", aggfunc="sum"
        ).reindex(index=wijken, columns=years)
        if grid.isna().to_numpy().any():
            where = np.argwhere(grid.isna().to_numpy())[0]
            raise InputError(
                f"Births table geboorten has no {variant} births for wijk "
                f"{wijken[where[0]]} in {years[where[1]]}."
            )
        out[v] = grid.to_numpy(dtype=float)
    if params.births_series:
        outside = [y for y in params.births_series if not years[0] <= y <= years[-1]]
        if outside:
            raise InputError(
                f"Parameter births_series gives year {outside[0]}, outside the forecast "
                f"years {years[0]}-{years[-1]}."
            )
        mid = VARIANTS.index("mid")
        for year, total in params.births_series.items():
            t = year - years[0]
            mid_total = out[mid, :, t].sum()
            scale = total / mid_total if mid_total > 0 else 0.0
            out[:, :, t] *= scale
    return out


def _housing_rows(
    woonprojecten: pd.DataFrame | None,
    sector_codes: np.ndarray,
    sector_wijk: np.ndarray,
    wijken: np.ndarray,
    level: str,
) -> pd.DataFrame:
    columns = ["area_index", "dwelling_type", "year", "dwellings"]
    if woonprojecten is None or len(woonprojecten) == 0:
        return pd.DataFrame({c: [] for c in columns})
    for column in ("sector_code", "dwelling_type", "dwellings", "first_year", "last_year"):
        if column not in woonprojecten.columns:
            raise InputError(f"Housing projects (woonprojecten) lack the field {column!r}.")
    projects = woonprojecten.reset_index(drop=True)
    sector_index = pd.Series(np.arange(len(sector_codes)), index=sector_codes)
    unknown = projects.loc[~projects["sector_code"].isin(sector_index.index)]
    if len(unknown):
        row = unknown.iloc[0]
        raise InputError(
            f"Housing project {row.get('name', row.name)!r} lies in sector "
            f"{row['sector_code']!r}, which is not in the sector layer."
        )
    bad = projects[
        (projects["dwellings"] < 0)
        | projects["dwellings"].isna()
        | (projects["last_year"] < projects["first_year"])
    ]
    if len(bad):
        row = bad.iloc[0]
        raise InputError(
            f"Housing project {row.get('name', row.name)!r}: dwellings {row['dwellings']!r} "
            f"over {row['first_year']}-{row['last_year']} is not a valid completion schedule."
        )
    first = projects["first_year"].to_numpy(dtype=int)
    last = projects["last_year"].to_numpy(dtype=int)
    spans = last - first + 1
    rows = np.repeat(np.arange(len(projects)), spans)
    offsets = np.arange(spans.sum()) - np.repeat(np.cumsum(spans) - spans, spans)
    sector_pos = sector_index.loc[projects["sector_code"]].to_numpy()
    area = sector_pos if level == "sector" else np.searchsorted(wijken, sector_wijk[sector_pos])
    return pd.DataFrame(
        {
            "area_index": area[rows],
            "dwelling_type": projects["dwelling_type"].to_numpy()[rows],
            "year": first[rows] + offsets,
            "dwellings": (projects["dwellings"].to_numpy(dtype=float) / spans)[rows],
        }
    )
