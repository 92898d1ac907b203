"""Forecast error against observed pupil counts, as the Flemish monitor reports it.

For every wijk and level with observations: MAPE (mean absolute percentage
error, |forecast - observed| / observed, averaged over years) and bias (mean
signed percentage error: positive = the forecast was too high).
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def backtest(forecast: pd.DataFrame, observed: pd.DataFrame) -> pd.DataFrame:
    """Compare forecast demand with observed pupils per wijk, level and year.

    Parameters
    ----------
    forecast : pandas.DataFrame
        ``wijknr``, ``level``, ``year``, ``demand``.
    observed : pandas.DataFrame
        ``wijknr``, ``level``, ``year``, ``pupils``.

    Returns
    -------
    pandas.DataFrame
        One row per wijk and level with ``years`` (number compared), ``mape`` and
        ``bias`` in percent, then one row per level with ``wijknr`` = 0 for the
        city as a whole (errors of the citywide sums).
    """
    keys = ["wijknr", "level", "year"]
    joined = observed.merge(forecast[keys + ["demand"]], on=keys, how="inner")
    joined = joined[joined["pupils"] > 0]
    joined = joined.assign(
        abs_pct=(joined["demand"] - joined["pupils"]).abs() / joined["pupils"] * 100.0,
        pct=(joined["demand"] - joined["pupils"]) / joined["pupils"] * 100.0,
    )
    per_wijk = joined.groupby(["wijknr", "level"], as_index=False).agg(
        years=("year", "nunique"), mape=("abs_pct", "mean"), bias=("pct", "mean")
    )
    city = joined.groupby(["level", "year"], as_index=False)[["demand", "pupils"]].sum()
    city = city.assign(
        abs_pct=(city["demand"] - city["pupils"]).abs() / city["pupils"] * 100.0,
        pct=(city["demand"] - city["pupils"]) / city["pupils"] * 100.0,
    )
    per_city = city.groupby("level", as_index=False).agg(
        years=("year", "nunique"), mape=("abs_pct", "mean"), bias=("pct", "mean")
    )
    per_city.insert(0, "wijknr", 0)
    out = pd.concat([per_wijk, per_city], ignore_index=True)
    out["wijknr"] = out["wijknr"].astype(np.int64)
    return out
