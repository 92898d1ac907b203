"""Join a table (CSV/XLSX) to a layer by a key column.

The typical case: a capacity spreadsheet joined to the city's school layer
by ``instellingsnummer``. Keys are compared as text after trimming, upper
casing and dropping leading zeros and Excel's ``.0`` from numbers, so
``"012345"``, ``12345`` and ``12345.0`` match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from capacityplanner.geodata.problems import MAX_PER_FIELD, JoinReport, Problem, problem
from capacityplanner.geodata.validate import parse_numbers

#: Suffix of a table column whose name the layer already uses.
TABLE_SUFFIX = "_tabel"


@dataclass
class JoinOutcome:
    """A joined layer and what the join found.

    Attributes
    ----------
    frame : geopandas.GeoDataFrame or None
        The layer with the table's columns added (None when the join failed).
    report : JoinReport or None
        Matched and unmatched keys.
    table_rows : numpy.ndarray
        For each feature, the spreadsheet row it got its table values from (0: none).
    table_columns : list of str
        Columns of ``frame`` that came from the table.
    problems : list of Problem
    warnings : list of str
    """

    frame: gpd.GeoDataFrame | None
    report: JoinReport | None
    table_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    table_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def normalize_keys(values: pd.Series) -> pd.Series:
    """Keys in comparable form (text; NA where empty)."""
    text = values.astype("string").str.strip().str.upper()
    text = text.str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    digits = text.str.fullmatch(r"\d+").fillna(False)
    stripped = text.str.lstrip("0").replace("", "0")
    text = text.where(~digits, stripped)
    return text.mask(text == "")


def join_table(
    layer: gpd.GeoDataFrame,
    table: pd.DataFrame,
    layer_key: str,
    table_key: str | None = None,
    *,
    layer_file: str,
    table_file: str,
    layer_name: str | None = None,
    table_sheet: str | None = None,
    layer_rows: Sequence[int] | None = None,
    table_rows: Sequence[int] | None = None,
    split_columns: Sequence[str] = (),
    decimal_comma: bool | None = None,
) -> JoinOutcome:
    """Add a table's columns to the layer's features with the same key.

    Every feature keeps its place; features without a table row get empty
    values. A table row matched by several features (one school number with
    several locations) has its ``split_columns`` (capacities) divided evenly
    over them, with a warning, so that the total stays the same.

    Parameters
    ----------
    layer : geopandas.GeoDataFrame
        The layer; not modified.
    table : pandas.DataFrame
        The table; not modified.
    layer_key, table_key : str
        Key column in the layer and in the table (``table_key`` defaults to ``layer_key``).
    layer_file, table_file, layer_name, table_sheet
        For messages.
    layer_rows, table_rows : sequence of int, optional
        Row numbers the user sees (default: 1-based; spreadsheet rows for the table).
    split_columns : sequence of str
        Table columns to divide over features sharing a key.
    decimal_comma : bool, optional
        Whether the table writes decimal commas.

    Returns
    -------
    JoinOutcome
    """
    table_key = table_key or layer_key
    lrows = np.asarray(layer_rows if layer_rows is not None else np.arange(1, len(layer) + 1))
    trows = np.asarray(table_rows if table_rows is not None else np.arange(2, len(table) + 2))
    out = JoinOutcome(frame=None, report=None)
    if layer_key not in layer.columns:
        out.problems.append(
            problem(
                layer_file,
                f"has no key column '{layer_key}' to join on (columns: "
                f"{', '.join(c for c in map(str, layer.columns) if c != 'geometry')})",
                layer=layer_name,
            )
        )
    if table_key not in table.columns:
        out.problems.append(
            problem(
                table_file,
                f"has no key column '{table_key}' to join on (columns: "
                f"{', '.join(map(str, table.columns))})",
                layer=table_sheet,
            )
        )
    if out.problems:
        return out
    tkeys = normalize_keys(table[table_key])
    empty = tkeys.isna().to_numpy()
    for i in np.flatnonzero(empty)[:MAX_PER_FIELD]:
        out.warnings.append(
            f"{table_file}, row {int(trows[i])}: no {table_key}; the row is not used."
        )
    dup = tkeys.duplicated(keep="first").to_numpy() & ~empty
    if dup.any():
        seen: dict[str, int] = {}
        for k, r in zip(tkeys[~empty], trows[~empty], strict=True):
            seen.setdefault(k, int(r))
        for i in np.flatnonzero(dup)[:MAX_PER_FIELD]:
            key = tkeys.iloc[i]
            out.problems.append(
                problem(
                    table_file,
                    f"{table_key} {table[table_key].iloc[i]} appears again (first in row "
                    f"{seen[key]}); each key may appear once",
                    layer=table_sheet,
                    row=int(trows[i]),
                    field=table_key,
                )
            )
        return out
    lkeys = normalize_keys(layer[layer_key])
    position = pd.Series(np.arange(len(table)), index=pd.Index(tkeys)).loc[~empty]
    pos = lkeys.map(position)
    matched = pos.notna().to_numpy()
    pos_arr = pos.fillna(-1).astype(np.int64).to_numpy()

    rename = {}
    for c in table.columns:
        if c == table_key:
            continue
        rename[c] = f"{c}{TABLE_SUFFIX}" if c in layer.columns else c
    add = table.drop(columns=[table_key]).rename(columns=rename)
    taken = add.iloc[np.where(matched, pos_arr, 0)].reset_index(drop=True)
    taken = taken.astype(object).where(np.broadcast_to(matched[:, None], taken.shape), None)
    taken.index = layer.index

    shared = pd.Series(pos_arr).where(matched)
    group_size = shared.map(shared.value_counts()).fillna(1).to_numpy().astype(np.int64)
    rank = (
        shared.groupby(shared)
        .cumcount()
        .reindex(range(len(shared)))
        .fillna(0)
        .to_numpy()
        .astype(np.int64)
    )
    multi = matched & (group_size > 1)
    if multi.any():
        for col in split_columns:
            newcol = rename.get(col)
            if newcol is None:
                continue
            values, bad, _ = parse_numbers(taken[newcol], decimal_comma)
            ok = multi & ~bad & np.isfinite(values)
            whole = ok & (values == np.round(values))
            share = np.where(
                whole,
                np.floor_divide(np.nan_to_num(values), group_size),
                np.nan_to_num(values) / group_size,
            )
            rest = np.where(whole, np.nan_to_num(values) - share * group_size, 0)
            share = share + (whole & (rank < rest))
            col_values = taken[newcol].to_numpy(dtype=object).copy()
            col_values[ok] = share[ok]
            taken[newcol] = col_values
        keys = sorted({str(k) for k in layer[layer_key][multi]})
        out.warnings.append(
            f"{table_file}: {len(keys)} keys match several features in {layer_file} "
            f"({', '.join(keys[:10])}{' ...' if len(keys) > 10 else ''}); "
            + (
                f"their {', '.join(split_columns)} are divided evenly over those features."
                if split_columns
                else "their values are copied to each."
            )
        )
    frame = layer.copy()
    for c in taken.columns:
        frame[c] = taken[c]
    used = np.zeros(len(table), bool)
    used[pos_arr[matched]] = True
    unmatched_table = [str(v) for v in table[table_key][~used & ~empty]]
    unmatched_layer = ["" if pd.isna(v) else str(v) for v in layer[layer_key][~matched]]
    out.frame = frame
    out.table_columns = list(taken.columns)
    out.table_rows = np.where(matched, trows[np.clip(pos_arr, 0, None)], 0)
    out.report = JoinReport(
        table_file=table_file,
        layer_key=layer_key,
        table_key=table_key,
        matched=int(matched.sum()),
        unmatched_layer=unmatched_layer,
        unmatched_table=unmatched_table,
    )
    if unmatched_table:
        out.warnings.append(
            f"{table_file}: {len(unmatched_table)} rows have a {table_key} that is not in {layer_file} "
            f"({', '.join(unmatched_table[:10])}{' ...' if len(unmatched_table) > 10 else ''}); they are not used."
        )
    for i in np.flatnonzero(~matched)[:MAX_PER_FIELD]:
        key = layer[layer_key].iloc[i]
        what = (
            f"has no {layer_key}, so no row of {table_file} can match it"
            if pd.isna(key)
            else f"{layer_key} {key} has no row in {table_file}"
        )
        out.problems.append(
            problem(layer_file, what, layer=layer_name, row=int(lrows[i]), field=layer_key)
        )
    n_unmatched = int((~matched).sum())
    if n_unmatched > MAX_PER_FIELD:
        out.problems.append(
            problem(
                layer_file,
                f"{n_unmatched - MAX_PER_FIELD} more features have no row in {table_file}",
                layer=layer_name,
                field=layer_key,
            )
        )
    return out
