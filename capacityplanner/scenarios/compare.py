"""Two or more scenarios side by side, as tables.

* :func:`compare_summary`: one row per headline figure (citywide shortfall
  per level, wijken short, sites proposed, cost, travel), one column per scenario;
* :func:`compare_balance`: balance per wijk and level, a column per scenario and
  the difference with the first;
* :func:`compare_sites`: which sites each scenario proposes, with their places;
* :func:`compare_table`: the same for any results table, given its key columns.

Results tables follow the models' column names: ``balance`` has ``wijknr``,
``level``, ``year``, ``capacity``, ``demand``, ``balance``, ``shortfall``;
``plan_sites`` has ``site_id``, ``name``, ``kind``, ``cost`` and ``places_<level>``
columns; ``plan_travel`` has ``level``, ``mean_m``, ``p90_m``, ``share_within``;
``plan_allocation`` has ``level``, ``children``, ``distance``. A scenario
without a table simply has empty cells.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from capacityplanner.errors import InputError
from capacityplanner.scenarios.model import Scenario


def _names(scenarios: Sequence[Scenario]) -> list[str]:
    if len(scenarios) < 2:
        raise InputError("Compare needs at least two scenarios.")
    names = [s.name for s in scenarios]
    if len(set(names)) != len(names):
        raise InputError("Compare needs scenarios with different names.")
    return names


def compare_table(
    scenarios: Sequence[Scenario],
    table: str,
    keys: Sequence[str],
    values: Sequence[str],
) -> pd.DataFrame:
    """Values of results table ``table`` aligned on ``keys``, side by side.

    Returns
    -------
    pandas.DataFrame
        Index: ``keys``; columns: a MultiIndex (value, scenario name) and, for
        every further scenario, (value, ``"<name> - <first>"``) with the difference.
    """
    names = _names(scenarios)
    parts = []
    for name, sc in zip(names, scenarios, strict=True):
        frame = sc.results.get(table)
        if frame is None or frame.empty:
            continue
        missing = [c for c in (*keys, *values) if c not in frame.columns]
        if missing:
            raise InputError(
                f"Scenario {name!r}: results table {table!r} has no column {missing[0]!r}."
            )
        part = frame.groupby(list(keys), sort=True)[list(values)].sum(min_count=1)
        part.columns = pd.MultiIndex.from_product([list(values), [name]])
        parts.append(part)
    if not parts:
        return pd.DataFrame(
            index=pd.MultiIndex.from_arrays([[]] * len(keys), names=list(keys)),
            columns=pd.MultiIndex.from_product([list(values), names]),
        )
    wide = pd.concat(parts, axis=1).reindex(
        columns=pd.MultiIndex.from_product([list(values), names])
    )
    out = {}
    for value in values:
        for name in names:
            out[(value, name)] = wide[(value, name)]
        for name in names[1:]:
            out[(value, f"{name} - {names[0]}")] = wide[(value, name)] - wide[(value, names[0])]
    return pd.DataFrame(out).sort_index()


def compare_balance(
    scenarios: Sequence[Scenario],
    year: int | None = None,
    level: str | None = None,
    values: Sequence[str] = ("balance", "shortfall"),
) -> pd.DataFrame:
    """Balance per wijk and level side by side (optionally one school year or level)."""
    keys = ["wijknr", "level", "year"]
    selected = []
    for sc in scenarios:
        copy = Scenario(name=sc.name, results={})
        frame = sc.results.get("balance")
        if frame is not None:
            if year is not None and "year" in frame.columns:
                frame = frame[frame["year"] == year]
            if level is not None and "level" in frame.columns:
                frame = frame[frame["level"] == level]
            copy.results["balance"] = frame
        selected.append(copy)
    present = [s.results["balance"] for s in selected if "balance" in s.results]
    keys = [k for k in keys if all(k in f.columns for f in present)] or ["wijknr"]
    return compare_table(selected, "balance", keys, values)


def compare_sites(scenarios: Sequence[Scenario], table: str = "plan_sites") -> pd.DataFrame:
    """Sites each scenario proposes (new or expanded) and their places, side by side.

    Returns
    -------
    pandas.DataFrame
        Index ``site_id``; columns ``name``, ``kind`` and one column per scenario
        with the places the site gets there (empty: not proposed).
    """
    names = _names(scenarios)
    rows = []
    for name, sc in zip(names, scenarios, strict=True):
        frame = sc.results.get(table)
        if frame is None or frame.empty or "site_id" not in frame.columns:
            continue
        frame = frame
        if "kind" in frame.columns:
            frame = frame[frame["kind"].isin(["new", "expanded"])]
        place_cols = [c for c in frame.columns if str(c).startswith("places_")]
        places = frame[place_cols].sum(axis=1) if place_cols else pd.Series(1.0, index=frame.index)
        rows.append(
            pd.DataFrame(
                {
                    "site_id": frame["site_id"].to_numpy(),
                    "name": frame["name"].to_numpy() if "name" in frame else None,
                    "kind": frame["kind"].to_numpy() if "kind" in frame else None,
                    "scenario": name,
                    "places": places.to_numpy(dtype=float),
                }
            )
        )
    if not rows:
        return pd.DataFrame(columns=["name", "kind", *names], index=pd.Index([], name="site_id"))
    long = pd.concat(rows, ignore_index=True)
    wide = long.pivot_table(index="site_id", columns="scenario", values="places", aggfunc="sum")
    wide = wide.reindex(columns=names)
    labels = long.drop_duplicates("site_id").set_index("site_id")[["name", "kind"]]
    out = labels.join(wide, how="right")
    out.columns.name = None
    return out.sort_index()


def _summary_column(sc: Scenario) -> dict[str, float]:
    col: dict[str, float] = {}
    bal = sc.results.get("balance")
    if bal is not None and not bal.empty and {"level", "demand", "capacity"} <= set(bal.columns):
        if "year" in bal.columns:
            bal = bal[bal["year"] == bal["year"].min()]
        for level, grp in bal.groupby("level", sort=False):
            col[f"citywide shortfall {level}"] = float(grp["demand"].sum() - grp["capacity"].sum())
            if "shortfall" in grp.columns:
                col[f"wijken short {level}"] = float((grp["shortfall"] > 0).sum())
    sites = sc.results.get("plan_sites")
    if sites is not None and not sites.empty:
        kinds = sites["kind"] if "kind" in sites.columns else pd.Series("new", index=sites.index)
        col["new sites"] = float((kinds == "new").sum())
        col["expanded sites"] = float((kinds == "expanded").sum())
        if "brede" in sites.columns:
            col["brede sites"] = float(((kinds == "new") & sites["brede"].astype(bool)).sum())
        if "cost" in sites.columns:
            col["cost EUR"] = float(sites["cost"].sum())
    alloc = sc.results.get("plan_allocation")
    if alloc is not None and not alloc.empty and {"children", "distance"} <= set(alloc.columns):
        groups = (
            alloc.groupby("level", sort=False) if "level" in alloc.columns else [("all", alloc)]
        )
        for level, grp in groups:
            w = grp["children"].to_numpy(dtype=float)
            d = grp["distance"].to_numpy(dtype=float)
            if w.sum() > 0:
                col[f"mean travel m {level}"] = float(np.average(d, weights=w))
                col[f"max travel m {level}"] = float(d[w > 0].max())
    return col


def compare_summary(scenarios: Sequence[Scenario]) -> pd.DataFrame:
    """Headline figures of each scenario: one row per figure, one column per scenario.

    Figures: ``citywide shortfall <level>`` (demand minus capacity over the city,
    first school year in the balance), ``wijken short <level>``, ``new sites``,
    ``expanded sites``, ``brede sites``, ``cost EUR``, ``mean travel m <level>``
    and ``max travel m <level>`` (weighted by children allocated). A last column
    per further scenario gives its difference with the first.
    """
    names = _names(scenarios)
    cols = {name: _summary_column(sc) for name, sc in zip(names, scenarios, strict=True)}
    order: list[str] = []
    for col in cols.values():
        order += [k for k in col if k not in order]
    table = pd.DataFrame({name: pd.Series(cols[name], dtype=float) for name in names})
    table = table.reindex(order)
    for name in names[1:]:
        table[f"{name} - {names[0]}"] = table[name] - table[names[0]]
    table.index.name = "figure"
    return table


def balance_difference(
    balance_table: pd.DataFrame, level: str, base: str, other: str, year: int | None = None
) -> pd.DataFrame:
    """Per wijk: ``other``'s balance minus ``base``'s for one level (the difference map).

    Parameters
    ----------
    balance_table : pandas.DataFrame
        The result of :func:`compare_balance` (columns ``("balance", name)``).
    level : str
        Level key.
    base, other : str
        Scenario names; positive differences mean ``other`` has more spare places.
    year : int, optional
        School year, when the table holds several.

    Returns
    -------
    pandas.DataFrame
        ``wijknr``, ``balance_<base>``, ``balance_<other>``, ``difference``.
    """
    table = balance_table.reset_index()
    if "level" in table.columns:
        table = table[table["level"] == level]
    if year is not None and "year" in table.columns:
        table = table[table["year"] == year]
    if table.empty:
        raise InputError(f"The comparison holds no balance for level {level!r}.")
    for name in (base, other):
        if ("balance", name) not in table.columns:
            raise InputError(f"Scenario {name!r} has no balance in this comparison.")
    return pd.DataFrame(
        {
            "wijknr": table["wijknr"].to_numpy(dtype=int).ravel(),
            f"balance_{base}": table[("balance", base)].to_numpy(dtype=float),
            f"balance_{other}": table[("balance", other)].to_numpy(dtype=float),
            "difference": (table[("balance", other)] - table[("balance", base)]).to_numpy(
                dtype=float
            ),
        }
    )
