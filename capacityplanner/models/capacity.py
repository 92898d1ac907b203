"""Capacity per wijk, level and school year, from site layers and capacity changes.

A site or an expansion counts from the school year it opens: capacity in
school year ``Y`` (or "as of" ``Y``) is the sum of every record whose
``school_year`` is at most ``Y``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from capacityplanner.errors import InputError

#: Which field of which site layer holds the capacity of which level.
CAPACITY_FIELDS: dict[str, dict[str, str]] = {
    "scholen_basis": {
        "kleuter": "capacity_kleuter",
        "lager": "capacity_lager",
        "bso": "capacity_bso",
    },
    "scholen_secundair": {"secundair": "capacity_secundair"},
    "kinderopvang": {"kinderopvang": "places"},
    "jeugdinfrastructuur": {"jeugd": "capacity"},
}
RECORD_COLUMNS = ["site_id", "layer", "wijknr", "level", "places", "income_related", "school_year"]


def capacity_records(layers: dict[str, pd.DataFrame], changes: pd.DataFrame | None) -> pd.DataFrame:
    """One row per site and level, plus one row per capacity change.

    Parameters
    ----------
    layers : dict of str to pandas.DataFrame
        Site layers by name (any of :data:`CAPACITY_FIELDS`); each needs ``site_id``,
        ``wijknr`` and ``opened`` (school year the site opened; missing = always).
    changes : pandas.DataFrame, optional
        ``site_id``, ``level``, ``places``, ``school_year`` (table
        ``capaciteitswijzigingen``); may also hold ``wijknr`` for sites not in a layer.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`RECORD_COLUMNS`.
    """
    frames = []
    site_wijk: dict[str, int] = {}
    for layer, fields in CAPACITY_FIELDS.items():
        table = layers.get(layer)
        if table is None or len(table) == 0:
            continue
        for column in ("site_id", "wijknr"):
            if column not in table.columns:
                raise InputError(f"Layer {layer} lacks the field {column!r}.")
        opened = (
            table["opened"].fillna(0).to_numpy(dtype=int)
            if "opened" in table.columns
            else np.zeros(len(table), dtype=int)
        )
        site_wijk.update(zip(table["site_id"], table["wijknr"].astype(int), strict=True))
        for level, column in fields.items():
            if column not in table.columns:
                continue
            places = pd.to_numeric(table[column], errors="coerce")
            if places.isna().any() or (places < 0).any():
                row = int(np.flatnonzero(places.isna() | (places < 0))[0])
                raise InputError(
                    f"Layer {layer}, row {row + 1} ({table['site_id'].iloc[row]}): field "
                    f"{column} = {table[column].iloc[row]!r} is not a capacity of 0 or more."
                )
            income = (
                table["income_related_places"].to_numpy(dtype=float)
                if level == "kinderopvang" and "income_related_places" in table.columns
                else np.zeros(len(table))
            )
            frames.append(
                pd.DataFrame(
                    {
                        "site_id": table["site_id"].to_numpy(),
                        "layer": layer,
                        "wijknr": table["wijknr"].to_numpy(dtype=int),
                        "level": level,
                        "places": places.to_numpy(dtype=float),
                        "income_related": income,
                        "school_year": opened,
                    }
                )
            )
    if changes is not None and len(changes):
        frames.append(_change_records(changes, site_wijk))
    if not frames:
        return pd.DataFrame({c: [] for c in RECORD_COLUMNS})
    return pd.concat(frames, ignore_index=True)[RECORD_COLUMNS]


def _change_records(changes: pd.DataFrame, site_wijk: dict[str, int]) -> pd.DataFrame:
    for column in ("site_id", "level", "places", "school_year"):
        if column not in changes.columns:
            raise InputError(
                f"Capacity changes (capaciteitswijzigingen) lack the field {column!r}."
            )
    wijk = changes["site_id"].map(site_wijk)
    if "wijknr" in changes.columns:
        wijk = wijk.fillna(changes["wijknr"])
    if wijk.isna().any():
        row = int(np.flatnonzero(wijk.isna())[0])
        raise InputError(
            f"Capacity change row {row + 1}: site {changes['site_id'].iloc[row]!r} is in no "
            "site layer and the row gives no wijknr."
        )
    income = changes["income_related_places"] if "income_related_places" in changes else 0.0
    return pd.DataFrame(
        {
            "site_id": changes["site_id"].to_numpy(),
            "layer": changes["layer"].to_numpy() if "layer" in changes else "",
            "wijknr": wijk.to_numpy(dtype=int),
            "level": changes["level"].to_numpy(),
            "places": changes["places"].to_numpy(dtype=float),
            "income_related": np.broadcast_to(np.asarray(income, dtype=float), len(changes)),
            "school_year": changes["school_year"].to_numpy(dtype=int),
        }
    )


def capacity_as_of(records: pd.DataFrame, school_year: int) -> pd.DataFrame:
    """Capacity per wijk and base level counting records opened by ``school_year``.

    Returns
    -------
    pandas.DataFrame
        Columns ``wijknr``, ``level``, ``capacity``, ``income_related``.
    """
    opened = records[records["school_year"] <= school_year]
    return opened.groupby(["wijknr", "level"], as_index=False).agg(
        capacity=("places", "sum"), income_related=("income_related", "sum")
    )
