"""The balance choropleth: one feature per wijk with its balance, styled red (short) to green.

:func:`balance_frame` joins one level and school year of the balance to the
wijk polygons; :func:`balance_style` classes the ``balance`` field
(capacity - demand) into round classes: reds for shortfalls (darker = larger),
greens for surpluses. The same plain-data style draws the map, the layer
tree's legend and the exports.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QLocale

from capacityplanner.render.class_breaks import nice_step
from capacityplanner.render.style import GraduatedClass, GraduatedStyle, Symbol

__all__ = [
    "BALANCE_FIELDS",
    "SHORT_COLORS",
    "SURPLUS_COLORS",
    "balance_frame",
    "balance_style",
]

#: Shortfall classes, small to large (ColorBrewer Reds).
SHORT_COLORS = ("#fcbba1", "#fb6a4a", "#de2d26", "#a50f15")
#: Surplus classes, small to large (ColorBrewer Greens).
SURPLUS_COLORS = ("#c7e9c0", "#74c476", "#238b45")
#: Balance figures carried by the layer, in the attribute table's order.
BALANCE_FIELDS = (
    "level",
    "year",
    "capacity_as_of",
    "capacity",
    "resident_demand",
    "inflow_demand",
    "demand",
    "balance",
    "shortfall",
)
#: A shortfall below half a place counts as none (as the city balance counts wijken short).
SHORT_THRESHOLD = 0.5


def _tr(text: str) -> str:
    return QCoreApplication.translate("BalanceStyle", text)


def _num(x: float) -> str:
    return QLocale().toString(float(x), "f", 0)


def balance_frame(
    wijken: gpd.GeoDataFrame, level_rows: pd.DataFrame, capacity_as_of: int
) -> gpd.GeoDataFrame:
    """The wijk polygons with one level's balance for one school year.

    Parameters
    ----------
    wijken : GeoDataFrame
        ``wijknr``, ``wijk`` and the polygons.
    level_rows : DataFrame
        Rows of :meth:`Workspace.balance` for one level (one per wijk).
    capacity_as_of : int
        School year whose capacity is counted (stored with each feature).

    Returns
    -------
    GeoDataFrame
        ``wijknr``, ``wijk`` and :data:`BALANCE_FIELDS` (plus ``coverage`` for
        kinderopvang), figures rounded to whole places; wijken without a row get 0.
    """
    out = wijken[["wijknr", "wijk", wijken.geometry.name]].copy()
    out["wijknr"] = out["wijknr"].astype(int)
    rows = level_rows.copy()
    rows["capacity_as_of"] = int(capacity_as_of)
    cols = [c for c in BALANCE_FIELDS if c in rows.columns]
    if "coverage" in rows.columns and rows["coverage"].notna().any():
        cols.append("coverage")
    joined = out.join(rows.set_index(rows["wijknr"].astype(int))[cols], on="wijknr")
    figures = ["capacity", "resident_demand", "inflow_demand", "demand", "balance", "shortfall"]
    joined[figures] = joined[figures].fillna(0.0).round(0)
    if "coverage" in joined.columns:
        joined["coverage"] = joined["coverage"].round(3)
    geo = wijken.geometry.name
    ordered = ["wijknr", "wijk", *cols, geo]
    return gpd.GeoDataFrame(joined[ordered], geometry=geo, crs=wijken.crs).reset_index(drop=True)


def balance_style(balance: pd.Series | np.ndarray, field_name: str = "balance") -> GraduatedStyle:
    """Red-green classes on the balance (capacity - demand, places).

    Up to four shortfall classes of one round width (darkest = largest
    shortfall) and up to three surplus classes; a balance within half a
    place of zero counts as no shortfall.

    Parameters
    ----------
    balance : Series or ndarray
        The balance of every wijk (chooses the class widths and the outer bounds).
    field_name : str
        Field the style classifies.
    """
    values = pd.to_numeric(pd.Series(np.asarray(balance, dtype=float)), errors="coerce")
    values = values[np.isfinite(values)].to_numpy(float)
    low = float(values.min()) if len(values) else 0.0
    high = float(values.max()) if len(values) else 0.0
    base = dict(stroke="#4d4d4d", stroke_width=0.8, fill_opacity=0.72)
    classes: list[GraduatedClass] = []

    worst = max(-low, 0.0)
    if worst > SHORT_THRESHOLD:
        step = nice_step(worst, len(SHORT_COLORS))
        n = max(1, min(len(SHORT_COLORS), int(np.ceil(worst / step))))
        colors = SHORT_COLORS[len(SHORT_COLORS) - n :]
        for i in range(n - 1, -1, -1):  # most negative first
            lo_short, hi_short = i * step, (i + 1) * step
            lower = -hi_short if i < n - 1 else min(low, -hi_short) - 1.0
            upper = -lo_short if i else -SHORT_THRESHOLD
            if i == n - 1 and n > 1:
                label = _tr("more than %1 places short").replace("%1", _num(lo_short))
            else:
                label = (
                    _tr("%1 – %2 places short")
                    .replace("%1", _num(max(lo_short, 1)))
                    .replace("%2", _num(hi_short))
                )
            classes.append(GraduatedClass(lower, upper, Symbol(fill=colors[i], **base), label))

    top = max(high, 0.0)
    step = nice_step(top, len(SURPLUS_COLORS)) if top > 0 else 1.0
    n = max(1, min(len(SURPLUS_COLORS), int(np.ceil(top / step)))) if top > 0 else 1
    for i in range(n):
        lower = -SHORT_THRESHOLD if i == 0 else i * step
        upper = (i + 1) * step if i < n - 1 else max(top, step) + 1.0
        if i == 0:
            label = _tr("no shortfall, up to %1 spare").replace("%1", _num(step))
        elif i < n - 1:
            label = (
                _tr("%1 – %2 places spare")
                .replace("%1", _num(i * step))
                .replace("%2", _num((i + 1) * step))
            )
        else:
            label = _tr("more than %1 places spare").replace("%1", _num(i * step))
        classes.append(GraduatedClass(lower, upper, Symbol(fill=SURPLUS_COLORS[i], **base), label))
    # a class's lower bound is the previous one's upper bound (GraduatedStyle takes v <= upper)
    return GraduatedStyle(field_name, classes)
