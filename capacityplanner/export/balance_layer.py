"""The balance of one school year as one feature per wijk, a column per level and figure."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from capacityplanner.errors import InputError

__all__ = ["BALANCE_COLUMNS", "FIGURES", "balance_wide", "check_columns"]

#: Columns a balance table must have (one row per wijk, level and year).
BALANCE_COLUMNS: tuple[str, ...] = (
    "wijknr",
    "level",
    "year",
    "capacity",
    "demand",
    "balance",
    "shortfall",
)
#: Figures spread into ``<figure>_<level>`` columns.
FIGURES: tuple[str, ...] = ("capacity", "demand", "balance", "shortfall")


def check_columns(frame: pd.DataFrame, required: tuple[str, ...] | list[str], what: str) -> None:
    """Raise :class:`InputError` naming ``what`` and the missing columns, if any."""
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(f"{what} lacks the column(s) {', '.join(missing)}.")


def balance_wide(wijken: gpd.GeoDataFrame, balance: pd.DataFrame, year: int) -> gpd.GeoDataFrame:
    """Join one school year of the balance to the wijk polygons, one column per level.

    Parameters
    ----------
    wijken : geopandas.GeoDataFrame
        The wijk polygons with ``wijknr`` and ``wijk``.
    balance : pandas.DataFrame
        One row per wijk, level and year with :data:`BALANCE_COLUMNS`.
    year : int
        School year ``Y`` (Y-(Y+1)) to show.

    Returns
    -------
    geopandas.GeoDataFrame
        ``wijknr``, ``wijk``, ``year`` and ``capacity_<level>``, ``demand_<level>``,
        ``balance_<level>``, ``shortfall_<level>`` for every level in the table,
        in the wijken's CRS and order. Wijken without a balance row get 0.
    """
    check_columns(wijken, ("wijknr", "wijk"), "The wijken layer")
    check_columns(balance, BALANCE_COLUMNS, "The balance table")
    rows = balance[balance["year"] == year]
    if rows.empty:
        years = sorted(pd.unique(balance["year"]))
        raise InputError(
            f"The balance table has no rows for school year {year} (it has {years[:10]})."
        )
    dup = rows.duplicated(["wijknr", "level"])
    if dup.any():
        first = rows[dup].iloc[0]
        raise InputError(
            f"The balance table has more than one row for wijk {first['wijknr']}, "
            f"level {first['level']}, school year {year}."
        )
    levels = list(pd.unique(rows["level"]))
    wide = rows.pivot(index="wijknr", columns="level", values=list(FIGURES))
    wide.columns = [f"{fig}_{lev}" for fig, lev in wide.columns]
    ordered = [f"{fig}_{lev}" for lev in levels for fig in FIGURES]
    out = wijken[["wijknr", "wijk", wijken.geometry.name]].copy()
    out["wijknr"] = out["wijknr"].astype(int)
    wide.index = wide.index.astype(int)
    joined = out.join(wide[ordered], on="wijknr")
    joined[ordered] = joined[ordered].fillna(0.0)
    joined.insert(2, "year", int(year))
    return gpd.GeoDataFrame(joined, geometry=wijken.geometry.name, crs=wijken.crs)
